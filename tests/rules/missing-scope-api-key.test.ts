import path from 'node:path';
import rule from '../../src/rules/missing-scope.ts';
import leastPrivilege from '../../src/rules/least-privilege.ts';
import { FIXTURES, untypedRuleTester } from './rule-tester.ts';

// A string auth is an API key: googleapis-common sends it as the `key` query parameter and no OAuth
// token (googleapis-common build/src/apirequest.js:147-150), so no scope applies to the request.
// A per-request auth (params.auth || options.auth, apirequest.js:93) replaces the client's.
const ruleTester = untypedRuleTester();
const AUTH = 'https://www.googleapis.com/auth';
const OAUTH = `
import { google } from 'googleapis';
const oauth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/youtube.upload'] });
export const upload = () => google.youtube({ version: 'v3', auth: oauth }).videos.insert({ part: ['snippet'], requestBody: {} });
`;

ruleTester.run('missing-scope (API keys, per-request auth)', rule, {
  valid: [
    {
      name: 'TypeScript: a string-typed parameter or variable as auth',
      code: `${OAUTH}
export const a = (token: string) => google.youtube({ version: 'v3', auth: token }).videos.list({ part: ['snippet'], id: ['x'] });
let secret: string = load();
export const b = () => google.youtube({ version: 'v3', auth: secret }).videos.list({ part: ['snippet'], id: ['x'] });
export const c = () => google.youtube({ version: 'v3', auth: load() as string }).videos.list({ part: ['snippet'], id: ['x'] });
`,
    },
    {
      name: 'API-key clients: env variable, literal, template, key in params, a parameter named key, google.options',
      code: `${OAUTH}
const pub = google.youtube({ version: 'v3', auth: process.env.YT_API_KEY });
export const search = () => pub.search.list({ part: ['snippet'], q: 'cats' });
const pub2 = google.youtube({ version: 'v3', auth: 'AIzaSyEXAMPLE' });
export const vids = () => pub2.videos.list({ part: ['snippet'], id: ['x'] });
const pub3 = google.youtube('v3');
export const vids3 = () => pub3.videos.list({ part: ['snippet'], id: ['x'], key: process.env.KEY });
export const vids4 = (key) => google.youtube({ version: 'v3', auth: key }).channels.list({ part: ['snippet'], id: ['x'] });
const KEY = \`\${process.env.PREFIX}\`;
export const vids5 = () => google.youtube({ version: 'v3', auth: KEY || '' }).videos.list({ part: ['snippet'], id: ['x'] });
export const vids6 = () => google.youtube({ version: 'v3', auth: config.youtubeApiKey }).videos.list({ part: ['snippet'], id: ['x'] });
`,
      // A small project: \`google.youtube('v3')\` looks for google.options() in the project's other modules.
      filename: path.join(FIXTURES, 'project-drive', 'src', 'api-key.js'),
    },
    {
      name: 'google.options({ auth: key }) makes every googleapis client an API-key client',
      code: `${OAUTH}
google.options({ auth: process.env.API_KEY });
export const vids = () => google.youtube('v3').videos.list({ part: ['snippet'], id: ['x'] });
`,
    },
    {
      name: 'a per-request API key (params or options) on an OAuth client',
      code: `${OAUTH}
const yt = google.youtube({ version: 'v3', auth: oauth });
export const a = () => yt.videos.list({ part: ['snippet'], id: ['x'], auth: process.env.KEY });
export const b = () => yt.videos.list({ part: ['snippet'], id: ['x'] }, { auth: 'AIza' });
`,
    },
    {
      name: 'per-request auth in the options argument overrides the client auth (review R5, forms/a.cjs)',
      code: `
const { drive, auth: gauth } = require('@googleapis/drive');
const readAuth = new gauth.GoogleAuth({ scopes: ['${AUTH}/drive.readonly'] });
const writeAuth = new gauth.GoogleAuth({ scopes: ['${AUTH}/drive'] });
const client = drive({ version: 'v3', auth: readAuth });
async function del(id) { await client.files.delete({ fileId: id }, { auth: writeAuth }); }
async function del2(id, other) { await client.files.delete({ fileId: id }, { auth: other }); }
module.exports = { del, del2 };
`,
    },
    {
      name: 'scopes: [] asks for no user scopes: the library defaults apply, unknown (review R10)',
      code: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: [] });
export const del = (fileId) => google.drive({ version: 'v3', auth }).files.delete({ fileId });
`,
    },
    {
      name: 'a refresh token set from elsewhere may carry other scopes than the consent URL (review R8)',
      code: `
import { google } from 'googleapis';
const oauth2 = new google.auth.OAuth2(process.env.ID, process.env.SECRET, 'http://localhost/cb');
export const loginUrl = () => oauth2.generateAuthUrl({ scope: ['${AUTH}/calendar.readonly'] });
oauth2.setCredentials({ refresh_token: process.env.BOT_REFRESH_TOKEN });
export const add = () => google.calendar({ version: 'v3', auth: oauth2 }).events.insert({ calendarId: 'primary', requestBody: {} });
`,
    },
  ],
  invalid: [
    {
      name: 'the tokens of the client’s own consent flow carry the consent URL’s scopes',
      code: `
import { google } from 'googleapis';
const oauth2 = new google.auth.OAuth2(process.env.ID, process.env.SECRET, 'http://localhost/cb');
export const loginUrl = () => oauth2.generateAuthUrl({ scope: ['${AUTH}/calendar.readonly'] });
export async function callback(code) {
  const { tokens } = await oauth2.getToken(code);
  oauth2.setCredentials(tokens);
  return google.calendar({ version: 'v3', auth: oauth2 }).events.insert({ calendarId: 'primary', requestBody: {} });
}
`,
      output: `
import { google } from 'googleapis';
const oauth2 = new google.auth.OAuth2(process.env.ID, process.env.SECRET, 'http://localhost/cb');
export const loginUrl = () => oauth2.generateAuthUrl({ scope: ['${AUTH}/calendar.readonly', '${AUTH}/calendar.events.owned'] });
export async function callback(code) {
  const { tokens } = await oauth2.getToken(code);
  oauth2.setCredentials(tokens);
  return google.calendar({ version: 'v3', auth: oauth2 }).events.insert({ calendarId: 'primary', requestBody: {} });
}
`,
      errors: [{ messageId: 'missingScope', line: 8, column: 10 }],
    },
    {
      name: 'an OAuth client that also passes key is judged (the token is sent)',
      code: `
import { google } from 'googleapis';
const reader = new google.auth.GoogleAuth({ scopes: ['${AUTH}/drive.readonly'] });
const drive = google.drive({ version: 'v3', auth: reader });
export const del = (fileId) => drive.files.delete({ fileId, key: process.env.KEY });
`,
      output: `
import { google } from 'googleapis';
const reader = new google.auth.GoogleAuth({ scopes: ['${AUTH}/drive.readonly', '${AUTH}/drive'] });
const drive = google.drive({ version: 'v3', auth: reader });
export const del = (fileId) => drive.files.delete({ fileId, key: process.env.KEY });
`,
      errors: [{ messageId: 'missingScope', line: 5, column: 32 }],
    },
    {
      name: 'per-request options auth is judged by its own scopes',
      code: `
const { drive, auth: gauth } = require('@googleapis/drive');
const readAuth = new gauth.GoogleAuth({ scopes: ['${AUTH}/drive.readonly'] });
const writeAuth = new gauth.GoogleAuth({ scopes: ['${AUTH}/drive'] });
const client = drive({ version: 'v3', auth: writeAuth });
async function del(id) { await client.files.delete({ fileId: id }, { auth: readAuth }); }
module.exports = { del };
`,
      output: `
const { drive, auth: gauth } = require('@googleapis/drive');
const readAuth = new gauth.GoogleAuth({ scopes: ['${AUTH}/drive.readonly', '${AUTH}/drive'] });
const writeAuth = new gauth.GoogleAuth({ scopes: ['${AUTH}/drive'] });
const client = drive({ version: 'v3', auth: writeAuth });
async function del(id) { await client.files.delete({ fileId: id }, { auth: readAuth }); }
module.exports = { del };
`,
      errors: [{ messageId: 'missingScope', line: 6, column: 32 }],
    },
  ],
});

ruleTester.run('least-privilege (API-key calls use no scope)', leastPrivilege, {
  valid: [
    {
      name: 'an API-key list call does not make a broader scope look needed',
      code: `${OAUTH}
const pub = google.youtube({ version: 'v3', auth: process.env.YT_API_KEY });
export const search = () => pub.search.list({ part: ['snippet'], q: 'cats' });
`,
    },
  ],
  invalid: [],
});
