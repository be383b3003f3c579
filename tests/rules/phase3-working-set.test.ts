/**
 * A file that names more phase-3 APIs than the cache of built maps holds (24 outside the registry,
 * src/scopes/api-map.ts) builds each map once during its lint: its working set is never evicted
 * while it is linted, whatever order its calls resolve in.
 */
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.ts';
import { dataApiMapBuildsForTests, forgetDataApiMapsForTests, getApiMap, isAnalysedApiVersion } from '../../src/scopes/api-map.ts';
import { listApis } from '../../src/scopes/apis-data.ts';

const AUTH = 'https://www.googleapis.com/auth';

/** `count` APIs outside the registry with one version and a method: `google.<api>({ version, auth }).<method>({})`, twice each. */
function manyApis(count: number, typescript: boolean): { code: string; apis: number } {
  const lines: string[] = [];
  for (const { api, versions } of listApis()) {
    if (lines.length >= count * 3 || !/^[a-z]\w*$/.test(api)) continue;
    const version = versions[0]!.version;
    if (isAnalysedApiVersion(api, version)) continue;
    const method = [...(getApiMap(api, version)?.methods.keys() ?? [])][0];
    if (method === undefined) continue;
    lines.push(`const ${api} = google.${api}({ version: '${version}', auth });`);
    lines.push(`await ${api}.${method}({});`, `await ${api}.${method}({});`);
  }
  const header = [
    typescript ? "import { google } from 'googleapis';" : "const { google } = require('googleapis');",
    `const auth${typescript ? ': InstanceType<typeof google.auth.GoogleAuth>' : ''} = new google.auth.GoogleAuth({ scopes: ['${AUTH}/gmail.readonly'] });`,
  ];
  return { code: [...header, ...lines].join('\n'), apis: lines.length / 3 };
}

describe('a file naming more phase-3 APIs than the map cache holds', () => {
  for (const typescript of [false, true]) {
    it(`builds each of its 40 APIs' maps once (${typescript ? 'TypeScript' : 'JavaScript'})`, () => {
      const { code, apis } = manyApis(40, typescript);
      expect(apis).toBe(40);
      forgetDataApiMapsForTests();
      const before = dataApiMapBuildsForTests();
      const messages = new Linter().verify(
        code,
        [
          {
            files: ['**/*.js', '**/*.ts'],
            ...(typescript ? { languageOptions: { parser: tsParser } } : {}),
            plugins: { 'googleapis-scopes': plugin },
            rules: { 'googleapis-scopes/missing-scope': 'error' },
            settings: { 'googleapis-scopes': { project: false } },
          },
        ],
        typescript ? 'many.ts' : 'many.js',
      );
      expect(messages.filter((message) => message.fatal === true || message.messageId === 'analysisFailed')).toEqual([]);
      // Every call is judged (none of these APIs accepts gmail.readonly).
      expect(messages.length).toBeGreaterThanOrEqual(apis);
      expect(dataApiMapBuildsForTests() - before).toBe(apis);
      forgetDataApiMapsForTests();
    });
  }
});
