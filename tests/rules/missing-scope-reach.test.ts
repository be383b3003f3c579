import path from 'node:path';
import rule from '../../src/rules/missing-scope.ts';
import { FIXTURES, untypedRuleTester } from './rule-tester.ts';

// Reach without type information: sign-in libraries, helpers and factories, raw REST calls.
const ruleTester = untypedRuleTester();
const AUTH = 'https://www.googleapis.com/auth';
const APP_JS = path.join(FIXTURES, 'missing-scope', 'app.js');
const CROSS_FILE_APP = path.join(FIXTURES, 'cross-file', 'app.ts');
const SEND_ACCEPTS = 'gmail.send or broader';

ruleTester.run('missing-scope (reach)', rule, {
  valid: [
    {
      name: 'raw REST: this.baseUrl written again in a method stays unknown',
      code: `
import { google } from 'googleapis';
export const SCOPES = ['${AUTH}/gmail.readonly'];
export class Gmail {
  baseUrl: string;
  constructor(token: string) {
    this.baseUrl = 'https://gmail.googleapis.com';
  }
  async trash(id: string) {
    await fetch(\`\${this.baseUrl}/gmail/v1/users/me/messages/\${id}/trash\`, { method: 'POST' });
  }
  use(other: string) { this.baseUrl = other; }
}
`,
    },
    {
      name: 'raw REST: this.baseUrl from a constructor parameter property is unknown',
      code: `
import { google } from 'googleapis';
export const SCOPES = ['${AUTH}/gmail.readonly'];
export class Gmail {
  constructor(private baseUrl = 'https://gmail.googleapis.com') {}
  async trash(id: string) {
    await fetch(\`\${this.baseUrl}/gmail/v1/users/me/messages/\${id}/trash\`, { method: 'POST' });
  }
}
`,
    },
    {
      name: 'raw REST: a URL constant with an unknown host, and new URL() with a relative path or an unknown base, stay unknown',
      code: `
import { google } from 'googleapis';
export const SCOPES = ['${AUTH}/gmail.readonly'];
export async function trash(host: string, base: string, id: string) {
  const url = \`\${host}/users/me/messages/\${id}/trash\`;
  await fetch(url, { method: 'POST' });
  await fetch(new URL('gmail/v1/users/me/messages/batchDelete', 'https://gmail.googleapis.com/'), { method: 'POST' });
  await fetch(new URL('/gmail/v1/users/me/messages/batchDelete', base), { method: 'POST' });
}
`,
    },
    {
      name: 'a scopes parameter with a default is unknown when a call in the file passes another value',
      code: `
import { google } from 'googleapis';
const client = new google.auth.OAuth2('id', 'secret', 'https://example.com/cb');
export const authUrl = (scopes = ['${AUTH}/gmail.readonly']) => client.generateAuthUrl({ scope: scopes });
authUrl(['${AUTH}/gmail.send']);
export const send = () => google.gmail({ version: 'v1', auth: client }).users.messages.send({ userId: 'me' });
`,
    },
    {
      name: 'a let client reassigned to another auth is not traced to its first value',
      code: `
import { google } from 'googleapis';
const readAuth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/gmail.readonly'] });
const sendAuth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/gmail.send'] });
let gmail = google.gmail({ version: 'v1', auth: readAuth });
export async function flow(raw) {
  await gmail.users.messages.list({ userId: 'me' });
  gmail = google.gmail({ version: 'v1', auth: sendAuth });
  await gmail.users.messages.send({ userId: 'me', requestBody: { raw } });
}
`,
    },
    {
      name: 'an auth assigned in if/else where one branch has unknown scopes is unknown',
      code: `
import { google } from 'googleapis';
let auth;
if (process.env.SA) auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/gmail.readonly'] });
else auth = new google.auth.OAuth2();
const gmail = google.gmail({ version: 'v1', auth });
export const send = () => gmail.users.messages.send({ userId: 'me' });
`,
    },
    {
      name: 'GoogleAuth without scopes (Application Default Credentials) is traced but unknowable: no guess from the file',
      code: `
import { google } from 'googleapis';
export const CONSENT_SCOPES = ['${AUTH}/gmail.readonly'];
const adc = new google.auth.GoogleAuth();
const gmail = google.gmail({ version: 'v1', auth: adc });
export const notify = (raw) => gmail.users.messages.send({ userId: 'me', requestBody: { raw } });
`,
    },
    {
      name: 'a service account\u2019s inline scopes belong to it, not to a client made from a parameter',
      code: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/gmail.readonly'] });
export const reader = google.gmail({ version: 'v1', auth });
export function makeSender(userAuth) {
  const gmail = google.gmail({ version: 'v1', auth: userAuth });
  return (raw) => gmail.users.messages.send({ userId: 'me', requestBody: { raw } });
}
`,
    },
    {
      name: 'a per-request auth the file cannot trace makes the call unknown, not the client\u2019s scopes',
      code: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/gmail.readonly'] });
const gmail = google.gmail({ version: 'v1', auth });
export const send = (sender, raw) => gmail.users.messages.send({ userId: 'me', auth: sender, requestBody: { raw } });
`,
    },
    {
      name: 'users.getProfile on an unknown receiver is not matched by shape alone (other APIs have users.*)',
      code: `
export const SCOPES = ['${AUTH}/gmail.send'];
export const whoAmI = (client) => client.users.getProfile({ userId: 'me' });
`,
    },
    {
      name: 'a scope property read from a token response does not hide the file\u2019s requested scopes',
      code: `
import { google } from 'googleapis';
export const SCOPES = ['${AUTH}/gmail.send'];
export const saved = (tokens) => ({ access_token: tokens.access_token, scope: tokens.scope ?? undefined });
export const send = (auth) => google.gmail({ version: 'v1', auth }).users.messages.send({ userId: 'me' });
`,
    },
    {
      name: 'a file that declares only other APIs\u2019 scopes says nothing about the Gmail token',
      code: `
import { google } from 'googleapis';
const DRIVE_SCOPES = ['${AUTH}/drive.file'];
export async function notify(auth) {
  await google.gmail({ version: 'v1', auth }).users.messages.send({ userId: 'me' });
}
`,
    },
    {
      name: 'a helper whose callers pass a client with enough scopes',
      code: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/gmail.compose'] });
async function saveDraft(gmail) {
  await gmail.users.drafts.create({ userId: 'me' });
}
saveDraft(google.gmail({ version: 'v1', auth }));
`,
    },
    {
      name: 'REST calls to other hosts are not Gmail',
      code: `
export const SCOPES = ['${AUTH}/gmail.readonly'];
await fetch('https://example.com/gmail/v1/users/me/messages/send', { method: 'POST' });
`,
    },
    {
      name: 'REST query parameters built separately are unknown to metadata checks, and covered here',
      code: `
import axios from 'axios';
export const SCOPES = ['${AUTH}/gmail.readonly'];
await axios.get('https://gmail.googleapis.com/gmail/v1/users/me/messages', { params: { q: 'is:unread' } });
`,
    },
  ],
  invalid: [
    {
      name: 'raw REST (JS): ${this.baseUrl} from a class field initialised to the host',
      code: `
import { google } from 'googleapis';
export const SCOPES = ['${AUTH}/gmail.readonly'];
export class Gmail {
  baseUrl = 'https://gmail.googleapis.com';
  async trash(id) {
    await fetch(\`\${this.baseUrl}/gmail/v1/users/me/messages/\${id}/trash\`, { method: 'POST' });
  }
}
`,
      filename: APP_JS,
      errors: [
        {
          messageId: 'missingScope',
          line: 7,
          column: 11,
          data: {
            api: 'Gmail',
            method: 'users.messages.trash',
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
import { google } from 'googleapis';
export const SCOPES = ['${AUTH}/gmail.readonly', '${AUTH}/gmail.modify'];
export class Gmail {
  baseUrl = 'https://gmail.googleapis.com';
  async trash(id) {
    await fetch(\`\${this.baseUrl}/gmail/v1/users/me/messages/\${id}/trash\`, { method: 'POST' });
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'raw REST (TS): ${this.baseUrl} assigned once in the constructor, used in an arrow function',
      code: `
import { google } from 'googleapis';
export const SCOPES = ['${AUTH}/gmail.readonly'];
export class Gmail {
  private readonly baseUrl: string;
  constructor(token: string) {
    this.baseUrl = 'https://gmail.googleapis.com';
  }
  async trash(id: string) {
    const run = () => fetch(\`\${this.baseUrl}/gmail/v1/users/me/messages/\${id}/trash\`, { method: 'POST' });
    await run();
  }
}
`,
      errors: [
        {
          messageId: 'missingScope',
          line: 10,
          column: 23,
          data: {
            api: 'Gmail',
            method: 'users.messages.trash',
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
import { google } from 'googleapis';
export const SCOPES = ['${AUTH}/gmail.readonly', '${AUTH}/gmail.modify'];
export class Gmail {
  private readonly baseUrl: string;
  constructor(token: string) {
    this.baseUrl = 'https://gmail.googleapis.com';
  }
  async trash(id: string) {
    const run = () => fetch(\`\${this.baseUrl}/gmail/v1/users/me/messages/\${id}/trash\`, { method: 'POST' });
    await run();
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'raw REST (TS): a URL stored in a constant first, then fetched',
      code: `
import { google } from 'googleapis';
export const SCOPES = ['${AUTH}/gmail.readonly'];
export async function trash(id: string): Promise<void> {
  const url: string = \`https://gmail.googleapis.com/gmail/v1/users/me/messages/\${id}/trash\`;
  await fetch(url, { method: 'POST' });
}
`,
      errors: [
        {
          messageId: 'missingScope',
          line: 6,
          column: 9,
          data: {
            api: 'Gmail',
            method: 'users.messages.trash',
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
import { google } from 'googleapis';
export const SCOPES = ['${AUTH}/gmail.readonly', '${AUTH}/gmail.modify'];
export async function trash(id: string): Promise<void> {
  const url: string = \`https://gmail.googleapis.com/gmail/v1/users/me/messages/\${id}/trash\`;
  await fetch(url, { method: 'POST' });
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'raw REST (JS): new URL(absolute path, base) joins the base origin',
      code: `
import { google } from 'googleapis';
export const SCOPES = ['${AUTH}/gmail.readonly'];
const GMAIL = 'https://gmail.googleapis.com';
export async function purge(ids) {
  await fetch(new URL('/gmail/v1/users/me/messages/batchDelete', GMAIL), { method: 'POST', body: JSON.stringify({ ids }) });
}
`,
      filename: APP_JS,
      errors: [
        {
          messageId: 'missingScope',
          line: 6,
          column: 9,
          data: {
            api: 'Gmail',
            method: 'users.messages.batchDelete',
            accepted: 'https://mail.google.com/',
            source: 'this file',
            requested: 'gmail.readonly',
            add: '`https://mail.google.com/`',
            where: ' to `SCOPES`',
          },
          suggestions: [
            {
              messageId: 'addScopes',
              data: { add: '`https://mail.google.com/`' },
              output: `
import { google } from 'googleapis';
export const SCOPES = ['${AUTH}/gmail.readonly', 'https://mail.google.com/'];
const GMAIL = 'https://gmail.googleapis.com';
export async function purge(ids) {
  await fetch(new URL('/gmail/v1/users/me/messages/batchDelete', GMAIL), { method: 'POST', body: JSON.stringify({ ids }) });
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'a scopes parameter with a default that no call in the file overrides',
      code: `
import { google } from 'googleapis';
export class GmailService {
  client() { return new google.auth.OAuth2('id', 'secret', 'https://example.com/cb'); }
  getAuthUrl(scopes: string[] = ['${AUTH}/gmail.readonly']) {
    return this.client().generateAuthUrl({ access_type: 'offline', scope: scopes });
  }
  async trash(id: string) {
    return google.gmail({ version: 'v1', auth: this.client() }).users.messages.trash({ userId: 'me', id });
  }
}
`,
      output: `
import { google } from 'googleapis';
export class GmailService {
  client() { return new google.auth.OAuth2('id', 'secret', 'https://example.com/cb'); }
  getAuthUrl(scopes: string[] = ['${AUTH}/gmail.readonly', '${AUTH}/gmail.modify']) {
    return this.client().generateAuthUrl({ access_type: 'offline', scope: scopes });
  }
  async trash(id: string) {
    return google.gmail({ version: 'v1', auth: this.client() }).users.messages.trash({ userId: 'me', id });
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
            method: 'users.messages.trash',
            accepted: 'gmail.modify or broader',
            source: 'the generateAuthUrl() call on line 6',
            requested: 'gmail.readonly',
            add: '`https://www.googleapis.com/auth/gmail.modify`',
            where: ' to `scopes`',
          },
        },
      ],
    },
    {
      name: 'promise chains: getClient().then(client => google.gmail(…)).then(gmail => …)',
      code: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/gmail.readonly'] });
export function trashThread(id) {
  return auth
    .getClient()
    .then((client) => google.gmail({ version: 'v1', auth: client }))
    .then((gmail) => gmail.users.threads.trash({ userId: 'me', id }));
}
`,
      output: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/gmail.readonly', '${AUTH}/gmail.modify'] });
export function trashThread(id) {
  return auth
    .getClient()
    .then((client) => google.gmail({ version: 'v1', auth: client }))
    .then((gmail) => gmail.users.threads.trash({ userId: 'me', id }));
}
`,
      errors: [
        {
          messageId: 'missingScope',
          line: 8,
          column: 22,
          data: {
            api: 'Gmail',
            method: 'users.threads.trash',
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
      name: 'a lazy client method of a class whose auth is a field; options spread from a constant',
      code: `
import { GoogleAuth } from 'google-auth-library';
import { gmail_v1, google } from 'googleapis';
const base = { keyFile: 'sa.json', scopes: ['${AUTH}/gmail.readonly'] };
export class GmailService {
  private auth = new GoogleAuth({ ...base, clientOptions: { subject: 'a@example.com' } });
  private client?: gmail_v1.Gmail;
  private async gmail(): Promise<gmail_v1.Gmail> {
    if (!this.client) this.client = google.gmail({ version: 'v1', auth: await this.auth.getClient() });
    return this.client;
  }
  async markRead(id: string) {
    const gmail = await this.gmail();
    await gmail.users.messages.modify({ userId: 'me', id, requestBody: { removeLabelIds: ['UNREAD'] } });
  }
}
`,
      output: `
import { GoogleAuth } from 'google-auth-library';
import { gmail_v1, google } from 'googleapis';
const base = { keyFile: 'sa.json', scopes: ['${AUTH}/gmail.readonly', '${AUTH}/gmail.modify'] };
export class GmailService {
  private auth = new GoogleAuth({ ...base, clientOptions: { subject: 'a@example.com' } });
  private client?: gmail_v1.Gmail;
  private async gmail(): Promise<gmail_v1.Gmail> {
    if (!this.client) this.client = google.gmail({ version: 'v1', auth: await this.auth.getClient() });
    return this.client;
  }
  async markRead(id: string) {
    const gmail = await this.gmail();
    await gmail.users.messages.modify({ userId: 'me', id, requestBody: { removeLabelIds: ['UNREAD'] } });
  }
}
`,
      errors: [
        {
          messageId: 'missingScope',
          line: 14,
          column: 11,
          data: {
            api: 'Gmail',
            method: 'users.messages.modify',
            accepted: 'gmail.modify or broader',
            source: 'the GoogleAuth on line 6',
            requested: 'gmail.readonly',
            add: '`https://www.googleapis.com/auth/gmail.modify`',
            where: '',
          },
        },
      ],
    },
    {
      name: 'a client kept in an object literal',
      code: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/gmail.readonly'] });
const clients = { gmail: google.gmail({ version: 'v1', auth }) };
export const send = (raw) => clients.gmail.users.messages.send({ userId: 'me', requestBody: { raw } });
`,
      output: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/gmail.readonly', '${AUTH}/gmail.send'] });
const clients = { gmail: google.gmail({ version: 'v1', auth }) };
export const send = (raw) => clients.gmail.users.messages.send({ userId: 'me', requestBody: { raw } });
`,
      errors: [
        {
          messageId: 'missingScope',
          line: 5,
          column: 30,
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
      name: 'scopes assigned after fromJSON: the fix adds an array element, not a second scope inside the string',
      code: `
import { google } from 'googleapis';
const client = google.auth.fromJSON(keys);
client.scopes = ['${AUTH}/gmail.readonly'];
const gmail = google.gmail({ version: 'v1', auth: client });
gmail.users.messages.send({ userId: 'me' });
`,
      output: `
import { google } from 'googleapis';
const client = google.auth.fromJSON(keys);
client.scopes = ['${AUTH}/gmail.readonly', '${AUTH}/gmail.send'];
const gmail = google.gmail({ version: 'v1', auth: client });
gmail.users.messages.send({ userId: 'me' });
`,
      errors: [
        {
          messageId: 'missingScope',
          line: 6,
          column: 1,
          data: {
            api: 'Gmail',
            method: 'users.messages.send',
            accepted: SEND_ACCEPTS,
            source: 'the scopes assigned on line 4',
            requested: 'gmail.readonly',
            add: '`https://www.googleapis.com/auth/gmail.send`',
            where: '',
          },
        },
      ],
    },
    {
      name: 'Firebase addScope(): one scope per call, so no fix appends inside the string',
      code: `
import { GoogleAuthProvider } from 'firebase/auth';
import { google } from 'googleapis';
const provider = new GoogleAuthProvider();
provider.addScope('${AUTH}/gmail.readonly');
export const send = (auth) => google.gmail({ version: 'v1', auth }).users.messages.send({ userId: 'me' });
`,
      output: null,
      errors: [
        {
          messageId: 'missingScope',
          line: 6,
          column: 31,
          data: {
            api: 'Gmail',
            method: 'users.messages.send',
            accepted: SEND_ACCEPTS,
            source: 'this file',
            requested: 'gmail.readonly',
            add: '`https://www.googleapis.com/auth/gmail.send`',
            where: '',
          },
        },
      ],
    },
    {
      name: 'settings writes that accept basic or sharing get gmail.settings.basic (sharing is for administrators)',
      code: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/gmail.readonly'] });
google.gmail({ version: 'v1', auth }).users.settings.sendAs.update({ userId: 'me', sendAsEmail: 'a@example.com' });
`,
      output: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/gmail.readonly', '${AUTH}/gmail.settings.basic'] });
google.gmail({ version: 'v1', auth }).users.settings.sendAs.update({ userId: 'me', sendAsEmail: 'a@example.com' });
`,
      errors: [
        {
          messageId: 'missingScope',
          line: 4,
          column: 1,
          data: {
            api: 'Gmail',
            method: 'users.settings.sendAs.update',
            accepted: 'gmail.settings.basic or gmail.settings.sharing',
            source: 'the GoogleAuth on line 3',
            requested: 'gmail.readonly',
            add: '`https://www.googleapis.com/auth/gmail.settings.basic`',
            where: '',
          },
        },
      ],
    },
    {
      name: 'a helper module that never imports googleapis: the chain shape, and users.getProfile on the same receiver',
      code: `
const SCOPES = ['${AUTH}/gmail.labels'];
async function tidy(gmail, id) {
  const profile = await gmail.users.getProfile({ userId: 'me' });
  await gmail.users.messages.delete({ userId: 'me', id });
  return profile;
}
module.exports = { tidy, SCOPES };
`,
      output: null,
      filename: APP_JS,
      errors: [
        {
          messageId: 'missingScope',
          line: 4,
          column: 25,
          data: {
            api: 'Gmail',
            method: 'users.getProfile',
            accepted: 'gmail.compose, gmail.metadata or broader',
            source: 'this file',
            requested: 'gmail.labels',
            add: '`https://mail.google.com/`',
            where: ' to `SCOPES`',
          },
          suggestions: [
            {
              messageId: 'addScopes',
              data: { add: '`https://mail.google.com/`' },
              output: `
const SCOPES = ['${AUTH}/gmail.labels', 'https://mail.google.com/'];
async function tidy(gmail, id) {
  const profile = await gmail.users.getProfile({ userId: 'me' });
  await gmail.users.messages.delete({ userId: 'me', id });
  return profile;
}
module.exports = { tidy, SCOPES };
`,
            },
          ],
        },
        {
          messageId: 'missingScope',
          line: 5,
          column: 9,
          data: {
            api: 'Gmail',
            method: 'users.messages.delete',
            accepted: 'https://mail.google.com/',
            source: 'this file',
            requested: 'gmail.labels',
            add: '`https://mail.google.com/`',
            where: ' to `SCOPES`',
          },
          suggestions: [
            {
              messageId: 'addScopes',
              data: { add: '`https://mail.google.com/`' },
              output: `
const SCOPES = ['${AUTH}/gmail.labels', 'https://mail.google.com/'];
async function tidy(gmail, id) {
  const profile = await gmail.users.getProfile({ userId: 'me' });
  await gmail.users.messages.delete({ userId: 'me', id });
  return profile;
}
module.exports = { tidy, SCOPES };
`,
            },
          ],
        },
      ],
    },
    {
      name: 'declared types without type information: gmail_v1.Gmail fields and resource-typed parameters',
      code: `
import type { gmail_v1 } from '@googleapis/gmail';
export const SCOPES = ['${AUTH}/gmail.readonly'];
export class Watcher {
  constructor(private readonly gmail: gmail_v1.Gmail) {}
  start() { return this.gmail.users.watch({ userId: 'me', requestBody: { topicName: 't' } }); }
}
export const reply = (messages: gmail_v1.Resource$Users$Messages, raw: string) => messages.send({ userId: 'me', requestBody: { raw } });
`,
      output: null,
      errors: [
        {
          messageId: 'missingScope',
          line: 8,
          column: 83,
          data: {
            api: 'Gmail',
            method: 'users.messages.send',
            accepted: SEND_ACCEPTS,
            source: 'this file',
            requested: 'gmail.readonly',
            add: '`https://www.googleapis.com/auth/gmail.send`',
            where: ' to `SCOPES`',
          },
          suggestions: [
            {
              messageId: 'addScopes',
              data: { add: '`https://www.googleapis.com/auth/gmail.send`' },
              output: `
import type { gmail_v1 } from '@googleapis/gmail';
export const SCOPES = ['${AUTH}/gmail.readonly', '${AUTH}/gmail.send'];
export class Watcher {
  constructor(private readonly gmail: gmail_v1.Gmail) {}
  start() { return this.gmail.users.watch({ userId: 'me', requestBody: { topicName: 't' } }); }
}
export const reply = (messages: gmail_v1.Resource$Users$Messages, raw: string) => messages.send({ userId: 'me', requestBody: { raw } });
`,
            },
          ],
        },
      ],
    },
    {
      name: 'an OAuth2 client from an imported factory: the consent scopes its module declares',
      code: `
import { google } from 'googleapis';
import { createClient, authUrl } from './oauth.js';
const client = createClient();
console.log(authUrl(client));
await google.gmail({ version: 'v1', auth: client }).users.messages.delete({ userId: 'me', id: 'x' });
`,
      output: null,
      filename: CROSS_FILE_APP,
      errors: [
        {
          messageId: 'missingScope',
          line: 6,
          column: 7,
          data: {
            api: 'Gmail',
            method: 'users.messages.delete',
            accepted: 'https://mail.google.com/',
            source: 'the scopes declared in ./oauth.js',
            requested: 'gmail.modify',
            add: '`https://mail.google.com/`',
            where: ' to `AUTH_SCOPES` in ./oauth.js',
          },
        },
      ],
    },
    {
      name: 'REST through compiled axios, a config object and a framework HTTP client',
      code: `
const axios_1 = require('axios');
const framework_1 = require('@activepieces/pieces-common');
const SCOPES = ['${AUTH}/gmail.readonly'];
async function go(id, token) {
  const config = { method: 'post', url: \`https://gmail.googleapis.com/gmail/v1/users/me/messages/\${id}/trash\`, headers: { Authorization: token } };
  await axios_1.default.request(config);
  await framework_1.httpClient.sendRequest({ method: framework_1.HttpMethod.DELETE, url: \`https://gmail.googleapis.com/gmail/v1/users/me/threads/\${id}\` });
}
module.exports = { go };
`,
      output: null,
      filename: APP_JS,
      errors: [
        {
          messageId: 'missingScope',
          line: 7,
          column: 9,
          data: {
            api: 'Gmail',
            method: 'users.messages.trash',
            accepted: 'gmail.modify or broader',
            source: 'this file',
            requested: 'gmail.readonly',
            add: '`https://mail.google.com/`',
            where: ' to `SCOPES`',
          },
          suggestions: [
            {
              messageId: 'addScopes',
              data: { add: '`https://mail.google.com/`' },
              output: `
const axios_1 = require('axios');
const framework_1 = require('@activepieces/pieces-common');
const SCOPES = ['${AUTH}/gmail.readonly', 'https://mail.google.com/'];
async function go(id, token) {
  const config = { method: 'post', url: \`https://gmail.googleapis.com/gmail/v1/users/me/messages/\${id}/trash\`, headers: { Authorization: token } };
  await axios_1.default.request(config);
  await framework_1.httpClient.sendRequest({ method: framework_1.HttpMethod.DELETE, url: \`https://gmail.googleapis.com/gmail/v1/users/me/threads/\${id}\` });
}
module.exports = { go };
`,
            },
          ],
        },
        {
          messageId: 'missingScope',
          line: 8,
          column: 9,
          data: {
            api: 'Gmail',
            method: 'users.threads.delete',
            accepted: 'https://mail.google.com/',
            source: 'this file',
            requested: 'gmail.readonly',
            add: '`https://mail.google.com/`',
            where: ' to `SCOPES`',
          },
          suggestions: [
            {
              messageId: 'addScopes',
              data: { add: '`https://mail.google.com/`' },
              output: `
const axios_1 = require('axios');
const framework_1 = require('@activepieces/pieces-common');
const SCOPES = ['${AUTH}/gmail.readonly', 'https://mail.google.com/'];
async function go(id, token) {
  const config = { method: 'post', url: \`https://gmail.googleapis.com/gmail/v1/users/me/messages/\${id}/trash\`, headers: { Authorization: token } };
  await axios_1.default.request(config);
  await framework_1.httpClient.sendRequest({ method: framework_1.HttpMethod.DELETE, url: \`https://gmail.googleapis.com/gmail/v1/users/me/threads/\${id}\` });
}
module.exports = { go };
`,
            },
          ],
        },
      ],
    },
    {
      name: 'TypeScript constructor injection: parameter properties and this.x = param',
      code: `
import { google, gmail_v1 } from 'googleapis';
class Mailer {
  constructor(private readonly gmail: gmail_v1.Gmail) {}
  send() { return this.gmail.users.messages.send({ userId: 'me' }); }
}
class Archiver {
  private client: gmail_v1.Gmail;
  constructor(client: gmail_v1.Gmail) { this.client = client; }
  archive(id: string) { return this.client.users.messages.modify({ userId: 'me', id }); }
}
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/gmail.readonly'] });
const gmail = google.gmail({ version: 'v1', auth });
new Mailer(gmail).send();
export const archiver = new Archiver(gmail);
`,
      output: `
import { google, gmail_v1 } from 'googleapis';
class Mailer {
  constructor(private readonly gmail: gmail_v1.Gmail) {}
  send() { return this.gmail.users.messages.send({ userId: 'me' }); }
}
class Archiver {
  private client: gmail_v1.Gmail;
  constructor(client: gmail_v1.Gmail) { this.client = client; }
  archive(id: string) { return this.client.users.messages.modify({ userId: 'me', id }); }
}
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/gmail.readonly', '${AUTH}/gmail.modify'] });
const gmail = google.gmail({ version: 'v1', auth });
new Mailer(gmail).send();
export const archiver = new Archiver(gmail);
`,
      errors: [
        {
          messageId: 'missingScope',
          line: 5,
          column: 19,
          data: {
            api: 'Gmail',
            method: 'users.messages.send',
            accepted: SEND_ACCEPTS,
            source: 'the GoogleAuth on line 12',
            requested: 'gmail.readonly',
            add: '`https://www.googleapis.com/auth/gmail.modify`',
            where: '',
          },
        },
        {
          messageId: 'missingScope',
          line: 10,
          column: 32,
          data: {
            api: 'Gmail',
            method: 'users.messages.modify',
            accepted: 'gmail.modify or broader',
            source: 'the GoogleAuth on line 12',
            requested: 'gmail.readonly',
            add: '`https://www.googleapis.com/auth/gmail.modify`',
            where: '',
          },
        },
      ],
    },
    {
      name: 'a client handed on by a module in between: paths are relative to the linted file, never to that module',
      code: `
import { mailer } from './lib/gmail.js';
await mailer.users.messages.send({ userId: 'me' });
`,
      output: null,
      filename: CROSS_FILE_APP,
      errors: [
        {
          messageId: 'missingScope',
          line: 3,
          column: 7,
          data: {
            api: 'Gmail',
            method: 'users.messages.send',
            accepted: SEND_ACCEPTS,
            source: 'the GoogleAuth on line 3 in ./lib/oauth.js',
            requested: 'gmail.readonly',
            add: '`https://www.googleapis.com/auth/gmail.send`',
            where: ' to ./lib/oauth.js',
          },
        },
      ],
    },
    {
      name: 'clients, client factories and auth helpers exported by other modules (ESM, namespace, CommonJS)',
      code: `
import { google } from 'googleapis';
import { gmail, gmailFor } from './gmail-client';
import * as clients from './gmail-client.js';
const { authorize } = require('./authorize');
await gmail.users.messages.send({ userId: 'me' });
await gmailFor('a@example.com').users.messages.trash({ userId: 'me', id: '1' });
await clients.gmail.users.labels.list({ userId: 'me' });
const auth = await authorize();
await google.gmail({ version: 'v1', auth }).users.messages.list({ userId: 'me' });
`,
      output: null,
      filename: CROSS_FILE_APP,
      errors: [
        {
          messageId: 'missingScope',
          line: 6,
          column: 7,
          data: {
            api: 'Gmail',
            method: 'users.messages.send',
            accepted: SEND_ACCEPTS,
            source: 'the GoogleAuth on line 4 in ./gmail-client.ts',
            requested: 'gmail.readonly',
            add: '`https://www.googleapis.com/auth/gmail.send`',
            where: ' to `SCOPES` in ./scopes.ts',
          },
        },
        {
          messageId: 'missingScope',
          line: 7,
          column: 7,
          data: {
            api: 'Gmail',
            method: 'users.messages.trash',
            accepted: 'gmail.modify or broader',
            source: 'the JWT on line 11 in ./gmail-client.ts',
            requested: 'gmail.send',
            add: '`https://www.googleapis.com/auth/gmail.modify`',
            where: ' to ./gmail-client.ts',
          },
        },
        {
          messageId: 'missingScope',
          line: 10,
          column: 7,
          data: {
            api: 'Gmail',
            method: 'users.messages.list',
            accepted: 'gmail.metadata or broader',
            source: 'the authenticate() call on line 4 in ./authorize.js',
            requested: 'gmail.labels',
            add: '`https://www.googleapis.com/auth/gmail.readonly`',
            where: ' to ./authorize.js',
          },
        },
      ],
    },
    {
      name: 'Auth.js / NextAuth Google provider scope string declares the file\u2019s scopes',
      code: `
import NextAuth from 'next-auth';
import Google from 'next-auth/providers/google';
import { google } from 'googleapis';
export const { auth } = NextAuth({
  providers: [Google({ authorization: { params: { scope: 'openid email https://www.googleapis.com/auth/gmail.readonly' } } })],
});
export async function POST() {
  const session = await auth();
  const oauth = new google.auth.OAuth2();
  oauth.setCredentials({ access_token: session.accessToken });
  await google.gmail({ version: 'v1', auth: oauth }).users.messages.send({ userId: 'me' });
}
`,
      output: null,
      errors: [
        {
          messageId: 'missingScope',
          line: 12,
          column: 9,
          data: {
            api: 'Gmail',
            method: 'users.messages.send',
            accepted: SEND_ACCEPTS,
            source: 'this file',
            requested: 'openid, email and gmail.readonly',
            add: '`https://www.googleapis.com/auth/gmail.send`',
            where: '',
          },
          suggestions: [
            {
              messageId: 'addScopes',
              data: { add: '`https://www.googleapis.com/auth/gmail.send`' },
              output: `
import NextAuth from 'next-auth';
import Google from 'next-auth/providers/google';
import { google } from 'googleapis';
export const { auth } = NextAuth({
  providers: [Google({ authorization: { params: { scope: 'openid email https://www.googleapis.com/auth/gmail.readonly https://www.googleapis.com/auth/gmail.send' } } })],
});
export async function POST() {
  const session = await auth();
  const oauth = new google.auth.OAuth2();
  oauth.setCredentials({ access_token: session.accessToken });
  await google.gmail({ version: 'v1', auth: oauth }).users.messages.send({ userId: 'me' });
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'passport-google-oauth20 strategy scope and Firebase addScope in the same file',
      code: `
const passport = require('passport');
const { Strategy } = require('passport-google-oauth20');
const { google } = require('googleapis');
passport.use(new Strategy({ clientID: 'id', clientSecret: 's', callbackURL: '/cb', scope: ['profile', '${AUTH}/gmail.labels'] }, verify));
function inbox(auth) {
  return google.gmail({ version: 'v1', auth }).users.threads.list({ userId: 'me', q: 'in:inbox' });
}
module.exports = { inbox };
`,
      output: null,
      filename: APP_JS,
      errors: [
        {
          messageId: 'missingScope',
          line: 7,
          column: 10,
          data: {
            api: 'Gmail',
            method: 'users.threads.list',
            accepted: 'gmail.readonly or broader',
            source: 'this file',
            requested: 'profile and gmail.labels',
            add: '`https://www.googleapis.com/auth/gmail.readonly`',
            where: '',
          },
          suggestions: [
            {
              messageId: 'addScopes',
              data: { add: '`https://www.googleapis.com/auth/gmail.readonly`' },
              output: `
const passport = require('passport');
const { Strategy } = require('passport-google-oauth20');
const { google } = require('googleapis');
passport.use(new Strategy({ clientID: 'id', clientSecret: 's', callbackURL: '/cb', scope: ['profile', '${AUTH}/gmail.labels', '${AUTH}/gmail.readonly'] }, verify));
function inbox(auth) {
  return google.gmail({ version: 'v1', auth }).users.threads.list({ userId: 'me', q: 'in:inbox' });
}
module.exports = { inbox };
`,
            },
          ],
        },
      ],
    },
    {
      name: 'a factory returning the client, called from an exported function',
      code: `
import { google } from 'googleapis';
const auth = new google.auth.JWT({ keyFile: 'sa.json', scopes: ['${AUTH}/gmail.readonly'], subject: 'u@example.com' });
function makeClient() {
  return google.gmail({ version: 'v1', auth });
}
export async function archive(id) {
  const client = makeClient();
  await client.users.threads.modify({ userId: 'me', id, requestBody: { removeLabelIds: ['INBOX'] } });
}
`,
      output: `
import { google } from 'googleapis';
const auth = new google.auth.JWT({ keyFile: 'sa.json', scopes: ['${AUTH}/gmail.readonly', '${AUTH}/gmail.modify'], subject: 'u@example.com' });
function makeClient() {
  return google.gmail({ version: 'v1', auth });
}
export async function archive(id) {
  const client = makeClient();
  await client.users.threads.modify({ userId: 'me', id, requestBody: { removeLabelIds: ['INBOX'] } });
}
`,
      errors: [
        {
          messageId: 'missingScope',
          line: 9,
          column: 9,
          data: {
            api: 'Gmail',
            method: 'users.threads.modify',
            accepted: 'gmail.modify or broader',
            source: 'the JWT on line 3',
            requested: 'gmail.readonly',
            add: '`https://www.googleapis.com/auth/gmail.modify`',
            where: '',
          },
        },
      ],
    },
    {
      // Review 4 (cred's note): `new JWT(opts)` with an options constant was read as the positional
      // form, so its scopes were lost and the call went unchecked.
      name: 'a JWT given an options constant',
      code: `
import { google } from 'googleapis';
const options = { keyFile: 'sa.json', scopes: ['${AUTH}/gmail.readonly'], subject: 'u@example.com' };
const auth = new google.auth.JWT(options);
const gmail = google.gmail({ version: 'v1', auth });
export const archive = (id) => gmail.users.threads.modify({ userId: 'me', id, requestBody: { removeLabelIds: ['INBOX'] } });
`,
      output: `
import { google } from 'googleapis';
const options = { keyFile: 'sa.json', scopes: ['${AUTH}/gmail.readonly', '${AUTH}/gmail.modify'], subject: 'u@example.com' };
const auth = new google.auth.JWT(options);
const gmail = google.gmail({ version: 'v1', auth });
export const archive = (id) => gmail.users.threads.modify({ userId: 'me', id, requestBody: { removeLabelIds: ['INBOX'] } });
`,
      errors: [
        {
          messageId: 'missingScope',
          line: 6,
          column: 32,
          data: {
            api: 'Gmail',
            method: 'users.threads.modify',
            accepted: 'gmail.modify or broader',
            source: 'the JWT on line 4',
            requested: 'gmail.readonly',
            add: '`https://www.googleapis.com/auth/gmail.modify`',
            where: '',
          },
        },
      ],
    },
    {
      // Two declarations in the file: no autofix for the fetch (which one?), the message names SCOPES.
      name: 'raw REST calls: fetch with a base-URL constant, and an auth client\u2019s request()',
      code: `
import { google } from 'googleapis';
export const SCOPES = ['${AUTH}/gmail.readonly'];
const BASE = 'https://gmail.googleapis.com/gmail/v1/users/me';
export async function sendRaw(token, raw) {
  await fetch(\`\${BASE}/messages/send\`, { method: 'POST', headers: { Authorization: \`Bearer \${token}\` }, body: JSON.stringify({ raw }) });
}
const oauth = new google.auth.OAuth2();
oauth.generateAuthUrl({ scope: ['${AUTH}/gmail.labels'] });
await oauth.request({ url: 'https://gmail.googleapis.com/gmail/v1/users/me/threads', method: 'GET' });
`,
      output: `
import { google } from 'googleapis';
export const SCOPES = ['${AUTH}/gmail.readonly'];
const BASE = 'https://gmail.googleapis.com/gmail/v1/users/me';
export async function sendRaw(token, raw) {
  await fetch(\`\${BASE}/messages/send\`, { method: 'POST', headers: { Authorization: \`Bearer \${token}\` }, body: JSON.stringify({ raw }) });
}
const oauth = new google.auth.OAuth2();
oauth.generateAuthUrl({ scope: ['${AUTH}/gmail.labels', '${AUTH}/gmail.readonly'] });
await oauth.request({ url: 'https://gmail.googleapis.com/gmail/v1/users/me/threads', method: 'GET' });
`,
      errors: [
        {
          messageId: 'missingScope',
          line: 6,
          column: 9,
          data: {
            api: 'Gmail',
            method: 'users.messages.send',
            accepted: SEND_ACCEPTS,
            source: 'this file',
            requested: 'gmail.readonly and gmail.labels',
            add: '`https://www.googleapis.com/auth/gmail.send`',
            where: ' to `SCOPES`',
          },
        },
        {
          messageId: 'missingScope',
          line: 10,
          column: 7,
          data: {
            api: 'Gmail',
            method: 'users.threads.list',
            accepted: 'gmail.metadata or broader',
            source: 'the generateAuthUrl() call on line 9',
            requested: 'gmail.labels',
            add: '`https://www.googleapis.com/auth/gmail.readonly`',
            where: '',
          },
        },
      ],
    },
    {
      name: 'axios verbs and the upload path',
      code: `
const axios = require('axios');
const SCOPES = '${AUTH}/gmail.readonly';
axios.post('https://gmail.googleapis.com/upload/gmail/v1/users/me/messages/import?uploadType=media', raw);
`,
      output: null,
      filename: APP_JS,
      errors: [
        {
          messageId: 'missingScope',
          line: 4,
          column: 1,
          data: {
            api: 'Gmail',
            method: 'users.messages.import',
            accepted: 'gmail.insert or broader',
            source: 'this file',
            requested: 'gmail.readonly',
            add: '`https://www.googleapis.com/auth/gmail.insert`',
            where: ' to `SCOPES`',
          },
          suggestions: [
            {
              messageId: 'addScopes',
              data: { add: '`https://www.googleapis.com/auth/gmail.insert`' },
              output: `
const axios = require('axios');
const SCOPES = '${AUTH}/gmail.readonly ${AUTH}/gmail.insert';
axios.post('https://gmail.googleapis.com/upload/gmail/v1/users/me/messages/import?uploadType=media', raw);
`,
            },
          ],
        },
      ],
    },
  ],
});
