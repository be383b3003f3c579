import { describe, expect, it } from 'vitest';
import { getMethod, listMethods } from '../../src/scopes/apis-data.ts';
import { callRequirement, type CallShape } from '../../src/scopes/call-requirement.ts';
import { apiFacts, credentialFacts, credentialFailure, credentialMatters } from '../../src/scopes/facts/index.ts';
import { CHAT_APP_ONLY_METHODS, CHAT_USER_ONLY_METHODS } from '../../src/scopes/facts/chat-v1.ts';
import { solve } from '../../src/scopes/solver.ts';

const AUTH = 'https://www.googleapis.com/auth/';
const short = (list: readonly string[]): string[] => list.map((x) => x.replace(AUTH, ''));
const need = (api: string, version: string, method: string, shape: CallShape = {}) => {
  const r = callRequirement(api, version, method, shape);
  if (!r) throw new Error(`${api} ${version} ${method}`);
  return r;
};
const chat = (method: string, credential?: CallShape['credential']) => need('chat', 'v1', method, credential ? { credential } : {});

describe('phase 2: credential facts', () => {
  it('Admin Directory, Classroom and Meet fail for a service account that impersonates nobody, on every method', () => {
    for (const [api, version, id] of [
      ['admin', 'directory_v1', 'admin.directory.subject'],
      ['classroom', 'v1', 'classroom.user'],
      ['meet', 'v2', 'meet.user-authentication'],
    ] as const) {
      for (const method of listMethods(api, version) ?? []) {
        expect(credentialFailure({ api, version, id: method }, 'app')?.id, `${api} ${method}`).toBe(id);
        expect(credentialFailure({ api, version, id: method }, 'user'), `${api} ${method}`).toBeUndefined();
        expect(credentialFailure({ api, version, id: method }, undefined)).toBeUndefined();
      }
    }
  });

  it("Chat's user-only methods are exactly those that accept no app-authentication scope (chat.bot, chat.app.*)", () => {
    const appScopes = new Set((apiFacts('chat', 'v1')?.authKinds ?? []).map((k) => k.scope));
    // Every chat.app.* scope of the data is marked, and chat.bot.
    const chatScopes = new Set((listMethods('chat', 'v1') ?? []).flatMap((m) => getMethod('chat', 'v1', m)?.scopes ?? []));
    expect([...chatScopes].filter((scope) => /\/chat\.(bot|app\.)/.test(scope)).sort()).toEqual([...appScopes].sort());
    const noAppScope = (listMethods('chat', 'v1') ?? []).filter(
      (m) => !(getMethod('chat', 'v1', m)?.scopes ?? []).some((x) => appScopes.has(x)),
    );
    expect([...CHAT_USER_ONLY_METHODS].sort()).toEqual(noAppScope.sort());
    expect(credentialFacts('chat', 'v1', 'spaces.messages.reactions.create').map((f) => f.id)).toEqual(['chat.user-authentication']);
    expect(credentialFacts('chat', 'v1', 'spaces.messages.create')).toEqual([]);
    expect(credentialFailure({ api: 'chat', version: 'v1', id: 'spaces.messages.reactions.create' }, 'app')?.id).toBe(
      'chat.user-authentication',
    );
    expect(credentialFailure({ api: 'chat', version: 'v1', id: 'spaces.messages.create' }, 'app')).toBeUndefined();
  });

  it("Chat's app-only method is the one whose accepted scopes are all app scopes; a user's token fails it", () => {
    const appScopes = new Set((apiFacts('chat', 'v1')?.authKinds ?? []).map((k) => k.scope));
    const onlyApp = (listMethods('chat', 'v1') ?? []).filter((m) =>
      (getMethod('chat', 'v1', m)?.scopes ?? []).every((x) => appScopes.has(x)),
    );
    expect(onlyApp).toEqual([...CHAT_APP_ONLY_METHODS]);
    const target = { api: 'chat', version: 'v1', id: 'spaces.messages.attachments.get' };
    expect(credentialFailure(target, 'user')?.id).toBe('chat.app-authentication');
    expect(credentialFailure(target, 'app')).toBeUndefined();
    expect(credentialFailure({ ...target, id: 'spaces.list' }, 'user')).toBeUndefined();
  });

  it('Analytics and Search Console have no credential fact, and say why, cited', () => {
    for (const [api, version] of [
      ['analyticsdata', 'v1beta'],
      ['analyticsadmin', 'v1beta'],
      ['analyticsadmin', 'v1alpha'],
      ['searchconsole', 'v1'],
      ['webmasters', 'v3'],
    ] as const) {
      const facts = apiFacts(api, version);
      expect(facts?.credentials, api).toBeUndefined();
      expect(facts?.credentialNotes?.length, api).toBe(1);
      expect(facts?.credentialNotes?.[0]?.source).toMatch(/^https:\/\/developers\.google\.com\/(analytics|webmaster-tools)\//);
      const first = listMethods(api, version)![0]!;
      expect(credentialFailure({ api, version, id: first }, 'app')).toBeUndefined();
    }
  });

  it('the credential is traced only for APIs whose facts read it', () => {
    const matters = (api: string, version: string) => credentialMatters({ api, version });
    expect([matters('admin', 'directory_v1'), matters('classroom', 'v1'), matters('meet', 'v2'), matters('chat', 'v1')]).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect([matters('drive', 'v3'), matters('gmail', 'v1'), matters('analyticsdata', 'v1beta'), matters('storage', 'v1')]).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });

  it('search console v1 and webmasters v3 share their scopes (one note for both)', () => {
    const scopesOf = (api: string, version: string) =>
      [...new Set((listMethods(api, version) ?? []).flatMap((m) => getMethod(api, version, m)?.scopes ?? []))].sort();
    expect(short(scopesOf('searchconsole', 'v1'))).toEqual(['webmasters', 'webmasters.readonly']);
    expect(scopesOf('webmasters', 'v3')).toEqual(scopesOf('searchconsole', 'v1'));
  });

  it('tables without classification keep the data-only choice (Classroom, Analytics)', () => {
    expect(need('classroom', 'v1', 'courses.list').choice).toBe('open');
    expect(short(need('classroom', 'v1', 'courses.create').proposable)).toEqual(['classroom.courses']);
    expect(need('classroom', 'v1', 'courses.create').choice).toBe('certain');
    expect(need('analyticsdata', 'v1beta', 'properties.runReport').choice).toBe('open');
    expect(need('searchconsole', 'v1', 'sitemaps.submit').choice).toBe('certain');
  });
});

describe('phase 2: Chat auth kinds narrow the fix', () => {
  it('unknown credential: the choice stays open among every accepted scope', () => {
    const r = chat('spaces.list');
    expect(r.choice).toBe('open');
    expect(r.credential).toBeUndefined();
    expect(short(r.proposable).sort()).toEqual(['chat.bot', 'chat.spaces', 'chat.spaces.readonly']);
  });

  it('the app itself (a service account, no subject): chat.bot, certain', () => {
    for (const method of [
      'spaces.list',
      'spaces.messages.create',
      'spaces.get',
      'spaces.members.list',
      'spaces.messages.attachments.get',
    ]) {
      const r = chat(method, 'app');
      expect([method, r.choice, short(r.proposable)]).toEqual([method, 'certain', ['chat.bot']]);
      expect(short(solve([r], []).add)).toEqual(['chat.bot']);
    }
  });

  it('the app without chat.bot: the chat.app.* scopes (administrator approval), certain only when one', () => {
    expect([chat('spaces.delete', 'app').choice, short(chat('spaces.delete', 'app').proposable)]).toEqual(['certain', ['chat.app.delete']]);
    expect([chat('spaces.messages.list', 'app').choice, short(chat('spaces.messages.list', 'app').proposable)]).toEqual([
      'certain',
      ['chat.app.messages.readonly'],
    ]);
    const create = chat('spaces.create', 'app');
    expect([create.choice, short(create.proposable).sort()]).toEqual(['open', ['chat.app.spaces', 'chat.app.spaces.create']]);
  });

  it('a user-only method called by the app: no app choice (the credential fact reports it)', () => {
    const r = chat('spaces.messages.reactions.create', 'app');
    expect(r.credential).toBeUndefined();
    expect(r.choice).toBe('open');
  });

  it("a user's token: never chat.bot nor chat.app.*", () => {
    const list = chat('spaces.list', 'user');
    expect([list.choice, list.credential, short(list.proposable).sort()]).toEqual([
      'open',
      'user',
      ['chat.spaces', 'chat.spaces.readonly'],
    ]);
    const pins = chat('spaces.messagePins.create', 'user');
    expect(pins.choice).toBe('open');
    const find = chat('spaces.findGroupChats', 'user');
    expect(short(find.proposable).sort()).toEqual(['chat.memberships', 'chat.memberships.readonly']);
    for (const method of listMethods('chat', 'v1') ?? []) {
      const r = chat(method, 'user');
      if (r.credential === 'user')
        expect(
          short(r.proposable).filter((x) => /^chat\.(bot|app\.)/.test(x)),
          method,
        ).toEqual([]);
    }
    // Only chat.bot is accepted (attachments.get requires app authentication): nothing to narrow to.
    expect(chat('spaces.messages.attachments.get', 'user').credential).toBeUndefined();
  });

  it('APIs without auth kinds ignore the credential', () => {
    expect(need('drive', 'v3', 'files.list', { credential: 'app' })).toEqual(need('drive', 'v3', 'files.list'));
  });
});
