import rule from '../../src/rules/no-restricted-scopes.ts';
import { untypedRuleTester } from './rule-tester.ts';

// Review 3 M3: a service account acting as itself (JWT or GoogleAuth with inline service-account
// credentials, no `subject` in its options) never shows a consent screen: no OAuth app verification
// or CASA assessment applies (https://developers.google.com/identity/protocols/oauth2/service-account).
const AUTH = 'https://www.googleapis.com/auth';
const RESTRICTED = "public apps need Google's verification and a yearly CASA security assessment";

const OWN_JWT = `
import { google } from 'googleapis';
const jwt = new google.auth.JWT({ email: process.env.SA_EMAIL, key: process.env.SA_KEY, scopes: ['${AUTH}/drive.metadata.readonly'] });
export const m = () => google.drive({ version: 'v3', auth: jwt }).files.list();
`;
const INLINE_CREDENTIALS = `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({
  credentials: { client_email: process.env.SA_EMAIL, private_key: process.env.SA_KEY },
  scopes: ['${AUTH}/drive.readonly'],
});
export const l = () => google.drive({ version: 'v3', auth }).files.list();
`;
const SHARED_WITH_USER = `
import { google } from 'googleapis';
const SCOPES = ['${AUTH}/drive.readonly'];
const jwt = new google.auth.JWT({ email: process.env.SA_EMAIL, key: process.env.SA_KEY, scopes: SCOPES });
const oauth2 = new google.auth.OAuth2(process.env.ID, process.env.SECRET, process.env.REDIRECT);
export const url = oauth2.generateAuthUrl({ scope: SCOPES });
`;
const typed = (code: string) =>
  code.replace('const jwt = new', 'const jwt: object = new').replace('const auth = new', 'const auth: object = new');

for (const [language, convert, filename] of [
  ['JavaScript', (code: string) => code, 'file.js'],
  ['TypeScript', typed, 'file.ts'],
] as const) {
  untypedRuleTester().run(`no-restricted-scopes: service account acting as itself (${language})`, rule, {
    valid: [
      { name: 'JWT with a key and no subject', code: convert(OWN_JWT), filename },
      { name: 'GoogleAuth with inline service-account credentials', code: convert(INLINE_CREDENTIALS), filename },
    ],
    invalid: [
      {
        name: 'the same constant shown on a user consent screen still needs verification',
        code: convert(SHARED_WITH_USER),
        filename,
        errors: [
          {
            messageId: 'restrictedScope',
            line: 3,
            column: 17,
            data: { scope: 'drive.readonly', classification: 'restricted', api: 'Drive', consequence: RESTRICTED },
          },
        ],
      },
    ],
  });
}
