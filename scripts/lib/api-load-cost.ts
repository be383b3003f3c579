/**
 * `npm run bench` — what a project that uses five APIs (Gmail, Drive, Sheets, Calendar, People
 * through `googleapis`) pays for the plugin's data, in a fresh Node process (issue 15): which API
 * data the plugin's import reads (Gmail's map), the lazy load of each other API's generated data
 * (read + build its map, cold), and the first and second lint of the project through ESLint's
 * Node API with the strict config. The import time itself is ./import-time.ts's (the shipped
 * bundle).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT, ensureWorkDir } from './bench-corpus.ts';

const AUTH = 'https://www.googleapis.com/auth';

/** One file per API: a client on a GoogleAuth with one scope, and calls that need more (findings). */
const PROGRAMS: Readonly<Record<string, { version: string; scope: string; calls: readonly string[] }>> = {
  gmail: {
    version: 'v1',
    scope: 'gmail.readonly',
    calls: ["users.messages.list({ userId: 'me' })", "users.messages.send({ userId: 'me' })"],
  },
  drive: { version: 'v3', scope: 'drive.metadata.readonly', calls: ['files.list({})', "files.delete({ fileId: 'x' })"] },
  sheets: {
    version: 'v4',
    scope: 'spreadsheets.readonly',
    calls: ["spreadsheets.values.get({ spreadsheetId: 'x', range: 'A1' })", 'spreadsheets.create({})'],
  },
  calendar: {
    version: 'v3',
    scope: 'calendar.readonly',
    calls: ["events.list({ calendarId: 'primary' })", "events.insert({ calendarId: 'primary' })"],
  },
  people: {
    version: 'v1',
    scope: 'contacts.readonly',
    calls: ["people.connections.list({ resourceName: 'people/me' })", 'people.createContact({})'],
  },
};

function writeProject(root: string): void {
  fs.rmSync(root, { recursive: true, force: true });
  fs.mkdirSync(path.join(root, 'src'), { recursive: true });
  fs.writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'five-apis', private: true, type: 'module' }));
  for (const [api, { version, scope, calls }] of Object.entries(PROGRAMS)) {
    const lines = [
      "import { google } from 'googleapis';",
      `const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/${scope}'] });`,
      `const client = google.${api}({ version: '${version}', auth });`,
      'export async function run() {',
      ...calls.map((call) => `  await client.${call};`),
      '}',
    ];
    fs.writeFileSync(path.join(root, 'src', `${api}.js`), `${lines.join('\n')}\n`);
  }
}

/** Runs in the fresh process: plain Node, as `eslint` runs. */
const CHILD = `
const [entry, root] = process.argv.slice(1);
const plugin = (await import(entry)).default;
const data = await import(new URL('./scopes/apis-data.js', entry).href);
const maps = await import(new URL('./scopes/api-map.js', entry).href);
const atImport = data.loadedApiVersions();
const perApi = [];
for (const key of ${JSON.stringify(Object.entries(PROGRAMS).map(([api, { version }]) => `${api}:${version}`))}) {
  const [api, version] = key.split(':');
  const loaded = data.loadedApiVersions().includes(key);
  const t = performance.now();
  maps.getApiMap(api, version);
  perApi.push({ key, ms: performance.now() - t, loaded });
}
const { ESLint } = await import('eslint');
const eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: [plugin.configs.strict], cache: false });
const lint = async () => {
  const t = performance.now();
  const results = await eslint.lintFiles(['src/**/*.js']);
  return { ms: performance.now() - t, problems: results.reduce((sum, result) => sum + result.messages.length, 0) };
};
const first = await lint();
const second = await lint();
process.stdout.write(JSON.stringify({ atImport, perApi, first, second, loaded: data.loadedApiVersions() }));
`;

interface ChildResult {
  atImport: string[];
  perApi: { key: string; ms: number; loaded: boolean }[];
  first: { ms: number; problems: number };
  second: { ms: number; problems: number };
  loaded: string[];
}

export function measureApiLoadCost(pluginEntry: string, log: (line?: string) => void, runs = 3): void {
  const root = path.join(ensureWorkDir(), 'five-apis');
  writeProject(root);
  const results: ChildResult[] = [];
  for (let run = 0; run < runs; run++) {
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', CHILD, pathToFileURL(pluginEntry).href, root], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    });
    if (child.status !== 0) throw new Error(`five-API run failed (exit ${child.status}):\n${child.stdout}\n${child.stderr}`);
    results.push(JSON.parse(child.stdout) as ChildResult);
  }
  const median = (values: number[]): number => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const last = results.at(-1)!;
  const ms = (value: number): string => `${value.toFixed(1)} ms`;
  log(`Five-API project (Gmail, Drive, Sheets, Calendar, People through googleapis; strict), fresh process, median of ${runs}:`);
  log(`  API data read by the plugin's import: ${last.atImport.join(', ') || 'none'}`);
  log(
    `  per-API data load (read + build the map, cold): ${last.perApi
      .map(
        ({ key }, index) =>
          `${key} ${last.perApi[index]!.loaded ? 'at import' : ms(median(results.map((result) => result.perApi[index]!.ms)))}`,
      )
      .join(', ')}`,
  );
  log(
    `  first lint of its ${Object.keys(PROGRAMS).length} files ${ms(median(results.map((result) => result.first.ms)))}, second ${ms(median(results.map((result) => result.second.ms)))}; ${last.first.problems} problems; API versions read in all: ${last.loaded.length} (${last.loaded.join(', ')})`,
  );
  log();
}
