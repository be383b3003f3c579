/**
 * Issue 15, classification gaps: least privilege never proposes a scope that writes when a scope
 * the call accepts only reads and is granted by it (YouTube channels.list: youtube.readonly, not
 * youtube), whatever Google's classification of the two (src/scopes/order-facts.ts: YouTube's
 * undocumented tests.insert no longer hides youtube ⊇ youtube.readonly).
 * JavaScript and TypeScript, `googleapis` and `@googleapis/youtube` clients.
 */
import leastPrivilege from '../../src/rules/least-privilege.ts';
import missingScope from '../../src/rules/missing-scope.ts';
import { untypedRuleTester } from './rule-tester.ts';

const AUTH = 'https://www.googleapis.com/auth';

const YOUTUBE_JS = (scope: string): string => `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/${scope}'] });
await google.youtube({ version: 'v3', auth }).channels.list({ part: ['snippet'], mine: true });
`;
const YOUTUBE_TS = (scope: string): string => `
import { youtube } from '@googleapis/youtube';
import { GoogleAuth } from 'google-auth-library';
const auth: GoogleAuth = new GoogleAuth({ scopes: ['${AUTH}/${scope}'] });
export const mine = () => youtube({ version: 'v3', auth }).channels.list({ part: ['snippet'], mine: true });
`;

/** One call of another phase-1 API, through `googleapis` (JavaScript) or its `@googleapis/<api>` client (TypeScript). */
const CALL_JS = (api: string, version: string, scope: string, call: string): string => `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/${scope}'] });
await google.${api}({ version: '${version}', auth }).${call};
`;
const CALL_TS = (api: string, version: string, scope: string, call: string): string => `
import { ${api} } from '@googleapis/${api}';
import { GoogleAuth } from 'google-auth-library';
const auth: GoogleAuth = new GoogleAuth({ scopes: ['${AUTH}/${scope}'] });
export const run = () => ${api}({ version: '${version}', auth }).${call};
`;
const added = (code: string, scope: string): string => code.replace(`'${AUTH}/gmail.send'`, `'${AUTH}/gmail.send', '${AUTH}/${scope}'`);

/** [name, api, version, call, message's accepted scopes, the scope the fix adds (was)] */
const OTHER_APIS: readonly (readonly [string, string, string, string, string, string])[] = [
  [
    'Forms forms.get: forms.body.readonly (was the restricted drive.readonly)',
    'forms',
    'v1',
    "forms.get({ formId: 'f' })",
    'forms.body.readonly, drive.readonly or broader',
    'forms.body.readonly',
  ],
  [
    'Calendar acl.get: calendar.acls.readonly (was calendar.readonly)',
    'calendar',
    'v3',
    "acl.get({ calendarId: 'c', ruleId: 'r' })",
    'calendar.acls.readonly, calendar.readonly or broader',
    'calendar.acls.readonly',
  ],
  [
    'People otherContacts.copyOtherContactToMyContactsGroup: contacts.other.readonly (was contacts)',
    'people',
    'v1',
    "otherContacts.copyOtherContactToMyContactsGroup({ resourceName: 'otherContacts/c' })",
    'contacts.other.readonly or contacts',
    'contacts.other.readonly',
  ],
  [
    'Tasks tasks.list: tasks.readonly (was no fix: the table settled no choice)',
    'tasks',
    'v1',
    "tasks.list({ tasklist: 't' })",
    'tasks.readonly or broader',
    'tasks.readonly',
  ],
];

const missing = (line: number, api: string, method: string, accepted: string, requested: string, add: string) => ({
  line,
  messageId: 'missingScope' as const,
  data: { api, method, accepted, requested, source: `the GoogleAuth on line ${line - 1}`, add: `\`${AUTH}/${add}\``, where: '' },
});

untypedRuleTester().run('missing-scope: the fix proposes the read-only scope the call accepts', missingScope, {
  valid: [
    { name: 'YouTube channels.list under youtube.readonly (JavaScript)', code: YOUTUBE_JS('youtube.readonly') },
    { name: 'YouTube channels.list under youtube (JavaScript)', code: YOUTUBE_JS('youtube') },
    {
      name: 'YouTube channels.list under youtube.readonly (@googleapis/youtube, TypeScript)',
      code: YOUTUBE_TS('youtube.readonly'),
      filename: 'file.ts',
    },
  ],
  invalid: [
    {
      name: 'YouTube channels.list under gmail.send (googleapis, JavaScript): youtube.readonly, not youtube',
      code: YOUTUBE_JS('gmail.send'),
      output: YOUTUBE_JS('gmail.send').replace(`'${AUTH}/gmail.send'`, `'${AUTH}/gmail.send', '${AUTH}/youtube.readonly'`),
      errors: [missing(4, 'YouTube Data', 'channels.list', 'youtube.readonly or broader', 'gmail.send', 'youtube.readonly')],
    },
    {
      name: 'YouTube channels.list under gmail.send (@googleapis/youtube, TypeScript): youtube.readonly, not youtube',
      code: YOUTUBE_TS('gmail.send'),
      filename: 'file.ts',
      output: YOUTUBE_TS('gmail.send').replace(`'${AUTH}/gmail.send'`, `'${AUTH}/gmail.send', '${AUTH}/youtube.readonly'`),
      errors: [missing(5, 'YouTube Data', 'channels.list', 'youtube.readonly or broader', 'gmail.send', 'youtube.readonly')],
    },
    ...OTHER_APIS.flatMap(([name, api, version, call, accepted, add]) => {
      const api_ = api === 'people' ? 'People' : api[0]!.toUpperCase() + api.slice(1);
      const method = call.slice(0, call.indexOf('('));
      return [
        {
          name: `${name} (googleapis, JavaScript)`,
          code: CALL_JS(api, version, 'gmail.send', call),
          output: added(CALL_JS(api, version, 'gmail.send', call), add),
          errors: [missing(4, api_, method, accepted, 'gmail.send', add)],
        },
        {
          name: `${name} (@googleapis/${api}, TypeScript)`,
          code: CALL_TS(api, version, 'gmail.send', call),
          filename: 'file.ts',
          output: added(CALL_TS(api, version, 'gmail.send', call), add),
          errors: [missing(5, api_, method, accepted, 'gmail.send', add)],
        },
      ];
    }),
  ],
});

const broader = (line: number, column: number, scope: string, by: string, code: string) => ({
  messageId: 'broaderScope' as const,
  line,
  column,
  // No verification effect is claimed: youtube.readonly's classification is unpublished.
  data: {
    api: 'YouTube Data',
    source: `the GoogleAuth on line ${line}`,
    scope,
    narrower: `\`${AUTH}/${by}\``,
    cover: 'covers',
    effect: '',
  },
  suggestions: [
    {
      messageId: 'replaceScope' as const,
      data: { scope, narrower: `\`${AUTH}/${by}\`` },
      output: code.replace(`'${AUTH}/${scope}'`, `'${AUTH}/${by}'`),
    },
  ],
});

untypedRuleTester().run('least-privilege: a read-only scope the call accepts replaces one that writes', leastPrivilege, {
  valid: [
    { name: 'YouTube channels.list under youtube.readonly (JavaScript)', code: YOUTUBE_JS('youtube.readonly') },
    {
      name: 'YouTube channels.list under youtube.readonly (@googleapis/youtube, TypeScript)',
      code: YOUTUBE_TS('youtube.readonly'),
      filename: 'file.ts',
    },
  ],
  invalid: [
    {
      name: 'YouTube channels.list under youtube (googleapis, JavaScript) → youtube.readonly',
      code: YOUTUBE_JS('youtube'),
      errors: [broader(3, 52, 'youtube', 'youtube.readonly', YOUTUBE_JS('youtube'))],
      output: null,
    },
    {
      name: 'YouTube channels.list under youtube.force-ssl (@googleapis/youtube, TypeScript) → youtube.readonly',
      code: YOUTUBE_TS('youtube.force-ssl'),
      filename: 'file.ts',
      errors: [broader(4, 52, 'youtube.force-ssl', 'youtube.readonly', YOUTUBE_TS('youtube.force-ssl'))],
      output: null,
    },
  ],
});
