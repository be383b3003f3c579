import path from 'node:path';
import rule from '../../src/rules/missing-scope.ts';
import { FIXTURES, untypedRuleTester } from './rule-tester.ts';

// Scopes (and per-request auth) the code may change in ways the analysis can't read are unknown:
// no report, no fix (review 3: H2, H3, H4, H10, H12, H8). Real fixture modules under
// tests/fixtures/unknown-sources.
const ruleTester = untypedRuleTester();
const AUTH = 'https://www.googleapis.com/auth';
const DIR = path.join(FIXTURES, 'unknown-sources');
const RO = `'${AUTH}/drive.readonly'`;
const DELETE = { api: 'Drive', method: 'files.delete', accepted: 'drive', requested: 'drive.readonly', add: `\`${AUTH}/drive\`` };

ruleTester.run('missing-scope (unknown scope sources)', rule, {
  valid: [
    {
      name: 'H2: a spread of an unknown config after `scopes` may replace them',
      code: `
import { google } from 'googleapis';
import { loadConfig } from './config.js';
const cfg = loadConfig();
const auth = new google.auth.GoogleAuth({ scopes: [${RO}], ...cfg.google });
await google.drive({ version: 'v3', auth }).files.delete({ fileId: 'x' });
`,
      filename: path.join(DIR, 'a.js'),
    },
    {
      name: "H2: a factory's `...opts` after `scopes` (the caller passes its own scopes)",
      code: `
import { google } from 'googleapis';
function makeAuth(opts) {
  return new google.auth.GoogleAuth({ scopes: [${RO}], ...opts });
}
const auth = makeAuth({ scopes: ['${AUTH}/drive'] });
await google.drive({ version: 'v3', auth }).files.delete({ fileId: 'x' });
`,
    },
    {
      name: "H2: a factory's `...opts` with a default, TypeScript",
      code: `
import { google } from 'googleapis';
function makeAuth(opts: { scopes?: string[] } = {}) {
  return new google.auth.GoogleAuth({ scopes: [${RO}], ...opts });
}
const auth = makeAuth({ scopes: ['${AUTH}/drive'] });
await google.drive({ version: 'v3', auth }).files.delete({ fileId: 'x' });
`,
      filename: 'file.ts',
    },
    {
      name: 'H3: Object.assign into the options object changes its scopes',
      code: `
import { google } from 'googleapis';
const options = { keyFile: 'sa.json', scopes: [${RO}] };
if (process.argv.includes('--write')) Object.assign(options, { scopes: ['${AUTH}/drive'] });
const auth = new google.auth.GoogleAuth(options);
await google.drive({ version: 'v3', auth }).files.delete({ fileId: process.argv[2] });
`,
    },
    {
      name: "H3: the options' scopes array pushed to (CommonJS)",
      code: `
const { google } = require('googleapis');
const options = { scopes: [${RO}] };
if (process.env.WRITE) options.scopes.push('${AUTH}/drive');
const auth = new google.auth.GoogleAuth(options);
google.drive({ version: 'v3', auth }).files.delete({ fileId: 'x' });
`,
    },
    {
      name: "H3b: the auth object's own scopes pushed to (JWT keeps the array)",
      code: `
import { google } from 'googleapis';
const jwt = new google.auth.JWT({ email: 'e', key: 'k', scopes: [${RO}] });
jwt.scopes.push('${AUTH}/drive');
export const b = () => google.drive({ version: 'v3', auth: jwt }).files.delete({ fileId: 'x' });
`,
    },
    {
      name: 'H3b: Object.assign into the auth object, TypeScript',
      code: `
import { google } from 'googleapis';
const jwt = new google.auth.JWT({ email: 'e', key: 'k', scopes: [${RO}] });
Object.assign(jwt as object, { scopes: ['${AUTH}/drive'] });
export const b = () => google.drive({ version: 'v3', auth: jwt }).files.delete({ fileId: 'x' });
`,
      filename: 'file.ts',
    },
    {
      name: 'H4: per-request auth in a const options object (the client auth is not used)',
      code: `
import { google } from 'googleapis';
const ro = new google.auth.GoogleAuth({ scopes: [${RO}] });
const rw = new google.auth.GoogleAuth({ scopes: ['${AUTH}/drive'] });
const drive = google.drive({ version: 'v3', auth: ro });
const opts = { auth: rw };
export const c = () => drive.files.delete({ fileId: 'x' }, opts);
`,
    },
    {
      name: 'H4: per-request auth in a const parameters object (CommonJS)',
      code: `
const { google } = require('googleapis');
const ro = new google.auth.GoogleAuth({ scopes: [${RO}] });
const rw = new google.auth.GoogleAuth({ scopes: ['${AUTH}/drive'] });
const drive = google.drive({ version: 'v3', auth: ro });
const params = { fileId: 'x', auth: rw };
exports.g = () => drive.files.delete(params);
`,
    },
    {
      name: 'H4: parameters spread from an unknown object may carry an auth, TypeScript',
      code: `
import { google } from 'googleapis';
const ro = new google.auth.GoogleAuth({ scopes: [${RO}] });
const drive = google.drive({ version: 'v3', auth: ro });
export const d = (id: string, extra: object) => drive.files.delete({ fileId: id, ...extra });
`,
      filename: 'file.ts',
    },
    {
      name: 'H10: an imported list its CommonJS module pushes to',
      code: `
const { google } = require('googleapis');
const { SCOPES } = require('./scopes.cjs');
const auth = new google.auth.GoogleAuth({ scopes: SCOPES });
google.drive({ version: 'v3', auth }).files.delete({ fileId: 'x' });
`,
      filename: path.join(DIR, 'a.js'),
    },
    {
      name: 'H10: an imported list its ES module pushes to in an exported function, TypeScript',
      code: `
import { google } from 'googleapis';
import { SCOPES } from './scopes-mutable.mjs';
const auth = new google.auth.GoogleAuth({ scopes: SCOPES });
await google.drive({ version: 'v3', auth }).files.delete({ fileId: 'x' });
`,
      filename: path.join(DIR, 'a.ts'),
    },
    {
      name: 'H12: an API key held in an imported config object (ESM, a field of an exported const)',
      code: `
import { google } from 'googleapis';
import { cfg } from './cfg.js';
const oauth2 = new google.auth.OAuth2(process.env.ID, process.env.SECRET, process.env.REDIRECT);
export const url = oauth2.generateAuthUrl({ scope: ['${AUTH}/youtube.upload'] });
const pub = google.youtube({ version: 'v3', auth: cfg.YOUTUBE_KEY_PROD });
export const stats = (id) => pub.videos.list({ part: ['statistics'], id: [id] });
export const dev = (id) => google.youtube({ version: 'v3', auth: cfg.YT_DEVELOPER_TOKEN }).videos.list({ part: ['statistics'], id: [id] });
`,
      filename: path.join(DIR, 'a.js'),
    },
    {
      name: 'H12: an API key in a CommonJS config and in a local config object, TypeScript',
      code: `
import { google } from 'googleapis';
import config from './cfg.cjs';
const local = { yt: { prod: process.env.K } };
const oauth2 = new google.auth.OAuth2(process.env.ID, process.env.SECRET, process.env.REDIRECT);
export const url = oauth2.generateAuthUrl({ scope: ['${AUTH}/youtube.upload'] });
export const a = (id: string) => google.youtube({ version: 'v3', auth: config.YT_TOKEN }).videos.list({ part: ['statistics'], id: [id] });
export const b = (id: string) => google.youtube({ version: 'v3', auth: local.yt.prod }).videos.list({ part: ['statistics'], id: [id] });
`,
      filename: path.join(DIR, 'a.ts'),
    },
    {
      name: "H8: a REST call's bearer token from an imported function is not this file's consent",
      code: `
import { google } from 'googleapis';
import { getServiceToken } from './sa.js';
const oauth2 = new google.auth.OAuth2(process.env.ID, process.env.SECRET, process.env.REDIRECT);
export const loginUrl = oauth2.generateAuthUrl({ scope: ['openid', 'email', ${RO}] });
export async function removeShared(id) {
  const token = await getServiceToken();
  await fetch(\`https://www.googleapis.com/drive/v3/files/\${id}\`, { method: 'DELETE', headers: { Authorization: \`Bearer \${token}\` } });
}
`,
      filename: path.join(DIR, 'a.js'),
    },
    {
      name: "H8: a bearer token from a local function's result (another auth), TypeScript",
      code: `
import { google } from 'googleapis';
import { GoogleAuth } from 'google-auth-library';
const sa = new GoogleAuth({ scopes: ['${AUTH}/drive'] });
const token = async (): Promise<string> => (await sa.getAccessToken()) ?? '';
const auth = new google.auth.GoogleAuth({ scopes: [${RO}] });
export const list = () => google.drive({ version: 'v3', auth }).files.list({});
export async function remove(id: string) {
  await fetch('https://www.googleapis.com/drive/v3/files/' + id, { method: 'DELETE', headers: { Authorization: 'Bearer ' + (await token()) } });
}
`,
      filename: 'file.ts',
    },
    {
      name: 'H8: a bearer token traced to an auth that requests the scope',
      code: `
import { google } from 'googleapis';
const ro = new google.auth.GoogleAuth({ scopes: [${RO}] });
const rw = new google.auth.GoogleAuth({ scopes: ['${AUTH}/drive'] });
export const list = () => google.drive({ version: 'v3', auth: ro }).files.list({});
export async function remove(id) {
  const { token } = await rw.getAccessToken();
  await fetch(\`https://www.googleapis.com/drive/v3/files/\${id}\`, { method: 'DELETE', headers: { Authorization: \`Bearer \${token}\` } });
}
`,
    },
  ],
  invalid: [
    {
      name: 'H2: a spread BEFORE `scopes` cannot replace them',
      code: `
import { google } from 'googleapis';
import { loadConfig } from './config.js';
const cfg = loadConfig();
const auth = new google.auth.GoogleAuth({ ...cfg.google, scopes: [${RO}] });
await google.drive({ version: 'v3', auth }).files.delete({ fileId: 'x' });
`,
      output: `
import { google } from 'googleapis';
import { loadConfig } from './config.js';
const cfg = loadConfig();
const auth = new google.auth.GoogleAuth({ ...cfg.google, scopes: [${RO}, '${AUTH}/drive'] });
await google.drive({ version: 'v3', auth }).files.delete({ fileId: 'x' });
`,
      filename: path.join(DIR, 'a.js'),
      errors: [{ messageId: 'missingScope', line: 6, column: 7, data: { ...DELETE, source: 'the GoogleAuth on line 5', where: '' } }],
    },
    {
      name: 'H2: a spread of a known object without `scopes` leaves them known',
      code: `
import { google } from 'googleapis';
const base = { keyFile: 'sa.json' };
function makeAuth(opts = {}) {
  return new google.auth.GoogleAuth({ scopes: [${RO}], ...base, ...opts });
}
const auth = makeAuth();
await google.drive({ version: 'v3', auth }).files.delete({ fileId: 'x' });
`,
      output: `
import { google } from 'googleapis';
const base = { keyFile: 'sa.json' };
function makeAuth(opts = {}) {
  return new google.auth.GoogleAuth({ scopes: [${RO}, '${AUTH}/drive'], ...base, ...opts });
}
const auth = makeAuth();
await google.drive({ version: 'v3', auth }).files.delete({ fileId: 'x' });
`,
      errors: [{ messageId: 'missingScope', line: 8, column: 7, data: { ...DELETE, source: 'the GoogleAuth on line 5', where: '' } }],
    },
    {
      name: 'H3: Object.assign into a copy leaves the options known',
      code: `
import { google } from 'googleapis';
const options = { scopes: [${RO}] };
const copy = Object.assign({}, options, { subject: 'a@b.c' });
const auth = new google.auth.GoogleAuth(options);
await google.drive({ version: 'v3', auth }).files.delete({ fileId: 'x' });
`,
      output: `
import { google } from 'googleapis';
const options = { scopes: [${RO}, '${AUTH}/drive'] };
const copy = Object.assign({}, options, { subject: 'a@b.c' });
const auth = new google.auth.GoogleAuth(options);
await google.drive({ version: 'v3', auth }).files.delete({ fileId: 'x' });
`,
      errors: [{ messageId: 'missingScope', line: 6, column: 7, data: { ...DELETE, source: 'the GoogleAuth on line 5', where: '' } }],
    },
    {
      name: 'H4: a per-request auth in a const is judged, and its own scopes are what the fix edits',
      code: `
import { google } from 'googleapis';
const rw = new google.auth.GoogleAuth({ scopes: ['${AUTH}/drive'] });
const ro = new google.auth.GoogleAuth({ scopes: [${RO}] });
const drive = google.drive({ version: 'v3', auth: rw });
const params = { fileId: 'x', auth: ro };
export const g = () => drive.files.delete(params);
`,
      output: `
import { google } from 'googleapis';
const rw = new google.auth.GoogleAuth({ scopes: ['${AUTH}/drive'] });
const ro = new google.auth.GoogleAuth({ scopes: [${RO}, '${AUTH}/drive'] });
const drive = google.drive({ version: 'v3', auth: rw });
const params = { fileId: 'x', auth: ro };
export const g = () => drive.files.delete(params);
`,
      errors: [{ messageId: 'missingScope', line: 7, column: 24, data: { ...DELETE, source: 'the GoogleAuth on line 4', where: '' } }],
    },
    {
      name: 'H10: an imported list its module never writes into is judged (a sorted copy is no write)',
      code: `
import { google } from 'googleapis';
import { SCOPES } from './scopes-fixed.mjs';
const auth = new google.auth.GoogleAuth({ scopes: SCOPES });
await google.drive({ version: 'v3', auth }).files.delete({ fileId: 'x' });
`,
      output: null,
      filename: path.join(DIR, 'a.js'),
      errors: [
        {
          messageId: 'missingScope',
          line: 5,
          column: 7,
          data: { ...DELETE, source: 'the GoogleAuth on line 4', where: ' to `SCOPES` in ./scopes-fixed.mjs' },
        },
      ],
    },
    {
      name: 'H8: a bearer token traced to its auth in the same file is judged, and fixed, by that auth (review 3 rt1)',
      code: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/spreadsheets'] });
export const read = (id) => google.sheets({ version: 'v4', auth }).spreadsheets.values.get({ spreadsheetId: id, range: 'A1' });
export async function purge(id) {
  const token = await auth.getAccessToken();
  await fetch(\`https://www.googleapis.com/drive/v3/files/\${id}\`, { method: 'DELETE', headers: { Authorization: \`Bearer \${token}\` } });
}
`,
      output: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/spreadsheets', '${AUTH}/drive'] });
export const read = (id) => google.sheets({ version: 'v4', auth }).spreadsheets.values.get({ spreadsheetId: id, range: 'A1' });
export async function purge(id) {
  const token = await auth.getAccessToken();
  await fetch(\`https://www.googleapis.com/drive/v3/files/\${id}\`, { method: 'DELETE', headers: { Authorization: \`Bearer \${token}\` } });
}
`,
      errors: [
        {
          messageId: 'missingScope',
          line: 7,
          column: 9,
          data: { ...DELETE, requested: 'spreadsheets', source: 'the GoogleAuth on line 3', where: '' },
        },
      ],
    },
  ],
});
