/**
 * `googleapis-scopes report` behaves in pipes and terminals and on hostile projects: a reader
 * that stops early gets a quiet exit with the computed code (it was an unhandled EPIPE stack
 * and exit 1), a folder with symlinks to itself does not hang the progress count, Markdown for
 * a pull-request comment can't be given HTML, links or extra table cells by the code it reports
 * on, and the analysed project's own parser is never loaded (that would run its code).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixture, runCli } from '../cli/run-cli.ts';

const ROOT = path.join(import.meta.dirname, '..', '..');
const MAIN = path.join(ROOT, 'src', 'cli', 'main.ts');
const dirs: string[] = [];

afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

function project(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'googleapis-scopes-cli-'));
  dirs.push(dir);
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

/** Code spans dropped (their content is shown literally); what is left is rendered Markdown. */
function outsideCodeSpans(markdown: string): string {
  let out = '';
  let index = 0;
  while (index < markdown.length) {
    const run = /^`+/.exec(markdown.slice(index))?.[0];
    if (run === undefined) {
      out += markdown[index++];
      continue;
    }
    const close = new RegExp(`(?<!\`)${run}(?!\`)`, 'g');
    close.lastIndex = index + run.length;
    const match = close.exec(markdown);
    if (match === null) throw new Error(`unclosed code span at ${index}`);
    out += 'CODE';
    index = match.index + run.length;
  }
  return out;
}

describe('report in pipes and terminals', () => {
  it('a reader that stops early: no EPIPE stack, and the exit code the report computed', async () => {
    const cwd = fixture('basic');
    const expected = (await runCli(['report', '--format', 'json'], { cwd })).code;
    const run = spawnSync('bash', ['-c', `node --import tsx "${MAIN}" report --format json | true; echo "exit=\${PIPESTATUS[0]}" >&2`], {
      cwd,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.stderr).not.toMatch(/EPIPE|Error|at /);
    expect(run.stderr.endsWith(`exit=${expected}\n`)).toBe(true);
  }, 70_000);

  it('a folder with two symlinks to itself: the progress count terminates', async () => {
    const dir = project({
      'eslint.config.mjs': "export default [{ files: ['**/*.js'] }];\n",
      'src/app.js': "import { google } from 'googleapis';\nconst gmail = google.gmail('v1');\n",
    });
    fs.symlinkSync('.', path.join(dir, 'src', 'x'));
    fs.symlinkSync('.', path.join(dir, 'src', 'y'));
    const run = await runCli(['report', '--format', 'json'], { cwd: dir, stderrIsTTY: true });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).files).toBeGreaterThanOrEqual(1);
  }, 20_000);
});

describe('Markdown output escapes every string from the analysed code', () => {
  it('scope strings and file names cannot inject HTML, links or table cells', async () => {
    const evilScope = 'https://www.googleapis.com/auth/gmail.send<img src=x onerror=alert(1)>';
    const evilLink = '`](https://evil.example) <b>|';
    const file = 'src/a|b<i>x.js';
    const dir = project({
      'eslint.config.mjs': "export default [{ files: ['**/*.js'] }];\n",
      [file]: `import { google } from 'googleapis';\nconst auth = new google.auth.GoogleAuth({ scopes: ['${evilScope}', '${evilLink.replace(/'/g, "\\'")}'] });\nconst gmail = google.gmail({ version: 'v1', auth });\ngmail.users.messages.send({ userId: 'me' });\n`,
    });
    const run = await runCli(['report', '--format', 'markdown'], { cwd: dir });
    expect(run.stdout).toContain('evil.example');
    expect(run.stdout).toContain('onerror');
    const rendered = outsideCodeSpans(run.stdout);
    expect(rendered).not.toMatch(/(?<!\\)</);
    expect(rendered).not.toMatch(/\]\(/);
    // Every table row keeps its table's columns: no unescaped pipe comes from the code.
    let columns = 0;
    for (const line of run.stdout.split('\n')) {
      if (!line.startsWith('|')) {
        columns = 0;
        continue;
      }
      const cells = outsideCodeSpans(line).replace(/\\\|/g, '').split('|').length;
      if (line.startsWith('|---')) columns = cells;
      else if (columns > 0) expect(cells, line).toBe(columns);
    }
  });

  it.each(['table', 'markdown'])(
    '%s: control characters from the code are printed as \\u escapes, never as a terminal escape sequence',
    async (format) => {
      // Clears the screen, and an OSC 8 hyperlink; in a file name, a line break and cursor-up + erase-line.
      const evilScope = 'https://www.googleapis.com/auth/gmail.send\\u001B[2J\\u001B]8;;https://evil.example\\u0007x';
      const file = 'src/a\u001B[1A\u001B[2Kb\nc.js';
      const dir = project({
        'eslint.config.mjs': "export default [{ files: ['**/*.js'] }];\n",
        [file]: `import { google } from 'googleapis';\nconst auth = new google.auth.GoogleAuth({ scopes: ['${evilScope}'] });\nconst gmail = google.gmail({ version: 'v1', auth });\ngmail.users.messages.send({ userId: 'me' });\n`,
      });
      const run = await runCli(['report', '--format', format], { cwd: dir });
      expect(run.stdout).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/u);
      expect(run.stdout).toContain('gmail.send\\u001B[2J\\u001B]8;;https://evil.example\\u0007x');
      expect(run.stdout).toContain('src/a\\u001B[1A\\u001B[2Kb\\u000Ac.js:2');
    },
  );
});

describe("the analysed project's code never runs", () => {
  it("without an eslint.config, TypeScript is parsed with the plugin's own parser, not the project's", async () => {
    const marker = path.join(os.tmpdir(), `googleapis-scopes-parser-ran-${process.pid}`);
    const dir = project({
      'node_modules/@typescript-eslint/parser/package.json': JSON.stringify({
        name: '@typescript-eslint/parser',
        version: '99.0.0',
        main: 'index.js',
      }),
      'node_modules/@typescript-eslint/parser/index.js': `require('node:fs').writeFileSync(${JSON.stringify(marker)}, 'ran');\nmodule.exports = { parse() { throw new Error('project parser'); } };\n`,
      'package.json': JSON.stringify({ name: 'hostile-project', private: true }),
      'src/app.ts':
        "import { google } from 'googleapis';\nconst auth = new google.auth.GoogleAuth({ scopes: ['https://www.googleapis.com/auth/gmail.labels'] });\nconst gmail = google.gmail({ version: 'v1', auth });\nconst id: string = 'me';\ngmail.users.labels.list({ userId: id });\n",
    });
    const run = await runCli(['report', '--format', 'json', 'src'], { cwd: dir });
    expect(fs.existsSync(marker)).toBe(false);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.skipped).toEqual([]);
    expect(report.operations.map((operation: { method: string }) => operation.method)).toEqual(['users.labels.list']);
  });
});
