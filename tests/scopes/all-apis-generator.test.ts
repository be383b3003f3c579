import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APIS_DATA_DIR, DATA_DIR, REPO_ROOT, generateFromPackage } from '../../scripts/generate-scope-map.ts';
import { extractApiVersion, pathPrefix, pathPrefixes, resourceClassName, standardSampleScopes } from '../../scripts/lib/all-apis.ts';
import { exampleScopes, stripCommentMarkup } from '../../scripts/lib/typings.ts';
import { generateAllApiFiles, isAllApisFile } from '../../scripts/lib/all-apis-files.ts';
import type { ApiChainsFile, ApiProfilesFile, ApisIndexFile, CompactMethod } from '../../src/scopes/apis-format.ts';

const GOOGLEAPIS = join(REPO_ROOT, 'node_modules', 'googleapis');
const APIS = join(GOOGLEAPIS, 'build', 'src', 'apis');
const read = (api: string, version: string, ext: string): string => readFileSync(join(APIS, api, `${version}.${ext}`), 'utf8');
const read_ = (api: string, version: string): string => read(api, version, 'd.ts');
const committed = (name: string): string => readFileSync(join(APIS_DATA_DIR, name), 'utf8');

describe('all-API extraction from googleapis@178.0.0', () => {
  it('reproduces the Gmail map of the pinned @googleapis/gmail on every method: scopes, HTTP method, paths, parameters', () => {
    const gmail = generateFromPackage('@googleapis/gmail', 'v1');
    const { data, profile, unknownMethods } = extractApiVersion('gmail', 'v1', read('gmail', 'v1', 'd.ts'), read('gmail', 'v1', 'js'));
    const asMap = (m: CompactMethod): Record<string, unknown> => {
      const parameters: Record<string, { location: string; required: boolean }> = {};
      for (const [key, location, required] of [
        ['pr', 'path', true],
        ['po', 'path', false],
        ['qr', 'query', true],
        ['q', 'query', false],
      ] as const) {
        for (const name of m[key] ?? []) parameters[name] = { location, required };
      }
      return {
        httpMethod: m.h,
        path: m.p,
        ...(m.u === undefined ? {} : { mediaPath: m.u }),
        scopes: m.s?.map((i) => data.scopes[i]),
        parameters,
        ...(m.b ? { requestBody: true } : {}),
        ...(m.m ? { media: true } : {}),
      };
    };
    const expected = Object.fromEntries(Object.entries(gmail.methods).map(([id, { description: _, ...rest }]) => [id, rest]));
    expect(Object.keys(data.methods)).toHaveLength(79);
    expect(Object.fromEntries(Object.entries(data.methods).map(([id, m]) => [id, asMap(m)]))).toEqual(expected);
    expect([data.title, data.rootUrl, unknownMethods]).toEqual([gmail.title, gmail.rootUrl, 0]);
    expect(profile).toEqual({
      title: 'Gmail API',
      namespace: 'gmail_v1',
      className: 'Gmail',
      rootUrl: 'https://gmail.googleapis.com/',
      host: 'gmail.googleapis.com',
      pathPrefixes: ['gmail/v1/'],
      uploadPathPrefixes: ['upload/gmail/v1/'],
      rootResources: ['users'],
    });
  });

  it('writes exactly the committed files for Gmail, Drive, Sheets and Calendar (the rest: `npm run generate -- --check`)', () => {
    const files = generateAllApiFiles(GOOGLEAPIS, APIS_DATA_DIR, ['calendar', 'drive', 'gmail', 'sheets']).filter(
      (f) => !/(index|profiles|chains)\.json$/.test(f.path),
    );
    expect(files.map((f) => f.path.slice(APIS_DATA_DIR.length + 1))).toEqual([
      'calendar-v3.json',
      'drive-v2.json',
      'drive-v3.json',
      'gmail-v1.json',
      'sheets-v4.json',
    ]);
    for (const f of files) expect(f.content, f.path).toBe(readFileSync(f.path, 'utf8'));
  });

  it('indexes 333 APIs, 602 versions, 24,768 methods; 970 unknown (700 without a sample, 270 with `scopes: []`)', () => {
    const index = JSON.parse(committed('index.json')) as ApisIndexFile;
    expect(index.source).toEqual({ package: 'googleapis', version: '178.0.0' });
    expect(index.totals).toEqual({ apis: 333, versions: 602, methods: 24768, unknownMethods: 970 });
    expect(index.apis.drive).toEqual({
      v2: { methods: 75, unknownMethods: 0, orderFacts: true },
      v3: { methods: 64, unknownMethods: 0, orderFacts: true },
    });
    expect(index.apis.tasks).toEqual({ v1: { methods: 14, unknownMethods: 0 } });
    expect(index.apis.healthcare?.v1).toMatchObject({ allUnknown: true });
    const allUnknown = Object.entries(index.apis).flatMap(([api, vs]) =>
      Object.entries(vs)
        .filter(([, s]) => s.allUnknown)
        .map(([v]) => `${api}/${v}`),
    );
    expect(allUnknown).toHaveLength(56);
    expect(allUnknown).toEqual(
      expect.arrayContaining([
        'healthcare/v1',
        'healthcare/v1beta1',
        'displayvideo/v1',
        'metastore/v2',
        'sourcerepo/v1',
        'adsensehost/v4.1',
      ]),
    );
    let noSample = 0;
    let emptyList = 0;
    for (const [api, vs] of Object.entries(index.apis)) {
      for (const version of Object.keys(vs)) {
        const data = JSON.parse(committed(`${api}-${version}.json`)) as { methods: Record<string, CompactMethod> };
        for (const m of Object.values(data.methods)) {
          if (m.s === undefined) noSample++;
          else if (m.s.length === 0) emptyList++;
        }
      }
    }
    expect([noSample, emptyList]).toEqual([700, 270]);
  });

  it('ships no file the index does not list', () => {
    const index = JSON.parse(committed('index.json')) as ApisIndexFile;
    const listed = Object.entries(index.apis).flatMap(([api, vs]) => Object.keys(vs).map((v) => `${api}-${v}.json`));
    expect(readdirSync(APIS_DATA_DIR).sort()).toEqual([...listed, 'chains.json', 'index.json', 'profiles.json'].sort());
    expect(isAllApisFile(join(APIS_DATA_DIR, 'drive-v3.json'))).toBe(true);
    expect(isAllApisFile(join(DATA_DIR, 'gmail-v1.json'))).toBe(false);
    expect(isAllApisFile(join(REPO_ROOT, 'docs', 'apis.md'))).toBe(true);
  });

  it("lists each root resource with the names that follow it in a method id (chains.json, the file gate's table)", () => {
    const chains = JSON.parse(committed('chains.json')) as ApiChainsFile;
    expect(chains.source).toEqual({ package: 'googleapis', version: '178.0.0' });
    expect(chains.roots.events).toContain('insert');
    expect(chains.roots.files).toEqual(expect.arrayContaining(['delete', 'emptyTrash', 'list']));
    expect(chains.roots.users).toEqual(expect.arrayContaining(['messages', 'getProfile']));
    expect(chains.roots.events).not.toContain('on');
    const pairs = Object.values(chains.roots).reduce((sum, next) => sum + next.length, 0);
    expect([Object.keys(chains.roots).length, pairs]).toEqual([739, 4407]);
  });

  it('names only scopes the catalog (valid-scope) knows', () => {
    const catalog = new Set((JSON.parse(readFileSync(join(DATA_DIR, 'google-scopes.json'), 'utf8')) as { scopes: string[] }).scopes);
    const unknown = new Set<string>();
    for (const name of readdirSync(APIS_DATA_DIR).filter((f) => !['chains.json', 'index.json', 'profiles.json'].includes(f))) {
      for (const scope of (JSON.parse(committed(name)) as { scopes: string[] }).scopes) if (!catalog.has(scope)) unknown.add(scope);
    }
    expect([...unknown]).toEqual([]);
  });

  it('lists every API in docs/apis.md', () => {
    const doc = readFileSync(join(REPO_ROOT, 'docs', 'apis.md'), 'utf8');
    expect(doc).toContain('`googleapis@178.0.0`: 333 APIs, 602 versions, 24,768 methods, of which\n970 have no known scopes');
    expect(doc.split('\n').filter((l) => l.startsWith('| `'))).toHaveLength(333);
    expect(doc).toContain('| `drive` | Google Drive API | v2 (75), v3 (64) | yes |\n');
    expect(doc).toContain('| `healthcare` | Cloud Healthcare API | v1 (152, all unknown), v1beta1 (178, all unknown) |  |\n');
    expect(doc).toContain('| `admob` | AdMob API | v1 (6), v1beta (19, 8 unknown) |  |\n');
  });
});

/** A minimal pair of generated files in googleapis' layout. */
function fixture(methods: Array<{ name: string; scopes?: string[] | null; required?: string[] }>): { dts: string; js: string } {
  const doc = (scopes: string[] | null | undefined): string =>
    scopes === null
      ? '        /**\n         * No sample here.\n         */'
      : `        /**\n         * Does it.\n         * @example\n         * \`\`\`js\n         * const auth = new google.auth.GoogleAuth({\n         *   scopes: [${(scopes ?? []).map((s) => `'${s}'`).join(', ')}],\n         * });\n         * \`\`\`\n         */`;
  const dts = [
    'export declare namespace demo_v1 {',
    '    /**',
    '     * Demo API',
    '     */',
    '    export class Demo {',
    '        context: APIRequestContext;',
    '        things: Resource$Things;',
    '        constructor(options: GlobalOptions, google?: GoogleConfigurable);',
    '    }',
    '    export class Resource$Things {',
    '        context: APIRequestContext;',
    ...methods.flatMap((m) => [
      doc(m.scopes),
      `        ${m.name}(params?: Params$Resource$Things$${m.name}, options?: MethodOptions): Promise<unknown>;`,
    ]),
    '    }',
    ...methods.flatMap((m) => [
      `    export interface Params$Resource$Things$${m.name} extends StandardParameters {`,
      '        /**',
      '         * The name.',
      '         */',
      '        name?: string;',
      "        'options.view'?: string;",
      '    }',
    ]),
    '}',
  ].join('\n');
  const js = [
    '    class Resource$Things {',
    ...methods.flatMap((m) => [
      `        ${m.name}(paramsOrCallback, optionsOrCallback, callback) {`,
      "            const rootUrl = options.rootUrl || 'https://demo.googleapis.com/';",
      "                    url: (rootUrl + '/v1/{+name}').replace(/([^:]\\/)\\/+/g, '$1'),",
      "                    method: 'GET',",
      `                requiredParams: [${(m.required ?? ['name']).map((p) => `'${p}'`).join(', ')}],`,
      "                pathParams: ['name'],",
      '        }',
    ]),
    '    }',
  ].join('\n');
  return { dts, js };
}

describe('reading the standard sample without parsing it', () => {
  it('gives what parsing gives on every method doc of Gmail, Drive, Sheets, Calendar and Apps Script', () => {
    let read = 0;
    for (const [api, version] of [
      ['gmail', 'v1'],
      ['drive', 'v3'],
      ['sheets', 'v4'],
      ['calendar', 'v3'],
      ['script', 'v1'],
    ] as const) {
      for (const [block] of read_(api, version).matchAll(/^ {8}\/\*\*\n[\s\S]*?^ {9}\*\/$/gm)) {
        const doc = stripCommentMarkup(block.trim());
        const fast = standardSampleScopes(doc);
        if (fast !== undefined) read++;
        if (doc.includes('@example')) expect(fast ?? exampleScopes(doc), `${api} ${version}`).toEqual(exampleScopes(doc));
      }
    }
    // All methods but Calendar's calendars.transfer, whose description mentions scopes: parsed instead.
    expect(read).toBe(79 + 64 + 17 + 38 + 16 - 1);
  });

  it('leaves anything unusual to the parser', () => {
    expect(standardSampleScopes("@example\n```js\nnew GoogleAuth({\n  scopes: [\n    'a',\n    'b',\n  ],\n});\n```")).toEqual(['a', 'b']);
    expect(standardSampleScopes("@example\n```js\nnew GoogleAuth({\n  scopes: ['a'],\n});\n```")).toEqual(['a']);
    expect(standardSampleScopes('@example\n```js\nnew GoogleAuth({\n  scopes: [],\n});\n```')).toEqual([]);
    // Two mentions, a constant, a string: not the standard form.
    expect(standardSampleScopes("Lists scopes.\n@example\n```js\nnew GoogleAuth({\n  scopes: ['a'],\n});\n```")).toBeUndefined();
    expect(standardSampleScopes('@example\n```js\nnew GoogleAuth({\n  scopes: [SCOPE],\n});\n```')).toBeUndefined();
    expect(standardSampleScopes("@example\n```js\nnew GoogleAuth({\n  scopes: 'a b',\n});\n```")).toBeUndefined();
  });
});

describe('extractApiVersion on unusual methods', () => {
  it('records a method without a sample (no `s`) and one with `scopes: []` (`s: []`) as unknown and goes on', () => {
    const { dts, js } = fixture([
      { name: 'get', scopes: ['https://www.googleapis.com/auth/z', 'https://www.googleapis.com/auth/a'] },
      { name: 'list', scopes: null },
      { name: 'peek', scopes: [] },
    ]);
    const { data, profile, unknownMethods } = extractApiVersion('demo', 'v1', dts, js);
    expect(unknownMethods).toBe(2);
    expect(data).toEqual({
      api: 'demo',
      version: 'v1',
      title: 'Demo API',
      rootUrl: 'https://demo.googleapis.com/',
      scopes: ['https://www.googleapis.com/auth/a', 'https://www.googleapis.com/auth/z'],
      methods: {
        'things.get': { h: 'GET', p: 'v1/{+name}', s: [1, 0], pr: ['name'], q: ['options.view'] },
        'things.list': { h: 'GET', p: 'v1/{+name}', pr: ['name'], q: ['options.view'] },
        'things.peek': { h: 'GET', p: 'v1/{+name}', s: [], pr: ['name'], q: ['options.view'] },
      },
    });
    expect(profile).toMatchObject({
      namespace: 'demo_v1',
      className: 'Demo',
      host: 'demo.googleapis.com',
      pathPrefixes: ['v1/'],
      rootResources: ['things'],
    });
  });

  it('fails with the file and method when the .js and .d.ts disagree', () => {
    const { dts, js } = fixture([{ name: 'get', scopes: [], required: ['name', 'ghost'] }]);
    expect(() => extractApiVersion('demo', 'v1', dts, js)).toThrow(
      'demo/v1.d.ts:0: things.get: parameter ghost is in pathParams/requiredParams but not in Params$Resource$Things$get',
    );
    expect(() => extractApiVersion('demo', 'v1', dts, '')).toThrow('class Resource$Things not in the .js');
  });

  it("names resource classes by Google's rule and records the exceptions", () => {
    expect(resourceClassName(['users', 'settings', 'sendAs'])).toBe('Resource$Users$Settings$Sendas');
    const profiles = JSON.parse(committed('profiles.json')) as ApiProfilesFile;
    const irregular = Object.entries(profiles.apis).flatMap(([api, p]) =>
      Object.entries(p.versions).flatMap(([v, vp]) =>
        Object.entries(vp.irregularResourceClasses ?? {}).map(([path, cls]) => `${api} ${v} ${path} ${cls}`),
      ),
    );
    expect(irregular).toEqual([
      'container v1 projects.locations.clusters.wellKnown Resource$Projects$Locations$Clusters$WellKnown',
      'container v1beta1 projects.locations.clusters.wellKnown Resource$Projects$Locations$Clusters$WellKnown',
      'sts v1 organizations.locations.workloadIdentityPools.wellKnown Resource$Organizations$Locations$Workloadidentitypools$WellKnown',
      'sts v1 projects.locations.workloadIdentityPools.wellKnown Resource$Projects$Locations$Workloadidentitypools$WellKnown',
    ]);
  });

  it('takes each path up to its version segment as a REST prefix', () => {
    expect(pathPrefix('drive/v3/files/{fileId}')).toBe('drive/v3/');
    expect(pathPrefix('admin/directory/v1/users')).toBe('admin/directory/v1/');
    expect(pathPrefix('admin/directory_v1/channels/stop')).toBe('admin/directory_v1/');
    expect(pathPrefix('v1:validateAddress')).toBe('v1:');
    expect(pathPrefix('v1.3/accounts')).toBe('v1.3/');
    expect(pathPrefix('download/{+resourceName}')).toBe('download/');
    expect(pathPrefix('{+name}')).toBe('');
    expect(pathPrefixes(['v4/spreadsheets/{spreadsheetId}', 'v4/spreadsheets', 'v4/spreadsheets:batch', '{+name}'])).toEqual(['v4/']);
  });
});
