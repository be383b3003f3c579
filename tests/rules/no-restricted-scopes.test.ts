import path from 'node:path';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.ts';
import rule from '../../src/rules/no-restricted-scopes.ts';
import { docExamples } from './doc-examples.ts';
import { FIXTURES, untypedRuleTester } from './rule-tester.ts';

const ruleTester = untypedRuleTester();
const AUTH = 'https://www.googleapis.com/auth';
const APP_TS = path.join(FIXTURES, 'policy', 'app.ts');

const docs = docExamples('no-restricted-scopes');
const RESTRICTED = "public apps need Google's verification and a yearly CASA security assessment";
const SENSITIVE = "public apps need Google's OAuth app verification";
const DELEGATED = 'no app verification; a Workspace admin must grant it';

describe('no-restricted-scopes docs', () => {
  it('has the examples these tests use', () => {
    expect(docs.incorrect).toHaveLength(2);
    expect(docs.correct).toHaveLength(2);
  });
});

ruleTester.run('no-restricted-scopes', rule, {
  valid: [
    {
      name: 'a REQUIRED_SCOPE that is only checked with includes() is not a request',
      code: `
import { google } from 'googleapis';
const REQUIRED_SCOPE = '${AUTH}/gmail.readonly';
export const canRead = (granted) => granted.includes(REQUIRED_SCOPE);
`,
    },
    { name: 'docs: sensitive and non-sensitive scopes', code: docs.correct[0]! },
    { name: 'docs: sign-in and other APIs’ scopes', code: docs.correct[1]! },
    {
      name: 'allowed scopes',
      code: `const auth = { scopes: ['${AUTH}/gmail.readonly', 'https://mail.google.com/'] };`,
      options: [{ allow: [`${AUTH}/gmail.readonly`, 'https://mail.google.com/'] }],
    },
    {
      name: 'a restricted scope URL outside any scope list (a link, a comment) is not a request',
      code: `
// We used to ask for https://mail.google.com/ here.
const docsUrl = 'https://developers.google.com/gmail/api/auth/scopes';
const GMAIL = 'https://mail.google.com/';
console.log(GMAIL);
`,
    },
    {
      name: 'scopes written in another module are reported there, not at the import',
      code: `
import { google } from 'googleapis';
import { READ_SCOPES } from './scopes';
const auth = new google.auth.GoogleAuth({ scopes: READ_SCOPES });
`,
      filename: APP_TS,
    },
  ],
  invalid: [
    {
      name: 'a service account with domain-wide delegation: what applies is the administrator grant, not OAuth verification',
      code: `
import { google } from 'googleapis';
const jwt = new google.auth.JWT({ email: 'sa@p.iam.gserviceaccount.com', key: process.env.KEY, scopes: ['${AUTH}/gmail.readonly'], subject: 'user@example.com' });
const positional = new google.auth.JWT('sa@p.iam.gserviceaccount.com', undefined, process.env.KEY, ['${AUTH}/gmail.modify'], 'admin@example.com');
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/gmail.send', 'https://mail.google.com/'], clientOptions: { subject: 'user@example.com' } });
const user = new google.auth.GoogleAuth({ scopes: ['${AUTH}/gmail.compose'] });
`,
      errors: [
        {
          messageId: 'delegatedScope',
          line: 3,
          column: 105,
          data: { scope: 'gmail.readonly', classification: 'restricted', api: 'Gmail', consequence: DELEGATED },
        },
        {
          messageId: 'delegatedScope',
          line: 4,
          column: 101,
          data: { scope: 'gmail.modify', classification: 'restricted', api: 'Gmail', consequence: DELEGATED },
        },
        {
          messageId: 'delegatedScope',
          line: 5,
          column: 98,
          data: { scope: 'https://mail.google.com/', classification: 'restricted', api: 'Gmail', consequence: DELEGATED },
        },
        {
          messageId: 'restrictedScope',
          line: 6,
          column: 52,
          data: { scope: 'gmail.compose', classification: 'restricted', api: 'Gmail', consequence: RESTRICTED },
        },
      ],
    },
    {
      name: 'docs: gmail.modify',
      code: docs.incorrect[0]!,
      errors: [
        {
          messageId: 'restrictedScope',
          line: 5,
          column: 12,
          data: { scope: 'gmail.modify', classification: 'restricted', api: 'Gmail', consequence: RESTRICTED },
        },
      ],
      output: null,
    },
    {
      name: 'docs (TypeScript): a literal and a concatenation, each reported once',
      code: docs.incorrect[1]!,
      filename: 'file.ts',
      errors: [
        {
          messageId: 'restrictedScope',
          line: 2,
          column: 23,
          data: { scope: 'https://mail.google.com/', classification: 'restricted', api: 'Gmail', consequence: RESTRICTED },
        },
        {
          messageId: 'restrictedScope',
          line: 2,
          column: 51,
          data: { scope: 'gmail.readonly', classification: 'restricted', api: 'Gmail', consequence: RESTRICTED },
        },
      ],
      output: null,
    },
    {
      name: 'level sensitive also reports gmail.send; a space-delimited string is reported once',
      code: `
const oauth2 = new google.auth.OAuth2(id, secret, redirect);
oauth2.generateAuthUrl({ scope: '${AUTH}/gmail.send ${AUTH}/gmail.compose openid' });
`,
      options: [{ level: 'sensitive' }],
      errors: [
        {
          messageId: 'restrictedScopes',
          line: 3,
          column: 33,
          data: {
            scopes: '`gmail.send` (sensitive) and `gmail.compose` (restricted)',
            classification: 'restricted or sensitive',
            api: 'Gmail',
            consequence: RESTRICTED,
          },
        },
      ],
      output: null,
    },
    {
      name: 'level sensitive with the restricted one allowed',
      code: `
import { gmail, auth } from '@googleapis/gmail';
const client = new auth.GoogleAuth({ scopes: ['${AUTH}/gmail.send', '${AUTH}/gmail.readonly'] });
`,
      filename: 'file.ts',
      options: [{ level: 'sensitive', allow: [`${AUTH}/gmail.readonly`] }],
      errors: [
        {
          messageId: 'restrictedScope',
          line: 3,
          column: 47,
          data: { scope: 'gmail.send', classification: 'sensitive', api: 'Gmail', consequence: SENSITIVE },
        },
      ],
      output: null,
    },
    {
      name: 'a constant that an auth object resolves to is reported where it is written, once',
      code: `
const { google } = require('googleapis');
const FULL = 'https://mail.google.com/';
const a = new google.auth.GoogleAuth({ scopes: [FULL] });
const b = new google.auth.JWT({ email, key, scopes: [FULL], subject });
`,
      errors: [{ messageId: 'restrictedScope', line: 3, column: 14 }],
      output: null,
    },
    {
      name: 'restricted scopes joined into one string',
      code: `
const SCOPES = ['${AUTH}/gmail.settings.basic', '${AUTH}/gmail.labels'];
const url = oauth2.generateAuthUrl({ scope: SCOPES.join(' ') });
`,
      errors: [
        {
          messageId: 'restrictedScope',
          line: 2,
          column: 17,
          data: { scope: 'gmail.settings.basic', classification: 'restricted', api: 'Gmail', consequence: RESTRICTED },
        },
      ],
      output: null,
    },
    {
      name: 'Drive (googleapis, JS): drive.readonly is restricted; drive.file is not reported',
      code: `
const { google } = require('googleapis');
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/drive.file', '${AUTH}/drive.readonly'] });
google.drive({ version: 'v3', auth }).files.list({});
`,
      errors: [
        {
          messageId: 'restrictedScope',
          line: 3,
          column: 98,
          data: { scope: 'drive.readonly', classification: 'restricted', api: 'Drive', consequence: RESTRICTED },
        },
      ],
      output: null,
    },
    {
      name: 'Sheets and Calendar (@googleapis/<api>, TS), level sensitive: each scope names its API',
      code: `
import { sheets } from '@googleapis/sheets';
import { calendar } from '@googleapis/calendar';
import { GoogleAuth } from 'google-auth-library';
const auth = new GoogleAuth({ scopes: ['${AUTH}/spreadsheets.readonly', '${AUTH}/calendar.events', '${AUTH}/tasks'] });
await sheets({ version: 'v4', auth }).spreadsheets.values.get({ spreadsheetId: 'x', range: 'A1' });
await calendar({ version: 'v3', auth }).events.list({ calendarId: 'primary' });
`,
      filename: APP_TS,
      options: [{ level: 'sensitive' }],
      errors: [
        {
          messageId: 'restrictedScope',
          line: 5,
          column: 40,
          data: { scope: 'spreadsheets.readonly', classification: 'sensitive', api: 'Sheets', consequence: SENSITIVE },
        },
        {
          messageId: 'restrictedScope',
          line: 5,
          column: 97,
          data: { scope: 'calendar.events', classification: 'sensitive', api: 'Calendar', consequence: SENSITIVE },
        },
      ],
      output: null,
    },
    {
      name: 'Gmail and Drive scopes in one string name both APIs',
      code: `const SCOPES = '${AUTH}/gmail.readonly ${AUTH}/drive';`,
      errors: [
        {
          messageId: 'restrictedScopes',
          line: 1,
          column: 16,
          data: { scopes: '`gmail.readonly` and `drive`', classification: 'restricted', api: 'Gmail and Drive', consequence: RESTRICTED },
        },
      ],
      output: null,
    },
    {
      name: 'the settings scope of a Firebase provider',
      code: `
import { GoogleAuthProvider } from 'firebase/auth';
const provider = new GoogleAuthProvider();
provider.addScope('${AUTH}/gmail.metadata');
`,
      errors: [
        {
          messageId: 'restrictedScope',
          line: 4,
          column: 19,
          data: { scope: 'gmail.metadata', classification: 'restricted', api: 'Gmail', consequence: RESTRICTED },
        },
      ],
      output: null,
    },
  ],
});

describe('no-restricted-scopes options', () => {
  const lint = (options: unknown): unknown =>
    new Linter({ configType: 'flat' }).verify('const x = 1;', [
      { plugins: { 'googleapis-scopes': plugin as never }, rules: { 'googleapis-scopes/no-restricted-scopes': ['error', options] } },
    ]);
  it('rejects an unknown level', () => {
    expect(() => lint({ level: 'non-sensitive' })).toThrow(
      /Key "googleapis-scopes\/no-restricted-scopes":\s*Value "non-sensitive" should be equal to one of the allowed values/,
    );
  });
  it('rejects duplicate allowed scopes', () => {
    expect(() => lint({ allow: ['https://mail.google.com/', 'https://mail.google.com/'] })).toThrow(/should NOT have duplicate items/);
  });
  it('rejects unknown keys', () => {
    expect(() => lint({ levels: 'sensitive' })).toThrow(/should NOT have additional properties/);
  });
});
