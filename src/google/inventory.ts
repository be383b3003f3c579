/**
 * The analysis of one file as plain data (no AST nodes), for the `googleapis-scopes report`
 * command: every Gmail call with what it accepts and where its scopes come from, and every
 * place that requests scopes. Paths are absolute; lines are 1-based, columns 1-based.
 *
 * This reads `getFileFacts` facts; it never walks the AST itself.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import type { FileFacts, ApiCall } from './facts.ts';
import type { ProjectVerdictFacts } from './project/index.ts';
import type { AuthKind, AuthObject } from './google-values.ts';
import { describeSource } from './scope-sources.ts';
import type { ScopeSource } from './scope-sources.ts';
import type { MetadataVerdict } from '../scopes/metadata.ts';
import { callNeed } from '../scopes/policy.ts';
import { credentialFailure, credentialFailureReason, credentialMatters } from '../scopes/facts/index.ts';
import type { Requirement } from '../scopes/solver.ts';

export interface InventoryLocation {
  readonly file: string;
  readonly line: number;
  /** 1-based. */
  readonly column: number;
}

/** Where a scope list is written: a literal (with its line) or a named constant in another module. */
export interface InventoryDeclaredAt {
  readonly file: string;
  /** Undefined when the list lives in another module (only its name is known). */
  readonly line: number | undefined;
  readonly name: string | undefined;
}

/** A place that requests scopes: an auth object, a file's scope declarations, or the settings. */
export interface InventorySource {
  /** Unique in the project: `auth:<file>:<line>:<column>`, `file:<file>`, `settings:<scopes>`, `project:<root>`, … */
  readonly id: string;
  /** `project`: every request of the project, for a call whose auth can't be traced (as `missing-scope` judges it). */
  readonly kind: 'auth' | 'file' | 'settings' | 'project';
  /** The linted file whose analysis found it. */
  readonly foundIn: string;
  /** For auth objects: which constructor or call made it. */
  readonly authKind: AuthKind | undefined;
  /** The analysis' own wording ("the GoogleAuth on line 3", "this file", …). */
  readonly description: string;
  /** The auth object (or first scope declaration); undefined for settings. */
  readonly location: InventoryLocation | undefined;
  readonly scopes: readonly string[];
  /** False when part of the list is computed at run time. */
  readonly complete: boolean;
  readonly declaredAt: readonly InventoryDeclaredAt[];
}

export interface InventoryCall {
  /** Method id relative to the API: `users.messages.send`. */
  readonly method: string;
  readonly api: string;
  readonly version: string;
  /** `client`: through a Google client library; `rest`: a raw HTTP request to the REST API. */
  readonly via: 'client' | 'rest' | 'mail';
  readonly location: InventoryLocation;
  /** Every scope the method accepts (any one suffices), in Google's order. */
  readonly accepted: readonly string[];
  /** `accepted` minus gmail.metadata when this call breaks (or may break) under it. */
  readonly effective: readonly string[];
  /** How the call fares with gmail.metadata in the token. */
  readonly metadata: MetadataVerdict['status'];
  /** The accepted scopes under which the call works (a cited trap may exclude some): see `CallNeed`. Default `accepted`. */
  readonly satisfying?: readonly string[];
  /** The satisfying scopes the call fits (no silent subset it does not fit): see `CallNeed`. Default `effective`. */
  readonly covering?: readonly string[];
  /** What the solver is given for the call (plain data): see `CallNeed`. Default `effective`. */
  readonly requirement?: Requirement;
  /** The id of the source whose scopes reach the call; undefined when unknown. */
  readonly source: string | undefined;
  /**
   * Why the call's credential certainly fails it, whatever the scopes (a service account that
   * impersonates nobody on Classroom: "the service account: it needs user authentication: …"),
   * as metadata-scope reports it; undefined otherwise.
   */
  readonly credentialFailure?: string;
}

export interface FileInventory {
  readonly file: string;
  readonly calls: readonly InventoryCall[];
  /** Every auth object made in the file, every source a call uses, and the settings' scopes. */
  readonly sources: readonly InventorySource[];
}

/**
 * Where the analysis computed a source: the auth object (or first scope declaration) in its own
 * module. Optional: when present, a source that crosses modules gets the same id in the file
 * that makes it and in every file that imports it, so the report shows it once.
 */
type SourceWithOrigin = ScopeSource & {
  readonly origin?: { readonly file: string; readonly line: number; /** 0-based, as in ESTree. */ readonly column: number } | undefined;
};

/** The plain-data inventory of one linted file. */
export function collectInventory(analysis: FileFacts, filename: string): FileInventory {
  const sources = new Map<ScopeSource, InventorySource>();
  const order: InventorySource[] = [];
  const add = (source: ScopeSource, auth: AuthObject | undefined): InventorySource => {
    const existing = sources.get(source);
    if (existing !== undefined) return existing;
    const item = toInventorySource(source, auth, filename);
    sources.set(source, item);
    order.push(item);
    return item;
  };

  // The auth object that best names each source: the one that writes the scopes, earliest first.
  // Auth objects imported from another module are not made here: their source names them.
  const authBySource = new Map<ScopeSource, AuthObject>();
  const authObjects = analysis.authObjects
    .filter(({ auth }) => auth.external === undefined)
    .sort((a, b) => authPreference(a.auth) - authPreference(b.auth) || a.auth.node.range[0] - b.auth.node.range[0]);
  for (const { auth, source } of authObjects) {
    if (source !== undefined && !authBySource.has(source)) authBySource.set(source, auth);
  }
  const unscoped: InventorySource[] = [];
  for (const { auth, source } of authObjects) {
    if (source !== undefined) {
      add(source, authBySource.get(source));
    } else if (SCOPED_AUTH_KINDS.has(auth.kind) && auth.base === undefined && auth.alternatives === undefined) {
      // An auth object that should carry scopes but shows none still belongs in the inventory.
      const location = locationOf(auth.node, filename);
      unscoped.push({
        id: `auth:${filename}:${location.line}:${location.column}`,
        kind: 'auth',
        foundIn: filename,
        authKind: auth.kind,
        description: `the ${auth.kind} on line ${location.line}`,
        location,
        scopes: [],
        complete: false,
        declaredAt: [],
      });
    }
  }

  const calls = analysis.calls.map((call) => {
    // Untraced, and the file requests nothing: missing-scope's judgement against the project's requests.
    const project = call.requested === undefined ? analysis.projectVerdict(call) : undefined;
    if (project === undefined) return toInventoryCall(analysis, call, filename, (source) => add(source, authBySource.get(source)).id);
    const source = projectSource(project, filename);
    const known = order.findIndex((item) => item.id === source.id);
    if (known === -1) order.push(source);
    else order[known] = { ...order[known]!, declaredAt: mergeDeclaredAt(order[known]!.declaredAt, source.declaredAt) };
    return { ...toInventoryCall(analysis, call, filename, () => source.id), source: source.id };
  });

  const settingsScopes = analysis.settings.scopes;
  if (settingsScopes !== undefined && !order.some((source) => source.kind === 'settings')) {
    order.push(settingsSource(settingsScopes, filename));
  }
  const ids = new Set(order.map((source) => source.id));
  return { file: filename, calls, sources: [...order, ...unscoped.filter((source) => !ids.has(source.id))] };
}

function toInventoryCall(analysis: FileFacts, call: ApiCall, filename: string, sourceId: (source: ScopeSource) => string): InventoryCall {
  // The credential the code shows narrows the choice as in missing-scope (Chat: chat.bot for the app itself, never for a user).
  const credential = credentialMatters(call.method) ? analysis.credentialOf(call) : undefined;
  const failure = credentialFailure(call.method, credential);
  return {
    method: call.method.id,
    api: call.method.api,
    version: call.method.version,
    via: call.via,
    location: locationOf(call.node, filename),
    ...callNeed(call.method, credential === undefined ? call.shape : { ...call.shape, credential }),
    source: call.requested === undefined ? undefined : sourceId(call.requested),
    ...(failure === undefined
      ? {}
      : {
          credentialFailure: `${failure.failsWith === 'user-credentials' ? 'the user credentials' : 'the service account'}: ${credentialFailureReason(failure)}`,
        }),
  };
}

/** Auth objects that request scopes themselves (Compute, refresh clients… don't). */
const SCOPED_AUTH_KINDS: ReadonlySet<AuthKind> = new Set(['GoogleAuth', 'JWT', 'OAuth2', 'local-auth', 'fromJSON']);

function toInventorySource(source: SourceWithOrigin, auth: AuthObject | undefined, filename: string): InventorySource {
  const declaredAt: InventoryDeclaredAt[] = source.declarations.map((declaration) => ({
    file: declaration.file ?? filename,
    line: declaration.node?.loc.start.line,
    name: declaration.name,
  }));
  const base = {
    foundIn: filename,
    description: describeSource(source, filename),
    scopes: [...source.scopes],
    complete: source.complete,
    declaredAt,
  };
  const origin = source.origin;
  if (origin !== undefined && source.kind !== 'settings' && auth === undefined) {
    const location = { file: origin.file, line: origin.line, column: origin.column + 1 };
    return {
      id: source.kind === 'file' ? `file:${origin.file}` : `auth:${origin.file}:${location.line}:${location.column}`,
      kind: source.kind,
      authKind: undefined,
      location,
      ...base,
    };
  }
  switch (source.kind) {
    case 'settings':
      return { ...settingsSource(source.scopes, filename), ...base, declaredAt: [] };
    case 'file': {
      const first = source.declarations.find((declaration) => declaration.node !== undefined)?.node;
      return {
        id: `file:${filename}`,
        kind: 'file',
        authKind: undefined,
        location: first === undefined ? undefined : locationOf(first, filename),
        ...base,
      };
    }
    case 'auth': {
      if (auth !== undefined) {
        const location = locationOf(auth.node, filename);
        return { id: `auth:${filename}:${location.line}:${location.column}`, kind: 'auth', authKind: auth.kind, location, ...base };
      }
      // Several auth objects may reach a client (their union has no single constructor), or the
      // auth object lives in another module (its declarations carry no node of this file).
      const first = source.declarations.find((declaration) => declaration.node !== undefined)?.node;
      return {
        id: `auth:${filename}#${describeSource(source, filename)}`,
        kind: 'auth',
        authKind: undefined,
        location: first === undefined ? undefined : locationOf(first, filename),
        ...base,
      };
    }
  }
}

/** The project's requests as the source of an untraced call they certainly don't allow. */
function projectSource(project: ProjectVerdictFacts, filename: string): InventorySource {
  return {
    id: `project:${project.root}`,
    kind: 'project',
    foundIn: filename,
    authKind: undefined,
    description: "the project's requests",
    location: undefined,
    scopes: [...project.requested],
    complete: true,
    declaredAt: project.requestSites.map(({ file, line }) => ({ file, line, name: undefined })),
  };
}

/** Both lists, each place once, by file and line. */
export function mergeDeclaredAt(a: readonly InventoryDeclaredAt[], b: readonly InventoryDeclaredAt[]): InventoryDeclaredAt[] {
  const seen = new Map<string, InventoryDeclaredAt>();
  for (const at of [...a, ...b]) seen.set(`${at.file}\0${at.line ?? ''}\0${at.name ?? ''}`, at);
  return [...seen.values()].sort((x, y) => (x.file < y.file ? -1 : x.file > y.file ? 1 : (x.line ?? 0) - (y.line ?? 0)));
}

function settingsSource(scopes: readonly string[], filename: string): InventorySource {
  return {
    id: `settings:${scopes.join(' ')}`,
    kind: 'settings',
    foundIn: filename,
    authKind: undefined,
    description: "settings['googleapis-scopes'].scopes",
    location: undefined,
    scopes: [...scopes],
    complete: true,
    declaredAt: [],
  };
}

/** Prefer the auth object that writes the scopes over a `getClient()` made from it. */
function authPreference(auth: AuthObject): number {
  if (auth.scopesNode !== undefined) return 0;
  return auth.base === undefined ? 1 : 2;
}

function locationOf(node: TSESTree.Node, filename: string): InventoryLocation {
  return { file: filename, line: node.loc.start.line, column: node.loc.start.column + 1 };
}
