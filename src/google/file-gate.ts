import type { TSESLint } from '@typescript-eslint/utils';
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
/**
 * Candidates in the text, in one case-sensitive pass (three times faster than a case-insensitive
 * one on 35 MB of generated code); one that is not inside a comment opens the file.
 */
const CANDIDATE =
  /['"`](?:npm:)?(?:googleapis|@googleapis\/gmail|google-auth-library|@google-cloud\/local-auth)(?:@[^'"`/\s]*)?['"`]|googleapis\.com\/auth|mail\.google\.com|gmail\.googleapis\.com|\/gmail\/v1\b|['"`]gmail\.[a-z]|\busers\s*\??\.\s*(?:messages|threads|drafts|labels|history|settings|getProfile|watch|stop)\b/g;

export function mentionsGoogleApis(sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const text = sourceCode.text;
  if (!ANY_MENTION.test(text)) return false;
  // With type information a Gmail resource can arrive from anywhere (`messages.send()` on a
  // `gmail_v1.Resource$Users$Messages`); the type checker's cost dwarfs ours in such runs.
  if (typeServices(sourceCode) !== undefined && /gmail/i.test(text)) return true;
  const comments = sourceCode.ast.comments ?? [];
  for (const match of text.matchAll(CANDIDATE)) {
    if (!insideComment(comments, match.index)) return true;
  }
  return false;
}

/** Binary search over the (sorted) comments. */
function insideComment(comments: readonly { range: readonly [number, number] }[], index: number): boolean {
  let low = 0;
  let high = comments.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const [start, end] = comments[middle]!.range;
    if (index < start) high = middle - 1;
    else if (index >= end) low = middle + 1;
    else return true;
  }
  return false;
}
