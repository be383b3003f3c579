/**
 * Never choose by name: when a fact table's order ranks several scopes a call accepts alike
 * (classification, administrative reservation, writes, narrowness; neither grants the other), or
 * says narrowness is no evidence for the call (Forms `watches.*`: the watch's event type decides,
 * and which scope each type needs is not cited), the fix is no autofix but one suggestion per tied
 * scope (src/scopes/call-requirement.ts `tableChoice`). Before, Calendar `channels.stop` got
 * calendar.acls.readonly and `freebusy.query` calendar.events.freebusy by alphabetical order, and
 * Forms `watches.create` forms.responses.readonly (which a SCHEMA watch may not work under).
 * JavaScript (`googleapis`) and TypeScript (`@googleapis/<api>`).
 */
import missingScope from '../../src/rules/missing-scope.ts';
import { untypedRuleTester } from './rule-tester.ts';

const AUTH = 'https://www.googleapis.com/auth';

const CALL_JS = (api: string, version: string, scopes: readonly string[], calls: readonly string[]): string => `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: [${scopes.map((s) => `'${AUTH}/${s}'`).join(', ')}] });
const client = google.${api}({ version: '${version}', auth });
${calls.map((call) => `await client.${call};`).join('\n')}
`;
const CALL_TS = (api: string, version: string, scopes: readonly string[], calls: readonly string[]): string => `
import { ${api} } from '@googleapis/${api}';
import { GoogleAuth } from 'google-auth-library';
const auth: GoogleAuth = new GoogleAuth({ scopes: [${scopes.map((s) => `'${AUTH}/${s}'`).join(', ')}] });
const client = ${api}({ version: '${version}', auth });
export const run = async () => {
${calls.map((call) => `  await client.${call};`).join('\n')}
};
`;

const WATCH_CREATE =
  "forms.watches.create({ formId: 'f', requestBody: { watch: { eventType: 'RESPONSES', target: { topic: { topicName: 'projects/p/topics/t' } } } } })";

/** [name, api, version, API name, call, message's accepted scopes, the tied scopes, one suggestion each] */
const OPEN: readonly (readonly [string, string, string, string, string, string, readonly string[]])[] = [
  [
    'Calendar channels.stop: three read-only scopes alike (was calendar.acls.readonly by name)',
    'calendar',
    'v3',
    'Calendar',
    "channels.stop({ requestBody: { id: 'c', resourceId: 'r' } })",
    'calendar.acls.readonly, calendar.calendarlist.readonly, calendar.settings.readonly, calendar.events.readonly or broader',
    ['calendar.acls.readonly', 'calendar.calendarlist.readonly', 'calendar.settings.readonly'],
  ],
  [
    'Calendar freebusy.query: calendar.events.freebusy or calendar.freebusy (was calendar.events.freebusy by name)',
    'calendar',
    'v3',
    'Calendar',
    "freebusy.query({ requestBody: { timeMin: 'a', timeMax: 'b', items: [{ id: 'primary' }] } })",
    'calendar.events.freebusy, calendar.freebusy or broader',
    ['calendar.events.freebusy', 'calendar.freebusy'],
  ],
  [
    'Forms watches.create with a literal eventType: its scope is not cited (was forms.responses.readonly by narrowness)',
    'forms',
    'v1',
    'Forms',
    WATCH_CREATE,
    'forms.responses.readonly, forms.body.readonly, drive.readonly or broader',
    ['forms.responses.readonly', 'forms.body.readonly'],
  ],
  [
    'Forms watches.list: the watches may be of either event type',
    'forms',
    'v1',
    'Forms',
    "forms.watches.list({ formId: 'f' })",
    'forms.responses.readonly, forms.body.readonly, drive.readonly or broader',
    ['forms.responses.readonly', 'forms.body.readonly'],
  ],
];

const opened = (line: number, apiName: string, call: string, accepted: string, tied: readonly string[], code: string) => ({
  messageId: 'missingScope' as const,
  line,
  column: 7 + (code.includes('export const run') ? 2 : 0),
  data: {
    api: apiName,
    method: call.slice(0, call.indexOf('(')),
    accepted,
    requested: 'gmail.send',
    source: `the GoogleAuth on line ${code.includes('export const run') ? 4 : 3}`,
    add: 'a scope it accepts',
    where: '',
  },
  suggestions: tied.map((scope) => ({
    messageId: 'addScopes' as const,
    data: { add: `\`${AUTH}/${scope}\`` },
    output: code.replace(`'${AUTH}/gmail.send'`, `'${AUTH}/gmail.send', '${AUTH}/${scope}'`),
  })),
});

untypedRuleTester().run('missing-scope: a tie in a fact table is an open choice', missingScope, {
  valid: OPEN.flatMap(([name, api, version, , call, , tied]) =>
    tied.map((scope) => ({ name: `${name}: under ${scope}`, code: CALL_JS(api, version, [scope], [call]) })),
  ),
  invalid: [
    ...OPEN.flatMap(([name, api, version, apiName, call, accepted, tied]) => {
      const js = CALL_JS(api, version, ['gmail.send'], [call]);
      const ts = CALL_TS(api, version, ['gmail.send'], [call]);
      return [
        { name: `${name} (googleapis, JavaScript)`, code: js, output: null, errors: [opened(5, apiName, call, accepted, tied, js)] },
        {
          name: `${name} (@googleapis/${api}, TypeScript)`,
          code: ts,
          filename: 'file.ts',
          output: null,
          errors: [opened(7, apiName, call, accepted, tied, ts)],
        },
      ];
    }),
    {
      name: 'Forms watches.create next to forms.get on the same auth: the certain forms.body.readonly covers both',
      code: CALL_JS('forms', 'v1', ['gmail.send'], ["forms.get({ formId: 'f' })", WATCH_CREATE]),
      output: CALL_JS('forms', 'v1', ['gmail.send', 'forms.body.readonly'], ["forms.get({ formId: 'f' })", WATCH_CREATE]),
      errors: [
        {
          messageId: 'missingScope',
          line: 5,
          column: 7,
          data: {
            api: 'Forms',
            method: 'forms.get',
            accepted: 'forms.body.readonly, drive.readonly or broader',
            requested: 'gmail.send',
            source: 'the GoogleAuth on line 3',
            add: `\`${AUTH}/forms.body.readonly\``,
            where: '',
          },
        },
        {
          messageId: 'missingScope',
          line: 6,
          column: 7,
          data: {
            api: 'Forms',
            method: 'forms.watches.create',
            accepted: 'forms.responses.readonly, forms.body.readonly, drive.readonly or broader',
            requested: 'gmail.send',
            source: 'the GoogleAuth on line 3',
            add: `\`${AUTH}/forms.body.readonly\``,
            where: '',
          },
        },
      ],
    },
    {
      name: 'Calendar acl.get stays certain: calendar.acls.readonly is the one read-only scope ranked first',
      code: CALL_JS('calendar', 'v3', ['gmail.send'], ["acl.get({ calendarId: 'c', ruleId: 'r' })"]),
      output: CALL_JS('calendar', 'v3', ['gmail.send', 'calendar.acls.readonly'], ["acl.get({ calendarId: 'c', ruleId: 'r' })"]),
      errors: [
        {
          messageId: 'missingScope',
          line: 5,
          column: 7,
          data: {
            api: 'Calendar',
            method: 'acl.get',
            accepted: 'calendar.acls.readonly, calendar.readonly or broader',
            requested: 'gmail.send',
            source: 'the GoogleAuth on line 3',
            add: `\`${AUTH}/calendar.acls.readonly\``,
            where: '',
          },
        },
      ],
    },
  ],
});
