/**
 * Review 4 H1 and review 3 M3: whether a service account impersonates a user is judged per auth
 * object. `app` (acting as itself) only when every option of its constructor is visible without
 * a `subject` and nothing writes one into it later; a `subject` seen anywhere else in the file
 * (another JWT, an email's `subject: 'Hi'`) doesn't matter, and options spread from another
 * module or made by an imported factory (tests/fixtures/delegation/options.js) leave it unknown.
 */
import path from 'node:path';
import metadataScope from '../../src/rules/metadata-scope.ts';
import missingScope from '../../src/rules/missing-scope.ts';
import noRestrictedScopes from '../../src/rules/no-restricted-scopes.ts';
import { FIXTURES, untypedRuleTester } from './rule-tester.ts';

const ruleTester = untypedRuleTester();
const AUTH = 'https://www.googleapis.com/auth';
const DIR = path.join(FIXTURES, 'delegation');
const LANGUAGES = [
  ['JavaScript', path.join(DIR, 'app.js'), (code: string) => code],
  ['TypeScript', path.join(DIR, 'app.ts'), (code: string) => code.replace('const auth = new', 'const auth: object = new')],
] as const;

const KEY = 'email: process.env.SA_EMAIL, key: process.env.SA_KEY';
const file = (imports: string, auth: string, call: string, after = ''): string => `
import { google } from 'googleapis';
${imports}
const auth = ${auth};
await google.${call};
${after}`;
const ADMIN_SCOPES = `scopes: ['${AUTH}/admin.directory.user.readonly']`;
const USERS_LIST = "admin({ version: 'directory_v1', auth }).users.list({ customer: 'my_customer' })";
const admin = (imports: string, auth: string, after = ''): string => file(imports, auth, USERS_LIST, after);
const ADMIN_ERROR = {
  messageId: 'serviceAccountWithoutSubject' as const,
  line: 5,
  column: 7,
  data: {
    api: 'Admin SDK',
    method: 'users.list',
    kind: 'JWT',
    line: '4',
    reason: 'the Directory API needs it to impersonate an administrator (`subject`)',
  },
};
const CLASSROOM_ERROR = {
  ...ADMIN_ERROR,
  data: {
    api: 'Classroom',
    method: 'courses.list',
    kind: 'JWT',
    line: '4',
    reason: 'Classroom needs it to impersonate a user (`subject`)',
  },
};
const classroom = (after: string): string =>
  file(
    '',
    `new google.auth.JWT({ ${KEY}, scopes: ['${AUTH}/classroom.courses.readonly'] })`,
    "classroom({ version: 'v1', auth }).courses.list({})",
    after,
  );

for (const [language, filename, convert] of LANGUAGES) {
  ruleTester.run(`metadata-scope: a service account's subject, per auth object (${language})`, metadataScope, {
    valid: [
      {
        name: 'subject spread from another module (review 4 H1)',
        code: convert(
          admin("import { impersonation } from './options.js';", `new google.auth.JWT({ ${KEY}, ${ADMIN_SCOPES}, ...impersonation })`),
        ),
        filename,
      },
      {
        name: 'options made by an imported factory',
        code: convert(admin("import { jwtOptions } from './options.js';", 'new google.auth.JWT(jwtOptions())')),
        filename,
      },
      {
        name: 'options spread from a value the analysis cannot read',
        code: convert(admin('const options = globalThis.jwtOptions;', `new google.auth.JWT({ ${KEY}, ${ADMIN_SCOPES}, ...options })`)),
        filename,
      },
      {
        name: 'subject written later through another name',
        code: convert(
          admin('', `new google.auth.JWT({ ${KEY}, ${ADMIN_SCOPES} })`, 'const same = auth;\nsame.subject = process.env.ADMIN_EMAIL;\n'),
        ),
        filename,
      },
      {
        name: 'GoogleAuth whose clientOptions come from another module',
        code: convert(
          admin(
            "import { impersonation } from './options.js';",
            `new google.auth.GoogleAuth({ credentials: { client_email: 'sa@p.iam.gserviceaccount.com', private_key: 'k' }, ${ADMIN_SCOPES}, clientOptions: impersonation })`,
          ),
        ),
        filename,
      },
    ],
    invalid: [
      {
        name: 'options spread from another module without a subject: the app itself',
        code: convert(admin("import { keyOnly } from './options.js';", `new google.auth.JWT({ ...keyOnly, ${ADMIN_SCOPES} })`)),
        filename,
        errors: [ADMIN_ERROR],
      },
      {
        name: "another JWT's subject doesn't make this one a delegated account (review 3 M3)",
        code: convert(
          classroom(
            `const dwd = new google.auth.JWT({ ${KEY}, scopes: ['${AUTH}/drive.readonly'], subject: 'u@example.com' });\nexport const n = () => google.drive({ version: 'v3', auth: dwd }).files.list();\n`,
          ),
        ),
        filename,
        errors: [CLASSROOM_ERROR],
      },
      {
        name: "an email's subject (object literal and a write into it) doesn't matter",
        code: convert(
          classroom(
            "const message = { to: 'a@example.com', subject: 'Hi' };\nmessage.subject = 'Hello';\nexport const raw = () => JSON.stringify(message);\n",
          ),
        ),
        filename,
        errors: [CLASSROOM_ERROR],
      },
    ],
  });
}

const GIVEN = 'chat.messages.readonly';
const SPACES_LIST = "chat({ version: 'v1', auth }).spaces.list({})";
const chatError = (accepted: string, add: string) => ({
  messageId: 'missingScope' as const,
  line: 5,
  column: 7,
  data: { api: 'Chat', method: 'spaces.list', accepted, requested: GIVEN, source: 'the JWT on line 4', add, where: '' },
});
const suggestionsFor = (code: string, scopes: readonly string[]) =>
  scopes.map((scope) => ({
    messageId: 'addScopes' as const,
    data: { add: `\`${AUTH}/${scope}\`` },
    output: code.replace(`['${AUTH}/${GIVEN}']`, `['${AUTH}/${GIVEN}', '${AUTH}/${scope}']`),
  }));
const chatJwt = (imports: string, spread: string): string =>
  file(imports, `new google.auth.JWT({ ${KEY}, scopes: ['${AUTH}/${GIVEN}'], ...${spread} })`, SPACES_LIST);

for (const [language, filename, convert] of LANGUAGES) {
  const unknownSubject = convert(chatJwt("import { impersonation } from './options.js';", 'impersonation'));
  const namedSubject = convert(chatJwt("import { namedAdmin } from './options.js';", 'namedAdmin'));
  ruleTester.run(`missing-scope: a Chat fix with a subject from another module (${language})`, missingScope, {
    valid: [],
    invalid: [
      {
        name: 'a subject that may be set (review 4 H1): no autofix to chat.bot, every accepted scope suggested',
        code: unknownSubject,
        filename,
        output: null,
        errors: [
          {
            ...chatError('chat.bot, chat.spaces.readonly or broader', 'a scope it accepts'),
            suggestions: suggestionsFor(unknownSubject, ['chat.bot', 'chat.spaces.readonly', 'chat.spaces']),
          },
        ],
      },
      {
        name: "a subject the evaluator reads in the other module: a user's token, the user scopes",
        code: namedSubject,
        filename,
        output: null,
        errors: [
          {
            ...chatError('chat.spaces.readonly or broader', 'a scope it accepts'),
            suggestions: suggestionsFor(namedSubject, ['chat.spaces.readonly', 'chat.spaces']),
          },
        ],
      },
    ],
  });
}

const RESTRICTED = "public apps need Google's verification and a yearly CASA security assessment";
const TWO_JWTS = `
import { google } from 'googleapis';
const jwt = new google.auth.JWT({ ${KEY}, scopes: ['${AUTH}/drive.metadata.readonly'] });
export const m = () => google.drive({ version: 'v3', auth: jwt }).files.list();
const dwd = new google.auth.JWT({ ${KEY}, scopes: ['${AUTH}/drive.file'], subject: 'u@example.com' });
export const n = () => google.drive({ version: 'v3', auth: dwd }).files.list();
`;
/** Review 4 M3: a constant the service account shares with a consent URL on a client passed in. */
const SHARED_WITH_CONSENT = `
import { google } from 'googleapis';
const SCOPES = ['${AUTH}/gmail.readonly'];
export const jwt = new google.auth.JWT({ ${KEY}, scopes: SCOPES });
export function consent(o) { return o.generateAuthUrl({ scope: SCOPES }); }
`;
/** Constants only service accounts acting as themselves read, through a constant built from another. */
const SERVICE_ACCOUNTS_ONLY = `
import { google } from 'googleapis';
const BASE = ['${AUTH}/gmail.readonly'];
const SCOPES = [...BASE, '${AUTH}/drive.readonly'];
export const jwt = new google.auth.JWT({ ${KEY}, scopes: SCOPES });
export const other = new google.auth.JWT({ ${KEY}, scopes: BASE });
`;
const SPREAD_JWT = `
import { google } from 'googleapis';
import { impersonation } from './options.js';
const jwt = new google.auth.JWT({ ${KEY}, scopes: ['${AUTH}/drive.readonly'], ...impersonation });
export const m = () => google.drive({ version: 'v3', auth: jwt }).files.list();
`;

/** The 1-based column of the literal `'…/drive.readonly'` on a 1-based line of `code`. */
const readonlyColumn = (code: string, line: number): number => code.split('\n')[line - 1]!.indexOf(`'${AUTH}/drive.readonly'`) + 1;

for (const [language, filename, convert] of LANGUAGES) {
  const typed = (code: string) => (language === 'TypeScript' ? code.replace('const jwt = new', 'const jwt: object = new') : convert(code));
  ruleTester.run(`no-restricted-scopes: each JWT judged by its own options (${language})`, noRestrictedScopes, {
    valid: [
      {
        name: "a service account acting as itself next to another JWT's subject (review 3 M3)",
        code: typed(TWO_JWTS),
        filename,
      },
      {
        name: "an email's `subject: 'Hi'` doesn't make a service account user-facing",
        code: typed(TWO_JWTS.split('const dwd')[0]! + "export const message = { to: 'a@example.com', subject: 'Hi' };\n"),
        filename,
      },
      {
        name: 'constants read only by service accounts acting as themselves, through another constant',
        code: typed(SERVICE_ACCOUNTS_ONLY),
        filename,
      },
    ],
    invalid: [
      {
        name: 'the delegated JWT is reported as such, the other one not at all',
        code: typed(TWO_JWTS.replace('drive.file', 'drive.readonly').replace('drive.metadata.readonly', 'drive.readonly')),
        filename,
        errors: [
          {
            messageId: 'delegatedScope',
            line: 5,
            column: readonlyColumn(typed(TWO_JWTS.replace('drive.file', 'drive.readonly')), 5),
            data: {
              scope: 'drive.readonly',
              classification: 'restricted',
              api: 'Drive',
              consequence: 'no app verification; a Workspace admin must grant it',
            },
          },
        ],
      },
      {
        name: 'a constant a consent URL on a passed-in client reads too (review 4 M3)',
        code: typed(SHARED_WITH_CONSENT),
        filename,
        errors: [
          {
            messageId: 'restrictedScope',
            line: 3,
            column: 17,
            data: { scope: 'gmail.readonly', classification: 'restricted', api: 'Gmail', consequence: RESTRICTED },
          },
        ],
      },
      {
        name: 'a subject that may come from another module: reported with the verification text',
        code: typed(SPREAD_JWT),
        filename,
        errors: [
          {
            messageId: 'restrictedScope',
            line: 4,
            column: readonlyColumn(typed(SPREAD_JWT), 4),
            data: { scope: 'drive.readonly', classification: 'restricted', api: 'Drive', consequence: RESTRICTED },
          },
        ],
      },
    ],
  });
}
