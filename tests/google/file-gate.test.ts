import { describe, expect, it } from 'vitest';
import { SourceCode } from 'eslint';
import * as espree from 'espree';
import type { TSESLint } from '@typescript-eslint/utils';
import { mentionsGoogleApis } from '../../src/google/file-gate.ts';

/** A SourceCode as ESLint builds it (comments and ranges from espree); `typed` adds type-aware parser services. */
function sourceCodeOf(text: string, typed = false): TSESLint.SourceCode {
  const ast = espree.parse(text, { ecmaVersion: 'latest', sourceType: 'module', comment: true, tokens: true, range: true, loc: true });
  const parserServices = typed ? { program: {}, esTreeNodeToTSNodeMap: new WeakMap() } : {};
  return new SourceCode({ text, ast: ast as never, parserServices } as never) as unknown as TSESLint.SourceCode;
}
const gate = (text: string, typed = false): boolean => mentionsGoogleApis(sourceCodeOf(text, typed));

describe('mentionsGoogleApis (the gate before any analysis)', () => {
  it.each([
    ["const { google } = require('googleapis');", 'the googleapis package'],
    ['import { gmail } from "@googleapis/gmail";', '@googleapis/gmail'],
    ["import { drive } from '@googleapis/drive';", 'any @googleapis/<api> package'],
    ["const { google } = require('googleapis@150');", 'a version'],
    ["import { google } from 'npm:googleapis@150';", 'an npm: specifier'],
    ['const { gmail } = require(`npm:@googleapis/gmail`);', 'a scoped npm: specifier in a template'],
    ["const { OAuth2Client } = require('google-auth-library');", 'google-auth-library'],
    ["import { authenticate } from '@google-cloud/local-auth';", '@google-cloud/local-auth'],
    ["const scopes = ['https://www.googleapis.com/auth/gmail.send'];", 'a scope URL'],
    ["const scope = 'https://mail.google.com/';", 'the SMTP/IMAP scope'],
    ["fetch('https://gmail.googleapis.com/gmail/v1/users/me/messages');", 'the Gmail REST host'],
    ['fetch(`${base}/gmail/v1/users/me/profile`);', 'the Gmail REST path prefix'],
    ["const scopes = ['gmail.send'];", 'a short form'],
    ['export const list = (gmail) => client.users.messages.list({ userId: "me" });', 'a root resource chain'],
    ['export const send = (gmail) => client.users ?. messages\n  .send({ userId: "me" });', 'an optional, spaced chain'],
    ["export const read = (sheets) => this.client.spreadsheets.values['get']({});", 'a chain of another API, computed last'],
    ["fetch('https://tasks.googleapis.com/' + path);", 'the own host of an API on its own host'],
    ["fetch('https://www.googleapis.com/drive/v3/files');", 'the shared host with an API path prefix'],
    ["axios.get(BASE + '/upload/drive/v3/files');", 'an upload path prefix'],
    ['// Google Docs\nfetch(`${base}/v1/documents/${id}`);', 'a version-only prefix and the first segment of a method path'],
    ['// People\nfetch(`${base}/v1/people:${operation}`);', 'a version-only prefix and a segment cut by a hole'],
    ["const SCOPES = ['drive.readonly'];", 'a short form next to a scope name'],
    ["provider.addScope('calendar.events');", 'a short form next to addScope'],
    ["createTransport({ host: 'smtp.gmail.com', auth: { type: 'OAuth2', user } });", "Gmail's SMTP host"],
    ["new ImapFlow({ host: 'imap.gmail.com', auth: { user, accessToken } });", "Gmail's IMAP host"],
    ["createTransport({ service: 'Gmail', auth: { type: 'OAuth2', user } });", "nodemailer's Gmail service"],
    // Every other API of the data (phase 3): its own host and path prefix, or a prefix naming it on a shared host.
    ["fetch('https://language.googleapis.com/v1/documents:analyzeEntities');", 'the host and version prefix of a data-only API'],
    ["fetch('https://storage.googleapis.com/storage/v1/b/' + bucket + '/o');", 'the host and named prefix of a data-only API'],
    ['fetch(`https://www.googleapis.com/bigquery/v2/projects/${p}/datasets`);', 'the shared host with a data-only API prefix'],
  ])('opens the file for %j (%s)', (text) => {
    expect(gate(text)).toBe(true);
  });

  it.each([
    ['const x = 1;', 'no mention at all'],
    ["// const { google } = require('googleapis');\nconst x = 1;", 'a line comment'],
    [
      "/** Example: require('googleapis'); 'https://www.googleapis.com/auth/gmail.send' gmail.googleapis.com /gmail/v1/ x.users.messages 'gmail.send' */\nconst x = 1;",
      'a block comment',
    ],
    ["const googleapis_common_1 = require('googleapis-common');", 'another package whose name starts with googleapis'],
    ["const rootUrl = 'https://drive.googleapis.com/';", 'the host of an API without a map'],
    ["const gmailUser = 'me'; users.messagesCount = 2;", 'a chain to a name that only starts like a resource'],
    ['const gmail = 1; myusers.messages.list();', 'a root resource that ends another name'],
    ['fetch(`/gmail/v10/x`);', 'a longer path segment'],
    ['users.messages.list(); // not ours', 'a chain in a file that never mentions Google or an API'],
    ['export const profile = (gmail) => client.users.getProfile({});', 'a chain of two names (a shape names a method from three)'],
    ['export const list = (drive) => client.files.list({});', 'a root resource whose methods all have two names'],
    ["const rootUrl = 'https://cloudtasks.googleapis.com/';", 'a host that only ends in an API host'],
    ["const rootUrl = 'https://www.googleapis.com/';", 'the shared host alone'],
    ["const photo = 'https://storage.googleapis.com/my-bucket/photo.png';", "an API's own host with no path of the API (a public object)"],
    ["const css = 'https://fonts.googleapis.com/css2?family=Roboto';", 'a Google host no API of the data answers on'],
    ["fetch('https://www.googleapis.com/notanapi/v1/x');", 'the shared host with a prefix no API has'],
    ["const readOnly = 'drive.readonly';", 'a short form of another API with no scope name in the code'],
    ["// scopes\nconst drive = 'drive.readonly';", 'a scope name only in a comment'],
    [
      [
        'const googleapis_common_1 = require("googleapis-common");',
        "const rootUrl = options.rootUrl || 'https://gmail.googleapis.com/';",
        "const url = (rootUrl + '/gmail/v1/users/{userId}/drafts').replace(/([^:]\\/)\\/+/g, '$1');",
      ].join('\n'),
      "Google's generated client: its root URL and paths go to createAPIRequest",
    ],
  ])('skips %j (%s)', (text) => {
    expect(gate(text)).toBe(false);
  });

  it("with type information, opens a file that names an API's namespace (gmail_v1), not its bare name", () => {
    // (espree parses the text: the type annotation `m: gmail_v1.Resource$Users$Messages` as a JSDoc type.)
    expect(gate('/** @param {gmail_v1.Resource$Users$Messages} m */ const send = (m) => m.send({});', true)).toBe(true);
    expect(gate('const files = new drive_v3.Resource$Files(context);', true)).toBe(true);
    expect(gate('const files = new drive_v3.Resource$Files(context);')).toBe(false);
    expect(gate('const GMAIL = 1;', true)).toBe(false);
    expect(gate('const tasks = []; const docs = forms;', true)).toBe(false);
    expect(gate('const mygmail_v1 = 1;', true)).toBe(false);
    expect(gate('const google = 1;', true)).toBe(false);
  });

  it('with type information, opens a file that names the namespace of any API version in the data, by its shape (no anchor per API)', () => {
    // (espree reads no TypeScript annotation: a JSDoc type, as a checked JavaScript file writes it.)
    const jsdoc = '/** @param {storage_v1.Resource$Bucketaccesscontrols} acls */ export const revoke = (acls) => acls.delete({});';
    expect(gate(jsdoc, true)).toBe(true);
    expect(gate(jsdoc)).toBe(false);
    expect(gate('const d = new admin_directory_v1.Admin({});', true)).toBe(true);
    expect(gate('const c = new compute_alpha.Compute({});', true)).toBe(true);
    expect(gate('const m = new merchantapi_accounts_v1beta.Merchantapi({});', true)).toBe(true);
    // Shaped like one, but no version the data has.
    expect(gate('const x = storage_v9; const y = mystorage_v1; const z = storage_v1$x;', true)).toBe(false);
  });

  it("opens Google's generated client only for a library specifier or a scope URL", () => {
    const generated = 'const googleapis_common_1 = require("googleapis-common");\n';
    expect(gate(`${generated}const scopes = ['https://www.googleapis.com/auth/drive'];`)).toBe(true);
    expect(gate(`${generated}const scope = 'https://mail.google.com/';`)).toBe(true);
    expect(gate(`${generated}const { google } = require('googleapis');`)).toBe(true);
    expect(gate(`${generated}const { OAuth2Client } = require('google-auth-library');`)).toBe(true);
    expect(gate(`${generated}// https://developers.google.com/gmail/api/\nexports.gmail = getAPI('gmail');`)).toBe(false);
    expect(gate(`${generated}this.context.users.messages.send({});`)).toBe(false);
    expect(gate(`${generated}fetch('https://gmail.googleapis.com/gmail/v1/users/me/profile');`)).toBe(false);
    expect(gate(`// require("googleapis-common")\nfetch('https://gmail.googleapis.com/gmail/v1/users/me/profile');`)).toBe(true);
  });

  it('opens a file that imports a module of the project and calls a two-name chain of some API (REVIEW-3 M5)', () => {
    // The analysis then follows the import: only a Google client exported there is reported.
    expect(gate("import { calendar } from './google.js';\ncalendar.events.insert({ calendarId: 'primary' });")).toBe(true);
    expect(gate("const { drive } = require('../lib/google');\nawait drive?.files ?. delete({ fileId });")).toBe(true);
    expect(gate("import * as g from '@/lib/google';\ng.docs.documents.batchUpdate({});")).toBe(true);
    expect(gate("import getClients from '#google';\nconst { tasks } = await getClients();\ntasks.tasklists.list();")).toBe(true);
    // A data-only API; a file that mentions neither Google nor an analysed API needs an imported API name.
    expect(gate("import { storage } from './clients.js';\nstorage.buckets.delete({ bucket });")).toBe(true);
    expect(gate("import { db } from './db.js';\ndb.files.delete(id);")).toBe(false);
    expect(gate("import { bigquery } from './clients.js';\nbigquery.jobs.insert({});")).toBe(true);
    // Not Google, but the file mentions Google Drive: opened, and the analysis finds no Google client.
    expect(gate("// copied to Google Drive later\nimport { store } from './file-store.js';\nstore.files.list();")).toBe(true);
  });

  it.each([
    ['export const list = (drive) => drive.files.list({});', 'no import: a parameter (a three-name chain or a typed one opens)'],
    ["import { readFile } from 'node:fs';\nconst drive = load(readFile);\ndrive.files.delete({});", 'only a Node built-in is imported'],
    ["import { calendar } from './google.js';\ncalendar.events.on('change', f);", 'a chain that starts no method id'],
    ["import { calendar } from './google.js';\n// calendar.events.insert({})\nexport {};", 'the chain only in a comment'],
    ["const { google } = x;\nimport { files } from './files.js';\nfiles.delete(id);", 'one name after the import'],
    [
      'const googleapis_common_1 = require("googleapis-common");\nconst v3_1 = require("./v3");\nthis.context.files.delete({});',
      "Google's generated client",
    ],
  ])('does not open %j for the import path (%s)', (text) => {
    expect(gate(text)).toBe(false);
  });

  it('looks past anchors in comments and non-candidate hits to a later candidate', () => {
    const text = [
      "/* require('googleapis') */",
      "const rootUrl = 'https://abusiveexperiencereport.googleapis.com/';",
      '// gmail users.messages',
      "module.exports = require('googleapis');",
    ].join('\n');
    expect(gate(text)).toBe(true);
  });
});
