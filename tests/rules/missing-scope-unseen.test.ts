/**
 * The project inventory only judges what it could see (review R4): a token minted in a component
 * or page the analysis does not parse (`.vue`, `.svelte`, `.html`), in a bundle too large to parse,
 * or in a package beside the linted one, may carry the scope the call needs, so the call is not
 * reported. The control (tests/fixtures/project-calendar: every request seen) stays reported.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Linter } from 'eslint';
import type { ESLint } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.ts';
import { clearProjectInventories } from '../../src/google/project/index.ts';
import rule from '../../src/rules/missing-scope.ts';
import type { MessageIds, Options } from '../../src/rules/missing-scope.ts';
import { FIXTURES, untypedRuleTester } from './rule-tester.ts';
import { tempFolder, writeFiles } from '../temp-project.ts';

const AUTH = 'https://www.googleapis.com/auth';

/** The fixture file's own text, linted under its real name (so its project is found). */
function fixture(project: string, file: string): { code: string; filename: string } {
  const filename = path.join(FIXTURES, `project-${project}`, file);
  return { code: fs.readFileSync(filename, 'utf8'), filename };
}

/** What the control's Calendar call gets: the provider's calendar.readonly, never calendar.events. */
const EVENTS_INSERT = {
  api: 'Calendar',
  method: 'events.insert',
  accepted: 'calendar.events.owned or broader',
  add: `\`${AUTH}/calendar.events.owned\``,
};

const valid: ValidTestCase<Options>[] = [
  { name: 'a .vue component requests calendar.events with Google Identity Services', ...fixture('vue', 'src/call.js') },
  { name: 'a static page (public/index.html) requests calendar.events', ...fixture('static-html', 'src/call.js') },
  {
    name: 'frontend/ and backend/ side by side, each with a package.json: the front end requests calendar.events',
    ...fixture('siblings', 'backend/call.js'),
  },
  { name: 'TypeScript: a .svelte component requests calendar.events', ...fixture('svelte-ts', 'src/routes/api/event/+server.ts') },
  {
    name: 'apps/web and apps/api in a folder that only groups them, in a package: the web app requests calendar.events',
    ...fixture('grouped', 'apps/api/call.js'),
  },
  {
    name: 'TypeScript: apps/web and apps/api in a folder that only groups them: the web app requests calendar.events',
    ...fixture('grouped', 'apps/api/events.ts'),
  },
];

const invalid: InvalidTestCase<MessageIds, Options>[] = [
  {
    name: 'control: every request is seen, none allows events.insert',
    ...fixture('calendar', 'src/call.js'),
    errors: [{ messageId: 'missingProjectScope', line: 6, column: 10, data: { ...EVENTS_INSERT, sites: 'src/auth.js:3' } }],
  },
  {
    name: 'control, TypeScript',
    ...fixture('calendar', 'src/events.ts'),
    errors: [{ messageId: 'missingProjectScope', line: 7, column: 9, data: { ...EVENTS_INSERT, sites: 'src/auth.js:3' } }],
  },
  {
    name: 'the package beside it requests calendar.readonly too: nothing requests calendar.events',
    ...fixture('siblings-readonly', 'backend/call.js'),
    errors: [
      {
        messageId: 'missingProjectScope',
        line: 6,
        column: 10,
        data: { ...EVENTS_INSERT, sites: 'backend/auth.js:3 and 1 more' },
      },
    ],
  },
  {
    name: 'apps/web beside apps/api (grouped) requests calendar.readonly too: nothing requests calendar.events',
    ...fixture('grouped-readonly', 'apps/api/call.js'),
    errors: [
      {
        messageId: 'missingProjectScope',
        line: 6,
        column: 10,
        data: { ...EVENTS_INSERT, sites: 'apps/api/auth.js:3 and 1 more' },
      },
    ],
  },
];

untypedRuleTester({ project: true }).run('missing-scope (what the inventory could not see)', rule, { valid, invalid });

describe('missing-scope: a vendored bundle larger than the analysis parses', () => {
  const root = tempFolder('unseen-bundle');
  const CALL = fs.readFileSync(path.join(FIXTURES, 'project-calendar', 'src', 'call.js'), 'utf8');
  writeFiles(root, {
    'package.json': '{ "name": "bundle", "type": "module" }\n',
    'src/auth.js': fs.readFileSync(path.join(FIXTURES, 'project-calendar', 'src', 'auth.js'), 'utf8'),
    'src/call.js': CALL,
  });
  const linter = new Linter({ configType: 'flat', cwd: root });
  const config: Linter.Config[] = [
    { files: ['**/*.ts'], languageOptions: { parser: tsParser as Linter.Parser } },
    {
      plugins: { 'googleapis-scopes': plugin as unknown as ESLint.Plugin },
      rules: { 'googleapis-scopes/missing-scope': 'error' },
    },
  ];
  const lint = (): string[] =>
    linter
      .verify(CALL, config, { filename: path.join(root, 'src', 'call.js') })
      .map((message) => `${message.line}:${message.column}:${message.messageId ?? message.message}`);
  // 2.2 MB of padding, then the front end's token client: past what the analysis parses (2 MB).
  const bundle = (scope: string): string =>
    '// vendored single-page app\n'.repeat(80_000) +
    `google.accounts.oauth2.initTokenClient({ client_id: "x", scope: "${scope}", callback: function (r) {} });\n`;

  it('reported while the bundle holds no scope', () => {
    writeFiles(root, { 'public/app.js': bundle('') });
    expect(lint()).toEqual(['6:10:missingProjectScope']);
  });

  it('silent when the bundle requests a scope (it may allow the call)', () => {
    writeFiles(root, { 'public/app.js': bundle(`${AUTH}/calendar.events`) });
    // A new mtime, seen by the next build of the inventory (what ESLint's run a second later does).
    const later = new Date(Date.now() + 5_000);
    fs.utimesSync(path.join(root, 'public', 'app.js'), later, later);
    clearProjectInventories();
    expect(lint()).toEqual([]);
  });
});
