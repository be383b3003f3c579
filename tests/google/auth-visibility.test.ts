import rule from '../../src/rules/least-privilege.ts';
import { untypedRuleTester } from '../rules/rule-tester.ts';

const AUTH = 'https://www.googleapis.com/auth';

/**
 * An auth object shared with a client of an API the analysis does not check: its calls are
 * invisible, so it is harmless only when that API accepts none of the checked scopes (the
 * profiles and the data say which). A Drive client is no evidence of Gmail use; an Apps Script
 * client may use `https://mail.google.com/` (script v1 accepts it), so least-privilege says nothing.
 */
untypedRuleTester().run('least-privilege with a client of an API that is not checked', rule, {
  valid: [
    {
      name: 'an Apps Script client on the same auth may use https://mail.google.com/',
      code: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ['https://mail.google.com/'] });
await google.script({ version: 'v1', auth }).scripts.run({ scriptId: 'x' });
await google.gmail({ version: 'v1', auth }).users.labels.list({ userId: 'me' });
`,
    },
    {
      name: 'a client of an API the data does not have is never harmless',
      code: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ['https://mail.google.com/'] });
await google.notAnApi({ version: 'v1', auth }).things.list();
await google.gmail({ version: 'v1', auth }).users.labels.list({ userId: 'me' });
`,
    },
  ],
  invalid: [
    {
      name: 'a Drive client on the same auth accepts no Gmail scope: the Gmail scope is still judged',
      code: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/drive.file', 'https://mail.google.com/'] });
await google.drive({ version: 'v3', auth }).files.list();
await google.gmail({ version: 'v1', auth }).users.labels.list({ userId: 'me' });
`,
      errors: [
        {
          messageId: 'broaderScope',
          line: 3,
          column: 98,
          suggestions: [
            {
              messageId: 'replaceScope',
              output: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/drive.file', '${AUTH}/gmail.labels'] });
await google.drive({ version: 'v3', auth }).files.list();
await google.gmail({ version: 'v1', auth }).users.labels.list({ userId: 'me' });
`,
            },
          ],
        },
      ],
    },
  ],
});
