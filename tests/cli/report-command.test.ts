import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HELP } from '../../src/cli/run.ts';
import { fixture, runCli } from './run-cli.ts';

const COVERED_TABLE = [
  'Google API scopes · 2 files · 2 operations · 1 scope declaration',
  '',
  'GoogleAuth  src/read.cjs:3',
  '  written at  src/read.cjs:4',
  '  requested   gmail.metadata, gmail.readonly',
  '  operations',
  '    ok        users.labels.list   src/read.cjs:12:24',
  '    metadata  users.messages.get  src/read.cjs:13:25  fails while gmail.metadata is requested (format full/raw or q)',
  '  minimal  gmail.readonly',
  '  missing  none',
  '  unused   gmail.metadata',
  '',
  'Project',
  "  requested  gmail.metadata, gmail.readonly  (restricted: requires Google's OAuth verification and an annual third-party security assessment (CASA) for public apps)",
  "  minimal    gmail.readonly  (restricted: requires Google's OAuth verification and an annual third-party security assessment (CASA) for public apps)",
  '  missing    none',
  '  unused     gmail.metadata (not needed by any visible call)',
  '',
  'Scopes',
  '  scope           classification  Google verification',
  "  gmail.metadata  restricted      requires Google's OAuth verification and an annual third-party security assessment (CASA) for public apps",
  "  gmail.readonly  restricted      requires Google's OAuth verification and an annual third-party security assessment (CASA) for public apps",
  '',
  'no scope is missing; 1 operation breaks under gmail.metadata; 1 scope not needed by any visible call',
  '',
].join('\n');

const COVERED_MARKDOWN = [
  '## Google API scopes',
  '',
  '❌ **no scope is missing; 1 operation breaks under gmail.metadata; 1 scope not needed by any visible call**',
  '',
  '2 files · 2 operations · 1 scope declaration',
  '',
  '| Project | Scopes |',
  '|---|---|',
  "| Requested | `gmail.metadata`, `gmail.readonly` — **restricted**: requires Google's OAuth verification and an annual third-party security assessment (CASA) for public apps |",
  "| Minimal (least privilege) | `gmail.readonly` — **restricted**: requires Google's OAuth verification and an annual third-party security assessment (CASA) for public apps |",
  '| Missing | — |',
  '| Unused (not needed by any visible call) | `gmail.metadata` |',
  '',
  '### GoogleAuth — `src/read.cjs:3`',
  '',
  'Requested: `gmail.metadata`, `gmail.readonly` — written at `src/read.cjs:4`',
  '',
  '| Operation | Location | Status |',
  '|---|---|---|',
  '| `users.labels.list` | `src/read.cjs:12:24` | ✅ ok |',
  '| `users.messages.get` | `src/read.cjs:13:25` | ⚠️ metadata — fails while `gmail.metadata` is requested (format full/raw or q) |',
  '',
  '**Minimal:** `gmail.readonly` · **Missing:** — · **Unused:** `gmail.metadata`',
  '',
  '### Scope classification',
  '',
  '| Scope | Classification | Google verification |',
  '|---|---|---|',
  "| `gmail.metadata` | restricted | requires Google's OAuth verification and an annual third-party security assessment (CASA) for public apps |",
  "| `gmail.readonly` | restricted | requires Google's OAuth verification and an annual third-party security assessment (CASA) for public apps |",
  '',
].join('\n');

const ESCAPE = '\u001B[';

describe('report formats', () => {
  it('prints a plain table when stdout is not a terminal', async () => {
    const run = await runCli(['report'], { cwd: fixture('covered') });
    expect(run).toEqual({ code: 1, stdout: COVERED_TABLE, stderr: '' });
  });

  it('colours the table on a terminal', async () => {
    const run = await runCli(['report'], { cwd: fixture('covered'), stdoutIsTTY: true });
    expect(run.stdout).toContain(`${ESCAPE}32mok      ${ESCAPE}39m`);
    expect(run.stdout.replace(/\u001B\[\d+m/g, '')).toBe(COVERED_TABLE);
  });

  it('never colours when NO_COLOR is set', async () => {
    const run = await runCli(['report'], { cwd: fixture('covered'), stdoutIsTTY: true, env: { NO_COLOR: '1' } });
    expect(run.stdout).toBe(COVERED_TABLE);
  });

  it('prints Markdown for pull-request comments', async () => {
    const run = await runCli(['report', '--format', 'markdown'], { cwd: fixture('covered'), stdoutIsTTY: true });
    expect(run).toEqual({ code: 1, stdout: COVERED_MARKDOWN, stderr: '' });
  });

  it('marks missing operations in every format', async () => {
    const table = await runCli(['report', '-f', 'table'], { cwd: fixture('basic') });
    expect(table.code).toBe(1);
    expect(table.stdout).toContain('    missing  users.messages.send  src/mail.js:13:10  needs gmail.send or broader\n');
    expect(table.stdout.endsWith('\n1 operation will fail: add gmail.send; 1 scope not needed by any visible call\n')).toBe(true);
    const markdown = await runCli(['report', '-f', 'markdown'], { cwd: fixture('basic') });
    expect(markdown.code).toBe(1);
    expect(markdown.stdout).toContain('| `users.messages.send` | `src/mail.js:13:10` | ❌ missing — needs `gmail.send` or broader |\n');
    expect(markdown.stdout).toContain('\n❌ **1 operation will fail: add gmail.send; 1 scope not needed by any visible call**\n');
  });
});

describe('exit codes', () => {
  it('is 1 on a call that certainly breaks under gmail.metadata, where eslint exits 1 too', async () => {
    const cwd = fixture('covered');
    expect((await runCli(['report'], { cwd })).code).toBe(1);
    expect((await runCli(['report', '--fail-on', 'metadata'], { cwd })).code).toBe(1);
    expect((await runCli(['report', '--fail-on=unresolved', '--fail-on=missing'], { cwd })).code).toBe(1);
  });

  it('is 0 when nothing certainly fails, 1 when a --fail-on condition holds', async () => {
    // labels.ts of `basic`: a covered call and an unused scope.
    const cwd = fixture('basic');
    expect((await runCli(['report', 'src/labels.ts'], { cwd })).code).toBe(0);
    expect((await runCli(['report', 'src/labels.ts', '--fail-on', 'unused'], { cwd })).code).toBe(1);
    expect((await runCli(['report', 'src/labels.ts', '--fail-on', 'unresolved'], { cwd })).code).toBe(0);
    expect((await runCli(['report', 'src/labels.ts', '--fail-on', 'unresolved,unused'], { cwd })).code).toBe(1);
  });

  it('is 1 on unresolved calls only with --fail-on unresolved', async () => {
    // `sources` has a missing scope too: report only the file whose call has unknown scopes.
    const cwd = fixture('sources');
    expect((await runCli(['report', 'src/unknown.js'], { cwd })).code).toBe(0);
    expect((await runCli(['report', 'src/unknown.js', '--fail-on', 'unresolved'], { cwd })).code).toBe(1);
  });

  it.each([
    [['report', '--bogus'], "googleapis-scopes: unknown option '--bogus' (see googleapis-scopes --help)"],
    [['report', '-x'], "googleapis-scopes: unknown option '-x' (see googleapis-scopes --help)"],
    [
      ['report', '--format', 'xml'],
      "googleapis-scopes: bad --format 'xml': expected one of table, markdown, json (see googleapis-scopes --help)",
    ],
    [['report', '--format'], "googleapis-scopes: option '-f, --format <value>' argument missing (see googleapis-scopes --help)"],
    [
      ['report', '--fail-on', 'warnings'],
      "googleapis-scopes: bad --fail-on 'warnings': expected unused, metadata, unresolved (see googleapis-scopes --help)",
    ],
    [['report', 'no/such/dir'], 'googleapis-scopes: path not found: no/such/dir'],
    [['report', '--config', 'missing.config.js'], 'googleapis-scopes: path not found: missing.config.js'],
    [['report', 'src/*.vue'], "googleapis-scopes: eslint: No files matching 'src/*.vue' were found."],
    [['inventory'], "googleapis-scopes: unknown command 'inventory': expected `report` or `explain` (see googleapis-scopes --help)"],
    [['--format', 'json'], "googleapis-scopes: unknown option '--format' before the command (see googleapis-scopes --help)"],
    [[], 'googleapis-scopes: missing command: expected `report` or `explain` (see googleapis-scopes --help)'],
  ])('is 2 on usage errors: %j', async (args, message) => {
    const run = await runCli(args, { cwd: fixture('basic') });
    expect(run).toEqual({ code: 2, stdout: '', stderr: `${message}\n` });
  });

  it('is 2 with the config error when the project ESLint config is broken', async () => {
    const run = await runCli(['report'], { cwd: fixture('bad-settings') });
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'googleapis-scopes: eslint: settings[\'googleapis-scopes\'] has an unknown key "scope"; expected "scopes", "complete" and/or "project".\n',
    });
  });

  it('prints help and the version', async () => {
    for (const args of [['--help'], ['-h'], ['report', '--help']]) {
      expect(await runCli(args, { cwd: fixture('basic') })).toEqual({ code: 0, stdout: HELP, stderr: '' });
    }
    const version = await runCli(['--version'], { cwd: fixture('basic') });
    const { version: expected } = createRequire(import.meta.url)('../../package.json') as { version: string };
    // The data's provenance comes from the generated files, never from node_modules at run time.
    expect(version).toEqual({
      code: 0,
      stdout: `eslint-plugin-googleapis-scopes ${expected}\ndata: methods of 602 API versions (333 APIs) from googleapis 178.0.0; Google scope names from googleapis 178.0.0\n`,
      stderr: '',
    });
  });
});

describe('progress', () => {
  it('shows files done / total on stderr only when stderr is a terminal', async () => {
    const run = await runCli(['report', '-f', 'json'], { cwd: fixture('covered'), stderrIsTTY: true });
    expect(run.code).toBe(1);
    // eslint.config.js and src/read.cjs; the line is erased before the report is printed.
    expect(run.stderr).toMatch(
      /^\r\u001B\[Kgoogleapis-scopes: analysing files 1\/2\r\u001B\[Kgoogleapis-scopes: analysing files 2\/2\r\u001B\[K$/,
    );
    expect(JSON.parse(run.stdout)).toMatchObject({ files: 2 });
  });
});

describe('the executable', () => {
  const main = path.join(import.meta.dirname, '..', '..', 'src', 'cli', 'main.ts');
  const node = (args: string[], cwd: string) =>
    spawnSync(process.execPath, ['--import', 'tsx', main, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

  it('exits 1 with the JSON report when a scope is missing', () => {
    const result = node(['report', '--format', 'json'], fixture('basic'));
    expect(result.status).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({ missing: ['https://www.googleapis.com/auth/gmail.send'] });
  });

  it('exits 2 on a usage error with one line and no stack trace', () => {
    const result = node(['report', '--bogus'], fixture('basic'));
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe("googleapis-scopes: unknown option '--bogus' (see googleapis-scopes --help)\n");
  });
});
