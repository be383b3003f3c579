import rule from '../../src/rules/missing-scope.ts';
import { untypedRuleTester } from './rule-tester.ts';

// A fix extends only what the failing call's own auth requests: a scope constant that also feeds
// another token request (the users' consent URL, another auth object) gets a suggestion, never an
// autofix that would ask every user for the new scope (review 4 H10).
const ruleTester = untypedRuleTester();
const AUTH = 'https://www.googleapis.com/auth';
const RO = `'${AUTH}/drive.readonly'`;
const DELETE = { api: 'Drive', method: 'files.delete', accepted: 'drive', requested: 'drive.readonly', add: `\`${AUTH}/drive\`` };
const ADD_DRIVE = { messageId: 'addScopes' as const, data: { add: `\`${AUTH}/drive\`` } };

ruleTester.run('missing-scope (a declaration shared by several token requests)', rule, {
  valid: [],
  invalid: [
    {
      name: "H10: a service account's scopes shared with the users' consent URL: a suggestion only",
      code: `import { google } from 'googleapis';
const SCOPES = [${RO}];
const oauth2 = new google.auth.OAuth2(process.env.ID, process.env.SECRET, process.env.REDIRECT);
export const url = oauth2.generateAuthUrl({ scope: SCOPES });
export const list = () => google.drive({ version: 'v3', auth: oauth2 }).files.list();
const sa = new google.auth.GoogleAuth({ keyFile: 'sa.json', scopes: SCOPES });
export const purge = (id) => google.drive({ version: 'v3', auth: sa }).files.delete({ fileId: id });
`,
      errors: [
        {
          messageId: 'missingScope',
          line: 7,
          column: 30,
          data: { ...DELETE, source: 'the GoogleAuth on line 6', where: ' to `SCOPES`' },
          suggestions: [
            {
              ...ADD_DRIVE,
              output: `import { google } from 'googleapis';
const SCOPES = [${RO}, '${AUTH}/drive'];
const oauth2 = new google.auth.OAuth2(process.env.ID, process.env.SECRET, process.env.REDIRECT);
export const url = oauth2.generateAuthUrl({ scope: SCOPES });
export const list = () => google.drive({ version: 'v3', auth: oauth2 }).files.list();
const sa = new google.auth.GoogleAuth({ keyFile: 'sa.json', scopes: SCOPES });
export const purge = (id) => google.drive({ version: 'v3', auth: sa }).files.delete({ fileId: id });
`,
            },
          ],
        },
      ],
    },
    {
      name: 'H10: a constant two service accounts share: a suggestion only',
      code: `import { google } from 'googleapis';
const SCOPES = [${RO}];
const reader = new google.auth.GoogleAuth({ keyFile: 'reader.json', scopes: SCOPES });
export const list = () => google.drive({ version: 'v3', auth: reader }).files.list();
const janitor = new google.auth.GoogleAuth({ keyFile: 'janitor.json', scopes: SCOPES });
export const purge = (id) => google.drive({ version: 'v3', auth: janitor }).files.delete({ fileId: id });
`,
      errors: [
        {
          messageId: 'missingScope',
          line: 6,
          column: 30,
          data: { ...DELETE, source: 'the GoogleAuth on line 5', where: ' to `SCOPES`' },
          suggestions: [
            {
              ...ADD_DRIVE,
              output: `import { google } from 'googleapis';
const SCOPES = [${RO}, '${AUTH}/drive'];
const reader = new google.auth.GoogleAuth({ keyFile: 'reader.json', scopes: SCOPES });
export const list = () => google.drive({ version: 'v3', auth: reader }).files.list();
const janitor = new google.auth.GoogleAuth({ keyFile: 'janitor.json', scopes: SCOPES });
export const purge = (id) => google.drive({ version: 'v3', auth: janitor }).files.delete({ fileId: id });
`,
            },
          ],
        },
      ],
    },
    {
      name: "H10: a constant a local helper hands to the users' consent URL: a suggestion only",
      code: `import { google } from 'googleapis';
const SCOPES = [${RO}];
const oauth2 = new google.auth.OAuth2(process.env.ID, process.env.SECRET, process.env.REDIRECT);
function consentUrl(list) { return oauth2.generateAuthUrl({ scope: list }); }
export const url = consentUrl(SCOPES);
const sa = new google.auth.GoogleAuth({ keyFile: 'sa.json', scopes: SCOPES });
export const purge = (id) => google.drive({ version: 'v3', auth: sa }).files.delete({ fileId: id });
`,
      errors: [
        {
          messageId: 'missingScope',
          line: 7,
          data: { ...DELETE, source: 'the GoogleAuth on line 6', where: ' to `SCOPES`' },
          suggestions: [
            {
              ...ADD_DRIVE,
              output: `import { google } from 'googleapis';
const SCOPES = [${RO}, '${AUTH}/drive'];
const oauth2 = new google.auth.OAuth2(process.env.ID, process.env.SECRET, process.env.REDIRECT);
function consentUrl(list) { return oauth2.generateAuthUrl({ scope: list }); }
export const url = consentUrl(SCOPES);
const sa = new google.auth.GoogleAuth({ keyFile: 'sa.json', scopes: SCOPES });
export const purge = (id) => google.drive({ version: 'v3', auth: sa }).files.delete({ fileId: id });
`,
            },
          ],
        },
      ],
    },
    {
      name: 'H10: an exported constant may feed requests in other modules: a suggestion only',
      code: `import { google } from 'googleapis';
export const SCOPES = [${RO}];
const sa = new google.auth.GoogleAuth({ keyFile: 'sa.json', scopes: SCOPES });
export const purge = (id) => google.drive({ version: 'v3', auth: sa }).files.delete({ fileId: id });
`,
      errors: [
        {
          messageId: 'missingScope',
          line: 4,
          column: 30,
          data: { ...DELETE, source: 'the GoogleAuth on line 3', where: ' to `SCOPES`' },
          suggestions: [
            {
              ...ADD_DRIVE,
              output: `import { google } from 'googleapis';
export const SCOPES = [${RO}, '${AUTH}/drive'];
const sa = new google.auth.GoogleAuth({ keyFile: 'sa.json', scopes: SCOPES });
export const purge = (id) => google.drive({ version: 'v3', auth: sa }).files.delete({ fileId: id });
`,
            },
          ],
        },
      ],
    },
    {
      name: "H10: a constant only the call's own auth requests (and a check reads) is still fixed",
      code: `import { google } from 'googleapis';
const SCOPES = [${RO}];
const sa = new google.auth.GoogleAuth({ keyFile: 'sa.json', scopes: SCOPES });
export const canWrite = (granted) => SCOPES.every((scope) => granted.includes(scope));
export const purge = (id) => google.drive({ version: 'v3', auth: sa }).files.delete({ fileId: id });
`,
      output: `import { google } from 'googleapis';
const SCOPES = [${RO}, '${AUTH}/drive'];
const sa = new google.auth.GoogleAuth({ keyFile: 'sa.json', scopes: SCOPES });
export const canWrite = (granted) => SCOPES.every((scope) => granted.includes(scope));
export const purge = (id) => google.drive({ version: 'v3', auth: sa }).files.delete({ fileId: id });
`,
      errors: [{ messageId: 'missingScope', line: 5, data: { ...DELETE, source: 'the GoogleAuth on line 3', where: ' to `SCOPES`' } }],
    },
    {
      name: "H10: the OAuth2 client's own consent URL and its getClient() chain are its own requests: fixed",
      code: `import { google } from 'googleapis';
const SCOPES = [${RO}];
const oauth2 = new google.auth.OAuth2(process.env.ID, process.env.SECRET, process.env.REDIRECT);
export const url = oauth2.generateAuthUrl({ access_type: 'offline', scope: SCOPES.join(' ') });
export const purge = (id) => google.drive({ version: 'v3', auth: oauth2 }).files.delete({ fileId: id });
`,
      output: `import { google } from 'googleapis';
const SCOPES = [${RO}, '${AUTH}/drive'];
const oauth2 = new google.auth.OAuth2(process.env.ID, process.env.SECRET, process.env.REDIRECT);
export const url = oauth2.generateAuthUrl({ access_type: 'offline', scope: SCOPES.join(' ') });
export const purge = (id) => google.drive({ version: 'v3', auth: oauth2 }).files.delete({ fileId: id });
`,
      errors: [
        { messageId: 'missingScope', line: 5, data: { ...DELETE, source: 'the generateAuthUrl() call on line 4', where: ' to `SCOPES`' } },
      ],
    },
  ],
});
