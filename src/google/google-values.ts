import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { getApiMap, getMethod, isResourcePath } from '../scopes/api-map.ts';
import type { ApiMap, MethodInfo } from '../scopes/api-map.ts';
import { getApiProfile } from '../scopes/apis-data.ts';
import { apiOfPackage, clientRole, packageName } from './api-modules.ts';
import type { ClientRole } from './api-modules.ts';
import type { VersionProfile } from '../scopes/apis-format.ts';
import type { FileEnvironment } from '../core/file-environment.ts';
import { evaluate, findProperty, memberKeyName, objectLiteralOf, propertyKeyName, unwrapExpression } from '../core/static-value.ts';
import { scopeSourceOf } from './scope-sources.ts';
import type { ScopeSource } from './scope-sources.ts';
import { resourceOfClassName } from './typed-calls.ts';
import { appendAll } from '../utils/append-all.ts';
import { walk } from '../core/ast-walk.ts';
import type { VisitorKeys } from '../core/ast-walk.ts';
import { MAX_OPTIONS_SPREAD_DEPTH, MAX_TRACE_DEPTH } from '../core/limits.ts';

/**
 * Tracing Google objects through the linted file: which expressions are API clients (and
 * which `auth` they were given), their resources and methods, and auth objects (and where
 * their scopes were written). Everything not proven is `unknown`. Which APIs exist and how they
 * appear in code comes from their generated profiles (./api-modules.ts); a client is made only
 * for an API version the analysis checks (src/scopes/api-map.ts).
 */

/** An API version: `{ api: 'gmail', version: 'v1' }`. */
export interface ApiVersionRef {
  readonly api: string;
  readonly version: string;
}

/** A client construction: `google.gmail({ version: 'v1', auth })`, `new gmail_v1.Gmail({ auth })`, … */
export interface ApiClient extends ApiVersionRef {
  readonly node: TSESTree.Node;
  /** The `auth` option's value, when given. */
  readonly authNode: TSESTree.Node | undefined;
  /** `google.gmail('v1')` without `auth`: it uses `google.options({ auth })`. */
  readonly usesGlobalOptions: boolean;
  /**
   * Made by googleapis' `google` object (`google.drive(…)`, with or without `auth`): the options
   * of `google.options(…)` are the lowest layer of its requests' (their `params` included).
   */
  readonly globalOptionsApply?: boolean;
  /** A client made in another module: the scopes that module gives it (already resolved there). */
  readonly external?: ScopeSource | undefined;
  /** Several clients may reach this point (`config ? google.gmail(…) : defaultClient`, a reassigned `let`). */
  readonly alternatives?: readonly ApiClient[];
  /** A client made in another module with an API key as its auth: its requests carry no OAuth token. */
  readonly apiKey?: boolean;
}

export type AuthKind = 'GoogleAuth' | 'JWT' | 'OAuth2' | 'local-auth' | 'getClient' | 'fromJSON' | 'other';

/** An object that carries credentials, and the node (if any) where its scopes were written. */
export interface AuthObject {
  readonly node: TSESTree.Node;
  readonly kind: AuthKind;
  /** The expression holding the requested scopes (`scopes: …` / positional JWT argument). */
  readonly scopesNode: TSESTree.Node | undefined;
  /** For `auth.getClient()`: the auth object it came from. */
  readonly base: AuthObject | undefined;
  /** Several auth objects may reach this point (a variable written more than once). */
  readonly alternatives?: readonly AuthObject[];
  /** An auth object made in another module: its scopes, resolved there. */
  readonly external?: ScopeSource | undefined;
  /**
   * Made to carry an API key (`google.auth.fromAPIKey(key)`, `new OAuth2({ apiKey })`): without a
   * token it sends `X-Goog-Api-Key` and no OAuth token (google-auth-library 9
   * build/src/auth/googleauth.js `fromAPIKey` → `new JWT({ apiKey })`; oauth2client.js
   * `getRequestMetadataAsync`), so no scope applies (review 4 H12).
   */
  readonly apiKey?: boolean;
}

/** What another module exports, as far as Google objects go (plain data, cached per file). */
export type ExportedGoogleValue =
  | {
      readonly kind: 'client' | 'client-factory';
      readonly requested: ScopeSource | undefined;
      readonly api: ApiVersionRef;
      /** Its auth is an API key (./api-key.ts): its calls need no scope. */
      readonly apiKey?: boolean;
    }
  | { readonly kind: 'auth' | 'auth-factory'; readonly requested: ScopeSource | undefined }
  /**
   * A higher-order wrapper (`withGmail(handler)`): the function it returns calls its parameter
   * `handler` with a client as argument `argument` (`handler(req, res, google.gmail(…))`).
   */
  | {
      readonly kind: 'client-wrapper';
      readonly requested: ScopeSource | undefined;
      readonly apiKey?: boolean;
      readonly api: ApiVersionRef;
      readonly handler: number;
      readonly argument: number;
      /**
       * The wrapper's own parameters its client's scopes come from (`(handler, scopes = READONLY)`,
       * `new GoogleAuth({ scopes })`): a caller that passes one of them decides the scopes.
       */
      readonly scopeParameters?: readonly number[];
      /** The one of them that is the scopes list itself (`scopes: scopes`): a caller's argument is judged. */
      readonly scopesParameter?: number;
    };

/** Looks up a project module's exported Google object: `(specifier, exportName)`; undefined when unresolved or none. */
export type ExportLookup = (specifier: string, name: string) => ExportedGoogleValue | undefined;

/**
 * What another module passes as one argument of this module's exported function: a Google
 * object, or an options object some of whose properties are (`{ getGmailClient: async () => … }`).
 */
export type PassedValue = ExportedGoogleValue | { readonly kind: 'object'; readonly properties: ReadonlyMap<string, ExportedGoogleValue> };

/**
 * The arguments of every call of this module's export `name` in the rest of the project (one
 * list per call, undefined for an argument that is no Google object); undefined when some caller
 * can't be seen (too large a project, a re-export, the function passed around, …).
 */
export type CallerLookup = (name: string) => readonly (readonly (PassedValue | undefined)[])[] | undefined;

export type GoogleValue =
  | { readonly kind: 'module'; readonly module: string; readonly path: readonly string[] }
  | { readonly kind: 'resource'; readonly client: ApiClient; readonly path: readonly string[] }
  | { readonly kind: 'method'; readonly client: ApiClient; readonly method: MethodInfo }
  | { readonly kind: 'auth'; readonly auth: AuthObject }
  | { readonly kind: 'function'; readonly fn: TSESTree.FunctionLike }
  | {
      readonly kind: 'external-factory';
      readonly export: ExportedGoogleValue;
      readonly node: TSESTree.Node;
      /** Several factories of the same kind may reach this point (passed by different callers). */
      readonly alternatives?: readonly ExportedGoogleValue[];
    }
  /** An options object other modules pass (one per caller): each property read is merged over them. */
  | { readonly kind: 'passed-object'; readonly candidates: readonly ReadonlyMap<string, GoogleValue>[] }
  | { readonly kind: 'unknown' };

const UNKNOWN_VALUE: GoogleValue = { kind: 'unknown' };

type CallSite =
  | { readonly kind: 'call'; readonly call: TSESTree.CallExpression | TSESTree.NewExpression }
  | { readonly kind: 'then'; readonly promise: TSESTree.Node };

function isNullish(node: TSESTree.Node): boolean {
  return (
    (node.type === AST_NODE_TYPES.Literal && node.value === null) || (node.type === AST_NODE_TYPES.Identifier && node.name === 'undefined')
  );
}

/** The class whose constructor `fn` is. */
function constructorClass(fn: TSESTree.FunctionLike): TSESTree.ClassDeclaration | TSESTree.ClassExpression | undefined {
  const method = fn.parent;
  if (method?.type !== AST_NODE_TYPES.MethodDefinition || method.kind !== 'constructor') return undefined;
  const classNode = method.parent.parent;
  return classNode.type === AST_NODE_TYPES.ClassDeclaration || classNode.type === AST_NODE_TYPES.ClassExpression ? classNode : undefined;
}

function classNameOf(classNode: TSESTree.ClassDeclaration | TSESTree.ClassExpression): TSESTree.Identifier | undefined {
  if (classNode.id !== null && classNode.type === AST_NODE_TYPES.ClassDeclaration) return classNode.id;
  const parent = classNode.parent;
  return parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier ? parent.id : undefined;
}

/** Options that give an auth class credentials of its own (then an `apiKey` beside them is not all it sends). */
const CREDENTIAL_OPTIONS = ['credentials', 'keyFile', 'keyFilename', 'key', 'email', 'subject', 'clientId', 'clientSecret', 'scopes'];

/** Classes that make auth objects, in google-auth-library and re-exported by googleapis. */
const AUTH_CLASSES: Readonly<Record<string, AuthKind>> = {
  GoogleAuth: 'GoogleAuth',
  JWT: 'JWT',
  OAuth2: 'OAuth2',
  OAuth2Client: 'OAuth2',
  UserRefreshClient: 'other',
  Compute: 'other',
  Impersonated: 'other',
  ExternalAccountClient: 'other',
};

/** Whether a module path is an auth namespace (`google.auth`, an `@googleapis/<api>` package's `auth`, google-auth-library). */
function authNamespacePath(module: string, path: readonly string[]): readonly string[] | undefined {
  const [first, second, ...rest] = path;
  if (module === 'googleapis') {
    if (first === 'google' && second === 'auth') return rest;
    if (first === 'auth' || first === 'Auth') return path.slice(1);
    return undefined;
  }
  if (apiOfPackage(module) !== undefined) return first === 'auth' ? path.slice(1) : undefined;
  if (module === 'google-auth-library') return path;
  return undefined;
}

/** What a module export is: a client factory or class (any API with a profile), `google.options`, or an auth maker. */
type ModuleRole =
  | ClientRole
  | { readonly role: 'google-options' }
  | { readonly role: 'auth-class'; readonly kind: AuthKind }
  | { readonly role: 'auth-call'; readonly name: string };

function moduleRole(rawModule: string, rawPath: readonly string[]): ModuleRole | undefined {
  const module = packageName(rawModule);
  // CommonJS packages seen through an ESM default import: `import g from 'googleapis'; g.google…`.
  const path = rawPath[0] === 'default' ? rawPath.slice(1) : rawPath;
  const key = path.join('.');
  if (module === 'googleapis' && key === 'google.options') return { role: 'google-options' };
  const client = clientRole(module, path);
  if (client !== undefined) return client;
  if (module === '@google-cloud/local-auth' && key === 'authenticate') return { role: 'auth-call', name: 'authenticate' };
  const authPath = authNamespacePath(module, path);
  if (authPath?.length === 1) {
    const name = authPath[0]!;
    const kind = AUTH_CLASSES[name];
    if (kind !== undefined) return { role: 'auth-class', kind };
    return { role: 'auth-call', name };
  }
  return undefined;
}

export class GoogleValueResolver {
  private readonly memo = new Map<TSESTree.Node, GoogleValue>();

  constructor(
    private readonly env: FileEnvironment,
    /** `this.x = …` assignments per class, for class fields. */
    private readonly classFieldWrites: ReadonlyMap<TSESTree.Node, ReadonlyMap<string, readonly TSESTree.Node[]>>,
    /** Google objects exported by the project's own modules (relative, `#lib/…`, tsconfig paths). */
    private readonly lookupExport: ExportLookup = () => undefined,
    /** Calls of this module's exported functions in the project's other modules. */
    private readonly lookupCallers: CallerLookup = () => undefined,
    /** Every assignment to a named member in the file (`req.gmail = …`), from the one walk (./collect.ts). */
    private readonly memberAssignments: ReadonlyMap<string, readonly TSESTree.AssignmentExpression[]> = new Map(),
  ) {}

  resolve(node: TSESTree.Node, depth = 0): GoogleValue {
    const cached = this.memo.get(node);
    if (cached !== undefined) return cached;
    if (depth > MAX_TRACE_DEPTH) return UNKNOWN_VALUE;
    // Mark first: a cycle through this node resolves to unknown instead of recursing forever.
    this.memo.set(node, UNKNOWN_VALUE);
    const value = this.compute(node, depth + 1);
    this.memo.set(node, value);
    return value;
  }

  private compute(rawNode: TSESTree.Node, depth: number): GoogleValue {
    const node = unwrapExpression(rawNode);
    switch (node.type) {
      case AST_NODE_TYPES.AwaitExpression:
        return this.resolve(node.argument, depth);
      case AST_NODE_TYPES.Identifier:
        return this.resolveIdentifier(node, depth);
      case AST_NODE_TYPES.MemberExpression: {
        const key = this.memberKey(node);
        if (key === undefined) return UNKNOWN_VALUE;
        if (node.object.type === AST_NODE_TYPES.ThisExpression) return this.resolveThisField(node, key, depth);
        const owner = this.resolve(node.object, depth);
        if (owner.kind === 'unknown') {
          // `const clients = { gmail: google.gmail(…) }; clients.gmail…`
          const property = findProperty(objectLiteralOf(node.object, this.env), key);
          return property === undefined ? this.requestProperty(node, key, depth) : this.resolve(property.value, depth);
        }
        return this.member(owner, key);
      }
      case AST_NODE_TYPES.CallExpression:
        return this.resolveCall(node, depth);
      case AST_NODE_TYPES.NewExpression:
        return this.resolveNew(node, depth);
      case AST_NODE_TYPES.ImportExpression:
        return node.source.type === AST_NODE_TYPES.Literal && typeof node.source.value === 'string'
          ? { kind: 'module', module: node.source.value, path: [] }
          : UNKNOWN_VALUE;
      case AST_NODE_TYPES.FunctionExpression:
      case AST_NODE_TYPES.ArrowFunctionExpression:
        return { kind: 'function', fn: node };
      case AST_NODE_TYPES.ConditionalExpression:
        // `config ? google.gmail({ auth: a }) : defaultClient`: known when the branches agree.
        return this.merge(this.resolveAlternatives([node.consequent, node.alternate], depth));
      case AST_NODE_TYPES.LogicalExpression:
        // `cached ?? google.gmail(…)`, `client || createClient()`
        return node.operator === '&&'
          ? this.resolve(node.right, depth)
          : this.merge(this.resolveAlternatives([node.left, node.right], depth));
      default:
        return UNKNOWN_VALUE;
    }
  }

  /**
   * An option's value in an options object, written inline, held by a `const`, or spread in
   * (`{ ...base, subject }`); the last one written wins, as in JavaScript. A spread the analysis
   * can't read (`...cfg.google`, a factory's `...opts`) may write the option: then the spread's
   * argument is the value, which evaluates to unknown (never the one written before it).
   */
  option(node: TSESTree.Node | undefined, key: string, depth = 0): TSESTree.Node | undefined {
    const object = node === undefined ? undefined : objectLiteralOf(node, this.env);
    if (object === undefined) return undefined;
    let found: TSESTree.Node | undefined;
    for (const property of object.properties) {
      if (property.type === AST_NODE_TYPES.SpreadElement) {
        found = this.spreadOption(property.argument, key, depth + 1) ?? found;
      } else if (propertyKeyName(property) === key) {
        found = property.value;
      }
    }
    return found;
  }

  /**
   * `send({ userId, auth: other })`, `files.delete({ fileId }, { auth: other })`, either object
   * held by a `const`: a per-request auth wins over the client's (googleapis-common 9.3.1
   * build/src/apirequest.js:93 `params.auth || options.auth`, options merged over the client's
   * and `google.options`).
   */
  perCallAuth(paramsNode: TSESTree.Node | undefined, optionsNode: TSESTree.Node | undefined): TSESTree.Node | 'unknown' | undefined {
    return this.readOption(paramsNode, 'auth') ?? this.readOption(optionsNode, 'auth');
  }

  /**
   * An option as `option()` reads it, or `'unknown'` when the object itself can't be read in full
   * (a `let`, a mutated constant, `Object.assign(…)`, a helper's result, a parameter): only an
   * object the analysis reads may say "not set here" (review 4 H6). No object at all (nothing,
   * `undefined`, a callback) sets nothing.
   */
  readOption(node: TSESTree.Node | undefined, key: string): TSESTree.Node | 'unknown' | undefined {
    if (node === undefined || isNullish(unwrapExpression(node))) return undefined;
    if (objectLiteralOf(node, this.env) !== undefined) return this.option(node, key);
    // A constant that later lines write other keys into (`params.pageToken = cursor`) still says.
    const unwrapped = unwrapExpression(node);
    const literal = unwrapped.type === AST_NODE_TYPES.Identifier ? this.env.objectLiteralUnlessWrittenAt(unwrapped, key) : undefined;
    if (literal !== undefined) return this.option(literal, key);
    if (this.resolve(node).kind === 'function') return undefined;
    const value = evaluate(node, this.env);
    return value.kind === 'object' && !Object.hasOwn(value.properties, key) ? undefined : 'unknown';
  }

  /** Every `x.key = …` of the file (`jwt.subject = …`), whatever `x` is. */
  memberWrites(key: string): readonly TSESTree.AssignmentExpression[] {
    return this.memberAssignments.get(key) ?? [];
  }

  /** What `...argument` writes to `key`: undefined when it certainly writes nothing there. */
  private spreadOption(argument: TSESTree.Node, key: string, depth: number): TSESTree.Node | undefined {
    if (depth <= MAX_OPTIONS_SPREAD_DEPTH && objectLiteralOf(argument, this.env) !== undefined) return this.option(argument, key, depth);
    const value = evaluate(argument, this.env);
    return value.kind === 'object' && !Object.hasOwn(value.properties, key) ? undefined : argument;
  }

  /** `value.key` */
  member(value: GoogleValue, key: string): GoogleValue {
    switch (value.kind) {
      case 'module':
        return this.moduleValue(value.module, [...value.path, key], undefined);
      case 'resource': {
        // Looked up in the map of the API the client is for.
        const map = getApiMap(value.client.api, value.client.version);
        if (map === undefined) return UNKNOWN_VALUE;
        const path = [...value.path, key];
        const method = getMethod(map, path.join('.'));
        if (method !== undefined) return { kind: 'method', client: value.client, method };
        return isResourcePath(map, path) ? { kind: 'resource', client: value.client, path } : UNKNOWN_VALUE;
      }
      case 'passed-object':
        return this.merge(value.candidates.map((properties) => properties.get(key) ?? UNKNOWN_VALUE));
      default:
        return UNKNOWN_VALUE;
    }
  }

  private resolveIdentifier(node: TSESTree.Identifier, depth: number): GoogleValue {
    const variable = this.env.findVariable(node);
    if (variable === undefined) return UNKNOWN_VALUE;
    const source = this.env.variableSource(variable);
    if (source === undefined) return UNKNOWN_VALUE;
    switch (source.kind) {
      case 'init':
        return this.resolve(source.node, depth);
      case 'destructured':
        return source.path.reduce((value, key) => this.member(value, key), this.resolve(source.init, depth));
      case 'module':
        return this.moduleValue(source.module, source.path, node);
      case 'writes':
        return this.merge(this.resolveAlternatives(source.nodes, depth));
      case 'function':
        return { kind: 'function', fn: source.fn };
      case 'parameter': {
        const fromCallers = this.resolveParameter(source.fn, source.index, depth);
        const declared = variable.defs[0]?.name;
        return fromCallers.kind === 'unknown' && declared !== undefined ? this.fromTypeAnnotation(declared, depth) : fromCallers;
      }
      default:
        return UNKNOWN_VALUE;
    }
  }

  /**
   * Without type information, a declared type still says what a parameter or field holds:
   * `gmail: gmail_v1.Gmail`, `messages: gmail_v1.Resource$Users$Messages` (any analysed API's
   * namespace, from `googleapis` or its own package). The client's auth is unknown (the file's
   * scope declarations or the settings apply).
   */
  fromTypeAnnotation(node: TSESTree.Node, depth = 0): GoogleValue {
    const holder = node.type === AST_NODE_TYPES.Identifier || node.type === AST_NODE_TYPES.PropertyDefinition ? node : undefined;
    const annotation = holder?.typeAnnotation?.typeAnnotation;
    if (annotation?.type !== AST_NODE_TYPES.TSTypeReference) return UNKNOWN_VALUE;
    const names: string[] = [];
    let typeName: TSESTree.EntityName = annotation.typeName;
    while (typeName.type === AST_NODE_TYPES.TSQualifiedName) {
      names.unshift(typeName.right.name);
      typeName = typeName.left;
    }
    if (typeName.type !== AST_NODE_TYPES.Identifier) return UNKNOWN_VALUE;
    const root = this.resolve(typeName, depth);
    if (root.kind !== 'module') return UNKNOWN_VALUE;
    const path = [...root.path, ...names];
    const role = moduleRole(root.module, path);
    if (role?.role === 'client-class') {
      const map = getApiMap(role.api, role.version);
      return map === undefined ? UNKNOWN_VALUE : { kind: 'resource', client: typedClient(node, map), path: [] };
    }
    // `<api>_<version>.Resource$…`: the class of that API's client class, in the same namespace.
    const className = path.at(-1);
    const classRole =
      className === undefined ? undefined : moduleRole(root.module, [...path.slice(0, -1), classNameOfNamespace(path.at(-2))]);
    if (classRole?.role !== 'client-class' || className === undefined) return UNKNOWN_VALUE;
    const map = getApiMap(classRole.api, classRole.version);
    const resource = map === undefined ? undefined : resourceOfClassName(map, className);
    return map === undefined || resource === undefined
      ? UNKNOWN_VALUE
      : { kind: 'resource', client: typedClient(node, map), path: resource.split('.') };
  }

  /** A module export; for the project's own modules, the Google object the module exports under that name. */
  private moduleValue(module: string, path: readonly string[], node: TSESTree.Node | undefined): GoogleValue {
    if (path.length === 0) return { kind: 'module', module, path };
    const [name, ...rest] = path;
    // A module of the project (relative, `#lib/…`, a tsconfig path); a package when nothing resolves.
    const exported = this.lookupExport(module, name!);
    if (exported === undefined) return module.startsWith('.') ? UNKNOWN_VALUE : { kind: 'module', module, path };
    const value = externalValue(exported, node ?? this.env.sourceCode.ast);
    return rest.reduce<GoogleValue>((current, key) => this.member(current, key), value);
  }

  /**
   * A parameter of a function this module exports: known when every call of it is visible, in
   * this file (direct calls only) and in every other module of the project that imports it.
   * Undefined when the function is not exported in a form this recognises.
   */
  private exportedParameter(fn: TSESTree.FunctionLike, index: number, depth: number): GoogleValue | undefined {
    const exported = exportedFunctionName(fn);
    if (exported === undefined) return undefined;
    // Other modules' calls unknown: as before, the calls in this file (if any) decide.
    const callers = this.lookupCallers(exported.name);
    if (callers === undefined) return undefined;
    const values: GoogleValue[] = [];
    const variable = this.env.findVariable(exported.id);
    for (const reference of variable?.references ?? []) {
      if (reference.init === true) continue;
      const parent = reference.identifier.parent;
      if (parent?.type !== AST_NODE_TYPES.CallExpression || parent.callee !== reference.identifier) return UNKNOWN_VALUE;
      const argument = parent.arguments[index];
      if (argument === undefined || argument.type === AST_NODE_TYPES.SpreadElement) return UNKNOWN_VALUE;
      values.push(this.resolve(argument, depth));
    }
    for (const args of callers) values.push(passedValue(args[index], exported.id));
    return this.merge(values);
  }

  /**
   * A parameter is known when every visible call of its function passes the same kind of value:
   * `function list(gmail) {…}; list(google.gmail(…))` and `authorize().then(listLabels)`.
   */
  private resolveParameter(fn: TSESTree.FunctionLike, index: number, depth: number): GoogleValue {
    const exported = this.exportedParameter(fn, index, depth);
    if (exported !== undefined) return exported;
    const wrapped = this.wrappedParameter(fn, index, depth);
    if (wrapped !== undefined) return wrapped;
    const callers = this.callSitesOf(fn);
    if (callers.length === 0) return UNKNOWN_VALUE;
    const values: GoogleValue[] = [];
    for (const caller of callers) {
      if (caller.kind === 'then') {
        values.push(index === 0 ? this.resolve(caller.promise, depth) : UNKNOWN_VALUE);
        continue;
      }
      const argument = caller.call.arguments[index];
      if (argument === undefined || argument.type === AST_NODE_TYPES.SpreadElement) return UNKNOWN_VALUE;
      values.push(this.resolve(argument, depth));
    }
    return this.merge(values);
  }

  /**
   * `export default withGmail(async (req, res, gmail) => …)` with `withGmail` imported: the
   * handler's parameter is the client the wrapper passes there (see `wrapperOf`).
   */
  private wrappedParameter(fn: TSESTree.FunctionLike, index: number, depth: number): GoogleValue | undefined {
    const call = fn.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee === fn) return undefined;
    const callee = this.resolve(call.callee, depth);
    if (callee.kind !== 'external-factory' || callee.export.kind !== 'client-wrapper') return undefined;
    const wrapper = callee.export;
    if (call.arguments.indexOf(fn as TSESTree.CallExpressionArgument) !== wrapper.handler || index !== wrapper.argument) return undefined;
    return externalValue({ kind: 'client', requested: this.wrappedScopes(call, wrapper), api: wrapper.api, apiKey: wrapper.apiKey }, fn);
  }

  /**
   * The scopes a wrapper's client gets for this call: the wrapper's own unless the call passes
   * a parameter they come from; then the call's argument when it is the scopes list (its
   * declaration is what a fix edits, never the wrapper's default), else unknown.
   */
  private wrappedScopes(
    call: TSESTree.CallExpression,
    wrapper: Extract<ExportedGoogleValue, { kind: 'client-wrapper' }>,
  ): ScopeSource | undefined {
    const passed = (wrapper.scopeParameters ?? []).filter((index) => {
      const argument = call.arguments[index];
      return argument !== undefined && !isNullish(argument);
    });
    if (passed.length === 0) return wrapper.requested;
    const argument = call.arguments[passed[0]!]!;
    if (passed.length > 1 || passed[0] !== wrapper.scopesParameter || argument.type === AST_NODE_TYPES.SpreadElement)
      return { kind: 'auth', scopes: [], complete: false, description: 'the scopes passed to the wrapper', declarations: [] };
    return scopeSourceOf(argument, this.env, `the scopes passed on line ${argument.loc.start.line}`);
  }

  /**
   * The parameters of `fn` that `nodes` read (identifiers bound to them, inside `nodes` or in
   * the initialiser of a `const` they name), for a wrapper's scopes.
   */
  parametersRead(fn: TSESTree.FunctionLike, nodes: readonly (TSESTree.Node | undefined)[]): number[] {
    const found = new Set<number>();
    const seen = new Set<TSESTree.Node>();
    const visit = (root: TSESTree.Node, depth: number): void => {
      if (seen.has(root) || depth > MAX_TRACE_DEPTH) return;
      seen.add(root);
      walk(root, this.env.sourceCode.visitorKeys as VisitorKeys, true, (node) => {
        if (node.type !== AST_NODE_TYPES.Identifier) return true;
        const variable = this.env.findVariable(node);
        const source = variable === undefined ? undefined : this.env.variableSource(variable);
        if (source?.kind === 'parameter' && source.fn === fn) found.add(source.index);
        else if (source?.kind === 'init') visit(source.node, depth + 1);
        return undefined;
      });
    };
    for (const node of nodes) if (node !== undefined) visit(node, 0);
    return [...found].sort((a, b) => a - b);
  }

  /**
   * A higher-order wrapper: a function whose parameter `handler` is called, in the function it
   * returns, with the same client at the same position in every call
   * (`(handler) => async (req, res) => handler(req, res, google.gmail({ version: 'v1', auth }))`).
   */
  wrapperOf(fn: TSESTree.FunctionLike): { readonly handler: number; readonly argument: number; readonly client: ApiClient } | undefined {
    for (const [handler, param] of fn.params.entries()) {
      if (param.type !== AST_NODE_TYPES.Identifier) continue;
      const variable = this.env.findVariable(param);
      const calls = (variable?.references ?? []).map((reference) => reference.identifier.parent);
      if (calls.length === 0 || !calls.every((call) => call?.type === AST_NODE_TYPES.CallExpression)) continue;
      let found: { readonly handler: number; readonly argument: number; readonly client: ApiClient } | undefined;
      for (const call of calls as TSESTree.CallExpression[]) {
        const clients = call.arguments.flatMap((argument, index) => {
          const value = this.resolve(argument);
          return value.kind === 'resource' && value.path.length === 0 ? [{ handler, argument: index, client: value.client }] : [];
        });
        const [only, ...others] = clients;
        if (
          only === undefined ||
          others.length > 0 ||
          (found !== undefined && (found.argument !== only.argument || found.client !== only.client))
        )
          return undefined;
        found = only;
      }
      if (found !== undefined) return found;
    }
    return undefined;
  }

  /**
   * Direct calls of a function (or `new` of the class whose constructor it is), and
   * `promise.then(fn)`; anything else (stored, passed around) means we can't see every caller.
   */
  private callSitesOf(fn: TSESTree.FunctionLike): CallSite[] {
    const constructed = constructorClass(fn);
    const name =
      constructed !== undefined
        ? classNameOf(constructed)
        : fn.type === AST_NODE_TYPES.FunctionDeclaration
          ? fn.id
          : fn.parent?.type === AST_NODE_TYPES.VariableDeclarator && fn.parent.id.type === AST_NODE_TYPES.Identifier
            ? fn.parent.id
            : undefined;
    if (name === undefined || name === null) return this.callbackSitesOf(fn);
    // A class name also has an inner binding inside the class; callers use the outer one.
    const variable =
      constructed === undefined
        ? this.env.findVariable(name)
        : this.env.sourceCode.getDeclaredVariables(constructed).find((candidate) => candidate.scope.block !== constructed);
    if (variable === undefined) return [];
    const sites: CallSite[] = [];
    for (const reference of variable.references) {
      if (reference.init === true) continue;
      const identifier = reference.identifier;
      const parent = identifier.parent;
      if (constructed !== undefined) {
        if (parent?.type === AST_NODE_TYPES.NewExpression && parent.callee === identifier) sites.push({ kind: 'call', call: parent });
        else return [];
      } else if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === identifier) {
        sites.push({ kind: 'call', call: parent });
      } else if (
        parent?.type === AST_NODE_TYPES.CallExpression &&
        parent.arguments[0] === identifier &&
        parent.callee.type === AST_NODE_TYPES.MemberExpression &&
        memberKeyName(parent.callee) === 'then'
      ) {
        sites.push({ kind: 'then', promise: parent.callee.object });
      } else {
        return []; // exported, stored or passed around: we can't see every caller
      }
    }
    return sites;
  }

  /**
   * `handleTool(config, async (gmail) => gmail.users…)`: a callback passed to a local function
   * is called wherever that function calls the matching parameter (`apiCall(gmailClient)`).
   */
  private callbackSitesOf(fn: TSESTree.FunctionLike): CallSite[] {
    const call = fn.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression) return [];
    if (call.arguments[0] === fn && call.callee.type === AST_NODE_TYPES.MemberExpression && memberKeyName(call.callee) === 'then') {
      return [{ kind: 'then', promise: call.callee.object }];
    }
    const index = call.arguments.indexOf(fn as TSESTree.CallExpressionArgument);
    if (index === -1 || call.callee === fn) return [];
    const callee = this.resolve(call.callee);
    if (callee.kind !== 'function') return [];
    const param = callee.fn.params[index];
    if (param?.type !== AST_NODE_TYPES.Identifier) return [];
    const variable = this.env.findVariable(param);
    if (variable === undefined) return [];
    const sites: CallSite[] = [];
    for (const reference of variable.references) {
      const parent = reference.identifier.parent;
      if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === reference.identifier) {
        sites.push({ kind: 'call', call: parent });
      }
    }
    return sites;
  }

  /** The values several expressions may give, `null`/`undefined` ones left out (`cached ?? create()`). */
  private resolveAlternatives(nodes: readonly TSESTree.Node[], depth: number): GoogleValue[] {
    return nodes.filter((node) => !isNullish(node)).map((node) => this.resolve(node, depth));
  }

  /** Several possible values: known only when they agree on what they are. */
  private merge(values: readonly GoogleValue[]): GoogleValue {
    // `resolveAlternatives` drops `null`/`undefined` first; any other unknown one makes it unknown.
    if (values.length === 0 || values.some((value) => value.kind === 'unknown')) return UNKNOWN_VALUE;
    const first = values[0]!;
    if (values.length === 1) return first;
    if (values.every((value) => value.kind === 'auth')) return this.mergeAuth(values);
    if (values.every((value) => value.kind === 'passed-object'))
      return { kind: 'passed-object', candidates: values.flatMap((value) => value.candidates) };
    if (values.every((value) => value.kind === 'external-factory')) return mergeFactories(values);
    // Several clients (a conditional, a reassigned `let`): one value whose scopes are those of
    // whichever client it is at run time, i.e. what they all request.
    const sameResource = (value: GoogleValue): boolean =>
      value.kind === 'resource' &&
      first.kind === 'resource' &&
      value.client.api === first.client.api &&
      value.client.version === first.client.version &&
      value.path.join('.') === first.path.join('.');
    if (first.kind === 'resource' && values.every(sameResource)) {
      const clients: ApiClient[] = [];
      const add = (client: ApiClient): void => {
        if (client.alternatives !== undefined) client.alternatives.forEach(add);
        else if (!clients.includes(client) && !clients.some((known) => known.node === client.node && known.external === client.external))
          clients.push(client);
      };
      for (const value of values) if (value.kind === 'resource') add(value.client);
      if (clients.length === 1) return { kind: 'resource', client: clients[0]!, path: first.path };
      return {
        kind: 'resource',
        client: {
          api: first.client.api,
          version: first.client.version,
          node: clients[0]!.node,
          authNode: undefined,
          usesGlobalOptions: false,
          alternatives: clients,
        },
        path: first.path,
      };
    }
    return UNKNOWN_VALUE;
  }

  private mergeAuth(values: readonly GoogleValue[]): GoogleValue {
    // Flatten nested alternatives and keep each auth object once.
    const alternatives: AuthObject[] = [];
    const add = (auth: AuthObject): void => {
      if (auth.alternatives !== undefined) auth.alternatives.forEach(add);
      else if (!alternatives.some((known) => known.node === auth.node && known.external === auth.external)) alternatives.push(auth);
    };
    for (const value of values) if (value.kind === 'auth') add(value.auth);
    const first = alternatives[0]!;
    if (alternatives.length === 1) return { kind: 'auth', auth: first };
    return {
      kind: 'auth',
      auth: { node: first.node, kind: 'other', scopesNode: undefined, base: undefined, alternatives },
    };
  }

  /**
   * `req.gmail` in a route handler, set by a middleware registered before it in this file:
   * `app.use((req, res, next) => { req.gmail = google.gmail(…); next(); })` then
   * `app.post('/send', async (req, res) => req.gmail.users…)`, or an earlier argument of the same
   * route (`app.post('/send', attachGmail, handler)`). Known only when every assignment to `.gmail`
   * in the file is such a middleware's, on the same parameter (a request object); otherwise (a
   * middleware in another module, another writer) unknown, and the project inventory judges.
   */
  private requestProperty(node: TSESTree.MemberExpression, key: string, depth: number): GoogleValue {
    const reader = parameterOf(node.object, this.env);
    const route = reader?.fn.parent;
    if (reader === undefined || route?.type !== AST_NODE_TYPES.CallExpression || route.callee.type !== AST_NODE_TYPES.MemberExpression)
      return UNKNOWN_VALUE;
    const router = this.env.sourceCode.getText(route.callee.object);
    const handlerIndex = route.arguments.indexOf(reader.fn as TSESTree.CallExpressionArgument);
    // `app.delete('/x', fullGmail, handler)` with `fullGmail` imported (or anything not a function
    // of this file, whose writes are all seen): it may replace `req.gmail`.
    if (route.arguments.slice(0, handlerIndex).some((argument) => !this.isPathOrLocalFunction(argument, depth))) return UNKNOWN_VALUE;
    const assignments = this.memberAssignments.get(key) ?? [];
    if (assignments.length === 0) return UNKNOWN_VALUE;
    const values: TSESTree.Node[] = [];
    let firstRegistration = Infinity;
    for (const assignment of assignments) {
      const writer = assignment.operator === '=' ? parameterOf((assignment.left as TSESTree.MemberExpression).object, this.env) : undefined;
      const registered = writer === undefined ? undefined : this.registeredBefore(writer.fn, route, handlerIndex, router);
      if (writer === undefined || writer.index !== reader.index || registered === undefined) return UNKNOWN_VALUE;
      firstRegistration = Math.min(firstRegistration, registered);
      values.push(assignment.right);
    }
    // `router.use(imported)` between the first writer and the route: it may replace `req.gmail`.
    if (this.foreignMiddlewareBetween(router, firstRegistration, route.range[0], depth)) return UNKNOWN_VALUE;
    return this.merge(this.resolveAlternatives(values, depth));
  }

  /** A `router.use(…)` in `[from, to)` with a middleware that is no function of this file (imported, `express.json()`, another router). */
  private foreignMiddlewareBetween(router: string, from: number, to: number, depth: number): boolean {
    return this.env
      .callsNamed('use')
      .some(
        (call) =>
          call.range[0] >= from &&
          call.range[1] <= to &&
          call.callee.type === AST_NODE_TYPES.MemberExpression &&
          this.env.sourceCode.getText(call.callee.object) === router &&
          call.arguments.some((argument) => !this.isPathOrLocalFunction(argument, depth)),
      );
  }

  /** A route's path (`'/messages/:id'`, a RegExp, a template) or a function of this file. */
  private isPathOrLocalFunction(argument: TSESTree.CallExpressionArgument, depth: number): boolean {
    const node = unwrapExpression(argument);
    if (node.type === AST_NODE_TYPES.Literal || node.type === AST_NODE_TYPES.TemplateLiteral) return true;
    return argument.type !== AST_NODE_TYPES.SpreadElement && this.resolve(argument, depth).kind === 'function';
  }

  /**
   * A middleware passed before the handler in the same route call, or to `router.use(…)` earlier in
   * the file: where it is first registered (an offset in the file); undefined when it is not.
   */
  private registeredBefore(
    middleware: TSESTree.FunctionLike,
    route: TSESTree.CallExpression,
    handlerIndex: number,
    router: string,
  ): number | undefined {
    const passedAt: TSESTree.Node[] = [];
    const name =
      middleware.type === AST_NODE_TYPES.FunctionDeclaration
        ? middleware.id
        : middleware.parent?.type === AST_NODE_TYPES.VariableDeclarator && middleware.parent.id.type === AST_NODE_TYPES.Identifier
          ? middleware.parent.id
          : undefined;
    if (name === undefined || name === null) passedAt.push(middleware);
    else {
      const variable = this.env.findVariable(name);
      for (const reference of variable?.references ?? []) if (reference.init !== true) passedAt.push(reference.identifier);
    }
    const registrations = passedAt.filter((argument) => {
      const call = argument.parent;
      if (call?.type !== AST_NODE_TYPES.CallExpression || !call.arguments.includes(argument as TSESTree.CallExpressionArgument))
        return false;
      if (call === route) return call.arguments.indexOf(argument as TSESTree.CallExpressionArgument) < handlerIndex;
      return (
        call.callee.type === AST_NODE_TYPES.MemberExpression &&
        memberKeyName(call.callee) === 'use' &&
        this.env.sourceCode.getText(call.callee.object) === router &&
        call.range[1] <= route.range[0]
      );
    });
    return registrations.length === 0 ? undefined : Math.min(...registrations.map((argument) => argument.range[0]));
  }

  /** `this.gmail` → the class field initialiser or `this.gmail = …` in the class's methods. */
  private resolveThisField(node: TSESTree.MemberExpression, key: string, depth: number): GoogleValue {
    const classNode = enclosingClass(node);
    if (classNode === undefined) return UNKNOWN_VALUE;
    const writes: TSESTree.Node[] = [];
    for (const element of classNode.body.body) {
      if (
        element.type === AST_NODE_TYPES.PropertyDefinition &&
        !element.computed &&
        classKeyName(element.key) === key &&
        element.value !== null
      ) {
        writes.push(element.value);
      }
    }
    appendAll(writes, this.classFieldWrites.get(classNode)?.get(key) ?? []);
    // `this.gmail()`: a method of the class (a lazy getter of the client).
    const method = classNode.body.body.find(
      (element): element is TSESTree.MethodDefinition =>
        element.type === AST_NODE_TYPES.MethodDefinition &&
        (element.kind === 'method' || element.kind === 'get') &&
        !element.computed &&
        classKeyName(element.key) === key,
    );
    if (method !== undefined && writes.length === 0) {
      // `get gmail() { … }` is read as a value; a method is called.
      return method.kind === 'get' ? this.returnValue(method.value, depth) : { kind: 'function', fn: method.value };
    }
    const values = this.resolveAlternatives(writes, depth);
    // constructor(private readonly gmail: gmail_v1.Gmail) {}
    const constructorNode = classNode.body.body.find(
      (element): element is TSESTree.MethodDefinition => element.type === AST_NODE_TYPES.MethodDefinition && element.kind === 'constructor',
    );
    constructorNode?.value.params.forEach((param, index) => {
      if (
        param.type === AST_NODE_TYPES.TSParameterProperty &&
        param.parameter.type === AST_NODE_TYPES.Identifier &&
        param.parameter.name === key
      ) {
        values.push(this.resolveParameter(constructorNode.value, index, depth));
      }
    });
    if (values.length === 0 || values.every((value) => value.kind === 'unknown')) {
      // No visible writer: the declared type may still say it's a Gmail client.
      const declared = classNode.body.body.find(
        (element) => element.type === AST_NODE_TYPES.PropertyDefinition && !element.computed && classKeyName(element.key) === key,
      );
      if (declared !== undefined) return this.fromTypeAnnotation(declared, depth);
      const parameter = constructorNode?.value.params.find(
        (param): param is TSESTree.TSParameterProperty =>
          param.type === AST_NODE_TYPES.TSParameterProperty &&
          param.parameter.type === AST_NODE_TYPES.Identifier &&
          param.parameter.name === key,
      );
      if (parameter !== undefined) return this.fromTypeAnnotation(parameter.parameter, depth);
      return UNKNOWN_VALUE;
    }
    return this.merge(values);
  }

  private resolveCall(node: TSESTree.CallExpression, depth: number): GoogleValue {
    const callee = unwrapExpression(node.callee);
    const calleeValue = this.resolve(callee, depth);
    if (calleeValue.kind === 'module') {
      const role = moduleRole(calleeValue.module, calleeValue.path);
      if (role?.role === 'client-factory')
        return this.client(node, node.arguments[0], role.api, undefined, calleeValue.module === 'googleapis');
      if (role?.role === 'auth-call') return this.authCall(node, role.name, undefined);
      if (calleeValue.path.length === 0 && calleeValue.module === 'require') return UNKNOWN_VALUE;
      return UNKNOWN_VALUE;
    }
    if (calleeValue.kind === 'function') return this.returnValue(calleeValue.fn, depth);
    if (calleeValue.kind === 'external-factory') {
      // A wrapper returns a function, not a Google object.
      if (calleeValue.export.kind === 'client-wrapper') return UNKNOWN_VALUE;
      const made = (exported: ExportedGoogleValue): GoogleValue =>
        externalValue({ ...exported, kind: exported.kind === 'client-factory' ? 'client' : 'auth' } as ExportedGoogleValue, node);
      const alternatives = calleeValue.alternatives;
      if (alternatives === undefined) return made(calleeValue.export);
      return this.merge(alternatives.map(made));
    }
    if (callee.type === AST_NODE_TYPES.MemberExpression) {
      const method = memberKeyName(callee);
      if (method === 'bind') return this.resolve(callee.object, depth);
      // promise.then((client) => google.gmail({ auth: client })): the callback's return value.
      const first = node.arguments[0];
      if (
        method === 'then' &&
        (first?.type === AST_NODE_TYPES.ArrowFunctionExpression || first?.type === AST_NODE_TYPES.FunctionExpression)
      ) {
        return this.returnValue(first, depth);
      }
      const receiver = this.resolve(callee.object, depth);
      if (receiver.kind === 'auth' && method !== undefined) return this.authCall(node, method, receiver.auth);
    }
    return UNKNOWN_VALUE;
  }

  /** `auth.getClient()`, `google.auth.getClient({ scopes })`, `authenticate({ scopes })`, `fromJSON(…)`. */
  private authCall(node: TSESTree.CallExpression, name: string, base: AuthObject | undefined): GoogleValue {
    const options = node.arguments[0];
    switch (name) {
      case 'authenticate':
        return this.auth(node, 'local-auth', this.option(options, 'scopes'), undefined);
      case 'getClient':
      case 'getIdTokenClient':
        return this.auth(node, 'getClient', this.option(options, 'scopes'), base);
      case 'fromJSON':
        return this.auth(node, 'fromJSON', undefined, undefined);
      case 'fromAPIKey':
        return { kind: 'auth', auth: { node, kind: 'fromJSON', scopesNode: undefined, base: undefined, apiKey: true } };
      case 'createScopedClient':
      case 'createScoped':
        return this.auth(node, 'other', options, base);
      default:
        return UNKNOWN_VALUE;
    }
  }

  private resolveNew(node: TSESTree.NewExpression, depth: number): GoogleValue {
    const calleeValue = this.resolve(node.callee, depth);
    if (calleeValue.kind !== 'module') return UNKNOWN_VALUE;
    const role = moduleRole(calleeValue.module, calleeValue.path);
    if (role?.role === 'client-class') return this.client(node, node.arguments[0], role.api, role.version, false);
    if (role?.role !== 'auth-class') return UNKNOWN_VALUE;
    const first = node.arguments[0];
    if (role.kind === 'JWT' && first !== undefined && objectLiteralOf(first, this.env) === undefined) {
      // new JWT(email, keyFile, key, scopes, subject); an options constant (`new JWT(opts)`) is the options form.
      return this.auth(node, 'JWT', node.arguments[3], undefined);
    }
    const scopes = role.kind === 'OAuth2' ? undefined : this.option(first, 'scopes');
    const made = this.auth(node, role.kind, scopes, undefined);
    // `new OAuth2({ apiKey })`, `new JWT({ apiKey })` with no credentials of its own: an API key client.
    if (
      made.kind !== 'auth' ||
      this.option(first, 'apiKey') === undefined ||
      CREDENTIAL_OPTIONS.some((key) => this.option(first, key) !== undefined)
    ) {
      return made;
    }
    return { kind: 'auth', auth: { ...made.auth, apiKey: true } };
  }

  private auth(node: TSESTree.Node, kind: AuthKind, scopesNode: TSESTree.Node | undefined, base: AuthObject | undefined): GoogleValue {
    return { kind: 'auth', auth: { node, kind, scopesNode, base } };
  }

  /**
   * A client of `api`: `google.drive('v3')`, `google.drive({ version: 'v3', auth })`, `new drive_v3.Drive({ auth })`
   * (`classVersion`). Known only for a version the data has and the analysis checks; a version
   * that isn't written as a literal is known when the data has only one.
   */
  private client(
    node: TSESTree.Node,
    options: TSESTree.Node | undefined,
    api: string,
    classVersion: string | undefined,
    isGoogleapis: boolean,
  ): GoogleValue {
    const unwrapped = unwrapOrUndefined(options);
    // google.gmail('v1'), google.drive(`v3`), google.drive(VERSION): auth comes from google.options().
    const versionArgument =
      unwrapped === undefined || unwrapped.type === AST_NODE_TYPES.ObjectExpression ? undefined : evaluate(unwrapped, this.env);
    if (unwrapped?.type === AST_NODE_TYPES.Literal || versionArgument?.kind === 'string') {
      const map = versionArgument?.kind === 'string' ? getApiMap(api, versionArgument.value) : undefined;
      if (map === undefined) return UNKNOWN_VALUE;
      return {
        kind: 'resource',
        client: { api, version: map.version, node, authNode: undefined, usesGlobalOptions: isGoogleapis, globalOptionsApply: isGoogleapis },
        path: [],
      };
    }
    const versionNode = classVersion === undefined ? this.option(unwrapped, 'version') : undefined;
    // `version: 'v3'`, `version: 'v3' as const`, a template or a constant.
    const written = versionNode === undefined ? undefined : evaluate(versionNode, this.env);
    const version =
      classVersion ??
      (written?.kind === 'string'
        ? written.value
        : unwrapOrUndefined(versionNode)?.type === AST_NODE_TYPES.Literal
          ? undefined
          : onlyVersion(api));
    const map = version === undefined ? undefined : getApiMap(api, version);
    if (map === undefined) return UNKNOWN_VALUE;
    const authNode = this.option(unwrapped, 'auth');
    return {
      kind: 'resource',
      client: {
        api,
        version: map.version,
        node,
        authNode,
        usesGlobalOptions: isGoogleapis && authNode === undefined,
        globalOptionsApply: isGoogleapis,
      },
      path: [],
    };
  }

  /** `files.delete`, `files['delete']`, and `files[op]` with `const op = 'delete'`. */
  private memberKey(node: TSESTree.MemberExpression): string | undefined {
    const written = memberKeyName(node);
    if (written !== undefined || !node.computed) return written;
    const value = evaluate(node.property, this.env);
    return value.kind === 'string' ? value.value : undefined;
  }

  /** The value a local function returns, when all its `return`s agree. */
  returnValue(fn: TSESTree.FunctionLike, depth = 0): GoogleValue {
    if (fn.body === null || fn.body === undefined) return UNKNOWN_VALUE;
    if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return this.resolve(fn.body, depth);
    const returned: TSESTree.Node[] = [];
    collectReturns(fn.body, returned);
    if (returned.length === 0) return UNKNOWN_VALUE;
    return this.merge(this.resolveAlternatives(returned, depth));
  }

  /** The module role of a callee, for call sites that configure clients (`google.options`). */
  roleOf(node: TSESTree.Node): ModuleRole | undefined {
    const value = this.resolve(node);
    return value.kind === 'module' ? moduleRole(value.module, value.path) : undefined;
  }
}

/** The function and position of the parameter an expression names (`req` in `(req, res) => …`). */
function parameterOf(
  node: TSESTree.Node,
  env: FileEnvironment,
): { readonly fn: TSESTree.FunctionLike; readonly index: number } | undefined {
  const unwrapped = unwrapExpression(node);
  if (unwrapped.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = env.findVariable(unwrapped);
  const source = variable === undefined ? undefined : env.variableSource(variable);
  return source?.kind === 'parameter' ? { fn: source.fn, index: source.index } : undefined;
}

/** A Google object another module made, as a value here (`node` stands for it in this file). */
function externalValue(exported: ExportedGoogleValue, node: TSESTree.Node): GoogleValue {
  switch (exported.kind) {
    case 'client':
      return {
        kind: 'resource',
        client: {
          ...exported.api,
          node,
          authNode: undefined,
          usesGlobalOptions: false,
          external: exported.requested,
          apiKey: exported.apiKey,
        },
        path: [],
      };
    case 'auth':
      return { kind: 'auth', auth: { node, kind: 'other', scopesNode: undefined, base: undefined, external: exported.requested } };
    default:
      return { kind: 'external-factory', export: exported, node };
  }
}

/** One caller's argument as a value here; unknown when it is no Google object. */
function passedValue(passed: PassedValue | undefined, node: TSESTree.Node): GoogleValue {
  if (passed === undefined) return UNKNOWN_VALUE;
  if (passed.kind !== 'object') return externalValue(passed, node);
  const properties = new Map<string, GoogleValue>();
  for (const [key, value] of passed.properties) properties.set(key, externalValue(value, node));
  return { kind: 'passed-object', candidates: [properties] };
}

/** Factories passed by several callers: one value when they make the same kind of object (of the same API). */
function mergeFactories(values: readonly GoogleValue[]): GoogleValue {
  const exports = values.flatMap((value) => (value.kind === 'external-factory' ? (value.alternatives ?? [value.export]) : []));
  const first = exports[0]!;
  const sameKind = exports.every(
    (exported) =>
      exported.kind === first.kind &&
      (exported.kind !== 'client-factory' ||
        first.kind !== 'client-factory' ||
        (exported.api.api === first.api.api && exported.api.version === first.api.version)),
  );
  if (!sameKind || (first.kind !== 'client-factory' && first.kind !== 'auth-factory')) return UNKNOWN_VALUE;
  const node = values[0]!.kind === 'external-factory' ? values[0]!.node : undefined;
  return node === undefined ? UNKNOWN_VALUE : { kind: 'external-factory', export: first, node, alternatives: exports };
}

/** The name under which a function is exported in its own declaration: `export function f`, `export const f = () => …`, `export default function`. */
function exportedFunctionName(fn: TSESTree.FunctionLike): { readonly name: string; readonly id: TSESTree.Identifier } | undefined {
  const parent = fn.parent;
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration && fn.id !== null) {
    if (parent?.type === AST_NODE_TYPES.ExportNamedDeclaration) return { name: fn.id.name, id: fn.id };
    if (parent?.type === AST_NODE_TYPES.ExportDefaultDeclaration) return { name: 'default', id: fn.id };
    return undefined;
  }
  if (
    (fn.type === AST_NODE_TYPES.ArrowFunctionExpression || fn.type === AST_NODE_TYPES.FunctionExpression) &&
    parent?.type === AST_NODE_TYPES.VariableDeclarator &&
    parent.init === fn &&
    parent.id.type === AST_NODE_TYPES.Identifier &&
    parent.parent.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration
  ) {
    return { name: parent.id.name, id: parent.id };
  }
  return undefined;
}

/** The API's version when the data has exactly one (`google.gmail({ version, auth })` with `version` unknown). */
function onlyVersion(api: string): string | undefined {
  const versions = Object.keys(getApiProfile(api)?.versions ?? {});
  return versions.length === 1 ? versions[0] : undefined;
}

/** A client known from a declared type: its auth is unknown. */
function typedClient(node: TSESTree.Node, map: ApiMap): ApiClient {
  return { api: map.api, version: map.version, node, authNode: undefined, usesGlobalOptions: false };
}

/** `drive_v3` → its client class name (`Drive`), from the profile; `''` when the namespace is not an API's. */
function classNameOfNamespace(namespace: string | undefined): string {
  if (namespace === undefined) return '';
  for (let cut = namespace.indexOf('_'); cut > 0; cut = namespace.indexOf('_', cut + 1)) {
    const version: VersionProfile | undefined = getApiProfile(namespace.slice(0, cut))?.versions[namespace.slice(cut + 1)];
    if (version?.namespace === namespace) return version.className;
  }
  return '';
}

/** A class member's name as `memberKeyName` reads it: `gmail`, or `#gmail` for a private one. */
function classKeyName(key: TSESTree.Node): string | undefined {
  if (key.type === AST_NODE_TYPES.Identifier) return key.name;
  return key.type === AST_NODE_TYPES.PrivateIdentifier ? `#${key.name}` : undefined;
}

function unwrapOrUndefined(node: TSESTree.Node | undefined): TSESTree.Node | undefined {
  return node === undefined ? undefined : unwrapExpression(node);
}

/** `return x` statements of a function body, not of nested functions. */
function collectReturns(node: TSESTree.Node, out: TSESTree.Node[]): void {
  switch (node.type) {
    case AST_NODE_TYPES.ReturnStatement:
      if (node.argument !== null) out.push(node.argument);
      return;
    case AST_NODE_TYPES.FunctionDeclaration:
    case AST_NODE_TYPES.FunctionExpression:
    case AST_NODE_TYPES.ArrowFunctionExpression:
    case AST_NODE_TYPES.ClassDeclaration:
    case AST_NODE_TYPES.ClassExpression:
      return;
    case AST_NODE_TYPES.BlockStatement:
      for (const statement of node.body) collectReturns(statement, out);
      return;
    case AST_NODE_TYPES.IfStatement:
      collectReturns(node.consequent, out);
      if (node.alternate !== null) collectReturns(node.alternate, out);
      return;
    case AST_NODE_TYPES.TryStatement:
      collectReturns(node.block, out);
      if (node.handler !== null) collectReturns(node.handler.body, out);
      if (node.finalizer !== null) collectReturns(node.finalizer, out);
      return;
    case AST_NODE_TYPES.ForStatement:
    case AST_NODE_TYPES.ForInStatement:
    case AST_NODE_TYPES.ForOfStatement:
    case AST_NODE_TYPES.WhileStatement:
    case AST_NODE_TYPES.DoWhileStatement:
    case AST_NODE_TYPES.LabeledStatement:
      collectReturns(node.body, out);
      return;
    case AST_NODE_TYPES.SwitchStatement:
      for (const switchCase of node.cases) for (const statement of switchCase.consequent) collectReturns(statement, out);
      return;
    default:
      return;
  }
}

/** The class whose `this` an expression refers to (arrow functions see through; other functions don't, unless methods). */
export function enclosingClass(node: TSESTree.Node): TSESTree.ClassDeclaration | TSESTree.ClassExpression | undefined {
  let current: TSESTree.Node | undefined = node.parent;
  while (current !== undefined && current !== null) {
    if (current.type === AST_NODE_TYPES.ClassBody) {
      const parent = current.parent;
      return parent.type === AST_NODE_TYPES.ClassDeclaration || parent.type === AST_NODE_TYPES.ClassExpression ? parent : undefined;
    }
    if (
      (current.type === AST_NODE_TYPES.FunctionExpression || current.type === AST_NODE_TYPES.FunctionDeclaration) &&
      current.parent?.type !== AST_NODE_TYPES.MethodDefinition &&
      current.parent?.type !== AST_NODE_TYPES.PropertyDefinition
    ) {
      return undefined;
    }
    current = current.parent;
  }
  return undefined;
}

export { moduleRole };
export type { ModuleRole };
