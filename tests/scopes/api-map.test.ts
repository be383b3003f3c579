import { describe, expect, it } from 'vitest';
import {
  GMAIL_V1,
  dataApiMapBuildsForTests,
  dataApiMapsForTests,
  forgetDataApiMapsForTests,
  getApiMap,
  startFileWorkingSet,
  isAnalysedApiVersion,
  getMethod,
  isMethodPath,
  isResourcePath,
  listApiMaps,
  matchRestPath,
  resolveApi,
} from '../../src/scopes/api-map.ts';
import { listApis } from '../../src/scopes/apis-data.ts';

const AUTH = 'https://www.googleapis.com/auth/';

describe('api-map: registry', () => {
  it('registers gmail v1 under api:version', () => {
    expect(getApiMap('gmail', 'v1')).toBe(GMAIL_V1);
    expect(getApiMap('gmail', 'v2')).toBeUndefined();
    expect(getApiMap('drive', 'v3')?.methods.get('files.list')?.api).toBe('drive');
    expect(resolveApi('gmail')).toBe(GMAIL_V1);
    expect(resolveApi('gmail:v1')).toBe(GMAIL_V1);
    expect(resolveApi(GMAIL_V1)).toBe(GMAIL_V1);
    expect(resolveApi('gmail:v9')).toBeUndefined();
    expect(listApiMaps()).toContain(GMAIL_V1);
  });

  it('exposes the map header', () => {
    expect(GMAIL_V1.api).toBe('gmail');
    expect(GMAIL_V1.version).toBe('v1');
    expect(GMAIL_V1.rootUrl).toBe('https://gmail.googleapis.com/');
    expect(GMAIL_V1.title).toBe('Gmail API');
  });

  it('has all 79 Gmail v1 methods, each with at least one scope and a relative path', () => {
    expect(GMAIL_V1.methods.size).toBe(79);
    for (const [id, m] of GMAIL_V1.methods) {
      expect(m.id).toBe(id);
      expect(m.api).toBe('gmail');
      expect(m.scopes.length).toBeGreaterThan(0);
      expect(m.path.startsWith('gmail/v1/')).toBe(true);
      if (m.mediaPath !== undefined) expect(m.mediaPath.startsWith('upload/gmail/v1/')).toBe(true);
      expect(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']).toContain(m.httpMethod);
      // every path variable is a declared path parameter
      for (const [, name] of m.path.matchAll(/\{\+?([^}]+)\}/g)) {
        expect(m.parameters[name as string]?.location).toBe('path');
      }
    }
  });

  it('collects the 14 Gmail scopes', () => {
    expect(GMAIL_V1.scopes).toHaveLength(14);
    expect(GMAIL_V1.scopes).toContain('https://mail.google.com/');
    expect([...GMAIL_V1.scopes]).toEqual([...GMAIL_V1.scopes].sort());
  });
});

describe('api-map: methods', () => {
  it('users.messages.send', () => {
    const m = getMethod('gmail', 'users.messages.send');
    expect(m).toMatchObject({
      httpMethod: 'POST',
      path: 'gmail/v1/users/{userId}/messages/send',
      mediaPath: 'upload/gmail/v1/users/{userId}/messages/send',
      requestBody: true,
      media: true,
    });
    expect(m?.scopes).toEqual([
      'https://mail.google.com/',
      `${AUTH}gmail.addons.current.action.compose`,
      `${AUTH}gmail.compose`,
      `${AUTH}gmail.modify`,
      `${AUTH}gmail.send`,
    ]);
    expect(m?.parameters.userId).toEqual({ location: 'path', required: true });
  });

  it('the delete surprises accept only https://mail.google.com/', () => {
    for (const id of ['users.messages.delete', 'users.messages.batchDelete', 'users.threads.delete']) {
      expect(getMethod(GMAIL_V1, id)?.scopes).toEqual(['https://mail.google.com/']);
    }
  });

  it('settings writes need the settings scopes', () => {
    expect(getMethod('gmail', 'users.settings.filters.create')?.scopes).toEqual([`${AUTH}gmail.settings.basic`]);
    expect(getMethod('gmail', 'users.settings.updateAutoForwarding')?.scopes).toEqual([`${AUTH}gmail.settings.sharing`]);
    expect(getMethod('gmail', 'users.settings.forwardingAddresses.create')?.scopes).toEqual([`${AUTH}gmail.settings.sharing`]);
  });

  it('unknown ids', () => {
    expect(getMethod('gmail', 'users.messages')).toBeUndefined();
    expect(getMethod('gmail', 'users.watchh')).toBeUndefined();
    expect(getMethod('chat:v9', 'spaces.list')).toBeUndefined();
  });
});

describe('api-map: API versions outside the registry (phase 3: the data alone)', () => {
  it('answers for every version in the data, but keeps them out of the registry', () => {
    const chat = getApiMap('chat', 'v1');
    expect(chat?.methods.get('spaces.list')?.scopes).toEqual([`${AUTH}chat.bot`, `${AUTH}chat.spaces`, `${AUTH}chat.spaces.readonly`]);
    expect(getMethod('chat:v1', 'spaces.list')).toBe(chat?.methods.get('spaces.list'));
    expect(getApiMap('chat', 'v9')).toBeUndefined();
    expect(isAnalysedApiVersion('chat', 'v1')).toBe(false);
    expect(isAnalysedApiVersion('drive', 'v3')).toBe(true);
    expect(listApiMaps().map((map) => map.api)).not.toContain('chat');
    // A bare name resolves in the registry only.
    expect(resolveApi('chat')).toBeUndefined();
  });

  it('leaves out methods whose scopes are unknown, empty, or not what the call needs', () => {
    // healthcare v1: no sample in the typings for any method; container v1 getJwks: `scopes: []`.
    expect(getApiMap('healthcare', 'v1')?.methods.size).toBe(0);
    expect(getApiMap('container', 'v1')?.methods.has('projects.locations.clusters.getJwks')).toBe(false);
    expect(getApiMap('container', 'v1')?.methods.has('projects.locations.clusters.list')).toBe(true);
    // Apps Script scripts.run needs the target script's scopes: unknown.
    expect(getApiMap('script', 'v1')?.methods.has('scripts.run')).toBe(false);
    expect(getApiMap('script', 'v1')?.methods.has('projects.get')).toBe(true);
  });

  /** The first version of the first `count` APIs outside the registry, as `api:version`. */
  const dataVersions = (count: number): string[] =>
    listApis()
      .filter(({ api }) => !isAnalysedApiVersion(api, 'v1'))
      .slice(0, count)
      .flatMap(({ api, versions: list }) => list.slice(0, 1).map(({ version }) => `${api}:${version}`));
  const use = (key: string): unknown => getApiMap(...(key.split(':') as [string, string]));

  it('keeps a bounded number of them once a file is linted, least recently used first', () => {
    const versions = dataVersions(40);
    startFileWorkingSet();
    for (const key of versions) use(key);
    // The next file's lint begins: the last file's maps may go.
    startFileWorkingSet();
    const held = dataApiMapsForTests();
    expect(held.length).toBeLessThanOrEqual(24);
    expect(held.at(-1)).toBe(versions.at(-1));
    expect(held).not.toContain(versions[0]);
  });

  it('never evicts the maps of the file being linted: 40 APIs used in turn are built once each', () => {
    forgetDataApiMapsForTests();
    const versions = dataVersions(40);
    startFileWorkingSet();
    const before = dataApiMapBuildsForTests();
    for (let round = 0; round < 3; round++) for (const key of versions) use(key);
    expect(dataApiMapBuildsForTests() - before).toBe(versions.length);
    expect(dataApiMapsForTests()).toHaveLength(versions.length);
  });

  it('keeps at most 128 maps of one file besides 24 others: memory stays bounded', () => {
    forgetDataApiMapsForTests();
    startFileWorkingSet();
    const versions = dataVersions(200);
    for (const key of versions) use(key);
    expect(dataApiMapsForTests().length).toBe(128 + 24);
    startFileWorkingSet();
    expect(dataApiMapsForTests().length).toBe(24);
    forgetDataApiMapsForTests();
  });
});

describe('api-map: resource paths', () => {
  it('recognises resource prefixes', () => {
    expect(isResourcePath('gmail', [])).toBe(true);
    expect(isResourcePath('gmail', ['users'])).toBe(true);
    expect(isResourcePath('gmail', ['users', 'messages'])).toBe(true);
    expect(isResourcePath('gmail', ['users', 'messages', 'attachments'])).toBe(true);
    expect(isResourcePath('gmail', ['users', 'settings', 'sendAs', 'smimeInfo'])).toBe(true);
  });

  it('rejects methods, unknown names and partial names', () => {
    expect(isResourcePath('gmail', ['users', 'messages', 'send'])).toBe(false);
    expect(isResourcePath('gmail', ['users', 'mess'])).toBe(false);
    expect(isResourcePath('gmail', ['files'])).toBe(false);
    expect(isResourcePath('chat', ['spaces'])).toBe(false);
  });

  it('isMethodPath', () => {
    expect(isMethodPath('gmail', ['users', 'messages', 'send'])).toBe(true);
    expect(isMethodPath('gmail', ['users', 'getProfile'])).toBe(true);
    expect(isMethodPath('gmail', ['users', 'messages'])).toBe(false);
    expect(isMethodPath('gmail', [])).toBe(false);
  });
});

describe('api-map: matchRestPath', () => {
  const id = (verb: string | undefined, path: string) => matchRestPath('gmail', verb, path)?.id;

  it('matches concrete paths, upload paths and full URLs', () => {
    expect(id('POST', '/gmail/v1/users/me/messages/send')).toBe('users.messages.send');
    expect(id('POST', '/upload/gmail/v1/users/me/messages/send')).toBe('users.messages.send');
    expect(id('post', 'https://gmail.googleapis.com/gmail/v1/users/me/messages/send')).toBe('users.messages.send');
    expect(id('GET', 'https://www.googleapis.com/gmail/v1/users/me/messages?q=is:unread')).toBe('users.messages.list');
    expect(id('GET', '/gmail/v1/users/me/profile')).toBe('users.getProfile');
    expect(id('POST', '/gmail/v1/users/me/messages')).toBe('users.messages.insert');
    expect(id('POST', '/upload/gmail/v1/users/me/messages/import')).toBe('users.messages.import');
  });

  it('matches template-literal holes written {}', () => {
    expect(id('GET', '/gmail/v1/users/me/messages/{}')).toBe('users.messages.get');
    expect(id('GET', '/gmail/v1/users/{}/messages/{}?format=raw')).toBe('users.messages.get');
    expect(id('GET', '/gmail/v1/users/me/messages/{}/attachments/{}')).toBe('users.messages.attachments.get');
    expect(id('POST', '/gmail/v1/users/me/threads/{}/trash')).toBe('users.threads.trash');
    expect(id('POST', '/gmail/v1/users/me/settings/cse/keypairs/{}:disable')).toBe('users.settings.cse.keypairs.disable');
    expect(id('POST', '/gmail/v1/users/me/settings/cse/keypairs/abc:obliterate')).toBe('users.settings.cse.keypairs.obliterate');
    expect(id('POST', '{}/users/me/messages/send')).toBe('users.messages.send');
  });

  it('prefers literal segments over path variables', () => {
    expect(id('POST', '/gmail/v1/users/me/messages/batchDelete')).toBe('users.messages.batchDelete');
    expect(id('POST', '/gmail/v1/users/me/drafts/send')).toBe('users.drafts.send');
    expect(id('PUT', '/gmail/v1/users/me/settings/vacation')).toBe('users.settings.updateVacation');
    expect(id('GET', '/gmail/v1/users/me/settings/sendAs/a@b.c/smimeInfo')).toBe('users.settings.sendAs.smimeInfo.list');
  });

  it('distinguishes by HTTP verb; unknown verb matches any', () => {
    expect(id('GET', '/gmail/v1/users/me/labels/{}')).toBe('users.labels.get');
    expect(id('DELETE', '/gmail/v1/users/me/labels/{}')).toBe('users.labels.delete');
    expect(id('PATCH', '/gmail/v1/users/me/labels/{}')).toBe('users.labels.patch');
    expect(id(undefined, '/gmail/v1/users/me/messages/abc/untrash')).toBe('users.messages.untrash');
    expect(id(undefined, '/gmail/v1/users/me/labels/x')).toBeUndefined(); // get/update/patch/delete
  });

  it('returns undefined when ambiguous or unknown', () => {
    expect(id('GET', '/gmail/v1/users/me/settings/{}')).toBeUndefined(); // imap, pop, filters, …
    expect(id('POST', '{}/send')).toBeUndefined(); // messages.send or drafts.send
    expect(id('GET', '{}')).toBeUndefined();
    expect(id('GET', '/gmail/v1/users/me/nothing')).toBeUndefined();
    expect(id('POST', '/gmail/v1/users/me/profile')).toBeUndefined();
    expect(id('GET', '')).toBeUndefined();
    expect(id('GET', '/drive/v3/files')).toBeUndefined();
    expect(matchRestPath('drive', 'GET', '/drive/v3/files')?.id).toBe('files.list');
    expect(matchRestPath('chat', 'GET', '/v1/spaces')).toBeUndefined();
  });
});

describe('matchRestPath on adversarial templates', () => {
  it('treats adjacent template holes as one hole (no polynomial backtracking)', () => {
    const url = `https://gmail.googleapis.com/gmail/v1/users/me/messages/${'{}'.repeat(40)}/trash`;
    expect(matchRestPath(GMAIL_V1, 'POST', url)?.id).toBe('users.messages.trash');
  });
});
