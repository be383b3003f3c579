import fs from 'node:fs';
import path from 'node:path';
import rule from '../../src/rules/missing-scope.ts';
import { FIXTURES, untypedRuleTester } from './rule-tester.ts';

// Clients that reach a module from the project's other modules (issue 14, item 3): through its
// exported function's parameters, an injected getter (`registerGmailTools({ getGmailClient })`)
// and a passed client (`deleteLabel(client, id)`); and `google.options({ auth })` set elsewhere.
// Each fixture folder is a project of its own (its package.json). Real fixture files under tests/fixtures/reach: the callers are
// read from disk, the linted module is the fixture's own text.
const ruleTester = untypedRuleTester();
// Callers and `google.options({ auth })` in other modules are found by searching the project: on
// for those cases. `project: false` searches nothing: passed clients are then unknown.
const ISOLATED = { 'googleapis-scopes': { project: false } };
const PROJECT = { 'googleapis-scopes': { project: true } };
const REACH = path.join(FIXTURES, 'reach');
const DELETE = {
  method: 'users.messages.delete',
  accepted: 'https://mail.google.com/',
  requested: 'gmail.readonly',
  add: '`https://mail.google.com/`',
};
const LABELS = {
  method: 'users.labels.delete',
  accepted: 'gmail.labels or broader',
  requested: 'gmail.readonly',
  add: '`https://www.googleapis.com/auth/gmail.labels`',
};

const UNREQUESTED_LABELS = { api: 'Gmail', method: 'users.labels.delete', accepted: LABELS.accepted, sites: 'index.js:5', add: LABELS.add };

function fixture(...parts: string[]): { code: string; filename: string } {
  const filename = path.join(REACH, ...parts);
  return { code: fs.readFileSync(filename, 'utf8'), filename };
}

ruleTester.run('missing-scope (clients passed to exported functions)', rule, {
  valid: [
    {
      name: 'a second caller passes a client that may delete: the call may work',
      ...fixture('passed-client-wide', 'labels.js'),
      settings: PROJECT,
    },
    {
      name: 'google.options() in another module with an auth whose scopes are unknown',
      ...fixture('global-options-unknown', 'tools.js'),
      settings: ISOLATED,
    },
    {
      name: 'google.options({ auth }) in another module under `project: false` (JavaScript): the project is not searched',
      ...fixture('global-options', 'tools.js'),
      settings: ISOLATED,
    },
    {
      name: 'google.options({ auth }) in another module under `project: false` (TypeScript): the project is not searched',
      ...fixture('global-options-ts', 'tools.ts'),
      settings: ISOLATED,
    },
    // `project: false` walks no project: callers in other modules are not searched, so a client
    // passed in is unknown (the same fixtures are reported under `project: true` below).
    {
      name: 'passed client (JavaScript) under `project: false`: its callers are not searched',
      ...fixture('passed-client', 'labels.js'),
      settings: ISOLATED,
    },
    {
      name: 'passed client (TypeScript) under `project: false`: its callers are not searched',
      ...fixture('passed-client-ts', 'labels.ts'),
      settings: ISOLATED,
    },
    {
      name: 'injected getter (JavaScript) under `project: false`: its callers are not searched',
      ...fixture('injected-getter', 'tools.js'),
      settings: ISOLATED,
    },
  ],
  invalid: [
    {
      // Not traced through its callers: only the project's requests judge it (never requested there).
      name: 'a module re-exports the function: its callers can not all be seen; the project inventory judges it',
      ...fixture('reexported', 'labels.js'),
      settings: PROJECT,
      errors: [{ messageId: 'missingProjectScope', line: 2, column: 9, data: UNREQUESTED_LABELS }],
    },
    {
      // Not traced through its callers: only the project's requests judge it (never requested there).
      name: 'a second caller passes a client whose scopes are unknown; the project inventory judges it',
      ...fixture('passed-unknown', 'labels.js'),
      settings: PROJECT,
      errors: [{ messageId: 'missingProjectScope', line: 2, column: 9, data: UNREQUESTED_LABELS }],
    },
    {
      // Not traced through its callers: only the project's requests judge it (never requested there).
      name: 'a module imports it with import(): its callers can not all be seen; the project inventory judges it',
      ...fixture('dynamic-import', 'labels.js'),
      settings: PROJECT,
      errors: [{ messageId: 'missingProjectScope', line: 2, column: 9, data: UNREQUESTED_LABELS }],
    },
    {
      name: 'injected getter (JavaScript): `registerGmailTools({ getGmailClient })` in index.js',
      ...fixture('injected-getter', 'tools.js'),
      settings: PROJECT,
      output: null,
      errors: [
        {
          messageId: 'missingScope',
          line: 8,
          column: 14,
          data: { api: 'Gmail', ...DELETE, source: 'the authenticate() call on line 4 in ./auth.js', where: ' to ./auth.js' },
        },
      ],
    },
    {
      name: 'injected getter (TypeScript): `options.getGmailClient()`',
      ...fixture('injected-getter-ts', 'tools.ts'),
      settings: PROJECT,
      output: null,
      errors: [
        {
          messageId: 'missingScope',
          line: 10,
          column: 11,
          data: { api: 'Gmail', ...DELETE, source: 'the authenticate() call on line 4 in ./auth.ts', where: ' to ./auth.ts' },
        },
      ],
    },
    {
      name: 'passed client (JavaScript): `deleteLabel(client, id)` from index.js',
      ...fixture('passed-client', 'labels.js'),
      settings: PROJECT,
      output: null,
      errors: [
        {
          messageId: 'missingScope',
          line: 2,
          column: 9,
          data: { api: 'Gmail', ...LABELS, source: 'the generateAuthUrl() call on line 5 in ./index.js', where: ' to ./index.js' },
        },
      ],
    },
    {
      name: 'passed client (TypeScript, namespace import): `labels.deleteLabel(gmail, id)`',
      ...fixture('passed-client-ts', 'labels.ts'),
      settings: PROJECT,
      output: null,
      errors: [
        {
          messageId: 'missingScope',
          line: 4,
          column: 9,
          data: { api: 'Gmail', ...LABELS, source: 'the GoogleAuth on line 4 in ./index.ts', where: ' to ./index.ts' },
        },
      ],
    },
    {
      name: 'google.options({ auth }) in another module (JavaScript)',
      ...fixture('global-options', 'tools.js'),
      settings: PROJECT,
      output: null,
      errors: [
        {
          messageId: 'missingScope',
          line: 4,
          column: 9,
          data: { api: 'Gmail', ...DELETE, source: 'the authenticate() call on line 4 in ./index.js', where: ' to ./index.js' },
        },
      ],
    },
    {
      name: 'google.options({ auth, timeout }) in another module (TypeScript)',
      ...fixture('global-options-ts', 'tools.ts'),
      settings: PROJECT,
      output: null,
      errors: [
        {
          messageId: 'missingScope',
          line: 5,
          column: 9,
          data: { api: 'Gmail', ...DELETE, source: 'the GoogleAuth on line 3 in ./main.ts', where: ' to ./main.ts' },
        },
      ],
    },
  ],
});
