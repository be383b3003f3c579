import rule from '../../src/rules/least-privilege.ts';
import { untypedRuleTester } from './rule-tester.ts';

// least-privilege beyond Gmail (issue 15): the same rule on every analysed API, through the one
// solve() (src/scopes/solver.ts) with each API's CallRequirement, so a replacement is never a
// silent subset (drive.file, calendar.events.owned*) unless the call's literal arguments show it fits.
const ruleTester = untypedRuleTester();
const AUTH = 'https://www.googleapis.com/auth';

const replaced = (code: string, scope: string, by: string): string => code.replace(`'${AUTH}/${scope}'`, `'${AUTH}/${by}'`);

const DRIVE_LIST_JS = `
const { google } = require('googleapis');
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/drive'] });
google.drive({ version: 'v3', auth }).files.list({ q: "mimeType='application/vnd.google-apps.spreadsheet'" });
`;
const DRIVE_CREATE_TS = `
import { drive } from '@googleapis/drive';
import { GoogleAuth } from 'google-auth-library';
const auth = new GoogleAuth({ scopes: ['${AUTH}/drive'] });
await drive({ version: 'v3', auth }).files.create({ requestBody: { name: 'report.csv' } });
`;
const DRIVE_MEDIA_TS = `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/drive'] });
await google.drive({ version: 'v3', auth }).files.get({ fileId: 'x', alt: 'media' });
`;
const CALENDAR_PRIMARY_TS = `
import { calendar } from '@googleapis/calendar';
import { GoogleAuth } from 'google-auth-library';
const auth = new GoogleAuth({ scopes: ['${AUTH}/calendar'] });
await calendar({ version: 'v3', auth }).events.list({ calendarId: 'primary' });
`;
const CALENDAR_ANY_TS = `
import { calendar } from '@googleapis/calendar';
import { GoogleAuth } from 'google-auth-library';
const auth = new GoogleAuth({ scopes: ['${AUTH}/calendar'] });
export async function list(id: string) {
  await calendar({ version: 'v3', auth }).events.list({ calendarId: id });
}
`;
const SHEETS_JS = `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/spreadsheets', '${AUTH}/spreadsheets.readonly'] });
await google.sheets({ version: 'v4', auth }).spreadsheets.values.get({ spreadsheetId: 'x', range: 'A1' });
`;
const GMAIL_AND_DRIVE_JS = `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/gmail.send', '${AUTH}/drive.readonly'] });
await google.gmail({ version: 'v1', auth }).users.messages.send({ userId: 'me', requestBody: { raw: '' } });
`;

const broader = (api: string, line: number, column: number, scope: string, by: string, code: string, effect = '') => ({
  messageId: 'broaderScope' as const,
  line,
  column,
  data: { api, source: `the GoogleAuth on line ${line}`, scope, narrower: `\`${AUTH}/${by}\``, cover: 'covers', effect },
  suggestions: [{ messageId: 'replaceScope' as const, data: { scope, narrower: `\`${AUTH}/${by}\`` }, output: replaced(code, scope, by) }],
});

ruleTester.run('least-privilege on the phase-1 APIs', rule, {
  valid: [
    {
      name: 'Drive: drive.file for a file the app creates is already least privilege',
      code: replaced(DRIVE_CREATE_TS, 'drive', 'drive.file'),
      filename: 'file.ts',
    },
    {
      name: 'Calendar: calendar.events.readonly for any calendarId is as narrow as the call allows (never calendar.events.owned.readonly)',
      code: replaced(CALENDAR_ANY_TS, 'calendar', 'calendar.events.readonly'),
      filename: 'file.ts',
    },
    {
      name: 'Drive: drive.readonly for an alt: media download (drive.metadata.readonly would fail it)',
      code: replaced(DRIVE_MEDIA_TS, 'drive', 'drive.readonly'),
      filename: 'file.ts',
    },
  ],
  invalid: [
    {
      name: 'Drive (googleapis, JS): files.list needs only metadata → drive.metadata.readonly',
      code: DRIVE_LIST_JS,
      errors: [broader('Drive', 3, 52, 'drive', 'drive.metadata.readonly', DRIVE_LIST_JS)],
      output: null,
    },
    {
      name: 'Drive (@googleapis/drive, TS): files.create fits drive.file (the app creates the file)',
      code: DRIVE_CREATE_TS,
      filename: 'file.ts',
      errors: [
        broader('Drive', 4, 40, 'drive', 'drive.file', DRIVE_CREATE_TS, ' That lowers the app from restricted to non-sensitive scopes.'),
      ],
      output: null,
    },
    {
      name: "Drive (googleapis, TS): alt: 'media' downloads content → drive.readonly, never drive.metadata.readonly",
      code: DRIVE_MEDIA_TS,
      filename: 'file.ts',
      errors: [broader('Drive', 3, 52, 'drive', 'drive.readonly', DRIVE_MEDIA_TS)],
      output: null,
    },
    {
      name: "Calendar (@googleapis/calendar, TS): calendarId 'primary' fits calendar.events.owned.readonly",
      code: CALENDAR_PRIMARY_TS,
      filename: 'file.ts',
      errors: [broader('Calendar', 4, 40, 'calendar', 'calendar.events.owned.readonly', CALENDAR_PRIMARY_TS)],
      output: null,
    },
    {
      name: 'Calendar (@googleapis/calendar, TS): an unknown calendarId gets calendar.events.readonly, not an owned-only scope',
      code: CALENDAR_ANY_TS,
      filename: 'file.ts',
      errors: [broader('Calendar', 4, 40, 'calendar', 'calendar.events.readonly', CALENDAR_ANY_TS)],
      output: null,
    },
    {
      name: 'Sheets (googleapis, JS): spreadsheets next to spreadsheets.readonly for a read is redundant',
      code: SHEETS_JS,
      errors: [
        {
          messageId: 'redundantScope',
          line: 3,
          column: 52,
          data: {
            api: 'Sheets',
            source: 'the GoogleAuth on line 3',
            scope: 'spreadsheets',
            others: '`spreadsheets.readonly`',
            cover: 'covers',
            effect: '',
          },
          suggestions: [
            {
              messageId: 'removeScope',
              output: SHEETS_JS.replace(`'${AUTH}/spreadsheets', `, ''),
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'Gmail and Drive (googleapis, JS): a Drive scope no call needs is unused; the message names the calls’ API',
      code: GMAIL_AND_DRIVE_JS,
      errors: [
        {
          messageId: 'unusedScope',
          line: 3,
          column: 98,
          data: {
            api: 'Gmail',
            source: 'the GoogleAuth on line 3',
            scope: 'drive.readonly',
            effect: ' That lowers the app from restricted to sensitive scopes.',
          },
          suggestions: [{ messageId: 'removeScope', output: GMAIL_AND_DRIVE_JS.replace(`, '${AUTH}/drive.readonly'`, '') }],
        },
      ],
      output: null,
    },
  ],
});
