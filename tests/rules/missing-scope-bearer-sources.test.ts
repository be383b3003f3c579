import path from 'node:path';
import rule from '../../src/rules/missing-scope.ts';
import { FIXTURES, untypedRuleTester } from './rule-tester.ts';

// A raw request's bearer token that is not proven to come from the file's consent — a prebuilt
// `Authorization` value or `headers` object, a class field, a helper's parameter some call of the
// file fills with another token — is not judged by the file's consent scopes (review 4 H3).
// `auth.getRequestHeaders()` is that auth's. Real fixture module under tests/fixtures/bearer-sources.
const ruleTester = untypedRuleTester();
const AUTH = 'https://www.googleapis.com/auth';
const DIR = path.join(FIXTURES, 'bearer-sources');
const URL = '`https://www.googleapis.com/drive/v3/files/${id}`';
const CONSENT = `
import { google } from 'googleapis';
import { getServiceToken, serviceHeaders } from './sa.js';
const oauth2 = new google.auth.OAuth2(process.env.ID, process.env.SECRET, process.env.REDIRECT);
export const loginUrl = oauth2.generateAuthUrl({ scope: ['openid', '${AUTH}/drive.readonly'] });`;
const DELETE = { api: 'Drive', method: 'files.delete', accepted: 'drive', add: `\`${AUTH}/drive\`` };
const PARAMETER = `${CONSENT}
async function del(id, t) {
  await fetch(${URL}, { method: 'DELETE', headers: { Authorization: \`Bearer \${t}\` } });
}
export const remove = async (id, session) => del(id, session.accessToken);
`;
const HEADERS = `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/drive.readonly'] });
export async function remove(id: string) {
  const headers = await auth.getRequestHeaders();
  await fetch(${URL}, { method: 'DELETE', headers });
}
`;

ruleTester.run('missing-scope (where a bearer token comes from)', rule, {
  valid: [
    {
      name: 'an Authorization constant built from another function’s token',
      code: `${CONSENT}
export async function r1(id) {
  const authorization = \`Bearer \${await getServiceToken()}\`;
  await fetch(${URL}, { method: 'DELETE', headers: { Authorization: authorization } });
}
`,
      filename: path.join(DIR, 'a.js'),
    },
    {
      name: 'prebuilt headers from another function, TypeScript',
      code: `${CONSENT}
export async function r2(id: string) {
  const headers = await serviceHeaders();
  await fetch(${URL}, { method: 'DELETE', headers });
}
`,
      filename: path.join(DIR, 'a.ts'),
    },
    {
      name: 'headers spread from elsewhere',
      code: `${CONSENT}
export async function r2b(id, extra) {
  await fetch(${URL}, { method: 'DELETE', headers: { ...extra, Accept: 'application/json' } });
}
`,
      filename: path.join(DIR, 'a.js'),
    },
    {
      name: 'a class field some method sets',
      code: `${CONSENT}
export class Svc {
  async init() { this.token = await getServiceToken(); }
  async r4(id) {
    await fetch(${URL}, { method: 'DELETE', headers: { Authorization: \`Bearer \${this.token}\` } });
  }
}
`,
      filename: path.join(DIR, 'a.js'),
    },
    {
      name: 'a helper’s parameter a call of the file fills with a service token, TypeScript',
      code: `${CONSENT}
async function del(id: string, t: string) {
  await fetch(${URL}, { method: 'DELETE', headers: { Authorization: \`Bearer \${t}\` } });
}
export const r5 = async (id: string) => del(id, (await getServiceToken()) as string);
`,
      filename: path.join(DIR, 'a.ts'),
    },
  ],
  invalid: [
    {
      name: 'auth.getRequestHeaders() is that auth’s: judged and fixed there, TypeScript',
      code: HEADERS,
      output: HEADERS.replace(`'${AUTH}/drive.readonly'`, `'${AUTH}/drive.readonly', '${AUTH}/drive'`),
      filename: 'file.ts',
      errors: [
        {
          messageId: 'missingScope',
          line: 6,
          column: 9,
          data: { ...DELETE, requested: 'drive.readonly', source: 'the GoogleAuth on line 3', where: '' },
        },
      ],
    },
    {
      name: 'a parameter no call of the file gives another token: judged by the file’s consent, as before',
      code: PARAMETER,
      filename: path.join(DIR, 'a.js'),
      errors: [
        {
          messageId: 'missingScope',
          line: 7,
          column: 9,
          data: { ...DELETE, requested: 'openid and drive.readonly', source: 'this file', where: '' },
          suggestions: [
            {
              messageId: 'addScopes',
              data: { add: `\`${AUTH}/drive\`` },
              output: PARAMETER.replace(`'${AUTH}/drive.readonly'`, `'${AUTH}/drive.readonly', '${AUTH}/drive'`),
            },
          ],
        },
      ],
    },
  ],
});
