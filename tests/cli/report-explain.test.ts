import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, runCli } from './run-cli.ts';

/** `report --explain`: for every requested scope, the calls that need it, in all three formats. */
describe('report --explain', () => {
  it('table: a section per declaration, each scope with the calls it covers', async () => {
    const run = await runCli(['report', '--explain'], { cwd: fixture('covered') });
    // messages.get (format full) breaks under the requested gmail.metadata: a certain 403, exit 1.
    expect(run.code).toBe(1);
    const start = run.stdout.indexOf('Why each scope is requested');
    expect(run.stdout.slice(start, run.stdout.indexOf('\nProject'))).toBe(
      [
        'Why each scope is requested',
        '  GoogleAuth  src/read.cjs:3',
        '    gmail.metadata  users.labels.list   src/read.cjs:12:24 (also covered by gmail.readonly)',
        '    gmail.readonly  users.labels.list   src/read.cjs:12:24 (also covered by gmail.metadata)',
        '                    users.messages.get  src/read.cjs:13:25',
        '',
      ].join('\n'),
    );
  });

  it('table: a scope no traced call needs says so (a call that breaks under gmail.metadata does not use it)', async () => {
    const run = await runCli(['report', '--explain', 'src/outbox.js', 'src/reader.js'], {
      cwd: path.join(import.meta.dirname, '..', 'fixtures', 'explain', 'app'),
    });
    const start = run.stdout.indexOf('Why each scope is requested');
    expect(run.stdout.slice(start, run.stdout.indexOf('\nProject'))).toBe(
      [
        'Why each scope is requested',
        '  GoogleAuth  src/outbox.js:4',
        '    gmail.readonly  no traced call needs it',
        '  OAuth2 client  src/reader.js:3',
        '    gmail.metadata  no traced call needs it',
        '    userinfo.emial  no traced call needs it',
        '',
      ].join('\n'),
    );
  });

  it('markdown: one row per requested scope', async () => {
    const run = await runCli(['report', '--explain', '--format', 'markdown'], { cwd: fixture('covered') });
    const start = run.stdout.indexOf('### Why each scope is requested');
    expect(run.stdout.slice(start, run.stdout.indexOf('### Scope classification'))).toBe(
      [
        '### Why each scope is requested',
        '',
        '| Declaration | Scope | Needed by |',
        '|---|---|---|',
        '| GoogleAuth `src/read.cjs:3` | `gmail.metadata` | `users.labels.list` `src/read.cjs:12:24` (also covered by `gmail.readonly`) |',
        '| GoogleAuth `src/read.cjs:3` | `gmail.readonly` | `users.labels.list` `src/read.cjs:12:24` (also covered by `gmail.metadata`)<br>`users.messages.get` `src/read.cjs:13:25` |',
        '',
        '',
      ].join('\n'),
    );
  });

  it('json: `scopeUses`, only when asked for', async () => {
    const run = await runCli(['report', '--explain', '--format', 'json'], { cwd: fixture('covered') });
    expect(JSON.parse(run.stdout).scopeUses).toEqual([
      {
        declaration: 'src/read.cjs:3:14',
        scope: 'https://www.googleapis.com/auth/gmail.metadata',
        calls: [
          {
            method: 'users.labels.list',
            file: 'src/read.cjs',
            line: 12,
            column: 24,
            alsoCoveredBy: ['https://www.googleapis.com/auth/gmail.readonly'],
          },
        ],
      },
      {
        declaration: 'src/read.cjs:3:14',
        scope: 'https://www.googleapis.com/auth/gmail.readonly',
        calls: [
          {
            method: 'users.labels.list',
            file: 'src/read.cjs',
            line: 12,
            column: 24,
            alsoCoveredBy: ['https://www.googleapis.com/auth/gmail.metadata'],
          },
          { method: 'users.messages.get', file: 'src/read.cjs', line: 13, column: 25, alsoCoveredBy: [] },
        ],
      },
    ]);
    const plain = await runCli(['report', '--format', 'json'], { cwd: fixture('covered') });
    expect(JSON.parse(plain.stdout)).not.toHaveProperty('scopeUses');
  });

  it('is an option of report only', async () => {
    expect(await runCli(['explain', '--explain'], { cwd: fixture('covered') })).toMatchObject({
      code: 2,
      stderr: "googleapis-scopes: option '--explain' is not an option of `explain` (see googleapis-scopes --help)\n",
    });
  });
});
