import type { TSESLint } from '@typescript-eslint/utils';
import { AST_TOKEN_TYPES } from '@typescript-eslint/utils';
import { typeServices } from './typed-calls.ts';

/**
 * The cheap gate before any AST walk: almost every file of a real repository has nothing to do
 * with Google APIs, and even files that mention Google in comments or URLs (the `googleapis`
 * package's own generated code does, in every file) must cost next to nothing.
 *
 * A file is analysed when its code (not its comments) has one of:
 * - a string naming a Google client or auth library (`'googleapis'`, `'@googleapis/gmail'`,
 *   `'google-auth-library'`, `'@google-cloud/local-auth'`, `'npm:googleapis@…'`);
 * - a string that is or holds a scope or a Gmail REST URL (`…googleapis.com/auth/…`,
 *   `https://mail.google.com/`, `gmail.googleapis.com`, `/gmail/v1/`), or a short form (`gmail.send`);
 * - a `x.users.messages…`-style chain (a Gmail client passed into a helper file);
 * - with type information, any mention of Gmail.
 */
const ANY_MENTION = /google|gmail/i;
const USERS_CHAIN = /\busers\s*\??\.\s*(?:messages|threads|drafts|labels|history|settings|getProfile|watch|stop)\b/;
const GOOGLE_STRING =
  /^(?:npm:)?(?:googleapis|@googleapis\/gmail|google-auth-library|@google-cloud\/local-auth)(?:@[^/]*)?$|googleapis\.com\/auth|mail\.google\.com|gmail\.googleapis\.com|\/gmail\/v1\b|^gmail\./i;

export function mentionsGoogleApis(sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const text = sourceCode.text;
  if (!ANY_MENTION.test(text)) return false;
  if (USERS_CHAIN.test(text)) return true;
  // With type information a Gmail resource can arrive from anywhere (`messages.send()` on a
  // `gmail_v1.Resource$Users$Messages`); the type checker's cost dwarfs ours in such runs.
  if (typeServices(sourceCode) !== undefined && /gmail/i.test(text)) return true;
  for (const token of sourceCode.ast.tokens ?? []) {
    if (token.type !== AST_TOKEN_TYPES.String && token.type !== AST_TOKEN_TYPES.Template) continue;
    // Strip the quotes/backticks: the value as written.
    if (GOOGLE_STRING.test(token.value.slice(1, -1))) return true;
  }
  return false;
}
