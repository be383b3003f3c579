import leastPrivilege from '../../src/rules/least-privilege.ts';
import metadataScope from '../../src/rules/metadata-scope.ts';
import { untypedRuleTester } from './rule-tester.ts';

// Request parameters that don't come from the call's first argument: googleapis-common 9.3.1
// (build/src/apirequest.js:60-67) merges the client's `params` option and the call's
// `options.params` under them. A Drive media download written that way must never be offered
// drive.metadata.readonly, and under drive.metadata.readonly it is the cited alt-media trap.
const ruleTester = untypedRuleTester();
const AUTH = 'https://www.googleapis.com/auth';

const CALL_OPTIONS_JS = (scope: string): string => `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/${scope}'] });
const drive = google.drive({ version: 'v3', auth });
await drive.files.get({ fileId: 'x' }, { params: { alt: 'media' }, responseType: 'stream' });
`;
const CLIENT_PARAMS_TS = (scope: string): string => `
import { drive } from '@googleapis/drive';
import { GoogleAuth } from 'google-auth-library';
const auth: GoogleAuth = new GoogleAuth({ scopes: ['${AUTH}/${scope}'] });
const media = drive({ version: 'v3', auth, params: { alt: 'media' } });
await media.files.get({ fileId: 'x' }, { responseType: 'stream' });
`;

const CALLBACK_JS = `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/drive.readonly'] });
google.drive({ version: 'v3', auth }).files.list({ pageSize: 10 }, (err, res) => console.log(err, res));
`;

const trap = (code: string, line: number, authLine = 3) => ({
  line,
  messageId: 'scopeTrap' as const,
  data: {
    api: 'Drive',
    method: 'files.get',
    granted: 'only drive.metadata.readonly',
    source: `the GoogleAuth on line ${authLine}`,
    reason: "`alt: 'media'` downloads content, not metadata",
  },
  suggestions: [
    {
      messageId: 'addScopes' as const,
      data: { add: `\`${AUTH}/drive.readonly\`` },
      output: code.replace(`'${AUTH}/drive.metadata.readonly'`, `'${AUTH}/drive.metadata.readonly', '${AUTH}/drive.readonly'`),
    },
  ],
});

ruleTester.run('least-privilege: params from the client and the call options', leastPrivilege, {
  valid: [
    { name: "options.params alt: 'media' (JS): drive.readonly is least privilege", code: CALL_OPTIONS_JS('drive.readonly') },
    {
      name: "client params alt: 'media' (TS, @googleapis/drive): drive.readonly is least privilege",
      code: CLIENT_PARAMS_TS('drive.readonly'),
      filename: 'file.ts',
    },
    {
      name: "responseType: 'stream' with no alt in sight: alt is unresolved, never drive.metadata.readonly",
      code: CALL_OPTIONS_JS('drive.readonly').replace("params: { alt: 'media' }, ", ''),
    },
    {
      name: 'call options that can’t be read (a spread): params unresolved',
      code: CALL_OPTIONS_JS('drive.readonly').replace("{ params: { alt: 'media' }, responseType: 'stream' }", '{ ...opts }'),
    },
    {
      name: 'client options params that can’t be read: params unresolved',
      code: CALL_OPTIONS_JS('drive.readonly')
        .replace("google.drive({ version: 'v3', auth })", "google.drive({ version: 'v3', auth, params: process.env.P })")
        .replace("{ params: { alt: 'media' }, responseType: 'stream' }", '{}'),
    },
  ],
  invalid: [
    {
      name: 'a callback second argument is no options: files.list still fits drive.metadata.readonly',
      code: CALLBACK_JS,
      output: null,
      errors: [
        {
          messageId: 'broaderScope',
          line: 3,
          column: 52,
          suggestions: [
            {
              messageId: 'replaceScope',
              output: CALLBACK_JS.replace(`${AUTH}/drive.readonly`, `${AUTH}/drive.metadata.readonly`),
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('metadata-scope: the alt-media trap from the client and the call options', metadataScope, {
  valid: [
    {
      name: 'call options params that can’t be read: not certain, not reported',
      code: CALL_OPTIONS_JS('drive.metadata.readonly').replace("{ alt: 'media' }", 'process.env.P'),
    },
    {
      name: "the call's own alt wins over the options' (googleapis-common merges the call's last)",
      code: CALL_OPTIONS_JS('drive.metadata.readonly').replace("{ fileId: 'x' }", "{ fileId: 'x', alt: 'json' }"),
    },
  ],
  invalid: [
    {
      name: "options.params alt: 'media' (JS) under drive.metadata.readonly",
      code: CALL_OPTIONS_JS('drive.metadata.readonly'),
      errors: [trap(CALL_OPTIONS_JS('drive.metadata.readonly'), 5)],
    },
    {
      name: "client params alt: 'media' (TS) under drive.metadata.readonly",
      code: CLIENT_PARAMS_TS('drive.metadata.readonly'),
      filename: 'file.ts',
      errors: [trap(CLIENT_PARAMS_TS('drive.metadata.readonly'), 6, 4)],
    },
  ],
});
