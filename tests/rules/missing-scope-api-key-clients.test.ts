import path from 'node:path';
import rule from '../../src/rules/missing-scope.ts';
import { FIXTURES, untypedRuleTester } from './rule-tester.ts';

// Auth objects google-auth-library makes to carry an API key — `google.auth.fromAPIKey(key)`
// (googleauth.js: `new JWT({ ...options, apiKey })`), `new OAuth2({ apiKey })` — send
// `X-Goog-Api-Key` and no OAuth token: their calls are not judged against the file's consent
// (review 4 H12). Real fixture module under tests/fixtures/api-key-clients.
const ruleTester = untypedRuleTester();
const AUTH = 'https://www.googleapis.com/auth';
const DIR = path.join(FIXTURES, 'api-key-clients');
const CONSENT = `
import { google } from 'googleapis';
const oauth2 = new google.auth.OAuth2(process.env.ID, process.env.SECRET, process.env.REDIRECT);
export const url = oauth2.generateAuthUrl({ scope: ['${AUTH}/youtube.upload'] });`;
const LIST = ".videos.list({ part: ['statistics'], id: [id] })";
const BOTH = `${CONSENT}
const both = new google.auth.OAuth2({ clientId: process.env.ID, apiKey: process.env.YT_KEY });
export const s7 = (id) => google.youtube({ version: 'v3', auth: both })${LIST};
`;

ruleTester.run('missing-scope (API-key auth objects)', rule, {
  valid: [
    {
      name: 'google.auth.fromAPIKey(key)',
      code: `${CONSENT}
const keyAuth = google.auth.fromAPIKey(process.env.YT_KEY);
export const s1 = (id) => google.youtube({ version: 'v3', auth: keyAuth })${LIST};
`,
    },
    {
      name: 'new OAuth2({ apiKey }) and new JWT({ apiKey }) from google-auth-library, TypeScript',
      code: `${CONSENT}
import { OAuth2Client, JWT } from 'google-auth-library';
const keyClient = new OAuth2Client({ apiKey: process.env.YT_KEY });
export const s3 = (id: string) => google.youtube({ version: 'v3', auth: keyClient })${LIST};
const keyJwt = new JWT({ apiKey: process.env.YT_KEY });
export const s4 = (id: string) => google.youtube({ version: 'v3', auth: keyJwt })${LIST};
`,
      filename: 'file.ts',
    },
    {
      name: 'new google.auth.OAuth2({ apiKey }) as a per-request auth',
      code: `${CONSENT}
const yt = google.youtube({ version: 'v3', auth: oauth2 });
export const s5 = (id) => yt.videos.list({ part: ['statistics'], id: [id] }, { auth: new google.auth.OAuth2({ apiKey: process.env.YT_KEY }) });
`,
    },
    {
      name: 'an API-key client exported by another module (fixture module)',
      code: `${CONSENT}
import { youtube } from './youtube.js';
export const s6 = (id) => youtube${LIST};
`,
      filename: path.join(DIR, 'a.js'),
    },
  ],
  invalid: [
    {
      name: 'an OAuth2 client with its own client id beside the key sends its token once it has one: judged',
      code: BOTH,
      errors: [
        {
          messageId: 'missingScope',
          line: 6,
          column: 27,
          suggestions: [
            {
              messageId: 'addScopes',
              data: { add: `\`${AUTH}/youtube.readonly\`` },
              output: BOTH.replace(`'${AUTH}/youtube.upload'`, `'${AUTH}/youtube.upload', '${AUTH}/youtube.readonly'`),
            },
          ],
        },
      ],
    },
  ],
});
