/**
 * Every message a rule can print, with the data the rule passes in the common case: one sentence
 * a person reads at a glance (about 160 characters at most; the rest is on the rule's docs page),
 * scope URLs in full where the user must type them, and grammar that holds for every wording of
 * the source ("the scopes assigned on line 5" is plural).
 */
import { describe, expect, it } from 'vitest';
import { rules } from '../../src/rules/index.ts';

const LIMIT = 160;
const AUTH = 'https://www.googleapis.com/auth';

/** Realistic data per rule and message id: what the rule passes for a typical finding. */
const COMMON: Record<string, Record<string, Record<string, string>>> = {
  'missing-scope': {
    missingScope: {
      api: 'Gmail',
      method: 'users.messages.send',
      accepted: 'gmail.send or broader',
      source: 'the GoogleAuth on line 4',
      requested: 'gmail.readonly',
      add: `\`${AUTH}/gmail.send\``,
      where: '',
    },
    missingProjectScope: {
      api: 'Gmail',
      method: 'users.messages.send',
      accepted: 'gmail.send or broader',
      sites: 'src/auth.ts:12 and 1 more',
      add: `\`${AUTH}/gmail.send\``,
    },
    unresolvedScopes: { api: 'Gmail', method: 'users.messages.send' },
    addScopes: { add: `\`${AUTH}/gmail.send\`` },
  },
  'metadata-scope': {
    formatNotAllowed: {
      api: 'Gmail',
      method: 'users.messages.get',
      format: "no `format` (so 'full')",
      source: 'the GoogleAuth on line 4',
      also: '',
    },
    queryNotAllowed: { api: 'Gmail', method: 'users.messages.list', source: 'the GoogleAuth on line 4', also: '' },
    useMetadataFormat: {},
    removeMetadataScope: { others: 'gmail.readonly' },
    scopeTrap: {
      api: 'Calendar',
      method: 'events.list',
      granted: 'only calendar.app.created',
      source: 'the GoogleAuth on line 4',
      reason: 'that scope never reaches the primary calendar',
    },
    addScopes: { add: `\`${AUTH}/drive.readonly\`` },
    serviceAccountWithoutSubject: {
      api: 'Admin SDK',
      method: 'users.list',
      kind: 'JWT',
      line: '3',
      reason: 'the Directory API needs it to impersonate an administrator (`subject`)',
    },
    userCredentialRejected: {
      api: 'Chat',
      method: 'spaces.messages.attachments.get',
      kind: 'OAuth2',
      line: '3',
      reason: "only the Chat app's service account (no `subject`) may call it",
    },
  },
  'least-privilege': {
    unusedScope: {
      api: 'Gmail',
      scope: 'gmail.modify',
      source: 'the GoogleAuth on line 4',
      effect: ' That lowers the app from restricted to sensitive scopes.',
    },
    redundantScope: {
      api: 'Gmail',
      scope: 'gmail.readonly',
      source: 'the GoogleAuth on line 4',
      others: '`gmail.modify`',
      cover: 'covers',
      effect: '',
    },
    broaderScope: {
      api: 'Gmail',
      scope: 'gmail.modify',
      source: 'the GoogleAuth on line 4',
      narrower: `\`${AUTH}/gmail.readonly\``,
      cover: 'covers',
      effect: '',
    },
    removeScope: { scope: 'gmail.modify' },
    replaceScope: { scope: 'gmail.modify', narrower: `\`${AUTH}/gmail.readonly\`` },
  },
  'no-restricted-scopes': {
    restrictedScope: {
      api: 'Gmail',
      scope: 'gmail.modify',
      classification: 'restricted',
      consequence: "public apps need Google's verification and a yearly CASA security assessment",
    },
    restrictedScopes: {
      api: 'Gmail',
      scopes: '`gmail.readonly` and `gmail.modify`',
      classification: 'restricted',
      consequence: "public apps need Google's verification and a yearly CASA security assessment",
    },
    delegatedScope: {
      api: 'Gmail',
      scope: 'gmail.modify',
      classification: 'restricted',
      consequence: 'no app verification; a Workspace admin must grant it',
    },
    delegatedScopes: {
      api: 'Gmail',
      scopes: '`gmail.readonly` and `gmail.modify`',
      classification: 'restricted',
      consequence: 'no app verification; a Workspace admin must grant it',
    },
  },
  'valid-scope': {
    invalidScope: { scope: 'gmail.send', problems: 'a short form, not the scope URL', replacement: `${AUTH}/gmail.send` },
    unknownScope: { scope: `${AUTH}/gmail.everything`, problems: ': not a Gmail scope', hint: '' },
    replaceScope: { replacement: `${AUTH}/gmail.send` },
    commaJoinedScopes: {},
    spaceScopes: {},
  },
};

/** Every rule's fail-closed messages (src/utils/fail-closed.ts), with a realistic reason. */
const FAILURES = {
  analysisFailed: { reason: 'Maximum call stack size exceeded (at file-analysis.ts:212)' },
  invalidSettings: { reason: `settings['googleapis-scopes'].scopes must be an array of scope URL strings.` },
};
for (const ids of Object.values(COMMON)) Object.assign(ids, FAILURES);

function render(template: string, data: Record<string, string>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, key: string) => {
    const value = data[key];
    if (value === undefined) throw new Error(`no data for {{${key}}} in "${template}"`);
    return value;
  });
}

const templates = Object.entries(rules).flatMap(([rule, module]) =>
  Object.entries((module.meta.messages ?? {}) as Record<string, string>).map(([id, template]) => ({ rule, id, template })),
);

describe('rule messages', () => {
  it('has common-case data for every message of every rule', () => {
    expect(templates.map(({ rule, id }) => `${rule}/${id}`).sort()).toEqual(
      Object.entries(COMMON)
        .flatMap(([rule, ids]) => Object.keys(ids).map((id) => `${rule}/${id}`))
        .sort(),
    );
  });

  it.each(templates)('$rule/$id reads at a glance (at most 160 characters in the common case)', ({ rule, id, template }) => {
    const message = render(template, COMMON[rule]![id]!);
    expect(message.length, message).toBeLessThanOrEqual(LIMIT);
  });

  it('never makes the source the subject of a verb (every wording of it reads right)', () => {
    for (const { rule, id, template } of templates) {
      if (!template.includes('{{source}}')) continue;
      const message = render(template, { ...COMMON[rule]![id]!, source: 'the scopes assigned on line 5' });
      expect(message, `${rule}/${id}`).not.toMatch(/line 5 (requests|has|gets|gives|grants)\b/);
    }
  });

  it('writes in full the scope URL the user has to type', () => {
    const typed = [
      COMMON['missing-scope']!.missingScope!.add,
      COMMON['least-privilege']!.broaderScope!.narrower,
      COMMON['valid-scope']!.invalidScope!.replacement,
    ];
    for (const value of typed) expect(value).toMatch(/https:\/\/www\.googleapis\.com\/auth\/gmail\.\w+/);
  });
});
