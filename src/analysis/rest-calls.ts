import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { GMAIL_V1, matchRestPath, PATH_HOLE } from '../scopes/api-map.ts';
import type { MethodInfo } from '../scopes/api-map.ts';
import type { CallShape } from '../scopes/metadata.ts';
import type { Environment } from './static-value.ts';
import { evaluate, findProperty, memberKeyName, unwrapExpression } from './static-value.ts';

/**
 * Raw REST calls to the Gmail API: `fetch('https://gmail.googleapis.com/gmail/v1/users/me/messages/send', { method: 'POST' })`,
 * axios/got/ky (`axios.post(url)`, `axios({ url, method })`), and google-auth-library's
 * `client.request({ url, method })`. The URL is evaluated with unknown parts as holes and
 * matched against the map's path templates.
 */
export interface RestCall {
  readonly method: MethodInfo;
  /** The object whose `.request()` made the call (an auth client), when it is one. */
  readonly receiver: TSESTree.Node | undefined;
  readonly shape: CallShape;
}

const HTTP_VERBS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head']);
/** HTTP client libraries called as `lib(url, options)` / `lib.verb(url)` / `lib({ url, method })`. */
const HTTP_CLIENTS = new Set(['fetch', 'axios', 'got', 'ky', 'request', 'gaxios', 'ofetch', '$fetch', 'superagent']);
/** Only URLs that name the Gmail API are considered. */
const GMAIL_URL = /gmail\.googleapis\.com|googleapis\.com\/(?:upload\/)?gmail\/v1|^\{\}\/?(?:upload\/)?gmail\/v1\//;

export function detectRestCall(node: TSESTree.CallExpression, env: Environment): RestCall | undefined {
  const callee = unwrapExpression(node.callee);
  let clientName: string | undefined;
  let verb: string | undefined;
  let receiver: TSESTree.Node | undefined;
  if (callee.type === AST_NODE_TYPES.Identifier) {
    clientName = callee.name;
  } else if (callee.type === AST_NODE_TYPES.MemberExpression) {
    const key = memberKeyName(callee);
    const object = unwrapExpression(callee.object);
    if (key === undefined) return undefined;
    if (object.type === AST_NODE_TYPES.Identifier && HTTP_CLIENTS.has(object.name) && HTTP_VERBS.has(key)) {
      clientName = object.name;
      verb = key.toUpperCase();
    } else if (key === 'request' || key === 'fetch') {
      // authClient.request({ url, method }) (google-auth-library), http.fetch(url)
      clientName = key;
      receiver = callee.object;
    } else {
      return undefined;
    }
  } else {
    return undefined;
  }
  if (!HTTP_CLIENTS.has(clientName)) return undefined;
  const [first, second] = node.arguments;
  if (first === undefined) return undefined;
  const firstNode = unwrapExpression(first);
  const optionsNode = firstNode.type === AST_NODE_TYPES.ObjectExpression ? firstNode : second;
  const urlNode = firstNode.type === AST_NODE_TYPES.ObjectExpression ? findProperty(firstNode, 'url')?.value : firstNode;
  if (urlNode === undefined) return undefined;
  const url = urlPattern(urlNode, env);
  if (!GMAIL_URL.test(url)) return undefined;
  const methodProperty = findProperty(optionsNode === undefined ? undefined : unwrapExpression(optionsNode), 'method')?.value;
  if (methodProperty !== undefined) {
    const value = evaluate(methodProperty, env);
    verb = value.kind === 'string' ? value.value.toUpperCase() : undefined;
  } else {
    verb ??= 'GET';
  }
  const method = matchRestPath(GMAIL_V1, verb, url);
  if (method === undefined) return undefined;
  return { method, receiver, shape: queryShape(url, optionsNode) };
}

/** The URL with every part we can't evaluate written as `{}`. */
export function urlPattern(node: TSESTree.Node, env: Environment, depth = 0): string {
  if (depth > 8) return PATH_HOLE;
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
  return PATH_HOLE;
}

/** `format` and `q` from the query string; unknown when query parameters are computed or passed separately. */
function queryShape(url: string, optionsNode: TSESTree.Node | undefined): CallShape {
  const options = optionsNode === undefined ? undefined : unwrapExpression(optionsNode);
  const separateParams =
    findProperty(options, 'params') !== undefined || findProperty(options, 'searchParams') !== undefined;
  const queryIndex = url.indexOf('?');
  const query = queryIndex === -1 ? '' : url.slice(queryIndex + 1);
  if (separateParams || query.includes(PATH_HOLE)) return { format: 'unknown', hasQ: 'unknown' };
  const params = new URLSearchParams(query);
  return { format: params.get('format') ?? undefined, hasQ: (params.get('q') ?? '') !== '' };
}
