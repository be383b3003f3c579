import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { FileEnvironment } from '../core/file-environment.ts';
import { findProperty, memberKeyName, objectLiteralOf, unwrapExpression } from '../core/static-value.ts';
import { MAX_EXPRESSION_PARTS_DEPTH, MAX_TRACE_DEPTH } from '../core/limits.ts';

/**
 * Where the bearer token of a raw HTTP request comes from (`fetch(url, { headers: { Authorization:
 * \`Bearer ${token}\` } })`): an auth object of this code (`await auth.getAccessToken()`, its
 * `.token`, `auth.credentials.access_token`), somewhere else (another function's result, an
 * imported value: not this file's consent), or not known (a parameter, a request header: the
 * file's own requests judge it, as before).
 */
export type TokenOrigin =
  { readonly kind: 'auth'; readonly auth: TSESTree.Node } | { readonly kind: 'elsewhere' } | { readonly kind: 'unknown' };

const UNKNOWN_ORIGIN: TokenOrigin = { kind: 'unknown' };
const ELSEWHERE: TokenOrigin = { kind: 'elsewhere' };

/** google-auth-library: `GoogleAuth#getAccessToken()` returns the token, `OAuth2Client#getAccessToken()` `{ token }`. */
const TOKEN_METHODS = new Set(['getAccessToken']);

export function bearerTokenOrigin(call: TSESTree.CallExpression, env: FileEnvironment): TokenOrigin {
  const token = bearerToken(call, env);
  return token === undefined ? UNKNOWN_ORIGIN : tokenOrigin(token, env, [], 0);
}

/** The expression after `Bearer ` in an `Authorization` header of one of the call's option objects. */
function bearerToken(call: TSESTree.CallExpression, env: FileEnvironment): TSESTree.Node | undefined {
  for (const argument of call.arguments) {
    const options = objectLiteralOf(argument, env);
    const headers = options === undefined ? undefined : findProperty(options, 'headers')?.value;
    const object = headers === undefined ? undefined : objectLiteralOf(headers, env);
    if (object === undefined) continue;
    const value = findProperty(object, 'Authorization')?.value ?? findProperty(object, 'authorization')?.value;
    const header = value === undefined ? undefined : unwrapExpression(value);
    if (
      header?.type === AST_NODE_TYPES.TemplateLiteral &&
      header.expressions.length === 1 &&
      /^Bearer\s+$/u.test(header.quasis[0]!.value.cooked ?? '')
    )
      return header.expressions[0];
    if (header?.type === AST_NODE_TYPES.BinaryExpression && header.operator === '+') {
      const left = unwrapExpression(header.left);
      if (left.type === AST_NODE_TYPES.Literal && typeof left.value === 'string' && /^Bearer\s+$/u.test(left.value)) return header.right;
    }
  }
  return undefined;
}

/** `keys`: the fields read off the value so far (`.token`, `.access_token`, `.credentials`). */
function tokenOrigin(raw: TSESTree.Node, env: FileEnvironment, keys: readonly string[], depth: number): TokenOrigin {
  if (depth > MAX_TRACE_DEPTH || keys.length > MAX_EXPRESSION_PARTS_DEPTH) return UNKNOWN_ORIGIN;
  const node = unwrapExpression(raw);
  switch (node.type) {
    case AST_NODE_TYPES.AwaitExpression:
      return tokenOrigin(node.argument, env, keys, depth + 1);
    case AST_NODE_TYPES.MemberExpression: {
      const key = memberKeyName(node);
      if (key === 'credentials' && keys.length === 1 && keys[0] === 'access_token') return { kind: 'auth', auth: node.object };
      return key === undefined ? UNKNOWN_ORIGIN : tokenOrigin(node.object, env, [key, ...keys], depth + 1);
    }
    case AST_NODE_TYPES.CallExpression: {
      const callee = unwrapExpression(node.callee);
      if (callee.type === AST_NODE_TYPES.MemberExpression && TOKEN_METHODS.has(memberKeyName(callee) ?? ''))
        return { kind: 'auth', auth: callee.object };
      // Another function's result (`await getServiceToken()`): a token this file's consent may not have made.
      return ELSEWHERE;
    }
    case AST_NODE_TYPES.Identifier: {
      const variable = env.findVariable(node);
      const source = variable === undefined ? undefined : env.variableSource(variable);
      if (source?.kind === 'init') return tokenOrigin(source.node, env, keys, depth + 1);
      if (source?.kind === 'destructured') return tokenOrigin(source.init, env, [...source.path, ...keys], depth + 1);
      if (source?.kind === 'module') return ELSEWHERE;
      return UNKNOWN_ORIGIN;
    }
    default:
      return UNKNOWN_ORIGIN;
  }
}
