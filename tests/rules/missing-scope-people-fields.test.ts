import leastPrivilege from '../../src/rules/least-privilege.ts';
import missingScope from '../../src/rules/missing-scope.ts';
import { untypedRuleTester } from './rule-tester.ts';

// Review 3 H7: People people/me `personFields` whose private values need their own profile scope
// (src/scopes/facts/people-v1.ts `silentFields`): without it the call succeeds with the public
// value only. The fix adds the field scopes, never contacts.readonly; with unknown fields it is a
// suggestion; least-privilege keeps a requested field scope.
const AUTH = 'https://www.googleapis.com/auth';

const header = (scopes: string) => `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: [${scopes}] });
const people = google.people({ version: 'v1', auth });
`;
const q = (label: string) => `'${AUTH}/${label}'`;
const ME_FIELDS = `export const a = () => people.people.get({ resourceName: 'people/me', personFields: 'names,phoneNumbers,birthdays' });\n`;
const UNKNOWN_FIELDS = `export const c = () => people.people.get({ resourceName: 'people/me', personFields: process.env.FIELDS });\n`;

const PEOPLE_GET_TIED = [
  'contacts.readonly',
  'user.addresses.read',
  'user.birthday.read',
  'user.emails.read',
  'user.gender.read',
  'user.organization.read',
  'user.phonenumbers.read',
];

const typed = (code: string): string => code.replace('const auth = new', 'const auth: unknown = new');

for (const [language, convert, filename] of [
  ['JavaScript', (code: string) => code, 'file.js'],
  ['TypeScript', typed, 'file.ts'],
] as const) {
  const known = convert(header(q('drive.file')) + ME_FIELDS);
  const unknown = convert(header(q('drive.file')) + UNKNOWN_FIELDS);
  untypedRuleTester().run(`missing-scope: People silent fields (${language})`, missingScope, {
    valid: [],
    invalid: [
      {
        name: 'known fields: the fix adds the phone number and birthday scopes, not contacts.readonly',
        code: known,
        filename,
        output: known.replace(q('drive.file'), `${q('drive.file')}, ${q('user.birthday.read')}, ${q('user.phonenumbers.read')}`),
        errors: [{ messageId: 'missingScope', line: 5, column: 24 }],
      },
      {
        name: 'unknown personFields: a suggestion, never an automatic fix',
        code: unknown,
        filename,
        output: null,
        errors: [
          {
            messageId: 'missingScope',
            line: 5,
            column: 24,
            // people.get's read scopes tie in the People table (classification, writes, narrowness):
            // with unknown fields nothing settles the choice, so each is offered.
            suggestions: PEOPLE_GET_TIED.map((label) => ({
              messageId: 'addScopes' as const,
              output: unknown.replace(q('drive.file'), `${q('drive.file')}, ${q(label)}`),
            })),
          },
        ],
      },
    ],
  });
  const both = convert(header(`${q('contacts.readonly')}, ${q('user.phonenumbers.read')}`) + ME_FIELDS.replace(',birthdays', ''));
  untypedRuleTester().run(`least-privilege: People field scopes stay (${language})`, leastPrivilege, {
    valid: [],
    invalid: [
      {
        name: 'user.phonenumbers.read reveals the private number: contacts.readonly is the one not needed',
        code: both,
        filename,
        output: null,
        errors: [
          {
            messageId: 'redundantScope',
            line: 3,
            column: filename === 'file.js' ? 52 : 61,
            suggestions: [{ messageId: 'removeScope', output: both.replace(`${q('contacts.readonly')}, `, '') }],
          },
        ],
      },
    ],
  });
}
