/**
 * Docs API v1 facts. Source: https://developers.google.com/workspace/docs/api/auth (the scope
 * table's Usage column: documents and documents.readonly Sensitive, drive.file Recommended
 * Non-sensitive, drive and drive.readonly Restricted).
 */
import { driveFileFitsCreate } from './drive-file.ts';
import type { ApiFacts } from './types.ts';

const AUTH = 'https://www.googleapis.com/auth/';
const SCOPES = 'https://developers.google.com/workspace/docs/api/auth';

export const DOCS_V1: ApiFacts = {
  api: 'docs',
  version: 'v1',
  classifications: [
    { scope: `${AUTH}documents`, classification: 'sensitive', source: SCOPES },
    { scope: `${AUTH}documents.readonly`, classification: 'sensitive', readOnly: true, source: SCOPES },
  ],
  silentSubsets: [driveFileFitsCreate('documents.create', SCOPES)],
};
