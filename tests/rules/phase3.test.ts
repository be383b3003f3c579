/**
 * Issue 15 phase 3: every API version in the data outside the registry is checked when the code
 * names its client (`google.storage({ version, auth })`, `google.storage('v1')`, `new
 * storage_v1.Storage(…)`, `@googleapis/storage`, a typed `storage_v1.Storage`), from its data
 * alone. A call is reported only when no accepted scope is requested; the fix is automatic only
 * when the data makes the choice certain, else one suggestion per accepted scope. Unknown methods
 * (no scopes in the typings, `scopes: []`, a name the data lacks) and bare chains stay silent.
 */
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.ts';
import missingScope from '../../src/rules/missing-scope.ts';
import { forgetDataApiMapsForTests, isAnalysedApiVersion } from '../../src/scopes/api-map.ts';
import { loadedApiVersions } from '../../src/scopes/apis-data.ts';
import { untypedRuleTester } from './rule-tester.ts';

const ruleTester = untypedRuleTester();
const AUTH = 'https://www.googleapis.com/auth';
const GMAIL_READONLY = `'${AUTH}/gmail.readonly'`;

/** Cloud Storage v1 `objects.delete`: its accepted scopes, none of which the data orders above the others. */
const DELETE_SUGGESTIONS = ['devstorage.read_write', 'cloud-platform', 'devstorage.full_control'];

/** Cloud Storage v1 `objects.list`: five accepted scopes, no one of which every other grants. */
const LIST_SUGGESTIONS = [
  'devstorage.read_write',
  'cloud-platform.read-only',
  'devstorage.read_only',
  'cloud-platform',
  'devstorage.full_control',
];

ruleTester.run('missing-scope on the other APIs (phase 3, the data alone)', missingScope, {
  valid: [
    {
      name: 'Cloud Storage objects.list under devstorage.read_only (googleapis, JavaScript)',
      code: `
const { google } = require('googleapis');
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/devstorage.read_only'] });
const storage = google.storage({ version: 'v1', auth });
storage.objects.list({ bucket: 'b' });
`,
    },
    {
      name: 'Cloud Storage objects.list under cloud-platform (@googleapis/storage, TypeScript)',
      code: `
import { storage, auth as gauth } from '@googleapis/storage';
const auth = new gauth.GoogleAuth({ scopes: ['${AUTH}/cloud-platform'] });
const client = storage({ version: 'v1', auth });
const res: unknown = await client.objects.list({ bucket: 'b' });
`,
    },
    {
      name: 'a method whose typings list `scopes: []` is unknown, never reported',
      code: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: [${GMAIL_READONLY}] });
const container = google.container({ version: 'v1', auth });
await container.projects.locations.clusters.getJwks({ parent: 'p' });
`,
    },
    {
      name: 'an API version whose typings give no scopes at all (healthcare v1) is unknown',
      code: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: [${GMAIL_READONLY}] });
await google.healthcare({ version: 'v1', auth }).projects.locations.datasets.list({ parent: 'p' });
`,
    },
    {
      name: 'a method name the data does not have is silent',
      code: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: [${GMAIL_READONLY}] });
const storage = google.storage({ version: 'v1', auth });
await storage.objects.frobnicate({ bucket: 'b' });
await storage.notAResource.list();
`,
    },
    {
      name: 'a bare chain of an API outside the registry on an unknown receiver is never matched',
      code: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: [${GMAIL_READONLY}] });
export async function buckets(x) {
  await x.buckets.list({ project: 'p' });
  await x.objects.rewrite({ sourceBucket: 'b', sourceObject: 'o', destinationBucket: 'c', destinationObject: 'd' });
}
`,
    },
    {
      name: 'Apps Script scripts.run needs the target script scopes: unknown',
      code: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: [${GMAIL_READONLY}] });
await google.script({ version: 'v1', auth }).scripts.run({ scriptId: 'id' });
`,
    },
    {
      // The application corpus's one false alarm (google-workspace-mcp dist/accounts.js:391).
      name: 'OAuth2 userinfo.get under Workspace scopes only: no documented 403, unknown',
      code: `
import { google } from 'googleapis';
const auth = new google.auth.OAuth2();
auth.generateAuthUrl({ scope: [${GMAIL_READONLY}] });
await google.oauth2({ version: 'v2', auth }).userinfo.get();
`,
    },
    {
      name: 'a version the data does not have is never guessed at',
      code: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: [${GMAIL_READONLY}] });
await google.storage({ version: 'v9', auth }).objects.list({ bucket: 'b' });
`,
    },
    {
      name: 'Application Default Credentials (no scopes) are unknowable: silent',
      code: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth();
await google.storage({ version: 'v1', auth }).objects.list({ bucket: 'b' });
`,
    },
    {
      name: 'a REST call to a data-only API under an accepted scope (auth.request, its own host)',
      code: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/devstorage.read_write'] });
await auth.request({ url: 'https://storage.googleapis.com/storage/v1/b/b/o/x', method: 'DELETE' });
`,
    },
    {
      name: "a public object's URL on an API's host is no API method: silent",
      code: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: [${GMAIL_READONLY}] });
await auth.request({ url: 'https://storage.googleapis.com/my-bucket/photo.png' });
`,
    },
    {
      name: 'a REST call whose token comes from a parameter is unknown',
      code: `
export async function drop(token) {
  await fetch('https://storage.googleapis.com/storage/v1/b/b/o/x', { method: 'DELETE', headers: { Authorization: \`Bearer \${token}\` } });
}
`,
    },
  ],
  invalid: [
    {
      // Chat's fact table records chat.bot as app authentication but classifies nothing: only the
      // code's credential says whether chat.bot or a user scope fits, so no autofix picks one.
      name: 'Chat spaces.list under only a Gmail scope: a credential-only fact table leaves the choice open',
      code: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: [${GMAIL_READONLY}] });
await google.chat({ version: 'v1', auth }).spaces.list({});
`,
      output: null,
      errors: [
        {
          messageId: 'missingScope',
          line: 4,
          column: 7,
          data: {
            api: 'Chat',
            method: 'spaces.list',
            accepted: 'chat.bot, chat.spaces.readonly or broader',
            requested: 'gmail.readonly',
            source: 'the GoogleAuth on line 3',
            add: 'a scope it accepts',
            where: '',
          },
          suggestions: ['chat.bot', 'chat.spaces.readonly', 'chat.spaces'].map((scope) => ({
            messageId: 'addScopes' as const,
            data: { add: `\`${AUTH}/${scope}\`` },
            output: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: [${GMAIL_READONLY}, '${AUTH}/${scope}'] });
await google.chat({ version: 'v1', auth }).spaces.list({});
`,
          })),
        },
      ],
    },
    {
      // The derived order says every other accepted scope grants guardianlinks.me.readonly, but it is a
      // role scope (a guardian's own links): a teacher's call fails under it. Several API-specific
      // scopes leave the choice open (the second adversarial review's H1).
      name: 'Classroom guardians.list: role scopes are not an order, so no autofix picks one',
      code: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/classroom.courses.readonly'] });
await google.classroom({ version: 'v1', auth }).userProfiles.guardians.list({ studentId: 'student@school.edu' });
`,
      output: null,
      errors: [
        {
          messageId: 'missingScope',
          line: 4,
          column: 7,
          data: {
            api: 'Classroom',
            method: 'userProfiles.guardians.list',
            accepted: 'classroom.guardianlinks.me.readonly or broader',
            requested: 'classroom.courses.readonly',
            source: 'the GoogleAuth on line 3',
            add: 'a scope it accepts',
            where: '',
          },
          suggestions: [
            'classroom.guardianlinks.me.readonly',
            'classroom.guardianlinks.students.readonly',
            'classroom.guardianlinks.students',
          ].map((scope) => ({
            messageId: 'addScopes' as const,
            data: { add: `\`${AUTH}/${scope}\`` },
            output: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/classroom.courses.readonly', '${AUTH}/${scope}'] });
await google.classroom({ version: 'v1', auth }).userProfiles.guardians.list({ studentId: 'student@school.edu' });
`,
          })),
        },
      ],
    },
    {
      name: 'objects.list under only a Gmail scope: the data leaves the choice open, one suggestion per scope',
      code: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: [${GMAIL_READONLY}] });
const storage = google.storage({ version: 'v1', auth });
await storage.objects.list({ bucket: 'b' });
`,
      output: null,
      errors: [
        {
          messageId: 'missingScope',
          line: 5,
          column: 7,
          data: {
            api: 'Cloud Storage JSON',
            method: 'objects.list',
            accepted: 'devstorage.read_write, cloud-platform.read-only, devstorage.read_only or broader',
            requested: 'gmail.readonly',
            source: 'the GoogleAuth on line 3',
            add: 'a scope it accepts',
            where: '',
          },
          suggestions: LIST_SUGGESTIONS.map((scope) => ({
            messageId: 'addScopes' as const,
            data: { add: `\`${AUTH}/${scope}\`` },
            output: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: [${GMAIL_READONLY}, '${AUTH}/${scope}'] });
const storage = google.storage({ version: 'v1', auth });
await storage.objects.list({ bucket: 'b' });
`,
          })),
        },
      ],
    },
    {
      name: 'bucketAccessControls.list: one accepted scope besides cloud-platform, so the fix adds it (@googleapis/storage, new storage_v1.Storage)',
      code: `
import { storage_v1, auth as gauth } from '@googleapis/storage';
const auth = new gauth.GoogleAuth({ scopes: ['${AUTH}/devstorage.read_only'] });
const client = new storage_v1.Storage({ auth });
await client.bucketAccessControls.list({ bucket: 'b' });
`,
      output: `
import { storage_v1, auth as gauth } from '@googleapis/storage';
const auth = new gauth.GoogleAuth({ scopes: ['${AUTH}/devstorage.read_only', '${AUTH}/devstorage.full_control'] });
const client = new storage_v1.Storage({ auth });
await client.bucketAccessControls.list({ bucket: 'b' });
`,
      errors: [
        {
          messageId: 'missingScope',
          line: 5,
          column: 7,
          data: {
            api: 'Cloud Storage JSON',
            method: 'bucketAccessControls.list',
            accepted: 'devstorage.full_control or broader',
            requested: 'devstorage.read_only',
            source: 'the GoogleAuth on line 3',
            add: `\`${AUTH}/devstorage.full_control\``,
            where: '',
          },
        },
      ],
    },
    {
      name: 'a method with one accepted scope (Secret Manager versions.access: cloud-platform) is fixed (TypeScript)',
      code: `
import { google } from 'googleapis';
const auth: InstanceType<typeof google.auth.GoogleAuth> = new google.auth.GoogleAuth({ scopes: [${GMAIL_READONLY}] });
const secrets = google.secretmanager({ version: 'v1', auth });
await secrets.projects.secrets.versions.access({ name: 'projects/p/secrets/s/versions/latest' });
`,
      output: `
import { google } from 'googleapis';
const auth: InstanceType<typeof google.auth.GoogleAuth> = new google.auth.GoogleAuth({ scopes: [${GMAIL_READONLY}, '${AUTH}/cloud-platform'] });
const secrets = google.secretmanager({ version: 'v1', auth });
await secrets.projects.secrets.versions.access({ name: 'projects/p/secrets/s/versions/latest' });
`,
      errors: [
        {
          messageId: 'missingScope',
          line: 5,
          column: 7,
          data: {
            api: 'Secret Manager',
            method: 'projects.secrets.versions.access',
            accepted: 'cloud-platform',
            requested: 'gmail.readonly',
            source: 'the GoogleAuth on line 3',
            add: `\`${AUTH}/cloud-platform\``,
            where: '',
          },
        },
      ],
    },
    {
      name: 'Kubernetes Engine clusters.create: container is the one accepted scope besides cloud-platform, the fix adds it; google.options({ auth }) and google.container(version)',
      code: `
const { google } = require('googleapis');
const auth = new google.auth.GoogleAuth({ scopes: [${GMAIL_READONLY}] });
google.options({ auth });
const container = google.container('v1');
container.projects.locations.clusters.create({ parent: 'projects/p/locations/-', requestBody: {} });
`,
      output: `
const { google } = require('googleapis');
const auth = new google.auth.GoogleAuth({ scopes: [${GMAIL_READONLY}, '${AUTH}/container'] });
google.options({ auth });
const container = google.container('v1');
container.projects.locations.clusters.create({ parent: 'projects/p/locations/-', requestBody: {} });
`,
      errors: [
        {
          messageId: 'missingScope',
          line: 6,
          column: 1,
          data: {
            api: 'Kubernetes Engine',
            method: 'projects.locations.clusters.create',
            accepted: 'container or broader',
            requested: 'gmail.readonly',
            source: 'the GoogleAuth on line 3',
            add: `\`${AUTH}/container\``,
            where: '',
          },
        },
      ],
    },
    {
      name: 'a typed storage_v1.Storage parameter, a method name no registry API has: judged against the file scopes (a suggestion)',
      code: `
import type { storage_v1 } from 'googleapis';
export const SCOPES = ['${AUTH}/devstorage.read_only'];
export async function copy(gcs: storage_v1.Storage) {
  await gcs.bucketAccessControls.list({ bucket: 'b' });
}
`,
      output: null,
      errors: [
        {
          messageId: 'missingScope',
          line: 5,
          column: 9,
          data: {
            api: 'Cloud Storage JSON',
            method: 'bucketAccessControls.list',
            accepted: 'devstorage.full_control or broader',
            requested: 'devstorage.read_only',
            source: 'this file',
            add: `\`${AUTH}/devstorage.full_control\``,
            where: ' to `SCOPES`',
          },
          suggestions: [
            {
              messageId: 'addScopes',
              data: { add: `\`${AUTH}/devstorage.full_control\`` },
              output: `
import type { storage_v1 } from 'googleapis';
export const SCOPES = ['${AUTH}/devstorage.read_only', '${AUTH}/devstorage.full_control'];
export async function copy(gcs: storage_v1.Storage) {
  await gcs.bucketAccessControls.list({ bucket: 'b' });
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'a parameter typed storage_v1.Resource$Bucketaccesscontrols (from @googleapis/storage): judged against the file scopes',
      code: `
import type { storage_v1 } from '@googleapis/storage';
const SCOPES = ['${AUTH}/devstorage.read_only'];
export const revoke = (acls: storage_v1.Resource$Bucketaccesscontrols) => acls.delete({ bucket: 'b', entity: 'allUsers' });
`,
      output: null,
      errors: [
        {
          messageId: 'missingScope',
          line: 4,
          column: 75,
          data: {
            api: 'Cloud Storage JSON',
            method: 'bucketAccessControls.delete',
            accepted: 'devstorage.full_control or broader',
            requested: 'devstorage.read_only',
            source: 'this file',
            add: `\`${AUTH}/devstorage.full_control\``,
            where: ' to `SCOPES`',
          },
          suggestions: [
            {
              messageId: 'addScopes',
              data: { add: `\`${AUTH}/devstorage.full_control\`` },
              output: `
import type { storage_v1 } from '@googleapis/storage';
const SCOPES = ['${AUTH}/devstorage.read_only', '${AUTH}/devstorage.full_control'];
export const revoke = (acls: storage_v1.Resource$Bucketaccesscontrols) => acls.delete({ bucket: 'b', entity: 'allUsers' });
`,
            },
          ],
        },
      ],
    },
    {
      name: 'bucketAccessControls.delete through require(@googleapis/storage) storage({ version, auth }) (JavaScript)',
      code: `
const { storage, auth: gauth } = require('@googleapis/storage');
const auth = new gauth.GoogleAuth({ scopes: ['${AUTH}/devstorage.read_only'] });
storage({ version: 'v1', auth }).bucketAccessControls.delete({ bucket: 'b', entity: 'allUsers' });
`,
      output: `
const { storage, auth: gauth } = require('@googleapis/storage');
const auth = new gauth.GoogleAuth({ scopes: ['${AUTH}/devstorage.read_only', '${AUTH}/devstorage.full_control'] });
storage({ version: 'v1', auth }).bucketAccessControls.delete({ bucket: 'b', entity: 'allUsers' });
`,
      errors: [
        {
          messageId: 'missingScope',
          line: 4,
          column: 1,
          data: {
            api: 'Cloud Storage JSON',
            method: 'bucketAccessControls.delete',
            accepted: 'devstorage.full_control or broader',
            requested: 'devstorage.read_only',
            source: 'the GoogleAuth on line 3',
            add: `\`${AUTH}/devstorage.full_control\``,
            where: '',
          },
        },
      ],
    },
    {
      name: 'an open choice covered by the certain fix of another call on the same auth gets that fix',
      code: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: [${GMAIL_READONLY}] });
const storage = google.storage({ version: 'v1', auth });
await storage.objects.list({ bucket: 'b' });
await storage.bucketAccessControls.list({ bucket: 'b' });
`,
      output: `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: [${GMAIL_READONLY}, '${AUTH}/devstorage.full_control'] });
const storage = google.storage({ version: 'v1', auth });
await storage.objects.list({ bucket: 'b' });
await storage.bucketAccessControls.list({ bucket: 'b' });
`,
      errors: [
        {
          messageId: 'missingScope',
          line: 5,
          column: 7,
          data: {
            api: 'Cloud Storage JSON',
            method: 'objects.list',
            accepted: 'devstorage.read_write, cloud-platform.read-only, devstorage.read_only or broader',
            requested: 'gmail.readonly',
            source: 'the GoogleAuth on line 3',
            add: `\`${AUTH}/devstorage.full_control\``,
            where: '',
          },
        },
        {
          messageId: 'missingScope',
          line: 6,
          column: 7,
          data: {
            api: 'Cloud Storage JSON',
            method: 'bucketAccessControls.list',
            accepted: 'devstorage.full_control or broader',
            requested: 'gmail.readonly',
            source: 'the GoogleAuth on line 3',
            add: `\`${AUTH}/devstorage.full_control\``,
            where: '',
          },
        },
      ],
    },
    {
      // Phase 3 through REST: the written-out host and path prefix name the API (storage v1), as a
      // client would; objects.delete accepts three scopes none of which the data orders: suggestions.
      name: 'a REST DELETE of a Cloud Storage object under devstorage.read_only (auth.request, JavaScript)',
      code: `
const { google } = require('googleapis');
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/devstorage.read_only'] });
auth.request({ url: 'https://storage.googleapis.com/storage/v1/b/b/o/x', method: 'DELETE' });
`,
      output: null,
      errors: [
        {
          messageId: 'missingScope',
          line: 4,
          column: 1,
          data: {
            api: 'Cloud Storage JSON',
            method: 'objects.delete',
            accepted: 'devstorage.read_write or broader',
            requested: 'devstorage.read_only',
            source: 'the GoogleAuth on line 3',
            add: 'a scope it accepts',
            where: '',
          },
          suggestions: DELETE_SUGGESTIONS.map((scope) => ({
            messageId: 'addScopes' as const,
            data: { add: `\`${AUTH}/${scope}\`` },
            output: `
const { google } = require('googleapis');
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/devstorage.read_only', '${AUTH}/${scope}'] });
auth.request({ url: 'https://storage.googleapis.com/storage/v1/b/b/o/x', method: 'DELETE' });
`,
          })),
        },
      ],
    },
    {
      // BigQuery datasets.insert accepts bigquery and cloud-platform: one besides cloud-platform, a certain fix.
      name: 'a REST POST to BigQuery on the shared host (fetch with a token from the same GoogleAuth, TypeScript)',
      code: `
import { GoogleAuth } from 'google-auth-library';
const auth = new GoogleAuth({ scopes: ['${AUTH}/devstorage.read_only'] });
const client = await auth.getClient();
await client.request({ url: \`https://www.googleapis.com/bigquery/v2/projects/\${project}/datasets\`, method: 'POST', data: {} });
`,
      output: `
import { GoogleAuth } from 'google-auth-library';
const auth = new GoogleAuth({ scopes: ['${AUTH}/devstorage.read_only', '${AUTH}/bigquery'] });
const client = await auth.getClient();
await client.request({ url: \`https://www.googleapis.com/bigquery/v2/projects/\${project}/datasets\`, method: 'POST', data: {} });
`,
      errors: [
        {
          messageId: 'missingScope',
          line: 5,
          column: 7,
          data: {
            api: 'BigQuery',
            method: 'datasets.insert',
            accepted: 'bigquery or broader',
            requested: 'devstorage.read_only',
            source: 'the GoogleAuth on line 3',
            add: `\`${AUTH}/bigquery\``,
            where: '',
          },
        },
      ],
    },
  ],
});

describe('phase 3 loads only what a file uses', () => {
  it('linting a file that uses Cloud Storage reads only Cloud Storage v1 of the other APIs', () => {
    forgetDataApiMapsForTests();
    const linter = new Linter();
    const messages = linter.verify(
      `
import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: [${GMAIL_READONLY}] });
const storage = google.storage({ version: 'v1', auth });
await storage.bucketAccessControls.list({ bucket: 'b' });
await google.gmail({ version: 'v1', auth }).users.labels.list({ userId: 'me' });
`,
      [
        {
          plugins: { 'googleapis-scopes': plugin },
          rules: { 'googleapis-scopes/missing-scope': 'error' },
          settings: { 'googleapis-scopes': { project: false } },
        },
      ],
      'phase3.js',
    );
    expect(messages.map((message) => message.message)).toEqual([
      `Cloud Storage JSON \`bucketAccessControls.list\` needs devstorage.full_control or broader but gets gmail.readonly from the GoogleAuth on line 3. Add \`${AUTH}/devstorage.full_control\`.`,
    ]);
    const outside = loadedApiVersions().filter((key) => !isAnalysedApiVersion(...(key.split(':') as [string, string])));
    expect(outside).toEqual(['storage:v1']);
  });
});
