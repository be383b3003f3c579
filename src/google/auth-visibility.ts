import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { ApiCall } from './facts.ts';
import type { Analysis } from './analysis.ts';
import { isExported } from '../core/file-environment.ts';
import type { FileEnvironment } from '../core/file-environment.ts';
import { moduleRole } from './google-values.ts';
import type { AuthObject, GoogleValueResolver } from './google-values.ts';
import { isApiClientPackage, packageName } from './api-modules.ts';
import { analysedScopes } from '../scopes/api-map.ts';
import { getApiProfile, loadApiVersion } from '../scopes/apis-data.ts';
import { memberKeyName, propertyKeyName, unwrapExpression } from '../core/static-value.ts';
import { MAX_TRACE_DEPTH } from '../core/limits.ts';

/**
 * Whether every use of an auth object is visible in this file: the object (and every API
 * client made from it) only flows into the API calls the analysis found, through variables,
 * local functions and promises, and its token is never handed out. Anything else — exported,
 * stored in a field, passed to an unknown function, `getAccessToken()`, `google.options()` —
 * means code we can't see may use the scopes, and least-privilege must stay silent.
 *
 * Computed from the Analysis (its calls and environment); it follows values forward from
 * where they are made, which the analysis itself (tracing backwards from calls) does not do.
 */

/** Auth methods that neither hand out the token nor make requests with it. */
const SAFE_AUTH_METHODS = new Set([
  'generateAuthUrl',
  'setCredentials',
  'on',
  'once',
  'off',
  'removeListener',
  'revokeCredentials',
  'revokeToken',
  'verifyIdToken',
  'getTokenInfo',
  'isTokenExpiring',
  'fromJSON',
  'fromStream',
]);

/** Auth properties whose reads are harmless (`credentials` is read to persist the refresh token). */
const SAFE_AUTH_PROPERTIES = new Set(['credentials', 'scopes', 'email', 'subject', 'projectId', 'eagerRefreshThresholdMillis']);

/** Operators whose result no longer carries the value (`!auth`, `auth === undefined`). */
const TEST_OPERATORS = new Set(['===', '!==', '==', '!=', 'instanceof', 'in']);

/** How far the tracing goes before it gives up (and answers "not visible"). */
const MAX_STEPS = 2000;

type Role = 'auth' | 'client' | 'token';

export interface AuthVisibility {
  /** Every use of the auth objects was followed to its end inside this file. */
  readonly contained: boolean;
  /** The API calls (from the analysis) that the auth objects and their clients reach. */
  readonly reachedCalls: ReadonlySet<TSESTree.CallExpression>;
}

/**
 * The auth objects (as made in this file: alternatives flattened, `getClient()` traced to its
 * base) that give a call its scopes; undefined when they can't all be traced.
 */
export function authObjectsOfCall(analysis: Analysis, call: ApiCall): AuthObject[] | undefined {
  // The analysis' own tracer: class fields and imported modules included, results shared.
  const resolver = analysis.resolver;
  if (resolver === undefined) return undefined;
  const perCall = call.via === 'client' ? resolver.perCallAuth(call.paramsNode, call.optionsNode) : undefined;
  if (perCall === 'unknown') return undefined;
  let authNode: TSESTree.Node | undefined = perCall;
  if (authNode !== undefined) {
    // A per-request auth (`files.delete(params, { auth })`): the client's is not used.
  } else if (call.client !== undefined) {
    if (call.client.usesGlobalOptions || call.client.authNode === undefined) return undefined;
    authNode = call.client.authNode;
  } else if (call.via === 'rest') {
    const callee = unwrapExpression(call.node.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    authNode = callee.object;
  } else {
    return undefined;
  }
  const value = resolver.resolve(authNode);
  if (value.kind !== 'auth') return undefined;
  const roots: AuthObject[] = [];
  const visit = (auth: AuthObject, depth: number): void => {
    if (depth > MAX_TRACE_DEPTH) return;
    if (auth.alternatives !== undefined) {
      for (const alternative of auth.alternatives) visit(alternative, depth + 1);
      return;
    }
    if (auth.base !== undefined) visit(auth.base, depth + 1);
    else if (!roots.includes(auth)) roots.push(auth);
  };
  visit(value.auth, 0);
  return roots;
}

/** Follows the auth objects forward from where they are made. */
export function authVisibility(analysis: Analysis, auths: readonly AuthObject[]): AuthVisibility {
  const { env, resolver } = analysis;
  if (env === undefined || resolver === undefined) return { contained: false, reachedCalls: new Set() };
  const tracker = new UsageTracker(env, resolver, apiCallNodes(analysis));
  for (const auth of auths) tracker.flow(auth.node, 'auth');
  return { contained: !tracker.escaped, reachedCalls: tracker.reachedCalls };
}

/** Built once per file, not once per auth object: thousands of them stay linear. */
const callNodes = new WeakMap<Analysis, ReadonlySet<TSESTree.Node>>();

function apiCallNodes(analysis: Analysis): ReadonlySet<TSESTree.Node> {
  let nodes = callNodes.get(analysis);
  if (nodes === undefined) {
    nodes = new Set(analysis.calls.map((call) => call.node));
    callNodes.set(analysis, nodes);
  }
  return nodes;
}

class UsageTracker {
  escaped = false;
  readonly reachedCalls = new Set<TSESTree.CallExpression>();
  private readonly visited = new Set<string>();
  private steps = 0;

  constructor(
    private readonly env: FileEnvironment,
    private readonly resolver: GoogleValueResolver,
    private readonly apiCalls: ReadonlySet<TSESTree.Node>,
  ) {}

  /** `node` evaluates to the tracked value (with `role`): check what its parent does with it. */
  flow(node: TSESTree.Node, role: Role): void {
    if (this.escaped) return;
    const key = `${role}:${node.range[0]}:${node.range[1]}:${node.type}`;
    if (this.visited.has(key)) return;
    this.visited.add(key);
    if (++this.steps > MAX_STEPS) {
      this.escaped = true;
      return;
    }
    const parent = node.parent;
    if (parent === undefined) return this.escape();
    switch (parent.type) {
      case AST_NODE_TYPES.AwaitExpression:
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.TSTypeAssertion:
      case AST_NODE_TYPES.ChainExpression:
      case AST_NODE_TYPES.LogicalExpression:
        return this.flow(parent, role);
      case AST_NODE_TYPES.ConditionalExpression:
        return parent.test === node ? undefined : this.flow(parent, role);
      case AST_NODE_TYPES.SequenceExpression:
        return parent.expressions.at(-1) === node ? this.flow(parent, role) : undefined;
      case AST_NODE_TYPES.ExpressionStatement:
      case AST_NODE_TYPES.IfStatement:
      case AST_NODE_TYPES.WhileStatement:
      case AST_NODE_TYPES.DoWhileStatement:
        return;
      case AST_NODE_TYPES.ForStatement:
        return parent.test === node ? undefined : this.escape();
      case AST_NODE_TYPES.UnaryExpression:
        return parent.operator === '!' || parent.operator === 'typeof' || parent.operator === 'void' ? undefined : this.escape();
      case AST_NODE_TYPES.BinaryExpression:
        return TEST_OPERATORS.has(parent.operator) ? undefined : this.escape();
      case AST_NODE_TYPES.VariableDeclarator:
        return parent.init === node ? this.flowIntoPattern(parent.id, role) : this.escape();
      case AST_NODE_TYPES.AssignmentExpression:
        if (parent.right !== node) return; // the tracked variable being overwritten
        return this.flowIntoPattern(parent.left, role);
      case AST_NODE_TYPES.ReturnStatement:
        return this.flowOutOf(enclosingFunction(parent), role);
      case AST_NODE_TYPES.ArrowFunctionExpression:
        return parent.body === node ? this.flowOutOf(parent, role) : this.escape();
      case AST_NODE_TYPES.MemberExpression:
        return parent.object === node ? this.flowMember(parent, role) : this.escape();
      case AST_NODE_TYPES.CallExpression:
        return parent.callee === node
          ? this.escape()
          : this.flowArgument(parent, parent.arguments.indexOf(node as TSESTree.CallExpressionArgument), role);
      case AST_NODE_TYPES.Property:
        return parent.value === node ? this.flowProperty(parent, role) : this.escape();
      default:
        return this.escape();
    }
  }

  private escape(): void {
    this.escaped = true;
  }

  /** `const x = value`, `const { users } = gmail`, `x = value`. */
  private flowIntoPattern(pattern: TSESTree.Node, role: Role): void {
    switch (pattern.type) {
      case AST_NODE_TYPES.Identifier:
        return this.flowVariable(pattern, role);
      case AST_NODE_TYPES.ObjectPattern:
        for (const property of pattern.properties) {
          if (property.type === AST_NODE_TYPES.RestElement) return this.escape();
          const key = propertyKeyName(property);
          if (role === 'auth' && (key === undefined || !SAFE_AUTH_PROPERTIES.has(key))) return this.escape();
          if (role === 'auth') continue; // `const { credentials } = auth`: persisted, not a request
          const value = property.value.type === AST_NODE_TYPES.AssignmentPattern ? property.value.left : property.value;
          this.flowIntoPattern(value, role);
        }
        return;
      default:
        return this.escape();
    }
  }

  /** Every read of a variable that receives the value. */
  private flowVariable(identifier: TSESTree.Identifier, role: Role): void {
    const variable = this.env.findVariable(identifier);
    if (variable === undefined) return this.escape();
    // Exported: other modules may use it.
    if (isExported(variable)) return this.escape();
    for (const reference of variable.references) {
      if (!reference.isRead()) continue;
      this.flow(reference.identifier, role);
      if (this.escaped) return;
    }
  }

  /** The function's return value is the tracked value: follow every call of the function. */
  private flowOutOf(fn: TSESTree.FunctionLike | undefined, role: Role): void {
    if (fn === undefined) return this.escape();
    const parent = fn.parent;
    // `(async () => …)()` and `.then(() => auth)`
    if (parent?.type === AST_NODE_TYPES.CallExpression) {
      if (parent.callee === fn) return this.flow(parent, role);
      if (isThenCall(parent) && parent.arguments.includes(fn as TSESTree.CallExpressionArgument)) return this.flow(parent, role);
      return this.escape();
    }
    const name =
      fn.type === AST_NODE_TYPES.FunctionDeclaration
        ? fn.id
        : parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier
          ? parent.id
          : undefined;
    if (name === undefined || name === null) return this.escape();
    const variable = this.env.findVariable(name);
    if (variable === undefined || isExported(variable)) return this.escape();
    for (const reference of variable.references) {
      if (reference.init === true) continue;
      const identifier = reference.identifier;
      const site = identifier.parent;
      if (site?.type === AST_NODE_TYPES.CallExpression && site.callee === identifier) this.flow(site, role);
      else if (site?.type === AST_NODE_TYPES.CallExpression && isThenCall(site) && site.arguments[0] === identifier) this.flow(site, role);
      else return this.escape();
      if (this.escaped) return;
    }
  }

  /** `value.x`: a Gmail method chain, a safe auth method, a promise's `then`, … */
  private flowMember(member: TSESTree.MemberExpression, role: Role): void {
    const key = memberKeyName(member);
    const call = member.parent?.type === AST_NODE_TYPES.CallExpression && member.parent.callee === member ? member.parent : undefined;
    if (key === 'then' && call !== undefined) {
      const callback = call.arguments[0];
      if (callback === undefined) return this.flow(call, role);
      return this.flowArgumentInto(callback, 0, role);
    }
    if ((key === 'catch' || key === 'finally') && call !== undefined) return this.flow(call, role);
    if (role === 'client') {
      if (call !== undefined) {
        if (this.apiCalls.has(call)) {
          this.reachedCalls.add(call);
          return;
        }
        return this.escape();
      }
      // `gmail.users.messages.send.call(…)`: the outer call is the Gmail call.
      return this.flow(member, role);
    }
    if (role === 'token') {
      if (call !== undefined) return this.escape();
      return this.flow(member, role);
    }
    // An auth object.
    if (call !== undefined) {
      if (this.apiCalls.has(call)) {
        // `auth.request({ url: 'https://gmail.googleapis.com/…' })`: a Gmail REST call the analysis saw.
        this.reachedCalls.add(call);
        return;
      }
      if (key === 'getClient') return this.flow(call, 'auth');
      if (key === 'getToken') return this.flow(call, 'token');
      if (key === 'authorize') return resultUnused(call) ? undefined : this.escape();
      return key !== undefined && SAFE_AUTH_METHODS.has(key) ? undefined : this.escape();
    }
    if (member.parent?.type === AST_NODE_TYPES.AssignmentExpression && member.parent.left === member) return; // auth.credentials = …
    return key !== undefined && SAFE_AUTH_PROPERTIES.has(key) ? undefined : this.escape();
  }

  /** `f(value)`: into a local function's parameter; `x.setCredentials(tokens)`; nothing else. */
  private flowArgument(call: TSESTree.CallExpression, index: number, role: Role): void {
    if (index < 0) return this.escape();
    if (role === 'token') {
      const callee = call.callee;
      return callee.type === AST_NODE_TYPES.MemberExpression && memberKeyName(callee) === 'setCredentials' ? undefined : this.escape();
    }
    return this.flowArgumentInto(call.callee, index, role);
  }

  /** The tracked value becomes parameter `index` of the function `fnNode` (or the callee's function). */
  private flowArgumentInto(fnNode: TSESTree.Node, index: number, role: Role): void {
    const target = unwrapExpression(fnNode);
    let fn: TSESTree.FunctionLike | undefined;
    if (target.type === AST_NODE_TYPES.FunctionExpression || target.type === AST_NODE_TYPES.ArrowFunctionExpression) {
      fn = target;
    } else {
      const value = this.resolver.resolve(target);
      fn = value.kind === 'function' ? value.fn : undefined;
    }
    if (fn === undefined) return this.escape();
    const param = fn.params[index];
    if (param === undefined) return /\barguments\b/.test(this.env.sourceCode.getText(fn)) ? this.escape() : undefined;
    const binding = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
    return this.flowIntoPattern(binding, role);
  }

  /** `{ auth: value }`: a Google API client made with this auth. */
  private flowProperty(property: TSESTree.Property, role: Role): void {
    if (role !== 'auth' || propertyKeyName(property) !== 'auth') return this.escape();
    const object = property.parent;
    const call = object?.parent;
    if (
      object?.type !== AST_NODE_TYPES.ObjectExpression ||
      (call?.type !== AST_NODE_TYPES.CallExpression && call?.type !== AST_NODE_TYPES.NewExpression) ||
      call.arguments[0] !== object
    ) {
      return this.escape();
    }
    const made = this.resolver.resolve(call);
    if (made.kind === 'resource' && made.client.node === call) return this.flow(call, 'client');
    const maker = this.resolver.resolve(call.callee);
    if (maker.kind !== 'module' || !isApiClientPackage(packageName(maker.module))) return this.escape();
    const clientMaker = moduleRole(maker.module, maker.path);
    // A client the analysis can't make (a version it can't read, or one the data lacks): its calls
    // are invisible, so it is harmless only when none of the scopes that API accepts is one the
    // analysis judges (a Drive client is no evidence of Gmail use; a Sheets client uses Drive scopes).
    if (clientMaker?.role !== 'client-factory' && clientMaker?.role !== 'client-class') return this.escape();
    const written = clientMaker.role === 'client-factory' ? this.resolver.option(object, 'version') : undefined;
    const version =
      clientMaker.role === 'client-class'
        ? clientMaker.version
        : written?.type === AST_NODE_TYPES.Literal && typeof written.value === 'string'
          ? written.value
          : undefined;
    return sharesAnalysedScopes(clientMaker.api, version) ? this.escape() : undefined;
  }
}

/** Whether `api` (at `version`, or any of its versions) accepts a scope of an analysed API. */
function sharesAnalysedScopes(api: string, version: string | undefined): boolean {
  const versions = version === undefined ? Object.keys(getApiProfile(api)?.versions ?? {}) : [version];
  if (versions.length === 0) return true;
  const analysed = analysedScopes();
  return versions.some((v) => {
    const data = loadApiVersion(api, v);
    // A version the data doesn't have: nothing says what it accepts.
    return data === undefined || data.scopes.some((scope) => analysed.has(scope));
  });
}

function isThenCall(call: TSESTree.CallExpression): boolean {
  return call.callee.type === AST_NODE_TYPES.MemberExpression && memberKeyName(call.callee) === 'then';
}

function resultUnused(call: TSESTree.CallExpression): boolean {
  let node: TSESTree.Node = call;
  while (node.parent?.type === AST_NODE_TYPES.AwaitExpression) node = node.parent;
  return node.parent?.type === AST_NODE_TYPES.ExpressionStatement;
}

function enclosingFunction(node: TSESTree.Node): TSESTree.FunctionLike | undefined {
  let current = node.parent;
  while (current !== undefined && current !== null) {
    if (
      current.type === AST_NODE_TYPES.FunctionDeclaration ||
      current.type === AST_NODE_TYPES.FunctionExpression ||
      current.type === AST_NODE_TYPES.ArrowFunctionExpression
    ) {
      return current;
    }
    current = current.parent;
  }
  return undefined;
}
