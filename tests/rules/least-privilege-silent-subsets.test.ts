import rule from '../../src/rules/least-privilege.ts';
import { untypedRuleTester } from './rule-tester.ts';

// Review 3 H5: a silent subset (drive.file, drive.appdata: `silentSubsets` in src/scopes/facts/)
// covers a call only when the call fits it (src/scopes/policy.ts `usedScopes`), as missing-scope's
// fix decides. Removing drive.readonly next to drive.file would make `files.get` of any file the
// app did not create fail.
const ruleTester = untypedRuleTester();
const AUTH = 'https://www.googleapis.com/auth';

const READ_ANY_WRITE_OWN_JS = `
import { google } from 'googleapis';
const auth = new google.auth.OAuth2(process.env.ID, process.env.SECRET, process.env.REDIRECT);
export const url = auth.generateAuthUrl({
  scope: ['${AUTH}/drive.readonly', '${AUTH}/drive.file'],
});
const drive = google.drive({ version: 'v3', auth });
export const read = (id) => drive.files.get({ fileId: id, fields: 'id,name,owners' });
export const save = (name) => drive.files.create({ requestBody: { name } });
`;
const LIST_ANY_TS = `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/drive.file', '${AUTH}/drive.metadata.readonly'] });
await google.drive({ version: 'v3', auth }).files.list({ q: "mimeType='application/pdf'" });
`;
const APPDATA_AND_FILE_TS = `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/drive.appdata', '${AUTH}/drive.file'] });
const drive = google.drive({ version: 'v3', auth });
export const list = () => drive.files.list({ spaces: 'drive,appDataFolder' });
export const get = (id: string) => drive.files.get({ fileId: id, alt: 'media' });
`;
const CREATE_ONLY_TS = `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/drive.readonly', '${AUTH}/drive.file'] });
await google.drive({ version: 'v3', auth }).files.create({ requestBody: { name: 'report.csv' } });
`;

ruleTester.run('least-privilege: silent subsets cover only the calls that fit them', rule, {
  valid: [
    { name: 'JS: drive.readonly reads any file; drive.file covers only the create', code: READ_ANY_WRITE_OWN_JS },
    {
      name: 'TS: files.get of an unknown file fits neither drive.appdata nor drive.file: both stay',
      code: APPDATA_AND_FILE_TS,
      filename: 'file.ts',
    },
  ],
  invalid: [
    {
      name: 'TS: files.list of any file uses drive.metadata.readonly; drive.file (which sees only some files) is the redundant one',
      code: LIST_ANY_TS,
      filename: 'file.ts',
      errors: [
        {
          messageId: 'redundantScope',
          line: 3,
          column: 52,
          suggestions: [{ messageId: 'removeScope', output: LIST_ANY_TS.replace(`'${AUTH}/drive.file', `, '') }],
        },
      ],
      output: null,
    },
    {
      name: 'TS: a create fits drive.file, so drive.readonly (which never creates) is still unused',
      code: CREATE_ONLY_TS,
      filename: 'file.ts',
      errors: [
        {
          messageId: 'unusedScope',
          line: 3,
          column: 52,
          suggestions: [{ messageId: 'removeScope', output: CREATE_ONLY_TS.replace(`'${AUTH}/drive.readonly', `, '') }],
        },
      ],
      output: null,
    },
  ],
});
