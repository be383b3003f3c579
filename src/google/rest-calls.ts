import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { analysedApiMaps, matchRestPath, PATH_HOLE, versionProfileOf } from '../scopes/api-map.ts';
import type { ApiMap, MethodInfo } from '../scopes/api-map.ts';
import type { CallShape } from '../scopes/metadata.ts';
import type { Environment } from '../core/static-value.ts';
import { evaluate, findProperty, memberKeyName, objectLiteralOf, unwrapExpression } from '../core/static-value.ts';
import { paramShape } from './call-params.ts';
import { MAX_EXPRESSION_PARTS_DEPTH } from '../core/limits.ts';

/**
 * Raw REST calls to an analysed API: `fetch('https://gmail.googleapis.com/gmail/v1/users/me/messages/send', { method: 'POST' })`,
 * axios/got/ky (`axios.post(url)`, `axios({ url, method })`), and google-auth-library's
 * `client.request({ url, method })`. The URL is evaluated with unknown parts as holes and
 * matched against the path templates of the API whose host and path prefix (from its profile) it names.
 */
export interface RestCall {
  readonly method: MethodInfo;
  /** The object whose `.request()` made the call (an auth client), when it is one. */
  readonly receiver: TSESTree.Node | undefined;
  readonly shape: CallShape;
}

const HTTP_VERBS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head']);
/** Methods that take `{ url, method }`. */
const REQUEST_METHODS = new Set(['request', 'sendRequest', 'fetch']);
/** Every method name a REST call can be made through (lower- and upper-case verbs too). */
export const REST_METHOD_NAMES: readonly string[] = [
  ...HTTP_VERBS,
  ...[...HTTP_VERBS].map((verb) => verb.toUpperCase()),
  ...REQUEST_METHODS,
];
/** HTTP functions called as `fn(url, options)` or `fn({ url, method })`: fetch, axios, got, ky, request… */
const HTTP_CLIENT_NAME = /fetch|request|axios|^got$|^ky$|^http|^\$fetch$/i;
const escapeRe = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The hosts every Google API answers on, besides its own (`gmail.googleapis.com`). */
const SHARED_HOSTS = new Set(['www.googleapis.com', 'googleapis.com']);

let urlFilters:
  { readonly maps: readonly ApiMap[]; readonly filters: readonly { readonly map: ApiMap; readonly url: RegExp }[] } | undefined;

/**
 * Per analysed API, the URLs that name it: its own host, a `googleapis.com` host followed by one
 * of its path prefixes (`gmail/v1/`, `upload/gmail/v1/`), or an unknown base (`${base}/gmail/v1/…`)
 * followed by one. The URL, not the function name, decides.
 */
function apiUrlFilters(): readonly { readonly map: ApiMap; readonly url: RegExp }[] {
  const maps = analysedApiMaps();
  if (urlFilters?.maps !== maps) {
    const filters = maps.flatMap((map) => {
      const profile = versionProfileOf(map)?.version;
      if (profile === undefined) return [];
      const prefixes = [...profile.pathPrefixes, ...(profile.uploadPathPrefixes ?? [])].map(escapeRe).join('|');
      const alternatives = [
        ...(profile.host !== '' && !SHARED_HOSTS.has(profile.host) ? [escapeRe(profile.host)] : []),
        ...(prefixes === '' ? [] : [`googleapis\\.com\\/(?:${prefixes})`, `^\\{\\}\\/?(?:${prefixes})`]),
      ];
      return alternatives.length === 0 ? [] : [{ map, url: new RegExp(alternatives.join('|')) }];
    });
    urlFilters = { maps, filters };
  }
  return urlFilters.filters;
}

export function detectRestCall(node: TSESTree.CallExpression, env: Environment): RestCall | undefined {
  const callee = unwrapExpression(node.callee);
  let verb: string | undefined;
  let receiver: TSESTree.Node | undefined;
  if (callee.type === AST_NODE_TYPES.Identifier) {
    if (!HTTP_CLIENT_NAME.test(callee.name)) return undefined;
  } else if (callee.type === AST_NODE_TYPES.MemberExpression) {
    const key = memberKeyName(callee);
    if (key === undefined) return undefined;
    if (HTTP_VERBS.has(key.toLowerCase())) {
      // axios.post(url), axios_1.default.get(url), got.delete(url), http.patch(url)
      verb = key.toUpperCase();
    } else if (REQUEST_METHODS.has(key)) {
      // authClient.request({ url, method }) (google-auth-library), httpClient.sendRequest({ … })
      receiver = callee.object;
    } else {
      return undefined;
    }
  } else {
    return undefined;
  }
  const [first, second] = node.arguments;
  if (first === undefined || first.type === AST_NODE_TYPES.SpreadElement) return undefined;
  const firstObject = objectLiteralOf(first, env);
  const optionsNode =
    firstObject ?? (second === undefined || second.type === AST_NODE_TYPES.SpreadElement ? undefined : objectLiteralOf(second, env));
  const urlNode = firstObject !== undefined ? findProperty(firstObject, 'url')?.value : first;
  if (urlNode === undefined) return undefined;
  const url = urlPattern(urlNode, env);
  const apis = apiUrlFilters().filter((filter) => filter.url.test(url));
  if (apis.length === 0) return undefined;
  const methodNode = findProperty(optionsNode, 'method')?.value;
  if (methodNode !== undefined) verb = httpVerbOf(methodNode, env);
  else verb ??= 'GET';
  const matches = apis.map(({ map }) => matchRestPath(map, verb, url)).filter((found) => found !== undefined);
  // Two APIs that both match are ambiguous: never guess.
  const method = matches.length === 1 ? matches[0] : undefined;
  if (method === undefined) return undefined;
  return { method, receiver, shape: queryShape(url, optionsNode, method.api !== 'gmail') };
}

/** `'POST'`, `HttpMethod.POST`, `Methods.post`: the verb, or undefined (any). */
function httpVerbOf(node: TSESTree.Node, env: Environment): string | undefined {
  const value = evaluate(node, env);
  if (value.kind === 'string') return value.value.toUpperCase();
  const unwrapped = unwrapExpression(node);
  if (unwrapped.type === AST_NODE_TYPES.MemberExpression) {
    const key = memberKeyName(unwrapped);
    if (key !== undefined && HTTP_VERBS.has(key.toLowerCase())) return key.toUpperCase();
  }
  return undefined;
}

/** The URL with every part we can't evaluate written as `{}`. */
export function urlPattern(node: TSESTree.Node, env: Environment, depth = 0): string {
  if (depth > MAX_EXPRESSION_PARTS_DEPTH) return PATH_HOLE;
  const value = evaluate(node, env);
  if (value.kind === 'string') return value.value;
  const unwrapped = unwrapExpression(node);
  if (unwrapped.type === AST_NODE_TYPES.TemplateLiteral) {
    let text = unwrapped.quasis[0]?.value.cooked ?? '';
    unwrapped.expressions.forEach((expression, index) => {
      text += urlPattern(expression, env, depth + 1) + (unwrapped.quasis[index + 1]?.value.cooked ?? '');
    });
    return text;
  }
  if (unwrapped.type === AST_NODE_TYPES.BinaryExpression && unwrapped.operator === '+') {
    return urlPattern(unwrapped.left, env, depth + 1) + urlPattern(unwrapped.right, env, depth + 1);
  }
  if (unwrapped.type === AST_NODE_TYPES.Identifier) {
    // `const url = \`https://…/messages/${id}/trash\`; fetch(url)`: a constant's template, holes and all.
    const binding = env.resolveIdentifier(unwrapped);
    if (binding?.kind === 'expression') return urlPattern(binding.node, binding.env, depth + 1);
  }
  if (unwrapped.type === AST_NODE_TYPES.NewExpression) return newUrlPattern(unwrapped, env, depth);
  if (unwrapped.type === AST_NODE_TYPES.MemberExpression && unwrapped.object.type === AST_NODE_TYPES.ThisExpression) {
    const written = thisFieldValue(unwrapped);
    if (written !== undefined) return urlPattern(written, env, depth + 1);
  }
  return PATH_HOLE;
}

/**
 * `this.baseUrl` in a method, when the class writes that field exactly once: a field initialiser
 * (`baseUrl = 'https://gmail.googleapis.com'`) or a top-level `this.baseUrl = …` in its constructor,
 * and nothing in the file assigns any `.baseUrl` elsewhere. Anything else is unknown.
 */
function thisFieldValue(member: TSESTree.MemberExpression): TSESTree.Node | undefined {
  const name = memberKeyName(member);
  if (name === undefined) return undefined;
  let node: TSESTree.Node | undefined = member.parent;
  // Arrow functions keep the method's `this`; any other function has its own.
  while (node !== undefined && node.type !== AST_NODE_TYPES.MethodDefinition && node.type !== AST_NODE_TYPES.PropertyDefinition) {
    if (node.type === AST_NODE_TYPES.FunctionDeclaration) return undefined;
    if (node.type === AST_NODE_TYPES.FunctionExpression && node.parent.type !== AST_NODE_TYPES.MethodDefinition) return undefined;
    node = node.parent;
  }
  if (node === undefined || node.static || node.parent.type !== AST_NODE_TYPES.ClassBody) return undefined;
  const members = node.parent.body;
  const fields = members.filter(
    (item) => item.type === AST_NODE_TYPES.PropertyDefinition && !item.static && !item.computed && memberName(item) === name,
  );
  const constructor = members.find((item) => item.type === AST_NODE_TYPES.MethodDefinition && item.kind === 'constructor');
  if (
    constructor?.type === AST_NODE_TYPES.MethodDefinition &&
    constructor.value.params.some((param) => param.type === AST_NODE_TYPES.TSParameterProperty)
  )
    return undefined;
  const assignmentsByName = memberAssignments(member);
  if (assignmentsByName === undefined) return undefined;
  const assignments = assignmentsByName.get(name) ?? [];
  const field = fields.length === 1 && fields[0]?.type === AST_NODE_TYPES.PropertyDefinition ? fields[0] : undefined;
  if (fields.length > 1) return undefined;
  if (field?.value != null) return assignments.length === 0 ? field.value : undefined;
  const [only, ...others] = assignments;
  if (only === undefined || others.length > 0 || only.operator !== '=') return undefined;
  const inConstructor =
    only.left.type === AST_NODE_TYPES.MemberExpression &&
    only.left.object.type === AST_NODE_TYPES.ThisExpression &&
    only.parent.type === AST_NODE_TYPES.ExpressionStatement &&
    only.parent.parent === (constructor?.type === AST_NODE_TYPES.MethodDefinition ? constructor.value.body : undefined);
  return inConstructor ? only.right : undefined;
}

function memberName(node: TSESTree.PropertyDefinition): string | undefined {
  if (node.key.type === AST_NODE_TYPES.Identifier) return node.key.name;
  if (node.key.type === AST_NODE_TYPES.PrivateIdentifier) return `#${node.key.name}`;
  return node.key.type === AST_NODE_TYPES.Literal ? String(node.key.value) : undefined;
}

/** Per program, every assignment to a member (`x.baseUrl = …`, `this.baseUrl += …`) by member name; bounded. */
/** Undefined: too big to be sure nothing else writes a field. */
const assignmentsByProgram = new WeakMap<TSESTree.Node, ReadonlyMap<string, readonly TSESTree.AssignmentExpression[]> | undefined>();
const MAX_SCANNED_NODES = 200_000;
const SKIPPED_KEYS = new Set(['parent', 'loc', 'range', 'tokens', 'comments']);
function memberAssignments(from: TSESTree.Node): ReadonlyMap<string, readonly TSESTree.AssignmentExpression[]> | undefined {
  let program: TSESTree.Node = from;
  // ESLint sets the Program's parent to null.
  while (program.parent != null) program = program.parent;
  if (assignmentsByProgram.has(program)) return assignmentsByProgram.get(program);
  const found = new Map<string, TSESTree.AssignmentExpression[]>();
  const stack: unknown[] = [program];
  let scanned = 0;
  while (stack.length > 0) {
    const node = stack.pop() as TSESTree.Node;
    if (++scanned > MAX_SCANNED_NODES) {
      assignmentsByProgram.set(program, undefined);
      return undefined;
    }
    if (node.type === AST_NODE_TYPES.AssignmentExpression && node.left.type === AST_NODE_TYPES.MemberExpression) {
      const name = memberKeyName(node.left);
      if (name !== undefined) found.set(name, [...(found.get(name) ?? []), node]);
    }
    for (const [key, value] of Object.entries(node)) {
      if (SKIPPED_KEYS.has(key)) continue;
      for (const child of Array.isArray(value) ? value : [value]) {
        if (typeof child === 'object' && child !== null && typeof (child as { type?: unknown }).type === 'string') stack.push(child);
      }
    }
  }
  assignmentsByProgram.set(program, found);
  return found;
}

/**
 * The global `new URL(url)` and `new URL('/absolute/path', base)`: an absolute path replaces the
 * base's path, so only a base whose origin is known (no hole before its path) is joined. Relative
 * paths and unknown bases stay unknown.
 */
function newUrlPattern(node: TSESTree.NewExpression, env: Environment, depth: number): string {
  const [pathNode, baseNode, ...rest] = node.arguments;
  const callee = unwrapExpression(node.callee);
  const isGlobalUrl = callee.type === AST_NODE_TYPES.Identifier && callee.name === 'URL' && env.resolveIdentifier(callee) === undefined;
  if (!isGlobalUrl || pathNode === undefined || pathNode.type === AST_NODE_TYPES.SpreadElement || rest.length > 0) return PATH_HOLE;
  const path = urlPattern(pathNode, env, depth + 1);
  if (baseNode === undefined) return path;
  if (baseNode.type === AST_NODE_TYPES.SpreadElement || !path.startsWith('/') || path.startsWith('//')) return PATH_HOLE;
  const origin = /^https?:\/\/[^/?#]+/.exec(urlPattern(baseNode, env, depth + 1))?.[0];
  return origin === undefined || origin.includes(PATH_HOLE) ? PATH_HOLE : origin + path;
}

/** Gmail's `format`/`q` and the fact tables' literal parameters (see ./call-params.ts) from the URL's query string. */
function queryShape(url: string, optionsNode: TSESTree.Node | undefined, readParams: boolean): CallShape {
  const options = optionsNode === undefined ? undefined : unwrapExpression(optionsNode);
  const separateParams = findProperty(options, 'params') !== undefined || findProperty(options, 'searchParams') !== undefined;
  const queryIndex = url.indexOf('?');
  const query = queryIndex === -1 ? '' : url.slice(queryIndex + 1);
  if (separateParams || query.includes(PATH_HOLE))
    return { format: 'unknown', hasQ: 'unknown', ...(readParams ? { unresolvedParams: ['*'] } : {}) };
  const params = new URLSearchParams(query);
  if (!readParams) return { format: params.get('format') ?? undefined, hasQ: (params.get('q') ?? '') !== '' };
  // The request body is not read: its fields (Drive `parents`) stay unknown.
  const read = paramShape({
    kind: 'object',
    properties: Object.fromEntries([...params].map(([name, value]) => [name, { kind: 'string', value }])),
  });
  return {
    format: params.get('format') ?? undefined,
    hasQ: (params.get('q') ?? '') !== '',
    ...(read.params === undefined ? {} : { params: read.params }),
    unresolvedParams: ['requestBody'],
  };
}
