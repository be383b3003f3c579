import rule from '../../src/rules/missing-scope.ts';
import { untypedRuleTester } from './rule-tester.ts';

// A REST call whose bearer token comes from this file's own code exchange with Google's token
// endpoint (`fetch('https://oauth2.googleapis.com/token', { body: { code, … } })`, then
// `.json().access_token`) carries the scopes of the file's consent: judged by the file's requests,
// as an untraced token is. Any other function's result stays unknown (review 3 H8). Found by the
// application corpus (@realtimex/email-automator supabase/functions/auth-gmail/index.ts).
const AUTH = 'https://www.googleapis.com/auth';
const CONSENT = `const url = new URL('https://accounts.google.com/o/oauth2/v2/auth');
url.searchParams.set('scope', '${AUTH}/drive.readonly openid');
export const loginUrl = url.href;`;
const DELETE = `fetch(\`https://www.googleapis.com/drive/v3/files/\${id}\`, { method: 'DELETE', headers: { Authorization: \`Bearer \${tokens.access_token}\` } })`;
const FILES_DELETE_FROM_FILE = {
  api: 'Drive',
  method: 'files.delete',
  accepted: 'drive',
  source: 'this file',
  requested: 'drive.readonly and openid',
  add: `\`${AUTH}/drive\``,
  where: '',
};

untypedRuleTester().run('missing-scope (a token from the file’s own code exchange)', rule, {
  valid: [
    {
      name: 'a token read from another URL’s response is not this file’s consent',
      code: `${CONSENT}
export async function remove(id) {
  const response = await fetch('https://tokens.example.com/mint');
  const tokens = await response.json();
  await ${DELETE};
}
`,
    },
  ],
  invalid: [
    {
      name: 'fetch to the token endpoint, then .json(): judged by the file’s consent URL',
      code: `${CONSENT}
export async function remove(code, id) {
  const tokenResponse = await fetch('https://oauth2.googleapis.com/token', {
    method: 'POST',
    body: new URLSearchParams({ code, grant_type: 'authorization_code' }),
  });
  const tokens = await tokenResponse.json();
  await ${DELETE};
}
`,
      errors: [{ messageId: 'missingScope', line: 10, column: 9, data: FILES_DELETE_FROM_FILE, suggestions: [] }],
    },
    {
      name: 'axios.post to the token endpoint (a const URL), then .data',
      code: `import axios from 'axios';
${CONSENT}
const TOKEN_URL = 'https://oauth2.googleapis.com/token';
export async function remove(code, id) {
  const tokens = (await axios.post(TOKEN_URL, { code, grant_type: 'authorization_code' })).data;
  await ${DELETE};
}
`,
      errors: [{ messageId: 'missingScope', line: 8, column: 9, data: FILES_DELETE_FROM_FILE, suggestions: [] }],
    },
  ],
});
