import path from 'node:path';
import rule from '../../src/rules/missing-scope.ts';
import { FIXTURES, untypedRuleTester } from './rule-tester.ts';

// A scope list or options object written through another name — an alias, a destructured part, a
// same-file helper it is passed to, `.push.apply`/`Array.prototype.push.call` — is unknown: no
// report, no fix (review 4 H2). Read-only uses keep it known. Real fixture module under
// tests/fixtures/aliased-writes.
const ruleTester = untypedRuleTester();
const AUTH = 'https://www.googleapis.com/auth';
const DIR = path.join(FIXTURES, 'aliased-writes');
const RO = `'${AUTH}/drive.readonly'`;
const RW = `'${AUTH}/drive'`;
const DELETE = { api: 'Drive', method: 'files.delete', accepted: 'drive', requested: 'drive.readonly', add: `\`${AUTH}/drive\`` };
const CALL = "export const del = () => google.drive({ version: 'v3', auth }).files.delete({ fileId: 'x' });";

ruleTester.run('missing-scope (writes through another name)', rule, {
  valid: [
    {
      name: 'an alias of the list is pushed to',
      code: `
import { google } from 'googleapis';
const SCOPES = [${RO}];
const list = SCOPES;
if (process.env.W) list.push(${RW});
const auth = new google.auth.GoogleAuth({ scopes: SCOPES });
${CALL}
`,
    },
    {
      name: 'a same-file helper pushes to its parameter, TypeScript',
      code: `
import { google } from 'googleapis';
const SCOPES: string[] = [${RO}];
function enableWrite(arr: string[]) { arr.push(${RW}); }
if (process.env.W) enableWrite(SCOPES);
const auth = new google.auth.GoogleAuth({ scopes: SCOPES });
${CALL}
`,
      filename: 'file.ts',
    },
    {
      name: 'a helper passes it on to one that writes (arrow functions)',
      code: `
import { google } from 'googleapis';
const SCOPES = [${RO}];
const widen = (list) => list.splice(0, 1, ${RW});
const maybeWiden = (list) => { if (process.env.W) widen(list); };
maybeWiden(SCOPES);
const auth = new google.auth.GoogleAuth({ scopes: SCOPES });
${CALL}
`,
    },
    {
      name: 'an alias of the options object replaces its scopes',
      code: `
import { google } from 'googleapis';
const opts = { scopes: [${RO}] };
const o = opts;
o.scopes = [${RW}];
const auth = new google.auth.GoogleAuth(opts);
${CALL}
`,
    },
    {
      name: 'a destructured part of the options is spliced, TypeScript',
      code: `
import { google } from 'googleapis';
const opts = { scopes: [${RO}] };
const { scopes: list } = opts;
list.splice(0, 1, ${RW});
const auth = new google.auth.GoogleAuth(opts);
${CALL}
`,
      filename: 'file.ts',
    },
    {
      name: 'Array.prototype.push.call',
      code: `
import { google } from 'googleapis';
const SCOPES = [${RO}];
Array.prototype.push.call(SCOPES, ${RW});
const auth = new google.auth.GoogleAuth({ scopes: SCOPES });
${CALL}
`,
    },
    {
      name: 'SCOPES.push.apply(SCOPES, EXTRA) and splice.call',
      code: `
import { google } from 'googleapis';
const SCOPES = [${RO}];
const EXTRA = [${RW}];
if (process.env.W) SCOPES.push.apply(SCOPES, EXTRA);
const S2 = [${RO}];
S2.splice.call(S2, 1, 0, ...EXTRA);
const auth = new google.auth.GoogleAuth({ scopes: [...SCOPES, ...S2] });
${CALL}
`,
    },
    {
      name: 'kept in a field of another object, or returned to callers',
      code: `
import { google } from 'googleapis';
const SCOPES = [${RO}];
export const config = {};
config.scopes = SCOPES;
const S2 = [${RO}];
export function scopes() { return S2; }
const auth = new google.auth.GoogleAuth({ scopes: [...SCOPES, ...S2] });
${CALL}
`,
    },
    {
      name: 'an imported list aliased and pushed to here (fixture module)',
      code: `
import { google } from 'googleapis';
import { SCOPES } from './scopes.js';
const list = SCOPES;
list.push(${RW});
const auth = new google.auth.GoogleAuth({ scopes: SCOPES });
${CALL}
`,
      filename: path.join(DIR, 'a.js'),
    },
  ],
  invalid: [
    {
      name: 'read-only uses keep the list known: console.log, join, spread, a reading helper, an options const',
      code: `
import { google } from 'googleapis';
const SCOPES = [${RO}];
console.log(SCOPES.join(' '), [...SCOPES], SCOPES.length, \`\${SCOPES}\`);
function count(list) { return list.filter((scope) => scope.endsWith('.readonly')).length; }
count(SCOPES);
const options = { scopes: SCOPES };
const auth = new google.auth.GoogleAuth(options);
${CALL}
`,
      output: `
import { google } from 'googleapis';
const SCOPES = [${RO}, ${RW}];
console.log(SCOPES.join(' '), [...SCOPES], SCOPES.length, \`\${SCOPES}\`);
function count(list) { return list.filter((scope) => scope.endsWith('.readonly')).length; }
count(SCOPES);
const options = { scopes: SCOPES };
const auth = new google.auth.GoogleAuth(options);
${CALL}
`,
      errors: [
        { messageId: 'missingScope', line: 9, column: 26, data: { ...DELETE, source: 'the GoogleAuth on line 8', where: ' to `SCOPES`' } },
      ],
    },
    {
      name: 'an imported list only read here (fixture module), TypeScript',
      code: `
import { google } from 'googleapis';
import { SCOPES } from './scopes.js';
const first: string | undefined = SCOPES[0];
console.log(first, SCOPES.includes('x'));
const auth = new google.auth.GoogleAuth({ scopes: SCOPES });
${CALL}
`,
      output: null,
      filename: path.join(DIR, 'a.ts'),
      errors: [
        {
          messageId: 'missingScope',
          line: 7,
          column: 26,
          data: { ...DELETE, source: 'the GoogleAuth on line 6', where: ' to `SCOPES` in ./scopes.js' },
        },
      ],
    },
  ],
});
