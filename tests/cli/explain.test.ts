import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseErrorText } from '../../src/cli/error-text.ts';
import { explainError } from '../../src/cli/explain.ts';
import { formatExplanation } from '../../src/cli/format-explain.ts';
import { lintProject } from '../../src/cli/lint.ts';
import { buildReport } from '../../src/cli/report.ts';
import type { Report } from '../../src/cli/report.ts';
import { runCli } from './run-cli.ts';

const APP = path.join(import.meta.dirname, '..', 'fixtures', 'explain', 'app');
const ERRORS = path.join(import.meta.dirname, '..', 'fixtures', 'explain', 'errors');
const errorText = (name: string): string => readFileSync(path.join(ERRORS, name), 'utf8');

let report: Report;
beforeAll(async () => {
  const result = await lintProject({ cwd: APP, paths: [] });
  report = buildReport({ cwd: APP, inventories: result.inventories, files: result.files, skipped: result.skipped });
});

function explain(name: string, options: { readonly withoutProject?: boolean } = {}) {
  const parsed = parseErrorText(errorText(name));
  if (parsed === undefined) throw new Error(`${name} was not read`);
  return explainError(parsed, options.withoutProject === true ? undefined : report);
}
const text = (name: string): string => formatExplanation(explain(name));

describe('reading the error', () => {
  it('reads the ErrorInfo of a 403 body', () => {
    expect(parseErrorText(errorText('send-403.json'))).toEqual({
      kind: 'insufficient-scope',
      status: 403,
      reason: 'ACCESS_TOKEN_SCOPE_INSUFFICIENT',
      message: 'Request had insufficient authentication scopes.',
      service: 'gmail.googleapis.com',
      rpc: 'caribou.api.proto.MailboxService.SendMessage',
      url: null,
      httpMethod: null,
      acceptedScopes: null,
      format: null,
      invalidScopes: [],
    });
  });

  it('reads the request and the WWW-Authenticate header of a GaxiosError as Node prints it', () => {
    expect(parseErrorText(errorText('get-profile-gaxios.txt'))).toEqual({
      kind: 'insufficient-scope',
      status: 403,
      reason: 'insufficientPermissions',
      message: 'Request had insufficient authentication scopes.',
      service: null,
      rpc: null,
      url: 'https://gmail.googleapis.com/gmail/v1/users/me/profile',
      httpMethod: 'GET',
      acceptedScopes: [
        'https://mail.google.com/',
        'https://www.googleapis.com/auth/gmail.modify',
        'https://www.googleapis.com/auth/gmail.compose',
        'https://www.googleapis.com/auth/gmail.readonly',
        'https://www.googleapis.com/auth/gmail.metadata',
      ],
      format: null,
      invalidScopes: [],
    });
  });

  it('reads the gmail.metadata messages and invalid_scope', () => {
    expect(parseErrorText(errorText('metadata-q.json'))).toMatchObject({ kind: 'metadata-q', status: 403, reason: 'forbidden' });
    expect(parseErrorText(errorText('metadata-format-full.json'))).toMatchObject({ kind: 'metadata-format', format: 'full' });
    expect(parseErrorText("Error: Metadata scope doesn\\'t allow format RAW")).toMatchObject({ kind: 'metadata-format', format: 'raw' });
    expect(parseErrorText(errorText('invalid-scope.json'))).toMatchObject({
      kind: 'invalid-scope',
      reason: 'invalid_scope',
      message:
        'Some requested scopes were invalid. {valid=[https://www.googleapis.com/auth/gmail.metadata], invalid=[https://www.googleapis.com/auth/userinfo.emial]}',
      invalidScopes: ['https://www.googleapis.com/auth/userinfo.emial'],
    });
    expect(parseErrorText('GaxiosError: invalid_scope: Invalid OAuth scope or ID token audience provided.')).toMatchObject({
      kind: 'invalid-scope',
      message: 'Invalid OAuth scope or ID token audience provided.',
    });
  });

  it("reads the ErrorInfo from Node's printout of response.data (single quotes, bare keys)", () => {
    const printed = `{
  error: {
    code: 403,
    message: 'Request had insufficient authentication scopes.',
    errors: [ { message: 'Insufficient Permission', domain: 'global', reason: 'insufficientPermissions' } ],
    status: 'PERMISSION_DENIED',
    details: [
      {
        '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
        reason: 'ACCESS_TOKEN_SCOPE_INSUFFICIENT',
        domain: 'googleapis.com',
        metadata: { method: 'caribou.api.proto.MailboxService.ListHistory', service: 'gmail.googleapis.com' }
      }
    ]
  }
}`;
    expect(parseErrorText(printed)).toMatchObject({
      kind: 'insufficient-scope',
      status: 403,
      reason: 'ACCESS_TOKEN_SCOPE_INSUFFICIENT',
      service: 'gmail.googleapis.com',
      rpc: 'caribou.api.proto.MailboxService.ListHistory',
    });
    expect(explainError(parseErrorText(printed)!, report)).toMatchObject({
      method: 'users.history.list',
      identifiedBy: 'rpc',
      callSites: [{ file: 'src/profile.js', line: 10, status: 'ok' }],
    });
  });

  it('reads the scopes a consent screen refuses to show', () => {
    expect(
      parseErrorText('Error 400: invalid_scope\nSome requested scopes cannot be shown: [https://www.googleapis.com/auth/gmail.sendd]'),
    ).toMatchObject({
      kind: 'invalid-scope',
      invalidScopes: ['https://www.googleapis.com/auth/gmail.sendd'],
    });
  });

  it('reads nothing from text that is no scope error', () => {
    expect(parseErrorText('TypeError: Cannot read properties of undefined (reading "data")')).toBeUndefined();
    expect(parseErrorText('{"error":{"code":404,"message":"Requested entity was not found."}}')).toBeUndefined();
  });
});

describe('explain', () => {
  it('send: the method from the RPC name, the failing call, and the scope to add where the list is written', () => {
    expect(text('send-403.json')).toMatchInlineSnapshot(`
      "Gmail \`users.messages.send\` (MailboxService.SendMessage) failed with 403 ACCESS_TOKEN_SCOPE_INSUFFICIENT: the access token holds none of the scopes it accepts.

      Accepted scopes (any one works), narrowest first:
        https://www.googleapis.com/auth/gmail.send                           sensitive
        https://www.googleapis.com/auth/gmail.compose                        restricted
        https://www.googleapis.com/auth/gmail.modify                         restricted
        https://mail.google.com/                                             restricted
        https://www.googleapis.com/auth/gmail.addons.current.action.compose  non-sensitive, Gmail add-ons only

      Call sites (1):
        src/outbox.js:8:10  missing

      Scopes requested for those calls:
        GoogleAuth src/outbox.js:4, written at \`SCOPES\` in \`src/scopes.js\`: gmail.readonly

      Fix:
        Add \`https://www.googleapis.com/auth/gmail.compose\` to \`SCOPES\` in \`src/scopes.js\` (it also covers the 1 other failing call traced there).

      Note: A token keeps the scopes it was issued with: after the fix, the user must consent again (delete a stored token or refresh token).
      "
    `);
  });

  it('drafts.create from a log line', () => {
    expect(text('drafts-create-log.txt')).toMatchInlineSnapshot(`
      "Gmail \`users.drafts.create\` (MailboxService.CreateDraft) failed with 403 ACCESS_TOKEN_SCOPE_INSUFFICIENT: the access token holds none of the scopes it accepts.

      Accepted scopes (any one works), narrowest first:
        https://www.googleapis.com/auth/gmail.compose                        restricted
        https://www.googleapis.com/auth/gmail.modify                         restricted
        https://mail.google.com/                                             restricted
        https://www.googleapis.com/auth/gmail.addons.current.action.compose  non-sensitive, Gmail add-ons only

      Call sites (1):
        src/outbox.js:12:10  missing

      Scopes requested for those calls:
        GoogleAuth src/outbox.js:4, written at \`SCOPES\` in \`src/scopes.js\`: gmail.readonly

      Fix:
        Add \`https://www.googleapis.com/auth/gmail.compose\` to \`SCOPES\` in \`src/scopes.js\` (it also covers the 1 other failing call traced there).

      Note: A token keeps the scopes it was issued with: after the fix, the user must consent again (delete a stored token or refresh token).
      "
    `);
  });

  it('getProfile from a GaxiosError: the code already requests an accepted scope, so the token is old', () => {
    expect(text('get-profile-gaxios.txt')).toMatchInlineSnapshot(`
      "Gmail \`users.getProfile\` failed with 403 insufficientPermissions: the access token holds none of the scopes it accepts.

      Accepted scopes (any one works), narrowest first:
        https://www.googleapis.com/auth/gmail.compose   restricted
        https://www.googleapis.com/auth/gmail.metadata  restricted
        https://www.googleapis.com/auth/gmail.readonly  restricted
        https://www.googleapis.com/auth/gmail.modify    restricted
        https://mail.google.com/                        restricted

      Call sites (1):
        src/profile.js:9:25  ok

      Scopes requested for those calls:
        GoogleAuth src/profile.js:3, written at \`src/profile.js:4\`: gmail.readonly

      Fix:
        The scope list at \`src/profile.js:4\` already requests \`https://www.googleapis.com/auth/gmail.readonly\`, which \`users.getProfile\` accepts: the failing token was issued without it. Have the user consent again.
      "
    `);
  });

  it('messages.list: every call site, each with its own verdict', () => {
    expect(text('list-messages-403.json')).toMatchInlineSnapshot(`
      "Gmail \`users.messages.list\` (MailboxService.ListMessages) failed with 403 ACCESS_TOKEN_SCOPE_INSUFFICIENT: the access token holds none of the scopes it accepts.

      Accepted scopes (any one works), narrowest first:
        https://www.googleapis.com/auth/gmail.metadata  restricted
        https://www.googleapis.com/auth/gmail.readonly  restricted
        https://www.googleapis.com/auth/gmail.modify    restricted
        https://mail.google.com/                        restricted

      Call sites (2):
        src/cleanup.js:11:26  ok
        src/reader.js:11:26   metadata

      Scopes requested for those calls:
        JWT src/cleanup.js:3, written at \`src/cleanup.js:5\`: gmail.modify
        OAuth2 client src/reader.js:3, written at \`src/reader.js:6\`: gmail.metadata, userinfo.emial

      Fix:
        The scope list at \`src/cleanup.js:5\` already requests \`https://www.googleapis.com/auth/gmail.modify\`, which \`users.messages.list\` accepts: the failing token was issued without it. Have the user consent again.
        \`src/reader.js:11\` would fail under gmail.metadata even with this fixed: replace \`https://www.googleapis.com/auth/gmail.metadata\` with \`https://www.googleapis.com/auth/gmail.readonly\` in the scope list at \`src/reader.js:6\`.

      Note: A token keeps the scopes it was issued with: after the fix, the user must consent again (delete a stored token or refresh token).
      "
    `);
  });

  it('history.list from the WWW-Authenticate header alone: the methods that accept exactly those scopes', () => {
    const explanation = explain('history-www-authenticate.txt');
    expect(explanation.method).toBeNull();
    expect(explanation.identifiedBy).toBe('scopes');
    expect(explanation.candidates).toContain('users.history.list');
    expect(formatExplanation(explanation)).toMatchInlineSnapshot(`
      "Gmail \`users.history.list\`, \`users.messages.list\`, \`users.stop\`, \`users.threads.list\` or \`users.watch\` failed with 403 insufficient_scope: the access token holds none of the scopes it accepts.

      Accepted scopes (any one works), narrowest first, as the error lists them:
        https://www.googleapis.com/auth/gmail.metadata  restricted
        https://www.googleapis.com/auth/gmail.readonly  restricted
        https://www.googleapis.com/auth/gmail.modify    restricted
        https://mail.google.com/                        restricted

      Call sites (3):
        src/cleanup.js:11:26  users.messages.list  ok
        src/profile.js:10:25  users.history.list   ok
        src/reader.js:11:26   users.messages.list  metadata

      Scopes requested for those calls:
        JWT src/cleanup.js:3, written at \`src/cleanup.js:5\`: gmail.modify
        GoogleAuth src/profile.js:3, written at \`src/profile.js:4\`: gmail.readonly
        OAuth2 client src/reader.js:3, written at \`src/reader.js:6\`: gmail.metadata, userinfo.emial

      Fix:
        The scope list at \`src/cleanup.js:5\` already requests \`https://www.googleapis.com/auth/gmail.modify\`, which \`users.messages.list\` accepts: the failing token was issued without it. Have the user consent again.
        The scope list at \`src/profile.js:4\` already requests \`https://www.googleapis.com/auth/gmail.readonly\`, which \`users.history.list\` accepts: the failing token was issued without it. Have the user consent again.
        \`src/reader.js:11\` would fail under gmail.metadata even with this fixed: replace \`https://www.googleapis.com/auth/gmail.metadata\` with \`https://www.googleapis.com/auth/gmail.readonly\` in the scope list at \`src/reader.js:6\`.

      Note: The error fits \`users.history.list\`, \`users.messages.list\`, \`users.stop\`, \`users.threads.list\` or \`users.watch\`; call sites of each are listed.

      Note: A token keeps the scopes it was issued with: after the fix, the user must consent again (delete a stored token or refresh token).
      "
    `);
  });

  it('messages.delete from the request URL of a GaxiosError', () => {
    expect(text('delete-gaxios.txt')).toMatchInlineSnapshot(`
      "Gmail \`users.messages.delete\` failed with 403 insufficientPermissions: the access token holds none of the scopes it accepts.

      Accepted scopes (any one works), narrowest first:
        https://mail.google.com/  restricted

      Call sites (1):
        src/cleanup.js:13:11  missing

      Scopes requested for those calls:
        JWT src/cleanup.js:3, written at \`src/cleanup.js:5\`: gmail.modify

      Fix:
        Add \`https://mail.google.com/\` to the scope list at \`src/cleanup.js:5\`.

      Note: A token keeps the scopes it was issued with: after the fix, the user must consent again (delete a stored token or refresh token).
      "
    `);
  });

  it("Metadata scope does not support 'q' parameter", () => {
    expect(text('metadata-q.json')).toMatchInlineSnapshot(`
      "Gmail \`users.messages.list\` or \`users.threads.list\` failed with 403 "Metadata scope does not support 'q' parameter": the token holds gmail.metadata, which forbids \`q\` even when broader scopes are granted too.

      Call sites (1):
        src/reader.js:11:26  users.messages.list  metadata

      Scopes requested for those calls:
        OAuth2 client src/reader.js:3, written at \`src/reader.js:6\`: gmail.metadata, userinfo.emial

      Fix:
        Replace \`https://www.googleapis.com/auth/gmail.metadata\` with \`https://www.googleapis.com/auth/gmail.readonly\` in the scope list at \`src/reader.js:6\`.
        Or keep gmail.metadata and drop \`q\` at \`src/reader.js:11\`.

      Note: The error fits \`users.messages.list\` or \`users.threads.list\`; call sites of each are listed.

      Note: A token keeps the scopes it was issued with: after the fix, the user must consent again (delete a stored token or refresh token).
      "
    `);
  });

  it("Metadata scope doesn't allow format FULL", () => {
    expect(text('metadata-format-full.json')).toMatchInlineSnapshot(`
      "Gmail \`users.messages.get\` or \`users.threads.get\` failed with 403 "Metadata scope doesn't allow format FULL": the token holds gmail.metadata, which forbids format full (the default) and raw, even when broader scopes are granted too.

      Call sites (1):
        src/reader.js:12:61  users.messages.get  metadata

      Scopes requested for those calls:
        OAuth2 client src/reader.js:3, written at \`src/reader.js:6\`: gmail.metadata, userinfo.emial

      Fix:
        Replace \`https://www.googleapis.com/auth/gmail.metadata\` with \`https://www.googleapis.com/auth/gmail.readonly\` in the scope list at \`src/reader.js:6\`.
        Or keep gmail.metadata and pass \`format: 'metadata'\` at \`src/reader.js:12\`.

      Note: The error fits \`users.messages.get\` or \`users.threads.get\`; call sites of each are listed.

      Note: A token keeps the scopes it was issued with: after the fix, the user must consent again (delete a stored token or refresh token).
      "
    `);
  });

  it('invalid_scope: the misspelt scope, its correction and where it is requested', () => {
    expect(text('invalid-scope.json')).toMatchInlineSnapshot(`
      "Google refused to issue a token (invalid_scope): a requested scope is not a real OAuth scope, or not one this client may request.

      Scopes Google rejects:
        https://www.googleapis.com/auth/userinfo.emial  (meant: https://www.googleapis.com/auth/userinfo.email)

      Requested at:
        OAuth2 client src/reader.js:3, written at \`src/reader.js:6\`: gmail.metadata, userinfo.emial

      Fix:
        Replace \`https://www.googleapis.com/auth/userinfo.emial\` with \`https://www.googleapis.com/auth/userinfo.email\` in the scope list at \`src/reader.js:6\`.
      "
    `);
  });

  it('answers from the data for an API outside the registry (Chat, by its RPC name): its choice stays open', () => {
    expect(text('chat-403.json')).toMatchInlineSnapshot(`
      "Chat \`spaces.list\` (ChatService.ListSpaces) failed with 403 ACCESS_TOKEN_SCOPE_INSUFFICIENT: the access token holds none of the scopes it accepts.

      Accepted scopes (any one works), narrowest first:
        https://www.googleapis.com/auth/chat.bot              not catalogued
        https://www.googleapis.com/auth/chat.spaces.readonly  not catalogued
        https://www.googleapis.com/auth/chat.spaces           not catalogued

      Call sites (0):
        none found in the linted files

      Scope requests in the project (4 places):
        JWT src/cleanup.js:3, written at \`src/cleanup.js:5\`: gmail.modify
        GoogleAuth src/outbox.js:4, written at \`SCOPES\` in \`src/scopes.js\`: gmail.readonly
        GoogleAuth src/profile.js:3, written at \`src/profile.js:4\`: gmail.readonly
        OAuth2 client src/reader.js:3, written at \`src/reader.js:6\`: gmail.metadata, userinfo.emial

      Fix:
        Request one of \`https://www.googleapis.com/auth/chat.bot\`, \`https://www.googleapis.com/auth/chat.spaces.readonly\` or \`https://www.googleapis.com/auth/chat.spaces\` for the token that makes this call: which one fits depends on the credential and the data the call reaches, which neither the error nor the scope data tells.

      Note: A token keeps the scopes it was issued with: after the fix, the user must consent again (delete a stored token or refresh token).
      "
    `);
  });

  it('answers from the data for an API outside the registry (Cloud Storage, by its request URL)', () => {
    expect(text('storage-gaxios.txt')).toMatchInlineSnapshot(`
      "Cloud Storage JSON \`objects.list\` failed with 403 insufficientPermissions: the access token holds none of the scopes it accepts.

      Accepted scopes (any one works), narrowest first:
        https://www.googleapis.com/auth/devstorage.read_write     not catalogued
        https://www.googleapis.com/auth/cloud-platform.read-only  not catalogued
        https://www.googleapis.com/auth/devstorage.read_only      not catalogued
        https://www.googleapis.com/auth/cloud-platform            not catalogued
        https://www.googleapis.com/auth/devstorage.full_control   not catalogued

      Call sites (0):
        none found in the linted files

      Scope requests in the project (4 places):
        JWT src/cleanup.js:3, written at \`src/cleanup.js:5\`: gmail.modify
        GoogleAuth src/outbox.js:4, written at \`SCOPES\` in \`src/scopes.js\`: gmail.readonly
        GoogleAuth src/profile.js:3, written at \`src/profile.js:4\`: gmail.readonly
        OAuth2 client src/reader.js:3, written at \`src/reader.js:6\`: gmail.metadata, userinfo.emial

      Fix:
        Request one of \`https://www.googleapis.com/auth/devstorage.read_write\`, \`https://www.googleapis.com/auth/cloud-platform.read-only\`, \`https://www.googleapis.com/auth/devstorage.read_only\`, \`https://www.googleapis.com/auth/cloud-platform\` or \`https://www.googleapis.com/auth/devstorage.full_control\` for the token that makes this call: which one fits depends on the credential and the data the call reaches, which neither the error nor the scope data tells.

      Note: A token keeps the scopes it was issued with: after the fix, the user must consent again (delete a stored token or refresh token).
      "
    `);
  });

  it('says "unknown method" for an API the data does not have', () => {
    expect(text('unknown-api-403.json')).toMatchInlineSnapshot(`
      "A Google API call failed with 403 ACCESS_TOKEN_SCOPE_INSUFFICIENT: the access token holds none of the scopes the method accepts.

      Scope requests in the project (4 places):
        JWT src/cleanup.js:3, written at \`src/cleanup.js:5\`: gmail.modify
        GoogleAuth src/outbox.js:4, written at \`SCOPES\` in \`src/scopes.js\`: gmail.readonly
        GoogleAuth src/profile.js:3, written at \`src/profile.js:4\`: gmail.readonly
        OAuth2 client src/reader.js:3, written at \`src/reader.js:6\`: gmail.metadata, userinfo.emial

      Fix:
        None known: the method is unknown, so compare the token's scopes with the ones its reference page lists.

      Note: Unknown method: the scope data has no \`notanapi\` API.
      "
    `);
  });

  it('explains without a project', () => {
    expect(formatExplanation(explain('send-403.json', { withoutProject: true }))).toMatchInlineSnapshot(`
      "Gmail \`users.messages.send\` (MailboxService.SendMessage) failed with 403 ACCESS_TOKEN_SCOPE_INSUFFICIENT: the access token holds none of the scopes it accepts.

      Accepted scopes (any one works), narrowest first:
        https://www.googleapis.com/auth/gmail.send                           sensitive
        https://www.googleapis.com/auth/gmail.compose                        restricted
        https://www.googleapis.com/auth/gmail.modify                         restricted
        https://mail.google.com/                                             restricted
        https://www.googleapis.com/auth/gmail.addons.current.action.compose  non-sensitive, Gmail add-ons only

      Fix:
        Request \`https://www.googleapis.com/auth/gmail.send\` for the token that makes this call.

      Note: The project was not linted: no call sites or scope requests are shown.

      Note: A token keeps the scopes it was issued with: after the fix, the user must consent again (delete a stored token or refresh token).
      "
    `);
  });

  it('is what docs/explain.md shows', () => {
    const docs = readFileSync(path.join(import.meta.dirname, '..', '..', 'docs', 'explain.md'), 'utf8');
    expect(/```text\n([\s\S]*?)```/.exec(docs)?.[1]).toBe(text('send-403.json'));
  });

  it('prints JSON', () => {
    const explanation = explain('delete-gaxios.txt');
    expect(explanation).toMatchObject({
      schemaVersion: 1,
      api: 'gmail',
      method: 'users.messages.delete',
      identifiedBy: 'url',
      accepted: [{ scope: 'https://mail.google.com/', classification: 'restricted', addOnOnly: false }],
      callSites: [
        {
          method: 'users.messages.delete',
          file: 'src/cleanup.js',
          line: 13,
          column: 11,
          declaration: 'src/cleanup.js:3:14',
          status: 'missing',
        },
      ],
      fix: ['Add `https://mail.google.com/` to the scope list at `src/cleanup.js:5`.'],
    });
  });
});

const AUTH = 'https://www.googleapis.com/auth';
const UNKNOWN_NOTE =
  "Unknown method: the error names neither the method (ErrorInfo `metadata.method`) nor the request URL: paste the whole error (a GaxiosError's `config.url`, the body's `details`) or its `WWW-Authenticate` header.";
/** The explanation without a project: its summary, fix and notes (the two notes every such explanation has left out). */
function alone(error: string): { summary: string; fix: readonly string[]; notes: readonly string[] } {
  const parsed = parseErrorText(error);
  if (parsed === undefined) throw new Error('not read');
  const { summary, fix, notes } = explainError(parsed, undefined);
  return {
    summary,
    fix,
    notes: notes.filter((note) => !note.startsWith('The project was not linted') && !note.startsWith('A token keeps')),
  };
}

describe('the 403 forms users paste', () => {
  it("Drive's RPC names: `google.apps.drive.v3.DriveFiles.<Verb>` in ErrorInfo `metadata.method`", () => {
    // The body of ShareX/ShareX#7681 (https://github.com/ShareX/ShareX/issues/7681), as Google sent it.
    const create =
      '{"error":{"code":403,"message":"Request had insufficient authentication scopes.","errors":[{"message":"Insufficient Permission","domain":"global","reason":"insufficientPermissions"}],"status":"PERMISSION_DENIED","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"ACCESS_TOKEN_SCOPE_INSUFFICIENT","domain":"googleapis.com","metadata":{"method":"google.apps.drive.v3.DriveFiles.Create","service":"drive.googleapis.com"}}]}}';
    expect(alone(create)).toEqual({
      summary:
        'Drive `files.create` (DriveFiles.Create) failed with 403 ACCESS_TOKEN_SCOPE_INSUFFICIENT: the access token holds none of the scopes it accepts.',
      // The body says nothing of the folder: drive.file is not proposed unless the call shows it fits, and the folder
      // may be appDataFolder (drive.appdata only), so the choice is open (as missing-scope's suggestions).
      fix: [
        `Request one of \`${AUTH}/drive.appdata\` or \`${AUTH}/drive\` for the token that makes this call: which one fits depends on the credential and the data the call reaches, which neither the error nor the scope data tells.`,
      ],
      notes: [],
    });
    // ErrorInfo of Drive's gRPC-style scope error (method google.apps.drive.v3.DriveFiles.List, service drive.googleapis.com),
    // as a public test of Google's error shape quotes it.
    const list = create.replace('DriveFiles.Create', 'DriveFiles.List');
    expect(explainError(parseErrorText(list)!, undefined)).toMatchObject({ api: 'drive', method: 'files.list', identifiedBy: 'rpc' });
  });

  it('Cloud Storage\'s "Provided scope(s) are not authorized": the request URL names the method; without it, says what is missing', () => {
    // google-api-core's Forbidden, as Python's Cloud Storage client raises it on an upload.
    expect(
      alone(
        'google.api_core.exceptions.Forbidden: 403 POST https://storage.googleapis.com/upload/storage/v1/b/my-bucket/o?uploadType=multipart: Provided scope(s) are not authorized',
      ),
    ).toEqual({
      summary:
        'Cloud Storage JSON `objects.insert` failed with 403 "Provided scope(s) are not authorized": the access token holds none of the scopes it accepts.',
      fix: [
        `Request one of \`${AUTH}/devstorage.read_write\`, \`${AUTH}/cloud-platform\` or \`${AUTH}/devstorage.full_control\` for the token that makes this call: which one fits depends on the credential and the data the call reaches, which neither the error nor the scope data tells.`,
      ],
      notes: [],
    });
    // The body in googleapis/google-cloud-cpp#7334 (https://github.com/googleapis/google-cloud-cpp/issues/7334): no URL, no ErrorInfo.
    const cpp =
      'Error creating object: Permanent error in CreateResumableSession: {\n  "error": {\n    "code": 403,\n    "message": "Provided scope(s) are not authorized",\n    "errors": [\n      {\n        "message": "Provided scope(s) are not authorized",\n        "domain": "global",\n        "reason": "forbidden"\n      }\n    ]\n  }\n}';
    expect(parseErrorText(cpp)).toMatchObject({
      kind: 'insufficient-scope',
      status: 403,
      reason: 'forbidden',
      message: 'Provided scope(s) are not authorized',
    });
    expect(alone(cpp)).toEqual({
      summary:
        'A Google API call failed with 403 "Provided scope(s) are not authorized": the access token holds none of the scopes the method accepts.',
      fix: ["None known: the method is unknown, so compare the token's scopes with the ones its reference page lists."],
      notes: [UNKNOWN_NOTE],
    });
    expect(parseErrorText('googleapi: Error 403: Provided scope(s) are not authorized, forbidden')).toMatchObject({ status: 403 });
    expect(parseErrorText('AccessDeniedException: 403 Provided scope(s) are not authorized')).toMatchObject({ status: 403 });
  });

  it("an unquoted WWW-Authenticate error and gsutil's `GET: https://www.googleapis.com/storage/v1/…` request line", () => {
    // googleapis/google-cloud-python#1195 (https://github.com/googleapis/google-cloud-python/issues/1195).
    const gsutil = `Bearer realm="https://accounts.google.com/", error=insufficient_scope, scope="${AUTH}/devstorage.full_control"
GET: https://www.googleapis.com/storage/v1/b/cdn.project/o/file.txt/acl`;
    expect(explainError(parseErrorText(gsutil)!, undefined)).toMatchObject({
      api: 'storage',
      method: 'objectAccessControls.list',
      identifiedBy: 'url',
      summary:
        'Cloud Storage JSON `objectAccessControls.list` failed with insufficient_scope: the access token holds none of the scopes it accepts.',
      fix: [`Request \`${AUTH}/devstorage.full_control\` for the token that makes this call.`],
    });
  });

  it('says only what the text says: a GaxiosError message, a legacy `insufficientPermissions` body, a bare message', () => {
    expect(alone('GaxiosError: Insufficient Permission')).toEqual({
      summary: 'A Google API call failed with "Insufficient Permission": the access token holds none of the scopes the method accepts.',
      fix: ["None known: the method is unknown, so compare the token's scopes with the ones its reference page lists."],
      notes: [UNKNOWN_NOTE],
    });
    // The legacy body of googleworkspace/java-samples#34 (https://github.com/googleworkspace/java-samples/issues/34).
    expect(
      alone(
        '{"code":403,"errors":[{"domain":"global","message":"Insufficient Permission","reason":"insufficientPermissions"}],"message":"Insufficient Permission"}',
      ).summary,
    ).toBe('A Google API call failed with 403 insufficientPermissions: the access token holds none of the scopes the method accepts.');
    // kwent/react-google-contacts#6 (https://github.com/kwent/react-google-contacts/issues/6): message and status only.
    expect(
      alone('{"error":{"code":403,"message":"Request had insufficient authentication scopes.","status":"PERMISSION_DENIED"}}').summary,
    ).toBe(
      'A Google API call failed with 403 "Request had insufficient authentication scopes.": the access token holds none of the scopes the method accepts.',
    );
  });
});

describe('the explain command', () => {
  it('reads standard input, lints the paths and exits 0', async () => {
    const run = await runCli(['explain', 'src/cleanup.js', '--format', 'json'], { cwd: APP, stdin: errorText('delete-gaxios.txt') });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toMatchObject({ method: 'users.messages.delete', callSites: [{ file: 'src/cleanup.js', line: 13 }] });
  });

  it('reads --error <file> and --message <text>', async () => {
    const fromFile = await runCli(['explain', '--error', path.join(ERRORS, 'send-403.json')], { cwd: APP });
    expect(fromFile.code).toBe(0);
    expect(fromFile.stdout).toBe(text('send-403.json'));
    const fromArgument = await runCli(['explain', '-m', errorText('send-403.json')], { cwd: APP });
    expect(fromArgument).toEqual(fromFile);
  });

  it('exits 2 when the input is not a scope error, or there is no input', async () => {
    expect(await runCli(['explain', '-m', 'socket hang up'], { cwd: APP })).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'googleapis-scopes: could not read a Google scope error in the input: expected a 403 body or GaxiosError, a WWW-Authenticate header, a gmail.metadata message or an invalid_scope error\n',
    });
    expect(await runCli(['explain'], { cwd: APP })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'googleapis-scopes: no error to explain: pipe it in, or pass --error <file> or --message <text>\n',
    });
    expect(await runCli(['explain', '--error', 'missing.json'], { cwd: APP })).toMatchObject({
      code: 2,
      stderr: 'googleapis-scopes: error file not found: missing.json\n',
    });
    expect(await runCli(['explain', '--fail-on', 'unused'], { cwd: APP })).toMatchObject({
      code: 2,
      stderr: "googleapis-scopes: option '--fail-on' is not an option of `explain` (see googleapis-scopes --help)\n",
    });
    expect(await runCli(['explain', '-f', 'table', '-m', 'x'], { cwd: APP })).toMatchObject({
      code: 2,
      stderr: "googleapis-scopes: bad --format 'table': expected one of text, json (see googleapis-scopes --help)\n",
    });
  });
});
