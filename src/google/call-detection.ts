import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { ApiMap, MethodInfo } from '../scopes/api-map.ts';
import { analysedApiMaps, versionProfileOf } from '../scopes/api-map.ts';
import { apiVersionsWithMethod } from '../scopes/apis-data.ts';
import type { FileEnvironment } from '../core/file-environment.ts';
import { memberKeyName, unwrapExpression } from '../core/static-value.ts';
import type { ApiClient, GoogleValueResolver } from './google-values.ts';
import { analysedLeafNames, detectTypedMethod } from './typed-calls.ts';
import { REST_METHOD_NAMES } from './rest-calls.ts';
import { MAX_EXPRESSION_PARTS_DEPTH } from '../core/limits.ts';

/** A client-library call recognised at a call expression, before its scopes are looked up. */
export interface DetectedCall {
  readonly method: MethodInfo;
  readonly client: ApiClient | undefined;
  readonly paramsNode: TSESTree.Node | undefined;
  /** The per-request options (`files.delete(params, { auth })`): their `auth` overrides the client's. */
  readonly optionsNode: TSESTree.Node | undefined;
}

/**
 * Which API method a call expression is: through a traced client, by the receiver's declared
 * type, or by an unambiguous chain shape off a receiver we know nothing about.
 */
export class CallDetector {
  /** Receivers (`gmail`, `this.client`) used in an unambiguous call shape in this file, with the API it showed. */
  private readonly shapedReceivers = new Map<string, ApiMap>();

  constructor(
    private readonly sourceCode: Readonly<TSESLint.SourceCode>,
    private readonly env: FileEnvironment,
    private readonly resolver: GoogleValueResolver,
  ) {}

  /** `dataNames`: see detectTypedMethod. */
  detect(node: TSESTree.CallExpression, dataNames?: ReadonlySet<string>): DetectedCall | undefined {
    const callee = unwrapExpression(node.callee);
    let target: TSESTree.Node = callee;
    let paramsNode: TSESTree.Node | undefined = node.arguments[0];
    let optionsNode: TSESTree.Node | undefined = node.arguments[1];
    // gmail.users.messages.send.call(gmail.users.messages, params) / .apply(thisArg, [params])
    if (callee.type === AST_NODE_TYPES.MemberExpression) {
      const key = memberKeyName(callee);
      if (key === 'call' || key === 'apply') {
        const inner = this.resolver.resolve(callee.object);
        if (inner.kind === 'method') {
          const second = node.arguments[1];
          const listed = second?.type === AST_NODE_TYPES.ArrayExpression ? second.elements : undefined;
          paramsNode = key === 'call' ? second : (listed?.[0] ?? undefined);
          optionsNode = key === 'call' ? node.arguments[2] : (listed?.[1] ?? undefined);
          target = callee.object;
        }
      }
    }
    const value = this.resolver.resolve(target);
    if (value.kind === 'method') return { method: value.method, client: value.client, paramsNode, optionsNode };
    if (value.kind !== 'unknown') return undefined;
    const typed = detectTypedMethod(this.sourceCode, target, dataNames);
    if (typed !== undefined) return { method: typed, client: undefined, paramsNode, optionsNode };
    const shaped = this.matchByShape(target);
    return shaped === undefined ? undefined : { method: shaped, client: undefined, paramsNode, optionsNode };
  }

  /**
   * Without a traced client, `x.users.messages.send(…)` is still unambiguous: a chain of at least
   * three names from a root resource of an analysed API that is a method of that API, off a
   * receiver we know nothing about, and whose method id no other API version has (the file may
   * reach any of them). Shorter or shared shapes (`files.list`, `users.watch`) match only on a
   * receiver this file also uses for an unambiguous call of the same API.
   */
  private matchByShape(node: TSESTree.Node): MethodInfo | undefined {
    const names: string[] = [];
    const objects: TSESTree.Node[] = [];
    let current: TSESTree.Node = node;
    while (current.type === AST_NODE_TYPES.MemberExpression && names.length < MAX_SHAPE_NAMES) {
      const key = memberKeyName(current);
      if (key === undefined) break; // `clients[i].users…`: the chain starts after it
      names.unshift(key);
      current = unwrapExpression(current.object);
      objects.unshift(current);
    }
    // The nearest root resource wins (`this.gmail.users.messages.send`: from `users`).
    for (let start = names.length - 2; start >= 0; start--) {
      const id = names.slice(start).join('.');
      const maps = rootMaps(names[start]!).filter((map) => map.methods.has(id));
      if (maps.length === 0) continue;
      const receiverNode = objects[start]!;
      if (!this.isOpaqueRoot(receiverNode, 0)) return undefined;
      const receiver = this.sourceCode.getText(receiverNode);
      const unique = maps.length === 1 && apiVersionsWithMethod(id).length === 1 ? maps[0] : undefined;
      if (unique !== undefined && names.length - start >= 3) {
        this.shapedReceivers.set(receiver, unique);
        return unique.methods.get(id);
      }
      const shown = this.shapedReceivers.get(receiver);
      return shown === undefined || !maps.includes(shown) ? undefined : shown.methods.get(id);
    }
    return undefined;
  }

  /**
   * A receiver we know nothing about, as opposed to one we know is something else: `this`, a
   * parameter, an import from a relative module, or the result of a call we can't see into.
   * An object literal, a class instance or a Google factory with another version is not opaque.
   */
  private isOpaqueRoot(node: TSESTree.Node, depth: number): boolean {
    if (depth > MAX_EXPRESSION_PARTS_DEPTH) return false;
    const root = unwrapExpression(node);
    switch (root.type) {
      case AST_NODE_TYPES.ThisExpression:
        return true;
      case AST_NODE_TYPES.AwaitExpression:
        return this.isOpaqueRoot(root.argument, depth + 1);
      case AST_NODE_TYPES.MemberExpression:
        return this.isOpaqueRoot(root.object, depth + 1);
      case AST_NODE_TYPES.CallExpression:
        return this.resolver.resolve(root.callee).kind !== 'module';
      case AST_NODE_TYPES.Identifier: {
        const variable = this.env.findVariable(root);
        const source = variable === undefined ? undefined : this.env.variableSource(variable);
        switch (source?.kind) {
          case 'parameter':
            return true;
          case 'module':
            return source.module.startsWith('.');
          case 'init':
            return this.isOpaqueRoot(source.node, depth + 1);
          case 'destructured':
            return this.isOpaqueRoot(source.init, depth + 1);
          case 'writes':
            return source.nodes.every((write) => this.isOpaqueRoot(write, depth + 1));
          default:
            return false;
        }
      }
      default:
        return false;
    }
  }
}

/** How many names a chain shape may have (method ids are at most this deep). */
const MAX_SHAPE_NAMES = 12;

let rootIndex: { readonly maps: readonly ApiMap[]; readonly byRoot: ReadonlyMap<string, readonly ApiMap[]> } | undefined;

/** The analysed maps whose client has `root` as a property (`users` → Gmail v1), from their profiles. */
function rootMaps(root: string): readonly ApiMap[] {
  const maps = analysedApiMaps();
  if (rootIndex?.maps !== maps) {
    const byRoot = new Map<string, ApiMap[]>();
    for (const map of maps) {
      for (const name of versionProfileOf(map)?.version.rootResources ?? []) {
        const list = byRoot.get(name) ?? [];
        list.push(map);
        byRoot.set(name, list);
      }
    }
    rootIndex = { maps, byRoot };
  }
  return rootIndex.byRoot.get(root) ?? [];
}

let callNames: { readonly maps: readonly ApiMap[]; readonly names: ReadonlySet<string> } | undefined;

/** Method names an API call can end in (the analysed maps' leaf names), `.call`/`.apply`, and HTTP requests. */
function apiCallNames(): ReadonlySet<string> {
  const maps = analysedApiMaps();
  if (callNames?.maps !== maps) callNames = { maps, names: new Set([...analysedLeafNames(), 'call', 'apply', ...REST_METHOD_NAMES]) };
  return callNames.names;
}

export /** The cheap name test before resolving a call: `console.log(…)` and `list.map(…)` are never API calls. */
function mayBeApiCall(node: TSESTree.CallExpression): boolean {
  const callee = unwrapExpression(node.callee);
  // A destructured method, fetch(), axios(); `send.bind(messages)(…)`.
  if (callee.type === AST_NODE_TYPES.Identifier || callee.type === AST_NODE_TYPES.CallExpression) return true;
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  // `files[op](…)`: the name is a constant the resolver evaluates.
  if (callee.computed && callee.property.type === AST_NODE_TYPES.Identifier) return true;
  const key = memberKeyName(callee);
  return key !== undefined && apiCallNames().has(key);
}

export /** `x.users.getProfile(…)`: a call two names off a root resource of an analysed API. */
function isTwoNameRootCall(node: TSESTree.CallExpression): boolean {
  const callee = unwrapExpression(node.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.object.type !== AST_NODE_TYPES.MemberExpression) return false;
  const root = memberKeyName(callee.object);
  return root !== undefined && rootMaps(root).length > 0;
}
