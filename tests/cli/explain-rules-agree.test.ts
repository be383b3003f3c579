/**
 * `explain` proposes what the rules propose for the same call: it builds the call's shape from
 * the error (the request URL's query, as a REST call's URL is read) and goes through the one
 * `scopeFix()` / `solve()` of src/scopes/policy.ts. Fixture: tests/fixtures/explain/drive-app
 * (a Drive download under drive.metadata.readonly; a Chat call under a Chat scope that does not
 * fit).
 */
import { Linter } from 'eslint';
import type { ESLint } from 'eslint';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import plugin from '../../src/index.ts';
import { parseErrorText } from '../../src/cli/error-text.ts';
import { explainError } from '../../src/cli/explain.ts';
import { formatExplanation } from '../../src/cli/format-explain.ts';
import { verdict } from '../../src/cli/format-shared.ts';
import { lintProject } from '../../src/cli/lint.ts';
import { buildReport } from '../../src/cli/report.ts';
import type { Report } from '../../src/cli/report.ts';

const APP = path.join(import.meta.dirname, '..', 'fixtures', 'explain', 'drive-app');
const ERRORS = path.join(import.meta.dirname, '..', 'fixtures', 'explain', 'errors');
const AUTH = 'https://www.googleapis.com/auth';
/** Drive's ErrorInfo for `files.get` (the RPC form of ShareX/ShareX#7681's body): it says nothing of `alt`. */
const DRIVE_GET_403 =
  '{"error":{"code":403,"message":"Request had insufficient authentication scopes.","status":"PERMISSION_DENIED","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"ACCESS_TOKEN_SCOPE_INSUFFICIENT","domain":"googleapis.com","metadata":{"method":"google.apps.drive.v3.DriveFiles.Get","service":"drive.googleapis.com"}}]}}';
const PREFIX = 'googleapis-scopes';

let report: Report;
beforeAll(async () => {
  const result = await lintProject({ cwd: APP, paths: [] });
  report = buildReport({ cwd: APP, inventories: result.inventories, files: result.files, skipped: result.skipped });
});

const explanation = (error: string, withoutProject = false) => {
  const parsed = parseErrorText(error);
  if (parsed === undefined) throw new Error('not read');
  return explainError(parsed, withoutProject ? undefined : report);
};
const errorFile = (name: string): string => readFileSync(path.join(ERRORS, name), 'utf8');

/** What missing-scope and metadata-scope say about a fixture file: message ids, suggestions' and fix's added scopes. */
function ruleVerdict(file: string): { messageId: string | undefined; suggested: string[]; fixed: boolean }[] {
  const linter = new Linter({ configType: 'flat', cwd: APP });
  const config: Linter.Config[] = [
    {
      files: ['**/*.js'],
      plugins: { [PREFIX]: plugin as unknown as ESLint.Plugin },
      rules: { [`${PREFIX}/missing-scope`]: 'error', [`${PREFIX}/metadata-scope`]: 'error' },
    },
  ];
  const filename = path.join(APP, 'src', file);
  return linter.verify(readFileSync(filename, 'utf8'), config, { filename }).map((message) => ({
    messageId: message.messageId,
    suggested: (message.suggestions ?? []).map((suggestion) => /'(https:[^']+)'/.exec(suggestion.fix.text)?.[1] ?? suggestion.fix.text),
    fixed: message.fix !== undefined,
  }));
}

describe('explain proposes what the rules propose', () => {
  it('Drive `?alt=media` in the failing URL: the download trap excludes drive.metadata.readonly, as for the call in code', () => {
    expect(formatExplanation(explanation(errorFile('drive-download-gaxios.txt')))).toMatchInlineSnapshot(`
      "Drive \`files.get\` failed with 403 insufficientPermissions: the access token holds none of the scopes it accepts.

      Accepted scopes (any one works), narrowest first:
        https://www.googleapis.com/auth/drive.appdata          non-sensitive
        https://www.googleapis.com/auth/drive.file             non-sensitive
        https://www.googleapis.com/auth/drive.meet.readonly    restricted
        https://www.googleapis.com/auth/drive.photos.readonly  not catalogued
        https://www.googleapis.com/auth/drive.readonly         restricted
        https://www.googleapis.com/auth/drive                  restricted

      Call sites (1):
        src/download.js:9:26  metadata

      Scopes requested for those calls:
        GoogleAuth src/download.js:3, written at \`src/download.js:4\`: drive.metadata.readonly

      Fix:
        Add \`https://www.googleapis.com/auth/drive.readonly\` to the scope list at \`src/download.js:4\`: the scopes there accept the method, not this call.

      Note: \`alt: 'media'\` downloads the file content, which the drive.metadata scopes do not allow: \`https://www.googleapis.com/auth/drive.metadata\` and \`https://www.googleapis.com/auth/drive.metadata.readonly\` do not make this call work (https://developers.google.com/workspace/drive/api/guides/manage-downloads).

      Note: A token keeps the scopes it was issued with: after the fix, the user must consent again (delete a stored token or refresh token).
      "
    `);
    // metadata-scope's suggestion for the same call in code adds the same scope.
    expect(ruleVerdict('download.js')).toEqual([{ messageId: 'scopeTrap', suggested: [`${AUTH}/drive.readonly`], fixed: false }]);
  });

  it('Drive by its RPC name alone (no URL, so no `alt`): the traced call is left to metadata-scope, never a guessed scope', () => {
    expect(explanation(DRIVE_GET_403).fix).toEqual([
      '`src/download.js:9` fails under the scopes in the scope list at `src/download.js:4` because of a cited trap: `metadata-scope` reports it there, with the scope to add.',
    ]);
  });

  it('Drive `?alt=media` without a project: drive.readonly, not drive.metadata.readonly; without alt=media the metadata scope fits', () => {
    const download =
      "GaxiosError: Insufficient Permission config: { url: 'https://www.googleapis.com/drive/v3/files/1a2B3c?alt=media', method: 'GET' }";
    expect(explanation(download, true)).toMatchObject({
      method: 'files.get',
      identifiedBy: 'url',
      fix: [`Request \`${AUTH}/drive.readonly\` for the token that makes this call.`],
    });
    expect(explanation(download, true).accepted.map((item) => item.scope)).not.toContain(`${AUTH}/drive.metadata.readonly`);
    expect(explanation(download.replace('?alt=media', '?fields=id'), true)).toMatchObject({
      fix: [`Request \`${AUTH}/drive.metadata.readonly\` for the token that makes this call.`],
    });
  });

  it('Chat: the credential kind is unknown, so the fix lists every choice the rule suggests, never picking chat.bot', () => {
    const chat = explanation(errorFile('chat-403.json'));
    const choices = [`${AUTH}/chat.bot`, `${AUTH}/chat.spaces.readonly`, `${AUTH}/chat.spaces`];
    expect(chat.fix).toEqual([
      `Add one of ${choices
        .map((scope) => `\`${scope}\``)
        .join(', ')
        .replace(
          /, ([^,]*)$/,
          ' or $1',
        )} to the scope list at \`src/chat.js:4\`: which one fits depends on the credential and the data the call reaches, which neither the error nor the scope data tells.`,
    ]);
    // The report no longer picks one either: its declaration has nothing certain to add, only the rule's choices.
    expect(report.declarations.find((declaration) => declaration.id === 'src/chat.js:3:14')).toMatchObject({
      missing: [],
      missingChoices: [choices],
    });
    expect(verdict(report)).toBe(
      '1 operation will fail: add one of chat.bot, chat.spaces.readonly, chat.spaces; 1 operation breaks under a requested scope (traps)',
    );
    // missing-scope on the same call: no autofix, one suggestion per scope, in the same order.
    expect(ruleVerdict('chat.js')).toEqual([{ messageId: 'missingScope', suggested: choices, fixed: false }]);
  });

  it('Chat from the WWW-Authenticate header alone: the method is unknown, so no scope is picked', () => {
    const header = `www-authenticate: Bearer realm="https://accounts.google.com/", error="insufficient_scope", scope="${AUTH}/chat.bot ${AUTH}/chat.spaces ${AUTH}/chat.spaces.readonly"`;
    expect(explanation(header, true).fix).toEqual([
      `Request one of \`${AUTH}/chat.bot\`, \`${AUTH}/chat.spaces\` or \`${AUTH}/chat.spaces.readonly\` for the token that makes this call.`,
    ]);
  });

  it('a URL without its HTTP method fits several methods: one proposal per method, as the rule makes for each call', () => {
    // googleapiclient's HttpError as in GoogleCloudPlatform/genai-for-marketing#45 (https://github.com/GoogleCloudPlatform/genai-for-marketing/issues/45).
    const python =
      "<HttpError 403 when requesting https://www.googleapis.com/drive/v3/files?q=name%3D%27genai-marketing-assets%27&pageSize=10&alt=json returned \"Request had insufficient authentication scopes.\". Details: \"[{'message': 'Insufficient Permission', 'domain': 'global', 'reason': 'insufficientPermissions'}]\">";
    expect(explanation(python, true)).toMatchObject({
      method: null,
      candidates: ['files.list', 'files.create'],
      summary:
        'Drive `files.list` or `files.create` failed with 403 insufficientPermissions: the access token holds none of the scopes it accepts.',
      fix: [
        `If it is \`files.list\`: request \`${AUTH}/drive.metadata.readonly\` for the token that makes this call.`,
        // The error says nothing of the folder: it may be appDataFolder (drive.appdata only), as missing-scope leaves it open.
        `If it is \`files.create\`: request one of \`${AUTH}/drive.appdata\` or \`${AUTH}/drive\` for the token that makes this call: which one fits depends on the credential and the data the call reaches, which neither the error nor the scope data tells.`,
      ],
    });
  });
});
