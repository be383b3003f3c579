import path from 'node:path';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { Collected } from './collect.ts';
import { detectRestCall, RestHelpers } from './rest-calls.ts';
import type { RestCall, RestContext } from './rest-calls.ts';
import { analysedApiMaps, getApiMap, isAnalysedApiVersion, methodLeafNames, startFileWorkingSet } from '../scopes/api-map.ts';
import { apiOfNamespace, getApiProfile } from '../scopes/apis-data.ts';
import { isApiClientPackage, packageName } from './api-modules.ts';
import type { ApiMap } from '../scopes/api-map.ts';
import { FileEnvironment, isExported } from '../core/file-environment.ts';
import { isWrittenByObjectMethod, MUTATING_METHODS } from '../core/mutations.ts';
import { GoogleValueResolver } from './google-values.ts';
import type { AuthObject, ExportedGoogleValue, ApiClient, ApiVersionRef, PassedValue } from './google-values.ts';
import { possibleImporters, projectFilesMatching } from '../core/importers.ts';
import { isWrittenByImporters } from '../core/imported-writes.ts';
import { projectRoot } from './project/project-files.ts';
import { projectInventory } from './project/project-inventory.ts';
import { describeSites } from './project/judge.ts';
import { walk } from '../core/ast-walk.ts';
import type { VisitorKeys } from '../core/ast-walk.ts';
import { exportTable } from '../core/export-table.ts';
import type { ExportTable } from '../core/export-table.ts';
import { moduleView } from '../core/module-record.ts';
import { resolveModule } from '../core/resolve.ts';
import type { FileBoundary } from '../core/file-boundary.ts';
import { mentionsGoogleApis, writtenApiNamespaces } from './file-gate.ts';
import { typeServices } from './typed-calls.ts';
import { collect, SCOPE_LIKE } from './collect.ts';
import type { PluginSettings } from './settings.ts';
import { describeSource, locationOf, scopeSourceOf, traceDeclaration, unionSources } from './scope-sources.ts';
import type { ScopeSource } from './scope-sources.ts';
import {
  calleeName,
  evaluateWithOrigin,
  findProperty,
  memberKeyName,
  NO_ORIGIN,
  objectLiteralOf,
  propertyKeyName,
  splitScopeString,
  toScopeList,
  unwrapExpression,
} from '../core/static-value.ts';
import { callShape } from './call-params.ts';
import type { OptionsLayer } from './call-params.ts';
import { joinWords } from '../utils/join-words.ts';
import { isRequest, ScopeRequestClassifier } from './scope-requests.ts';
import type { ApiCall } from './facts.ts';
import type { Analysis } from './analysis.ts';
import { CallDetector, isTwoNameRootCall, mayBeApiCall } from './call-detection.ts';
import type { DetectedCall } from './call-detection.ts';
import { mailProtocolCalls } from './project/mail-protocols.ts';
import { consentUrlRequests, feedsOnlyServiceAccounts } from './project/file-requests.ts';
import { isApiKeyValue } from './api-key.ts';
import { bearerTokenOrigin } from './bearer-token.ts';
import { MAX_TRACE_DEPTH } from '../core/limits.ts';

/**
 * Computes one file's facts (see ./facts.ts): the calls, the auth objects, and the scopes that
 * reach each call. Also answers, for files that import this one, which Google objects it exports.
 */
/**
 * The options a client of this file was made with (`google.drive({ version, auth, params })`):
 * their `params` reach every request (see callShape). A client made elsewhere, or one of several,
 * adds none here.
 */
function clientOptions(client: ApiClient | undefined): TSESTree.Node | undefined {
  const node = client?.external === undefined && client?.alternatives === undefined ? client?.node : undefined;
  return node?.type === AST_NODE_TYPES.CallExpression || node?.type === AST_NODE_TYPES.NewExpression ? node.arguments[0] : undefined;
}

/** Whether `google.options(…)` reaches a client's requests: made by googleapis' `google` object (each one, for several). */
function globalOptionsApply(client: ApiClient): boolean {
  if (client.alternatives !== undefined) return client.alternatives.every(globalOptionsApply);
  return client.external === undefined && client.globalOptionsApply === true;
}

/** A SCREAMING_CASE code (`INVALID_MODIFICATION_SCOPE`): no Google scope is written like this. */
const ENUM_CODE = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/;

export class Analyzer {
  private readonly env: FileEnvironment;
  private readonly collected: Collected;
  private readonly resolver: GoogleValueResolver;
  private readonly authSourceCache = new Map<AuthObject, ScopeSource | undefined>();
  private fileScopeParts: FileScopeParts | undefined;
  private readonly fileScopesCache = new Map<string, ScopeSource | undefined>();
  private requestsCache: ScopeRequestClassifier | undefined;
  private tokenRequestsCache: Map<TSESTree.Node, AuthObject | undefined> | undefined;
  private readonly calls: CallDetector;
  private readonly rest: RestContext;
  private readonly restHelpers: RestHelpers;

  constructor(
    private readonly sourceCode: Readonly<TSESLint.SourceCode>,
    private readonly filename: string,
    private readonly boundary: FileBoundary,
    private readonly settings: PluginSettings,
  ) {
    this.collected = collect(sourceCode);
    this.env = new FileEnvironment(
      sourceCode,
      filename,
      boundary,
      this.collected.calls,
      // Only for the linted file (its settings): a module's cached view would not see a new writer.
      settings === NESTED_SETTINGS || settings === NESTED_LOCAL_SETTINGS || !settings.project
        ? undefined
        : (file, name) => {
            const project = projectRoot(filename, boundary);
            return project === undefined ? false : isWrittenByImporters(file, name, project, boundary);
          },
    );
    this.resolver = new GoogleValueResolver(
      this.env,
      this.collected.classFieldWrites,
      (specifier, name) => lookupModuleExport(filename, specifier, name, boundary, settings.project),
      (name) => callersOf(filename, name, boundary, settings.project),
      this.collected.memberAssignments,
    );
    this.calls = new CallDetector(sourceCode, this.env, this.resolver);
    this.rest = { env: this.env, memberAssignments: this.collected.memberAssignments };
    this.restHelpers = new RestHelpers(this.rest, this.collected.calls, this.resolver);
  }

  /**
   * The Google objects this module exports (for files that import them): clients, auth objects,
   * factories. Reads the module's export table (src/core/export-table.ts), the one its constants
   * come from too; `exportsOf` gives what another module exports (re-exports, `export *`).
   */
  exportedGoogleValues(exportsOf: (specifier: string) => ReadonlyMap<string, ExportedGoogleValue>): Map<string, ExportedGoogleValue> {
    const table = exportTable(this.sourceCode.ast);
    const result = new Map<string, ExportedGoogleValue>();
    const record = (name: string, exported: ExportedGoogleValue | undefined): void => {
      if (exported !== undefined) result.set(name, exported);
    };
    const moduleExports = table.moduleExports === undefined ? undefined : unwrapExpression(table.moduleExports);
    if (moduleExports?.type === AST_NODE_TYPES.ObjectExpression) {
      for (const property of moduleExports.properties) {
        const key = property.type === AST_NODE_TYPES.Property ? propertyKeyName(property) : undefined;
        if (property.type === AST_NODE_TYPES.Property && key !== undefined) record(key, this.classifyExport(property.value));
      }
    } else if (moduleExports !== undefined) {
      record('default', this.classifyExport(moduleExports));
    }
    for (const [name, entry] of table.exports) {
      if (entry.kind === 'binding' || entry.kind === 'expression') record(name, this.classifyExport(entry.node));
      else if (entry.kind === 'reexport') record(name, exportsOf(entry.specifier).get(entry.name));
    }
    for (const specifier of table.starExports) {
      for (const [name, exported] of exportsOf(specifier)) if (name !== 'default' && !result.has(name)) record(name, exported);
    }
    return result;
  }

  /**
   * How this module calls the exported functions of `target` (another module of the project):
   * the Google objects it passes, per call. A use that isn't a plain call (a re-export, the
   * function stored or passed on, a dynamic `import()`) makes that export's callers unknowable.
   */
  passedArguments(target: string): PassedByModule {
    const calls = new Map<string, (PassedValue | undefined)[][]>();
    const opaque = new Set<string>();
    let allOpaque = false;
    const toTarget = (specifier: unknown): boolean =>
      typeof specifier === 'string' && resolveModule(this.filename, specifier, this.boundary) === target;
    const record = (name: string, call: TSESTree.CallExpression): void => {
      if (call.arguments.some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)) {
        opaque.add(name);
        return;
      }
      let list = calls.get(name);
      if (list === undefined) calls.set(name, (list = []));
      list.push(call.arguments.map((argument) => this.classifyPassed(argument)));
    };
    const bindings = (declaration: TSESTree.Node): void => {
      for (const variable of this.sourceCode.getDeclaredVariables(declaration)) {
        const source = this.env.variableSource(variable);
        if (source?.kind !== 'module' || source.path.length > 1) {
          allOpaque = true;
          continue;
        }
        const name = source.path[0];
        for (const reference of variable.references) {
          if (reference.init === true) continue;
          const identifier = reference.identifier;
          const parent = identifier.parent;
          if (name !== undefined) {
            if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === identifier) record(name, parent);
            else opaque.add(name);
            continue;
          }
          // A namespace: `tools.registerGmailTools(…)`
          const key = parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === identifier ? memberKeyName(parent) : undefined;
          const call = parent?.parent;
          if (key !== undefined && call?.type === AST_NODE_TYPES.CallExpression && call.callee === parent) record(key, call);
          else allOpaque = true;
        }
      }
    };
    const visitModuleReference = (node: TSESTree.Node): void => {
      switch (node.type) {
        case AST_NODE_TYPES.ImportDeclaration:
          if (toTarget(node.source.value)) bindings(node);
          return;
        case AST_NODE_TYPES.ExportAllDeclaration:
          if (toTarget(node.source.value)) allOpaque = true;
          return;
        case AST_NODE_TYPES.ExportNamedDeclaration:
          if (node.source !== null && toTarget(node.source.value)) {
            for (const specifier of node.specifiers)
              opaque.add(specifier.local.type === AST_NODE_TYPES.Identifier ? specifier.local.name : String(specifier.local.value));
          }
          return;
        case AST_NODE_TYPES.ImportExpression:
          // `await import('./tools.js')`: whatever is done with it can't be followed.
          if (node.source.type === AST_NODE_TYPES.Literal && toTarget(node.source.value)) allOpaque = true;
          return;
        case AST_NODE_TYPES.CallExpression: {
          const first = node.arguments[0];
          if (node.callee.type !== AST_NODE_TYPES.Identifier || node.callee.name !== 'require' || first?.type !== AST_NODE_TYPES.Literal)
            return;
          if (!toTarget(first.value)) return;
          if (node.parent?.type === AST_NODE_TYPES.VariableDeclarator && node.parent.init === node) bindings(node.parent);
          else allOpaque = true;
          return;
        }
        default:
          return;
      }
    };
    walk(this.sourceCode.ast, this.sourceCode.visitorKeys as VisitorKeys, true, (node) => {
      visitModuleReference(node);
      return true;
    });
    const plain = new Map<string, (PassedValue | undefined)[][]>();
    for (const [name, list] of calls)
      plain.set(
        name,
        list.map((args) => args.map((passed) => plainPassed(passed, this.filename))),
      );
    return { allOpaque, opaque, calls: plain };
  }

  /**
   * What this module's `google.options({ auth })` calls request, one source per call (an options
   * call without `auth` sets none); undefined when one can't be known (an auth it can't trace, an
   * options object it can't see into).
   */
  globalOptionsSources(): ScopeSource[] | undefined {
    const sources: ScopeSource[] = [];
    for (const call of this.collected.calls) {
      if (this.resolver.roleOf(call.callee)?.role !== 'google-options') continue;
      const options = call.arguments[0];
      if (options === undefined || objectLiteralOf(options, this.env) === undefined) return undefined;
      const authNode = this.resolver.option(options, 'auth');
      if (authNode === undefined) continue;
      const value = this.resolver.resolve(authNode);
      const source = value.kind === 'auth' ? this.authSource(value.auth) : undefined;
      if (source === undefined) return undefined;
      sources.push(plainSource(source, this.filename));
    }
    return sources;
  }

  /** An argument this module passes: a Google object, or an options object whose properties are. */
  private classifyPassed(node: TSESTree.Node): PassedValue | undefined {
    if (node.type === AST_NODE_TYPES.SpreadElement) return undefined;
    const unwrapped = unwrapExpression(node);
    if (unwrapped.type !== AST_NODE_TYPES.ObjectExpression) return this.classifyExport(unwrapped);
    const properties = new Map<string, ExportedGoogleValue>();
    // A spread may set any property: none is known.
    if (unwrapped.properties.some((property) => property.type === AST_NODE_TYPES.SpreadElement)) return { kind: 'object', properties };
    for (const property of unwrapped.properties) {
      const key = property.type === AST_NODE_TYPES.Property ? propertyKeyName(property) : undefined;
      if (key === undefined || property.type !== AST_NODE_TYPES.Property) continue;
      const value = this.classifyExport(property.value);
      if (value === undefined) properties.delete(key);
      else properties.set(key, value);
    }
    return { kind: 'object', properties };
  }

  private classifyExport(node: TSESTree.Node): ExportedGoogleValue | undefined {
    let value = this.resolver.resolve(node);
    let factory = false;
    if (value.kind === 'function' || node.type === AST_NODE_TYPES.FunctionDeclaration) {
      const fn = value.kind === 'function' ? value.fn : (node as TSESTree.FunctionDeclaration);
      // `withGmail(handler)`: hands its handler a client.
      const wrapper = this.resolver.wrapperOf(fn);
      if (wrapper !== undefined) {
        const { api, version } = wrapper.client;
        const requested = this.requestedFor(wrapper.client);
        const apiKey = this.keyClient(wrapper.client);
        // `(handler, scopes = READONLY) => … new GoogleAuth({ scopes })`: a caller may pass its own.
        const auth = this.clientAuth(wrapper.client);
        const scopeParameters = this.resolver.parametersRead(fn, [wrapper.client.authNode, auth?.node, auth?.scopesNode]);
        const scopesNode = auth?.scopesNode === undefined ? undefined : unwrapExpression(auth.scopesNode);
        const variable = scopesNode?.type === AST_NODE_TYPES.Identifier ? this.env.findVariable(scopesNode) : undefined;
        const scopesBinding = variable === undefined ? undefined : this.env.variableSource(variable);
        const scopesParameter = scopesBinding?.kind === 'parameter' && scopesBinding.fn === fn ? scopesBinding.index : undefined;
        return {
          kind: 'client-wrapper',
          handler: wrapper.handler,
          argument: wrapper.argument,
          requested,
          api: { api, version },
          apiKey,
          ...(scopeParameters.length > 0 ? { scopeParameters } : {}),
          ...(scopesParameter === undefined ? {} : { scopesParameter }),
        };
      }
      value = this.resolver.returnValue(fn);
      factory = true;
    }
    if (value.kind === 'resource' && value.path.length === 0) {
      const { api, version } = value.client;
      const apiKey = this.keyClient(value.client);
      return { kind: factory ? 'client-factory' : 'client', requested: this.requestedFor(value.client), api: { api, version }, apiKey };
    }
    if (value.kind === 'auth') {
      // An auth object whose consent scopes this module requests elsewhere (a generateAuthUrl in
      // a helper that receives the client): the module's own scope declarations.
      return { kind: factory ? 'auth-factory' : 'auth', requested: this.authSource(value.auth) ?? this.fileScopes() };
    }
    return undefined;
  }

  run(): Analysis {
    // The API maps this file uses stay built for its whole lint (rules included).
    startFileWorkingSet();
    const calls: ApiCall[] = [];
    const authObjects = new Map<AuthObject, ScopeSource | undefined>();
    const retry: TSESTree.CallExpression[] = [];
    const record = (node: TSESTree.CallExpression, found: DetectedCall | undefined): boolean => {
      if (found === undefined) return false;
      // An API-key request carries no OAuth token: no scope applies, it is no call to judge.
      if (this.sendsApiKey(found)) return true;
      calls.push({
        ...found,
        node,
        shape: callShape(found.paramsNode, this.env, this.optionLayers(found)),
        via: 'client',
        requested: this.requestedForCall(found),
      });
      return true;
    };
    // Calls the cheap name test turned away: they may end in a method name only an API outside
    // the registry has (`objects.rewrite` of Cloud Storage), asked again below.
    const unnamed: TSESTree.CallExpression[] = [];
    for (const node of this.collected.calls) {
      let rest: RestCall | undefined;
      const named = mayBeApiCall(node);
      if (named) {
        if (record(node, this.calls.detect(node))) continue;
        if (isTwoNameRootCall(node)) retry.push(node);
        rest = detectRestCall(node, this.rest);
      }
      // `gmailFetch('/messages/batchDelete', token)`: a call of a function that makes the request.
      rest ??= this.restHelpers.detect(node);
      if (!named && rest === undefined) unnamed.push(node);
      if (rest !== undefined) {
        calls.push({
          node,
          method: rest.method,
          client: undefined,
          paramsNode: undefined,
          shape: rest.shape,
          via: 'rest',
          requested: this.restRequested(node, rest),
        });
      }
    }
    // `x.users.getProfile()` before the `x.users.messages.…` call that shows which API's client x is.
    for (const node of retry) record(node, this.calls.detect(node));
    // Gmail's SMTP/IMAP with an OAuth token: operations that accept only https://mail.google.com/.
    for (const { node, method } of mailProtocolCalls(this.collected.calls, this.collected.news, this.env)) {
      calls.push({
        node,
        method,
        client: undefined,
        paramsNode: undefined,
        shape: {},
        via: 'mail',
        requested: this.fileScopes() ?? this.settingsScopes(),
      });
    }
    const dataApis = new Map<string, ApiMap | undefined>();
    const noteDataApi = ({ api, version }: ApiVersionRef): void => {
      const key = `${api}:${version}`;
      if (!dataApis.has(key) && !isAnalysedApiVersion(api, version)) dataApis.set(key, getApiMap(api, version));
    };
    for (const node of this.googleObjectCandidates()) {
      const value = this.resolver.resolve(node);
      if (value.kind === 'auth' && value.auth.node === node) authObjects.set(value.auth, this.authSource(value.auth));
      if (value.kind === 'resource') noteDataApi(value.client);
    }
    // Phase 3 (issue 15): the API versions outside the registry that the file names (a client it
    // makes, `google.storage('v1')`; a typings namespace it imports, `storage_v1`; a call found
    // through another of their names) make their method names worth resolving; nothing else
    // does, so other files pay nothing.
    for (const call of calls) noteDataApi(call.method);
    for (const namespace of importedNamespaces(this.sourceCode.ast)) noteDataApi(namespace);
    // With type information, a namespace written anywhere in the code (`objects: storage_v1.Resource$Objects`
    // with `storage_v1` from a module of the project): the checker knows where it comes from.
    if (typeServices(this.sourceCode) !== undefined) for (const namespace of writtenApiNamespaces(this.sourceCode)) noteDataApi(namespace);
    const dataNames = new Set([...dataApis.values()].flatMap((map) => (map === undefined ? [] : [...methodLeafNames(map)])));
    for (const node of unnamed) {
      const name = calleeName(unwrapExpression(node.callee));
      if (name !== undefined && dataNames.has(name)) record(node, this.calls.detect(node, dataNames));
    }
    return {
      calls,
      env: this.env,
      resolver: this.resolver,
      authObjects: [...authObjects].map(([auth, source]) => ({ auth, source })),
      fileScopes: this.fileScopes(),
      scopeStrings: this.collected.scopeStrings,
      feedsMailProtocol: this.collected.feedsMailProtocol,
      requestUse: (node) => this.requests().useOf(node),
      tokenRequests: () => this.tokenRequests(),
      settings: this.settings,
    };
  }

  /** The classifier of scope requests, with the Google token requests this file makes as its sinks. */
  private requests(): ScopeRequestClassifier {
    if (this.requestsCache !== undefined) return this.requestsCache;
    this.requestsCache = new ScopeRequestClassifier(this.env, new Set(this.tokenRequests().keys()));
    return this.requestsCache;
  }

  /**
   * The expressions this file hands to Google token requests (auth objects' `scopes`,
   * `generateAuthUrl({ scope })`, `auth.scopes = …`), each with the auth object it asks for (the
   * root of a `getClient()` chain; undefined: a consent URL on a receiver that isn't traced).
   */
  private tokenRequests(): Map<TSESTree.Node, AuthObject | undefined> {
    if (this.tokenRequestsCache !== undefined) return this.tokenRequestsCache;
    const sinks = new Map<TSESTree.Node, AuthObject | undefined>();
    for (const node of this.googleObjectCandidates()) {
      const value = this.resolver.resolve(node);
      if (value.kind === 'auth' && value.auth.node === node && value.auth.scopesNode !== undefined)
        sinks.set(value.auth.scopesNode, rootAuth(value.auth));
    }
    for (const call of this.collected.calls) {
      const callee = call.callee;
      if (callee.type !== AST_NODE_TYPES.MemberExpression || memberKeyName(callee) !== 'generateAuthUrl') continue;
      const scope = findProperty(unwrapExpression(call.arguments[0] ?? call), 'scope')?.value;
      if (scope === undefined) continue;
      const receiver = this.resolver.resolve(callee.object);
      sinks.set(scope, receiver.kind === 'auth' ? rootAuth(receiver.auth) : undefined);
    }
    for (const { object, value } of this.collected.scopesAssignments) {
      const target = this.resolver.resolve(object);
      if (target.kind === 'auth') sinks.set(value, rootAuth(target.auth));
    }
    return (this.tokenRequestsCache = sinks);
  }

  /** Whether a scope declaration the walk collected requests scopes (a `*SCOPES` constant whose only uses are checks does not). */
  private declarationRequests(extent: TSESTree.Node): boolean {
    if (extent.type !== AST_NODE_TYPES.VariableDeclarator) return true;
    // The name says it holds scopes: a request unless every use is a check (`granted.includes(REQUIRED_SCOPE)`).
    return this.requests().useOfDeclarator(extent) !== 'check';
  }

  /** `new X(…)` and the calls that can make a client or an auth object (by name, before any resolving). */
  private googleObjectCandidates(): (TSESTree.CallExpression | TSESTree.NewExpression)[] {
    return [...this.collected.news, ...this.collected.calls.filter(mayMakeGoogleObject)];
  }

  /**
   * The options objects under a call's own parameters, lowest precedence first (see callShape):
   * `google.options(…)` for a client made by googleapis' `google` object, the client's options,
   * the call's second argument.
   */
  private optionLayers(found: DetectedCall): OptionsLayer[] {
    const client = found.client;
    const global = client !== undefined && globalOptionsApply(client) ? this.globalOptionsLayer() : undefined;
    return [global, clientOptions(client), found.optionsNode];
  }

  private globalOptionsLayerCache: OptionsLayer | null = null;

  /**
   * This file's `google.options(…)`: each call replaces the options of the last (googleapis
   * build/src/googleapis.js:54 `this._options = options || {}`), so with several that set
   * `params` (or can't be read) any of them may be in force: unknown.
   */
  private globalOptionsLayer(): OptionsLayer {
    if (this.globalOptionsLayerCache !== null) return this.globalOptionsLayerCache;
    const layers: OptionsLayer[] = [];
    for (const call of this.collected.calls) {
      if (this.resolver.roleOf(call.callee)?.role !== 'google-options') continue;
      const options = call.arguments[0];
      const literal = options === undefined ? undefined : objectLiteralOf(options, this.env);
      // `google.options({ auth })`: no parameter set; options it can't read may set any (an `auth` too).
      if (options !== undefined && literal === undefined) layers.push('unknown');
      else if (literal !== undefined && findProperty(literal, 'params') !== undefined) layers.push(literal);
    }
    this.globalOptionsLayerCache = layers.length <= 1 ? layers[0] : 'unknown';
    return this.globalOptionsLayerCache;
  }

  /**
   * `send({ userId, auth: other })`, `files.delete({ fileId }, { auth: other })`: a per-request auth
   * wins over the client's (googleapis-common 9.3.1 build/src/apirequest.js:93
   * `params.auth || options.auth`, options merged over the client's and `google.options`). An
   * `auth` in the `params` of an options layer (`google.options({ params: { auth } })`) is merged
   * into the call's parameters, so it wins too; `'unknown'` when a layer's `params` can't be read.
   * Either object may be held by a `const` (review 3 H4).
   */
  private perCallAuth(found: DetectedCall): TSESTree.Node | 'unknown' | undefined {
    const own = this.resolver.readOption(found.paramsNode, 'auth');
    if (own !== undefined) return own;
    // Options the analysis can't read may set `auth`, or `params` with one (review 4 H6).
    const options = this.resolver.readOption(found.optionsNode, 'auth');
    if (options === 'unknown') return 'unknown';
    for (const layer of this.optionLayers(found).reverse()) {
      if (layer === 'unknown') return 'unknown';
      const params = this.resolver.option(layer, 'params');
      if (params === undefined) continue;
      if (objectLiteralOf(params, this.env) === undefined) return 'unknown';
      const auth = this.resolver.option(params, 'auth');
      if (auth !== undefined) return auth;
    }
    return options;
  }

  /**
   * The scopes of a REST call: its receiver's (`auth.request(…)`), else its bearer token's auth
   * (`await auth.getAccessToken()`); a token from another function or module is unknown (it may
   * be another credential's: review 3 H8); else the file's requests, else settings.
   */
  private restRequested(node: TSESTree.CallExpression, rest: RestCall): ScopeSource | undefined {
    const receiver = rest.receiver === undefined ? undefined : this.resolver.resolve(rest.receiver);
    if (receiver?.kind === 'auth') {
      const source = this.authSource(receiver.auth);
      if (source !== undefined) return source;
    } else {
      const token = bearerTokenOrigin(node, this.env);
      if (token.kind === 'elsewhere') return undefined;
      if (token.kind === 'auth') {
        const value = this.resolver.resolve(token.auth);
        if (value.kind !== 'auth') return undefined;
        const source = this.authSource(value.auth);
        if (source !== undefined) return source;
      }
    }
    return this.fileScopes(getApiMap(rest.method.api, rest.method.version)) ?? this.settingsScopes();
  }

  private requestedForCall(found: DetectedCall): ScopeSource | undefined {
    const authNode = this.perCallAuth(found);
    if (authNode === 'unknown') return undefined;
    if (authNode === undefined) return this.requestedFor(found.client);
    const value = this.resolver.resolve(authNode);
    // An auth we can't trace here could request anything: unknown, never the client's scopes.
    return value.kind === 'auth' ? this.authSource(value.auth) : undefined;
  }

  /**
   * Whether the call sends an API key and no OAuth token (googleapis-common 9.3.1
   * build/src/apirequest.js:147-150 turns a string auth into the `key` parameter): its auth is a
   * string (./api-key.ts), or it passes `key` itself with no OAuth auth on its client.
   */
  private sendsApiKey(found: DetectedCall): boolean {
    const authNode = this.perCallAuth(found);
    if (authNode === 'unknown') return false;
    if (authNode !== undefined) return this.isApiKeyAuth(authNode);
    const client = found.client;
    if (client !== undefined && this.keyClient(client)) return true;
    const passesKey = findProperty(found.paramsNode === undefined ? undefined : unwrapExpression(found.paramsNode), 'key') !== undefined;
    if (!passesKey) return false;
    return (
      client === undefined || (client.external === undefined && client.alternatives === undefined && this.clientAuth(client) === undefined)
    );
  }

  /** A client whose auth is an API key: `google.youtube({ version, auth: process.env.KEY })`, `google.options({ auth: 'AIza…' })`. */
  private keyClient(client: ApiClient): boolean {
    if (client.apiKey === true) return true;
    if (client.alternatives !== undefined) return client.alternatives.every((alternative) => this.keyClient(alternative));
    if (client.authNode !== undefined) return this.isApiKeyAuth(client.authNode);
    if (!client.usesGlobalOptions) return false;
    const auths: TSESTree.Node[] = [];
    for (const call of this.collected.calls) {
      if (this.resolver.roleOf(call.callee)?.role !== 'google-options') continue;
      const auth = findProperty(unwrapExpression(call.arguments[0] ?? call), 'auth')?.value;
      if (auth !== undefined) auths.push(auth);
    }
    return auths.length > 0 && auths.every((auth) => this.isApiKeyAuth(auth));
  }

  /** A string auth (./api-key.ts), or an auth object made to carry an API key (`google.auth.fromAPIKey(key)`). */
  private isApiKeyAuth(node: TSESTree.Node): boolean {
    if (isApiKeyValue(node, this.env)) return true;
    const value = this.resolver.resolve(node);
    if (value.kind !== 'auth') return false;
    const auths = value.auth.alternatives ?? [value.auth];
    return auths.every((auth) => auth.apiKey === true);
  }

  /** The scopes that reach a client: its traced auth, else the file's declarations, else settings. */
  private requestedFor(client: ApiClient | undefined): ScopeSource | undefined {
    if (client?.external !== undefined) return client.external;
    if (client?.alternatives !== undefined) return this.alternativesRequested(client.alternatives);
    const auth = client === undefined ? undefined : this.clientAuth(client);
    if (auth !== undefined) {
      const source = this.authSource(auth);
      if (source !== undefined) return source;
    }
    return this.fileScopes(client === undefined ? undefined : getApiMap(client.api, client.version)) ?? this.settingsScopes();
  }

  /**
   * A value that is one of several clients: a call is certain to fail only if it fails through
   * every one of them, so the scopes to check are the union of what they request.
   */
  private alternativesRequested(clients: readonly ApiClient[]): ScopeSource | undefined {
    const sources = clients.map((client) => this.requestedFor(client));
    if (sources.some((source) => source === undefined)) return undefined;
    const known = [...new Set(sources as ScopeSource[])];
    if (known.length === 1) return known[0];
    return unionSources('auth', known.map((source) => source.description).join(' or '), known);
  }

  private clientAuth(client: ApiClient): AuthObject | undefined {
    if (client.authNode !== undefined) {
      const value = this.resolver.resolve(client.authNode);
      return value.kind === 'auth' ? value.auth : undefined;
    }
    if (!client.usesGlobalOptions) return undefined;
    // google.options({ auth }) anywhere in the file configures every googleapis client.
    const auths: AuthObject[] = [];
    let setsOptions = false;
    for (const call of this.collected.calls) {
      if (this.resolver.roleOf(call.callee)?.role !== 'google-options') continue;
      setsOptions = true;
      const authNode = findProperty(unwrapExpression(call.arguments[0] ?? call), 'auth')?.value;
      const value = authNode === undefined ? undefined : this.resolver.resolve(authNode);
      if (value?.kind === 'auth') auths.push(value.auth);
    }
    if (!setsOptions) {
      // None here: the `google.options({ auth })` calls of the project's other modules; with
      // `project: false` the project is not searched (its apps share nothing), so unknown.
      if (!this.settings.project) return undefined;
      const source = projectGlobalOptions(this.filename, this.boundary);
      if (source === undefined) return undefined;
      // An API key or an auth the project can't trace (review 4 H11): the call's token is unknown,
      // neither the file's requests nor the project's consent judge it.
      const external = source === 'unknown' ? unknowable('the auth `google.options()` sets in another module') : source;
      return { node: client.node, kind: 'other', scopesNode: undefined, base: undefined, external };
    }
    if (auths.length === 0) return undefined;
    if (auths.length === 1) return auths[0];
    return { node: auths[0]!.node, kind: 'other', scopesNode: undefined, base: undefined, alternatives: auths };
  }

  /** What an auth object requests; undefined when it carries no scope information at all. */
  authSource(auth: AuthObject): ScopeSource | undefined {
    if (this.authSourceCache.has(auth)) return this.authSourceCache.get(auth);
    this.authSourceCache.set(auth, undefined); // cycle guard
    const computed = this.computeAuthSource(auth);
    const source =
      computed === undefined || computed.origin !== undefined ? computed : { ...computed, origin: locationOf(auth.node, this.filename) };
    this.authSourceCache.set(auth, source);
    return source;
  }

  private computeAuthSource(auth: AuthObject): ScopeSource | undefined {
    if (auth.external !== undefined) return auth.external;
    const line = auth.node.loc.start.line;
    if (auth.alternatives !== undefined) {
      // Cached credentials (fromJSON) next to a fresh sign-in: the ones with scopes tell. Any
      // other alternative we know nothing about makes the union a lower bound.
      const parts: ScopeSource[] = [];
      let complete = true;
      for (const alternative of auth.alternatives) {
        const part = this.authSource(alternative);
        if (part !== undefined) parts.push(part);
        else if (alternative.kind !== 'fromJSON') complete = false;
      }
      if (parts.length === 0) return complete ? undefined : unknowable('an auth object whose scopes are unknown');
      const union =
        parts.length === 1
          ? parts[0]!
          : unionSources(
              'auth',
              `the auth object on line ${joinLines(
                auth.alternatives.map((a) => a.node),
                ' or ',
              )}`,
              parts,
            );
      return complete ? union : { ...union, complete: false };
    }
    const changed = this.scopesChangedInPlace(auth);
    if (changed !== undefined)
      return unknowable(`the ${describeAuth(auth)} on line ${line} (its scopes change on line ${changed.loc.start.line})`);
    const assigned = this.assignedScopes(auth);
    if (assigned !== undefined) return assigned;
    if (auth.scopesNode !== undefined) return scopeSourceOf(auth.scopesNode, this.env, `the ${describeAuth(auth)} on line ${line}`);
    if (auth.kind === 'OAuth2') {
      // The scopes an OAuth2 client gets are the ones its consent URL asked for.
      const parts: ScopeSource[] = [];
      const urlCalls: TSESTree.Node[] = [];
      for (const call of this.collected.calls) {
        const callee = call.callee;
        if (callee.type !== AST_NODE_TYPES.MemberExpression || memberKeyName(callee) !== 'generateAuthUrl') continue;
        const receiver = this.resolver.resolve(callee.object);
        if (receiver.kind !== 'auth' || receiver.auth.node !== auth.node) continue;
        const scope = findProperty(unwrapExpression(call.arguments[0] ?? call), 'scope')?.value;
        if (scope !== undefined) {
          parts.push(scopeSourceOf(scope, this.env, `the generateAuthUrl() call on line ${call.loc.start.line}`));
          urlCalls.push(call);
        }
      }
      if (parts.length > 0 && this.setsOutsideToken(auth)) {
        // `setCredentials({ refresh_token: process.env.X })`: a token minted elsewhere (the OAuth
        // Playground, another app) may carry other scopes than this consent URL asks for.
        return unknowable(`the OAuth2 client on line ${line} (its token is set from elsewhere)`);
      }
      const own = parts.length <= 1 ? parts[0] : unionSources('auth', `the consent URLs on lines ${joinLines(urlCalls)}`, parts);
      return own === undefined || !this.mayConsentElsewhere(auth, urlCalls) ? own : this.withProjectConsents(auth, own);
    }
    if (auth.base !== undefined) return this.authSource(auth.base);
    if (auth.kind === 'GoogleAuth' || auth.kind === 'JWT') {
      // No `scopes`: Application Default Credentials or the key's defaults. Traced, but unknowable:
      // the file's other declarations say nothing about this object.
      return unknowable(`the ${describeAuth(auth)} on line ${line} (no scopes given)`);
    }
    return undefined;
  }

  /**
   * Whether the users of an OAuth2 client may consent to more than its consent URLs in this file
   * ask for (review 4 H13): incremental authorization (`include_granted_scopes`, unless literally
   * `false`: Google's token then covers every scope the user granted the app,
   * https://developers.google.com/identity/protocols/oauth2/web-server#incrementalAuth), or a
   * client the module exports (other modules may build their own consent URLs on it).
   */
  private mayConsentElsewhere(auth: AuthObject, urlCalls: readonly TSESTree.Node[]): boolean {
    const incremental = urlCalls.some((call) => {
      const options = call.type === AST_NODE_TYPES.CallExpression ? call.arguments[0] : undefined;
      const flag = options === undefined ? undefined : findProperty(unwrapExpression(options), 'include_granted_scopes')?.value;
      return flag !== undefined && !(flag.type === AST_NODE_TYPES.Literal && flag.value === false);
    });
    if (incremental) return true;
    const holder = auth.node.parent;
    if (holder?.type !== AST_NODE_TYPES.VariableDeclarator || holder.id.type !== AST_NODE_TYPES.Identifier) return false;
    const variable = this.env.findVariable(holder.id);
    return variable !== undefined && isExported(variable);
  }

  /**
   * An OAuth2 client's consent scopes joined with the consent requests of the project's other
   * files (its tokens may come from any of them: a call fails only if it fails under all), or
   * unknowable when the project's requests can't all be read. Never a single editable
   * declaration then: a fix must not widen the login consent for an upgrade's scope. With
   * `project: false` the file is judged alone, as the settings say.
   */
  private withProjectConsents(auth: AuthObject, own: ScopeSource): ScopeSource {
    if (!this.settings.project) return own;
    const inventory = projectInventory(this.filename, this.boundary);
    const line = auth.node.loc.start.line;
    if (inventory === undefined || inventory.incomplete || inventory.requests.some((request) => !request.complete))
      return unknowable(`the OAuth2 client on line ${line} (its users may consent elsewhere in the project)`);
    const others = inventory.requests.filter((request) => request.consent && path.resolve(request.file) !== path.resolve(this.filename));
    if (others.length === 0) return own;
    const elsewhere: ScopeSource[] = others.map((request) => ({
      kind: 'auth',
      scopes: request.scopes,
      complete: true,
      description: '',
      // Nothing to edit from here: the message names no constant, and the fix is the user's call.
      declarations: [NO_ORIGIN],
    }));
    const sites = describeSites(others, path.dirname(this.filename));
    return unionSources('auth', `${own.description} and the consent requests in ${sites}`, [own, ...elsewhere]);
  }

  /** `auth.setCredentials({ refresh_token: … })` with a token written there, not the `tokens` its own `getToken(code)` returned. */
  private setsOutsideToken(auth: AuthObject): boolean {
    for (const call of this.collected.calls) {
      const callee = call.callee;
      if (callee.type !== AST_NODE_TYPES.MemberExpression || memberKeyName(callee) !== 'setCredentials') continue;
      const receiver = this.resolver.resolve(callee.object);
      if (receiver.kind !== 'auth' || receiver.auth.node !== auth.node) continue;
      const credentials = unwrapOrSelf(call.arguments[0]);
      if (credentials?.type !== AST_NODE_TYPES.ObjectExpression) continue;
      if (findProperty(credentials, 'refresh_token') !== undefined || findProperty(credentials, 'access_token') !== undefined) return true;
    }
    return false;
  }

  /** `auth.scopes.push(…)`, `Object.assign(auth, { scopes })`: a call that changes the auth object's scopes in place. */
  private scopesChangedInPlace(auth: AuthObject): TSESTree.CallExpression | undefined {
    for (const { call, target } of this.scopeWrites()) {
      const value = this.resolver.resolve(target);
      if (value.kind === 'auth' && value.auth.node === auth.node) return call;
    }
    return undefined;
  }

  private scopeWritesCache: { readonly call: TSESTree.CallExpression; readonly target: TSESTree.Node }[] | undefined;

  /** The calls that write into an object's `scopes` or into the object (found once per file: thousands of auth objects ask). */
  private scopeWrites(): readonly { readonly call: TSESTree.CallExpression; readonly target: TSESTree.Node }[] {
    if (this.scopeWritesCache !== undefined) return this.scopeWritesCache;
    const writes: { call: TSESTree.CallExpression; target: TSESTree.Node }[] = [];
    for (const call of this.collected.calls) {
      const callee = call.callee;
      if (callee.type === AST_NODE_TYPES.MemberExpression && MUTATING_METHODS.has(memberKeyName(callee) ?? '')) {
        const list = unwrapExpression(callee.object);
        if (list.type === AST_NODE_TYPES.MemberExpression && memberKeyName(list) === 'scopes') writes.push({ call, target: list.object });
      } else if (call.arguments[0] !== undefined && isWrittenByObjectMethod(call.arguments[0])) {
        writes.push({ call, target: call.arguments[0] });
      }
    }
    return (this.scopeWritesCache = writes);
  }

  /** `client.scopes = [...]` on an auth object (e.g. after `google.auth.fromJSON(keys)`). */
  private assignedScopes(auth: AuthObject): ScopeSource | undefined {
    for (const { object, value } of this.collected.scopesAssignments) {
      const target = this.resolver.resolve(object);
      if (target.kind === 'auth' && target.auth.node === auth.node) {
        return scopeSourceOf(value, this.env, `the scopes assigned on line ${value.loc.start.line}`);
      }
    }
    return undefined;
  }

  /**
   * Every scope this file declares for `api`'s calls (any analysed API's when undefined): scope
   * strings, `scopes:`/`scope:` values, `*SCOPES` constants, auth objects.
   */
  private fileScopes(api?: ApiMap): ScopeSource | undefined {
    const key = api === undefined ? '' : `${api.api}:${api.version}`;
    if (this.fileScopesCache.has(key)) return this.fileScopesCache.get(key);
    const { parts, first } = this.declaredScopeParts();
    // A file that declares only other APIs' scopes (Drive, sign-in) says nothing about the token
    // a client gets from elsewhere: that's unknown, not "no scope of this API".
    const apis = api === undefined ? analysedApiMaps() : [api];
    const declaresApiScope = parts.some(
      (part) => !part.complete || part.scopes.some((scope) => apis.some((map) => map.scopes.includes(scope))),
    );
    const result =
      parts.length === 0 || !declaresApiScope
        ? undefined
        : {
            ...unionSources('file', 'this file', parts),
            ...(first === undefined ? {} : { origin: locationOf(first, this.filename) }),
          };
    this.fileScopesCache.set(key, result);
    return result;
  }

  /** The scope declarations of the file, for every API alike (computed once). */
  private declaredScopeParts(): FileScopeParts {
    if (this.fileScopeParts !== undefined) return this.fileScopeParts;
    const parts: ScopeSource[] = [];
    const covered: TSESTree.Node[] = [];
    /** Scope strings read as requests on their own. */
    const counted: TSESTree.Node[] = [];
    const serviceAccountScopes = this.inlineServiceAccountScopes();
    for (const { value: node, extent, editable } of this.collected.scopeDeclarations) {
      // A service account's own inline `scopes` belong to that auth object, not to the file.
      // So do the scopes of any service account or Application Default Credentials (key or ADC
      // options only): no user consents to them, so they say nothing about the token a client
      // whose auth arrives from elsewhere carries (review 4 H9; the inventory's `consent: false`).
      const flowing = extent.type === AST_NODE_TYPES.VariableDeclarator ? (extent.init ?? node) : node;
      if (serviceAccountScopes.has(node) || feedsOnlyServiceAccounts(flowing, this.env)) {
        covered.push(extent);
        continue;
      }
      if (!this.declarationRequests(extent)) {
        covered.push(extent);
        continue;
      }
      const { value, origin } = evaluateWithOrigin(node, this.env);
      const list = toScopeList(value);
      // Nothing known (`scope: tokens.scope`, a parameter): a value read from a response, or one
      // we can't see; it says nothing about what this file requests.
      if (list.scopes.length === 0) continue;
      // `INVALID_SCOPE: 'INVALID_MODIFICATION_SCOPE'`: an enum of codes under a *SCOPE name, never a scope.
      if (list.complete && list.scopes.every((scope) => ENUM_CODE.test(scope))) {
        covered.push(extent);
        continue;
      }
      covered.push(extent);
      parts.push({
        kind: 'file',
        scopes: list.scopes,
        complete: list.complete,
        description: 'this file',
        declarations: [editable === false ? NO_ORIGIN : origin],
      });
    }
    for (const { node, value } of this.collected.scopeStrings) {
      if (covered.some((outer) => outer.range[0] <= node.range[0] && node.range[1] <= outer.range[1])) continue;
      // Only strings that flow into a token request: never `granted.includes('…')`, lookup keys or messages.
      if (!isRequest(this.requests().useOf(node))) continue;
      const list = splitScopeString(value);
      const scopes = list.scopes.filter((part) => SCOPE_LIKE.test(part) && part.includes('/'));
      if (scopes.length === 0 && list.complete) continue;
      // A scope string in an array: the array is what a fix extends.
      const holder = node.parent?.type === AST_NODE_TYPES.ArrayExpression ? node.parent : node;
      counted.push(node);
      parts.push({
        kind: 'file',
        scopes,
        complete: list.complete,
        description: 'this file',
        declarations: [traceDeclaration(holder, this.env)],
      });
    }
    // Hand-built consent URLs and `params.set('scope', …)`: the file's requests too (review 3 L6),
    // unless a declaration read above already stands for them (with its edit: `scope=${SCOPES}`).
    const declared = new Set(parts.flatMap((part) => part.scopes));
    for (const { node, scopes, complete } of consentUrlRequests(this.sourceCode, this.env)) {
      if (counted.some((inner) => node.range[0] <= inner.range[0] && inner.range[1] <= node.range[1])) continue;
      if (complete && scopes.every((scope) => declared.has(scope))) continue;
      parts.push({ kind: 'file', scopes, complete, description: 'this file', declarations: [NO_ORIGIN] });
    }
    const firstExtent = this.collected.scopeDeclarations[0]?.extent;
    const first =
      firstExtent?.type === AST_NODE_TYPES.VariableDeclarator
        ? (firstExtent.init ?? firstExtent)
        : (firstExtent ?? this.collected.scopeStrings[0]?.node);
    this.fileScopeParts = { parts, first };
    return this.fileScopeParts;
  }

  /**
   * The inline `scopes` literals of GoogleAuth/JWT objects made in this file that a traced Gmail
   * client here already uses: they describe that client's token, not a client whose auth arrives
   * from elsewhere. (An auth object no client here uses, e.g. an exported one, still counts.)
   */
  private inlineServiceAccountScopes(): Set<TSESTree.Node> {
    const claimed = new Set<TSESTree.Node>();
    const claim = (auth: AuthObject | undefined): void => {
      for (let current = auth; current !== undefined; current = current.base) {
        claimed.add(current.node);
        current.alternatives?.forEach(claim);
      }
    };
    const nodes = new Set<TSESTree.Node>();
    const made: AuthObject[] = [];
    for (const node of this.googleObjectCandidates()) {
      const value = this.resolver.resolve(node);
      if (value.kind === 'resource' && value.path.length === 0 && value.client.node === node) claim(this.clientAuth(value.client));
      if (value.kind === 'auth' && value.auth.node === node) made.push(value.auth);
    }
    for (const auth of made) {
      const scopesNode = auth.scopesNode;
      if (
        (auth.kind === 'GoogleAuth' || auth.kind === 'JWT') &&
        scopesNode !== undefined &&
        isLiteralValue(scopesNode) &&
        claimed.has(auth.node)
      ) {
        nodes.add(scopesNode);
      }
    }
    return nodes;
  }

  private settingsScopes(): ScopeSource | undefined {
    const scopes = this.settings.scopes;
    if (scopes === undefined) return undefined;
    return {
      kind: 'settings',
      scopes,
      complete: true,
      description: "settings['googleapis-scopes'].scopes",
      declarations: [],
    };
  }
}
/** The file's scope declarations, before they are judged per API. */
interface FileScopeParts {
  readonly parts: readonly ScopeSource[];
  /** Where the first declaration is (the origin of the file's scopes). */
  readonly first: TSESTree.Node | undefined;
}

function isLiteralValue(node: TSESTree.Node): boolean {
  const unwrapped = unwrapExpression(node);
  return (
    unwrapped.type === AST_NODE_TYPES.ArrayExpression ||
    unwrapped.type === AST_NODE_TYPES.Literal ||
    unwrapped.type === AST_NODE_TYPES.TemplateLiteral
  );
}

/** "3", "3 and 9", "3, 5 and 9" (or "3 or 9") */
/** The auth object a `getClient()` chain starts from (the object a request asks a token for). */
function rootAuth(auth: AuthObject): AuthObject {
  let root = auth;
  for (let depth = 0; root.base !== undefined && depth < MAX_TRACE_DEPTH; depth++) root = root.base;
  return root;
}

function joinLines(nodes: readonly TSESTree.Node[], last = ' and '): string {
  const lines = [...new Set(nodes.map((node) => node.loc.start.line))].sort((a, b) => a - b).map(String);
  return joinWords(lines, last);
}

/** A traced auth object whose scopes can't be known: no report, and no guessing from the file. */
function unwrapOrSelf(node: TSESTree.Node | undefined): TSESTree.Node | undefined {
  return node === undefined ? undefined : unwrapExpression(node);
}

function unknowable(description: string): ScopeSource {
  return { kind: 'auth', scopes: [], complete: false, description, declarations: [] };
}

function describeAuth(auth: AuthObject): string {
  switch (auth.kind) {
    case 'local-auth':
      return 'authenticate() call';
    case 'getClient':
      return 'getClient() call';
    case 'other':
    case 'fromJSON':
      return 'auth object';
    default:
      return auth.kind;
  }
}

/**
 * The settings of another module's analysis: none of the user's but `project`, the linted file's
 * (with `project: false` no module's analysis searches the project for `google.options` calls).
 * Its views are cached apart (`viewOf`).
 */
const NESTED_SETTINGS: PluginSettings = { scopes: undefined, complete: false, project: true };
const NESTED_LOCAL_SETTINGS: PluginSettings = { ...NESTED_SETTINGS, project: false };
const nestedSettings = (project: boolean): PluginSettings => (project ? NESTED_SETTINGS : NESTED_LOCAL_SETTINGS);
/** A module view's name, apart for `project: false` (see NESTED_SETTINGS). */
const viewOf = (view: string, project: boolean): string => (project ? view : `${view}\0local`);

function lookupModuleExport(
  fromFile: string,
  specifier: string,
  name: string,
  boundary: FileBoundary,
  project: boolean,
): ExportedGoogleValue | undefined {
  const target = resolveModule(fromFile, specifier, boundary);
  if (target === undefined) return undefined;
  const exported = moduleGoogleExports(target, boundary, project).get(name);
  return exported === undefined ? undefined : seenFromImporter(exported, target);
}

/** What the module `specifier` names exports, as seen from `fromFile`; nothing when it does not resolve. */
function importedGoogleExports(
  fromFile: string,
  specifier: string,
  boundary: FileBoundary,
  project: boolean,
): ReadonlyMap<string, ExportedGoogleValue> {
  const target = resolveModule(fromFile, specifier, boundary);
  if (target === undefined) return new Map();
  return new Map([...moduleGoogleExports(target, boundary, project)].map(([name, exported]) => [name, seenFromImporter(exported, target)]));
}

/**
 * Its description names lines of the module that made it, said relative to each linted file when
 * a message is written (describeSource): never relative to a module in between.
 */
function seenFromImporter(exported: ExportedGoogleValue, target: string): ExportedGoogleValue {
  const requested = exported.requested;
  if (requested === undefined) return exported;
  return { ...exported, requested: { ...requested, describedIn: requested.describedIn ?? requested.origin?.file ?? target } };
}

/**
 * The Google objects another module of the project exports: a view of its module record (parsed
 * once, shared with its constants), plain data valid while the module and every module its
 * answer came from are unchanged. Import cycles and chains past the hop limit are nothing.
 */
function moduleGoogleExports(file: string, boundary: FileBoundary, project: boolean): ReadonlyMap<string, ExportedGoogleValue> {
  return moduleView<ReadonlyMap<string, ExportedGoogleValue>>(
    viewOf('google-exports', project),
    file,
    boundary,
    (sourceCode) =>
      mentionsGoogleApis(sourceCode) || handsOnImports(exportTable(sourceCode.ast))
        ? toPlainExports(
            new Analyzer(sourceCode, file, boundary, nestedSettings(project)).exportedGoogleValues((specifier) =>
              importedGoogleExports(file, specifier, boundary, project),
            ),
            file,
          )
        : new Map(),
    new Map(),
  );
}

/** A barrel: it exports what it imports (`export { gmail } from './client'`, `export *`, `import { x }; export { x }`). */
function handsOnImports(table: ExportTable): boolean {
  if (table.starExports.length > 0) return true;
  for (const entry of table.exports.values()) {
    if (entry.kind === 'reexport') return true;
    if (entry.kind === 'binding' && table.bindings.get(entry.name)?.kind === 'import') return true;
  }
  return false;
}

/** Drops AST nodes: the cache holds plain data, and fixes never edit another file. */
function toPlainExports(exports: Map<string, ExportedGoogleValue>, file: string): Map<string, ExportedGoogleValue> {
  for (const [name, exported] of exports) exports.set(name, plainExported(exported, file));
  return exports;
}

function plainExported(exported: ExportedGoogleValue, file: string): ExportedGoogleValue {
  const requested = exported.requested;
  return requested === undefined ? exported : { ...exported, requested: plainSource(requested, file) };
}

function plainSource(source: ScopeSource, file: string): ScopeSource {
  return {
    ...source,
    declarations: source.declarations.map((declaration) => ({ node: undefined, file: declaration.file ?? file, name: declaration.name })),
  };
}

/** Files that may call `google.options(…)`. */
const GLOBAL_OPTIONS_CALL = /\.options\s*\(/;

/**
 * The scopes `google.options({ auth })` gives a googleapis client made without `auth` in `file`,
 * when that file sets none: the union over every such call in the project's other modules.
 * Undefined when there is none; `unknown` when one sets an auth that isn't a traced auth object
 * (an API key, `await makeAuth()`), its options can't be read, or the project can't be searched.
 */
function projectGlobalOptions(file: string, boundary: FileBoundary): ScopeSource | 'unknown' | undefined {
  const project = projectRoot(file, boundary);
  if (project === undefined) return undefined;
  const files = projectFilesMatching(file, project, GLOBAL_OPTIONS_CALL, boundary);
  if (files === undefined) return 'unknown';
  const sources: ScopeSource[] = [];
  for (const other of files) {
    if (other === file) continue;
    const found = moduleView<readonly ScopeSource[] | undefined>(
      'google-global-options',
      other,
      boundary,
      (sourceCode) => new Analyzer(sourceCode, other, boundary, NESTED_SETTINGS).globalOptionsSources(),
      undefined,
    );
    if (found === undefined) return 'unknown';
    for (const source of found) sources.push({ ...source, describedIn: source.describedIn ?? source.origin?.file ?? other });
  }
  if (sources.length <= 1) return sources[0];
  const description = sources.map((source) => describeSource(source, file)).join(' or ');
  return { ...unionSources('auth', description, sources), origin: undefined, describedIn: undefined };
}

/** A passed argument as plain data, described from the module that passes it. */
function plainPassed(passed: PassedValue | undefined, file: string): PassedValue | undefined {
  if (passed === undefined) return undefined;
  if (passed.kind !== 'object') return seenFromImporter(plainExported(passed, file), file);
  const properties = new Map<string, ExportedGoogleValue>();
  for (const [key, value] of passed.properties) properties.set(key, seenFromImporter(plainExported(value, file), file));
  return { kind: 'object', properties };
}

/** How one module calls another's exports (see Analyzer.passedArguments). */
interface PassedByModule {
  readonly allOpaque: boolean;
  readonly opaque: ReadonlySet<string>;
  readonly calls: ReadonlyMap<string, readonly (readonly (PassedValue | undefined)[])[]>;
}

/**
 * Every call of `file`'s export `name` in the project's other modules, with the Google objects
 * each passes; undefined when some may be missed (see possibleImporters and passedArguments), and
 * under `project: false`, which walks no project: the callers are then unknown.
 */
function callersOf(
  file: string,
  name: string,
  boundary: FileBoundary,
  searchesProject: boolean,
): readonly (readonly (PassedValue | undefined)[])[] | undefined {
  if (!searchesProject) return undefined;
  const project = projectRoot(file, boundary);
  const importers = project === undefined ? undefined : possibleImporters(file, project, boundary);
  if (importers === undefined) return undefined;
  const calls: (readonly (PassedValue | undefined)[])[] = [];
  for (const importer of importers) {
    const passed = moduleView<PassedByModule | undefined>(
      `google-passed\0${file}`,
      importer,
      boundary,
      (sourceCode) => new Analyzer(sourceCode, importer, boundary, NESTED_SETTINGS).passedArguments(file),
      undefined,
    );
    if (passed === undefined || passed.allOpaque || passed.opaque.has(name)) return undefined;
    calls.push(...(passed.calls.get(name) ?? []));
  }
  return calls;
}

/** `import type { storage_v1 } from 'googleapis'` (or `@googleapis/storage`): the API versions whose typings namespace the module imports. */
function importedNamespaces(program: TSESTree.Program): ApiVersionRef[] {
  const found: ApiVersionRef[] = [];
  for (const statement of program.body) {
    if (statement.type !== AST_NODE_TYPES.ImportDeclaration || !isApiClientPackage(packageName(statement.source.value))) continue;
    for (const specifier of statement.specifiers) {
      if (specifier.type !== AST_NODE_TYPES.ImportSpecifier) continue;
      const imported = specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : specifier.imported.value;
      const namespace = apiOfNamespace(imported);
      if (namespace !== undefined) found.push(namespace);
    }
  }
  return found;
}

/** Calls that can return an auth object, besides the API client factories (`google.<api>`, below). */
const AUTH_OBJECT_CALL_NAMES = new Set([
  'getClient',
  'getIdTokenClient',
  'fromJSON',
  'fromAPIKey',
  'createScoped',
  'createScopedClient',
  'authenticate',
  'then',
]);

/** `new X(…)`, `f(…)`, the auth calls above and `x.<api>(…)` for any API with a profile (`google.storage(…)`). */
function mayMakeGoogleObject(node: TSESTree.CallExpression): boolean {
  const callee = unwrapExpression(node.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) return true;
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const key = memberKeyName(callee);
  return key !== undefined && (AUTH_OBJECT_CALL_NAMES.has(key) || getApiProfile(key) !== undefined);
}
