import fs from 'node:fs';
import path from 'node:path';
import rule from '../../src/rules/missing-scope.ts';
import { FIXTURES, untypedRuleTester } from './rule-tester.ts';

// REST calls made through a helper that appends a path to a base (issue 14 item 3): the helper's
// caller is the operation, its arguments fill in the URL and the verb. Fixtures under
// tests/fixtures/reach/rest-helper*: the helper module is read from disk, the linted file is the
// fixture's own text. Also `url.href`, `url.toString()` and `String(url)` of a `new URL(…)`.
const ruleTester = untypedRuleTester();
const AUTH = 'https://www.googleapis.com/auth';
const REACH = path.join(FIXTURES, 'reach');
const MAIL = '`https://mail.google.com/`';
const READONLY = `'${AUTH}/gmail.readonly'`;
const WITH_MAIL = `'${AUTH}/gmail.readonly', 'https://mail.google.com/'`;

function fixture(...parts: string[]): { code: string; filename: string } {
  const filename = path.join(REACH, ...parts);
  return { code: fs.readFileSync(filename, 'utf8'), filename };
}

/** The error of a failing call whose only fix is a suggestion adding https://mail.google.com/ to SCOPES. */
function needsMail(code: string, line: number, column: number, method: string, accepted: string) {
  return {
    messageId: 'missingScope' as const,
    line,
    column,
    data: { api: 'Gmail', method, accepted, source: 'this file', requested: 'gmail.readonly', add: MAIL, where: ' to `SCOPES`' },
    suggestions: [{ messageId: 'addScopes' as const, data: { add: MAIL }, output: code.replace(READONLY, WITH_MAIL) }],
  };
}

const imported = fixture('rest-helper', 'cleanup.js');
const local = fixture('rest-helper-ts', 'src', 'gmail.ts');
const legacy = fixture('rest-helper', 'legacy.cjs');
const URL_CODE = `
import { google } from 'googleapis';
export const SCOPES = [${READONLY}];
export async function purge(ids) {
  const url = new URL('/gmail/v1/users/me/messages/batchDelete', 'https://gmail.googleapis.com');
  await fetch(url.href, { method: 'POST', body: JSON.stringify({ ids }) });
  await fetch(url.toString(), { method: 'POST', body: JSON.stringify({ ids }) });
  await fetch(String(url), { method: 'POST', body: JSON.stringify({ ids }) });
}
`;

ruleTester.run('missing-scope (REST helpers)', rule, {
  valid: [
    {
      name: 'a helper whose verb comes from an argument the caller does not show, on a path several verbs share',
      code: `
import { gmailCall } from './gmail-fetch.js';
export const SCOPES = [${READONLY}];
export const remove = (token, id, verb) => gmailCall(\`/messages/\${id}\`, token, verb);
`,
      filename: imported.filename,
    },
    {
      name: 'a helper whose options the caller passes unseen: the verb is unknown on a path several verbs share',
      code: `
import { gmailFetch } from './gmail-fetch.js';
export const SCOPES = [${READONLY}];
export const remove = (token, id, init) => gmailFetch(\`/messages/\${id}\`, token, init);
`,
      filename: imported.filename,
    },
    {
      name: 'a local helper with two requests is ambiguous',
      code: `
import { google } from 'googleapis';
export const SCOPES = [${READONLY}];
const BASE = 'https://gmail.googleapis.com/gmail/v1/users/me';
function call(path, post) {
  return post ? fetch(BASE + path, { method: 'POST' }) : fetch(BASE + path, { method: 'DELETE' });
}
export const purge = () => call('/messages/batchDelete', true);
`,
    },
    {
      name: 'a URL object whose path is changed, or whose value is unknown, is not read',
      code: `
import { google } from 'googleapis';
export const SCOPES = [${READONLY}];
export async function purge(other) {
  const url = new URL('/gmail/v1/users/me/messages/batchDelete', 'https://gmail.googleapis.com');
  url.pathname = other;
  await fetch(url.href, { method: 'POST' });
  await fetch(String(other), { method: 'POST' });
}
`,
    },
  ],
  invalid: [
    {
      name: 'helpers imported from another module (JS): a base constant + path, a spread init, a fixed POST, a method argument',
      ...imported,
      errors: [
        needsMail(imported.code, 6, 9, 'users.messages.batchDelete', 'https://mail.google.com/'),
        needsMail(imported.code, 7, 9, 'users.messages.batchDelete', 'https://mail.google.com/'),
        needsMail(imported.code, 9, 9, 'users.messages.delete', 'https://mail.google.com/'),
        // Verb unknown, but only batchDelete has that path.
        needsMail(imported.code, 11, 9, 'users.messages.batchDelete', 'https://mail.google.com/'),
      ],
    },
    {
      name: 'a CommonJS helper (`module.exports = { gmailRequest }`, `api.request({ url, method })`) required with destructuring',
      ...legacy,
      errors: [
        {
          messageId: 'missingScope',
          line: 6,
          column: 9,
          data: {
            api: 'Gmail',
            method: 'users.messages.modify',
            accepted: 'gmail.modify or broader',
            source: 'this file',
            requested: 'gmail.readonly',
            add: `\`${AUTH}/gmail.modify\``,
            where: ' to `SCOPES`',
          },
          suggestions: [
            {
              messageId: 'addScopes',
              data: { add: `\`${AUTH}/gmail.modify\`` },
              output: legacy.code.replace(READONLY, `${READONLY}, '${AUTH}/gmail.modify'`),
            },
          ],
        },
      ],
    },
    {
      name: 'local helpers (TS): an arrow function with an optional init, a class method whose verb is a parameter, new URL(…).href',
      ...local,
      errors: [
        needsMail(local.code, 17, 11, 'users.messages.trash', 'gmail.modify or broader'),
        needsMail(local.code, 18, 11, 'users.threads.delete', 'https://mail.google.com/'),
      ],
    },
    {
      name: 'url.href, url.toString() and String(url) of a new URL with a known origin',
      code: URL_CODE,
      errors: [
        needsMail(URL_CODE, 6, 9, 'users.messages.batchDelete', 'https://mail.google.com/'),
        needsMail(URL_CODE, 7, 9, 'users.messages.batchDelete', 'https://mail.google.com/'),
        needsMail(URL_CODE, 8, 9, 'users.messages.batchDelete', 'https://mail.google.com/'),
      ],
    },
  ],
});
