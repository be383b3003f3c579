import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.ts';
import rule from '../../src/rules/least-privilege.ts';
import { docExamples } from './doc-examples.ts';
import path from 'node:path';
import { FIXTURES, untypedRuleTester } from './rule-tester.ts';

const ruleTester = untypedRuleTester();
const AUTH = 'https://www.googleapis.com/auth';

const docs = docExamples('least-privilege');
const COMPLETE = { 'googleapis-scopes': { complete: true } };

describe('least-privilege docs', () => {
  it('has the examples these tests use', () => {
    expect(docs.incorrect).toHaveLength(2);
    expect(docs.correct).toHaveLength(2);
  });
});

ruleTester.run('least-privilege', rule, {
  valid: [
    { name: 'docs: exactly the scopes the calls need', code: docs.correct[0]! },
    { name: 'docs: an exported auth object may serve other modules', code: docs.correct[1]! },
    {
      name: 'an exported SCOPES may serve another module that calls messages.send: no removal',
      code: `
import { google } from 'googleapis';
export const SCOPES = ['${AUTH}/gmail.readonly', '${AUTH}/gmail.send'];
const auth = new google.auth.GoogleAuth({ scopes: SCOPES });
await google.gmail({ version: 'v1', auth }).users.messages.list({ userId: 'me' });
`,
      settings: COMPLETE,
    },
    {
      name: 'a CommonJS-exported scope list is shared too',
      code: `
const { google } = require('googleapis');
const SCOPES = ['${AUTH}/gmail.readonly', '${AUTH}/gmail.send'];
const auth = new google.auth.GoogleAuth({ scopes: SCOPES });
google.gmail({ version: 'v1', auth }).users.messages.list({ userId: 'me' });
module.exports = { SCOPES };
`,
    },
    {
      name: 'a scope list imported from another module: its other importers are not analysed',
      code: `
import { google } from 'googleapis';
import { GMAIL_SCOPES } from './scopes';
const auth = new google.auth.GoogleAuth({ scopes: GMAIL_SCOPES });
await google.gmail({ version: 'v1', auth }).users.labels.list({ userId: 'me' });
`,
      filename: path.join(FIXTURES, 'missing-scope', 'app.ts'),
    },
    {
      name: 'several auth objects may reach the call: which one needs what is not visible',
      code: `
import { google } from 'googleapis';
const adminAuth = new google.auth.GoogleAuth({ scopes: ['https://mail.google.com/'] });
const userAuth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/gmail.readonly'] });
export async function list(isAdmin) {
  const auth = isAdmin ? adminAuth : userAuth;
  await google.gmail({ version: 'v1', auth }).users.messages.list({ userId: 'me' });
}
`,
    },
    {
      name: 'the token also feeds nodemailer XOAUTH2 over SMTP, which needs https://mail.google.com/',
      code: `
import { google } from 'googleapis';
import nodemailer from 'nodemailer';
const oauth2 = new google.auth.OAuth2(process.env.ID, process.env.SECRET);
oauth2.generateAuthUrl({ access_type: 'offline', scope: ['https://mail.google.com/'] });
oauth2.setCredentials({ refresh_token: process.env.REFRESH });
await google.gmail({ version: 'v1', auth: oauth2 }).users.labels.list({ userId: 'me' });
const transport = nodemailer.createTransport({
  service: 'gmail',
  auth: { type: 'OAuth2', user: 'me@example.com', clientId: process.env.ID, clientSecret: process.env.SECRET, refreshToken: process.env.REFRESH },
});
`,
    },
    {
      name: 'the auth object is passed to a function this file does not define',
      code: `
import { google } from 'googleapis';
import { registerMailer } from './mailer';
const auth = new google.auth.GoogleAuth({ scopes: ['https://mail.google.com/'] });
registerMailer(auth);
await google.gmail({ version: 'v1', auth }).users.labels.list({ userId: 'me' });
`,
    },
    {
      name: 'the token is read: it may be used for any request',
      code: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ['https://mail.google.com/'] });
const token = await auth.getAccessToken();
await google.gmail({ version: 'v1', auth }).users.labels.list({ userId: 'me' });
`,
    },
    {
      name: 'google.options() configures clients everywhere in the process',
      code: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ['https://mail.google.com/'] });
google.options({ auth });
await google.gmail('v1').users.labels.list({ userId: 'me' });
`,
    },
    {
      name: 'no Gmail call uses the auth object: the token may be used elsewhere',
      code: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ['https://mail.google.com/'] });
await auth.getClient();
`,
    },
    {
      name: 'the client is exported',
      code: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ['https://mail.google.com/'] });
export const gmail = google.gmail({ version: 'v1', auth });
await gmail.users.labels.list({ userId: 'me' });
`,
    },
    {
      name: 'the consent tokens are stored in the session: other handlers may use them',
      code: `
import { google } from 'googleapis';
const oauth2 = new google.auth.OAuth2(clientId, secret, redirect);
const url = oauth2.generateAuthUrl({ scope: ['https://mail.google.com/'] });
export async function callback(req) {
  const { tokens } = await oauth2.getToken(req.query.code);
  req.session.tokens = tokens;
  oauth2.setCredentials(tokens);
  await google.gmail({ version: 'v1', auth: oauth2 }).users.labels.list({ userId: 'me' });
}
`,
    },
    {
      name: 'a call still misses a scope: missing-scope first',
      code: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/gmail.modify'] });
const gmail = google.gmail({ version: 'v1', auth });
await gmail.users.labels.list({ userId: 'me' });
await gmail.users.messages.batchDelete({ userId: 'me', requestBody: { ids } });
`,
    },
    {
      name: 'sign-in scopes (openid, email, userinfo.*) are never reported',
      code: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ['openid', 'email', '${AUTH}/userinfo.profile', '${AUTH}/gmail.labels'] });
await google.gmail({ version: 'v1', auth }).users.labels.list({ userId: 'me' });
`,
    },
    {
      name: 'gmail.metadata is never proposed: gmail.readonly for a list is as narrow as it gets',
      code: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/gmail.readonly'] });
await google.gmail({ version: 'v1', auth }).users.messages.list({ userId: 'me' });
`,
      filename: 'file.ts',
    },
    {
      name: 'allowed scopes are not reported',
      code: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ['https://mail.google.com/'] });
await google.gmail({ version: 'v1', auth }).users.labels.list({ userId: 'me' });
`,
      options: [{ allow: ['https://mail.google.com/'] }],
    },
    {
      // (A service account's list would not be read for it: no user consents to it, review 4 H9.)
      name: 'a client whose auth cannot be traced reads the same scope list',
      code: `
import { google } from 'googleapis';
const SCOPES = ['https://mail.google.com/'];
const auth = new google.auth.OAuth2(process.env.ID, process.env.SECRET, process.env.REDIRECT);
export const url = auth.generateAuthUrl({ scope: SCOPES });
await google.gmail({ version: 'v1', auth }).users.labels.list({ userId: 'me' });
export const purge = (gmail) => gmail.users.messages.batchDelete({ userId: 'me', requestBody: { ids } });
`,
    },
  ],
  invalid: [
    {
      name: 'docs: https://mail.google.com/ for a client that only lists and reads → gmail.readonly',
      code: docs.incorrect[0]!,
      errors: [
        {
          messageId: 'broaderScope',
          line: 5,
          column: 52,
          data: {
            api: 'Gmail',
            source: 'the GoogleAuth on line 5',
            scope: 'https://mail.google.com/',
            narrower: '`https://www.googleapis.com/auth/gmail.readonly`',
            cover: 'covers',
            effect: '',
          },
          suggestions: [
            {
              messageId: 'replaceScope',
              data: { scope: 'https://mail.google.com/', narrower: '`https://www.googleapis.com/auth/gmail.readonly`' },
              output: docs.incorrect[0]!.replace("scopes: ['https://mail.google.com/']", `scopes: ['${AUTH}/gmail.readonly']`),
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'docs (TypeScript): the quickstart shape; readonly → labels, send unused',
      code: docs.incorrect[1]!,
      filename: 'file.ts',
      errors: [
        {
          messageId: 'broaderScope',
          line: 5,
          column: 3,
          data: {
            api: 'Gmail',
            source: 'the authenticate() call on line 16',
            scope: 'gmail.readonly',
            narrower: '`https://www.googleapis.com/auth/gmail.labels`',
            cover: 'covers',
            effect: ' That lowers the app from restricted to sensitive scopes.',
          },
          suggestions: [
            {
              messageId: 'replaceScope',
              output: docs.incorrect[1]!.replace(`'${AUTH}/gmail.readonly',`, `'${AUTH}/gmail.labels',`),
            },
          ],
        },
        {
          messageId: 'unusedScope',
          line: 6,
          column: 3,
          data: {
            api: 'Gmail',
            source: 'the authenticate() call on line 16',
            scope: 'gmail.send',
            effect: '',
          },
          suggestions: [
            {
              messageId: 'removeScope',
              output: docs.incorrect[1]!.replace(`,\n  '${AUTH}/gmail.send',`, ','),
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'removing a scope keeps the comment that trails its line (and one between elements)',
      code: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({
  scopes: [
    '${AUTH}/gmail.readonly',
    '${AUTH}/gmail.send', // outgoing receipts (ticket 42)
  ],
});
const other = new google.auth.GoogleAuth({ scopes: ['${AUTH}/gmail.readonly', /* legacy */ '${AUTH}/gmail.labels'] });
await google.gmail({ version: 'v1', auth }).users.messages.list({ userId: 'me' });
await google.gmail({ version: 'v1', auth: other }).users.messages.list({ userId: 'me' });
`,
      errors: [
        {
          messageId: 'unusedScope',
          line: 6,
          column: 5,
          suggestions: [
            {
              messageId: 'removeScope',
              output: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({
  scopes: [
    '${AUTH}/gmail.readonly',
    // outgoing receipts (ticket 42)
  ],
});
const other = new google.auth.GoogleAuth({ scopes: ['${AUTH}/gmail.readonly', /* legacy */ '${AUTH}/gmail.labels'] });
await google.gmail({ version: 'v1', auth }).users.messages.list({ userId: 'me' });
await google.gmail({ version: 'v1', auth: other }).users.messages.list({ userId: 'me' });
`,
            },
          ],
        },
        {
          messageId: 'unusedScope',
          line: 9,
          column: 116,
          suggestions: [
            {
              messageId: 'removeScope',
              output: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({
  scopes: [
    '${AUTH}/gmail.readonly',
    '${AUTH}/gmail.send', // outgoing receipts (ticket 42)
  ],
});
const other = new google.auth.GoogleAuth({ scopes: ['${AUTH}/gmail.readonly' /* legacy */ ] });
await google.gmail({ version: 'v1', auth }).users.messages.list({ userId: 'me' });
await google.gmail({ version: 'v1', auth: other }).users.messages.list({ userId: 'me' });
`,
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'a broader scope next to one that already covers every call is redundant',
      code: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/gmail.modify', '${AUTH}/gmail.readonly'] });
const gmail = google.gmail({ version: 'v1', auth });
await gmail.users.messages.list({ userId: 'me', q: 'is:unread' });
await gmail.users.threads.get({ userId: 'me', id });
`,
      errors: [
        {
          messageId: 'redundantScope',
          line: 3,
          column: 52,
          data: {
            api: 'Gmail',
            source: 'the GoogleAuth on line 3',
            scope: 'gmail.modify',
            others: '`gmail.readonly`',
            cover: 'covers',
            effect: '',
          },
          suggestions: [
            {
              messageId: 'removeScope',
              output: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/gmail.readonly'] });
const gmail = google.gmail({ version: 'v1', auth });
await gmail.users.messages.list({ userId: 'me', q: 'is:unread' });
await gmail.users.threads.get({ userId: 'me', id });
`,
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: "an OAuth2 client's consent URL (space-delimited); tokens only go to setCredentials",
      code: `
const { google } = require('googleapis');
const oauth2 = new google.auth.OAuth2(clientId, secret, redirect);
const url = oauth2.generateAuthUrl({ access_type: 'offline', scope: 'https://mail.google.com/ ${AUTH}/gmail.send' });
async function callback(code) {
  const { tokens } = await oauth2.getToken(code);
  oauth2.setCredentials(tokens);
  const gmail = google.gmail({ version: 'v1', auth: oauth2 });
  await gmail.users.messages.send({ userId: 'me', requestBody: { raw } });
}
callback(process.argv[2]);
`,
      errors: [
        {
          messageId: 'redundantScope',
          line: 4,
          column: 70,
          data: {
            api: 'Gmail',
            source: 'the generateAuthUrl() call on line 4',
            scope: 'https://mail.google.com/',
            others: '`gmail.send`',
            cover: 'covers',
            effect: ' That lowers the app from restricted to sensitive scopes.',
          },
          suggestions: [
            {
              messageId: 'removeScope',
              output: `
const { google } = require('googleapis');
const oauth2 = new google.auth.OAuth2(clientId, secret, redirect);
const url = oauth2.generateAuthUrl({ access_type: 'offline', scope: '${AUTH}/gmail.send' });
async function callback(code) {
  const { tokens } = await oauth2.getToken(code);
  oauth2.setCredentials(tokens);
  const gmail = google.gmail({ version: 'v1', auth: oauth2 });
  await gmail.users.messages.send({ userId: 'me', requestBody: { raw } });
}
callback(process.argv[2]);
`,
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: "another Google API's client on the same auth needs no Gmail scope",
      code: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({
  scopes: [
    '${AUTH}/drive.file',
    '${AUTH}/gmail.modify', // labels
  ],
});
await google.drive({ version: 'v3', auth }).files.list();
await google.gmail({ version: 'v1', auth }).users.labels.create({ userId: 'me', requestBody: { name: 'x' } });
`,
      errors: [
        {
          messageId: 'broaderScope',
          line: 6,
          column: 5,
          suggestions: [
            {
              messageId: 'replaceScope',
              output: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({
  scopes: [
    '${AUTH}/drive.file',
    '${AUTH}/gmail.labels', // labels
  ],
});
await google.drive({ version: 'v3', auth }).files.list();
await google.gmail({ version: 'v1', auth }).users.labels.create({ userId: 'me', requestBody: { name: 'x' } });
`,
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'a positional JWT (TypeScript) with a prefix constant',
      code: `
import { google } from 'googleapis';
const PREFIX = '${AUTH}/';
const jwt = new google.auth.JWT(email, undefined, key, [\`\${PREFIX}gmail.modify\`, \`\${PREFIX}gmail.send\`], 'user@example.com');
const gmail = google.gmail({ version: 'v1', auth: jwt });
await gmail.users.messages.send({ userId: 'me', requestBody: { raw } });
`,
      filename: 'file.ts',
      errors: [
        {
          messageId: 'redundantScope',
          line: 4,
          column: 57,
          data: {
            api: 'Gmail',
            source: 'the JWT on line 4',
            scope: 'gmail.modify',
            others: '`gmail.send`',
            cover: 'covers',
            effect: ' That lowers the app from restricted to sensitive scopes.',
          },
          suggestions: [
            {
              messageId: 'removeScope',
              output: `
import { google } from 'googleapis';
const PREFIX = '${AUTH}/';
const jwt = new google.auth.JWT(email, undefined, key, [\`\${PREFIX}gmail.send\`], 'user@example.com');
const gmail = google.gmail({ version: 'v1', auth: jwt });
await gmail.users.messages.send({ userId: 'me', requestBody: { raw } });
`,
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'settings declare the code complete: an auth object with no call requests nothing it needs (Gmail and Drive scopes)',
      code: `
import { google } from 'googleapis';
export const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/gmail.send', '${AUTH}/drive.file'] });
`,
      settings: COMPLETE,
      errors: [
        {
          messageId: 'unusedScope',
          line: 3,
          column: 59,
          suggestions: [
            {
              messageId: 'removeScope',
              output: `
import { google } from 'googleapis';
export const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/drive.file'] });
`,
            },
          ],
        },
        {
          messageId: 'unusedScope',
          line: 3,
          column: 105,
          data: {
            api: 'Google API',
            scope: 'drive.file',
            source: 'the GoogleAuth on line 3',
            others: '',
            narrower: '',
            cover: 'cover',
            effect: '',
          },
          suggestions: [
            {
              messageId: 'removeScope',
              output: `
import { google } from 'googleapis';
export const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/gmail.send'] });
`,
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: "settings declare the code complete: a client whose auth can't be traced uses the file's scopes",
      code: `
import { google } from 'googleapis';
const SCOPES = ['https://mail.google.com/', '${AUTH}/gmail.labels'];
export const listLabels = (auth) => google.gmail({ version: 'v1', auth }).users.labels.list({ userId: 'me' });
`,
      settings: COMPLETE,
      errors: [
        {
          messageId: 'redundantScope',
          line: 3,
          column: 17,
          data: {
            api: 'Gmail',
            source: 'this file',
            scope: 'https://mail.google.com/',
            others: '`gmail.labels`',
            cover: 'covers',
            effect: ' That lowers the app from restricted to non-sensitive scopes.',
          },
          suggestions: [
            {
              messageId: 'removeScope',
              output: `
import { google } from 'googleapis';
const SCOPES = ['${AUTH}/gmail.labels'];
export const listLabels = (auth) => google.gmail({ version: 'v1', auth }).users.labels.list({ userId: 'me' });
`,
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'allow keeps one scope; the others are still reported',
      code: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ['https://mail.google.com/', '${AUTH}/gmail.insert'] });
await google.gmail({ version: 'v1', auth }).users.labels.list({ userId: 'me' });
`,
      options: [{ allow: ['https://mail.google.com/'] }],
      errors: [
        {
          messageId: 'unusedScope',
          line: 3,
          column: 80,
          suggestions: [
            {
              messageId: 'removeScope',
              output: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ['https://mail.google.com/'] });
await google.gmail({ version: 'v1', auth }).users.labels.list({ userId: 'me' });
`,
            },
          ],
        },
      ],
      output: null,
    },
  ],
});

describe('least-privilege options', () => {
  const lint = (options: unknown): unknown =>
    new Linter({ configType: 'flat' }).verify('const x = 1;', [
      { plugins: { 'googleapis-scopes': plugin as never }, rules: { 'googleapis-scopes/least-privilege': ['error', options] } },
    ]);
  it('rejects an allow that is not a list of strings', () => {
    expect(() => lint({ allow: [42] })).toThrow(/Key "googleapis-scopes\/least-privilege":\s*Value 42 should be string/);
  });
  it('rejects unknown keys', () => {
    expect(() => lint({ ignore: [] })).toThrow(/should NOT have additional properties/);
  });
});
