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
    ['export const profile = (gmail) => client.users ?. getProfile({ userId: "me" });', 'an optional, spaced chain'],
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
  ])('skips %j (%s)', (text) => {
    expect(gate(text)).toBe(false);
  });

  it('with type information, opens any file that mentions an API by name (any case)', () => {
    expect(gate('const GMAIL = 1;', true)).toBe(true);
    expect(gate('const GMAIL = 1;')).toBe(false);
    expect(gate('const google = 1;', true)).toBe(false);
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
