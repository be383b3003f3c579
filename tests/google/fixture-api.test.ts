import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateAllApiFiles } from '../../scripts/lib/all-apis-files.ts';
import { addAnalysedApiForTests, getApiMap, removeAnalysedApiForTests } from '../../src/scopes/api-map.ts';
import type { ApiProfilesFile, ApiVersionFile } from '../../src/scopes/apis-format.ts';
import rule from '../../src/rules/missing-scope.ts';
import { FIXTURES, typedRuleTester, untypedRuleTester } from '../rules/rule-tester.ts';

/**
 * A new API is data, never analysis code: a made-up API (fakemail v1, three methods) in the
 * layout of the googleapis package goes through the real generator, its data file and profile
 * are added to the analysed APIs, and its calls are found and checked through every client form
 * — without a line of src/core, src/google or src/rules knowing its name.
 */
const FIXTURE_PACKAGE = path.join(FIXTURES, 'apis', 'googleapis');
const generated = generateAllApiFiles(FIXTURE_PACKAGE, '/generated');
const fileNamed = (name: string): string => generated.find((file) => file.path === path.join('/generated', name))!.content;
const data = JSON.parse(fileNamed('fakemail-v1.json')) as ApiVersionFile;
const profile = (JSON.parse(fileNamed('profiles.json')) as ApiProfilesFile).apis.fakemail!;
addAnalysedApiForTests(data, profile);
// Test files share one process (vitest `isolate: false`): leave the registry as it was.
afterAll(() => removeAnalysedApiForTests(data.api, data.version));

const AUTH = 'https://www.googleapis.com/auth';

describe('a generated fixture API', () => {
  it('generates a map and a profile like any googleapis API', () => {
    expect(Object.keys(data.methods)).toEqual(['mailboxes.labels.list', 'mailboxes.messages.list', 'mailboxes.messages.send']);
    expect(profile).toEqual({
      packages: ['googleapis', '@googleapis/fakemail'],
      factory: 'google.fakemail',
      versions: {
        v1: {
          title: 'Fakemail API',
          namespace: 'fakemail_v1',
          className: 'Fakemail',
          rootUrl: 'https://fakemail.googleapis.com/',
          host: 'fakemail.googleapis.com',
          pathPrefixes: ['fakemail/v1/'],
          rootResources: ['mailboxes'],
        },
      },
    });
    expect(getApiMap('fakemail', 'v1')?.methods.get('mailboxes.messages.send')?.scopes).toEqual([`${AUTH}/fakemail.send`]);
    expect(readFileSync(path.join(FIXTURE_PACKAGE, 'package.json'), 'utf8')).toContain('0.0.0-fixture');
  });
});

const SEND_OUTPUT_SCOPES = `['${AUTH}/fakemail.readonly', '${AUTH}/fakemail.send']`;

untypedRuleTester().run('missing-scope on a generated fixture API', rule, {
  valid: [
    {
      name: 'google.fakemail({ version, auth }) with an accepted scope',
      code: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/fakemail.labels'] });
await google.fakemail({ version: 'v1', auth }).mailboxes.labels.list({ mailboxId: 'me' });
`,
    },
    {
      name: 'a version the data does not have is never guessed at',
      code: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/fakemail.readonly'] });
await google.fakemail({ version: 'v2', auth }).mailboxes.messages.send({ mailboxId: 'me' });
`,
    },
    {
      name: 'a two-name chain on an unknown receiver is too generic to match',
      code: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/fakemail.readonly'] });
export async function send(client) {
  await client.messages.send({ mailboxId: 'me' });
}
`,
    },
    {
      name: 'a Gmail client next to it is looked up in its own map',
      code: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/fakemail.send', '${AUTH}/gmail.send'] });
await google.fakemail({ version: 'v1', auth }).mailboxes.messages.send({ mailboxId: 'me' });
await google.gmail({ version: 'v1', auth }).users.messages.send({ userId: 'me' });
`,
    },
  ],
  invalid: [
    {
      name: 'google.fakemail({ version, auth })',
      code: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/fakemail.readonly'] });
await google.fakemail({ version: 'v1', auth }).mailboxes.messages.send({ mailboxId: 'me' });
`,
      output: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ${SEND_OUTPUT_SCOPES} });
await google.fakemail({ version: 'v1', auth }).mailboxes.messages.send({ mailboxId: 'me' });
`,
      errors: [
        {
          messageId: 'missingScope',
          line: 4,
          column: 7,
          data: {
            api: 'Fakemail',
            method: 'mailboxes.messages.send',
            accepted: 'fakemail.send',
            source: 'the GoogleAuth on line 3',
            requested: 'fakemail.readonly',
            add: `\`${AUTH}/fakemail.send\``,
            where: '',
          },
        },
      ],
    },
    {
      name: 'the @googleapis/fakemail package: its factory and its auth namespace',
      code: `
import { auth, fakemail } from '@googleapis/fakemail';
const client = new auth.GoogleAuth({ scopes: ['${AUTH}/fakemail.readonly'] });
await fakemail({ version: 'v1', auth: client }).mailboxes.messages.send({ mailboxId: 'me' });
`,
      output: `
import { auth, fakemail } from '@googleapis/fakemail';
const client = new auth.GoogleAuth({ scopes: ${SEND_OUTPUT_SCOPES} });
await fakemail({ version: 'v1', auth: client }).mailboxes.messages.send({ mailboxId: 'me' });
`,
      errors: [{ messageId: 'missingScope', line: 4, column: 7 }],
    },
    {
      name: 'the client class fakemail_v1.Fakemail',
      code: `
import { google, fakemail_v1 } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/fakemail.readonly'] });
const client = new fakemail_v1.Fakemail({ auth });
await client.mailboxes.messages.send({ mailboxId: 'me' });
`,
      output: `
import { google, fakemail_v1 } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ${SEND_OUTPUT_SCOPES} });
const client = new fakemail_v1.Fakemail({ auth });
await client.mailboxes.messages.send({ mailboxId: 'me' });
`,
      errors: [{ messageId: 'missingScope', line: 5, column: 7 }],
    },
    {
      name: 'a REST request to its host and path prefix',
      code: `
import { GoogleAuth } from 'google-auth-library';
const auth = new GoogleAuth({ scopes: ['${AUTH}/fakemail.readonly'] });
await auth.request({ url: 'https://fakemail.googleapis.com/fakemail/v1/mailboxes/me/messages/send', method: 'POST' });
`,
      output: `
import { GoogleAuth } from 'google-auth-library';
const auth = new GoogleAuth({ scopes: ${SEND_OUTPUT_SCOPES} });
await auth.request({ url: 'https://fakemail.googleapis.com/fakemail/v1/mailboxes/me/messages/send', method: 'POST' });
`,
      errors: [{ messageId: 'missingScope', line: 4, column: 7 }],
    },
    {
      name: 'a chain shape on an unknown receiver: mailboxes.messages.send is no other API’s method',
      code: `
import { google } from 'googleapis';
const oauth2 = new google.auth.OAuth2();
export const url = oauth2.generateAuthUrl({ scope: ['${AUTH}/fakemail.readonly'] });
export async function send(client) {
  await client.mailboxes.messages.send({ mailboxId: 'me' });
}
`,
      // The file's consent request, not a traced auth: a suggestion, never an autofix (a
      // service account's scopes say nothing about a client passed in: review 4 H9).
      output: null,
      errors: [
        {
          messageId: 'missingScope',
          line: 6,
          column: 9,
          suggestions: [
            {
              messageId: 'addScopes',
              output: `
import { google } from 'googleapis';
const oauth2 = new google.auth.OAuth2();
export const url = oauth2.generateAuthUrl({ scope: ${SEND_OUTPUT_SCOPES} });
export async function send(client) {
  await client.mailboxes.messages.send({ mailboxId: 'me' });
}
`,
            },
          ],
        },
      ],
    },
  ],
});

typedRuleTester().run('missing-scope on a generated fixture API (typed)', rule, {
  valid: [],
  invalid: [
    {
      name: 'the receiver’s type, declared in the API’s typings, names the resource',
      code: `
import type { fakemail_v1 } from '../apis/googleapis/build/src/apis/fakemail/v1.js';
export const SCOPES = ['${AUTH}/fakemail.readonly'];
export async function send(messages: fakemail_v1.Resource$Mailboxes$Messages) {
  await messages.send({ mailboxId: 'me' });
}
`,
      output: null,
      errors: [
        {
          messageId: 'missingScope',
          line: 5,
          column: 9,
          suggestions: [
            {
              messageId: 'addScopes',
              output: `
import type { fakemail_v1 } from '../apis/googleapis/build/src/apis/fakemail/v1.js';
export const SCOPES = ['${AUTH}/fakemail.readonly', '${AUTH}/fakemail.send'];
export async function send(messages: fakemail_v1.Resource$Mailboxes$Messages) {
  await messages.send({ mailboxId: 'me' });
}
`,
            },
          ],
        },
      ],
    },
  ],
});
