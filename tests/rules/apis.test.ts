/**
 * Issue 15 phase 1: realistic calls of Drive, Sheets and Calendar (and one Gmail call next to
 * them) are reported and fixed exactly, through `googleapis` and `@googleapis/<api>`, in
 * JavaScript and TypeScript. A silent subset (drive.file) counts when requested but is never
 * proposed unless the call shows it fits; cited traps are metadata-scope's reports.
 */
import missingScope from '../../src/rules/missing-scope.ts';
import metadataScope from '../../src/rules/metadata-scope.ts';
import { untypedRuleTester } from './rule-tester.ts';

const ruleTester = untypedRuleTester();
const AUTH = 'https://www.googleapis.com/auth';

ruleTester.run('missing-scope on the phase-1 APIs', missingScope, {
  valid: [
    {
      name: 'Drive files.list under drive.file only: accepted (a silent subset is not a failure)',
      code: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/drive.file'] });
const drive = google.drive({ version: 'v3', auth });
await drive.files.list({ pageSize: 10 });
`,
    },
    {
      name: 'Sheets values.get under spreadsheets.readonly (@googleapis/sheets, TypeScript)',
      code: `
import { sheets, auth as gauth } from '@googleapis/sheets';
const auth = new gauth.GoogleAuth({ scopes: ['${AUTH}/spreadsheets.readonly'] });
const client = sheets({ version: 'v4', auth });
const res: unknown = await client.spreadsheets.values.get({ spreadsheetId: 'id', range: 'A1:B2' });
`,
    },
    {
      name: 'Calendar events.list under calendar.readonly',
      code: `
const { google } = require('googleapis');
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/calendar.readonly'] });
const calendar = google.calendar({ version: 'v3', auth });
calendar.events.list({ calendarId: 'primary' });
`,
    },
    {
      name: 'a cited trap (alt media under drive.metadata.readonly) is left to metadata-scope',
      code: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/drive.metadata.readonly'] });
const drive = google.drive({ version: 'v3', auth });
await drive.files.get({ fileId: 'id', alt: 'media' });
`,
    },
  ],
  invalid: [
    {
      name: 'Drive files.delete under drive.readonly: the fix adds drive (drive.file and drive.appdata do not fit the call)',
      code: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/drive.readonly'] });
const drive = google.drive({ version: 'v3', auth });
await drive.files.delete({ fileId: 'id' });
`,
      output: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/drive.readonly', '${AUTH}/drive'] });
const drive = google.drive({ version: 'v3', auth });
await drive.files.delete({ fileId: 'id' });
`,
      errors: [
        {
          line: 5,
          column: 7,
          messageId: 'missingScope',
          data: {
            api: 'Drive',
            method: 'files.delete',
            accepted: 'drive',
            requested: 'drive.readonly',
            source: 'the GoogleAuth on line 3',
            add: `\`${AUTH}/drive\``,
            where: '',
          },
        },
      ],
    },
    {
      name: 'Drive files.create under no Drive scope: drive.file fits a new file (@googleapis/drive, TypeScript)',
      code: `
import { drive, auth as gauth } from '@googleapis/drive';
const auth: gauth.GoogleAuth = new gauth.GoogleAuth({ scopes: ['${AUTH}/spreadsheets'] });
const client = drive({ version: 'v3', auth });
await client.files.create({ requestBody: { name: 'report.csv' } });
`,
      output: `
import { drive, auth as gauth } from '@googleapis/drive';
const auth: gauth.GoogleAuth = new gauth.GoogleAuth({ scopes: ['${AUTH}/spreadsheets', '${AUTH}/drive.file'] });
const client = drive({ version: 'v3', auth });
await client.files.create({ requestBody: { name: 'report.csv' } });
`,
      errors: [
        {
          line: 5,
          messageId: 'missingScope',
          data: {
            api: 'Drive',
            method: 'files.create',
            accepted: 'drive.file or broader',
            requested: 'spreadsheets',
            source: 'the GoogleAuth on line 3',
            add: `\`${AUTH}/drive.file\``,
            where: '',
          },
        },
      ],
    },
    {
      name: 'Sheets values.update under spreadsheets.readonly: the fix adds spreadsheets',
      code: `
const { google } = require('googleapis');
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/spreadsheets.readonly'] });
const sheets = google.sheets({ version: 'v4', auth });
sheets.spreadsheets.values.update({ spreadsheetId: 'id', range: 'A1', valueInputOption: 'RAW', requestBody: { values: [[1]] } });
`,
      output: `
const { google } = require('googleapis');
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/spreadsheets.readonly', '${AUTH}/spreadsheets'] });
const sheets = google.sheets({ version: 'v4', auth });
sheets.spreadsheets.values.update({ spreadsheetId: 'id', range: 'A1', valueInputOption: 'RAW', requestBody: { values: [[1]] } });
`,
      errors: [
        {
          line: 5,
          messageId: 'missingScope',
          data: {
            api: 'Sheets',
            method: 'spreadsheets.values.update',
            accepted: 'spreadsheets or drive',
            requested: 'spreadsheets.readonly',
            source: 'the GoogleAuth on line 3',
            add: `\`${AUTH}/spreadsheets\``,
            where: '',
          },
        },
      ],
    },
    {
      name: 'Calendar events.insert under calendar.readonly, next to a Gmail call: each API named, one fix for both',
      code: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/calendar.readonly'] });
const calendar = google.calendar({ version: 'v3', auth });
const gmail = google.gmail({ version: 'v1', auth });
await calendar.events.insert({ calendarId: 'primary', requestBody: { summary: 'Standup' } });
await gmail.users.messages.send({ userId: 'me', requestBody: { raw: '' } });
`,
      output: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/calendar.readonly', '${AUTH}/calendar.events.owned', '${AUTH}/gmail.send'] });
const calendar = google.calendar({ version: 'v3', auth });
const gmail = google.gmail({ version: 'v1', auth });
await calendar.events.insert({ calendarId: 'primary', requestBody: { summary: 'Standup' } });
await gmail.users.messages.send({ userId: 'me', requestBody: { raw: '' } });
`,
      errors: [
        {
          line: 6,
          messageId: 'missingScope',
          data: {
            api: 'Calendar',
            method: 'events.insert',
            accepted: 'calendar.events.owned or broader',
            requested: 'calendar.readonly',
            source: 'the GoogleAuth on line 3',
            add: `\`${AUTH}/calendar.events.owned\` and \`${AUTH}/gmail.send\``,
            where: '',
          },
        },
        {
          line: 7,
          messageId: 'missingScope',
          data: {
            api: 'Gmail',
            method: 'users.messages.send',
            accepted: 'gmail.send or broader',
            requested: 'calendar.readonly',
            source: 'the GoogleAuth on line 3',
            add: `\`${AUTH}/calendar.events.owned\` and \`${AUTH}/gmail.send\``,
            where: '',
          },
        },
      ],
    },
  ],
});

ruleTester.run('metadata-scope: cited traps of the phase-1 APIs', metadataScope, {
  valid: [
    {
      name: "Drive alt: 'media' under drive.readonly",
      code: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/drive.readonly'] });
await google.drive({ version: 'v3', auth }).files.get({ fileId: 'id', alt: 'media' });
`,
    },
    {
      name: 'Drive alt computed at run time: not certain, not reported',
      code: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/drive.metadata.readonly'] });
export const read = (alt) => google.drive({ version: 'v3', auth }).files.get({ fileId: 'id', alt });
`,
    },
    {
      name: "Calendar 'primary' under calendar.events: works",
      code: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/calendar.events'] });
await google.calendar({ version: 'v3', auth }).events.list({ calendarId: 'primary' });
`,
    },
  ],
  invalid: [
    {
      name: "Drive files.get with alt: 'media' under only drive.metadata.readonly: suggests drive.readonly",
      code: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/drive.metadata.readonly'] });
await google.drive({ version: 'v3', auth }).files.get({ fileId: 'id', alt: 'media' });
`,
      errors: [
        {
          line: 4,
          messageId: 'scopeTrap',
          data: {
            api: 'Drive',
            method: 'files.get',
            granted: 'only drive.metadata.readonly',
            source: 'the GoogleAuth on line 3',
            reason: "`alt: 'media'` downloads content, not metadata",
          },
          suggestions: [
            {
              messageId: 'addScopes',
              data: { add: `\`${AUTH}/drive.readonly\`` },
              output: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/drive.metadata.readonly', '${AUTH}/drive.readonly'] });
await google.drive({ version: 'v3', auth }).files.get({ fileId: 'id', alt: 'media' });
`,
            },
          ],
        },
      ],
    },
    {
      name: "Drive files.list in spaces: 'appDataFolder' under only drive (TypeScript, @googleapis/drive): suggests drive.appdata",
      code: `
import { drive } from '@googleapis/drive';
import { GoogleAuth } from 'google-auth-library';
const auth: GoogleAuth = new GoogleAuth({ scopes: ['${AUTH}/drive'] });
await drive({ version: 'v3', auth }).files.list({ spaces: 'appDataFolder', fields: 'files(id, name)' });
`,
      errors: [
        {
          line: 5,
          messageId: 'scopeTrap',
          data: {
            api: 'Drive',
            method: 'files.list',
            granted: 'only drive',
            source: 'the GoogleAuth on line 4',
            reason: '`appDataFolder` is reached only with drive.appdata',
          },
          suggestions: [
            {
              messageId: 'addScopes',
              data: { add: `\`${AUTH}/drive.appdata\`` },
              output: `
import { drive } from '@googleapis/drive';
import { GoogleAuth } from 'google-auth-library';
const auth: GoogleAuth = new GoogleAuth({ scopes: ['${AUTH}/drive', '${AUTH}/drive.appdata'] });
await drive({ version: 'v3', auth }).files.list({ spaces: 'appDataFolder', fields: 'files(id, name)' });
`,
            },
          ],
        },
      ],
    },
    {
      name: "Calendar events.list on 'primary' under only calendar.app.created",
      code: `
const { google } = require('googleapis');
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/calendar.app.created'] });
google.calendar({ version: 'v3', auth }).events.list({ calendarId: 'primary' });
`,
      errors: [
        {
          line: 4,
          messageId: 'scopeTrap',
          data: {
            api: 'Calendar',
            method: 'events.list',
            granted: 'only calendar.app.created',
            source: 'the GoogleAuth on line 3',
            reason: 'that scope never reaches the primary calendar',
          },
          suggestions: [
            {
              messageId: 'addScopes',
              data: { add: `\`${AUTH}/calendar.events.owned.readonly\`` },
              output: `
const { google } = require('googleapis');
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/calendar.app.created', '${AUTH}/calendar.events.owned.readonly'] });
google.calendar({ version: 'v3', auth }).events.list({ calendarId: 'primary' });
`,
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('missing-scope: an enum of codes under a *SCOPE name is no scope request', missingScope, {
  valid: [],
  invalid: [
    {
      name: "Calendar bundle: `INVALID_SCOPE: 'INVALID_MODIFICATION_SCOPE'` is not among the file's scopes (@cocal/google-calendar-mcp)",
      code: `
import { google } from 'googleapis';
const RECURRING_EVENT_ERRORS = { INVALID_SCOPE: 'INVALID_MODIFICATION_SCOPE', NON_RECURRING_SCOPE: 'SCOPE_NOT_APPLICABLE_TO_SINGLE_EVENT' };
export const consentUrl = (client) => client.generateAuthUrl({ scope: ['${AUTH}/calendar.readonly'] });
export const add = (auth) => google.calendar({ version: 'v3', auth }).events.insert({ calendarId: 'primary', requestBody: {} });
`,
      errors: [
        {
          line: 5,
          messageId: 'missingScope',
          data: {
            api: 'Calendar',
            method: 'events.insert',
            accepted: 'calendar.events.owned or broader',
            requested: 'calendar.readonly',
            source: 'this file',
            add: `\`${AUTH}/calendar.events.owned\``,
            where: '',
          },
          suggestions: [
            {
              messageId: 'addScopes',
              data: { add: `\`${AUTH}/calendar.events.owned\`` },
              output: `
import { google } from 'googleapis';
const RECURRING_EVENT_ERRORS = { INVALID_SCOPE: 'INVALID_MODIFICATION_SCOPE', NON_RECURRING_SCOPE: 'SCOPE_NOT_APPLICABLE_TO_SINGLE_EVENT' };
export const consentUrl = (client) => client.generateAuthUrl({ scope: ['${AUTH}/calendar.readonly', '${AUTH}/calendar.events.owned'] });
export const add = (auth) => google.calendar({ version: 'v3', auth }).events.insert({ calendarId: 'primary', requestBody: {} });
`,
            },
          ],
        },
      ],
    },
  ],
});
