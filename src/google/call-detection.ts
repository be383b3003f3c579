import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { MethodInfo } from '../scopes/api-map.ts';
import { GMAIL_V1, methodLeafNames } from '../scopes/api-map.ts';
import type { FileEnvironment } from '../core/file-environment.ts';
import { memberKeyName, unwrapExpression } from '../core/static-value.ts';
import type { GmailClient, GoogleValueResolver } from './google-values.ts';
import { detectTypedGmailMethod } from './typed-calls.ts';
import { REST_METHOD_NAMES } from './rest-calls.ts';

/** A client-library call recognised at a call expression, before its scopes are looked up. */
export interface DetectedCall {
  readonly method: MethodInfo;
  readonly client: GmailClient | undefined;
  readonly paramsNode: TSESTree.Node | undefined;
}

/**
 * Which API method a call expression is: through a traced client, by the receiver's declared
 * type, or by an unambiguous chain shape off a receiver we know nothing about.
 */
export class CallDetector {
  /** Receivers (`gmail`, `this.client`) used in an unambiguous Gmail call shape in this file. */
  private readonly gmailShapedReceivers = new Set<string>();

  constructor(
    private readonly sourceCode: Readonly<TSESLint.SourceCode>,
    private readonly env: FileEnvironment,
    private readonly resolver: GoogleValueResolver,
  ) {}

  detect(node: TSESTree.CallExpression): DetectedCall | undefined {
    const callee = unwrapExpression(node.callee);
    let target: TSESTree.Node = callee;
    let paramsNode: TSESTree.Node | undefined = node.arguments[0];
    // gmail.users.messages.send.call(gmail.users.messages, params) / .apply(thisArg, [params])
    if (callee.type === AST_NODE_TYPES.MemberExpression) {
      const key = memberKeyName(callee);
      if (key === 'call' || key === 'apply') {
        const inner = this.resolver.resolve(callee.object);
        if (inner.kind === 'method') {
          const second = node.arguments[1];
          paramsNode =
            key === 'call'
              ? second
              : second?.type === AST_NODE_TYPES.ArrayExpression
                ? (second.elements[0] ?? undefined)
                : undefined;
          target = callee.object;
        }
      }
    }
    const value = this.resolver.resolve(target);
    if (value.kind === 'method') return { method: value.method, client: value.client, paramsNode };
    if (value.kind !== 'unknown') return undefined;
    const typed = detectTypedGmailMethod(this.sourceCode, target);
    if (typed !== undefined) return { method: typed, client: undefined, paramsNode };
    const shaped = this.matchByShape(target);
    return shaped === undefined ? undefined : { method: shaped, client: undefined, paramsNode };
  }

  /**
   * Without a traced client, `x.users.messages.send(…)` is still unambiguous in a file that
   * imports a Gmail library: a chain of at least three names from `users` that is a Gmail
   * method, off a receiver we know nothing about. Generic shapes (`users.watch`) never match.
   */
  private matchByShape(node: TSESTree.Node): MethodInfo | undefined {
    const names: string[] = [];
    let current: TSESTree.Node = node;
    while (current.type === AST_NODE_TYPES.MemberExpression) {
      const key = memberKeyName(current);
      if (key === undefined) return undefined;
      names.unshift(key);
      current = unwrapExpression(current.object);
      if (key === 'users') break;
    }
    if (names[0] !== 'users' || names.length < 2 || !this.isOpaqueRoot(current, 0)) return undefined;
    const method = GMAIL_V1.methods.get(names.join('.'));
    if (method === undefined) return undefined;
    const receiver = this.sourceCode.getText(current);
    if (names.length >= 3) {
      this.gmailShapedReceivers.add(receiver);
      return method;
    }
    // `x.users.getProfile()`/`watch()`/`stop()` exist in other Google APIs too: only on a receiver
    // that this file also uses for an unambiguous Gmail call (`x.users.messages.…`).
    return this.gmailShapedReceivers.has(receiver) ? method : undefined;
  }

  /**
   * A receiver we know nothing about, as opposed to one we know is something else: `this`, a
   * parameter, an import from a relative module, or the result of a call we can't see into.
   * An object literal, a class instance or a Google factory with another version is not opaque.
   */
  private isOpaqueRoot(node: TSESTree.Node, depth: number): boolean {
    if (depth > 8) return false;
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

/** Method names a Gmail call can end in (the map's leaf names), `.call`/`.apply`, and HTTP requests. */
const GMAIL_CALL_NAMES = new Set([
  ...methodLeafNames(GMAIL_V1),
  'call',
  'apply',
  ...REST_METHOD_NAMES,
]);
export /** The cheap name test before resolving a call: `console.log(…)` and `list.map(…)` are never Gmail calls. */
function mayBeGmailCall(node: TSESTree.CallExpression): boolean {
  const callee = unwrapExpression(node.callee);
  // A destructured method, fetch(), axios(); `send.bind(messages)(…)`.
  if (callee.type === AST_NODE_TYPES.Identifier || callee.type === AST_NODE_TYPES.CallExpression) return true;
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const key = memberKeyName(callee);
  return key !== undefined && GMAIL_CALL_NAMES.has(key);
}

export /** `x.users.getProfile(…)`: a call two names off `users`. */
function isTwoSegmentUsersCall(node: TSESTree.CallExpression): boolean {
  const callee = unwrapExpression(node.callee);
  return (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    callee.object.type === AST_NODE_TYPES.MemberExpression &&
    memberKeyName(callee.object) === 'users'
  );
}
