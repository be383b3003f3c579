import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { MethodInfo } from '../scopes/api-map.ts';
import type { CallShape } from '../scopes/metadata.ts';
import type { CredentialKind } from '../scopes/facts/types.ts';
import { fileBoundary } from '../core/file-boundary.ts';
import { useParserOf } from '../core/parse-module.ts';
import { evaluate } from '../core/static-value.ts';
import { NO_SCOPE_EDITS, scopeEdits } from '../fix/scope-edits.ts';
import type { ScopeEdits } from '../fix/scope-edits.ts';
import type { Analysis } from './analysis.ts';
import type { ApiClient, AuthObject } from './google-values.ts';
import type { ScopeSource } from './scope-sources.ts';
import type { RequestUse } from './scope-requests.ts';
import { readPluginSettings } from './settings.ts';
import { projectVerdict } from './project/index.ts';
import type { ProjectVerdictFacts } from './project/index.ts';
import type { VisitorKeys } from '../core/ast-walk.ts';
import type { PluginSettings } from './settings.ts';
import { mentionsGoogleApis } from './file-gate.ts';
import { Analyzer } from './analyzer.ts';
import { delegationOf, isServiceAccountAuth } from './delegation.ts';
import type { Delegation } from './delegation.ts';
import { isReadOnlyWithin } from './constant-readers.ts';
import { scopeRequests } from './request-groups.ts';
import type { ScopeRequest } from './request-groups.ts';
import { isMappedBeforeUse, writtenScopes } from './written-scopes.ts';
import { feedsOtherRequests } from './declaration-uses.ts';

/**
 * What rules (and the report) read about one file: its Google API calls, its scope requests and
 * the edits that change them. Rules import this module and never the analysis toolbox behind it
 * (the environment, the evaluator, the tracer of Google objects): tests/install/layers.test.ts.
 */

export type { ScopeDeclaration, ScopeSource, SourceLocation } from './scope-sources.ts';
export { describeDeclaration, describeSource } from './scope-sources.ts';
export type { ScopeStringNode } from './collect.ts';
export type { RequestUse } from './scope-requests.ts';
export { isRequest } from './scope-requests.ts';
export type { ScopeRequest } from './request-groups.ts';
export type { AuthObject, AuthKind } from './google-values.ts';
export type { PluginSettings } from './settings.ts';

/** A Google API call found in the file. */
export interface ApiCall {
  /** A `new` expression only for an IMAP connection (`new ImapFlow({…})`). */
  readonly node: TSESTree.CallExpression | TSESTree.NewExpression;
  readonly method: MethodInfo;
  /** The client it goes through, when traced (undefined: matched by type or by chain shape). */
  readonly client: ApiClient | undefined;
  /** The request parameters object (`{ userId, format, q }`), when written inline or as a const. */
  readonly paramsNode: TSESTree.Node | undefined;
  /** The request options argument (`files.delete(params, { auth })`), when the call passes one. */
  readonly optionsNode?: TSESTree.Node | undefined;
  /** What the call passes that the fact tables read: Gmail's `format`/`q`, other APIs' literal parameters (./call-params.ts). */
  readonly shape: CallShape;
  /**
   * `client`: through a Google client library; `rest`: a raw HTTP request to the REST API;
   * `mail`: Gmail's SMTP or IMAP server with an OAuth token (src/google/project/mail-protocols.ts).
   */
  readonly via: 'client' | 'rest' | 'mail';
  /** The scopes that reach the call (its client's scope request); undefined when they cannot be known. */
  readonly requested: ScopeSource | undefined;
}

/** An auth object made in this file, with the scopes it requests. */
export interface AuthObjectFacts {
  readonly auth: AuthObject;
  readonly source: ScopeSource | undefined;
  /** A service account that impersonates a user (`subject`): domain-wide delegation, no consent screen. */
  readonly delegated: boolean;
  /**
   * Whether it impersonates a user, per auth object (src/google/delegation.ts): `none` only when
   * every option of its constructor is visible without a `subject` and none is written later.
   */
  readonly delegation: Delegation;
  /** Certainly a service account from its constructor (`new JWT(…)`, inline service-account `credentials`). */
  readonly serviceAccount: boolean;
}

/**
 * One file's facts: its calls, its file-wide scope declarations (`fileScopes`), its scope-like
 * strings, whether it feeds SMTP/IMAP, how a written value is used (`requestUse`) and the plugin
 * settings as the analysis found them (see ./analysis.ts), plus what follows.
 */
export interface FileFacts extends Pick<
  Analysis,
  'calls' | 'fileScopes' | 'scopeStrings' | 'feedsMailProtocol' | 'requestUse' | 'settings'
> {
  /** Auth objects made in this file, with the scopes they request. */
  readonly authObjects: readonly AuthObjectFacts[];
  /**
   * The one auth object made in this file that the call certainly goes through (its client's
   * `auth` option, traced to a single constructor; no per-call options argument), else undefined.
   */
  readonly authOfCall: (call: ApiCall) => AuthObjectFacts | undefined;
  /**
   * The kind of credential the call certainly goes through (src/scopes/facts/types.ts
   * `CredentialKind`), from `authOfCall`: `user` for an OAuth2 client, `@google-cloud/local-auth`
   * or a service account that names a `subject`; `app` for a certain service account whose
   * constructor options are all visible without a `subject` and that nothing in the file gives one
   * later (`jwt.subject = …`); undefined otherwise (options spread from another module or made by
   * a factory may carry a `subject`).
   */
  readonly credentialOf: (call: ApiCall) => CredentialKind | undefined;
  /** The same judgement for one of `authObjects` (no-restricted-scopes: a service account acting as itself). */
  readonly credentialOfAuth: (auth: AuthObjectFacts) => CredentialKind | undefined;
  /**
   * Whether a scope declaration of this file is read only inside these nodes (auth constructors):
   * inline, or held by an unexported constant nothing else reads (see ./constant-readers.ts).
   */
  readonly isReadOnlyWithin: (declaration: TSESTree.Node, owners: readonly TSESTree.Node[]) => boolean;
  /**
   * The file's scope requests from auth objects and its own declarations, each with its calls,
   * whether its auth objects were traced, and (on first read) whether every use is visible.
   */
  readonly requests: readonly ScopeRequest[];
  /** The string an expression of this file evaluates to (`PREFIX + 'gmail.send'`), when it is a constant. */
  readonly stringValueOf: (node: TSESTree.Node) => string | undefined;
  /** The scope strings that write these declarations, followed through local constants (see ./written-scopes.ts). */
  readonly writtenScopes: (declarations: Iterable<TSESTree.Node>) => Map<TSESTree.Node, string>;
  /** Whether a string is an element of an array constant the code only ever `.map()`s (short names made into URLs). */
  readonly isMappedBeforeUse: (node: TSESTree.Node) => boolean;
  /** Edits to the scope declarations written in this file. */
  readonly edits: ScopeEdits;
  /**
   * Whether a scope declaration of this file also feeds token requests other than those of the
   * auth objects `calls` go through (a constant shared with the users' consent URL): extending it
   * for these calls would widen those requests too (see ./declaration-uses.ts).
   */
  readonly feedsOtherRequests: (declaration: TSESTree.Node, calls: readonly ApiCall[]) => boolean;
  /**
   * For a call whose scopes can't be known from its file: the project's scope requests when they
   * certainly don't allow it (src/google/project/); undefined otherwise.
   */
  readonly projectVerdict: (call: ApiCall) => ProjectVerdictFacts | undefined;
}

/** Auth kinds that always carry a user's token (google-auth-library's OAuth2 client, local-auth's consent flow). */
const USER_AUTH_KINDS: ReadonlySet<string> = new Set(['OAuth2', 'local-auth']);

/** See `FileFacts.credentialOf`. */
function credentialKind(found: AuthObjectFacts | undefined): CredentialKind | undefined {
  if (found === undefined) return undefined;
  // Domain-wide delegation impersonates a user: Google counts it as user authentication.
  if (found.delegated || USER_AUTH_KINDS.has(found.auth.kind)) return 'user';
  return found.serviceAccount && found.delegation === 'none' ? 'app' : undefined;
}

/** The facts of an analysis; the toolbox stays inside the closures. */
function factsOf(
  analysis: Analysis,
  sourceCode: Readonly<TSESLint.SourceCode> | undefined,
  where: { readonly filename: string; readonly cwd: string },
): FileFacts {
  const { env } = analysis;
  let requests: ScopeRequest[] | undefined;
  const delegations = new WeakMap<TSESTree.Node, Delegation>();
  const authFacts = (auth: AuthObject, source: ScopeSource | undefined): AuthObjectFacts => {
    let delegation = delegations.get(auth.node);
    if (delegation === undefined) {
      delegation = analysis.resolver === undefined || env === undefined ? 'unknown' : delegationOf(auth, analysis.resolver, env);
      delegations.set(auth.node, delegation);
    }
    return { auth, source, delegated: delegation === 'delegated', delegation, serviceAccount: isServiceAccountAuth(auth.node, auth.kind) };
  };
  const authOfCall = (call: ApiCall): AuthObjectFacts | undefined => {
    const client = call.client;
    if (client?.authNode === undefined || client.alternatives !== undefined || client.external !== undefined) return undefined;
    // `client.files.list(params, { auth })`: the second argument may carry another auth.
    if (call.node.arguments.length > 1 || analysis.resolver === undefined) return undefined;
    // `files.delete({ fileId, auth })`, the parameters in a `const`: another auth.
    if (analysis.resolver.perCallAuth(call.paramsNode, undefined) !== undefined) return undefined;
    const value = analysis.resolver.resolve(client.authNode);
    if (value.kind !== 'auth' || value.auth.alternatives !== undefined || value.auth.external !== undefined) return undefined;
    return authFacts(value.auth, call.requested);
  };
  return {
    calls: analysis.calls,
    authObjects: analysis.authObjects.map(({ auth, source }) => authFacts(auth, source)),
    authOfCall,
    credentialOf: (call) => credentialKind(authOfCall(call)),
    credentialOfAuth: (auth) => credentialKind(auth),
    isReadOnlyWithin: (declaration, owners) => env !== undefined && isReadOnlyWithin(declaration, owners, env),
    get requests() {
      return (requests ??= scopeRequests(analysis));
    },
    fileScopes: analysis.fileScopes,
    scopeStrings: analysis.scopeStrings,
    feedsMailProtocol: analysis.feedsMailProtocol,
    requestUse: analysis.requestUse,
    stringValueOf: (node) => {
      if (env === undefined) return undefined;
      const value = evaluate(node, env);
      return value.kind === 'string' ? value.value : undefined;
    },
    writtenScopes: (declarations) => (env === undefined ? new Map() : writtenScopes(declarations, env)),
    isMappedBeforeUse: (node) => env !== undefined && isMappedBeforeUse(node, env),
    edits: env === undefined || sourceCode === undefined ? NO_SCOPE_EDITS : scopeEdits(sourceCode, env),
    feedsOtherRequests: (declaration, calls) => feedsOtherRequests(analysis, declaration, calls),
    settings: analysis.settings,
    projectVerdict: (call) =>
      projectVerdict(
        where.filename,
        where.cwd,
        analysis.settings,
        call,
        env === undefined || analysis.resolver === undefined || sourceCode === undefined
          ? undefined
          : { env, resolver: analysis.resolver, program: sourceCode.ast, visitorKeys: sourceCode.visitorKeys as VisitorKeys },
      ),
  };
}

/**
 * The facts of a file the gate closes (almost every file): one frozen object per settings, so
 * such a file costs the gate and nothing else, and its lazy parts (`requests`) are computed once.
 */
const emptyFacts = new WeakMap<PluginSettings, FileFacts>();
const closedFacts = new WeakSet<FileFacts>();

function factsOfClosedFile(settings: PluginSettings): FileFacts {
  let facts = emptyFacts.get(settings);
  if (facts === undefined) {
    const analysis = emptyAnalysis(settings);
    facts = Object.freeze({
      ...factsOf(analysis, undefined, { filename: '', cwd: '' }),
      // Only ever asked about the file's own calls, and it has none.
      projectVerdict: () => undefined,
      requests: scopeRequests(analysis),
    });
    emptyFacts.set(settings, facts);
    closedFacts.add(facts);
  }
  return facts;
}

/** A file that never mentions a Google client library: nothing to analyse. */
function emptyAnalysis(settings: PluginSettings): Analysis {
  return {
    calls: [],
    env: undefined,
    resolver: undefined,
    authObjects: [],
    fileScopes: undefined,
    scopeStrings: [],
    feedsMailProtocol: false,
    requestUse: (): RequestUse => 'unknown',
    tokenRequests: () => new Map(),
    settings,
  };
}

const cache = new WeakMap<TSESTree.Program, FileFacts | { readonly failure: unknown }>();
/** Files the gate opened when {@link isClosedFile} asked, before their facts were computed. */
const opened = new WeakSet<TSESTree.Program>();

/**
 * Whether the gate closes the file (almost every file): then its facts are empty and no rule
 * reports on it, so the rules register no listener at all (utils/fail-closed.ts). Asked in each
 * rule's `create`; the gate runs once per file. Throws what {@link getFileFacts} would throw.
 */
export function isClosedFile(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): boolean {
  const ast = context.sourceCode.ast;
  let facts = cache.get(ast);
  if (facts === undefined && !opened.has(ast)) {
    try {
      const settings = readPluginSettings(context.settings);
      if (mentionsGoogleApis(context.sourceCode)) opened.add(ast);
      else facts = factsOfClosedFile(settings);
    } catch (error) {
      facts = { failure: error };
    }
    if (facts !== undefined) cache.set(ast, facts);
  }
  if (facts !== undefined && 'failure' in facts) throw facts.failure;
  return facts !== undefined && closedFacts.has(facts);
}

/**
 * The per-file facts every rule reads: computed once per file (keyed by its AST), lazily. A
 * failure is remembered and thrown to every rule that asks (utils/fail-closed.ts reports it).
 */
function analyse(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>, settings: PluginSettings): Analysis {
  useParserOf(context.languageOptions as Parameters<typeof useParserOf>[0]);
  return new Analyzer(context.sourceCode, context.filename, fileBoundary(context.cwd), settings).run();
}

export function getFileFacts(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): FileFacts {
  const sourceCode = context.sourceCode;
  let facts = cache.get(sourceCode.ast);
  if (facts === undefined) {
    try {
      const settings = readPluginSettings(context.settings);
      // Almost every file never mentions a Google client library: the gate comes before any other work.
      facts =
        opened.has(sourceCode.ast) || mentionsGoogleApis(sourceCode)
          ? factsOf(analyse(context, settings), sourceCode, { filename: context.filename, cwd: context.cwd })
          : factsOfClosedFile(settings);
    } catch (error) {
      facts = { failure: error };
    }
    cache.set(sourceCode.ast, facts);
  }
  if ('failure' in facts) throw facts.failure;
  return facts;
}
