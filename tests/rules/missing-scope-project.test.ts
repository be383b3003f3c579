/**
 * The project's scope inventory (issue 14): a call whose auth can't be traced, in a file that
 * requests no scope, is judged against every request in its project (the nearest package.json
 * folder above it). Each fixture under tests/fixtures/project-* is a small real app.
 */
import fs from 'node:fs';
import path from 'node:path';
import { RuleTester } from '@typescript-eslint/rule-tester';
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/missing-scope.ts';
import leastPrivilege from '../../src/rules/least-privilege.ts';
import type { MessageIds, Options } from '../../src/rules/missing-scope.ts';
import { FIXTURES, untypedRuleTester } from './rule-tester.ts';

const AUTH = 'https://www.googleapis.com/auth';
/** A Calendar insert under a token that carries calendar.readonly at most. */
const EVENTS_INSERT = {
  api: 'Calendar',
  method: 'events.insert',
  accepted: 'calendar.events.owned or broader',
  add: `\`${AUTH}/calendar.events.owned\``,
};

/** The fixture file's own text, linted under its real name (so its project is found). */
function fixture(project: string, file: string): { code: string; filename: string } {
  const filename = path.join(FIXTURES, `project-${project}`, file);
  return { code: fs.readFileSync(filename, 'utf8'), filename };
}

/** The fixture with one function left out (its call is the one the other test reports). */
function withoutFunction(test: { code: string; filename: string }, name: string): { code: string; filename: string } {
  return { ...test, code: test.code.replace(new RegExp(`async function ${name}[\\s\\S]*?\\n}\\n`), '') };
}

const valid: ValidTestCase<Options>[] = [
  { name: 'NextAuth: messages.list is allowed by the provider’s gmail.readonly', ...fixture('nextauth', 'src/app/api/inbox/route.ts') },
  {
    name: 'passport: messages.list alone is allowed by the strategy’s gmail.readonly',
    ...withoutFunction(fixture('passport', 'src/services/labels.js'), 'labelAsDone'),
  },
  {
    name: 'settings scopes win over the inventory (gmail.send named there)',
    ...fixture('nextauth', 'src/app/api/send/route.ts'),
    settings: { 'googleapis-scopes': { scopes: [`${AUTH}/gmail.send`] } },
  },
  {
    // Review 3 L8: \`'…/drive.file,…/drive'\` in the consent request may hold drive: the project's requests are unknown.
    name: 'a project request with scopes joined by a comma is unknown',
    ...fixture('comma-scopes', 'src/cleanup.js'),
  },
  {
    name: 'project: false turns the inventory off',
    ...fixture('nextauth', 'src/app/api/send/route.ts'),
    settings: { 'googleapis-scopes': { project: false } },
  },
  {
    name: 'a GoogleAuth without scopes elsewhere in the project (Application Default Credentials) makes untraced calls unknown',
    ...fixture('service-account', 'src/notify.js'),
  },
  {
    name: 'an unresolved request anywhere in the project (an environment variable) makes every untraced call unknown',
    ...fixture('unresolved', 'src/api/send.ts'),
  },
  {
    // Review 3 H6: the back end gets the front end's token in each request: whoever sent it minted it (a mobile app, another front end).
    name: 'a token read from the incoming request (the Authorization header) is minted elsewhere: unknown',
    ...fixture('react-oauth', 'server/index.js'),
  },
  {
    name: 'tokens from req.get(), req.headers, req.body, ctx.request.query and process.env are minted elsewhere: unknown',
    ...fixture('request-token', 'src/server.js'),
  },
  {
    // Review 3 H6 (a): GoogleAuth({ keyFile, scopes }) and JWT({ scopes: [...SCOPES] }) are the only requests of Calendar.
    name: 'a service account’s scopes are no evidence about the user token a stored-token call carries',
    ...fixture('service-account-only', 'src/events.js'),
  },
  {
    // @memberjunction/communication-gmail: GMAIL_SCOPES is exported for its users; the token is a refresh token from the environment.
    name: 'a scope list the project only exports is no evidence of where its tokens come from',
    ...fixture('exported-only', 'src/provider.js'),
  },
];

const invalid: InvalidTestCase<MessageIds, Options>[] = [
  {
    name: 'NextAuth provider requests gmail.readonly; an API route sends with setCredentials',
    ...fixture('nextauth', 'src/app/api/send/route.ts'),
    errors: [
      {
        messageId: 'missingProjectScope',
        line: 10,
        column: 9,
        data: {
          api: 'Gmail',
          method: 'users.messages.send',
          accepted: 'gmail.send or broader',
          sites: 'src/auth.ts:11',
          add: `\`${AUTH}/gmail.send\``,
        },
        suggestions: [],
      },
    ],
  },
  {
    name: 'passport: the strategy module and passport.authenticate request gmail.readonly; modify needs more',
    ...fixture('passport', 'src/services/labels.js'),
    errors: [
      {
        messageId: 'missingProjectScope',
        line: 7,
        data: {
          api: 'Gmail',
          method: 'users.messages.modify',
          accepted: 'gmail.modify or broader',
          sites: 'src/auth/passport.js:4 and 1 more',
          add: `\`${AUTH}/gmail.modify\``,
        },
      },
    ],
  },
  {
    name: 'NestJS PassportStrategy super({ scope }) requests gmail.send: drafts.create needs compose',
    ...fixture('nest', 'src/mail/mail.service.ts'),
    errors: [
      {
        messageId: 'missingProjectScope',
        line: 10,
        data: {
          api: 'Gmail',
          method: 'users.drafts.create',
          accepted: 'gmail.compose or broader',
          sites: 'src/auth/google.strategy.ts:12',
          add: `\`${AUTH}/gmail.compose\``,
        },
      },
    ],
  },
  {
    name: 'Chrome extension: manifest.json oauth2.scopes is gmail.readonly; a REST modify call needs gmail.modify',
    ...fixture('extension', 'background.js'),
    errors: [
      {
        messageId: 'missingProjectScope',
        line: 14,
        data: {
          api: 'Gmail',
          method: 'users.messages.modify',
          accepted: 'gmail.modify or broader',
          sites: 'manifest.json:9',
          add: `\`${AUTH}/gmail.modify\``,
        },
      },
    ],
  },
  {
    name: 'hand-built consent URLs (URLSearchParams, a template with scope=) request readonly and labels; batchDelete needs mail.google.com',
    ...fixture('consent-url', 'src/jobs/cleanup.ts'),
    errors: [
      {
        messageId: 'missingProjectScope',
        line: 8,
        data: {
          api: 'Gmail',
          method: 'users.messages.batchDelete',
          accepted: 'https://mail.google.com/',
          sites: 'src/login.ts:10',
          add: '`https://mail.google.com/`',
        },
      },
    ],
  },
  {
    name: '@react-oauth/google and GIS initTokenClient in the front end; the back end trashes with the token it keeps',
    ...fixture('react-oauth', 'server/trash.js'),
    errors: [
      {
        messageId: 'missingProjectScope',
        line: 3,
        column: 26,
        data: {
          api: 'Gmail',
          method: 'users.messages.trash',
          accepted: 'gmail.modify or broader',
          sites: 'web/src/Login.jsx:5 and 1 more',
          add: `\`${AUTH}/gmail.modify\``,
        },
      },
    ],
  },
  {
    name: 'SMTP: nodemailer OAuth2 on Gmail needs https://mail.google.com/; the consent URL asks for gmail.send only',
    ...fixture('smtp', 'src/mailer.js'),
    errors: [
      {
        messageId: 'missingProjectScope',
        line: 4,
        data: {
          api: 'Gmail',
          method: 'SMTP XOAUTH2',
          accepted: 'https://mail.google.com/',
          sites: 'src/auth.js:7',
          add: '`https://mail.google.com/`',
        },
      },
    ],
  },
  {
    name: 'IMAP: imapflow with an access token on imap.gmail.com needs https://mail.google.com/',
    ...fixture('smtp', 'src/inbox.js'),
    errors: [
      {
        messageId: 'missingProjectScope',
        line: 4,
        data: {
          api: 'Gmail',
          method: 'IMAP XOAUTH2',
          accepted: 'https://mail.google.com/',
          sites: 'src/auth.js:7',
          add: '`https://mail.google.com/`',
        },
      },
    ],
  },
  {
    name: 'Drive: a consent URL asks for drive.readonly; files.delete elsewhere is named with its API',
    ...fixture('drive', 'src/cleanup.js'),
    errors: [
      {
        messageId: 'missingProjectScope',
        line: 7,
        column: 9,
        data: { api: 'Drive', method: 'files.delete', accepted: 'drive', sites: 'src/login.js:6', add: `\`${AUTH}/drive\`` },
        suggestions: [],
      },
    ],
  },
  {
    // Review 3 H6: a service account's scopes (scripts/holidays.js) are no consent: they neither allow nor show where a user's token comes from.
    name: 'a token from the request is never judged, one stored by the app is, against the consent flows only',
    ...fixture('request-token', 'src/session.js'),
    errors: [
      {
        messageId: 'missingProjectScope',
        line: 7,
        column: 9,
        data: { ...EVENTS_INSERT, sites: 'src/login.js:3' },
        suggestions: [],
      },
    ],
  },
  {
    // Review 3 H6 (c): __tests__/, *.spec.js and an in-source `it(…)` request calendar.events(.owned): not the app's requests;
    // nor are test/helpers/consent.js, server/tests/login.js and spec/oauth.ts (test folders at any depth),
    // __mocks__/googleapis.js, e2e/login.js, src/app.e2e-spec.ts and src/login.e2e.js (review 4 H5).
    name: 'requests in tests are not the app’s: neither in the union nor as the places named',
    ...fixture('tests', 'server/events.js'),
    errors: [
      {
        messageId: 'missingProjectScope',
        line: 6,
        column: 10,
        data: { ...EVENTS_INSERT, sites: 'src/consent.js:3 and 1 more' },
      },
    ],
  },
  {
    name: 'settings scopes stay the override: judged against them, not the project',
    ...fixture('nextauth', 'src/app/api/send/route.ts'),
    settings: { 'googleapis-scopes': { scopes: [`${AUTH}/gmail.labels`] } },
    errors: [{ messageId: 'missingScope', line: 10 }],
  },
];

untypedRuleTester({ project: true }).run('missing-scope (project inventory)', rule, { valid, invalid });

// The same JavaScript fixtures under ESLint's own parser (espree), as a JavaScript project lints them.
new RuleTester({
  languageOptions: {
    parser: undefined as never,
    parserOptions: { ecmaVersion: 'latest', sourceType: 'module', ecmaFeatures: { jsx: true } },
  },
}).run('missing-scope (project inventory, espree)', rule, {
  valid: [],
  invalid: invalid.filter((test) => test.filename?.endsWith('.js') === true),
});

// SMTP/IMAP operations in a file that requests its own scopes: the file-level path, and least-privilege.
const MAIL_FILE = path.join(FIXTURES, 'project-smtp', 'src', 'combined.js');
const SMTP_WITH_CONSENT = (scopes: string): string => `
import nodemailer from 'nodemailer';
import { google } from 'googleapis';
const client = new google.auth.OAuth2('id', 'secret', 'https://example.com/cb');
export const url = client.generateAuthUrl({ access_type: 'offline', scope: [${scopes}] });
export const transport = nodemailer.createTransport({ host: 'smtp.gmail.com', port: 465, secure: true, auth: { type: 'OAuth2', user: 'me@example.com', refreshToken: 'x' } });
`;

untypedRuleTester().run('missing-scope (SMTP in a file that requests scopes)', rule, {
  valid: [
    { name: 'https://mail.google.com/ requested beside it', code: SMTP_WITH_CONSENT(`'https://mail.google.com/'`), filename: MAIL_FILE },
    {
      name: 'SMTP on another host is not Gmail',
      code: SMTP_WITH_CONSENT(`'${AUTH}/gmail.send'`).replace('smtp.gmail.com', 'smtp.example.com'),
      filename: MAIL_FILE,
    },
    {
      name: 'a password login (no OAuth2 type) needs no scope',
      code: SMTP_WITH_CONSENT(`'${AUTH}/gmail.send'`).replace("type: 'OAuth2', ", "pass: 'app-password', "),
      filename: MAIL_FILE,
    },
  ],
  invalid: [
    {
      name: 'gmail.send does not allow SMTP: the file’s own request gets a suggestion',
      code: SMTP_WITH_CONSENT(`'${AUTH}/gmail.send'`),
      filename: MAIL_FILE,
      errors: [
        {
          messageId: 'missingScope',
          line: 6,
          data: {
            api: 'Gmail',
            method: 'SMTP XOAUTH2',
            accepted: 'https://mail.google.com/',
            source: 'this file',
            requested: 'gmail.send',
            add: '`https://mail.google.com/`',
            where: '',
          },
          suggestions: [
            {
              messageId: 'addScopes',
              data: { add: '`https://mail.google.com/`' },
              output: SMTP_WITH_CONSENT(`'${AUTH}/gmail.send', 'https://mail.google.com/'`),
            },
          ],
        },
      ],
    },
  ],
});

// least-privilege judges a file's own list only when settings say every call is linted (`complete`).
const COMPLETE = { 'googleapis-scopes': { complete: true } };
const SMTP_ONLY = (scopes: string): string => `
import nodemailer from 'nodemailer';
import { google } from 'googleapis';
const client = new google.auth.OAuth2('id', 'secret', 'https://example.com/cb');
console.log(client.generateAuthUrl({ access_type: 'offline', scope: [${scopes}] }));
nodemailer.createTransport({ service: 'Gmail', auth: { type: 'OAuth2', user: 'me@example.com', refreshToken: 'x' } }).sendMail({});
`;

untypedRuleTester().run('least-privilege (SMTP needs mail.google.com)', leastPrivilege, {
  valid: [
    { name: 'mail.google.com alone, used by SMTP', code: SMTP_ONLY(`'https://mail.google.com/'`), filename: MAIL_FILE, settings: COMPLETE },
  ],
  invalid: [
    {
      name: 'gmail.send beside mail.google.com is unused once SMTP is recognised',
      code: SMTP_ONLY(`'https://mail.google.com/', '${AUTH}/gmail.send'`),
      filename: MAIL_FILE,
      settings: COMPLETE,
      errors: [
        {
          messageId: 'unusedScope',
          line: 5,
          suggestions: [{ messageId: 'removeScope', output: SMTP_ONLY(`'https://mail.google.com/'`) }],
        },
      ],
    },
  ],
});

// Review 3 L6: a consent URL in the calling file is the file's request (as `new URLSearchParams({ scope })` is), not the project's.
const SAME_FILE = path.join(FIXTURES, 'project-drive', 'src', 'same-file.js');
const CONSENT_ROUTE = (url: string): string => `import express from 'express';
const app = express();
app.get('/login', (req, res) => {
  res.redirect(${url});
});
app.post('/del/:id', async (req, res) => {
  await fetch(\`https://www.googleapis.com/drive/v3/files/\${req.params.id}\`, { method: 'DELETE', headers: { Authorization: \`Bearer \${req.session.token}\` } });
  res.end();
});
`;
const FILES_DELETE_FROM_FILE = {
  api: 'Drive',
  method: 'files.delete',
  accepted: 'drive',
  source: 'this file',
  requested: 'drive.readonly and openid',
  add: `\`${AUTH}/drive\``,
  where: '',
};

untypedRuleTester({ project: true }).run('missing-scope (a consent URL in the calling file)', rule, {
  valid: [],
  invalid: [
    {
      name: 'a template consent URL: judged as the file’s request',
      code: CONSENT_ROUTE(
        `\`https://accounts.google.com/o/oauth2/v2/auth?client_id=\${process.env.CLIENT_ID}&response_type=code&scope=${AUTH}/drive.readonly%20openid&access_type=offline\``,
      ),
      filename: SAME_FILE,
      errors: [{ messageId: 'missingScope', line: 7, column: 9, data: FILES_DELETE_FROM_FILE, suggestions: [] }],
    },
    {
      name: 'params.set("scope", …) on a consent URL: judged as the file’s request',
      code: CONSENT_ROUTE(
        `(() => { const url = new URL('https://accounts.google.com/o/oauth2/v2/auth'); url.searchParams.set('scope', '${AUTH}/drive.readonly openid'); return url.href; })()`,
      ),
      filename: SAME_FILE,
      errors: [{ messageId: 'missingScope', line: 7, column: 9, data: FILES_DELETE_FROM_FILE, suggestions: [] }],
    },
  ],
});
