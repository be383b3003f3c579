import path from 'node:path';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.ts';
import rule from '../../src/rules/metadata-scope.ts';
import { docExamples } from './doc-examples.ts';
import { FIXTURES, untypedRuleTester } from './rule-tester.ts';

const ruleTester = untypedRuleTester();
const AUTH = 'https://www.googleapis.com/auth';
const APP_TS = path.join(FIXTURES, 'policy', 'app.ts');

const docs = docExamples('metadata-scope');
const FORMAT_FULL_DEFAULT = "no `format` (so 'full')";

describe('metadata-scope docs', () => {
  it('has the examples these tests use', () => {
    expect(docs.incorrect).toHaveLength(2);
    expect(docs.correct).toHaveLength(2);
  });
});

ruleTester.run('metadata-scope', rule, {
  valid: [
    { name: 'docs: format metadata and labelIds under gmail.metadata', code: docs.correct[0]! },
    { name: 'docs: full reads and q without gmail.metadata', code: docs.correct[1]! },
    {
      name: 'a format computed at run time may be fine: not reported',
      code: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/gmail.metadata'] });
const gmail = google.gmail({ version: 'v1', auth });
export const read = (id, format) => gmail.users.messages.get({ userId: 'me', id, format });
export const search = (q) => gmail.users.messages.list({ userId: 'me', q });
`,
    },
    {
      name: 'threads.get with format minimal works',
      code: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/gmail.metadata'] });
await google.gmail({ version: 'v1', auth }).users.threads.get({ userId: 'me', id: 't', format: 'minimal' });
`,
      filename: 'file.ts',
    },
    {
      name: 'an optional q parameter may be omitted: not certain',
      code: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/gmail.metadata'] });
export const search = (q?: string) => google.gmail({ version: 'v1', auth }).users.messages.list({ userId: 'me', q });
export const search2 = (q: string | undefined) => google.gmail({ version: 'v1', auth }).users.threads.list({ userId: 'me', q });
`,
      filename: 'file.ts',
    },
    {
      name: 'a TypeScript enum member that is the metadata format',
      code: `
import { google } from 'googleapis';
enum Fmt { Full = 'full', Metadata = 'metadata' }
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/gmail.metadata'] });
await google.gmail({ version: 'v1', auth }).users.messages.get({ userId: 'me', id: '1', format: Fmt.Metadata });
`,
      filename: 'file.ts',
    },
    {
      name: 'drafts.get does not accept gmail.metadata at all: missing-scope reports it, not this rule',
      code: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/gmail.metadata'] });
await google.gmail({ version: 'v1', auth }).users.drafts.get({ userId: 'me', id: 'd' });
`,
    },
    {
      name: 'gmail.metadata requested by another auth object does not reach this client',
      code: `
import { google } from 'googleapis';
const meta = new google.auth.GoogleAuth({ scopes: ['${AUTH}/gmail.metadata'] });
const reader = new google.auth.GoogleAuth({ scopes: ['${AUTH}/gmail.readonly'] });
await google.gmail({ version: 'v1', auth: reader }).users.messages.get({ userId: 'me', id: '1' });
await google.gmail({ version: 'v1', auth: meta }).users.labels.list({ userId: 'me' });
`,
    },
  ],
  invalid: [
    {
      name: "q: '' is still sent, and still rejected under gmail.metadata",
      code: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/gmail.metadata'] });
await google.gmail({ version: 'v1', auth }).users.messages.list({ userId: 'me', q: '' });
`,
      errors: [{ messageId: 'queryNotAllowed', line: 4, column: 81, suggestions: [] }],
      output: null,
    },
    {
      name: 'a q parameter typed string (not optional) is always sent',
      code: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/gmail.metadata'] });
export async function search(q: string) {
  return google.gmail({ version: 'v1', auth }).users.threads.list({ userId: 'me', q });
}
`,
      filename: 'file.ts',
      errors: [{ messageId: 'queryNotAllowed', line: 5, column: 83, suggestions: [] }],
      output: null,
    },
    {
      name: 'TypeScript enum members resolve like constants: format: Fmt.Full',
      code: `
import { google } from 'googleapis';
enum Fmt { Full = 'full', Metadata = 'metadata' }
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/gmail.metadata'] });
await google.gmail({ version: 'v1', auth }).users.messages.get({ userId: 'me', id: '1', format: Fmt.Full });
`,
      filename: 'file.ts',
      errors: [
        {
          messageId: 'formatNotAllowed',
          line: 5,
          column: 89,
          data: {
            api: 'Gmail',
            method: 'users.messages.get',
            format: "`format: 'full'`",
            upper: 'FULL',
            source: 'the GoogleAuth on line 4',
            also: '',
          },
          suggestions: [
            {
              messageId: 'useMetadataFormat',
              output: `
import { google } from 'googleapis';
enum Fmt { Full = 'full', Metadata = 'metadata' }
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/gmail.metadata'] });
await google.gmail({ version: 'v1', auth }).users.messages.get({ userId: 'me', id: '1', format: 'metadata' });
`,
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'docs: get without format, gmail.readonly requested too',
      code: docs.incorrect[0]!,
      errors: [
        {
          messageId: 'formatNotAllowed',
          line: 12,
          column: 7,
          data: {
            api: 'Gmail',
            method: 'users.messages.get',
            format: FORMAT_FULL_DEFAULT,
            source: 'the GoogleAuth on line 3',
            also: ' (even next to gmail.readonly)',
          },
          suggestions: [
            {
              messageId: 'useMetadataFormat',
              output: docs.incorrect[0]!.replace("get({ userId: 'me', id })", "get({ userId: 'me', id, format: 'metadata' })"),
            },
            {
              messageId: 'removeMetadataScope',
              data: { others: 'gmail.readonly' },
              output: docs.incorrect[0]!.replace(`    '${AUTH}/gmail.metadata',\n`, ''),
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'docs (TypeScript): q on threads.list and format raw, gmail.metadata alone',
      code: docs.incorrect[1]!,
      filename: 'file.ts',
      errors: [
        { messageId: 'queryNotAllowed', line: 8, column: 49, suggestions: [] },
        {
          messageId: 'formatNotAllowed',
          line: 10,
          column: 59,
          data: { api: 'Gmail', method: 'users.messages.get', format: "`format: 'raw'`", source: 'the GoogleAuth on line 4', also: '' },
          suggestions: [
            {
              messageId: 'useMetadataFormat',
              output: docs.incorrect[1]!.replace("format: 'raw'", "format: 'metadata'"),
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'threads.get with format full in a multi-line object, space-delimited scopes',
      code: `
const { google } = require('googleapis');
const auth = new google.auth.GoogleAuth({ scopes: '${AUTH}/gmail.metadata ${AUTH}/gmail.modify' });
const gmail = google.gmail({ version: 'v1', auth });
gmail.users.threads.get({
  userId: 'me',
  id: threadId,
  format: 'full',
});
`,
      errors: [
        {
          messageId: 'formatNotAllowed',
          line: 8,
          column: 3,
          suggestions: [
            {
              messageId: 'useMetadataFormat',
              output: `
const { google } = require('googleapis');
const auth = new google.auth.GoogleAuth({ scopes: '${AUTH}/gmail.metadata ${AUTH}/gmail.modify' });
const gmail = google.gmail({ version: 'v1', auth });
gmail.users.threads.get({
  userId: 'me',
  id: threadId,
  format: 'metadata',
});
`,
            },
            {
              messageId: 'removeMetadataScope',
              data: { others: 'gmail.modify' },
              output: `
const { google } = require('googleapis');
const auth = new google.auth.GoogleAuth({ scopes: '${AUTH}/gmail.modify' });
const gmail = google.gmail({ version: 'v1', auth });
gmail.users.threads.get({
  userId: 'me',
  id: threadId,
  format: 'full',
});
`,
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'format added on its own line in a multi-line object without trailing comma; double quotes kept',
      code: `
import { google } from "googleapis";
const auth = new google.auth.GoogleAuth({ scopes: ["${AUTH}/gmail.metadata"] });
await google.gmail({ version: "v1", auth }).users.messages.get({
  userId: "me",
  id: "42"
});
`,
      errors: [
        {
          messageId: 'formatNotAllowed',
          line: 4,
          column: 7,
          suggestions: [
            {
              messageId: 'useMetadataFormat',
              output: `
import { google } from "googleapis";
const auth = new google.auth.GoogleAuth({ scopes: ["${AUTH}/gmail.metadata"] });
await google.gmail({ version: "v1", auth }).users.messages.get({
  userId: "me",
  id: "42",
  format: "metadata"
});
`,
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'an empty params object and a shorthand format property',
      code: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/gmail.metadata'] });
const gmail = google.gmail({ version: 'v1', auth });
const format = 'full';
await gmail.users.messages.get({});
await gmail.users.messages.get({ userId: 'me', id, format });
`,
      filename: 'file.ts',
      errors: [
        {
          messageId: 'formatNotAllowed',
          line: 6,
          column: 7,
          suggestions: [
            {
              messageId: 'useMetadataFormat',
              output: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/gmail.metadata'] });
const gmail = google.gmail({ version: 'v1', auth });
const format = 'full';
await gmail.users.messages.get({ format: 'metadata' });
await gmail.users.messages.get({ userId: 'me', id, format });
`,
            },
          ],
        },
        {
          messageId: 'formatNotAllowed',
          line: 7,
          column: 52,
          suggestions: [
            {
              messageId: 'useMetadataFormat',
              output: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/gmail.metadata'] });
const gmail = google.gmail({ version: 'v1', auth });
const format = 'full';
await gmail.users.messages.get({});
await gmail.users.messages.get({ userId: 'me', id, format: 'metadata' });
`,
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'params in a constant: no format suggestion; removal still offered',
      code: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/gmail.metadata', '${AUTH}/gmail.readonly'] });
const params = { userId: 'me', id: '1' };
await google.gmail({ version: 'v1', auth }).users.messages.get(params);
`,
      errors: [
        {
          messageId: 'formatNotAllowed',
          line: 5,
          column: 7,
          suggestions: [
            {
              messageId: 'removeMetadataScope',
              data: { others: 'gmail.readonly' },
              output: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/gmail.readonly'] });
const params = { userId: 'me', id: '1' };
await google.gmail({ version: 'v1', auth }).users.messages.get(params);
`,
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'no removal when another call of the token needs gmail.metadata',
      code: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/gmail.metadata', '${AUTH}/gmail.send'] });
const gmail = google.gmail({ version: 'v1', auth });
await gmail.users.messages.send({ userId: 'me', requestBody: { raw } });
await gmail.users.history.list({ userId: 'me', startHistoryId });
await gmail.users.messages.list({ userId: 'me', q: 'in:sent' });
`,
      errors: [{ messageId: 'queryNotAllowed', line: 7, column: 49, suggestions: [] }],
      output: null,
    },
    {
      name: 'scopes imported from another module: named in the message, not edited',
      code: `
import { google } from 'googleapis';
import { READ_SCOPES } from './scopes';
const auth = new google.auth.GoogleAuth({ scopes: READ_SCOPES });
await google.gmail({ version: 'v1', auth }).users.messages.list({ userId: 'me', q: 'is:unread' });
`,
      filename: APP_TS,
      errors: [{ messageId: 'queryNotAllowed', line: 5, column: 81, suggestions: [] }],
      output: null,
    },
  ],
});

describe('metadata-scope options', () => {
  it('rejects options with a clear message (the rule has none)', () => {
    const linter = new Linter({ configType: 'flat' });
    expect(() =>
      linter.verify('const x = 1;', [
        {
          plugins: { 'googleapis-scopes': plugin as never },
          rules: { 'googleapis-scopes/metadata-scope': ['error', { format: 'metadata' }] },
        },
      ]),
    ).toThrow(/Key "googleapis-scopes\/metadata-scope":\s*Value \[\{"format":"metadata"\}\] should NOT have more than 0 items/);
  });
});
