/**
 * An internal failure while analysing a file never passes silently: the lint gets one message on
 * that file (with the severity of the rule that met it) and the rest of the run goes on; the
 * report lists the file and exits 2 instead of "every traced operation is covered" and 0.
 * The failure is injected: a file containing `CRASH_ME` makes the collector throw.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Linter } from 'eslint';
import type { ESLint } from 'eslint';
import { afterAll, describe, expect, it, vi } from 'vitest';
import plugin from '../../src/index.ts';
import { runCli } from '../cli/run-cli.ts';

vi.mock('../../src/google/collect.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/google/collect.ts')>();
  return {
    ...original,
    collect: (sourceCode: Parameters<typeof original.collect>[0]) => {
      if (sourceCode.text.includes('CRASH_ME')) throw new RangeError('Maximum call stack size exceeded');
      return original.collect(sourceCode);
    },
  };
});

const PREFIX = 'googleapis-scopes';
const CRASHING = "import { google } from 'googleapis';\n// CRASH_ME\nconst gmail = google.gmail({ version: 'v1', auth: undefined });\n";
const FINE =
  "import { google } from 'googleapis';\nconst auth = new google.auth.GoogleAuth({ scopes: ['https://www.googleapis.com/auth/gmail.labels'] });\nconst gmail = google.gmail({ version: 'v1', auth });\ngmail.users.labels.list({ userId: 'me' });\n";

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

function lint(code: string, severity: 'error' | 'warn'): Linter.LintMessage[] {
  return new Linter({ configType: 'flat' }).verify(
    code,
    [
      {
        files: ['**/*.js'],
        plugins: { [PREFIX]: plugin as unknown as ESLint.Plugin },
        rules: Object.fromEntries(Object.keys(plugin.rules).map((name) => [`${PREFIX}/${name}`, severity])),
      },
    ],
    { filename: 'app.js' },
  );
}

describe('fail closed', () => {
  it.each([
    ['error', 2],
    ['warn', 1],
  ] as const)('a crash in the analysis is one lint message on the file, with the rule severity (%s)', (severity, level) => {
    const messages = lint(CRASHING, severity);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ messageId: 'analysisFailed', severity: level, line: 1, column: 1 });
    expect(messages[0]!.ruleId).toMatch(/^googleapis-scopes\//);
    expect(messages[0]!.message).toMatch(
      /^Could not analyse this file \(Maximum call stack size exceeded \(at [\w/.-]+\.ts:\d+\)\): its Google API calls are unchecked\. Report it \(docs\/security\.md\)\.$/,
    );
  });

  it('other files are still linted', () => {
    expect(lint(CRASHING, 'error')).toHaveLength(1);
    expect(lint(FINE, 'error')).toEqual([]);
  });

  it('report: lists the file and exits 2, never "covered" with 0', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'googleapis-scopes-fail-closed-'));
    dirs.push(dir);
    fs.writeFileSync(path.join(dir, 'eslint.config.js'), 'export default [];\n');
    fs.writeFileSync(path.join(dir, 'crash.js'), CRASHING);
    fs.writeFileSync(path.join(dir, 'fine.js'), FINE);
    const run = await runCli(['report', '--format', 'json'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'googleapis-scopes: warning: skipped crash.js: analysis failed: Maximum call stack size exceeded\n' +
        'googleapis-scopes: error: the analysis of 1 file failed (see the warnings above); the report is incomplete\n',
    );
    expect(JSON.parse(run.stdout).skipped).toEqual([
      { file: 'crash.js', line: null, message: 'analysis failed: Maximum call stack size exceeded' },
    ]);
  });
});
