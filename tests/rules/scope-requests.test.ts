/**
 * What counts as a scope request (src/google/scope-requests.ts): checks, lookup keys and
 * messages never feed the untraced-client fallback, and no fix edits them.
 */
import missingScope from '../../src/rules/missing-scope.ts';
import { untypedRuleTester } from './rule-tester.ts';

const ruleTester = untypedRuleTester();
const AUTH = 'https://www.googleapis.com/auth';
const SEND_ACCEPTS = 'gmail.send or broader';

ruleTester.run('missing-scope: only scope requests feed the fallback', missingScope, {
  valid: [
    {
      name: 'a granted-scope check with includes() is not a request (it used to become an always-throwing check)',
      code: `
import { google } from 'googleapis';
export async function send(gmail, info, raw) {
  if (!info.scopes.includes('${AUTH}/gmail.readonly')) throw new Error('missing scope');
  await gmail.users.messages.send({ userId: 'me', requestBody: { raw } });
}
`,
    },
    {
      name: 'a REQUIRED_SCOPE constant compared with includes() is not a request',
      code: `
import { google } from 'googleapis';
const REQUIRED_SCOPE = '${AUTH}/gmail.readonly';
export async function send(gmail, granted, raw) {
  if (!granted.includes(REQUIRED_SCOPE)) throw new Error(\`Grant \${REQUIRED_SCOPE} first\`);
  await gmail.users.messages.send({ userId: 'me', requestBody: { raw } });
}
`,
    },
    {
      name: 'the keys of a SCOPE_LABELS lookup object are not requests',
      code: `
import { google } from 'googleapis';
const SCOPE_LABELS = {
  '${AUTH}/gmail.readonly': 'Read your mail',
  '${AUTH}/gmail.labels': 'Manage labels',
};
export const describe = (scope) => SCOPE_LABELS[scope] ?? scope;
export async function send(gmail, raw) {
  await gmail.users.messages.send({ userId: 'me', requestBody: { raw } });
}
`,
    },
    {
      name: 'switch cases, comparisons, log and error text are not requests',
      code: `
import { google } from 'googleapis';
export function label(scope) {
  switch (scope) {
    case '${AUTH}/gmail.readonly': return 'read';
    default: return scope === '${AUTH}/gmail.labels' ? 'labels' : 'other';
  }
}
export async function send(gmail, raw) {
  console.warn('needs ${AUTH}/gmail.readonly');
  await gmail.users.messages.send({ userId: 'me', requestBody: { raw } });
}
`,
    },
  ],
  invalid: [
    {
      name: 'beside a check, the fallback is the real request and its edit is a suggestion, never the includes() argument',
      code: `
import { google } from 'googleapis';
const SCOPES = ['${AUTH}/gmail.readonly'];
export const authUrl = (client) => client.generateAuthUrl({ scope: SCOPES });
export async function send(gmail, info, raw) {
  if (!info.scopes.includes('${AUTH}/gmail.readonly')) throw new Error('missing scope');
  await gmail.users.messages.send({ userId: 'me', requestBody: { raw } });
}
`,
      output: null,
      errors: [
        {
          messageId: 'missingScope',
          line: 7,
          column: 9,
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
import { google } from 'googleapis';
const SCOPES = ['${AUTH}/gmail.readonly', '${AUTH}/gmail.send'];
export const authUrl = (client) => client.generateAuthUrl({ scope: SCOPES });
export async function send(gmail, info, raw) {
  if (!info.scopes.includes('${AUTH}/gmail.readonly')) throw new Error('missing scope');
  await gmail.users.messages.send({ userId: 'me', requestBody: { raw } });
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'a parameter default that reaches generateAuthUrl is a request',
      code: `
import { google } from 'googleapis';
export const authUrl = (client, scopes = ['${AUTH}/gmail.readonly']) => client.generateAuthUrl({ scope: scopes });
export async function send(gmail, raw) {
  await gmail.users.messages.send({ userId: 'me', requestBody: { raw } });
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
            method: 'users.messages.send',
            accepted: SEND_ACCEPTS,
            source: 'this file',
            requested: 'gmail.readonly',
            add: '`https://www.googleapis.com/auth/gmail.send`',
            where: ' to `scopes`',
          },
          suggestions: [
            {
              messageId: 'addScopes',
              data: { add: '`https://www.googleapis.com/auth/gmail.send`' },
              output: `
import { google } from 'googleapis';
export const authUrl = (client, scopes = ['${AUTH}/gmail.readonly', '${AUTH}/gmail.send']) => client.generateAuthUrl({ scope: scopes });
export async function send(gmail, raw) {
  await gmail.users.messages.send({ userId: 'me', requestBody: { raw } });
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'a consent URL built from a constant is a request',
      code: `
import { google } from 'googleapis';
const GMAIL_READ = '${AUTH}/gmail.readonly';
export const consent = 'https://accounts.google.com/o/oauth2/v2/auth?response_type=code&scope=' + encodeURIComponent(GMAIL_READ);
export async function send(gmail, raw) {
  await gmail.users.messages.send({ userId: 'me', requestBody: { raw } });
}
`,
      output: null,
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
            requested: 'gmail.readonly',
            add: '`https://www.googleapis.com/auth/gmail.send`',
            where: '',
          },
          suggestions: [
            {
              messageId: 'addScopes',
              data: { add: '`https://www.googleapis.com/auth/gmail.send`' },
              output: `
import { google } from 'googleapis';
const GMAIL_READ = '${AUTH}/gmail.readonly ${AUTH}/gmail.send';
export const consent = 'https://accounts.google.com/o/oauth2/v2/auth?response_type=code&scope=' + encodeURIComponent(GMAIL_READ);
export async function send(gmail, raw) {
  await gmail.users.messages.send({ userId: 'me', requestBody: { raw } });
}
`,
            },
          ],
        },
      ],
    },
  ],
});
