/**
 * Slides API v1 facts. Source: https://developers.google.com/workspace/slides/api/scopes (the scope
 * table's Usage column: presentations, presentations.readonly, spreadsheets and
 * spreadsheets.readonly Sensitive; drive.file Recommended Non-sensitive; drive and drive.readonly
 * Restricted). presentations.batchUpdate's list also carries the Sheets scopes and drive.readonly
 * that read the spreadsheets behind linked charts (../order-facts.ts keeps it out of the order):
 * [batch]  https://developers.google.com/workspace/slides/api/reference/rest/v1/presentations/batchUpdate
 * [charts] https://developers.google.com/workspace/slides/api/guides/add-chart (section "Google
 *          Sheets access scopes": adding a chart makes the Slides API read it in Sheets, so the
 *          request needs spreadsheets.readonly, spreadsheets, drive.readonly or drive — besides a
 *          scope that edits the presentation): a token with only those reads the spreadsheet but
 *          cannot edit the presentation.
 */
import { driveFileFitsCreate } from './drive-file.ts';
import type { ApiFacts } from './types.ts';

const AUTH = 'https://www.googleapis.com/auth/';
const SCOPES = 'https://developers.google.com/workspace/slides/api/scopes';
const CHARTS = 'https://developers.google.com/workspace/slides/api/guides/add-chart';

export const SLIDES_V1: ApiFacts = {
  api: 'slides',
  version: 'v1',
  classifications: [
    { scope: `${AUTH}presentations`, classification: 'sensitive', source: SCOPES },
    { scope: `${AUTH}presentations.readonly`, classification: 'sensitive', readOnly: true, source: SCOPES },
  ],
  silentSubsets: [driveFileFitsCreate('presentations.create', SCOPES)],
  insufficientAlone: [
    {
      methods: ['presentations.batchUpdate'],
      scopes: [`${AUTH}drive.readonly`, `${AUTH}spreadsheets`, `${AUTH}spreadsheets.readonly`],
      why: 'they read the spreadsheet behind a linked chart; editing the presentation needs presentations, drive.file or drive',
      source: CHARTS,
    },
  ],
};
