import rule from '../../src/rules/least-privilege.ts';
import { untypedRuleTester } from './rule-tester.ts';

// Two requested scopes that only their names tell apart for the calls (a fact table's tie:
// Calendar `channels.stop`, `freebusy.query`) are both used: neither is "the" redundant one, as
// missing-scope leaves that choice open (src/scopes/policy.ts `usedScopes`, the solver's `tied`).
// Before, the one later by name was reported redundant. One is redundant only when the other
// alone covers every call.
const ruleTester = untypedRuleTester();
const AUTH = 'https://www.googleapis.com/auth';

const calendar = (scopes: readonly string[], calls: readonly string[]): string => `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: [${scopes.map((scope) => `'${AUTH}/${scope}'`).join(', ')}] });
const calendar = google.calendar({ version: 'v3', auth });
${calls.map((call) => `await calendar.${call};`).join('\n')}
`;
const STOP = "channels.stop({ requestBody: { id: 'c', resourceId: 'r' } })";
const FREEBUSY = "freebusy.query({ requestBody: { timeMin: 'a', timeMax: 'b', items: [{ id: 'primary' }] } })";

ruleTester.run('least-privilege: tied scopes', rule, {
  valid: [
    {
      name: 'channels.stop under two tied read-only scopes',
      code: calendar(['calendar.settings.readonly', 'calendar.acls.readonly'], [STOP]),
    },
    { name: 'channels.stop under the other order', code: calendar(['calendar.acls.readonly', 'calendar.settings.readonly'], [STOP]) },
    { name: 'freebusy.query under both free/busy scopes', code: calendar(['calendar.freebusy', 'calendar.events.freebusy'], [FREEBUSY]) },
  ],
  invalid: [
    {
      name: 'calendarList.list needs calendar.calendarlist.readonly, which alone covers channels.stop too',
      code: calendar(['calendar.calendarlist.readonly', 'calendar.acls.readonly'], [STOP, 'calendarList.list({})']),
      errors: [
        {
          messageId: 'redundantScope',
          line: 3,
          column: 118,
          data: {
            scope: 'calendar.acls.readonly',
            source: 'the GoogleAuth on line 3',
            others: '`calendar.calendarlist.readonly`',
            cover: 'covers',
            api: 'Calendar',
            effect: '',
          },
          suggestions: [
            {
              messageId: 'removeScope',
              data: { scope: 'calendar.acls.readonly' },
              output: calendar(['calendar.calendarlist.readonly'], [STOP, 'calendarList.list({})']),
            },
          ],
        },
      ],
    },
  ],
});
