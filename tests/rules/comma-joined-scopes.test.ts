import rule from '../../src/rules/valid-scope.ts';
import missingScope from '../../src/rules/missing-scope.ts';
import leastPrivilege from '../../src/rules/least-privilege.ts';
import { untypedRuleTester } from './rule-tester.ts';

// Review 3 L8: scopes joined with commas. google-auth-library sends a scope string as is (JWT,
// OAuth2Client.generateAuthUrl) and joins an array with spaces, but the Compute Engine client
// joins with commas: what `'a,b'` requests depends on the credential, so every rule but
// valid-scope reads it as unknown, and valid-scope names the mistake once, with a suggestion.
const ruleTester = untypedRuleTester();
const AUTH = 'https://www.googleapis.com/auth';
const JOINED = `${AUTH}/drive.readonly,${AUTH}/drive`;

const googleAuthString = `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: '${JOINED}' });
await google.drive({ version: 'v3', auth }).files.delete({ fileId: 'x' });
`;
const googleAuthArray = `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ['${JOINED}' /* both */] as string[] });
await google.drive({ version: 'v3', auth }).files.delete({ fileId: 'x' });
`;
const authUrl = `
import { google } from 'googleapis';
const oauth2 = new google.auth.OAuth2(process.env.ID, process.env.SECRET, process.env.REDIRECT);
export const url = oauth2.generateAuthUrl({ scope: '${AUTH}/gmail.readonly, ${AUTH}/gmail.send' });
export const list = () => google.gmail({ version: 'v1', auth: oauth2 }).users.messages.list({ userId: 'me' });
`;
const consentUrl = `
import { google } from 'googleapis';
const oauth2 = new google.auth.OAuth2(process.env.ID, process.env.SECRET, process.env.REDIRECT);
export const url = 'https://accounts.google.com/o/oauth2/v2/auth?client_id=x&scope=${AUTH}/gmail.readonly%2C${AUTH}/gmail.labels';
export const send = (raw) => google.gmail({ version: 'v1', auth: oauth2 }).users.messages.send({ userId: 'me', requestBody: { raw } });
`;
/** The report on one word of a string: its message, and the word's columns. */
const joined = (line: number, column: number, word: string) => ({
  messageId: 'commaJoinedScopes' as const,
  line,
  column,
  endColumn: column + word.length,
});

ruleTester.run('valid-scope (comma-joined scopes)', rule, {
  valid: [
    {
      name: 'space-delimited scopes are a scope list',
      code: `const auth = new GoogleAuth({ scopes: '${AUTH}/drive.readonly ${AUTH}/drive' });`,
    },
    { name: 'a comma list that is not Google scopes (GitHub)', code: `passport.use(new GitHubStrategy({ scope: 'user:email,repo' }));` },
  ],
  invalid: [
    {
      name: 'GoogleAuth with a comma-joined string: one report, a suggestion that puts spaces in',
      code: googleAuthString,
      errors: [
        {
          ...joined(3, 52, JOINED),
          suggestions: [{ messageId: 'spaceScopes', output: googleAuthString.replace(JOINED, JOINED.replace(',', ' ')) }],
        },
      ],
    },
    {
      name: 'TypeScript: a comma-joined string in an array keeps its comment and cast',
      code: googleAuthArray,
      filename: 'file.ts',
      errors: [
        {
          ...joined(3, 53, JOINED),
          suggestions: [{ messageId: 'spaceScopes', output: googleAuthArray.replace(JOINED, JOINED.replace(',', ' ')) }],
        },
      ],
    },
    {
      name: 'comma and space: the word with the comma is reported, the edit drops only the comma',
      code: authUrl,
      errors: [
        {
          ...joined(4, 53, `${AUTH}/gmail.readonly,`),
          suggestions: [{ messageId: 'spaceScopes', output: authUrl.replace(`gmail.readonly, `, 'gmail.readonly ') }],
        },
      ],
    },
    {
      name: 'a concatenation: reported once, without a suggestion',
      code: `const P = '${AUTH}/'; const auth = new GoogleAuth({ scopes: P + 'drive.readonly,' + P + 'drive' });`,
      errors: [{ messageId: 'commaJoinedScopes', line: 1, suggestions: [] }],
    },
  ],
});

ruleTester.run('missing-scope (comma-joined scopes are unknown)', missingScope, {
  valid: [
    { name: 'GoogleAuth with a comma-joined string (review 3 cs1)', code: googleAuthString },
    { name: 'TypeScript: a comma-joined string in an array', code: googleAuthArray, filename: 'file.ts' },
    { name: 'generateAuthUrl with a comma-joined string', code: authUrl },
    { name: 'a consent URL whose scope parameter holds an encoded comma', code: consentUrl },
  ],
  invalid: [
    {
      name: 'the same consent URL with a space is two scopes, neither of them enough',
      code: consentUrl.replace('%2C', '%20'),
      errors: [{ messageId: 'missingScope', line: 5 }],
    },
    {
      name: 'the space-joined string is read as the library reads it: two scopes',
      code: googleAuthString.replace(JOINED, `${AUTH}/drive.readonly ${AUTH}/gmail.send`),
      output: googleAuthString.replace(JOINED, `${AUTH}/drive.readonly ${AUTH}/gmail.send ${AUTH}/drive`),
      errors: [{ messageId: 'missingScope', line: 4 }],
    },
  ],
});

ruleTester.run('least-privilege (comma-joined scopes are unknown)', leastPrivilege, {
  valid: [],
  invalid: [
    {
      // The comma-joined word is neither "needed by none" nor a reason to keep \`drive\`.
      name: 'a known scope beside a comma-joined word is judged, the word is not',
      code: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: '${AUTH}/drive ${AUTH}/drive.file,${AUTH}/gmail.send' });
await google.drive({ version: 'v3', auth }).files.list({});
`,
      errors: [{ messageId: 'broaderScope', line: 3, column: 52 }],
    },
  ],
});
