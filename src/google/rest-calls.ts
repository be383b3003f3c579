import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { analysedApiMaps, getApiMap, isAnalysedApiVersion, matchRestPath, PATH_HOLE, versionProfileOf } from '../scopes/api-map.ts';
import { apiVersionsAtUrl } from '../scopes/apis-data.ts';
import type { ApiMap, MethodInfo } from '../scopes/api-map.ts';
import type { CallShape } from '../scopes/metadata.ts';
import { FileEnvironment } from '../core/file-environment.ts';
import type { FileBoundary } from '../core/file-boundary.ts';
import { evaluate, findProperty, memberKeyName, objectLiteralOf, unwrapExpression } from '../core/static-value.ts';
import { MAX_EXPRESSION_PARTS_DEPTH } from '../core/limits.ts';
import { exportTable, requireSpecifier } from '../core/export-table.ts';
import { moduleView } from '../core/module-record.ts';
import { resolveModule } from '../core/resolve.ts';
import { collect } from './collect.ts';
import type { GoogleValueResolver } from './google-values.ts';
import { urlQueryShape } from './call-params.ts';

/**
 * Raw REST calls to an analysed API: `fetch('https://gmail.googleapis.com/gmail/v1/users/me/messages/send', { method: 'POST' })`,
 * axios/got/ky (`axios.post(url)`, `axios({ url, method })`), and google-auth-library's
 * `client.request({ url, method })`. The URL is evaluated with unknown parts as holes and
 * matched against the path templates of the API whose host and path prefix (from its profile) it names.
 *
 * A function that makes such a request with a URL built from its parameters (`gmailFetch(path,
 * init)`, in this file or imported from a project module) is a REST helper: each call of it is
 * the operation, its arguments filling the URL and the HTTP verb (./rest-calls.ts `RestHelper`).
 */
export interface RestCall {
  readonly method: MethodInfo;
  /** The object whose `.request()` made the call (an auth client), when it is one. */
  readonly receiver: TSESTree.Node | undefined;
  readonly shape: CallShape;
}

/** What the URL evaluation reads besides the environment: the file's member assignments, from the one walk (./collect.ts). */
export interface RestContext {
  readonly env: FileEnvironment;
  readonly memberAssignments: ReadonlyMap<string, readonly TSESTree.AssignmentExpression[]>;
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

/** The parts of a call to an HTTP client, before its URL is known. */
interface HttpRequest {
  readonly urlNode: TSESTree.Node;
  /** The options object, when it is a literal (inline or in a `const`); `{ url, method }` for the one-object form. */
  readonly options: TSESTree.ObjectExpression | undefined;
  /** An options argument that is no literal we can see (a parameter, a computed value). */
  readonly opaqueOptions: TSESTree.Node | undefined;
  /** The verb the function's name says (`axios.post`). */
  readonly calleeVerb: string | undefined;
  readonly receiver: TSESTree.Node | undefined;
}

/** A call to fetch, axios, got, ky, `client.request(…)`…: its URL and options, or undefined. */
function httpRequestOf(node: TSESTree.CallExpression, env: FileEnvironment): HttpRequest | undefined {
  const callee = unwrapExpression(node.callee);
  let calleeVerb: string | undefined;
  let receiver: TSESTree.Node | undefined;
  if (callee.type === AST_NODE_TYPES.Identifier) {
    if (!HTTP_CLIENT_NAME.test(callee.name)) return undefined;
  } else if (callee.type === AST_NODE_TYPES.MemberExpression) {
    const key = memberKeyName(callee);
    if (key === undefined) return undefined;
    if (HTTP_VERBS.has(key.toLowerCase())) {
      // axios.post(url), axios_1.default.get(url), got.delete(url), http.patch(url)
      calleeVerb = key.toUpperCase();
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
  if (firstObject !== undefined) {
    const urlNode = findProperty(firstObject, 'url')?.value;
    return urlNode === undefined ? undefined : { urlNode, options: firstObject, opaqueOptions: undefined, calleeVerb, receiver };
  }
  const options = second === undefined || second.type === AST_NODE_TYPES.SpreadElement ? undefined : objectLiteralOf(second, env);
  const opaqueOptions = options === undefined && second !== undefined ? second : undefined;
  return { urlNode: first, options, opaqueOptions, calleeVerb, receiver };
}

export function detectRestCall(node: TSESTree.CallExpression, context: RestContext): RestCall | undefined {
  const request = httpRequestOf(node, context.env);
  if (request === undefined) return undefined;
  const url = urlPattern(request.urlNode, context);
  const verb = requestVerb(request, context.env);
  const method = matchUrl(url, verb);
  if (method === undefined) return undefined;
  return { method, receiver: request.receiver, shape: urlQueryShape(url, hasSeparateParams(request.options)) };
}

/** The one method of one API that a URL and verb name (undefined verb: any); ambiguous is nothing. */
function matchUrl(url: string, verb: string | undefined): MethodInfo | undefined {
  const apis = apiUrlFilters().filter((filter) => filter.url.test(url));
  const matches = apis.map(({ map }) => matchRestPath(map, verb, url)).filter((found) => found !== undefined);
  // Two APIs that both match are ambiguous: never guess.
  if (matches.length > 0) return matches.length === 1 ? matches[0] : undefined;
  return matchDataUrl(url, verb);
}

/** `https://<host>/<path>` written out (a hole in the host is no certain API). */
const ABSOLUTE_URL = /^(?:https?:)?\/\/([\w.-]+\.googleapis\.com)\/([^?#]*)/;

/**
 * Every other API version of the data (phase 3: `https://storage.googleapis.com/storage/v1/b/…`):
 * only a written-out Google host, with a path prefix of the API, names one; its map is built then.
 */
function matchDataUrl(url: string, verb: string | undefined): MethodInfo | undefined {
  const parts = ABSOLUTE_URL.exec(url);
  if (parts === null) return undefined;
  const matches = apiVersionsAtUrl(parts[1]!, parts[2]!)
    .filter(({ api, version }) => !isAnalysedApiVersion(api, version))
    .map(({ api, version }) => getApiMap(api, version))
    .map((map) => (map === undefined ? undefined : matchRestPath(map, verb, url)))
    .filter((found) => found !== undefined);
  return matches.length === 1 ? matches[0] : undefined;
}

/**
 * The HTTP verb of a request: the options' `method`, else the function's name (`axios.post`),
 * else GET when no options are passed or they show no `method`. Undefined (any verb) when the
 * options can't be seen or a spread may set it.
 */
function requestVerb(request: HttpRequest, env: FileEnvironment): string | undefined {
  if (request.calleeVerb !== undefined) return request.calleeVerb;
  if (request.opaqueOptions !== undefined) return undefined;
  const options = request.options;
  if (options === undefined) return 'GET';
  let verb: string | undefined = 'GET';
  for (const property of options.properties) {
    if (property.type === AST_NODE_TYPES.SpreadElement) verb = undefined;
    else if (propertyName(property) === 'method') verb = httpVerbOf(property.value, env);
  }
  return verb;
}

function propertyName(property: TSESTree.Property): string | undefined {
  if (!property.computed && property.key.type === AST_NODE_TYPES.Identifier) return property.key.name;
  return property.key.type === AST_NODE_TYPES.Literal ? String(property.key.value) : undefined;
}

/** `'POST'`, `HttpMethod.POST`, `Methods.post`: the verb, or undefined (any). */
function httpVerbOf(node: TSESTree.Node, env: FileEnvironment): string | undefined {
  const value = evaluate(node, env);
  if (value.kind === 'string') return value.value.toUpperCase();
  const unwrapped = unwrapExpression(node);
  if (unwrapped.type === AST_NODE_TYPES.MemberExpression) {
    const key = memberKeyName(unwrapped);
    if (key !== undefined && HTTP_VERBS.has(key.toLowerCase())) return key.toUpperCase();
  }
  return undefined;
}

/** A piece of a URL: text (with `{}` for unknown parts), or where a helper's parameter goes. */
type UrlPart = string | { readonly param: number };

/** The URL with every part we can't evaluate written as `{}`. */
export function urlPattern(node: TSESTree.Node, context: RestContext): string {
  return joinParts(urlParts(node, context, undefined, 0), () => PATH_HOLE);
}

function joinParts(parts: readonly UrlPart[], param: (index: number) => string): string {
  return parts.map((part) => (typeof part === 'string' ? part : param(part.param))).join('');
}

/**
 * The URL as parts. `helper` is the function whose parameters stand as placeholders (a REST
 * helper's URL before its callers fill it in); elsewhere a parameter is an unknown part.
 */
function urlParts(node: TSESTree.Node, context: RestContext, helper: TSESTree.FunctionLike | undefined, depth: number): UrlPart[] {
  if (depth > MAX_EXPRESSION_PARTS_DEPTH) return [PATH_HOLE];
  const unwrapped = unwrapExpression(node);
  if (helper !== undefined && unwrapped.type === AST_NODE_TYPES.Identifier) {
    const index = parameterIndex(unwrapped, helper, context.env);
    if (index !== undefined) return [{ param: index }];
  }
  // A template over a helper's parameters is built part by part (a parameter's default must not stand for it).
  if (helper === undefined || (unwrapped.type !== AST_NODE_TYPES.TemplateLiteral && unwrapped.type !== AST_NODE_TYPES.BinaryExpression)) {
    const value = evaluate(node, context.env);
    if (value.kind === 'string') return [value.value];
  }
  switch (unwrapped.type) {
    case AST_NODE_TYPES.TemplateLiteral: {
      const parts: UrlPart[] = [unwrapped.quasis[0]?.value.cooked ?? ''];
      unwrapped.expressions.forEach((expression, index) => {
        parts.push(...urlParts(expression, context, helper, depth + 1), unwrapped.quasis[index + 1]?.value.cooked ?? '');
      });
      return parts;
    }
    case AST_NODE_TYPES.BinaryExpression:
      return unwrapped.operator === '+'
        ? [...urlParts(unwrapped.left, context, helper, depth + 1), ...urlParts(unwrapped.right, context, helper, depth + 1)]
        : [PATH_HOLE];
    case AST_NODE_TYPES.Identifier: {
      // `const url = \`https://…/messages/${id}/trash\`; fetch(url)`: a constant's template, holes and all.
      const binding = context.env.resolveIdentifier(unwrapped);
      if (binding?.kind !== 'expression') return [PATH_HOLE];
      if (!isUrlObject(binding.node)) return urlParts(binding.node, context, helper, depth + 1);
      const use = urlObjectUse(unwrapped, context.env);
      if (use === 'changed') return [PATH_HOLE];
      const parts = urlParts(binding.node, context, helper, depth + 1);
      // `url.searchParams.set('q', …)`: the path stays, the query is unknown.
      return use === 'query' ? [...parts, `?${PATH_HOLE}`] : parts;
    }
    case AST_NODE_TYPES.NewExpression:
      return newUrlParts(unwrapped, context, helper, depth);
    case AST_NODE_TYPES.MemberExpression: {
      // `url.href` of a `new URL(…)`
      if (memberKeyName(unwrapped) === 'href' && isUrlValue(unwrapped.object, context.env))
        return urlParts(unwrapped.object, context, helper, depth + 1);
      if (unwrapped.object.type !== AST_NODE_TYPES.ThisExpression) return [PATH_HOLE];
      const written = thisFieldValue(unwrapped, context.memberAssignments);
      return written === undefined ? [PATH_HOLE] : urlParts(written, context, helper, depth + 1);
    }
    case AST_NODE_TYPES.CallExpression: {
      // `url.toString()`, `String(url)` of a `new URL(…)`
      const converted = urlConversionOf(unwrapped);
      return converted !== undefined && isUrlValue(converted, context.env) ? urlParts(converted, context, helper, depth + 1) : [PATH_HOLE];
    }
    default:
      return [PATH_HOLE];
  }
}

/** `x.toString()` and `String(x)`: x; else undefined. */
function urlConversionOf(call: TSESTree.CallExpression): TSESTree.Node | undefined {
  const callee = unwrapExpression(call.callee);
  if (call.arguments.length === 0 && callee.type === AST_NODE_TYPES.MemberExpression && memberKeyName(callee) === 'toString')
    return callee.object;
  const [only, ...rest] = call.arguments;
  if (callee.type === AST_NODE_TYPES.Identifier && callee.name === 'String' && only !== undefined && rest.length === 0)
    return only.type === AST_NODE_TYPES.SpreadElement ? undefined : only;
  return undefined;
}

/** The global `URL` constructor (not a local class or import of that name). */
function isGlobalUrlConstructor(node: TSESTree.NewExpression, env: FileEnvironment): boolean {
  const callee = unwrapExpression(node.callee);
  return callee.type === AST_NODE_TYPES.Identifier && callee.name === 'URL' && env.resolveIdentifier(callee) === undefined;
}

function isUrlObject(node: TSESTree.Node): boolean {
  return unwrapExpression(node).type === AST_NODE_TYPES.NewExpression;
}

/** `new URL(…)` itself, or a constant holding one. */
function isUrlValue(node: TSESTree.Node, env: FileEnvironment): boolean {
  const unwrapped = unwrapExpression(node);
  if (unwrapped.type === AST_NODE_TYPES.NewExpression) return isGlobalUrlConstructor(unwrapped, env);
  if (unwrapped.type !== AST_NODE_TYPES.Identifier) return false;
  const binding = env.resolveIdentifier(unwrapped);
  const held = binding?.kind === 'expression' ? unwrapExpression(binding.node) : undefined;
  return held?.type === AST_NODE_TYPES.NewExpression && isGlobalUrlConstructor(held, env);
}

/** Read-only uses of a URL object: converting it (`href`, `toString()`, `String()`) or passing it on. */
const URL_READS = new Set(['href', 'toString', 'toJSON', 'origin', 'host', 'hostname', 'protocol']);

/**
 * A URL object is its constructor's URL only while nothing changes it: a write to any of its
 * members (`url.pathname = …`) makes it unknown (`changed`); `url.searchParams` may change its
 * query (`query`); reading it or passing it on keeps it (`kept`).
 */
function urlObjectUse(identifier: TSESTree.Identifier, env: FileEnvironment): 'kept' | 'query' | 'changed' {
  const variable = env.findVariable(identifier);
  if (variable === undefined) return 'changed';
  let use: 'kept' | 'query' = 'kept';
  for (const reference of variable.references) {
    if (reference.init === true) continue;
    if (reference.isWrite()) return 'changed';
    const parent = reference.identifier.parent;
    if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== reference.identifier) continue;
    const key = memberKeyName(parent);
    if (parent.parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.parent.left === parent) return 'changed';
    if (key === 'searchParams') use = 'query';
    else if (key === undefined || !URL_READS.has(key)) return 'changed';
  }
  return use;
}

/**
 * `this.baseUrl` in a method, when the class writes that field exactly once: a field initialiser
 * (`baseUrl = 'https://gmail.googleapis.com'`) or a top-level `this.baseUrl = …` in its constructor,
 * and nothing in the file assigns any `.baseUrl` elsewhere. Anything else is unknown.
 */
function thisFieldValue(
  member: TSESTree.MemberExpression,
  assignmentsByName: ReadonlyMap<string, readonly TSESTree.AssignmentExpression[]>,
): TSESTree.Node | undefined {
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

/**
 * The global `new URL(url)` and `new URL('/absolute/path', base)`: an absolute path replaces the
 * base's path, so only a base whose origin is known (no hole before its path) is joined. Relative
 * paths and unknown bases stay unknown.
 */
function newUrlParts(
  node: TSESTree.NewExpression,
  context: RestContext,
  helper: TSESTree.FunctionLike | undefined,
  depth: number,
): UrlPart[] {
  const [pathNode, baseNode, ...rest] = node.arguments;
  if (
    !isGlobalUrlConstructor(node, context.env) ||
    pathNode === undefined ||
    pathNode.type === AST_NODE_TYPES.SpreadElement ||
    rest.length > 0
  )
    return [PATH_HOLE];
  const path = urlParts(pathNode, context, helper, depth + 1);
  if (baseNode === undefined) return path;
  const first = path[0];
  if (baseNode.type === AST_NODE_TYPES.SpreadElement || typeof first !== 'string' || !first.startsWith('/') || first.startsWith('//'))
    return [PATH_HOLE];
  const origin = /^https?:\/\/[^/?#]+/.exec(urlPattern(baseNode, context))?.[0];
  return origin === undefined || origin.includes(PATH_HOLE) ? [PATH_HOLE] : [origin, ...path];
}

/** Options that carry the query beside the URL: axios `params`, got/ky `searchParams`, request `qs`, `query`. */
const QUERY_OPTIONS = ['params', 'searchParams', 'qs', 'query'];

/** Query parameters passed beside the URL: the query is then unknown. */
function hasSeparateParams(options: TSESTree.ObjectExpression | undefined): boolean {
  return QUERY_OPTIONS.some((name) => findProperty(options, name) !== undefined);
}

/**
 * A function whose REST request's URL is built from its parameters (`gmailFetch(path, init)`),
 * as plain data: its callers make the operation. `verb` is the verb when no argument decides it
 * (undefined: unknown, any verb); `verbArgument` the parameter that does (`method: m`), or whose
 * `method` property does (`...init`, `init`, `init.method ?? 'GET'`); `optionsArgument` the
 * parameter whose object becomes the request options (its `params` make the query unknown).
 */
export interface RestHelper {
  readonly url: readonly UrlPart[];
  readonly verb: string | undefined;
  readonly verbArgument?: { readonly index: number; readonly property: boolean };
  readonly optionsArgument?: number;
  readonly separateParams: boolean;
}

/** The index of the helper parameter an identifier names (a plain or defaulted identifier parameter). */
function parameterIndex(identifier: TSESTree.Identifier, fn: TSESTree.FunctionLike, env: FileEnvironment): number | undefined {
  const variable = env.findVariable(identifier);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (def?.type !== 'Parameter' || def.node !== fn) return undefined;
  if (variable!.references.some((reference) => reference.isWrite() && reference.init !== true)) return undefined;
  const index = fn.params.findIndex(
    (param) =>
      param === def.name ||
      (param.type === AST_NODE_TYPES.AssignmentPattern && param.left === def.name) ||
      (param.type === AST_NODE_TYPES.TSParameterProperty && param.parameter === def.name),
  );
  return index === -1 ? undefined : index;
}

/** `m`, `init.method`, `init?.method`: the helper parameter it reads (`property`: through `.method`). */
function verbParameter(node: TSESTree.Node, fn: TSESTree.FunctionLike, env: FileEnvironment): RestHelper['verbArgument'] {
  const unwrapped = unwrapExpression(node);
  if (unwrapped.type === AST_NODE_TYPES.Identifier) {
    const index = parameterIndex(unwrapped, fn, env);
    return index === undefined ? undefined : { index, property: false };
  }
  if (unwrapped.type === AST_NODE_TYPES.ChainExpression) return verbParameter(unwrapped.expression, fn, env);
  if (unwrapped.type === AST_NODE_TYPES.MemberExpression && memberKeyName(unwrapped) === 'method') {
    const object = unwrapExpression(unwrapped.object);
    const index = object.type === AST_NODE_TYPES.Identifier ? parameterIndex(object, fn, env) : undefined;
    return index === undefined ? undefined : { index, property: true };
  }
  return undefined;
}

/** The parts of a helper's request that depend on its arguments; undefined when it is no helper. */
function restHelperOf(fn: TSESTree.FunctionLike, requestCall: TSESTree.CallExpression, context: RestContext): RestHelper | undefined {
  const env = context.env;
  const request = httpRequestOf(requestCall, env);
  if (request === undefined) return undefined;
  const url = urlParts(request.urlNode, context, fn, 0);
  // The URL must name an API and take a parameter: else the request is its own operation (or none).
  if (!url.some((part) => typeof part !== 'string')) return undefined;
  if (!apiUrlFilters().some((filter) => filter.url.test(joinParts(url, () => PATH_HOLE)))) return undefined;
  const base = { url, separateParams: hasSeparateParams(request.options) };
  if (request.calleeVerb !== undefined) return { ...base, verb: request.calleeVerb };
  if (request.opaqueOptions !== undefined) {
    // `fetch(url, init)`: the caller's `init` decides (GET when it shows no method).
    const index =
      unwrapExpression(request.opaqueOptions).type === AST_NODE_TYPES.Identifier
        ? parameterIndex(unwrapExpression(request.opaqueOptions) as TSESTree.Identifier, fn, env)
        : undefined;
    return index === undefined
      ? { ...base, verb: undefined }
      : { ...base, verb: 'GET', verbArgument: { index, property: true }, optionsArgument: index };
  }
  let helper: RestHelper = { ...base, verb: 'GET' };
  for (const property of request.options?.properties ?? []) {
    if (property.type === AST_NODE_TYPES.SpreadElement) {
      // `{ ...init }`: the caller's `init.method` (if any) wins over what was written before.
      const spread = unwrapExpression(property.argument);
      const index = spread.type === AST_NODE_TYPES.Identifier ? parameterIndex(spread, fn, env) : undefined;
      helper =
        index === undefined
          ? { ...base, verb: undefined }
          : {
              ...base,
              verb: helper.verbArgument === undefined ? helper.verb : undefined,
              verbArgument: { index, property: true },
              optionsArgument: index,
            };
      continue;
    }
    if (propertyName(property) !== 'method') continue;
    const value = unwrapExpression(property.value);
    // A `method` written after a spread wins over it; the spread's other options (its query) still count.
    const options = helper.optionsArgument === undefined ? {} : { optionsArgument: helper.optionsArgument };
    const direct = verbParameter(value, fn, env);
    if (direct !== undefined) {
      helper = { ...base, ...options, verb: undefined, verbArgument: direct };
    } else if (value.type === AST_NODE_TYPES.LogicalExpression && value.operator !== '&&') {
      // `method: init?.method ?? 'GET'`
      const left = verbParameter(value.left, fn, env);
      helper = {
        ...base,
        ...options,
        verb: left === undefined ? undefined : httpVerbOf(value.right, env),
        ...(left === undefined ? {} : { verbArgument: left }),
      };
    } else {
      helper = { ...base, ...options, verb: httpVerbOf(value, env) };
    }
  }
  return helper;
}

/** The verb a call of a helper sends; undefined when it can't be known. */
function helperCallVerb(helper: RestHelper, call: TSESTree.CallExpression, env: FileEnvironment): string | undefined {
  const chosen = helper.verbArgument;
  if (chosen === undefined) return helper.verb;
  const argument = call.arguments[chosen.index];
  if (argument === undefined) return helper.verb;
  if (argument.type === AST_NODE_TYPES.SpreadElement) return undefined;
  if (!chosen.property) return httpVerbOf(argument, env);
  const options = objectLiteralOf(argument, env);
  if (options === undefined) return undefined;
  let verb = helper.verb;
  for (const property of options.properties) {
    if (property.type === AST_NODE_TYPES.SpreadElement) verb = undefined;
    else if (propertyName(property) === 'method') verb = httpVerbOf(property.value, env);
  }
  return verb;
}

/** Whether the options a caller passes to a helper add query parameters (or may). */
function callerSeparateParams(helper: RestHelper, call: TSESTree.CallExpression, env: FileEnvironment): boolean {
  if (helper.separateParams) return true;
  if (helper.optionsArgument === undefined) return false;
  const argument = call.arguments[helper.optionsArgument];
  if (argument === undefined) return false;
  if (argument.type === AST_NODE_TYPES.SpreadElement) return true;
  const options = objectLiteralOf(argument, env);
  return (
    options === undefined ||
    options.properties.some((property) => property.type === AST_NODE_TYPES.SpreadElement) ||
    hasSeparateParams(options)
  );
}

/**
 * REST helpers and their callers, for one file: local functions (found among the file's calls)
 * and functions imported from the project's modules (read once per module, as plain data).
 */
export class RestHelpers {
  private localHelpers: Map<TSESTree.FunctionLike, RestHelper> | undefined;

  constructor(
    private readonly context: RestContext,
    private readonly calls: readonly TSESTree.CallExpression[],
    private readonly resolver: GoogleValueResolver,
  ) {}

  /** `gmailFetch('/messages/batchDelete', token)`: the operation a call of a REST helper makes. */
  detect(call: TSESTree.CallExpression): RestCall | undefined {
    const helper = this.helperCalled(call);
    if (helper === undefined) return undefined;
    const env = this.context.env;
    const url = joinParts(helper.url, (index) => {
      const argument = call.arguments[index];
      return argument === undefined || argument.type === AST_NODE_TYPES.SpreadElement ? PATH_HOLE : urlPattern(argument, this.context);
    });
    // Unknown verb: only a path that names one method whatever the verb (never guessed).
    const method = matchUrl(url, helperCallVerb(helper, call, env));
    if (method === undefined) return undefined;
    return { method, receiver: undefined, shape: urlQueryShape(url, callerSeparateParams(helper, call, env)) };
  }

  private helperCalled(call: TSESTree.CallExpression): RestHelper | undefined {
    const callee = unwrapExpression(call.callee);
    if (callee.type !== AST_NODE_TYPES.Identifier && callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const imported = this.importedHelper(callee);
    if (imported !== undefined) return imported;
    const locals = this.locals();
    if (locals.size === 0) return undefined;
    const value = this.resolver.resolve(callee);
    return value.kind === 'function' ? locals.get(value.fn) : undefined;
  }

  /** The file's own REST helpers: functions one of whose requests takes its URL from their parameters. */
  private locals(): Map<TSESTree.FunctionLike, RestHelper> {
    if (this.localHelpers === undefined) this.localHelpers = helpersAmong(this.calls, this.context);
    return this.localHelpers;
  }

  /** `import { gmailFetch } from './gmail'`, `gmail.gmailFetch(…)` on `import * as gmail`: the module's exported helper. */
  private importedHelper(callee: TSESTree.Identifier | TSESTree.MemberExpression): RestHelper | undefined {
    const env = this.context.env;
    const root = callee.type === AST_NODE_TYPES.Identifier ? callee : unwrapExpression(callee.object);
    // The cheap test first (most calls are not of an imported name): the module's top-level imports.
    if (root.type !== AST_NODE_TYPES.Identifier) return undefined;
    const binding = exportTable(env.sourceCode.ast).bindings.get(root.name);
    if (binding?.kind !== 'import' && (binding?.kind !== 'destructured' || requireSpecifier(binding.init) === undefined)) return undefined;
    const variable = env.findVariable(root);
    const source = variable === undefined ? undefined : env.variableSource(variable);
    if (source?.kind !== 'module') return undefined;
    const key = callee.type === AST_NODE_TYPES.MemberExpression ? memberKeyName(callee) : undefined;
    const path = callee.type === AST_NODE_TYPES.Identifier ? source.path : key === undefined ? [] : [...source.path, key];
    const [name, ...rest] = path[0] === 'default' && path.length > 1 ? path.slice(1) : path;
    if (name === undefined || rest.length > 0) return undefined;
    const target = resolveModule(env.filename, source.module, env.boundary);
    return target === undefined ? undefined : exportedRestHelpers(target, env.boundary).get(name);
  }
}

/** Among a file's calls, the requests whose URL takes a parameter of their enclosing function. */
function helpersAmong(calls: readonly TSESTree.CallExpression[], context: RestContext): Map<TSESTree.FunctionLike, RestHelper> {
  const found = new Map<TSESTree.FunctionLike, RestHelper | undefined>();
  for (const call of calls) {
    if (httpRequestOf(call, context.env) === undefined) continue;
    const fn = enclosingFunction(call);
    if (fn === undefined) continue;
    // A request the URL alone identifies is its own operation; two requests in one helper are ambiguous.
    const helper = detectRestCall(call, context) === undefined ? restHelperOf(fn, call, context) : undefined;
    if (helper === undefined) continue;
    found.set(fn, found.has(fn) ? undefined : helper);
  }
  const helpers = new Map<TSESTree.FunctionLike, RestHelper>();
  for (const [fn, helper] of found) if (helper !== undefined) helpers.set(fn, helper);
  return helpers;
}

function enclosingFunction(node: TSESTree.Node): TSESTree.FunctionLike | undefined {
  for (let current = node.parent; current != null; current = current.parent) {
    if (
      current.type === AST_NODE_TYPES.FunctionDeclaration ||
      current.type === AST_NODE_TYPES.FunctionExpression ||
      current.type === AST_NODE_TYPES.ArrowFunctionExpression
    )
      return current;
  }
  return undefined;
}

/**
 * The REST helpers a project module exports (`export function gmailFetch`, `export const
 * gmailFetch = …`, `export default`, `module.exports = { gmailFetch }`, `exports.gmailFetch = …`),
 * as plain data cached on its module record.
 */
function exportedRestHelpers(file: string, boundary: FileBoundary): ReadonlyMap<string, RestHelper> {
  return moduleView<ReadonlyMap<string, RestHelper>>(
    'rest-helpers',
    file,
    boundary,
    (sourceCode) => {
      const collected = collect(sourceCode);
      const env = new FileEnvironment(sourceCode, file, boundary, collected.calls);
      const helpers = helpersAmong(collected.calls, { env, memberAssignments: collected.memberAssignments });
      const result = new Map<string, RestHelper>();
      if (helpers.size === 0) return result;
      const table = exportTable(sourceCode.ast);
      const record = (name: string, node: TSESTree.Node): void => {
        const fn = functionOf(node, env);
        const helper = fn === undefined ? undefined : helpers.get(fn);
        if (helper !== undefined) result.set(name, helper);
      };
      for (const [name, entry] of table.exports) if (entry.kind === 'binding' || entry.kind === 'expression') record(name, entry.node);
      const moduleExports = table.moduleExports === undefined ? undefined : unwrapExpression(table.moduleExports);
      if (moduleExports?.type === AST_NODE_TYPES.ObjectExpression) {
        for (const property of moduleExports.properties) {
          const key = property.type === AST_NODE_TYPES.Property ? propertyName(property) : undefined;
          if (property.type === AST_NODE_TYPES.Property && key !== undefined) record(key, property.value);
        }
      } else if (moduleExports !== undefined) {
        record('default', moduleExports);
      }
      return result;
    },
    new Map(),
  );
}

/** The function a node is or names (a declaration, `const f = () => …`), in one step. */
function functionOf(node: TSESTree.Node, env: FileEnvironment): TSESTree.FunctionLike | undefined {
  const unwrapped = unwrapExpression(node);
  switch (unwrapped.type) {
    case AST_NODE_TYPES.FunctionDeclaration:
    case AST_NODE_TYPES.FunctionExpression:
    case AST_NODE_TYPES.ArrowFunctionExpression:
      return unwrapped;
    case AST_NODE_TYPES.Identifier: {
      const variable = env.findVariable(unwrapped);
      const source = variable === undefined ? undefined : env.variableSource(variable);
      if (source?.kind === 'function') return source.fn;
      const init = source?.kind === 'init' ? unwrapExpression(source.node) : undefined;
      return init?.type === AST_NODE_TYPES.ArrowFunctionExpression || init?.type === AST_NODE_TYPES.FunctionExpression ? init : undefined;
    }
    default:
      return undefined;
  }
}
