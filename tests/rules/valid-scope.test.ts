import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.ts';
import rule from '../../src/rules/valid-scope.ts';
import { docExamples } from './doc-examples.ts';
import { untypedRuleTester } from './rule-tester.ts';

const ruleTester = untypedRuleTester();
const AUTH = 'https://www.googleapis.com/auth';

const docs = docExamples('valid-scope');

describe('valid-scope docs', () => {
  it('has the examples these tests use', () => {
    expect(docs.incorrect).toHaveLength(2);
    expect(docs.correct).toHaveLength(2);
  });
});

ruleTester.run('valid-scope', rule, {
  valid: [
    {
      name: 'a prefix constant that real scopes continue is not a scope attempt',
      code: `
export const GMAIL_PREFIX = 'https://www.googleapis.com/auth/gmail.';
export const READONLY = \`\${GMAIL_PREFIX}readonly\`;
`,
    },
    { name: 'docs: real scopes of Gmail and other APIs, openid email profile', code: docs.correct[0]! },
    { name: 'docs: other providers and Google URLs that are not scopes', code: docs.correct[1]! },
    {
      name: 'documented scopes no googleapis sample lists: Photos Library app-created data, Business Profile',
      code: `
import { google } from 'googleapis';
const photos = new google.auth.OAuth2().generateAuthUrl({
  scope: ['https://www.googleapis.com/auth/photoslibrary.readonly.appcreateddata', 'https://www.googleapis.com/auth/photoslibrary.edit.appcreateddata'],
});
const business = new google.auth.GoogleAuth({ scopes: ['https://www.googleapis.com/auth/business.manage'] });
`,
    },
    {
      // Review 3 H1: each is on a Google page (scripts/generate-scope-map.ts DOCUMENTED_SCOPES cites it).
      name: "documented scopes no googleapis sample lists: Firebase Realtime Database's own sample, Bigtable data, BigQuery read-only, Gemini tuning",
      code: `
var { google } = require('googleapis');
var scopes = ['https://www.googleapis.com/auth/userinfo.email', 'https://www.googleapis.com/auth/firebase.database'];
var jwtClient = new google.auth.JWT(process.env.EMAIL, null, process.env.KEY, scopes);
const bigtable = new google.auth.GoogleAuth({
  scopes: ['https://www.googleapis.com/auth/bigtable.data', 'https://www.googleapis.com/auth/bigtable.data.readonly', 'https://www.googleapis.com/auth/cloud-bigtable.data', 'https://www.googleapis.com/auth/cloud-bigtable.data.readonly'],
});
const sheets = new google.auth.GoogleAuth({ scopes: ['https://www.googleapis.com/auth/spreadsheets', 'https://www.googleapis.com/auth/bigquery.readonly'] });
const gemini = new google.auth.GoogleAuth({ scopes: ['https://www.googleapis.com/auth/cloud-platform', 'https://www.googleapis.com/auth/generative-language.tuning'] });
`,
    },
    {
      // Review 4 H14: firebase-admin's default scopes (SDK_DEFAULT_SCOPES cites its source) and
      // Cloud SQL's IAM login scope (DOCUMENTED_SCOPES).
      name: "firebase-admin's default scopes and Cloud SQL's IAM database login scope",
      code: `
import { GoogleAuth } from 'google-auth-library';
const admin = new GoogleAuth({
  scopes: ['https://www.googleapis.com/auth/cloud-platform', 'https://www.googleapis.com/auth/firebase.database', 'https://www.googleapis.com/auth/firebase.messaging', 'https://www.googleapis.com/auth/identitytoolkit', 'https://www.googleapis.com/auth/userinfo.email'],
});
const db = new GoogleAuth({ scopes: ['https://www.googleapis.com/auth/sqlservice.login'] });
`,
    },
    {
      // Review 3 H11: a VM's service-account scopes are machine configuration that Terraform CDK,
      // Pulumi and gcloud take as aliases too; this code requests no token with them.
      name: "a VM's service-account scopes (Terraform CDK, Pulumi) may be gcloud aliases beside URLs",
      code: `
import { ComputeInstance } from '@cdktf/provider-google/lib/compute-instance';
import * as gcp from '@pulumi/gcp';
export function vm(scope: any) {
  return new ComputeInstance(scope, 'vm', {
    name: 'vm',
    serviceAccount: { email: 'worker@p.iam.gserviceaccount.com', scopes: ['cloud-platform', 'https://www.googleapis.com/auth/logging.write'] },
  });
}
export const worker = new gcp.compute.Instance('worker', {
  serviceAccount: { email: 'worker@p.iam.gserviceaccount.com', scopes: ['cloud-platform', 'storage-ro', '${AUTH}/devstorage.read_only'] },
});
export const template = { serviceAccounts: [{ email: 'default', scopes: ['cloud-platform', '${AUTH}/logging.write'] }] };
`,
    },
    {
      name: "Microsoft Graph's scopes next to Google's are not typos of Gmail scopes",
      code: `
const msal = { scopes: ['Mail.Send', 'User.Read', 'offline_access'] };
const google = { scopes: ['${AUTH}/gmail.send', 'openid'] };
`,
      filename: 'file.ts',
    },
    {
      name: 'the scope URL prefix and scopes built from it',
      code: `
const SCOPE_PREFIX = '${AUTH}/';
export const SCOPES = [SCOPE_PREFIX + 'gmail.send', \`\${SCOPE_PREFIX}gmail.labels\`];
`,
    },
    {
      name: 'the domain gmail.com and a Gmail link are not scopes',
      code: `
const isGmail = (address) => address.split('@')[1] === 'gmail.com';
const open = 'https://mail.google.com/mail/u/0/#inbox';
`,
    },
    {
      name: 'a bare word in scope position is not taken for a Google short form',
      code: `const provider = { scope: ['drive', 'calendar'] };`,
    },
    {
      name: 'the allow option accepts a scope newer than the bundled list',
      code: `const auth = { scopes: ['${AUTH}/gmail.brandnew'] };`,
      options: [{ allow: [`${AUTH}/gmail.brandnew`] }],
    },
    {
      name: 'short names the code maps to URLs itself, and mail domains, outside scope positions',
      code: `
const SERVICE_SCOPES = { gmail: ['gmail.modify', 'mail.google.com', 'gmail.settings.basic'] };
const FULL_URL_SCOPES = new Set(['mail.google.com']);
const automatedDomains = ['mail.google.com', 'accounts.google.com'];
const READ = 'gmail.readonly';
`,
    },
    {
      name: 'a short-name list that is only ever mapped to URLs',
      code: `
const SCOPES = ['gmail.send', 'gmail.labels'];
const urls = SCOPES.map((scope) => \`https://www.googleapis.com/auth/\${scope}\`);
`,
    },
    {
      name: 'a link to the scope documentation in a *SCOPES constant',
      code: `var GOOGLE_OAUTH_SCOPES = 'https://developers.google.com/identity/protocols/oauth2/scopes';`,
    },
    {
      name: 'Apps Script and add-on manifest scopes that no discovery document lists',
      code: `
const ADDON_OAUTH_SCOPES = [
  'https://www.googleapis.com/auth/gmail.addons.execute',
  'https://www.googleapis.com/auth/gmail.addons.current.message.metadata',
  'https://www.googleapis.com/auth/script.external_request',
  'https://www.googleapis.com/auth/script.send_mail',
];
`,
    },
    {
      name: 'real scopes that no googleapis sample lists (the cited table) are not reported',
      code: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({
  scopes: [
    '${AUTH}/photoslibrary.readonly', '${AUTH}/photoslibrary.appendonly', '${AUTH}/photospicker.mediaitems.readonly',
    '${AUTH}/dfp', '${AUTH}/earthengine', '${AUTH}/drive.install', '${AUTH}/cloud-healthcare', '${AUTH}/source.read_only',
    '${AUTH}/adsensehost', '${AUTH}/assistant-sdk-prototype', '${AUTH}/generative-language.retriever',
  ],
});
`,
    },
    {
      name: "an MCP server's tools: `scopes: ['gmail.modify']` is the app's permission vocabulary, not a Google request",
      code: `
import { google } from 'googleapis';
const TOOLS = [
  { name: 'archive', scopes: ['gmail.modify'], handler: archive },
  { name: 'send', scopes: ['gmail.send'], handler: send },
];
server.registerTools(TOOLS);
export const allowed = (tool, granted) => tool.scopes.every((scope) => granted.includes(scope));
export const canSend = (granted) => granted.includes('gmail.send') || granted.indexOf('gmail.compose') >= 0;
`,
    },
    {
      name: 'a Gmail REST URL outside scope position',
      code: `await fetch('https://www.googleapis.com/gmail/v1/users/me/messages', { headers });`,
    },
  ],
  invalid: [
    {
      name: 'docs: short form, http:// and missing trailing slash are fixed',
      code: docs.incorrect[0]!,
      errors: [
        {
          messageId: 'invalidScope',
          line: 5,
          column: 6,
          data: { scope: 'gmail.send', problems: 'a short form, not the scope URL', replacement: `${AUTH}/gmail.send` },
        },
        {
          messageId: 'invalidScope',
          line: 6,
          column: 6,
          data: {
            scope: 'http://www.googleapis.com/auth/gmail.labels',
            problems: '`http://` instead of `https://`',
            replacement: `${AUTH}/gmail.labels`,
          },
        },
        {
          messageId: 'invalidScope',
          line: 7,
          column: 6,
          data: { scope: 'https://mail.google.com', problems: 'missing the trailing slash', replacement: 'https://mail.google.com/' },
        },
      ],
      // Each fix replaces only its word: every correction of the list lands in one pass.
      output: docs.incorrect[0]!.replace("'gmail.send'", `'${AUTH}/gmail.send'`)
        .replace("'http://www.googleapis.com/auth/gmail.labels'", `'${AUTH}/gmail.labels'`)
        .replace("'https://mail.google.com'", "'https://mail.google.com/'"),
    },
    {
      name: 'docs (TypeScript): wrong case and a typo inside a space-delimited string; did you mean',
      code: docs.incorrect[1]!,
      filename: 'file.ts',
      errors: [
        {
          messageId: 'invalidScope',
          line: 2,
          column: 23,
          data: {
            scope: `${AUTH}/Gmail.Readonly`,
            problems: 'wrong case (scope strings are case-sensitive)',
            replacement: `${AUTH}/gmail.readonly`,
          },
        },
        {
          messageId: 'invalidScope',
          line: 2,
          column: 70,
          data: { scope: `${AUTH}/gmail.sned`, problems: 'misspelled', replacement: `${AUTH}/gmail.send` },
        },
        {
          messageId: 'unknownScope',
          line: 5,
          column: 26,
          data: {
            scope: `${AUTH}/gmail.read`,
            problems: '',
            hint: ` Did you mean \`${AUTH}/gmail.readonly\` or \`${AUTH}/gmail.send\`?`,
          },
          suggestions: [
            {
              messageId: 'replaceScope',
              data: { replacement: `${AUTH}/gmail.readonly` },
              output: docs.incorrect[1]!.replace(`'${AUTH}/gmail.read'`, `'${AUTH}/gmail.readonly'`),
            },
            {
              messageId: 'replaceScope',
              data: { replacement: `${AUTH}/gmail.send` },
              output: docs.incorrect[1]!.replace(`'${AUTH}/gmail.read'`, `'${AUTH}/gmail.send'`),
            },
          ],
        },
      ],
      output: docs.incorrect[1]!.replace(`${AUTH}/Gmail.Readonly`, `${AUTH}/gmail.readonly`).replace(
        `${AUTH}/gmail.sned`,
        `${AUTH}/gmail.send`,
      ),
    },
    {
      name: 'missing www., missing /auth/, a trailing slash, in a template literal too',
      code: `
const SCOPES = [
  'https://googleapis.com/auth/gmail.send',
  'https://www.googleapis.com/gmail.labels',
  \`${AUTH}/gmail.compose/\`,
];
`,
      errors: [
        {
          messageId: 'invalidScope',
          line: 3,
          column: 4,
          data: { scope: 'https://googleapis.com/auth/gmail.send', problems: 'missing `www.`', replacement: `${AUTH}/gmail.send` },
        },
        {
          messageId: 'invalidScope',
          line: 4,
          column: 4,
          data: { scope: 'https://www.googleapis.com/gmail.labels', problems: 'missing `/auth/`', replacement: `${AUTH}/gmail.labels` },
        },
        {
          messageId: 'invalidScope',
          line: 5,
          column: 4,
          data: { scope: `${AUTH}/gmail.compose/`, problems: 'a trailing slash', replacement: `${AUTH}/gmail.compose` },
        },
      ],
      output: `
const SCOPES = [
  '${AUTH}/gmail.send',
  '${AUTH}/gmail.labels',
  \`${AUTH}/gmail.compose\`,
];
`,
    },
    {
      name: 'a Gmail short form where scopes go',
      code: `import { google } from 'googleapis';\nconst READ_SCOPE = 'gmail.readonly';\nexport const auth = new google.auth.GoogleAuth({ scopes: [READ_SCOPE] });`,
      filename: 'file.ts',
      errors: [{ messageId: 'invalidScope', line: 2, column: 21 }],
      output: `import { google } from 'googleapis';\nconst READ_SCOPE = '${AUTH}/gmail.readonly';\nexport const auth = new google.auth.GoogleAuth({ scopes: [READ_SCOPE] });`,
    },
    {
      name: 'a bare Google word next to Google scopes is a short form',
      code: `const auth = { scopes: ['drive', '${AUTH}/gmail.send'] };`,
      errors: [
        {
          messageId: 'invalidScope',
          line: 1,
          column: 26,
          data: { scope: 'drive', problems: 'a short form, not the scope URL', replacement: `${AUTH}/drive` },
        },
      ],
      output: `const auth = { scopes: ['${AUTH}/drive', '${AUTH}/gmail.send'] };`,
    },
    {
      name: 'no such Gmail scope: full access is https://mail.google.com/ (a suggestion, not a fix)',
      code: `const auth = { scopes: ['${AUTH}/gmail'] };`,
      errors: [
        {
          messageId: 'unknownScope',
          line: 1,
          column: 26,
          data: { scope: `${AUTH}/gmail`, problems: ': not a Gmail scope', hint: ' Did you mean `https://mail.google.com/`?' },
          suggestions: [
            {
              messageId: 'replaceScope',
              data: { replacement: 'https://mail.google.com/' },
              output: `const auth = { scopes: ['https://mail.google.com/'] };`,
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'an unknown Gmail scope with nothing close: reported without suggestions',
      code: `const auth = { scopes: ['${AUTH}/gmail.everything'] };`,
      errors: [
        {
          messageId: 'unknownScope',
          line: 1,
          column: 26,
          data: { scope: `${AUTH}/gmail.everything`, problems: ': not a Gmail scope', hint: '' },
          suggestions: [],
        },
      ],
      output: null,
    },
    {
      name: 'a concatenation is checked as a whole, reported without a fix',
      code: `
const PREFIX = '${AUTH}/';
const SCOPES = [PREFIX + 'gmail.sned'];
`,
      errors: [
        {
          messageId: 'invalidScope',
          line: 3,
          column: 17,
          data: { scope: `${AUTH}/gmail.sned`, problems: 'misspelled', replacement: `${AUTH}/gmail.send` },
        },
      ],
      output: null,
    },
    {
      name: 'a string with escapes is reported as a whole, without a fix',
      code: String.raw`const auth = { scope: 'https:\/\/mail.google.com' };`,
      errors: [{ messageId: 'invalidScope', line: 1, column: 23 }],
      output: null,
    },
    {
      name: 'Firebase addScope with a short form',
      code: `
import { GoogleAuthProvider } from 'firebase/auth';
const provider = new GoogleAuthProvider();
provider.addScope('gmail.labels');
`,
      errors: [{ messageId: 'invalidScope', line: 4, column: 20 }],
      output: `
import { GoogleAuthProvider } from 'firebase/auth';
const provider = new GoogleAuthProvider();
provider.addScope('${AUTH}/gmail.labels');
`,
    },
  ],
});

describe('valid-scope options', () => {
  const lint = (options: unknown): unknown =>
    new Linter({ configType: 'flat' }).verify('const x = 1;', [
      { plugins: { 'googleapis-scopes': plugin as never }, rules: { 'googleapis-scopes/valid-scope': ['error', options] } },
    ]);
  it('rejects an allow that is not a list of strings', () => {
    expect(() => lint({ allow: 'https://mail.google.com/' })).toThrow(
      /Key "googleapis-scopes\/valid-scope":\s*Value "https:\/\/mail\.google\.com\/" should be array/,
    );
  });
  it('rejects unknown keys', () => {
    expect(() => lint({ allowed: [] })).toThrow(/should NOT have additional properties/);
  });
  it('rejects duplicate allowed scopes', () => {
    expect(() => lint({ allow: ['a', 'a'] })).toThrow(/should NOT have duplicate items/);
  });
});

describe('valid-scope messages', () => {
  const lint = (code: string) =>
    new Linter({ configType: 'flat' }).verify(code, [
      { plugins: { 'googleapis-scopes': plugin as never }, rules: { 'googleapis-scopes/valid-scope': 'error' } },
    ]);
  it('asserts what Google answers only for a certain typo', () => {
    const [typo] = lint(`const auth = { scopes: ['${AUTH}/gmail.sned'] };`);
    expect(typo?.message).toBe(
      `\`${AUTH}/gmail.sned\` is not a Google OAuth scope (misspelled): Google answers \`invalid_scope\`. Use \`${AUTH}/gmail.send\`.`,
    );
  });
  it('says "not a scope Google documents" otherwise', () => {
    const [unknown] = lint(`const auth = { scopes: ['${AUTH}/gmail.everything'] };`);
    expect(unknown?.message).toBe(`\`${AUTH}/gmail.everything\` is not a scope Google documents: not a Gmail scope.`);
  });
});
