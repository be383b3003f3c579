import missingScope from '../../src/rules/missing-scope.ts';
import { untypedRuleTester } from './rule-tester.ts';

// Review 3 M4: Drive v2 gets v3's cited facts under v2's method names (src/scopes/facts/drive-v2.ts):
// `files.insert` creates a file, so drive.file fits; drive.appdata (only the hidden app folder)
// and drive.apps.readonly (only the installed apps) are never proposed for it.
const AUTH = 'https://www.googleapis.com/auth';
const code = (call: string) => `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/spreadsheets'] });
export const e = (id) => google.drive({ version: 'v2', auth }).${call};
`;
const added = (source: string, scope: string) => source.replace(`'${AUTH}/spreadsheets'`, `'${AUTH}/spreadsheets', '${AUTH}/${scope}'`);
const typed = (source: string) => source.replace('(id) =>', '(id: string) =>');

const INSERT = code("files.insert({ requestBody: { title: 'x' } })");
const INSERT_APPDATA = code("files.list({ spaces: 'appDataFolder' })");
const PATCH = code("files.patch({ fileId: id, requestBody: { title: 'x' } })");

for (const [language, convert, filename] of [
  ['JavaScript', (source: string) => source, 'file.js'],
  ['TypeScript', typed, 'file.ts'],
] as const) {
  const column = filename === 'file.js' ? 26 : 34;
  untypedRuleTester().run(`missing-scope: Drive v2 (${language})`, missingScope, {
    valid: [],
    invalid: [
      {
        name: 'files.insert creates the file: drive.file, never drive.appdata or drive.apps.readonly',
        code: convert(INSERT),
        filename,
        output: convert(added(INSERT, 'drive.file')),
        errors: [{ messageId: 'missingScope', line: 4, column }],
      },
      {
        name: "spaces: 'appDataFolder' fits drive.appdata",
        code: convert(INSERT_APPDATA),
        filename,
        output: convert(added(INSERT_APPDATA, 'drive.appdata')),
        errors: [{ messageId: 'missingScope', line: 4, column }],
      },
      {
        name: 'files.patch of an unknown file: a scope that sees every file, not drive.apps.readonly',
        code: convert(PATCH),
        filename,
        output: convert(added(PATCH, 'drive.metadata')),
        errors: [{ messageId: 'missingScope', line: 4, column }],
      },
    ],
  });
}
