import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FileInventory, InventoryCall, InventorySource } from '../../src/google/inventory.ts';
import { exitCode } from '../../src/cli/run.ts';
import { buildReport } from '../../src/cli/report.ts';
import { formatMarkdown } from '../../src/cli/format-markdown.ts';
import { getMethod } from '../../src/scopes/api-map.ts';
import { effectiveAcceptedScopes, metadataVerdict } from '../../src/scopes/metadata.ts';
import type { CallShape } from '../../src/scopes/metadata.ts';
import { scope, scopes } from './run-cli.ts';

const CWD = path.resolve('/project');
const file = (name: string): string => path.join(CWD, name);

let line = 0;
function call(method: string, source: string | undefined, shape: CallShape = {}): InventoryCall {
  const info = getMethod('gmail', method);
  if (info === undefined) throw new Error(`no method ${method}`);
  line++;
  return {
    method,
    api: 'gmail',
    version: 'v1',
    via: 'client',
    location: { file: file('app.js'), line, column: 1 },
    accepted: info.scopes,
    effective: effectiveAcceptedScopes(info, shape),
    metadata: metadataVerdict(info, shape).status,
    source,
  };
}

function auth(id: string, requested: string[], complete = true): InventorySource {
  return {
    id,
    kind: 'auth',
    foundIn: file('app.js'),
    authKind: 'GoogleAuth',
    description: `the GoogleAuth on line ${id}`,
    location: { file: file('app.js'), line: Number(id), column: 1 },
    scopes: requested,
    complete,
    declaredAt: [],
  };
}

function report(sources: InventorySource[], calls: InventoryCall[]) {
  const inventory: FileInventory = { file: file('app.js'), sources, calls };
  return buildReport({ cwd: CWD, inventories: [inventory] });
}

const declaration = (result: ReturnType<typeof report>, id: string) => result.declarations.find((item) => item.id === id);

describe('buildReport', () => {
  it('calls requested scopes unused when the least-privileged cover of the calls leaves them out', () => {
    // Same classification (restricted) either way: the fewest scopes win, as in missing-scope's fix.
    const result = report(
      [auth('10', scopes('gmail.modify', 'gmail.readonly', 'gmail.send'))],
      [call('users.messages.list', '10'), call('users.messages.send', '10')],
    );
    expect(declaration(result, 'app.js:10:1')).toMatchObject({
      minimal: scopes('gmail.modify'),
      missing: [],
      unused: scopes('gmail.send', 'gmail.readonly'),
    });
    expect(result.unused).toEqual(scopes('gmail.send', 'gmail.readonly'));
    expect(exitCode(result, new Set())).toBe(0);
    expect(exitCode(result, new Set(['unused']))).toBe(1);
  });

  it('never lists a scope as both missing and unused in the project section', () => {
    // One declaration requests readonly and calls send (missing send); another requests only
    // send and calls labels.list, which send does not serve (send unused there).
    const result = report(
      [auth('10', scopes('gmail.readonly')), auth('20', scopes('gmail.send'))],
      [call('users.messages.send', '10'), call('users.labels.list', '20')],
    );
    expect(declaration(result, 'app.js:10:1')).toMatchObject({ missing: scopes('gmail.send'), unused: scopes('gmail.readonly') });
    expect(declaration(result, 'app.js:20:1')).toMatchObject({ missing: scopes('gmail.labels'), unused: scopes('gmail.send') });
    expect(result.missing).toEqual(scopes('gmail.labels', 'gmail.send'));
    expect(result.unused).toEqual(scopes('gmail.readonly'));
  });

  it('keeps a scope out of the project-wide unused list while another declaration uses it', () => {
    const result = report(
      [auth('10', scopes('gmail.readonly')), auth('20', scopes('gmail.labels', 'gmail.readonly'))],
      [call('users.messages.list', '10'), call('users.labels.list', '20')],
    );
    expect(declaration(result, 'app.js:10:1')?.unused).toEqual([]);
    expect(declaration(result, 'app.js:20:1')?.unused).toEqual(scopes('gmail.readonly'));
    expect(result.unused).toEqual([]);
    // Per declaration it is still unused: --fail-on unused fails.
    expect(exitCode(result, new Set(['unused']))).toBe(1);
  });

  it('judges a declaration without traced calls against every call in the project', () => {
    const result = report([auth('10', scopes('gmail.send')), auth('20', scopes('gmail.labels'))], [call('users.messages.send', undefined)]);
    expect(declaration(result, 'app.js:10:1')).toMatchObject({ operations: 0, unused: [] });
    expect(declaration(result, 'app.js:20:1')).toMatchObject({ operations: 0, unused: scopes('gmail.labels') });
    expect(result.unused).toEqual(scopes('gmail.labels'));
    expect(result.operations.map((operation) => operation.status)).toEqual(['unresolved']);
    expect(declaration(result, 'unresolved')).toMatchObject({ operations: 1, minimal: scopes('gmail.send') });
  });

  it('never calls a scope unused that an untraced call may need', () => {
    const result = report(
      [auth('10', scopes('gmail.readonly', 'gmail.send'))],
      [call('users.messages.list', '10'), call('users.messages.send', undefined)],
    );
    expect(declaration(result, 'app.js:10:1')?.unused).toEqual([]);
  });

  it('counts a requested add-on scope as covering, but never proposes one', () => {
    const result = report([auth('10', scopes('gmail.addons.current.action.compose'))], [call('users.messages.send', '10')]);
    expect(result.operations.map((operation) => operation.status)).toEqual(['ok']);
    expect(declaration(result, 'app.js:10:1')).toMatchObject({ minimal: scopes('gmail.send'), missing: [], unused: [] });
    expect(result.classification[scope('gmail.addons.current.action.compose')]).toMatchObject({
      classification: 'non-sensitive',
      addOnOnly: true,
    });
  });

  it('does not call a call missing when part of its scopes are computed at run time', () => {
    const result = report(
      [auth('10', scopes('gmail.labels'), false)],
      [call('users.labels.list', '10'), call('users.messages.send', '10')],
    );
    expect(result.operations.map((operation) => operation.status)).toEqual(['ok', 'unresolved']);
    expect(result.missing).toEqual([]);
    expect(exitCode(result, new Set())).toBe(0);
    expect(exitCode(result, new Set(['unresolved']))).toBe(1);
  });

  it('only judges the analysed APIs scopes: other Google scopes and typos are listed, never unused', () => {
    const result = report(
      [auth('10', [...scopes('gmail.labels', 'chat.messages', 'userinfo.emial'), 'openid'])],
      [call('users.labels.list', '10')],
    );
    expect(declaration(result, 'app.js:10:1')?.unused).toEqual([]);
    expect(result.requested).toEqual([scope('gmail.labels'), scope('chat.messages'), scope('userinfo.emial'), 'openid']);
    expect(result.classification[scope('chat.messages')]).toMatchObject({
      classification: null,
      verification: null,
      knownGoogleScope: true,
    });
    expect(result.classification[scope('userinfo.emial')]).toMatchObject({ classification: null, knownGoogleScope: false });
    expect(result.verification).toEqual({ requested: 'non-sensitive', minimal: 'non-sensitive' });
  });

  it('separates calls that break under gmail.metadata from calls that only may', () => {
    const result = report(
      [auth('10', scopes('gmail.metadata'))],
      [
        call('users.messages.get', '10', { format: undefined }),
        call('users.messages.get', '10', { format: 'unknown' }),
        call('users.messages.get', '10', { format: 'metadata' }),
      ],
    );
    expect(result.operations.map(({ metadata, status }) => ({ metadata, status }))).toEqual([
      { metadata: 'breaks', status: 'metadata-conflict' },
      { metadata: 'maybe', status: 'ok' },
      { metadata: 'ok', status: 'ok' },
    ]);
    // The broken calls still use gmail.metadata: dropping it would leave them without a scope.
    expect(declaration(result, 'app.js:10:1')).toMatchObject({ unused: [], minimal: scopes('gmail.readonly') });
    // A certain 403 fails the report as metadata-scope fails eslint.
    expect(exitCode(result, new Set())).toBe(1);
  });

  it('shows a source seen from several files once, named by the file that makes it', () => {
    const imported: InventorySource = {
      ...auth('10', scopes('gmail.labels')),
      authKind: undefined,
      description: 'the GoogleAuth on line 10 in ./auth.js',
    };
    const result = buildReport({
      cwd: CWD,
      inventories: [
        { file: file('app.js'), sources: [imported], calls: [call('users.labels.list', '10')] },
        { file: file('auth.js'), sources: [auth('10', scopes('gmail.labels'))], calls: [] },
      ],
    });
    expect(result.declarations.map(({ id, label, operations }) => ({ id, label, operations }))).toEqual([
      { id: 'app.js:10:1', label: 'GoogleAuth', operations: 1 },
    ]);
  });

  it('fails on a missing scope that only an add-on could grant as well', () => {
    const result = report([auth('10', [])], [call('users.messages.send', '10')]);
    expect(result.summary.missing).toBe(1);
    expect(declaration(result, 'app.js:10:1')?.missing).toEqual(scopes('gmail.send'));
    expect(exitCode(result, new Set())).toBe(1);
  });
});

describe('scope classification wording', () => {
  it('calls a string the catalog lacks "not a scope Google documents", never invalid', () => {
    const result = report(
      [auth('10', [...scopes('gmail.labels'), 'https://www.googleapis.com/auth/brand-new.scope'])],
      [call('users.labels.list', '10')],
    );
    const markdown = formatMarkdown(result);
    expect(markdown).toContain('| `brand-new.scope` | undocumented | not a scope Google documents (typo?) |');
    expect(markdown).not.toContain('invalid');
  });

  it('names a certain typo as valid-scope does, with the scope it meant', () => {
    const typo = 'https://www.googleapis.com/auth/userinfo.emial';
    const result = report([auth('10', [...scopes('gmail.labels'), typo])], [call('users.labels.list', '10')]);
    expect(result.classification[typo]?.misspelling).toBe('https://www.googleapis.com/auth/userinfo.email');
    expect(formatMarkdown(result)).toContain('| `userinfo.emial` | misspelled | Google answers invalid\\_scope: meant userinfo.email |');
  });
});
