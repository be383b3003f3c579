import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path, { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DOCUMENTED_SCOPES,
  SDK_DEFAULT_SCOPES,
  GOOGLE_SCOPES_FILE,
  REPO_ROOT,
  exampleCode,
  exampleScopes,
  firstSentence,
  generateFromPackage,
  generateGoogleScopes,
  releaseDate,
  parseDiscovery,
  parseTypings,
  serialiseScopeList,
  serialiseScopeMap,
  type DiscoveryDocument,
  type MethodInfo,
  type ScopeList,
  type ScopeMap,
} from '../../scripts/generate-scope-map.ts';

const MAIL = 'https://mail.google.com/';
const auth = (s: string): string => `https://www.googleapis.com/auth/${s}`;

// Gmail's committed map is the all-API data's (src/scopes/data/apis/gmail-v1.json, checked against
// this one in all-apis-generator.test.ts); the per-package map is generated on request.
const generated = generateFromPackage('@googleapis/gmail', 'v1');
const committed = JSON.parse(serialiseScopeMap(generated)) as ScopeMap;

function method(id: string): MethodInfo {
  const m = committed.methods[id];
  if (!m) throw new Error(`no method ${id} in the @googleapis/gmail map`);
  return m;
}

describe('the map of the pinned @googleapis/gmail', () => {
  it('is read from the pinned package, with its changelog date', () => {
    expect(generated.source).toEqual({ package: '@googleapis/gmail', version: '22.0.1', released: '2026-09-23' });
    expect(serialiseScopeMap(committed)).toBe(serialiseScopeMap(generated));
  });

  it('has the header fields and all 79 methods, sorted', () => {
    expect(committed.api).toBe('gmail');
    expect(committed.version).toBe('v1');
    expect(committed.title).toBe('Gmail API');
    expect(committed.rootUrl).toBe('https://gmail.googleapis.com/');
    const ids = Object.keys(committed.methods);
    expect(ids).toHaveLength(79);
    expect(ids).toEqual([...ids].sort());
    for (const id of [
      'users.getProfile',
      'users.watch',
      'users.stop',
      'users.messages.send',
      'users.messages.attachments.get',
      'users.settings.filters.create',
      'users.settings.forwardingAddresses.create',
      'users.settings.sendAs.smimeInfo.setDefault',
      'users.settings.cse.keypairs.obliterate',
    ]) {
      expect(ids).toContain(id);
    }
  });

  it('every method has scopes, a path, an HTTP method and a one-sentence description', () => {
    for (const [id, m] of Object.entries(committed.methods)) {
      expect(m.scopes.length, id).toBeGreaterThan(0);
      expect(m.scopes, id).toEqual([...m.scopes].sort());
      for (const s of m.scopes) expect(s, id).toMatch(/^https:\/\//);
      expect(m.path, id).toMatch(/^gmail\/v1\/users\/\{userId\}/);
      expect(['GET', 'POST', 'PUT', 'PATCH', 'DELETE'], id).toContain(m.httpMethod);
      expect(m.description, id).toMatch(/^[A-Z].*[.]$/);
      expect(m.parameters.userId, id).toEqual({ location: 'path', required: true });
    }
  });

  it('permanent deletes accept only https://mail.google.com/', () => {
    expect(method('users.messages.delete').scopes).toEqual([MAIL]);
    expect(method('users.messages.batchDelete').scopes).toEqual([MAIL]);
    expect(method('users.threads.delete').scopes).toEqual([MAIL]);
  });

  it('settings methods need the settings scopes', () => {
    expect(method('users.settings.filters.create').scopes).toEqual([auth('gmail.settings.basic')]);
    expect(method('users.settings.forwardingAddresses.create').scopes).toEqual([auth('gmail.settings.sharing')]);
    expect(method('users.settings.updateAutoForwarding').scopes).toEqual([auth('gmail.settings.sharing')]);
    expect(method('users.settings.updateVacation').scopes).toEqual([auth('gmail.settings.basic')]);
  });

  it('users.messages.send accepts exactly mail, addons compose, compose, modify, send', () => {
    const send = method('users.messages.send');
    expect(send).toEqual({
      httpMethod: 'POST',
      path: 'gmail/v1/users/{userId}/messages/send',
      mediaPath: 'upload/gmail/v1/users/{userId}/messages/send',
      description: 'Sends the specified message to the recipients in the `To`, `Cc`, and `Bcc` headers.',
      scopes: [MAIL, auth('gmail.addons.current.action.compose'), auth('gmail.compose'), auth('gmail.modify'), auth('gmail.send')],
      parameters: { userId: { location: 'path', required: true } },
      requestBody: true,
      media: true,
    });
  });

  it('metadata scope: drafts.get does not accept it, messages.get does', () => {
    expect(method('users.drafts.get').scopes).not.toContain(auth('gmail.metadata'));
    expect(method('users.messages.get').scopes).toContain(auth('gmail.metadata'));
    expect(method('users.messages.list').scopes).toContain(auth('gmail.metadata'));
  });

  it('users.messages.get parameters', () => {
    const get = method('users.messages.get');
    expect(get.httpMethod).toBe('GET');
    expect(get.path).toBe('gmail/v1/users/{userId}/messages/{id}');
    expect(get.parameters).toEqual({
      format: { location: 'query', required: false },
      id: { location: 'path', required: true },
      metadataHeaders: { location: 'query', required: false },
      userId: { location: 'path', required: true },
    });
    expect(get.requestBody).toBeUndefined();
    expect(get.media).toBeUndefined();
    expect(get.mediaPath).toBeUndefined();
  });

  it('HTTP methods and paths of a few methods', () => {
    const pick = (id: string) => ({ httpMethod: method(id).httpMethod, path: method(id).path });
    expect(pick('users.getProfile')).toEqual({ httpMethod: 'GET', path: 'gmail/v1/users/{userId}/profile' });
    expect(pick('users.watch')).toEqual({ httpMethod: 'POST', path: 'gmail/v1/users/{userId}/watch' });
    expect(pick('users.stop')).toEqual({ httpMethod: 'POST', path: 'gmail/v1/users/{userId}/stop' });
    expect(pick('users.messages.batchDelete')).toEqual({
      httpMethod: 'POST',
      path: 'gmail/v1/users/{userId}/messages/batchDelete',
    });
    expect(pick('users.messages.attachments.get')).toEqual({
      httpMethod: 'GET',
      path: 'gmail/v1/users/{userId}/messages/{messageId}/attachments/{id}',
    });
    expect(pick('users.labels.patch')).toEqual({ httpMethod: 'PATCH', path: 'gmail/v1/users/{userId}/labels/{id}' });
    expect(pick('users.drafts.update')).toEqual({ httpMethod: 'PUT', path: 'gmail/v1/users/{userId}/drafts/{id}' });
    expect(pick('users.settings.filters.delete')).toEqual({
      httpMethod: 'DELETE',
      path: 'gmail/v1/users/{userId}/settings/filters/{id}',
    });
    expect(method('users.messages.import').mediaPath).toBe('upload/gmail/v1/users/{userId}/messages/import');
    expect(method('users.messages.attachments.get').parameters).toEqual({
      id: { location: 'path', required: true },
      messageId: { location: 'path', required: true },
      userId: { location: 'path', required: true },
    });
  });
});

describe('discovery document input', () => {
  const doc = JSON.parse(readFileSync(join(REPO_ROOT, 'tests/fixtures/discovery/gmail-v1-subset.json'), 'utf8')) as DiscoveryDocument;
  const map = parseDiscovery(doc);

  it('produces the expected map, keeping enums', () => {
    expect(JSON.parse(serialiseScopeMap(map))).toEqual({
      api: 'gmail',
      version: 'v1',
      title: 'Gmail API',
      rootUrl: 'https://gmail.googleapis.com/',
      source: { discovery: 'gmail:v1', revision: '20250101' },
      methods: {
        'users.getProfile': {
          httpMethod: 'GET',
          path: 'gmail/v1/users/{userId}/profile',
          description: "Gets the current user's Gmail profile.",
          scopes: [MAIL, auth('gmail.compose'), auth('gmail.metadata'), auth('gmail.modify'), auth('gmail.readonly')],
          parameters: { userId: { location: 'path', required: true } },
        },
        'users.messages.attachments.get': {
          httpMethod: 'GET',
          path: 'gmail/v1/users/{userId}/messages/{messageId}/attachments/{id}',
          description: 'Gets the specified message attachment.',
          scopes: [
            MAIL,
            auth('gmail.addons.current.message.action'),
            auth('gmail.addons.current.message.readonly'),
            auth('gmail.modify'),
            auth('gmail.readonly'),
          ],
          parameters: {
            id: { location: 'path', required: true },
            messageId: { location: 'path', required: true },
            userId: { location: 'path', required: true },
          },
        },
        'users.messages.get': {
          httpMethod: 'GET',
          path: 'gmail/v1/users/{userId}/messages/{id}',
          description: 'Gets the specified message.',
          scopes: [
            MAIL,
            auth('gmail.addons.current.message.action'),
            auth('gmail.addons.current.message.metadata'),
            auth('gmail.addons.current.message.readonly'),
            auth('gmail.metadata'),
            auth('gmail.modify'),
            auth('gmail.readonly'),
          ],
          parameters: {
            format: { location: 'query', required: false, enum: ['minimal', 'full', 'raw', 'metadata'] },
            id: { location: 'path', required: true },
            metadataHeaders: { location: 'query', required: false },
            userId: { location: 'path', required: true },
          },
        },
        'users.messages.send': {
          httpMethod: 'POST',
          path: 'gmail/v1/users/{userId}/messages/send',
          mediaPath: 'upload/gmail/v1/users/{userId}/messages/send',
          description: 'Sends the specified message to the recipients in the `To`, `Cc`, and `Bcc` headers.',
          scopes: [MAIL, auth('gmail.addons.current.action.compose'), auth('gmail.compose'), auth('gmail.modify'), auth('gmail.send')],
          parameters: { userId: { location: 'path', required: true } },
          requestBody: true,
          media: true,
        },
      },
    });
  });

  it('agrees with the typings-derived map on every method it describes (enums aside)', () => {
    for (const [id, m] of Object.entries(map.methods)) {
      const withoutEnums: MethodInfo = {
        ...m,
        parameters: Object.fromEntries(Object.entries(m.parameters).map(([k, { enum: _enum, ...p }]) => [k, p])),
      };
      expect(JSON.parse(JSON.stringify(withoutEnums)), id).toEqual(committed.methods[id]);
    }
  });

  it('rejects documents without the required fields', () => {
    expect(() => parseDiscovery({} as DiscoveryDocument)).toThrow(/name\/version/);
  });
});

describe('provenance', () => {
  it("reads a version's release date from the package's changelog heading", () => {
    const changelog =
      '# Changelog\n\n## [22.0.1](https://github.com/x/compare/gmail-v22.0.0...gmail-v22.0.1) (2026-09-23)\n\n## [22.0.0](https://x) (2026-09-14)\n';
    expect(releaseDate(changelog, '22.0.1')).toBe('2026-09-23');
    expect(releaseDate(changelog, '22.0.0')).toBe('2026-09-14');
    expect(releaseDate('## 1.2.3 (2025-01-02)\n', '1.2.3')).toBe('2025-01-02');
    expect(releaseDate(changelog, '22.0')).toBeUndefined();
    expect(releaseDate(changelog, '21.0.0')).toBeUndefined();
  });
});

describe('pure helpers', () => {
  it('firstSentence ignores abbreviations and code spans', () => {
    expect(firstSentence('Gets a thing. For more information, see [x](https://e.x/a.b).')).toBe('Gets a thing.');
    expect(firstSentence('Uses `a. b` here (e.g. this). Then more.')).toBe('Uses `a. b` here (e.g. this).');
    expect(firstSentence('No full stop')).toBe('No full stop');
    expect(firstSentence('  Multi\n   line. x')).toBe('Multi line.');
  });

  it('exampleScopes reads the sample despite nested ``` fences in comments', () => {
    const doc = [
      'Does it.',
      '@example',
      '```js',
      '// - Login into gcloud by running:',
      '//   ```sh',
      '//   $ gcloud auth application-default login',
      '//   ```',
      "const auth = new google.auth.GoogleAuth({ scopes: ['https://mail.google.com/', 'openid'] });",
      '```',
      '',
      '@param params - Parameters for request',
    ].join('\n');
    expect(exampleCode(doc)).toContain('GoogleAuth');
    expect(exampleScopes(doc)).toEqual([MAIL, 'openid']);
    expect(exampleScopes('no example')).toBeUndefined();
  });

  it('parseTypings fails loudly on input it does not understand', () => {
    expect(() => parseTypings('export namespace x_v1 { export class X {} }')).toThrow(/no methods/);
    expect(() => parseTypings('const a = 1;')).toThrow(/root class/);
  });

  it('serialisation is canonical regardless of input key order', () => {
    const a: ScopeMap = {
      api: 'x',
      version: 'v1',
      title: 'X',
      rootUrl: 'https://x/',
      source: {},
      methods: {
        'b.get': {
          scopes: ['s'],
          path: 'p',
          httpMethod: 'GET',
          description: 'd.',
          parameters: { z: { required: true, location: 'path' }, a: { location: 'query', required: false } },
        },
        'a.get': {
          httpMethod: 'GET',
          path: 'p',
          description: 'd.',
          scopes: [],
          parameters: {},
          media: true,
          requestBody: true,
          mediaPath: 'u',
        },
      },
    };
    const text = serialiseScopeMap(a);
    expect(text.endsWith('}\n')).toBe(true);
    expect(Object.keys(JSON.parse(text).methods)).toEqual(['a.get', 'b.get']);
    expect(Object.keys(JSON.parse(text).methods['a.get'])).toEqual([
      'httpMethod',
      'path',
      'mediaPath',
      'description',
      'scopes',
      'parameters',
      'requestBody',
      'media',
    ]);
    expect(Object.keys(JSON.parse(text).methods['b.get'].parameters)).toEqual(['a', 'z']);
    expect(JSON.parse(text).methods['b.get'].parameters.z).toEqual({ location: 'path', required: true });
  });
});

describe('google-scopes.json', () => {
  const text = readFileSync(GOOGLE_SCOPES_FILE, 'utf8');
  const list = JSON.parse(text) as ScopeList;

  it('is sorted, unique, and in the expected size range', () => {
    expect(list.source).toEqual({ package: 'googleapis', version: '178.0.0' });
    expect(list.scopes).toEqual([...new Set(list.scopes)].sort());
    expect(list.scopes.length).toBeGreaterThan(400);
    expect(list.scopes.length).toBeLessThan(600);
  });

  it('contains real scopes from many APIs plus the OpenID Connect short scopes', () => {
    for (const s of [
      auth('drive'),
      auth('calendar.readonly'),
      auth('userinfo.email'),
      auth('cloud-platform'),
      auth('gmail.send'),
      auth('gmail.settings.sharing'),
      MAIL,
      'openid',
      'email',
      'profile',
    ]) {
      expect(list.scopes).toContain(s);
    }
    for (const m of Object.values(committed.methods)) for (const s of m.scopes) expect(list.scopes).toContain(s);
  });

  it('contains no short forms or non-URL strings other than openid/email/profile', () => {
    expect(list.scopes).not.toContain('gmail.send');
    expect(list.scopes).not.toContain('drive');
    expect(list.scopes).not.toContain('https://mail.google.com');
    for (const s of list.scopes) {
      if (!['openid', 'email', 'profile'].includes(s)) expect(s).toMatch(/^https:\/\/[a-z.]+\/\S*$/);
    }
  });

  it('holds every scope of every API in the installed googleapis typings (the JSDoc samples)', () => {
    const dir = path.join(path.dirname(createRequire(import.meta.url).resolve('googleapis/package.json')), 'build', 'src', 'apis');
    const scopes = new Set<string>();
    for (const api of readdirSync(dir)) {
      if (!statSync(path.join(dir, api)).isDirectory()) continue;
      for (const file of readdirSync(path.join(dir, api)).filter((name) => name.endsWith('.d.ts'))) {
        const text = readFileSync(path.join(dir, api, file), 'utf8');
        // The samples' scope arrays: `scopes: [ 'https://…', … ]` in each method's JSDoc.
        for (const block of text.matchAll(/scopes: \[([^\]]*)\]/g))
          for (const match of block[1]!.matchAll(/'([^']+)'/g)) scopes.add(match[1]!);
      }
    }
    expect(scopes.size).toBeGreaterThan(400);
    expect([...scopes].filter((scope) => !list.scopes.includes(scope))).toEqual([]);
  });

  it('holds the cited real scopes that no googleapis sample lists', () => {
    for (const { scope, source } of DOCUMENTED_SCOPES) {
      expect(list.scopes).toContain(scope);
      expect(source).toMatch(/^https:\/\/(?:(?:developers|cloud|firebase)\.google\.com|ai\.google\.dev)\//);
    }
    expect(DOCUMENTED_SCOPES.map(({ scope }) => scope.replace('https://www.googleapis.com/auth/', ''))).toEqual([
      'photoslibrary.readonly',
      'photoslibrary.appendonly',
      'photoslibrary.readonly.appcreateddata',
      'photoslibrary.edit.appcreateddata',
      'business.manage',
      'photospicker.mediaitems.readonly',
      'dfp',
      'earthengine',
      'drive.install',
      'cloud-healthcare',
      'source.read_only',
      'adsensehost',
      'assistant-sdk-prototype',
      'generative-language.retriever',
      'generative-language.tuning',
      'bigtable.data',
      'bigtable.data.readonly',
      'cloud-bigtable.data',
      'cloud-bigtable.data.readonly',
      'firebase.database',
      'bigquery.readonly',
      'sqlservice.login',
    ]);
    for (const { scope, source } of SDK_DEFAULT_SCOPES) {
      expect(list.scopes).toContain(scope);
      expect(source).toMatch(/^https:\/\/github\.com\/(?:firebase|googleapis|GoogleCloudPlatform)\//);
    }
    expect(SDK_DEFAULT_SCOPES.map(({ scope }) => scope.replace('https://www.googleapis.com/auth/', ''))).toEqual(['identitytoolkit']);
  });

  it('is exactly what the generator produces from the installed googleapis', { timeout: 120_000 }, () => {
    expect(serialiseScopeList(generateGoogleScopes([generated]))).toBe(text);
  });
});
