/**
 * Sheets API v4 facts. Source: https://developers.google.com/workspace/sheets/api/scopes (the scope
 * table's Usage column: spreadsheets and spreadsheets.readonly Sensitive, drive.file Recommended
 * Non-sensitive, drive and drive.readonly Restricted).
 */
import { driveFileFitsCreate } from './drive-file.ts';
import type { ApiFacts } from './types.ts';

const AUTH = 'https://www.googleapis.com/auth/';
const SCOPES = 'https://developers.google.com/workspace/sheets/api/scopes';

export const SHEETS_V4: ApiFacts = {
  api: 'sheets',
  version: 'v4',
  classifications: [
    { scope: `${AUTH}spreadsheets`, classification: 'sensitive', source: SCOPES },
    { scope: `${AUTH}spreadsheets.readonly`, classification: 'sensitive', readOnly: true, source: SCOPES },
    { scope: `${AUTH}drive.file`, classification: 'non-sensitive', source: SCOPES },
    { scope: `${AUTH}drive`, classification: 'restricted', source: SCOPES },
    { scope: `${AUTH}drive.readonly`, classification: 'restricted', readOnly: true, source: SCOPES },
  ],
  silentSubsets: [driveFileFitsCreate('spreadsheets.create', SCOPES)],
};
