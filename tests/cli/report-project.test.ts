import fs from 'node:fs';
import path from 'node:path';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.ts';
import { fixture, runCli, scope, scopes } from './run-cli.ts';

// `report` judges a call whose auth can't be traced against the project's requests, as
// missing-scope's `missingProjectScope` does (issue 14 item 4): report and rule agree.
const PROJECT_TABLE = [
  'Google API scopes · 3 files · 2 operations · 3 scope declarations',
  '',
  'OAuth2 client  src/login.js:3',
  '  written at  src/login.js:6',
  '  requested   gmail.readonly',
  '  no operation traced to these scopes',
  '  minimal  none',
  '  missing  none',
  '  unused   none',
  '',
  'OAuth2 client  src/mail.js:4',
  '  requested  unknown (partly computed at run time)',
  '  no operation traced to these scopes',
  '  minimal  none',
  '  missing  none',
  '  unused   none',
  '',
  "the project's requests (auth not traced)",
  '  written at  src/login.js:6',
  '  requested   gmail.readonly',
  '  operations',
  '    missing  users.messages.send  src/mail.js:8:9  needs gmail.send or broader',
  '  minimal  gmail.send',
  '  missing  gmail.send',
  '  unused   none',
  '',
  'calls whose scopes could not be traced',
  '  operations',
  '    unknown  users.messages.list  src/mail.js:7:9  no scopes traced to this call',
  '  minimal  gmail.readonly',
  '',
  'Project',
  "  requested  gmail.readonly  (restricted: requires Google's OAuth verification and an annual third-party security assessment (CASA) for public apps)",
  "  minimal    gmail.modify  (restricted: requires Google's OAuth verification and an annual third-party security assessment (CASA) for public apps)",
  '  missing    gmail.send',
  '  unused     none',
  '',
  'Scopes',
  '  scope           classification  Google verification',
  "  gmail.send      sensitive       requires Google's OAuth app verification",
  "  gmail.readonly  restricted      requires Google's OAuth verification and an annual third-party security assessment (CASA) for public apps",
  "  gmail.modify    restricted      requires Google's OAuth verification and an annual third-party security assessment (CASA) for public apps",
  '',
  '1 operation will fail: add gmail.send; 1 operation with unknown scopes',
  '',
].join('\n');

describe('report: the project inventory', () => {
  it('lists an untraced call the project’s requests certainly don’t allow as missing, under the project’s requests', async () => {
    const run = await runCli(['report'], { cwd: fixture('project') });
    expect(run).toEqual({ code: 1, stdout: PROJECT_TABLE, stderr: '' });
  });

  it('writes the project declaration in JSON; a call the requests may allow stays unresolved', async () => {
    const run = await runCli(['report', '--format', 'json'], { cwd: fixture('project') });
    const report = JSON.parse(run.stdout) as {
      declarations: { kind: string }[];
      operations: { method: string; declaration: string | null; status: string }[];
      missing: string[];
    };
    expect(report.declarations.find((declaration) => declaration.kind === 'project')).toEqual({
      id: 'project',
      kind: 'project',
      label: "the project's requests (auth not traced)",
      file: null,
      line: null,
      column: null,
      declaredAt: [{ file: 'src/login.js', line: 6, name: null }],
      requested: [scope('gmail.readonly')],
      complete: true,
      operations: 1,
      minimal: [scope('gmail.send')],
      missing: [scope('gmail.send')],
      minimalChoices: [],
      missingChoices: [],
      unused: [],
    });
    expect(report.operations.map((operation) => [operation.method, operation.declaration, operation.status])).toEqual([
      ['users.messages.list', null, 'unresolved'],
      ['users.messages.send', 'project', 'missing'],
    ]);
    expect(report.missing).toEqual(scopes('gmail.send'));
  });

  it('agrees with missing-scope on the same file', () => {
    const filename = path.join(fixture('project'), 'src', 'mail.js');
    const linter = new Linter({ cwd: fixture('project') });
    const messages = linter.verify(
      fs.readFileSync(filename, 'utf8'),
      [{ plugins: { 'googleapis-scopes': plugin as never }, rules: { 'googleapis-scopes/missing-scope': 'error' } }],
      filename,
    );
    expect(messages.map((message) => [message.line, message.column, message.messageId])).toEqual([[8, 9, 'missingProjectScope']]);
  });
});

// Other APIs (review R7): no "Gmail operations", the fact tables' classification, a trap shown as
// the trap metadata-scope reports (never "missing … needs one of" a requested scope), an API-key
// call not listed, and exit code 1 like eslint's metadata-scope error.
const OTHER_APIS_TABLE =
  [
    'Google API scopes · 2 files · 2 operations · 2 scope declarations',
    '',
    'GoogleAuth  src/files.js:4',
    '  written at  src/files.js:4',
    '  requested   drive.metadata.readonly',
    '  operations',
    '    metadata  Drive files.get  src/files.js:5:37  fails under the requested scope that accepts the method (a trap: see metadata-scope)',
    '  minimal  drive.readonly',
    '  missing  none',
    '  unused   none',
    '',
    'GoogleAuth  src/files.js:7',
    '  written at  src/files.js:8',
    '  requested   drive.readonly, spreadsheets.readonly',
    '  operations',
    '    ok  Sheets spreadsheets.values.get  src/files.js:10:27',
    '  minimal  spreadsheets.readonly',
    '  missing  none',
    '  unused   drive.readonly',
    '',
    'Project',
    "  requested  drive.metadata.readonly, drive.readonly, spreadsheets.readonly  (restricted: requires Google's OAuth verification and an annual third-party security assessment (CASA) for public apps)",
    "  minimal    drive.readonly  (restricted: requires Google's OAuth verification and an annual third-party security assessment (CASA) for public apps)",
    '  missing    none',
    '  unused     drive.readonly (not needed by any visible call)',
    '',
    'Scopes',
    '  scope                    classification  Google verification',
    "  drive.metadata.readonly  restricted      requires Google's OAuth verification and an annual third-party security assessment (CASA) for public apps",
    "  drive.readonly           restricted      requires Google's OAuth verification and an annual third-party security assessment (CASA) for public apps",
    "  spreadsheets.readonly    sensitive       requires Google's OAuth app verification",
    '',
    'no scope is missing; 1 operation breaks under a requested scope (traps); 1 scope not needed by any visible call',
  ].join('\n') + '\n';

describe('report on other APIs', () => {
  it('classifies their scopes, shows a trap as one, skips API-key calls and exits 1', async () => {
    const run = await runCli(['report'], { cwd: fixture('other-apis') });
    expect(run).toEqual({ code: 1, stdout: OTHER_APIS_TABLE, stderr: '' });
  });
});
