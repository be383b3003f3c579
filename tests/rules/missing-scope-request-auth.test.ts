import path from 'node:path';
import rule from '../../src/rules/missing-scope.ts';
import { FIXTURES, untypedRuleTester } from './rule-tester.ts';

// A per-request `auth` (googleapis-common apirequest.js:93 `params.auth || options.auth`) in a
// params/options object the analysis can't read makes the call's auth unknown: no report, and
// never a fix to the client's auth, which the call may not use (review 4 H6). Only an object
// read in full says "no auth here". Real fixture module under tests/fixtures/request-auth.
const ruleTester = untypedRuleTester();
const AUTH = 'https://www.googleapis.com/auth';
const DIR = path.join(FIXTURES, 'request-auth');
const DELETE = { api: 'Drive', method: 'files.delete', accepted: 'drive', requested: 'drive.readonly', add: `\`${AUTH}/drive\`` };
const CLIENTS = `
import { google } from 'googleapis';
const ro = new google.auth.GoogleAuth({ scopes: ['${AUTH}/drive.readonly'] });
const rw = new google.auth.GoogleAuth({ scopes: ['${AUTH}/drive'] });
const drive = google.drive({ version: 'v3', auth: ro });`;

ruleTester.run('missing-scope (per-request auth the analysis can’t read)', rule, {
  valid: [
    {
      name: 'options in a `let` another function reassigns',
      code: `${CLIENTS}
let opts = {};
export function admin() { opts = { auth: rw }; }
export const a = () => drive.files.delete({ fileId: 'x' }, opts);
`,
    },
    {
      name: 'an options constant written after its declaration',
      code: `${CLIENTS}
const o2 = {};
o2.auth = rw;
export const b = () => drive.files.delete({ fileId: 'x' }, o2);
`,
    },
    {
      name: 'a params constant written after its declaration, TypeScript',
      code: `${CLIENTS}
const p3: Record<string, unknown> = { fileId: 'x' };
p3.auth = rw;
export const c = () => drive.files.delete(p3 as { fileId: string });
`,
      filename: 'file.ts',
    },
    {
      name: 'a params constant written at a computed key, which may be `auth`',
      code: `${CLIENTS}
const p4 = { fileId: 'x' };
p4[process.env.KEY] = rw;
export const d = () => drive.files.delete(p4);
`,
    },
    {
      name: 'options made by Object.assign',
      code: `${CLIENTS}
export const f = () => drive.files.delete({ fileId: 'x' }, Object.assign({}, { auth: rw }));
`,
    },
    {
      name: 'params made by Object.assign',
      code: `${CLIENTS}
export const g = () => drive.files.delete(Object.assign({ fileId: 'x' }, { auth: rw }));
`,
    },
    {
      name: 'params made by a helper, TypeScript',
      code: `${CLIENTS}
const withAuth = (p: { fileId: string }) => ({ ...p, auth: rw });
export const h = () => drive.files.delete(withAuth({ fileId: 'x' }));
`,
      filename: 'file.ts',
    },
    {
      name: 'options passed in as a parameter (review 3 c1)',
      code: `${CLIENTS}
export const i = (o) => drive.files.delete({ fileId: 'x' }, o);
`,
    },
    {
      name: 'options another module writes into (fixture module)',
      code: `${CLIENTS}
import { ADMIN } from './options.js';
export const j = () => drive.files.delete({ fileId: 'x' }, ADMIN);
`,
      filename: path.join(DIR, 'a.js'),
    },
  ],
  invalid: [
    {
      // Corpus (server-gdrive, shinzolabs): a later line adds another key, which can't be \`auth\`.
      name: 'a params constant written at another named key afterwards: read in full',
      code: `${CLIENTS}
const params = { fileId: 'x' };
if (process.env.ALL) params.supportsAllDrives = true;
export const a = () => drive.files.delete(params);
`,
      output: `
import { google } from 'googleapis';
const ro = new google.auth.GoogleAuth({ scopes: ['${AUTH}/drive.readonly', '${AUTH}/drive'] });
const rw = new google.auth.GoogleAuth({ scopes: ['${AUTH}/drive'] });
const drive = google.drive({ version: 'v3', auth: ro });
const params = { fileId: 'x' };
if (process.env.ALL) params.supportsAllDrives = true;
export const a = () => drive.files.delete(params);
`,
      errors: [{ messageId: 'missingScope', line: 8, column: 24, data: { ...DELETE, source: 'the GoogleAuth on line 3', where: '' } }],
    },
    {
      name: 'a params constant written at other keys, nested too, TypeScript',
      code: `${CLIENTS}
const p: { fileId: string; fields?: string; requestBody: { name?: string } } = { fileId: 'x', requestBody: {} };
p.fields = 'id';
p.requestBody.name = 'n';
export const b = () => drive.files.delete(p);
`,
      output: `
import { google } from 'googleapis';
const ro = new google.auth.GoogleAuth({ scopes: ['${AUTH}/drive.readonly', '${AUTH}/drive'] });
const rw = new google.auth.GoogleAuth({ scopes: ['${AUTH}/drive'] });
const drive = google.drive({ version: 'v3', auth: ro });
const p: { fileId: string; fields?: string; requestBody: { name?: string } } = { fileId: 'x', requestBody: {} };
p.fields = 'id';
p.requestBody.name = 'n';
export const b = () => drive.files.delete(p);
`,
      filename: 'file.ts',
      errors: [{ messageId: 'missingScope', line: 9, column: 24, data: { ...DELETE, source: 'the GoogleAuth on line 3', where: '' } }],
    },
    {
      name: 'an options constant read in full: no per-request auth',
      code: `${CLIENTS}
const opts = { timeout: 5000 };
export const a = () => drive.files.delete({ fileId: 'x' }, opts);
`,
      output: `
import { google } from 'googleapis';
const ro = new google.auth.GoogleAuth({ scopes: ['${AUTH}/drive.readonly', '${AUTH}/drive'] });
const rw = new google.auth.GoogleAuth({ scopes: ['${AUTH}/drive'] });
const drive = google.drive({ version: 'v3', auth: ro });
const opts = { timeout: 5000 };
export const a = () => drive.files.delete({ fileId: 'x' }, opts);
`,
      errors: [{ messageId: 'missingScope', line: 7, column: 24, data: { ...DELETE, source: 'the GoogleAuth on line 3', where: '' } }],
    },
    {
      name: 'no options at all, and `undefined` options, TypeScript',
      code: `${CLIENTS}
export const a = () => drive.files.delete({ fileId: 'x' }, undefined);
`,
      output: `
import { google } from 'googleapis';
const ro = new google.auth.GoogleAuth({ scopes: ['${AUTH}/drive.readonly', '${AUTH}/drive'] });
const rw = new google.auth.GoogleAuth({ scopes: ['${AUTH}/drive'] });
const drive = google.drive({ version: 'v3', auth: ro });
export const a = () => drive.files.delete({ fileId: 'x' }, undefined);
`,
      filename: 'file.ts',
      errors: [{ messageId: 'missingScope', line: 6, column: 24, data: { ...DELETE, source: 'the GoogleAuth on line 3', where: '' } }],
    },
    {
      name: 'a callback second argument is no options',
      code: `${CLIENTS}
function done(err) { if (err) throw err; }
export const a = () => drive.files.delete({ fileId: 'x' }, done);
`,
      output: `
import { google } from 'googleapis';
const ro = new google.auth.GoogleAuth({ scopes: ['${AUTH}/drive.readonly', '${AUTH}/drive'] });
const rw = new google.auth.GoogleAuth({ scopes: ['${AUTH}/drive'] });
const drive = google.drive({ version: 'v3', auth: ro });
function done(err) { if (err) throw err; }
export const a = () => drive.files.delete({ fileId: 'x' }, done);
`,
      errors: [{ messageId: 'missingScope', line: 7, column: 24, data: { ...DELETE, source: 'the GoogleAuth on line 3', where: '' } }],
    },
    {
      name: 'options another module exports, read in full (fixture module)',
      code: `${CLIENTS}
import { TIMEOUTS } from './options.js';
export const a = () => drive.files.delete({ fileId: 'x' }, TIMEOUTS);
`,
      output: `
import { google } from 'googleapis';
const ro = new google.auth.GoogleAuth({ scopes: ['${AUTH}/drive.readonly', '${AUTH}/drive'] });
const rw = new google.auth.GoogleAuth({ scopes: ['${AUTH}/drive'] });
const drive = google.drive({ version: 'v3', auth: ro });
import { TIMEOUTS } from './options.js';
export const a = () => drive.files.delete({ fileId: 'x' }, TIMEOUTS);
`,
      filename: path.join(DIR, 'a.js'),
      errors: [{ messageId: 'missingScope', line: 7, column: 24, data: { ...DELETE, source: 'the GoogleAuth on line 3', where: '' } }],
    },
    {
      name: 'a per-request auth written in the call is judged (the client’s is not used)',
      code: `${CLIENTS}
export const a = () => drive.files.delete({ fileId: 'x' }, { auth: ro });
`,
      output: `
import { google } from 'googleapis';
const ro = new google.auth.GoogleAuth({ scopes: ['${AUTH}/drive.readonly', '${AUTH}/drive'] });
const rw = new google.auth.GoogleAuth({ scopes: ['${AUTH}/drive'] });
const drive = google.drive({ version: 'v3', auth: ro });
export const a = () => drive.files.delete({ fileId: 'x' }, { auth: ro });
`,
      errors: [{ messageId: 'missingScope', line: 6, column: 24, data: { ...DELETE, source: 'the GoogleAuth on line 3', where: '' } }],
    },
  ],
});
