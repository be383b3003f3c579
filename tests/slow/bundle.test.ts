/**
 * The published layout, built the way `npm run build` builds dist/ (scripts/bundle.mjs, then
 * scripts/copy-data.mjs) into a temporary package, and used from plain Node processes: importing
 * the plugin loads no ESLint, package.json and the packed data are found from every bundle, and
 * an imported module is parsed (ESLint's Linter, loaded then). Outside `npm test` because it
 * builds (a few seconds); `npm run test:slow`, which CI runs.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import packageJson from '../../package.json' with { type: 'json' };
import { tempFolder, writeFiles } from '../temp-project.ts';

const ROOT = path.join(import.meta.dirname, '..', '..');
const PACKAGE = tempFolder('bundle');
const DIST = path.join(PACKAGE, 'dist');

/** Runs `code` as an ES module in a fresh Node process inside the built package; returns its stdout. */
function runModule(code: string, cwd = PACKAGE): string {
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd, encoding: 'utf8' });
  expect(child.stderr).toBe('');
  expect(child.status).toBe(0);
  return child.stdout;
}

/** The files under `folder` whose name ends with `extension`, relative to it, sorted. */
function filesEndingWith(folder: string, extension: string): string[] {
  return fs
    .readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith(extension))
    .map((file) => file.split(path.sep).join('/'))
    .sort();
}

beforeAll(() => {
  const { name, version, homepage } = packageJson;
  fs.writeFileSync(path.join(PACKAGE, 'package.json'), JSON.stringify({ name, version, homepage, type: 'module' }));
  // The bundles import their dependencies and peers: the repository's, as an installed package would.
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(PACKAGE, 'node_modules'));
  for (const script of ['bundle.mjs', 'copy-data.mjs']) execFileSync(process.execPath, [path.join(ROOT, 'scripts', script), DIST]);
});

describe('the published bundles', () => {
  it('are one JavaScript file per entry point package.json names, and the chunks they share', () => {
    const files = filesEndingWith(DIST, '.js');
    expect(files.filter((file) => !/^chunk-\w+\.js$/.test(file))).toEqual(['cli/main.js', 'index.js', 'scopes/public.js']);
    expect(files.length).toBeLessThan(8);
    expect(filesEndingWith(path.join(DIST, 'scopes', 'data'), '')).toEqual(['apis.pack', 'apis.pack.json']);
  });

  it('import the plugin without loading ESLint, and read package.json from the bundle', () => {
    const output = runModule(`
      const { default: plugin } = await import('./dist/index.js');
      const { createRequire } = await import('node:module');
      const loaded = Object.keys(createRequire(import.meta.url).cache);
      console.log(JSON.stringify({
        meta: plugin.meta,
        url: plugin.rules['missing-scope'].meta.docs.url,
        eslint: loaded.filter((file) => /[\\\\/]node_modules[\\\\/]eslint[\\\\/]/.test(file)).length,
        commonJs: loaded.length,
      }));
    `);
    const result = JSON.parse(output) as { meta: unknown; url: string; eslint: number; commonJs: number };
    expect(result.meta).toEqual({ name: packageJson.name, version: packageJson.version });
    expect(result.url).toBe(`${packageJson.homepage.replace(/#.*$/, '')}/blob/main/docs/rules/missing-scope.md`);
    expect(result.eslint).toBe(0);
    // The test sees CommonJS modules at all: the plugin's own dependencies are CommonJS.
    expect(result.commonJs).toBeGreaterThan(0);
  });

  it('answer the data API from the packed data (./scopes)', () => {
    const output = runModule(`
      const { acceptedScopes } = await import('./dist/scopes/public.js');
      console.log(JSON.stringify(acceptedScopes('drive', 'v3', 'files.delete')));
    `);
    expect(JSON.parse(output)).toEqual([
      'https://www.googleapis.com/auth/drive',
      'https://www.googleapis.com/auth/drive.appdata',
      'https://www.googleapis.com/auth/drive.file',
    ]);
  });

  it('lint a call whose scopes an imported module declares (the parse loads ESLint then)', () => {
    const project = path.join(PACKAGE, 'project');
    writeFiles(project, {
      'app.mjs': [
        "import { google } from 'googleapis';",
        "import { SCOPES } from './scopes.mjs';",
        'const auth = new google.auth.GoogleAuth({ scopes: SCOPES });',
        "const gmail = google.gmail({ version: 'v1', auth });",
        "await gmail.users.messages.send({ userId: 'me' });",
        '',
      ].join('\n'),
      'scopes.mjs': "export const SCOPES = ['https://www.googleapis.com/auth/gmail.readonly'];\n",
    });
    const output = runModule(
      `
      const { default: plugin } = await import('../dist/index.js');
      const { ESLint } = await import('eslint');
      const eslint = new ESLint({ cwd: process.cwd(), overrideConfigFile: true, overrideConfig: [plugin.configs.recommended] });
      const [result] = await eslint.lintFiles(['app.mjs']);
      console.log(JSON.stringify(result.messages.map(({ ruleId, line, message }) => ({ ruleId, line, message }))));
    `,
      project,
    );
    const messages = JSON.parse(output) as { ruleId: string; line: number; message: string }[];
    expect(messages.map(({ ruleId, line }) => `${ruleId}:${line}`)).toContain('googleapis-scopes/missing-scope:5');
    expect(messages.find(({ ruleId }) => ruleId === 'googleapis-scopes/missing-scope')!.message).toContain('to `SCOPES` in ./scopes.mjs');
  });

  it('run the CLI with its version and data from the bundle', () => {
    const output = execFileSync(process.execPath, [path.join(DIST, 'cli', 'main.js'), '--version'], { encoding: 'utf8' });
    expect(output).toMatch(
      new RegExp(`^${packageJson.name} ${packageJson.version.replaceAll('.', '\\.')}\\ndata: methods of \\d+ API versions`),
    );
  });
});
