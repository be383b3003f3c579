/**
 * The CI integration documented in docs/ci.md, run for real on a fixture project: the ESLint
 * command line with `--max-warnings 0` and SARIF output through `@microsoft/eslint-formatter-sarif`
 * (for GitHub code scanning), parsed and checked. In `npm run test:slow`, which installs the formatter.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import plugin from '../../src/index.ts';

const ROOT = path.join(import.meta.dirname, '..', '..');
const PROJECT = path.join(ROOT, 'tests', 'fixtures', 'reliability', 'project');
const ESLINT_BIN = path.join(ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js');
const PREFIX = 'googleapis-scopes';

interface SarifLog {
  version: string;
  runs: {
    tool: { driver: { name: string; rules: { id: string; shortDescription?: { text: string }; helpUri?: string }[] } };
    artifacts: { location: { uri: string } }[];
    results: {
      ruleId: string;
      level: string;
      message: { text: string };
      locations: {
        physicalLocation: { artifactLocation: { uri: string; index: number }; region: { startLine: number; startColumn: number } };
      }[];
    }[];
  }[];
}

function eslintCli(args: readonly string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [ESLINT_BIN, ...args], {
    cwd: PROJECT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'googleapis-scopes-ci-'));
});
afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('SARIF for code scanning (@microsoft/eslint-formatter-sarif)', () => {
  it('the CI command writes a SARIF 2.1.0 log with every finding, located, and fails the job', () => {
    const output = path.join(tmp, 'eslint.sarif');
    const run = eslintCli(['.', '--max-warnings', '0', '--format', '@microsoft/sarif', '--output-file', output]);
    expect(run.status, run.stderr).toBe(1);
    const sarif = JSON.parse(fs.readFileSync(output, 'utf8')) as SarifLog;
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs).toHaveLength(1);
    const [sarifRun] = sarif.runs;
    expect(sarifRun!.tool.driver.name).toBe('ESLint');
    const findings = sarifRun!.results.map((result) => {
      const location = result.locations[0]!.physicalLocation;
      return `${location.artifactLocation.uri.split('/').slice(-2).join('/')}:${location.region.startLine} ${result.ruleId} ${result.level}`;
    });
    expect(findings.sort()).toEqual([
      `src/cleanup.js:3 ${PREFIX}/no-restricted-scopes error`,
      `src/cleanup.js:8 ${PREFIX}/missing-scope error`,
      `src/metadata.js:3 ${PREFIX}/no-restricted-scopes error`,
      `src/metadata.js:7 ${PREFIX}/metadata-scope error`,
      `src/send.js:4 ${PREFIX}/no-restricted-scopes error`,
      `src/send.js:9 ${PREFIX}/missing-scope error`,
      `src/typo.js:3 ${PREFIX}/valid-scope error`,
    ]);
    const send = sarifRun!.results.find(
      (result) => result.ruleId === `${PREFIX}/missing-scope` && result.message.text.includes('users.messages.send'),
    );
    expect(send?.message.text).toContain('gmail.send');
  });

  it("the log describes each rule from the plugin's meta (description, docs URL)", async () => {
    const eslint = new ESLint({ cwd: PROJECT });
    const results = await eslint.lintFiles(['src']);
    const formatter = await eslint.loadFormatter('@microsoft/sarif');
    // ESLint hands the formatter the rules' meta of these results, as the CLI does.
    const sarif = JSON.parse(await formatter.format(results)) as SarifLog;
    const rules = new Map(sarif.runs[0]!.tool.driver.rules.map((rule) => [rule.id, rule]));
    const meta = (name: string): { docs?: { description?: string; url?: string } } =>
      (plugin.rules as unknown as Record<string, { meta: { docs?: { description?: string; url?: string } } }>)[name]!.meta;
    for (const name of ['missing-scope', 'metadata-scope', 'valid-scope', 'no-restricted-scopes']) {
      const rule = rules.get(`${PREFIX}/${name}`);
      expect(rule, name).toBeDefined();
      expect(rule!.shortDescription?.text).toBe(meta(name).docs?.description);
      expect(rule!.helpUri).toBe(meta(name).docs?.url);
    }
  });
});

describe('the example GitHub Actions workflow (examples/github-actions.yml)', () => {
  const workflow = fs.readFileSync(path.join(ROOT, 'examples', 'github-actions.yml'), 'utf8');
  const commands = [...workflow.matchAll(/^\s*run: npx eslint (.+)$/gm)].map((match) => match[1]!.trim().split(/\s+/));
  const written = ['eslint.sarif', '.eslintcache'].map((file) => path.join(PROJECT, file));
  afterAll(() => {
    for (const file of written) fs.rmSync(file, { force: true });
  });

  it('never restores an ESLint cache from another commit (a scope module edit would not re-lint its importers)', () => {
    expect(workflow).not.toMatch(/^\s*-? ?uses: actions\/cache/m);
    expect(workflow).not.toContain('restore-keys');
  });

  it('runs ESLint twice: SARIF for code scanning, then the failing, readable run', () => {
    expect(commands).toHaveLength(2);
    expect(commands[0]).toEqual(expect.arrayContaining(['--format', '@microsoft/sarif', '--output-file', 'eslint.sarif', '--cache']));
    expect(commands[1]).toEqual(expect.arrayContaining(['--max-warnings', '0', '--cache']));
  });

  it("its commands work on a project with findings: a SARIF log, then the job fails with ESLint's report", () => {
    for (const file of written) fs.rmSync(file, { force: true });
    const sarifStep = eslintCli(commands[0]!);
    expect(sarifStep.status, sarifStep.stderr).toBe(1);
    const sarif = JSON.parse(fs.readFileSync(written[0]!, 'utf8')) as SarifLog;
    expect(sarif.runs[0]!.results.length).toBe(7);
    expect(fs.existsSync(written[1]!)).toBe(true);
    const failingStep = eslintCli(commands[1]!);
    expect(failingStep.status).toBe(1);
    expect(failingStep.stdout).toContain('7 problems (7 errors, 0 warnings)');
    expect(failingStep.stdout).toContain(`${PREFIX}/missing-scope`);
  });
});

describe('--max-warnings 0', () => {
  it('turns warnings into a failing exit code', () => {
    const args = ['src/typo.js', '--rule', `${PREFIX}/valid-scope: warn`];
    const lenient = eslintCli(args);
    expect(lenient.status, lenient.stdout).toBe(0);
    expect(lenient.stdout).toContain('1 problem (0 errors, 1 warning)');
    const strict = eslintCli([...args, '--max-warnings', '0']);
    expect(strict.status).toBe(1);
    expect(strict.stdout + strict.stderr).toContain('ESLint found too many warnings (maximum: 0)');
  });

  it('passes on clean files', () => {
    const clean = eslintCli(['src/labels.js', 'src/plain.js', '--max-warnings', '0']);
    expect(clean.status, clean.stdout).toBe(0);
  });
});
