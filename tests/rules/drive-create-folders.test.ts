import leastPrivilege from '../../src/rules/least-privilege.ts';
import missingScope from '../../src/rules/missing-scope.ts';
import { untypedRuleTester } from './rule-tester.ts';

// Review 4 H4: drive.file reaches only files the app created or the user gave it
// (src/scopes/facts/drive-v3.ts [scopes], [folders]): a create fits it only in My Drive's root
// (no `parents`, or `'root'`); a folder id written in the code is someone's folder, where the
// create answers 404 under drive.file. Review 4 H7: Drive v2's `parents` are objects
// (`[{ id: 'appDataFolder' }]`) and mean what v3's string ids do; when an unresolved folder may be
// `appDataFolder` (only drive.appdata reaches it) the choice is open: suggestions, no autofix.
const AUTH = 'https://www.googleapis.com/auth';
const FOLDER = '1AbCdEfGhIjKlMnOpQrStUvWxYz';
const code = (version: string, call: string, scope = 'spreadsheets') => `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/${scope}'] });
const drive = google.drive({ version: '${version}', auth });
export const up = (folderId, body) => drive.${call};
`;
const added = (source: string, scope: string) => source.replace(`'${AUTH}/spreadsheets'`, `'${AUTH}/spreadsheets', '${AUTH}/${scope}'`);
const typed = (source: string) =>
  source
    .replace('(folderId, body) =>', '(folderId: string, body: string) =>')
    .replace('up(folderId, body) {', 'up(folderId: string, body: string) {')
    .replace('[folder.data.id]', '[folder.data.id!]');

const INTO_FOLDER = code(
  'v3',
  `files.create({ requestBody: { name: 'report.csv', parents: ['${FOLDER}'] }, media: { mimeType: 'text/csv', body } })`,
);
const INTO_ROOT = code(
  'v3',
  "files.create({ requestBody: { name: 'report.csv', parents: ['root'] }, media: { mimeType: 'text/csv', body } })",
);
const INTO_UNKNOWN = code('v3', "files.create({ requestBody: { name: 'report.csv', parents: [folderId] } })");
const V2_INTO_FOLDER = code('v2', `files.insert({ requestBody: { title: 'report.csv', parents: [{ id: '${FOLDER}' }] } })`);
const V2_APPDATA = code(
  'v2',
  "files.insert({ requestBody: { title: 'cfg.json', parents: [{ id: 'appDataFolder' }] }, media: { mimeType: 'application/json', body } })",
);
const V2_INTO_UNKNOWN = code('v2', "files.insert({ requestBody: { title: 'report.csv', parents: [{ id: folderId }] } })");

// A folder the same code created (its id read from the awaited create) is one drive.file reaches.
const folderThenFile = (version: string, create: string, name: string, parent: string) => `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/spreadsheets'] });
const drive = google.drive({ version: '${version}', auth });
export async function up(folderId, body) {
  const folder = await drive.files.${create}({ requestBody: { ${name}: 'Reports', mimeType: 'application/vnd.google-apps.folder' } });
  return drive.files.${create}({ requestBody: { ${name}: 'r.csv', parents: [${parent}] }, media: { body } });
}
`;
const CREATED_V3 = folderThenFile('v3', 'create', 'name', 'folder.data.id');
const CREATED_V2 = folderThenFile('v2', 'insert', 'title', '{ id: folder.data.id }');
const PASSED = CREATED_V3.replace(/const folder = .*\n/, 'const folder = { data: { id: folderId } };\n');

/** "Drive `files.create` needs drive.appdata or drive but gets spreadsheets from the GoogleAuth on line 3. Add a scope it accepts." */
const openData = (method: string) => ({
  api: 'Drive',
  method,
  accepted: 'drive.appdata or drive',
  requested: 'spreadsheets',
  source: 'the GoogleAuth on line 3',
  add: 'a scope it accepts',
  where: '',
});

for (const [language, convert, filename] of [
  ['JavaScript', (source: string) => source, 'file.js'],
  ['TypeScript', typed, 'file.ts'],
] as const) {
  const column = filename === 'file.js' ? 39 : 55;
  const openChoice = (source: string, method: string) => ({
    code: convert(source),
    filename,
    output: null,
    errors: [
      {
        messageId: 'missingScope' as const,
        data: openData(method),
        line: 5,
        column,
        suggestions: [
          { messageId: 'addScopes' as const, output: convert(added(source, 'drive.appdata')) },
          { messageId: 'addScopes' as const, output: convert(added(source, 'drive')) },
        ],
      },
    ],
  });
  untypedRuleTester().run(`missing-scope: Drive creates into folders (${language})`, missingScope, {
    valid: [],
    invalid: [
      {
        name: 'H4: files.create into a folder id written in the code: drive, never drive.file',
        code: convert(INTO_FOLDER),
        filename,
        output: convert(added(INTO_FOLDER, 'drive')),
        errors: [{ messageId: 'missingScope', line: 5, column }],
      },
      {
        name: "files.create into 'root' (My Drive's root, where no parents puts it too) fits drive.file",
        code: convert(INTO_ROOT),
        filename,
        output: convert(added(INTO_ROOT, 'drive.file')),
        errors: [{ messageId: 'missingScope', line: 5, column }],
      },
      {
        name: 'H4: v2 files.insert into a literal folder (object parents): drive, never drive.file',
        code: convert(V2_INTO_FOLDER),
        filename,
        output: convert(added(V2_INTO_FOLDER, 'drive')),
        errors: [{ messageId: 'missingScope', line: 5, column }],
      },
      {
        name: "H7: v2 files.insert into [{ id: 'appDataFolder' }]: drive.appdata (drive can't reach that folder)",
        code: convert(V2_APPDATA),
        filename,
        output: convert(added(V2_APPDATA, 'drive.appdata')),
        errors: [{ messageId: 'missingScope', line: 5, column }],
      },
      ...[CREATED_V3, CREATED_V2].map((source) => ({
        name: `H4: ${source === CREATED_V3 ? 'files.create' : 'v2 files.insert'} into the folder the code just created fits drive.file`,
        code: convert(source),
        filename,
        output: convert(added(source, 'drive.file')),
        errors: [
          { messageId: 'missingScope' as const, line: 6, column: 24 },
          { messageId: 'missingScope' as const, line: 7, column: 10 },
        ],
      })),
      {
        name: 'H4: a folder id passed in (not created here) is unknown: suggestions only',
        code: convert(PASSED),
        filename,
        output: null,
        errors: [
          {
            messageId: 'missingScope' as const,
            line: 7,
            column: 10,
            suggestions: [
              { messageId: 'addScopes' as const, output: convert(added(PASSED, 'drive.appdata')) },
              { messageId: 'addScopes' as const, output: convert(added(PASSED, 'drive')) },
            ],
          },
        ],
      },
      {
        name: 'H7: files.create into an unresolved folder, which may be appDataFolder: suggestions only',
        ...openChoice(INTO_UNKNOWN, 'files.create'),
      },
      {
        name: 'H7: v2 files.insert into an unresolved [{ id }] folder: suggestions only',
        ...openChoice(V2_INTO_UNKNOWN, 'files.insert'),
      },
    ],
  });
}

// least-privilege (H4): drive is what a create into someone's folder needs; drive.file covers only a create in the root.
const KEEPS_DRIVE = code(
  'v3',
  `files.create({ requestBody: { name: 'r.csv', parents: ['${FOLDER}'] }, media: { mimeType: 'text/csv', body } })`,
  'drive',
);
const ROOT_ONLY = code(
  'v3',
  "files.create({ requestBody: { name: 'r.csv', parents: ['root'] }, media: { mimeType: 'text/csv', body } })",
  'drive',
);
untypedRuleTester().run('least-privilege: drive.file covers a create only in the root', leastPrivilege, {
  valid: [
    { name: 'JS: a create into a folder id written in the code keeps drive', code: KEEPS_DRIVE },
    { name: 'TS: the same', code: typed(KEEPS_DRIVE), filename: 'file.ts' },
  ],
  invalid: [ROOT_ONLY, typed(ROOT_ONLY)].map((source, index) => ({
    name: `${index === 0 ? 'JS' : 'TS'}: a create into 'root' needs only drive.file`,
    code: source,
    ...(index === 0 ? {} : { filename: 'file.ts' }),
    output: null,
    errors: [
      {
        messageId: 'broaderScope' as const,
        line: 3,
        column: 52,
        suggestions: [{ messageId: 'replaceScope' as const, output: source.replace(`${AUTH}/drive'`, `${AUTH}/drive.file'`) }],
      },
    ],
  })),
});
