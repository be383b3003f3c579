import path from 'node:path';
import rule from '../../src/rules/missing-scope.ts';
import { FIXTURES, untypedRuleTester } from './rule-tester.ts';

const ruleTester = untypedRuleTester();

const AUTH = 'https://www.googleapis.com/auth';
/** Lint as a file next to the fixture modules, so `./scopes` resolves. */
const APP_TS = path.join(FIXTURES, 'missing-scope', 'app.ts');
const APP_JS = path.join(FIXTURES, 'missing-scope', 'app.js');

const SEND_ACCEPTS = 'gmail.send or broader';

ruleTester.run('missing-scope', rule, {
  valid: [
    {
      name: 'the corrected send example: gmail.send covers messages.send',
      code: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/gmail.readonly', '${AUTH}/gmail.send'] });
google.options({ auth: await auth.getClient() });
await google.gmail('v1').users.messages.send({ userId: 'me' });
`,
    },
    {
      name: 'labels.list works with gmail.labels alone',
      code: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/gmail.labels'] });
const gmail = google.gmail({ version: 'v1', auth });
await gmail.users.labels.list({ userId: 'me' });
`,
    },
    {
      name: 'any one accepted scope suffices (OR, not AND)',
      code: `
const { google } = require('googleapis');
const gmail = google.gmail({ version: 'v1', auth: new google.auth.GoogleAuth({ scopes: 'https://mail.google.com/' }) });
gmail.users.messages.batchDelete({ userId: 'me' });
gmail.users.settings.getVacation({ userId: 'me' });
`,
      filename: APP_JS,
    },
    {
      name: 'another library with the same shape is never a Gmail call',
      code: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/gmail.labels'] });
const api = { users: { messages: { send() {} } } };
api.users.messages.send();
`,
    },
    {
      name: 'a method name in a string or comment is not a call',
      code: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/gmail.labels'] });
// gmail.users.messages.send({ userId: 'me' })
const doc = 'gmail.users.messages.send';
`,
    },
    {
      name: 'scopes computed at run time: unknown, not reported',
      code: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: process.env.GMAIL_SCOPES.split(',') });
google.gmail({ version: 'v1', auth }).users.messages.send({ userId: 'me' });
`,
    },
    {
      name: 'a partly computed scope list is a lower bound: not reported',
      code: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/gmail.readonly', ...extraScopes] });
google.gmail({ version: 'v1', auth }).users.messages.send({ userId: 'me' });
`,
    },
    {
      name: 'a scope array mutated later is unknown',
      code: `
import { google } from 'googleapis';
const SCOPES = ['${AUTH}/gmail.readonly'];
if (canSend) SCOPES.push('${AUTH}/gmail.send');
const auth = new google.auth.GoogleAuth({ scopes: SCOPES });
google.gmail({ version: 'v1', auth }).users.messages.send({ userId: 'me' });
`,
    },
    {
      name: 'no scopes anywhere and no settings: unknown, not reported',
      code: `
import { google } from 'googleapis';
export async function send(auth) {
  const gmail = google.gmail({ version: 'v1', auth });
  await gmail.users.messages.send({ userId: 'me' });
}
`,
    },
    {
      name: 'project settings that cover the call',
      code: `
import { google } from 'googleapis';
export const send = (auth) => google.gmail({ version: 'v1', auth }).users.messages.send({ userId: 'me' });
`,
      settings: { 'googleapis-scopes': { scopes: [`${AUTH}/gmail.send`] } },
    },
    {
      name: 'imported constant that covers the call',
      code: `
import { google } from 'googleapis';
import { GMAIL_SCOPES } from './scopes';
const gmail = google.gmail({ version: 'v1', auth: new google.auth.GoogleAuth({ scopes: GMAIL_SCOPES }) });
gmail.users.messages.list({ userId: 'me' });
`,
      filename: APP_TS,
    },
    {
      name: 'cyclic imports terminate (unknown)',
      code: `
import { google } from 'googleapis';
import { A } from './cycle-a';
google.gmail({ version: 'v1', auth: new google.auth.GoogleAuth({ scopes: A }) }).users.messages.send({ userId: 'me' });
`,
      filename: APP_TS,
    },
    {
      name: 'a gmail client of an unsupported version is not the v1 map',
      code: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/gmail.labels'] });
google.gmail({ version: 'v2', auth }).users.messages.send({ userId: 'me' });
`,
    },
    {
      name: 'TypeScript: typed client field and satisfies/as const',
      code: `
import { google, gmail_v1 } from 'googleapis';
const SCOPES = ['${AUTH}/gmail.modify'] as const satisfies readonly string[];
class Inbox {
  private readonly gmail: gmail_v1.Gmail;
  constructor() {
    this.gmail = google.gmail({ version: 'v1', auth: new google.auth.GoogleAuth({ scopes: [...SCOPES] }) });
  }
  archive(id: string) {
    return this.gmail.users.messages.modify({ userId: 'me', id, requestBody: { removeLabelIds: ['INBOX'] } });
  }
}
`,
    },
  ],
  invalid: [
    {
      name: 'a constant re-exported by an index file: the message names the module that declares it',
      code: `
import { google } from 'googleapis';
import { LIB_SCOPES, MORE_SCOPES } from './lib';
const a = google.gmail({ version: 'v1', auth: new google.auth.GoogleAuth({ scopes: LIB_SCOPES }) });
a.users.messages.send({ userId: 'me' });
const b = google.gmail({ version: 'v1', auth: new google.auth.GoogleAuth({ scopes: MORE_SCOPES }) });
b.users.messages.trash({ userId: 'me', id: '1' });
`,
      output: null,
      filename: APP_TS,
      errors: [
        {
          messageId: 'missingScope',
          line: 5,
          column: 1,
          data: {
            api: 'Gmail',
            method: 'users.messages.send',
            accepted: SEND_ACCEPTS,
            source: 'the GoogleAuth on line 4',
            requested: 'gmail.readonly',
            add: '`https://www.googleapis.com/auth/gmail.send`',
            where: ' to `GMAIL_SCOPES` in ./scopes.ts',
          },
        },
        {
          messageId: 'missingScope',
          line: 7,
          column: 1,
          data: {
            api: 'Gmail',
            method: 'users.messages.trash',
            accepted: 'gmail.modify or broader',
            source: 'the GoogleAuth on line 6',
            requested: 'gmail.compose',
            add: '`https://www.googleapis.com/auth/gmail.modify`',
            where: ' to `MORE_SCOPES` in ./lib/more.ts',
          },
        },
      ],
    },
    {
      name: 'issue example 1: gmail.labels only, messages.list fails',
      code: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/gmail.labels'] });
const gmail = google.gmail({ version: 'v1', auth });
await gmail.users.labels.list({ userId: 'me' });
await gmail.users.messages.list({ userId: 'me' });
`,
      output: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/gmail.labels', '${AUTH}/gmail.readonly'] });
const gmail = google.gmail({ version: 'v1', auth });
await gmail.users.labels.list({ userId: 'me' });
await gmail.users.messages.list({ userId: 'me' });
`,
      errors: [
        {
          messageId: 'missingScope',
          line: 6,
          column: 7,
          endLine: 6,
          endColumn: 50,
          data: {
            api: 'Gmail',
            method: 'users.messages.list',
            accepted: 'gmail.metadata or broader',
            source: 'the GoogleAuth on line 3',
            requested: 'gmail.labels',
            add: '`https://www.googleapis.com/auth/gmail.readonly`',
            where: '',
          },
        },
      ],
    },
    {
      name: 'issue example 2: readonly + google.options + send',
      code: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/gmail.readonly'] });
google.options({ auth: await auth.getClient() });
await google.gmail('v1').users.messages.send({ userId: 'me' });
`,
      output: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/gmail.readonly', '${AUTH}/gmail.send'] });
google.options({ auth: await auth.getClient() });
await google.gmail('v1').users.messages.send({ userId: 'me' });
`,
      errors: [
        {
          messageId: 'missingScope',
          line: 5,
          column: 7,
          data: {
            api: 'Gmail',
            method: 'users.messages.send',
            accepted: SEND_ACCEPTS,
            source: 'the GoogleAuth on line 3',
            requested: 'gmail.readonly',
            add: '`https://www.googleapis.com/auth/gmail.send`',
            where: '',
          },
        },
      ],
    },
    {
      name: 'a q search cannot use gmail.metadata: the fix proposes gmail.readonly',
      code: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/gmail.labels'] });
const gmail = google.gmail({ version: 'v1', auth });
await gmail.users.messages.list({ userId: 'me', q: 'is:unread' });
`,
      output: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/gmail.labels', '${AUTH}/gmail.readonly'] });
const gmail = google.gmail({ version: 'v1', auth });
await gmail.users.messages.list({ userId: 'me', q: 'is:unread' });
`,
      errors: [
        {
          messageId: 'missingScope',
          line: 5,
          column: 7,
          data: {
            api: 'Gmail',
            method: 'users.messages.list',
            accepted: 'gmail.readonly or broader',
            source: 'the GoogleAuth on line 3',
            requested: 'gmail.labels',
            add: '`https://www.googleapis.com/auth/gmail.readonly`',
            where: '',
          },
        },
      ],
    },
    {
      // Review 3 L5: the fix used to insert between the scope and its comment, so the comment followed the new scope.
      name: 'a one-line array whose last scope has a block comment: the new scope goes after the comment',
      code: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/gmail.readonly' /* read */ /* and list */] });
google.gmail({ version: 'v1', auth }).users.messages.trash({ userId: 'me', id: '1' });
`,
      output: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/gmail.readonly' /* read */ /* and list */, '${AUTH}/gmail.modify'] });
google.gmail({ version: 'v1', auth }).users.messages.trash({ userId: 'me', id: '1' });
`,
      errors: [
        {
          messageId: 'missingScope',
          line: 4,
          column: 1,
          data: {
            api: 'Gmail',
            method: 'users.messages.trash',
            accepted: 'gmail.modify or broader',
            source: 'the GoogleAuth on line 3',
            requested: 'gmail.readonly',
            add: '`https://www.googleapis.com/auth/gmail.modify`',
            where: '',
          },
        },
      ],
    },
    {
      name: 'one fix for every failing call that shares a declaration; multi-line array, trailing comma and comment kept',
      code: `
import { google } from 'googleapis';
const SCOPES = [
  '${AUTH}/gmail.readonly', // read mail
];
const auth = new google.auth.JWT({ email: 'sa@example.com', key: 'k', scopes: SCOPES, subject: 'u@example.com' });
const gmail = google.gmail({ version: 'v1', auth });
gmail.users.messages.send({ userId: 'me' });
gmail.users.messages.trash({ userId: 'me', id: '1' });
`,
      output: `
import { google } from 'googleapis';
const SCOPES = [
  '${AUTH}/gmail.readonly', // read mail
  '${AUTH}/gmail.modify',
];
const auth = new google.auth.JWT({ email: 'sa@example.com', key: 'k', scopes: SCOPES, subject: 'u@example.com' });
const gmail = google.gmail({ version: 'v1', auth });
gmail.users.messages.send({ userId: 'me' });
gmail.users.messages.trash({ userId: 'me', id: '1' });
`,
      errors: [
        {
          messageId: 'missingScope',
          line: 8,
          column: 1,
          data: {
            api: 'Gmail',
            method: 'users.messages.send',
            accepted: SEND_ACCEPTS,
            source: 'the JWT on line 6',
            requested: 'gmail.readonly',
            add: '`https://www.googleapis.com/auth/gmail.modify`',
            where: ' to `SCOPES`',
          },
        },
        {
          messageId: 'missingScope',
          line: 9,
          column: 1,
          data: {
            api: 'Gmail',
            method: 'users.messages.trash',
            accepted: 'gmail.modify or broader',
            source: 'the JWT on line 6',
            requested: 'gmail.readonly',
            add: '`https://www.googleapis.com/auth/gmail.modify`',
            where: ' to `SCOPES`',
          },
        },
      ],
    },
    {
      name: 'positional JWT arguments, CommonJS require, destructured resource',
      code: `
const { google } = require('googleapis');
const jwt = new google.auth.JWT('sa@example.com', null, 'key', ["${AUTH}/gmail.compose"], 'u@example.com');
const { messages } = google.gmail({ version: 'v1', auth: jwt }).users;
messages.import({ userId: 'me' });
`,
      output: `
const { google } = require('googleapis');
const jwt = new google.auth.JWT('sa@example.com', null, 'key', ["${AUTH}/gmail.compose", "${AUTH}/gmail.insert"], 'u@example.com');
const { messages } = google.gmail({ version: 'v1', auth: jwt }).users;
messages.import({ userId: 'me' });
`,
      filename: APP_JS,
      errors: [
        {
          messageId: 'missingScope',
          line: 5,
          column: 1,
          data: {
            api: 'Gmail',
            method: 'users.messages.import',
            accepted: 'gmail.insert or broader',
            source: 'the JWT on line 3',
            requested: 'gmail.compose',
            add: '`https://www.googleapis.com/auth/gmail.insert`',
            where: '',
          },
        },
      ],
    },
    {
      name: 'space-delimited string and delete that only mail.google.com allows',
      code: `
import { GoogleAuth } from 'google-auth-library';
import { gmail } from '@googleapis/gmail';
const auth = new GoogleAuth({ scopes: '${AUTH}/gmail.modify' });
await gmail({ version: 'v1', auth }).users.messages.batchDelete({ userId: 'me' });
`,
      output: `
import { GoogleAuth } from 'google-auth-library';
import { gmail } from '@googleapis/gmail';
const auth = new GoogleAuth({ scopes: '${AUTH}/gmail.modify https://mail.google.com/' });
await gmail({ version: 'v1', auth }).users.messages.batchDelete({ userId: 'me' });
`,
      errors: [
        {
          messageId: 'missingScope',
          line: 5,
          column: 7,
          data: {
            api: 'Gmail',
            method: 'users.messages.batchDelete',
            accepted: 'https://mail.google.com/',
            source: 'the GoogleAuth on line 4',
            requested: 'gmail.modify',
            add: '`https://mail.google.com/`',
            where: '',
          },
        },
      ],
    },
    {
      name: 'prefix constant style is kept; settings need settings.basic, not modify',
      code: `
import * as gm from '@googleapis/gmail';
const PREFIX = 'https://www.googleapis.com/auth/';
const auth = new gm.auth.GoogleAuth({ scopes: [PREFIX + 'gmail.modify'] });
const client = gm.gmail({ version: 'v1', auth });
client.users.settings.filters.create({ userId: 'me', requestBody: {} });
`,
      output: `
import * as gm from '@googleapis/gmail';
const PREFIX = 'https://www.googleapis.com/auth/';
const auth = new gm.auth.GoogleAuth({ scopes: [PREFIX + 'gmail.modify', PREFIX + 'gmail.settings.basic'] });
const client = gm.gmail({ version: 'v1', auth });
client.users.settings.filters.create({ userId: 'me', requestBody: {} });
`,
      errors: [
        {
          messageId: 'missingScope',
          line: 6,
          column: 1,
          data: {
            api: 'Gmail',
            method: 'users.settings.filters.create',
            accepted: 'gmail.settings.basic',
            source: 'the GoogleAuth on line 4',
            requested: 'gmail.modify',
            add: '`https://www.googleapis.com/auth/gmail.settings.basic`',
            where: '',
          },
        },
      ],
    },
    {
      name: 'template-literal style, OAuth2 consent URL, class field, new gmail_v1.Gmail',
      code: `
import { google, gmail_v1 } from 'googleapis';
const BASE = 'https://www.googleapis.com/auth/';
const oauth2 = new google.auth.OAuth2('id', 'secret', 'https://example.com/callback');
export const consentUrl = oauth2.generateAuthUrl({ access_type: 'offline', scope: [\`\${BASE}gmail.send\`] });
export class Drafts {
  gmail = new gmail_v1.Gmail({ auth: oauth2 });
  create() {
    return this.gmail.users.drafts.create({ userId: 'me' });
  }
}
`,
      output: `
import { google, gmail_v1 } from 'googleapis';
const BASE = 'https://www.googleapis.com/auth/';
const oauth2 = new google.auth.OAuth2('id', 'secret', 'https://example.com/callback');
export const consentUrl = oauth2.generateAuthUrl({ access_type: 'offline', scope: [\`\${BASE}gmail.send\`, \`\${BASE}gmail.compose\`] });
export class Drafts {
  gmail = new gmail_v1.Gmail({ auth: oauth2 });
  create() {
    return this.gmail.users.drafts.create({ userId: 'me' });
  }
}
`,
      errors: [
        {
          messageId: 'missingScope',
          line: 9,
          column: 12,
          data: {
            api: 'Gmail',
            method: 'users.drafts.create',
            accepted: 'gmail.compose or broader',
            source: 'the generateAuthUrl() call on line 5',
            requested: 'gmail.send',
            add: '`https://www.googleapis.com/auth/gmail.compose`',
            where: '',
          },
        },
      ],
    },
    {
      name: 'the Google quickstart shape: authenticate() reaches listLabels through .then',
      code: `
const { authenticate } = require('@google-cloud/local-auth');
const { google } = require('googleapis');
const SCOPES = ['${AUTH}/gmail.readonly'];
async function loadSaved() {
  return google.auth.fromJSON({});
}
async function authorize() {
  let client = await loadSaved();
  if (client) return client;
  client = await authenticate({ scopes: SCOPES, keyfilePath: 'credentials.json' });
  return client;
}
async function listAndLabel(auth) {
  const gmail = google.gmail({ version: 'v1', auth });
  await gmail.users.labels.list({ userId: 'me' });
  await gmail.users.labels.create({ userId: 'me', requestBody: { name: 'Done' } });
}
authorize().then(listAndLabel);
`,
      output: `
const { authenticate } = require('@google-cloud/local-auth');
const { google } = require('googleapis');
const SCOPES = ['${AUTH}/gmail.readonly', '${AUTH}/gmail.labels'];
async function loadSaved() {
  return google.auth.fromJSON({});
}
async function authorize() {
  let client = await loadSaved();
  if (client) return client;
  client = await authenticate({ scopes: SCOPES, keyfilePath: 'credentials.json' });
  return client;
}
async function listAndLabel(auth) {
  const gmail = google.gmail({ version: 'v1', auth });
  await gmail.users.labels.list({ userId: 'me' });
  await gmail.users.labels.create({ userId: 'me', requestBody: { name: 'Done' } });
}
authorize().then(listAndLabel);
`,
      filename: APP_JS,
      errors: [
        {
          messageId: 'missingScope',
          line: 17,
          column: 9,
          data: {
            api: 'Gmail',
            method: 'users.labels.create',
            accepted: 'gmail.labels or broader',
            source: 'the authenticate() call on line 11',
            requested: 'gmail.readonly',
            add: '`https://www.googleapis.com/auth/gmail.labels`',
            where: ' to `SCOPES`',
          },
        },
      ],
    },
    {
      name: 'imported constant: no fix, the message names the file and the constant',
      code: `
import { google } from 'googleapis';
import { GMAIL_SCOPES } from './scopes';
const gmail = google.gmail({ version: 'v1', auth: new google.auth.GoogleAuth({ scopes: GMAIL_SCOPES }) });
gmail.users.messages.send({ userId: 'me' });
`,
      output: null,
      filename: APP_TS,
      errors: [
        {
          messageId: 'missingScope',
          line: 5,
          column: 1,
          data: {
            api: 'Gmail',
            method: 'users.messages.send',
            accepted: SEND_ACCEPTS,
            source: 'the GoogleAuth on line 4',
            requested: 'gmail.readonly',
            add: '`https://www.googleapis.com/auth/gmail.send`',
            where: ' to `GMAIL_SCOPES` in ./scopes.ts',
          },
        },
      ],
    },
    {
      name: 'CommonJS module with a prefix constant; re-exports through an index file',
      code: `
const { google } = require('googleapis');
const { SCOPES } = require('./scopes-cjs');
const { LIB_SCOPES, MORE_SCOPES } = require('./lib');
const a = google.gmail({ version: 'v1', auth: new google.auth.GoogleAuth({ scopes: SCOPES }) });
a.users.settings.updateVacation({ userId: 'me' });
const b = google.gmail({ version: 'v1', auth: new google.auth.GoogleAuth({ scopes: [...LIB_SCOPES, ...MORE_SCOPES] }) });
b.users.messages.send({ userId: 'me' });
b.users.messages.delete({ userId: 'me', id: '1' });
`,
      output: `
const { google } = require('googleapis');
const { SCOPES } = require('./scopes-cjs');
const { LIB_SCOPES, MORE_SCOPES } = require('./lib');
const a = google.gmail({ version: 'v1', auth: new google.auth.GoogleAuth({ scopes: SCOPES }) });
a.users.settings.updateVacation({ userId: 'me' });
const b = google.gmail({ version: 'v1', auth: new google.auth.GoogleAuth({ scopes: [...LIB_SCOPES, ...MORE_SCOPES, 'https://mail.google.com/'] }) });
b.users.messages.send({ userId: 'me' });
b.users.messages.delete({ userId: 'me', id: '1' });
`,
      filename: APP_JS,
      errors: [
        {
          messageId: 'missingScope',
          line: 6,
          column: 1,
          data: {
            api: 'Gmail',
            method: 'users.settings.updateVacation',
            accepted: 'gmail.settings.basic',
            source: 'the GoogleAuth on line 5',
            requested: 'gmail.modify',
            add: '`https://www.googleapis.com/auth/gmail.settings.basic`',
            where: ' to `SCOPES` in ./scopes-cjs.js',
          },
        },
        {
          messageId: 'missingScope',
          line: 9,
          column: 1,
          data: {
            api: 'Gmail',
            method: 'users.messages.delete',
            accepted: 'https://mail.google.com/',
            source: 'the GoogleAuth on line 7',
            requested: 'gmail.readonly and gmail.compose',
            add: '`https://mail.google.com/`',
            where: '',
          },
        },
      ],
    },
    {
      name: 'untraced client: the file declares the scopes (exported SCOPES array)',
      code: `
import type { gmail_v1 } from 'googleapis';
export const SCOPES = ['${AUTH}/gmail.readonly'];
export async function archive(gmail: gmail_v1.Gmail, id: string) {
  await gmail.users.messages.modify({ userId: 'me', id, requestBody: { removeLabelIds: ['INBOX'] } });
}
`,
      output: null,
      errors: [
        {
          messageId: 'missingScope',
          line: 5,
          column: 9,
          data: {
            api: 'Gmail',
            method: 'users.messages.modify',
            accepted: 'gmail.modify or broader',
            source: 'this file',
            requested: 'gmail.readonly',
            add: '`https://www.googleapis.com/auth/gmail.modify`',
            where: ' to `SCOPES`',
          },
          suggestions: [
            {
              messageId: 'addScopes',
              data: { add: '`https://www.googleapis.com/auth/gmail.modify`' },
              output: `
import type { gmail_v1 } from 'googleapis';
export const SCOPES = ['${AUTH}/gmail.readonly', '${AUTH}/gmail.modify'];
export async function archive(gmail: gmail_v1.Gmail, id: string) {
  await gmail.users.messages.modify({ userId: 'me', id, requestBody: { removeLabelIds: ['INBOX'] } });
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'project settings: no fix, the message points at the settings',
      code: `
const { google } = require('googleapis');
module.exports = (auth) => google.gmail({ version: 'v1', auth }).users.messages.send({ userId: 'me' });
`,
      output: null,
      filename: APP_JS,
      settings: { 'googleapis-scopes': { scopes: [`${AUTH}/gmail.readonly`] } },
      errors: [
        {
          messageId: 'missingScope',
          line: 3,
          column: 28,
          data: {
            api: 'Gmail',
            method: 'users.messages.send',
            accepted: SEND_ACCEPTS,
            source: "settings['googleapis-scopes'].scopes",
            requested: 'gmail.readonly',
            add: '`https://www.googleapis.com/auth/gmail.send`',
            where: " to settings['googleapis-scopes'].scopes",
          },
        },
      ],
    },
    {
      name: 'option autofix: false turns the fix into a suggestion',
      code: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/gmail.send'] });
google.gmail({ version: 'v1', auth }).users.getProfile({ userId: 'me' });
`,
      output: null,
      options: [{ autofix: false }],
      errors: [
        {
          messageId: 'missingScope',
          line: 4,
          column: 1,
          data: {
            api: 'Gmail',
            method: 'users.getProfile',
            accepted: 'gmail.compose, gmail.metadata or broader',
            source: 'the GoogleAuth on line 3',
            requested: 'gmail.send',
            add: '`https://www.googleapis.com/auth/gmail.readonly`',
            where: '',
          },
          suggestions: [
            {
              messageId: 'addScopes',
              data: { add: '`https://www.googleapis.com/auth/gmail.readonly`' },
              output: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/gmail.send', '${AUTH}/gmail.readonly'] });
google.gmail({ version: 'v1', auth }).users.getProfile({ userId: 'me' });
`,
            },
          ],
        },
      ],
    },
    {
      name: 'option reportUnresolved reports calls whose scopes cannot be known',
      code: `
import { google } from 'googleapis';
export const send = (auth) => google.gmail({ version: 'v1', auth }).users.messages.send({ userId: 'me' });
`,
      output: null,
      options: [{ reportUnresolved: true }],
      errors: [{ messageId: 'unresolvedScopes', line: 3, column: 31, data: { api: 'Gmail', method: 'users.messages.send' } }],
    },
    {
      name: '.call, .apply and aliases reach the method',
      code: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/gmail.labels'] });
const gmail = google.gmail({ version: 'v1', auth });
const threads = gmail.users.threads;
threads.get.call(threads, { userId: 'me', id: '1', format: 'metadata' });
gmail.users.history.list.apply(gmail.users.history, [{ userId: 'me', startHistoryId: '1' }]);
`,
      output: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/gmail.labels', '${AUTH}/gmail.readonly'] });
const gmail = google.gmail({ version: 'v1', auth });
const threads = gmail.users.threads;
threads.get.call(threads, { userId: 'me', id: '1', format: 'metadata' });
gmail.users.history.list.apply(gmail.users.history, [{ userId: 'me', startHistoryId: '1' }]);
`,
      errors: [
        {
          messageId: 'missingScope',
          line: 6,
          column: 1,
          data: {
            api: 'Gmail',
            method: 'users.threads.get',
            accepted: 'gmail.metadata or broader',
            source: 'the GoogleAuth on line 3',
            requested: 'gmail.labels',
            add: '`https://www.googleapis.com/auth/gmail.readonly`',
            where: '',
          },
        },
        {
          messageId: 'missingScope',
          line: 7,
          column: 1,
          data: {
            api: 'Gmail',
            method: 'users.history.list',
            accepted: 'gmail.metadata or broader',
            source: 'the GoogleAuth on line 3',
            requested: 'gmail.labels',
            add: '`https://www.googleapis.com/auth/gmail.readonly`',
            where: '',
          },
        },
      ],
    },
  ],
});
