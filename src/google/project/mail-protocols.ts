import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { Environment } from '../../core/static-value.ts';
import { evaluate, findProperty, memberKeyName, objectLiteralOf, unwrapExpression } from '../../core/static-value.ts';
import type { MethodInfo } from '../../scopes/api-map.ts';
import { GMAIL_MAIL_SERVERS } from '../../scopes/facts/gmail-v1.ts';

/**
 * Gmail over SMTP and IMAP with an OAuth 2.0 token (the XOAUTH2 SASL mechanism) accepts exactly
 * one scope, the full mail scope: "the scope … must be https://mail.google.com/"
 * (https://developers.google.com/workspace/gmail/imap/xoauth2-protocol).
 */
export const MAIL_PROTOCOL_SCOPE = 'https://mail.google.com/';

/** A mail protocol operation as a Gmail method (no HTTP method or path: it is not REST). */
function mailOperation(id: string): MethodInfo {
  return { id, api: 'gmail', version: 'v1', httpMethod: '', path: '', scopes: [MAIL_PROTOCOL_SCOPE], parameters: {} };
}

/** Sending through smtp.gmail.com with XOAUTH2 (nodemailer `auth: { type: 'OAuth2' }`). */
export const SMTP_XOAUTH2 = mailOperation('SMTP XOAUTH2');
/** Reading mail from imap.gmail.com with XOAUTH2 (imapflow `auth.accessToken`, node-imap `xoauth2`). */
export const IMAP_XOAUTH2 = mailOperation('IMAP XOAUTH2');

export interface MailProtocolCall {
  readonly node: TSESTree.CallExpression | TSESTree.NewExpression;
  readonly method: MethodInfo;
}

/**
 * Connections to Gmail's SMTP or IMAP server authenticated with an OAuth token:
 * - nodemailer `createTransport({ service: 'gmail' | host: 'smtp.gmail.com', auth: { type: 'OAuth2', … } })`;
 * - `new ImapFlow({ host: 'imap.gmail.com', auth: { accessToken } })`, `new Imap({ host: 'imap.gmail.com', xoauth2 })`,
 *   `imaps.connect({ imap: { host: 'imap.gmail.com', xoauth2 } })`.
 * Only options written (or held in constants) in the file count: a host read at run time is not Gmail for sure.
 */
export function mailProtocolCalls(
  calls: readonly TSESTree.CallExpression[],
  news: readonly TSESTree.NewExpression[],
  env: Environment,
): MailProtocolCall[] {
  const found: MailProtocolCall[] = [];
  for (const node of [...calls, ...news]) {
    const options = node.arguments[0] === undefined ? undefined : objectLiteralOf(node.arguments[0], env);
    if (options === undefined) continue;
    if (isCreateTransport(node) && isGmailSmtp(options, env)) found.push({ node, method: SMTP_XOAUTH2 });
    else if (isGmailImap(options, env)) found.push({ node, method: IMAP_XOAUTH2 });
  }
  return found.sort((a, b) => a.node.range[0] - b.node.range[0]);
}

function isCreateTransport(node: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  const callee = unwrapExpression(node.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name === 'createTransport';
  return callee.type === AST_NODE_TYPES.MemberExpression && memberKeyName(callee) === 'createTransport';
}

function isGmailSmtp(options: TSESTree.ObjectExpression, env: Environment): boolean {
  const service = stringProperty(options, 'service', env);
  const host = stringProperty(options, 'host', env);
  if (service?.toLowerCase() !== GMAIL_MAIL_SERVERS.nodemailerService && host?.toLowerCase() !== GMAIL_MAIL_SERVERS.smtp) return false;
  const auth = propertyObject(options, 'auth', env);
  return auth !== undefined && /^oauth2$/i.test(stringProperty(auth, 'type', env) ?? '');
}

function isGmailImap(outer: TSESTree.ObjectExpression, env: Environment): boolean {
  // imap-simple nests the connection options under `imap`.
  const options = propertyObject(outer, 'imap', env) ?? outer;
  if (stringProperty(options, 'host', env)?.toLowerCase() !== GMAIL_MAIL_SERVERS.imap) return false;
  const auth = propertyObject(options, 'auth', env);
  return (
    findProperty(options, 'xoauth2') !== undefined ||
    (auth !== undefined && (findProperty(auth, 'accessToken') !== undefined || findProperty(auth, 'xoauth2') !== undefined))
  );
}

function propertyObject(object: TSESTree.ObjectExpression, key: string, env: Environment): TSESTree.ObjectExpression | undefined {
  const value = findProperty(object, key)?.value;
  return value === undefined ? undefined : objectLiteralOf(value, env);
}

function stringProperty(object: TSESTree.ObjectExpression, key: string, env: Environment): string | undefined {
  const value = findProperty(object, key)?.value;
  if (value === undefined) return undefined;
  const evaluated = evaluate(value, env);
  return evaluated.kind === 'string' ? evaluated.value : undefined;
}
