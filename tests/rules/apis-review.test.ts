/**
 * Review 1 (R2, R3): a fix never adds a scope under which the call still fails, and a requested
 * OpenID Connect short name (`email`, `profile`) is the same grant as its userinfo URL.
 * - Drive drive.scripts reaches only Apps Script projects (never proposed unless the call's mimeType
 *   says so); `media` uploads content, which the drive.metadata scopes do not allow.
 * - Slides presentations.batchUpdate: the Sheets scopes and drive.readonly only read linked charts.
 * - YouTube's content-owner scopes (youtubepartner*) count when requested but are never proposed.
 * - People people/me names/email: userinfo.profile / userinfo.email (non-sensitive), not contacts.readonly.
 */
import leastPrivilege from '../../src/rules/least-privilege.ts';
import metadataScope from '../../src/rules/metadata-scope.ts';
import missingScope from '../../src/rules/missing-scope.ts';
import { untypedRuleTester } from './rule-tester.ts';

const AUTH = 'https://www.googleapis.com/auth';

const missing = (line: number, column: number, api: string, method: string, accepted: string, requested: string, add: string) => ({
  line,
  column,
  messageId: 'missingScope' as const,
  data: { api, method, accepted, requested, source: 'the GoogleAuth on line 3', add: `\`${AUTH}/${add}\``, where: '' },
});

const cases = {
  valid: [
    {
      name: 'People people/me names under openid email profile (consent URL): email/profile are the userinfo grants',
      code: `
import { google } from 'googleapis';
const oauth2 = new google.auth.OAuth2('id', 'secret', 'http://localhost/cb');
export const url = oauth2.generateAuthUrl({ scope: 'openid email profile' });
export const me = () => google.people({ version: 'v1', auth: oauth2 }).people.get({ resourceName: 'people/me', personFields: 'names' });
`,
    },
    {
      name: 'YouTube captions.list under a requested youtubepartner: it counts',
      code: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/youtubepartner'] });
await google.youtube({ version: 'v3', auth }).captions.list({ part: ['snippet'], videoId: 'v' });
`,
    },
  ],
  invalid: [
    {
      name: 'Drive files.update (rename) under drive.metadata.readonly: drive.metadata, never drive.scripts',
      code: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/drive.metadata.readonly'] });
await google.drive({ version: 'v3', auth }).files.update({ fileId: 'x', requestBody: { name: 'y' } });
`,
      output: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/drive.metadata.readonly', '${AUTH}/drive.metadata'] });
await google.drive({ version: 'v3', auth }).files.update({ fileId: 'x', requestBody: { name: 'y' } });
`,
      errors: [missing(4, 7, 'Drive', 'files.update', 'drive.metadata or broader', 'drive.metadata.readonly', 'drive.metadata')],
    },
    {
      name: 'Drive files.update with media under drive.metadata.readonly: an upload needs drive',
      code: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/drive.metadata.readonly'] });
await google.drive({ version: 'v3', auth }).files.update({ fileId: 'x', media: { mimeType: 'text/plain', body: 'hi' } });
`,
      output: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/drive.metadata.readonly', '${AUTH}/drive'] });
await google.drive({ version: 'v3', auth }).files.update({ fileId: 'x', media: { mimeType: 'text/plain', body: 'hi' } });
`,
      errors: [missing(4, 7, 'Drive', 'files.update', 'drive', 'drive.metadata.readonly', 'drive')],
    },
    {
      name: 'Slides presentations.batchUpdate under spreadsheets.readonly: reported, the fix adds presentations',
      code: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/spreadsheets.readonly'] });
await google.slides({ version: 'v1', auth }).presentations.batchUpdate({ presentationId: 'x', requestBody: {} });
`,
      output: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/spreadsheets.readonly', '${AUTH}/presentations'] });
await google.slides({ version: 'v1', auth }).presentations.batchUpdate({ presentationId: 'x', requestBody: {} });
`,
      errors: [missing(4, 7, 'Slides', 'presentations.batchUpdate', 'presentations or drive', 'spreadsheets.readonly', 'presentations')],
    },
    {
      name: 'Slides presentations.batchUpdate under drive.readonly only: reported',
      code: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/drive.readonly'] });
await google.slides({ version: 'v1', auth }).presentations.batchUpdate({ presentationId: 'x', requestBody: {} });
`,
      output: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/drive.readonly', '${AUTH}/presentations'] });
await google.slides({ version: 'v1', auth }).presentations.batchUpdate({ presentationId: 'x', requestBody: {} });
`,
      errors: [missing(4, 7, 'Slides', 'presentations.batchUpdate', 'presentations or drive', 'drive.readonly', 'presentations')],
    },
    {
      name: 'YouTube channels.list under gmail.send: youtube.readonly (youtube grants it), never youtubepartner-channel-audit',
      code: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/gmail.send'] });
await google.youtube({ version: 'v3', auth }).channels.list({ part: ['snippet'], mine: true });
`,
      output: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/gmail.send', '${AUTH}/youtube.readonly'] });
await google.youtube({ version: 'v3', auth }).channels.list({ part: ['snippet'], mine: true });
`,
      errors: [missing(4, 7, 'YouTube Data', 'channels.list', 'youtube.readonly or broader', 'gmail.send', 'youtube.readonly')],
    },
    {
      name: 'YouTube captions.list under youtube.readonly: youtube.force-ssl, never youtubepartner',
      code: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/youtube.readonly'] });
await google.youtube({ version: 'v3', auth }).captions.list({ part: ['snippet'], videoId: 'v' });
`,
      output: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/youtube.readonly', '${AUTH}/youtube.force-ssl'] });
await google.youtube({ version: 'v3', auth }).captions.list({ part: ['snippet'], videoId: 'v' });
`,
      errors: [missing(4, 7, 'YouTube Data', 'captions.list', 'youtube.force-ssl', 'youtube.readonly', 'youtube.force-ssl')],
    },
    {
      name: 'People people/me names under gmail.send: userinfo.profile, not contacts.readonly',
      code: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/gmail.send'] });
await google.people({ version: 'v1', auth }).people.get({ resourceName: 'people/me', personFields: 'names' });
`,
      output: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/gmail.send', '${AUTH}/userinfo.profile'] });
await google.people({ version: 'v1', auth }).people.get({ resourceName: 'people/me', personFields: 'names' });
`,
      errors: [
        missing(
          4,
          7,
          'People',
          'people.get',
          'userinfo.profile, contacts.readonly, user.addresses.read, user.birthday.read, user.emails.read, user.gender.read, user.organization.read, user.phonenumbers.read or broader',
          'gmail.send',
          'userinfo.profile',
        ),
      ],
    },
  ],
};

/** The same cases as TypeScript: a typed `auth` binding, parsed as `file.ts`. */
const asTypeScript = <T extends { readonly code: string; readonly output?: string }>(test: T): T & { filename: string } => {
  const typed = (code: string): string =>
    code.replace('const auth = new', 'const auth: unknown = new').replace('const oauth2 = new', 'const oauth2: object = new');
  return { ...test, code: typed(test.code), ...(test.output !== undefined ? { output: typed(test.output) } : {}), filename: 'file.ts' };
};

untypedRuleTester().run('missing-scope: review 1 fixes (JavaScript)', missingScope, cases);
untypedRuleTester().run('missing-scope: review 1 fixes (TypeScript)', missingScope, {
  valid: cases.valid.map(asTypeScript),
  invalid: cases.invalid.map(asTypeScript),
});

const PEOPLE_EMAIL_JS = `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ['email', '${AUTH}/contacts.readonly'] });
await google.people({ version: 'v1', auth }).people.get({ resourceName: 'people/me', personFields: 'emailAddresses' });
`;

untypedRuleTester().run('least-privilege: a requested `email` is the userinfo.email grant', leastPrivilege, {
  valid: [],
  invalid: [
    {
      name: 'people/me emailAddresses under email + contacts.readonly: email covers it, contacts.readonly is not needed',
      code: PEOPLE_EMAIL_JS,
      errors: [
        {
          messageId: 'redundantScope',
          line: 3,
          column: 61,
          data: {
            api: 'People',
            source: 'the GoogleAuth on line 3',
            scope: 'contacts.readonly',
            others: '`email`',
            cover: 'covers',
            effect: '',
          },
          suggestions: [{ messageId: 'removeScope', output: PEOPLE_EMAIL_JS.replace(`, '${AUTH}/contacts.readonly'`, '') }],
        },
      ],
      output: null,
    },
  ],
});

const DRIVE_UPLOAD = `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/drive.metadata'] });
await google.drive({ version: 'v3', auth }).files.update({ fileId: 'x', media: { mimeType: 'text/plain', body: 'hi' } });
`;
const uploadTrap = (code: string) => ({
  code,
  errors: [
    {
      messageId: 'scopeTrap' as const,
      line: 4,
      column: 7,
      data: {
        api: 'Drive',
        method: 'files.update',
        granted: 'only drive.metadata',
        source: 'the GoogleAuth on line 3',
        reason: '`media` uploads content, not metadata',
      },
      suggestions: [
        {
          messageId: 'addScopes' as const,
          data: { add: `\`${AUTH}/drive\`` },
          output: code.replace(`['${AUTH}/drive.metadata']`, `['${AUTH}/drive.metadata', '${AUTH}/drive']`),
        },
      ],
    },
  ],
});

untypedRuleTester().run('metadata-scope: a Drive upload under only drive.metadata', metadataScope, {
  valid: [
    {
      name: 'a rename under drive.metadata works',
      code: DRIVE_UPLOAD.replace(`media: { mimeType: 'text/plain', body: 'hi' }`, `requestBody: { name: 'y' }`),
    },
  ],
  invalid: [
    { name: 'JavaScript', ...uploadTrap(DRIVE_UPLOAD) },
    { name: 'TypeScript', ...uploadTrap(DRIVE_UPLOAD.replace('const auth = new', 'const auth: unknown = new')), filename: 'file.ts' },
  ],
});

const ADMIN = (auth: string): string => `
import { google } from 'googleapis';
const auth = ${auth};
await google.admin({ version: 'directory_v1', auth }).users.list({ customer: 'my_customer' });
`;
const JWT_NO_SUBJECT = ADMIN(
  `new google.auth.JWT({ email: 'sa@p.iam.gserviceaccount.com', key: 'k', scopes: ['${AUTH}/admin.directory.user.readonly'] })`,
);
const INLINE_KEY = ADMIN(
  `new google.auth.GoogleAuth({ credentials: { client_email: 'sa@p.iam.gserviceaccount.com', private_key: 'k' }, scopes: ['${AUTH}/admin.directory.user.readonly'] })`,
);
const noSubject = (code: string, kind: string) => ({
  code,
  errors: [
    {
      messageId: 'serviceAccountWithoutSubject' as const,
      line: 4,
      column: 7,
      data: {
        api: 'Admin SDK',
        method: 'users.list',
        kind,
        line: '3',
        reason: 'the Directory API needs it to impersonate an administrator (`subject`)',
      },
    },
  ],
});

untypedRuleTester().run('metadata-scope: Admin SDK Directory with a service account that impersonates nobody', metadataScope, {
  valid: [
    { name: 'JWT with subject', code: JWT_NO_SUBJECT.replace("key: 'k',", "key: 'k', subject: 'admin@example.com',") },
    {
      name: 'GoogleAuth with clientOptions.subject',
      code: INLINE_KEY.replace("private_key: 'k' },", "private_key: 'k' }, clientOptions: { subject: 'admin@example.com' },"),
    },
    { name: 'subject set later', code: JWT_NO_SUBJECT + 'auth.subject = process.env.ADMIN;\n' },
    {
      name: 'GoogleAuth with a keyFile: it may hold a user credential',
      code: ADMIN(`new google.auth.GoogleAuth({ keyFile: 'key.json', scopes: ['${AUTH}/admin.directory.user.readonly'] })`),
    },
    {
      name: 'an auth passed per call may differ',
      code: JWT_NO_SUBJECT.replace("{ customer: 'my_customer' }", "{ customer: 'my_customer' }, { auth: other }"),
    },
    { name: 'OAuth2 (a user token)', code: ADMIN(`new google.auth.OAuth2('id', 'secret')`) },
  ],
  invalid: [
    { name: 'JWT without subject (JavaScript)', ...noSubject(JWT_NO_SUBJECT, 'JWT') },
    { name: 'inline service-account credentials without subject (JavaScript)', ...noSubject(INLINE_KEY, 'GoogleAuth') },
    {
      name: 'JWT without subject (TypeScript)',
      ...noSubject(JWT_NO_SUBJECT.replace('const auth = new', 'const auth: object = new'), 'JWT'),
      filename: 'file.ts',
    },
  ],
});
