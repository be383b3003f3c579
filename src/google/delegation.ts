import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { findProperty, unwrapExpression } from '../core/static-value.ts';

/**
 * `new JWT({ subject })`, `new JWT(email, keyFile, key, scopes, subject)`,
 * `new GoogleAuth({ clientOptions: { subject } })`: an auth object that impersonates a user
 * (a service account with domain-wide delegation).
 */
export function hasDelegationSubject(node: TSESTree.Node): boolean {
  if (node.type !== AST_NODE_TYPES.NewExpression && node.type !== AST_NODE_TYPES.CallExpression) return false;
  const first = node.arguments[0] === undefined ? undefined : unwrapExpression(node.arguments[0]);
  if (first?.type !== AST_NODE_TYPES.ObjectExpression) return node.arguments[4] !== undefined && !isNullish(node.arguments[4]);
  const subject = findProperty(first, 'subject') ?? findProperty(unwrapOptional(findProperty(first, 'clientOptions')?.value), 'subject');
  return subject !== undefined && !isNullish(subject.value);
}

function unwrapOptional(node: TSESTree.Node | undefined): TSESTree.Node | undefined {
  return node === undefined ? undefined : unwrapExpression(node);
}

function isNullish(node: TSESTree.Node): boolean {
  const value = unwrapExpression(node);
  return (
    (value.type === AST_NODE_TYPES.Literal && value.value === null) ||
    (value.type === AST_NODE_TYPES.Identifier && value.name === 'undefined')
  );
}

/**
 * Certainly a service account, from the constructor alone: `new JWT(…)` (google-auth-library's
 * service-account client) or `new GoogleAuth({ credentials: { client_email, private_key } })` (a
 * service-account key written inline). A `keyFile`, `fromJSON` or Application Default Credentials
 * may hold a user's credentials: not certain.
 */
export function isServiceAccountAuth(node: TSESTree.Node, kind: string): boolean {
  if (node.type !== AST_NODE_TYPES.NewExpression) return false;
  if (kind === 'JWT') return true;
  if (kind !== 'GoogleAuth') return false;
  const first = node.arguments[0] === undefined ? undefined : unwrapExpression(node.arguments[0]);
  const credentials = unwrapOptional(findProperty(first, 'credentials')?.value);
  return (
    credentials?.type === AST_NODE_TYPES.ObjectExpression &&
    findProperty(credentials, 'private_key') !== undefined &&
    findProperty(credentials, 'client_email') !== undefined
  );
}
