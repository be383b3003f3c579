/**
 * Issue 15 phase 2: what the call's credential decides. A service account that impersonates
 * nobody (`new JWT({ … })` or inline service-account credentials, no `subject` in its options
 * nor written into it later; see credential-delegation.test.ts) is the app itself: Classroom, Meet and Chat's user-only methods certainly fail for it
 * (metadata-scope), and a Chat fix picks chat.bot. A user's token (OAuth2, a service account
 * with `subject`) never gets chat.bot. An unknown credential keeps the open choice (phase3.test.ts).
 */
import metadataScope from '../../src/rules/metadata-scope.ts';
import missingScope from '../../src/rules/missing-scope.ts';
import { untypedRuleTester } from './rule-tester.ts';

const ruleTester = untypedRuleTester();
const AUTH = 'https://www.googleapis.com/auth';
const JWT = (scope: string, extra = ''): string =>
  `new google.auth.JWT({ email: 'sa@p.iam.gserviceaccount.com', key: 'k', ${extra}scopes: ['${AUTH}/${scope}'] })`;
const file = (auth: string, call: string): string => `
import { google } from 'googleapis';
const auth = ${auth};
await google.${call};
`;

const credentialError = (api: string, method: string, kind: string, reason: string) => ({
  messageId: 'serviceAccountWithoutSubject' as const,
  line: 4,
  column: 7,
  data: { api, method, kind, line: '3', reason },
});

const CLASSROOM = file(JWT('classroom.courses.readonly'), "classroom({ version: 'v1', auth }).courses.list({})");
const MEET = file(JWT('meetings.space.created'), "meet({ version: 'v2', auth }).spaces.create({})");
const REACTION = file(
  JWT('chat.messages.reactions.create'),
  "chat({ version: 'v2', auth }).spaces.messages.reactions.create({ parent: 'spaces/a/messages/b', requestBody: {} })",
).replace("version: 'v2'", "version: 'v1'");
const USER_ONLY_REASON = 'it needs user authentication: impersonate a user (`subject`)';

const ATTACHMENT = (auth: string): string => file(auth, "chat({ version: 'v1', auth }).spaces.messages.attachments.get({ name: 'a' })");
const APP_ONLY_REASON = "only the Chat app's service account (no `subject`) may call it";

ruleTester.run('metadata-scope: credential facts of Classroom, Meet and Chat (phase 2)', metadataScope, {
  valid: [
    { name: 'Classroom with subject', code: CLASSROOM.replace("key: 'k',", "key: 'k', subject: 'teacher@school.edu',") },
    {
      name: 'Classroom with an OAuth2 client (a user)',
      code: file("new google.auth.OAuth2('id', 'secret')", "classroom({ version: 'v1', auth }).courses.list({})"),
    },
    {
      name: 'Classroom with a keyFile (it may hold a user credential)',
      code: file(
        `new google.auth.GoogleAuth({ keyFile: 'k.json', scopes: ['${AUTH}/classroom.courses'] })`,
        "classroom({ version: 'v1', auth }).courses.list({})",
      ),
    },
    { name: 'Meet with subject set later', code: MEET + 'auth.subject = process.env.USER;\n' },
    {
      name: 'Chat messages.create by the app (chat.bot: app authentication)',
      code: file(JWT('chat.bot'), "chat({ version: 'v1', auth }).spaces.messages.create({ parent: 'spaces/a', requestBody: {} })"),
    },
    {
      name: 'Chat media.download: its page names no authentication type',
      code: file(JWT('chat.bot'), "chat({ version: 'v1', auth }).media.download({ resourceName: 'r' })"),
    },
    {
      name: 'Analytics Data by a service account: no credential fact',
      code: file(
        JWT('analytics.readonly'),
        "analyticsdata({ version: 'v1beta', auth }).properties.runReport({ property: 'properties/1' })",
      ),
    },
    {
      name: 'Search Console by a service account: no credential fact',
      code: file(JWT('webmasters.readonly'), "searchconsole({ version: 'v1', auth }).sites.list({})"),
    },
  ],
  invalid: [
    {
      name: "Chat attachments.get (app authentication only) with a user's OAuth2 token",
      code: ATTACHMENT("new google.auth.OAuth2('id', 'secret')"),
      errors: [
        {
          ...credentialError('Chat', 'spaces.messages.attachments.get', 'OAuth2', APP_ONLY_REASON),
          messageId: 'userCredentialRejected' as const,
        },
      ],
    },
    {
      name: 'Chat attachments.get with a service account impersonating a user (TypeScript)',
      code: ATTACHMENT(JWT('chat.bot', "subject: 'me@example.com', ")).replace('const auth = new', 'const auth: object = new'),
      filename: 'file.ts',
      errors: [
        {
          ...credentialError('Chat', 'spaces.messages.attachments.get', 'JWT', APP_ONLY_REASON),
          messageId: 'userCredentialRejected' as const,
        },
      ],
    },
    {
      name: 'Classroom by a service account without subject (JavaScript)',
      code: CLASSROOM,
      errors: [credentialError('Classroom', 'courses.list', 'JWT', 'Classroom needs it to impersonate a user (`subject`)')],
    },
    {
      name: 'Classroom by a service account without subject (TypeScript)',
      code: CLASSROOM.replace('const auth = new', 'const auth: object = new'),
      filename: 'file.ts',
      errors: [credentialError('Classroom', 'courses.list', 'JWT', 'Classroom needs it to impersonate a user (`subject`)')],
    },
    {
      name: 'Meet by inline service-account credentials without subject',
      code: file(
        `new google.auth.GoogleAuth({ credentials: { client_email: 'sa@p.iam.gserviceaccount.com', private_key: 'k' }, scopes: ['${AUTH}/meetings.space.created'] })`,
        "meet({ version: 'v2', auth }).spaces.create({})",
      ),
      errors: [credentialError('Meet', 'spaces.create', 'GoogleAuth', 'the Meet REST API needs it to impersonate a user (`subject`)')],
    },
    {
      name: 'Chat reactions.create (user authentication only) by the app',
      code: REACTION,
      errors: [credentialError('Chat', 'spaces.messages.reactions.create', 'JWT', USER_ONLY_REASON)],
    },
    {
      name: 'Chat reactions.create by the app (TypeScript)',
      code: REACTION.replace('const auth = new', 'const auth: object = new'),
      filename: 'file.ts',
      errors: [credentialError('Chat', 'spaces.messages.reactions.create', 'JWT', USER_ONLY_REASON)],
    },
  ],
});

const SPACES_LIST = (auth: string): string => file(auth, "chat({ version: 'v1', auth }).spaces.list({})");
const GIVEN = 'chat.messages.readonly';
const appMissing = (code: string) => ({
  code,
  output: code.replace(`['${AUTH}/${GIVEN}']`, `['${AUTH}/${GIVEN}', '${AUTH}/chat.bot']`),
  errors: [
    {
      messageId: 'missingScope' as const,
      line: 4,
      column: 7,
      data: {
        api: 'Chat',
        method: 'spaces.list',
        accepted: 'chat.bot',
        requested: GIVEN,
        source: 'the JWT on line 3',
        add: `\`${AUTH}/chat.bot\``,
        where: '',
      },
    },
  ],
});
/** A user's token: the user scopes only, one suggestion each (the data alone can't choose between them). */
const userMissing = (code: string, source: string) => ({
  code,
  output: null,
  errors: [
    {
      messageId: 'missingScope' as const,
      line: 4,
      column: 7,
      data: {
        api: 'Chat',
        method: 'spaces.list',
        accepted: 'chat.spaces.readonly or broader',
        requested: GIVEN,
        source,
        add: 'a scope it accepts',
        where: '',
      },
      suggestions: ['chat.spaces.readonly', 'chat.spaces'].map((scope) => ({
        messageId: 'addScopes' as const,
        data: { add: `\`${AUTH}/${scope}\`` },
        output: code.replace(`['${AUTH}/${GIVEN}']`, `['${AUTH}/${GIVEN}', '${AUTH}/${scope}']`),
      })),
    },
  ],
});

ruleTester.run('missing-scope: a Chat fix follows the credential (phase 2)', missingScope, {
  valid: [
    { name: 'the app with chat.bot', code: SPACES_LIST(JWT('chat.bot')) },
    {
      name: "a user-only method by the app is metadata-scope's report, not a missing scope",
      code: REACTION.replace('chat.messages.reactions.create', GIVEN),
    },
    {
      name: "an app-only Chat method with a user's token: no scope cures it",
      code: ATTACHMENT("new google.auth.OAuth2('id', 'secret')").replace(
        "const auth = new google.auth.OAuth2('id', 'secret');",
        `const auth = new google.auth.OAuth2('id', 'secret'); auth.generateAuthUrl({ scope: ['${AUTH}/${GIVEN}'] });`,
      ),
    },
    {
      name: 'Classroom by a service account without subject: no scope cures it',
      code: file(JWT('drive'), "classroom({ version: 'v1', auth }).courses.create({ requestBody: {} })"),
    },
  ],
  invalid: [
    { name: 'the app itself (JWT, no subject): chat.bot, autofixed (JavaScript)', ...appMissing(SPACES_LIST(JWT(GIVEN))) },
    {
      name: 'the app itself (TypeScript)',
      ...appMissing(SPACES_LIST(JWT(GIVEN)).replace('const auth = new', 'const auth: object = new')),
      filename: 'file.ts',
    },
    {
      name: '@googleapis/chat with its own JWT: chat.bot, autofixed',
      code: `
import { chat, auth as googleAuth } from '@googleapis/chat';
const auth = new googleAuth.JWT({ email: 'sa@p.iam.gserviceaccount.com', key: 'k', scopes: ['${AUTH}/${GIVEN}'] });
await chat({ version: 'v1', auth }).spaces.list({});
`,
      output: `
import { chat, auth as googleAuth } from '@googleapis/chat';
const auth = new googleAuth.JWT({ email: 'sa@p.iam.gserviceaccount.com', key: 'k', scopes: ['${AUTH}/${GIVEN}', '${AUTH}/chat.bot'] });
await chat({ version: 'v1', auth }).spaces.list({});
`,
      errors: appMissing(SPACES_LIST(JWT(GIVEN))).errors,
    },
    {
      name: 'a service account impersonating a user (subject): the user scopes, never chat.bot',
      ...userMissing(SPACES_LIST(JWT(GIVEN, "subject: 'me@example.com', ")), 'the JWT on line 3'),
    },
    {
      name: 'an OAuth2 client (a user): the user scopes, never chat.bot',
      ...userMissing(
        `
import { google } from 'googleapis';
const auth = new google.auth.OAuth2('id', 'secret'); auth.generateAuthUrl({ scope: ['${AUTH}/${GIVEN}'] });
await google.chat({ version: 'v1', auth }).spaces.list({});
`,
        'the generateAuthUrl() call on line 3',
      ),
    },
  ],
});
