import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { FileEnvironment } from '../core/file-environment.ts';
import { evaluate, findProperty, memberKeyName, objectLiteralOf, unwrapExpression } from '../core/static-value.ts';
import { MAX_EXPRESSION_PARTS_DEPTH, MAX_TRACE_DEPTH } from '../core/limits.ts';

/**
 * Where the bearer token of a raw HTTP request comes from (`fetch(url, { headers: { Authorization:
 * \`Bearer ${token}\` } })`): an auth object of this code (`await auth.getAccessToken()`, its
 * `.token`, `auth.credentials.access_token`), somewhere else (another function's result, an
 * imported value, a class field, prebuilt headers: not this file's consent), or not known (a
 * parameter no call of this file gives another token, a request header, the file's own code
 * exchange with Google's token endpoint: the file's own requests judge it).
 */
export type TokenOrigin =
  { readonly kind: 'auth'; readonly auth: TSESTree.Node } | { readonly kind: 'elsewhere' } | { readonly kind: 'unknown' };

const UNKNOWN_ORIGIN: TokenOrigin = { kind: 'unknown' };
const ELSEWHERE: TokenOrigin = { kind: 'elsewhere' };

/** google-auth-library: `GoogleAuth#getAccessToken()` returns the token, `OAuth2Client#getAccessToken()` `{ token }`. */
const TOKEN_METHODS = new Set(['getAccessToken']);

/**
 * Google's OAuth 2.0 token endpoint and its older addresses: a code exchanged there yields a token
 * with the scopes of the consent that made the code
 * (https://developers.google.com/identity/protocols/oauth2/web-server#exchange-authorization-code).
 */
const TOKEN_ENDPOINT =
  /^https:\/\/(?:oauth2\.googleapis\.com\/token|www\.googleapis\.com\/oauth2\/v[34]\/token|accounts\.google\.com\/o\/oauth2\/token)(?:[?#]|$)/u;
/** What reads a response's body (`fetch`'s `.json()`); `.data` of axios is a member, read as one. */
const BODY_READERS = new Set(['json']);

export function bearerTokenOrigin(call: TSESTree.CallExpression, env: FileEnvironment): TokenOrigin {
  const token = bearerToken(call, env);
  if (token === undefined) return UNKNOWN_ORIGIN;
  return 'kind' in token && (token.kind === 'auth' || token.kind === 'elsewhere' || token.kind === 'unknown')
    ? token
    : tokenOrigin(token, env, [], 0);
}

/**
 * The expression after `Bearer ` in an `Authorization` header of one of the call's option objects
 * (written there or in a constant: `const authorization = \`Bearer ${token}\``). Headers the code
 * builds elsewhere (`headers: await serviceHeaders()`, `{ ...authHeaders }`) are not this file's
 * consent: elsewhere, unless they are an auth's own `getRequestHeaders()` (review 4 H3).
 */
function bearerToken(call: TSESTree.CallExpression, env: FileEnvironment): TSESTree.Node | TokenOrigin | undefined {
  for (const argument of call.arguments) {
    const options = objectLiteralOf(argument, env);
    const headers = options === undefined ? undefined : findProperty(options, 'headers')?.value;
    if (headers === undefined) continue;
    const object = objectLiteralOf(headers, env);
    if (object === undefined) return headersOrigin(headers, env, 0);
    const value = findProperty(object, 'Authorization')?.value ?? findProperty(object, 'authorization')?.value;
    if (value === undefined) {
      if (object.properties.some((property) => property.type === AST_NODE_TYPES.SpreadElement)) return ELSEWHERE;
      continue;
    }
    // A whole header from elsewhere (`Authorization: header`) is traced as a token is.
    return bearerExpression(value, env, 0) ?? value;
  }
  return undefined;
}

/** `\`Bearer ${token}\``, `'Bearer ' + token`, or a constant holding one: the token expression. */
function bearerExpression(value: TSESTree.Node, env: FileEnvironment, depth: number): TSESTree.Node | undefined {
  const header = unwrapExpression(value);
  if (
    header.type === AST_NODE_TYPES.TemplateLiteral &&
    header.expressions.length === 1 &&
    /^Bearer\s+$/u.test(header.quasis[0]!.value.cooked ?? '')
  )
    return header.expressions[0];
  if (header.type === AST_NODE_TYPES.BinaryExpression && header.operator === '+') {
    const left = unwrapExpression(header.left);
    if (left.type === AST_NODE_TYPES.Literal && typeof left.value === 'string' && /^Bearer\s+$/u.test(left.value)) return header.right;
  }
  if (header.type !== AST_NODE_TYPES.Identifier || depth > MAX_TRACE_DEPTH) return undefined;
  const variable = env.findVariable(header);
  const source = variable === undefined ? undefined : env.variableSource(variable);
  return source?.kind === 'init' ? bearerExpression(source.node, env, depth + 1) : undefined;
}

/** Prebuilt headers: `await auth.getRequestHeaders()` (google-auth-library) is that auth's; any others are elsewhere. */
function headersOrigin(raw: TSESTree.Node, env: FileEnvironment, depth: number): TokenOrigin {
  const node = unwrapExpression(raw);
  if (depth > MAX_TRACE_DEPTH) return ELSEWHERE;
  if (node.type === AST_NODE_TYPES.AwaitExpression) return headersOrigin(node.argument, env, depth + 1);
  if (node.type === AST_NODE_TYPES.CallExpression) {
    const callee = unwrapExpression(node.callee);
    if (callee.type === AST_NODE_TYPES.MemberExpression && memberKeyName(callee) === 'getRequestHeaders')
      return { kind: 'auth', auth: callee.object };
    return ELSEWHERE;
  }
  if (node.type !== AST_NODE_TYPES.Identifier) return ELSEWHERE;
  const variable = env.findVariable(node);
  const source = variable === undefined ? undefined : env.variableSource(variable);
  return source?.kind === 'init' ? headersOrigin(source.node, env, depth + 1) : ELSEWHERE;
}

/**
 * A parameter's token (`async function del(id, token)`): what the file's calls of the function
 * pass. One caller's traced auth is that auth; a token from elsewhere in any call is elsewhere
 * (the request does not certainly carry the consent's token); else unknown, as before.
 */
function parameterOrigin(
  fn: TSESTree.FunctionLike,
  index: number,
  env: FileEnvironment,
  keys: readonly string[],
  depth: number,
): TokenOrigin {
  const name = functionName(fn);
  if (name === undefined) return UNKNOWN_ORIGIN;
  const origins = env.callsNamed(name).map((caller) => {
    const argument = caller.arguments[index];
    if (caller.arguments.slice(0, index + 1).some((passed) => passed.type === AST_NODE_TYPES.SpreadElement)) return ELSEWHERE;
    return argument === undefined ? UNKNOWN_ORIGIN : tokenOrigin(argument, env, keys, depth + 1);
  });
  if (origins.length === 1 && origins[0]!.kind === 'auth') return origins[0]!;
  return origins.some((origin) => origin.kind !== 'unknown') ? ELSEWHERE : UNKNOWN_ORIGIN;
}

function functionName(fn: TSESTree.FunctionLike): string | undefined {
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) return fn.id?.name;
  const parent = fn.parent;
  return parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier ? parent.id.name : undefined;
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
      // This file's own code exchange (`(await fetch(TOKEN_URL, …)).json()`, `axios.post(TOKEN_URL, …)`).
      if (isTokenEndpointResponse(node, env, depth)) return UNKNOWN_ORIGIN;
      // Another function's result (`await getServiceToken()`): a token this file's consent may not have made.
      return ELSEWHERE;
    }
    case AST_NODE_TYPES.Identifier: {
      const variable = env.findVariable(node);
      const source = variable === undefined ? undefined : env.variableSource(variable);
      if (source?.kind === 'init') return tokenOrigin(source.node, env, keys, depth + 1);
      if (source?.kind === 'destructured') return tokenOrigin(source.init, env, [...source.path, ...keys], depth + 1);
      if (source?.kind === 'module') return ELSEWHERE;
      if (source?.kind === 'parameter') return parameterOrigin(source.fn, source.index, env, keys, depth);
      return UNKNOWN_ORIGIN;
    }
    case AST_NODE_TYPES.ThisExpression:
      // `this.token`: a field some method sets, from any credential (review 4 H3).
      return ELSEWHERE;
    default:
      return UNKNOWN_ORIGIN;
  }
}

/** A request to Google's token endpoint, or a body read off one (`response.json()`, `response` its `await fetch(…)`). */
function isTokenEndpointResponse(call: TSESTree.CallExpression, env: FileEnvironment, depth: number): boolean {
  const url = call.arguments[0];
  if (url !== undefined && url.type !== AST_NODE_TYPES.SpreadElement) {
    const value = evaluate(url, env);
    if (value.kind === 'string' && TOKEN_ENDPOINT.test(value.value)) return true;
  }
  const callee = unwrapExpression(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || !BODY_READERS.has(memberKeyName(callee) ?? '') || call.arguments.length > 0)
    return false;
  const response = responseCall(callee.object, env, depth + 1);
  return response !== undefined && isTokenEndpointResponse(response, env, depth + 1);
}

/** The call whose awaited result a response names (`const response = await fetch(…)`). */
function responseCall(raw: TSESTree.Node, env: FileEnvironment, depth: number): TSESTree.CallExpression | undefined {
  if (depth > MAX_TRACE_DEPTH) return undefined;
  const node = unwrapExpression(raw);
  if (node.type === AST_NODE_TYPES.AwaitExpression) return responseCall(node.argument, env, depth + 1);
  if (node.type === AST_NODE_TYPES.CallExpression) return node;
  if (node.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = env.findVariable(node);
  const source = variable === undefined ? undefined : env.variableSource(variable);
  return source?.kind === 'init' ? responseCall(source.node, env, depth + 1) : undefined;
}
