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
// The valid cases show this tracing stays silent; the project inventory (which would judge the
// untraced call against every request in the project) is off there.
const ISOLATED = { 'googleapis-scopes': { project: false } };
// `google.options({ auth })` of another module is found by searching the project: on for those cases.
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

function fixture(...parts: string[]): { code: string; filename: string } {
  const filename = path.join(REACH, ...parts);
  return { code: fs.readFileSync(filename, 'utf8'), filename };
}

ruleTester.run('missing-scope (clients passed to exported functions)', rule, {
  valid: [
    {
      name: 'a second caller passes a client that may delete: the call may work',
      ...fixture('passed-client-wide', 'labels.js'),
      settings: ISOLATED,
    },
    {
      name: 'a module re-exports the function: its callers can not all be seen',
      ...fixture('reexported', 'labels.js'),
      settings: ISOLATED,
    },
    {
      name: 'a second caller passes a client whose scopes are unknown',
      ...fixture('passed-unknown', 'labels.js'),
      settings: ISOLATED,
    },
    {
      name: 'a module imports it with import(): its callers can not all be seen',
      ...fixture('dynamic-import', 'labels.js'),
      settings: ISOLATED,
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
  ],
  invalid: [
    {
      name: 'injected getter (JavaScript): `registerGmailTools({ getGmailClient })` in index.js',
      ...fixture('injected-getter', 'tools.js'),
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
