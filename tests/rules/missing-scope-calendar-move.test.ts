import missingScope from '../../src/rules/missing-scope.ts';
import { untypedRuleTester } from './rule-tester.ts';

// Review 3 H9: events.move writes to two calendars (`calendarId` and `destination`); the owned-calendar
// scopes (calendar.events.owned) fit only when both are 'primary' (src/scopes/facts/calendar-v3.ts).
const AUTH = 'https://www.googleapis.com/auth';
const code = (destination: string) => `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/calendar.readonly'] });
const calendar = google.calendar({ version: 'v3', auth });
export const mv = (id) => calendar.events.move({ calendarId: 'primary', eventId: id, destination: ${destination} });
`;
const added = (source: string, scope: string) =>
  source.replace(`'${AUTH}/calendar.readonly'`, `'${AUTH}/calendar.readonly', '${AUTH}/${scope}'`);
const typed = (source: string) => source.replace('(id) =>', '(id: string) =>');

const unknown = code('process.env.TEAM_CALENDAR');
const primary = code("'primary'");

for (const [language, convert, filename] of [
  ['JavaScript', (source: string) => source, 'file.js'],
  ['TypeScript', typed, 'file.ts'],
] as const) {
  untypedRuleTester().run(`missing-scope: Calendar events.move (${language})`, missingScope, {
    valid: [],
    invalid: [
      {
        name: 'an unknown destination: calendar.events, never the owned-only scope',
        code: convert(unknown),
        filename,
        output: convert(added(unknown, 'calendar.events')),
        errors: [{ messageId: 'missingScope', line: 5, column: filename === 'file.js' ? 27 : 35 }],
      },
      {
        name: "destination 'primary' too: calendar.events.owned fits",
        code: convert(primary),
        filename,
        output: convert(added(primary, 'calendar.events.owned')),
        errors: [{ messageId: 'missingScope', line: 5, column: filename === 'file.js' ? 27 : 35 }],
      },
    ],
  });
}
