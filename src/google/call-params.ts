import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { CallShape } from '../scopes/metadata.ts';
import { PATH_HOLE } from '../scopes/api-map.ts';
import type { FileEnvironment } from '../core/file-environment.ts';
import { evaluate, findProperty, UNKNOWN, unwrapExpression } from '../core/static-value.ts';
import type { StaticValue } from '../core/static-value.ts';
import { CREATED_FOLDER, type ParamShape, type ParamValue } from '../scopes/facts/types.ts';
import { listsInclude } from '../scopes/facts/shape.ts';

/** The top-level parameters the per-API fact tables read (src/scopes/facts/: traps and silent subsets). */
const READ_PARAMS = ['alt', 'spaces', 'addParents', 'calendarId', 'destination', 'personFields', 'readMask', 'resourceName', 'media'];
/** The request-body objects and the fields of them the fact tables read (`requestBody.parents`). */
const BODY_OBJECTS = ['requestBody', 'resource'];
const BODY_FIELDS = ['parents', 'mimeType'];

/** A string or a list of strings, else undefined (not a literal the fact tables can read). */
function literal(value: StaticValue): ParamValue | undefined {
  if (value.kind === 'string') return value.value;
  if (value.kind === 'array' && value.elements.every((element) => element.kind === 'string')) {
    return value.elements.map((element) => (element as { readonly value: string }).value);
  }
  return undefined;
}

/**
 * A body field's literal value; Drive v2's `parents` are ParentReference objects
 * (`[{ id: 'appDataFolder' }]`, https://developers.google.com/workspace/drive/api/reference/rest/v2/files):
 * read as the list of their ids, so v2 and v3 (string ids) parents mean the same to the fact tables.
 */
function bodyLiteral(field: string, value: StaticValue): ParamValue | undefined {
  if (field !== 'parents' || value.kind !== 'array') return literal(value);
  const ids = value.elements.map((element) => (element.kind === 'object' ? (element.properties.id ?? UNKNOWN) : element));
  return literal({ kind: 'array', elements: ids });
}

/**
 * The literal parameters the fact tables read, from the call's evaluated parameters object:
 * resolved ones in `params`, passed-but-unresolved ones in `unresolvedParams` (`'*'` when the
 * object itself is not known). No parameters object: everything is omitted.
 */
export function paramShape(params: StaticValue | undefined): ParamShape {
  if (params === undefined) return {};
  if (params.kind !== 'object') return { unresolvedParams: ['*'] };
  const out: Record<string, ParamValue> = {};
  const unresolved: string[] = [];
  const read = (name: string, value: StaticValue | undefined, field?: string): void => {
    if (value === undefined) return;
    const found = field === undefined ? literal(value) : bodyLiteral(field, value);
    if (found === undefined) unresolved.push(name);
    else out[name] = found;
  };
  for (const name of READ_PARAMS) read(name, params.properties[name]);
  for (const body of BODY_OBJECTS) {
    const value = params.properties[body];
    if (value === undefined) continue;
    if (value.kind !== 'object') {
      unresolved.push(body);
      continue;
    }
    for (const field of BODY_FIELDS) read(`${body}.${field}`, value.properties[field], field);
  }
  return {
    ...(Object.keys(out).length > 0 ? { params: out } : {}),
    ...(unresolved.length > 0 ? { unresolvedParams: unresolved } : {}),
  };
}

/** Nothing about the call's arguments is known (an error text that names the method but not its request). */
export const UNKNOWN_CALL_SHAPE: CallShape = Object.freeze({ format: 'unknown', hasQ: 'unknown', unresolvedParams: ['*'] });

/**
 * Gmail's `format`/`q` and the fact tables' literal parameters (`paramShape`) from a request
 * URL's query string, for every API alike (a table reads only the parameters it names): a raw
 * REST call's (./rest-calls.ts) and a failing request's URL in an error text (`explain`), so
 * both judge `?alt=media` alike. `separateParams`: query parameters are also passed beside the
 * URL (axios `params`), so the query is unknown; a `{}` hole in it (PATH_HOLE) is too.
 */
export function urlQueryShape(url: string, separateParams = false): CallShape {
  const queryIndex = url.indexOf('?');
  const query = queryIndex === -1 ? '' : url.slice(queryIndex + 1);
  if (separateParams || query.includes(PATH_HOLE)) return UNKNOWN_CALL_SHAPE;
  const params = new URLSearchParams(query);
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

/**
 * An options layer of a request (see `callShape`): an options object's node, undefined for none, or
 * `'unknown'` for options that may set anything (`google.options(…)` called more than once: each
 * call replaces the last).
 */
export type OptionsLayer = TSESTree.Node | 'unknown' | undefined;

/**
 * What a call passes that the fact tables read: for Gmail's gmail.metadata its `format` and
 * whether it has `q`; for every API the literal parameters of `paramShape` (Drive `alt`,
 * `spaces`, `requestBody.parents`; Calendar `calendarId`; People `personFields`, `resourceName`).
 * Omitted arguments are known to be omitted; anything computed is `'unknown'`. A `q` is sent
 * whenever it is a string, even `''` (the API rejects it under gmail.metadata all the same), and
 * a parameter declared `q: string` (not optional) always is one.
 *
 * `optionsNodes` are the options objects whose `params` googleapis-common merges under the call's
 * own (9.3.1 build/src/apirequest.js:60-67), lowest precedence first: `google.options(…)` for a
 * client made by googleapis' `google` object, the client's options
 * (`google.drive({ version, auth, params })`), then the call's second argument
 * (`files.get({ fileId }, { params: { alt: 'media' }, responseType: 'stream' })`).
 */
export function callShape(
  paramsNode: TSESTree.Node | undefined,
  env: FileEnvironment,
  optionsNodes: readonly OptionsLayer[] = [],
): CallShape {
  const defaults = defaultParams(optionsNodes, env);
  if (paramsNode === undefined && defaults === undefined) return { format: undefined, hasQ: false };
  const own = paramsNode === undefined ? undefined : withCreatedFolders(paramsNode, evaluate(paramsNode, env), env);
  const gmail = paramsNode === undefined ? { format: undefined, hasQ: false } : gmailShape(paramsNode, env);
  if (defaults === undefined) return { ...gmail, ...paramShape(own) };
  if (own !== undefined && own.kind !== 'object') return { ...gmail, ...paramShape(own) };
  const merged: StaticValue = { kind: 'object', properties: { ...defaults.properties, ...own?.properties } };
  const shape = paramShape(merged);
  // Parameters no visible layer sets may come from one that can't be read.
  const unresolved = new Set(shape.unresolvedParams);
  if (defaults.unknown)
    for (const name of [...READ_PARAMS, ...BODY_OBJECTS]) if (merged.properties[name] === undefined) unresolved.add(name);
  // A media download (`responseType: 'stream'`) with no `alt` in sight may get it from elsewhere.
  if (defaults.streams && merged.properties.alt === undefined) unresolved.add('alt');
  return {
    format: gmail.format ?? defaultString(defaults, 'format'),
    hasQ: gmail.hasQ === false ? defaultPresence(defaults, 'q') : gmail.hasQ,
    ...(shape.params === undefined ? {} : { params: shape.params }),
    ...(unresolved.size > 0 ? { unresolvedParams: [...unresolved] } : {}),
  };
}

/** The request parameters set by options objects (see `callShape`); undefined when none sets any, or could. */
interface DefaultParams {
  readonly properties: Readonly<Record<string, StaticValue>>;
  /** Some options object (or its `params`) can't be read: any parameter it doesn't shadow may be set. */
  readonly unknown: boolean;
  /** Some options object asks for `responseType: 'stream'`. */
  readonly streams: boolean;
}

function defaultParams(optionsNodes: readonly OptionsLayer[], env: FileEnvironment): DefaultParams | undefined {
  let properties: Record<string, StaticValue> = {};
  let unknown = false;
  let streams = false;
  let any = false;
  for (const node of optionsNodes) {
    if (node === undefined || (node !== 'unknown' && isCallback(node, env))) continue;
    const options = node === 'unknown' ? UNKNOWN : evaluate(node, env);
    // `google.drive('v3')`: a version, no options.
    if (options.kind === 'string') continue;
    const params = options.kind === 'object' ? options.properties.params : UNKNOWN;
    if (options.kind === 'object') {
      const responseType = options.properties.responseType;
      if (responseType?.kind === 'string' && responseType.value === 'stream') streams = any = true;
    }
    if (params === undefined) continue;
    any = true;
    if (params.kind === 'object') {
      properties = { ...properties, ...params.properties };
    } else {
      // What this layer sets replaces whatever the ones under it did.
      properties = {};
      unknown = true;
    }
  }
  return any ? { properties, unknown, streams } : undefined;
}

/** Drive's folder MIME type (https://developers.google.com/workspace/drive/api/guides/folder). */
const FOLDER_MIME_TYPE = 'application/vnd.google-apps.folder';

/**
 * The evaluated parameters with each unresolved `parents` item written inline that is the id of a
 * folder this code created (`CREATED_FOLDER`): `const folder = await drive.files.create({ requestBody:
 * { name, mimeType: 'application/vnd.google-apps.folder' } })`, then `parents: [folder.data.id]`
 * (v2: `[{ id: folder.data.id }]`). Only inline literals are read: a node for each value.
 */
function withCreatedFolders(paramsNode: TSESTree.Node, params: StaticValue, env: FileEnvironment): StaticValue {
  if (params.kind !== 'object') return params;
  let properties = params.properties;
  for (const body of BODY_OBJECTS) {
    const bodyNode = findProperty(unwrapExpression(paramsNode), body)?.value;
    const parentsNode = findProperty(bodyNode === undefined ? undefined : unwrapExpression(bodyNode), 'parents')?.value;
    const value = properties[body];
    const parents = value?.kind === 'object' ? value.properties.parents : undefined;
    if (parentsNode === undefined || parents?.kind !== 'array' || value?.kind !== 'object') continue;
    const items = unwrapExpression(parentsNode);
    if (items.type !== AST_NODE_TYPES.ArrayExpression || items.elements.length !== parents.elements.length) continue;
    const elements = parents.elements.map((element, index) => {
      const node = items.elements[index];
      if (node === null || node === undefined || node.type === AST_NODE_TYPES.SpreadElement) return element;
      // v2: `{ id: … }`
      const idNode = element.kind === 'object' ? findProperty(unwrapExpression(node), 'id')?.value : node;
      const id = element.kind === 'object' ? element.properties.id : element;
      if (idNode === undefined || id === undefined || id.kind !== 'unknown' || !isCreatedFolderId(idNode, env)) return element;
      const created: StaticValue = { kind: 'string', value: CREATED_FOLDER };
      return element.kind === 'object' ? { kind: 'object' as const, properties: { ...element.properties, id: created } } : created;
    });
    properties = { ...properties, [body]: { kind: 'object', properties: { ...value.properties, parents: { kind: 'array', elements } } } };
  }
  return properties === params.properties ? params : { kind: 'object', properties };
}

/** `folder.data.id`, `data.id` or `id` read from `await <client>.files.create(…)` of a folder (`createsFolder`). */
function isCreatedFolderId(node: TSESTree.Node, env: FileEnvironment): boolean {
  const expression = unwrapExpression(node);
  // `const { data: { id } } = await …`
  if (expression.type === AST_NODE_TYPES.Identifier) return createdFrom(expression, ['data', 'id'], env);
  if (expression.type !== AST_NODE_TYPES.MemberExpression || !isNamed(expression, 'id')) return false;
  const object = unwrapExpression(expression.object);
  // `const { data } = await …` (or `{ data: folder }`), then `data.id`
  if (object.type === AST_NODE_TYPES.Identifier) return createdFrom(object, ['data'], env);
  // `const folder = await …`, then `folder.data.id`
  if (object.type !== AST_NODE_TYPES.MemberExpression || !isNamed(object, 'data')) return false;
  const response = unwrapExpression(object.object);
  return response.type === AST_NODE_TYPES.Identifier && createdFrom(response, [], env);
}

const isNamed = (member: TSESTree.MemberExpression, name: string): boolean =>
  !member.computed && member.property.type === AST_NODE_TYPES.Identifier && member.property.name === name;

/** The identifier holds `path` of the response of an awaited folder create (written once). */
function createdFrom(identifier: TSESTree.Identifier, path: readonly string[], env: FileEnvironment): boolean {
  const variable = env.findVariable(identifier);
  const source = variable === undefined ? undefined : env.variableSource(variable);
  if (source === undefined) return false;
  if (source.kind === 'init') return path.length === 0 && createsFolder(source.node, env);
  return source.kind === 'destructured' && source.path.join('.') === path.join('.') && createsFolder(source.init, env);
}

/** `await <x>.files.create|insert({ requestBody: { mimeType: <folder> } })`, not into the app data folder. */
function createsFolder(node: TSESTree.Node, env: FileEnvironment): boolean {
  const awaited = unwrapExpression(node);
  if (awaited.type !== AST_NODE_TYPES.AwaitExpression) return false;
  const call = unwrapExpression(awaited.argument);
  if (call.type !== AST_NODE_TYPES.CallExpression || call.arguments.length === 0) return false;
  const callee = unwrapExpression(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || !(isNamed(callee, 'create') || isNamed(callee, 'insert'))) return false;
  const files = unwrapExpression(callee.object);
  if (files.type !== AST_NODE_TYPES.MemberExpression || !isNamed(files, 'files')) return false;
  const shape = paramShape(evaluate(call.arguments[0]!, env));
  const mimeType = shape.params?.['requestBody.mimeType'] ?? shape.params?.['resource.mimeType'];
  return mimeType === FOLDER_MIME_TYPE && listsInclude(shape, ['requestBody.parents'], 'appDataFolder') === false;
}

/** `files.list(params, (err, res) => …)`: the callback form passes no options. */
function isCallback(node: TSESTree.Node, env: FileEnvironment): boolean {
  const unwrapped = unwrapExpression(node);
  if (unwrapped.type === AST_NODE_TYPES.ArrowFunctionExpression || unwrapped.type === AST_NODE_TYPES.FunctionExpression) return true;
  if (unwrapped.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = env.findVariable(unwrapped);
  const source = variable === undefined ? undefined : env.variableSource(variable);
  if (source?.kind === 'function') return true;
  const init = source?.kind === 'init' ? unwrapExpression(source.node) : undefined;
  return init?.type === AST_NODE_TYPES.ArrowFunctionExpression || init?.type === AST_NODE_TYPES.FunctionExpression;
}

function defaultString(defaults: DefaultParams, name: string): string | undefined {
  const value = defaults.properties[name];
  if (value === undefined) return defaults.unknown ? 'unknown' : undefined;
  return value.kind === 'string' ? value.value : 'unknown';
}

function defaultPresence(defaults: DefaultParams, name: string): CallShape['hasQ'] {
  const value = defaults.properties[name];
  if (value === undefined) return defaults.unknown ? 'unknown' : false;
  return value.kind === 'string' ? true : 'unknown';
}

/** Gmail's `format` and `q` (see `callShape`). */
function gmailShape(paramsNode: TSESTree.Node, env: FileEnvironment): CallShape {
  const node = unwrapExpression(paramsNode);
  if (node.type !== AST_NODE_TYPES.ObjectExpression) {
    const value = evaluate(node, env);
    if (value.kind !== 'object') return { format: 'unknown', hasQ: 'unknown' };
    const format = value.properties.format;
    const q = value.properties.q;
    return {
      format: format === undefined ? undefined : format.kind === 'string' ? format.value : 'unknown',
      hasQ: q === undefined ? false : q.kind === 'string' ? true : 'unknown',
    };
  }
  const hasSpread = node.properties.some((property) => property.type === AST_NODE_TYPES.SpreadElement);
  const formatProperty = findProperty(node, 'format');
  const qProperty = findProperty(node, 'q');
  let format: CallShape['format'] = hasSpread ? 'unknown' : undefined;
  if (formatProperty !== undefined) {
    const value = evaluate(formatProperty.value, env);
    format = value.kind === 'string' ? value.value : 'unknown';
  }
  let hasQ: CallShape['hasQ'] = hasSpread ? 'unknown' : false;
  if (qProperty !== undefined) {
    const value = evaluate(qProperty.value, env);
    hasQ = value.kind === 'string' || isStringParameter(qProperty.value, env) ? true : 'unknown';
  }
  return { format, hasQ };
}

/** `function search(gmail, q: string)`: a parameter whose declared type is exactly `string` (not optional). */
function isStringParameter(node: TSESTree.Node, env: FileEnvironment): boolean {
  if (node.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = env.findVariable(node);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (def?.type !== 'Parameter' || def.name.type !== AST_NODE_TYPES.Identifier) return false;
  const name = def.name;
  if (name.optional === true || variable!.references.some((reference) => reference.isWrite() && reference.init !== true)) return false;
  return name.typeAnnotation?.typeAnnotation.type === AST_NODE_TYPES.TSStringKeyword;
}
