/**
 * The report says what missing-scope says for the same calls, from the one decision (`scopeFix()`
 * and `neededScopes()` in src/scopes/policy.ts). Fixture: tests/fixtures/report/rule-agree. Before,
 * the report listed every accepted scope ("needs one of drive, drive.appdata, drive.file" where
 * the rule says "needs drive"), picked a fact table's tie by name (minimal calendar.acls.readonly
 * for `channels.stop`), and ignored the Chat credential (chat.bot for a user's token too).
 */
import { Linter } from 'eslint';
import type { ESLint } from 'eslint';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.ts';
import { parseErrorText } from '../../src/cli/error-text.ts';
import { explainError } from '../../src/cli/explain.ts';
import { operationNote } from '../../src/cli/format-shared.ts';
import { lintProject } from '../../src/cli/lint.ts';
import { buildReport } from '../../src/cli/report.ts';
import { fixture, runCli } from './run-cli.ts';

const APP = fixture('rule-agree');
const READ_ONLY_TIE = 'calendar.acls.readonly, calendar.calendarlist.readonly, calendar.settings.readonly';
const PEOPLE_TIE =
  'contacts.readonly, user.addresses.read, user.birthday.read, user.emails.read, user.gender.read, user.organization.read, user.phonenumbers.read';
const CASA = "requires Google's OAuth verification and an annual third-party security assessment (CASA) for public apps";
// A user's Chat call keeps its own choice next to the app's chat.bot (a user's token can't use chat.bot).
const MISSING = `chat.bot, drive plus one of ${READ_ONLY_TIE} plus one of calendar.events.freebusy, calendar.freebusy plus one of chat.spaces.readonly, chat.spaces plus one of ${PEOPLE_TIE}`;

const TABLE = [
  'Google API scopes · 6 files · 7 operations · 5 scope declarations',
  '',
  'GoogleAuth  src/calendar.js:4',
  '  written at  src/calendar.js:4',
  '  requested   gmail.send',
  '  operations',
  `    missing  Calendar channels.stop   src/calendar.js:6:27  needs ${READ_ONLY_TIE}, calendar.events.readonly or broader`,
  '    missing  Calendar freebusy.query  src/calendar.js:7:27  needs calendar.events.freebusy, calendar.freebusy or broader',
  `  minimal  one of ${READ_ONLY_TIE} plus one of calendar.events.freebusy, calendar.freebusy`,
  `  missing  one of ${READ_ONLY_TIE} plus one of calendar.events.freebusy, calendar.freebusy`,
  '  unused   gmail.send',
  '',
  'JWT  src/chat-app.js:4',
  '  written at  src/chat-app.js:4',
  '  requested   gmail.send',
  '  operations',
  '    missing  Chat spaces.list  src/chat-app.js:5:29  needs chat.bot',
  '  minimal  chat.bot',
  '  missing  chat.bot',
  '  unused   gmail.send',
  '',
  'JWT  src/chat-user.js:4',
  '  written at  src/chat-user.js:8',
  '  requested   gmail.send',
  '  operations',
  '    missing  Chat spaces.list  src/chat-user.js:10:29  needs chat.spaces.readonly or broader',
  '  minimal  one of chat.spaces.readonly, chat.spaces',
  '  missing  one of chat.spaces.readonly, chat.spaces',
  '  unused   gmail.send',
  '',
  'GoogleAuth  src/drive.js:4',
  '  written at  src/drive.js:4',
  '  requested   gmail.send',
  '  operations',
  '    missing  Drive files.delete  src/drive.js:6:35  needs drive',
  '    missing  Drive files.get     src/drive.js:7:33  needs drive.metadata.readonly or broader',
  '  minimal  drive',
  '  missing  drive',
  '  unused   gmail.send',
  '',
  'GoogleAuth  src/people.js:4',
  '  written at  src/people.js:4',
  '  requested   gmail.send',
  '  operations',
  `    missing  People people.get  src/people.js:5:37  needs ${PEOPLE_TIE} or broader`,
  `  minimal  one of ${PEOPLE_TIE}`,
  `  missing  one of ${PEOPLE_TIE}`,
  '  unused   gmail.send',
  '',
  'Project',
  "  requested  gmail.send  (sensitive: requires Google's OAuth app verification)",
  `  minimal    ${MISSING}  (restricted: ${CASA})`,
  `  missing    ${MISSING}`,
  '  unused     gmail.send (not needed by any visible call)',
  '',
  '',
];

describe('report and missing-scope agree', () => {
  it('prints what the rule says: the proposable scopes, open choices as "one of", the Chat credential', async () => {
    const run = await runCli(['report'], { cwd: APP });
    expect(run.code).toBe(1);
    expect(run.stdout.slice(0, run.stdout.indexOf('\nScopes\n') + 1)).toBe(TABLE.join('\n'));
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe(`7 operations will fail: add ${MISSING}; 1 scope not needed by any visible call`);
  });

  it('names, per failing call, what the rule’s message names, and offers the rule’s fix or suggestions', async () => {
    const result = await lintProject({ cwd: APP, paths: [] });
    const report = buildReport({ cwd: APP, inventories: result.inventories, files: result.files, skipped: result.skipped });
    const linter = new Linter({ configType: 'flat', cwd: APP });
    const config: Linter.Config[] = [
      { files: ['**/*.js'], plugins: { g: plugin as unknown as ESLint.Plugin }, rules: { 'g/missing-scope': 'error' } },
    ];
    const failing = report.operations.filter((operation) => operation.status === 'missing');
    expect(failing).toHaveLength(7);
    for (const operation of failing) {
      const filename = path.join(APP, operation.file);
      const message = linter
        .verify(readFileSync(filename, 'utf8'), config, { filename })
        .find((item) => item.line === operation.line && item.column === operation.column);
      // "Drive `files.delete` needs drive but gets …": the same words as the report's note.
      expect(message?.message).toContain(`\`${operation.method}\` ${operationNote(operation, (text) => text)} but gets`);
      const declaration = report.declarations.find((item) => item.id === operation.declaration)!;
      const suggested = (message?.suggestions ?? []).map((suggestion) => /'(https:[^']+)'/.exec(suggestion.fix.text)?.[1]);
      if (message?.fix !== undefined) {
        // A certain choice: the rule's autofix adds what the report says is missing.
        expect(declaration.missingChoices).toEqual([]);
        for (const scope of declaration.missing) expect(message.fix.text).toContain(scope);
      } else {
        // An open choice: the rule's suggestions, one per scope, are one of the report's lists.
        expect(declaration.missing).toEqual([]);
        expect(declaration.missingChoices).toContainEqual(suggested);
      }
    }
  });

  it('calls neither of two tied requested scopes unused, as least-privilege does not (tests/fixtures/report/tied-scopes)', async () => {
    const run = await runCli(['report'], { cwd: fixture('tied-scopes') });
    const tie = 'one of calendar.acls.readonly, calendar.calendarlist.readonly, calendar.settings.readonly';
    expect(run).toEqual({
      code: 0,
      stderr: '',
      stdout: [
        'Google API scopes · 2 files · 1 operation · 1 scope declaration',
        '',
        'GoogleAuth  src/stop.js:4',
        '  written at  src/stop.js:5',
        '  requested   calendar.acls.readonly, calendar.settings.readonly',
        '  operations',
        '    ok  channels.stop  src/stop.js:7:27',
        `  minimal  ${tie}`,
        '  missing  none',
        '  unused   none',
        '',
        'Project',
        '  requested  calendar.acls.readonly, calendar.settings.readonly',
        `  minimal    ${tie}`,
        '  missing    none',
        '  unused     none',
        '',
        'Scopes',
        '  scope                           classification  Google verification',
        '  calendar.acls.readonly          not catalogued  unknown: not classified',
        '  calendar.calendarlist.readonly  not catalogued  unknown: not classified',
        '  calendar.settings.readonly      not catalogued  unknown: not classified',
        '',
        'every traced operation is covered',
        '',
      ].join('\n'),
    });
  });

  it('never asks for a scope where the credential fails the call, as missing-scope does not (tests/fixtures/report/credential)', async () => {
    const cwd = fixture('credential');
    const run = await runCli(['report'], { cwd });
    const reason = 'the service account: Classroom needs it to impersonate a user (`subject`)';
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n').slice(2, 11)).toEqual([
      'JWT  src/classroom.js:4',
      '  written at  src/classroom.js:4',
      '  requested   gmail.send',
      '  operations',
      `    metadata  courses.list  src/classroom.js:5:30  fails with ${reason} (see metadata-scope; a scope alone can't cure it)`,
      '  minimal  one of classroom.courses.readonly, classroom.courses',
      '  missing  none',
      '  unused   gmail.send',
      '',
    ]);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe(
      'no scope is missing; 1 operation fails with its credential; 1 scope not needed by any visible call',
    );
    // explain says the same of the 403, never "Add classroom.courses.readonly".
    const result = await lintProject({ cwd, paths: [] });
    const report = buildReport({ cwd, inventories: result.inventories, files: result.files, skipped: result.skipped });
    const parsed = parseErrorText(
      "GaxiosError: Insufficient Permission config: { url: 'https://classroom.googleapis.com/v1/courses', method: 'GET' }",
    )!;
    expect(explainError(parsed, report).fix).toEqual([
      `\`src/classroom.js:5\` fails with ${reason}: a scope alone can't cure it (\`metadata-scope\` reports it there).`,
    ]);
  });

  it('explain of a Chat 403 proposes per declaration what the rule does: chat.bot for the app, the user scopes for a user', async () => {
    const result = await lintProject({ cwd: APP, paths: [] });
    const report = buildReport({ cwd: APP, inventories: result.inventories, files: result.files, skipped: result.skipped });
    const error = readFileSync(path.join(fixture('..'), 'explain', 'errors', 'chat-403.json'), 'utf8');
    const AUTH = 'https://www.googleapis.com/auth';
    expect(explainError(parseErrorText(error)!, report).fix).toEqual([
      `Add \`${AUTH}/chat.bot\` to the scope list at \`src/chat-app.js:4\`.`,
      `Add one of \`${AUTH}/chat.spaces.readonly\` or \`${AUTH}/chat.spaces\` to the scope list at \`src/chat-user.js:8\`: which one fits depends on the credential and the data the call reaches, which neither the error nor the scope data tells.`,
    ]);
  });
});
