/**
 * Slides API v1 facts. Source: https://developers.google.com/workspace/slides/api/scopes (the scope
 * table's Usage column: presentations, presentations.readonly, spreadsheets and
 * spreadsheets.readonly Sensitive; drive.file Recommended Non-sensitive; drive and drive.readonly
 * Restricted). presentations.batchUpdate's list also carries the Sheets scopes that read linked
 * charts (../order-facts.ts keeps it out of the order).
 */
import { driveFileFitsCreate } from './drive-file.ts';
import type { ApiFacts } from './types.ts';

const AUTH = 'https://www.googleapis.com/auth/';
const SCOPES = 'https://developers.google.com/workspace/slides/api/scopes';

export const SLIDES_V1: ApiFacts = {
  api: 'slides',
  version: 'v1',
  classifications: [
    { scope: `${AUTH}presentations`, classification: 'sensitive', source: SCOPES },
    { scope: `${AUTH}presentations.readonly`, classification: 'sensitive', readOnly: true, source: SCOPES },
  ],
  silentSubsets: [driveFileFitsCreate('presentations.create', SCOPES)],
};
