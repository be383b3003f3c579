import metadataScope from '../../src/rules/metadata-scope.ts';
import missingScope from '../../src/rules/missing-scope.ts';
import { untypedRuleTester } from './rule-tester.ts';

// Issue 15 item 6: Sheets/Docs/Slides code that also calls the Drive API (files.list to find its
// spreadsheets) under only a spreadsheets/documents/presentations scope. The Drive call accepts
// none of them (Google's Drive reference lists only drive.* scopes for files.list:
// https://developers.google.com/workspace/drive/api/reference/rest/v3/files/list#authorization-scopes),
// so it certainly fails: that is a missing scope, reported once by missing-scope (with its fix),
// and the traps rule (metadata-scope) stays silent so the call is not reported twice.
const ruleTester = untypedRuleTester();
const AUTH = 'https://www.googleapis.com/auth';

const SHEETS_JS = `
const { google } = require('googleapis');
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/spreadsheets.readonly'] });
const drive = google.drive({ version: 'v3', auth });
const sheets = google.sheets({ version: 'v4', auth });
const { data } = await drive.files.list({ q: "mimeType='application/vnd.google-apps.spreadsheet'" });
await sheets.spreadsheets.values.get({ spreadsheetId: data.files[0].id, range: 'A1:B2' });
`;
const DOCS_TS = `
import { docs } from '@googleapis/docs';
import { drive } from '@googleapis/drive';
import { GoogleAuth } from 'google-auth-library';
const auth = new GoogleAuth({ scopes: ['${AUTH}/documents'] });
const found = await drive({ version: 'v3', auth }).files.list({ q: "mimeType='application/vnd.google-apps.document'" });
await docs({ version: 'v1', auth }).documents.get({ documentId: found.data.files![0]!.id! });
`;
const withDrive = (code: string, scope: string): string =>
  code.replace(`'${AUTH}/${scope}'`, `'${AUTH}/${scope}', '${AUTH}/drive.metadata.readonly'`);

ruleTester.run('missing-scope: a Drive call in Sheets or Docs code under only an editor scope', missingScope, {
  valid: [
    { name: 'Sheets code with a Drive scope for its files.list', code: withDrive(SHEETS_JS, 'spreadsheets.readonly') },
    { name: 'Docs code with a Drive scope (TypeScript)', code: withDrive(DOCS_TS, 'documents'), filename: 'file.ts' },
  ],
  invalid: [
    {
      name: 'Sheets (googleapis, JS): drive.files.list under only spreadsheets.readonly',
      code: SHEETS_JS,
      errors: [
        {
          messageId: 'missingScope',
          line: 6,
          column: 24,
          data: {
            api: 'Drive',
            method: 'files.list',
            accepted: 'drive.metadata.readonly or broader',
            source: 'the GoogleAuth on line 3',
            requested: 'spreadsheets.readonly',
            add: `\`${AUTH}/drive.metadata.readonly\``,
            where: '',
          },
        },
      ],
      output: withDrive(SHEETS_JS, 'spreadsheets.readonly'),
    },
    {
      name: 'Docs (@googleapis/docs and @googleapis/drive, TS): files.list under only documents',
      code: DOCS_TS,
      filename: 'file.ts',
      errors: [
        {
          messageId: 'missingScope',
          line: 6,
          column: 21,
          data: {
            api: 'Drive',
            method: 'files.list',
            accepted: 'drive.metadata.readonly or broader',
            source: 'the GoogleAuth on line 5',
            requested: 'documents',
            add: `\`${AUTH}/drive.metadata.readonly\``,
            where: '',
          },
        },
      ],
      output: withDrive(DOCS_TS, 'documents'),
    },
  ],
});

ruleTester.run('metadata-scope: the same calls are missing-scope’s, never reported twice', metadataScope, {
  valid: [
    { name: 'Sheets (JS)', code: SHEETS_JS },
    { name: 'Docs (TS)', code: DOCS_TS, filename: 'file.ts' },
  ],
  invalid: [],
});
