import rule from '../../src/rules/missing-scope.ts';
import { untypedRuleTester } from './rule-tester.ts';

// A client whose auth can't be traced (a parameter) is judged by the file's scope requests that a
// user may consent to: a service account's or Application Default Credentials' scopes say nothing
// about its token, as in the project inventory (review 4 H9).
const ruleTester = untypedRuleTester();
const AUTH = 'https://www.googleapis.com/auth';
const RO = `'${AUTH}/drive.readonly'`;

ruleTester.run('missing-scope (the file union of an untraced client)', rule, {
  valid: [
    {
      name: "H9: an exported service account's scopes don't judge a user client passed in",
      code: `import { google } from 'googleapis';
export const saAuth = new google.auth.GoogleAuth({ keyFile: 'sa.json', scopes: [${RO}] });
export function deleteForUser(user, id) {
  return google.drive({ version: 'v3', auth: user }).files.delete({ fileId: id });
}
`,
    },
    {
      name: "H9: a class field's service account (TypeScript), a constant only it reads",
      code: `import { google } from 'googleapis';
import type { OAuth2Client } from 'google-auth-library';
const SA_SCOPES = [${RO}];
export class DriveService {
  static readonly auth = new google.auth.GoogleAuth({ keyFile: 'sa.json', scopes: SA_SCOPES });
}
export function deleteForUser(user: OAuth2Client, id: string) {
  return google.drive({ version: 'v3', auth: user }).files.delete({ fileId: id });
}
`,
      filename: 'file.ts',
    },
    {
      name: 'H9: Application Default Credentials with scopes (no key) are no consent either',
      code: `import { google } from 'googleapis';
export const adc = new google.auth.GoogleAuth({ scopes: [${RO}] });
export const purge = (drive, id) => drive.files.delete({ fileId: id });
`,
    },
  ],
  invalid: [
    {
      name: 'a consent URL in the file still judges the passed-in client (a suggestion)',
      code: `import { google } from 'googleapis';
const oauth2 = new google.auth.OAuth2(process.env.ID, process.env.SECRET, process.env.REDIRECT);
export const url = oauth2.generateAuthUrl({ scope: [${RO}] });
export const sa = new google.auth.GoogleAuth({ keyFile: 'sa.json', scopes: ['${AUTH}/drive'] });
export function deleteForUser(user, id) {
  return google.drive({ version: 'v3', auth: user }).files.delete({ fileId: id });
}
`,
      errors: [
        {
          messageId: 'missingScope',
          line: 6,
          column: 10,
          data: {
            api: 'Drive',
            method: 'files.delete',
            accepted: 'drive',
            requested: 'drive.readonly',
            source: 'this file',
            add: `\`${AUTH}/drive\``,
            where: '',
          },
          suggestions: [
            {
              messageId: 'addScopes',
              data: { add: `\`${AUTH}/drive\`` },
              output: `import { google } from 'googleapis';
const oauth2 = new google.auth.OAuth2(process.env.ID, process.env.SECRET, process.env.REDIRECT);
export const url = oauth2.generateAuthUrl({ scope: [${RO}, '${AUTH}/drive'] });
export const sa = new google.auth.GoogleAuth({ keyFile: 'sa.json', scopes: ['${AUTH}/drive'] });
export function deleteForUser(user, id) {
  return google.drive({ version: 'v3', auth: user }).files.delete({ fileId: id });
}
`,
            },
          ],
        },
      ],
    },
  ],
});
