/**
 * Builds the project's scope report from the per-file inventories (plain data in, plain data
 * out; no ESLint here). The JSON format prints this object as is: its schema is documented in
 * docs/report.md, so every change here is a change of the documented schema.
 */
import path from 'node:path';
import { mergeDeclaredAt } from '../google/inventory.ts';
import type { FileInventory, InventoryCall, InventorySource } from '../google/inventory.ts';
import type { AuthKind } from '../google/google-values.ts';
import { analysedScopes } from '../scopes/api-map.ts';
import { CLASSIFICATION_RANK, getScopeInfo, isKnownGoogleScope, scopeLabel, verificationConsequence } from '../scopes/catalog.ts';
import type { Classification } from '../scopes/catalog.ts';
import { METADATA_SCOPE } from '../scopes/metadata.ts';
import { sortNarrowestFirst } from '../scopes/order.ts';
import { isSatisfied } from '../scopes/solver.ts';
import { highestClassification, neededScopes, scopeFix, unusedScopes } from '../scopes/policy.ts';
import type { CallNeed } from '../scopes/policy.ts';
import { correctScope } from '../scopes/scope-suggestions.ts';
import { scopeClassification } from '../scopes/facts/index.ts';

export const REPORT_SCHEMA_VERSION = 1;

/**
 * `ok`: the requested scopes cover the call. `missing`: they don't (the call fails with 403).
 * `metadata-conflict`: a requested scope accepts the method, but the call breaks under it (Gmail's
 * gmail.metadata with format full/raw or q; another API's trap such as Drive `alt: 'media'` under
 * drive.metadata.readonly): what metadata-scope reports.
 * `unresolved`: the scopes that reach the call are unknown or partly computed at run time.
 */
export type OperationStatus = 'ok' | 'missing' | 'metadata-conflict' | 'unresolved';

export interface ReportOperation {
  readonly method: string;
  readonly api: string;
  readonly version: string;
  /** `client`: through a Google client library; `rest`: a raw HTTP request to the REST API. */
  readonly via: 'client' | 'rest' | 'mail';
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** The id of the declaration whose scopes reach the call; null when unknown. */
  readonly declaration: string | null;
  /** The scopes the method accepts (any one suffices), narrowest first. */
  readonly accepted: readonly string[];
  /**
   * What missing-scope names for the call (`neededScopes` in src/scopes/policy.ts): the narrowest
   * scopes a fix may choose from (no silent subset such as drive.file the call does not fit, no
   * add-on-only scope), then "or broader" when `orBroader`.
   */
  readonly needs: { readonly scopes: readonly string[]; readonly orBroader: boolean };
  /**
   * With gmail.metadata in the token: `not-applicable` (the method doesn't accept it), `ok`,
   * `breaks` (format full/raw/omitted, or `q`), `maybe` (an argument could not be resolved).
   */
  readonly metadata: 'not-applicable' | 'ok' | 'breaks' | 'maybe';
  /**
   * Why the call's credential certainly fails it whatever the scopes ("the service account: it
   * needs user authentication: …"): status `metadata-conflict`, as metadata-scope reports it and
   * missing-scope does not; else null.
   */
  readonly credentialFailure: string | null;
  readonly status: OperationStatus;
}

export interface ReportDeclaredAt {
  readonly file: string;
  readonly line: number | null;
  readonly name: string | null;
}

export interface ReportDeclaration {
  /**
   * `file:line:column` of the auth object or declaration; `settings`; `unresolved`; for scopes
   * that come from another module without a known position, `file#description` (the file that uses them).
   */
  readonly id: string;
  /**
   * `auth`: an auth object; `file`: a file's scope declarations; `settings`; `project`: every
   * request of the project, for calls whose auth can't be traced and that no request allows (as
   * `missing-scope` judges them); `unresolved`: calls whose scopes are unknown.
   */
  readonly kind: 'auth' | 'file' | 'settings' | 'project' | 'unresolved';
  /** For people: "GoogleAuth", "JWT", "OAuth2 client", "scopes declared in src/x.ts", … */
  readonly label: string;
  readonly file: string | null;
  readonly line: number | null;
  readonly column: number | null;
  /** Where the scope list is written (a literal's line, or a constant's name in another module). */
  readonly declaredAt: readonly ReportDeclaredAt[];
  readonly requested: readonly string[];
  /** False when part of the requested list is computed at run time. */
  readonly complete: boolean;
  /** How many operations these scopes reach. */
  readonly operations: number;
  readonly minimal: readonly string[];
  /** Calls `minimal` leaves uncovered whose choice is open (see `Report.minimalChoices`): one scope of each list. */
  readonly minimalChoices: readonly (readonly string[])[];
  readonly missing: readonly string[];
  /** Failing calls `missing` leaves failing whose choice is open: one scope of each list, never picked. */
  readonly missingChoices: readonly (readonly string[])[];
  readonly unused: readonly string[];
}

export interface ReportScopeClassification {
  readonly label: string;
  /** Google's classification (the Gmail catalog, else the fact tables); null when neither gives one. */
  readonly classification: Classification | null;
  /** The Google verification it triggers; null when not catalogued. */
  readonly verification: string | null;
  readonly addOnOnly: boolean;
  /** Whether the string is a real Google OAuth scope at all (typos and short forms are not). */
  readonly knownGoogleScope: boolean;
  /** The scope a certain typo meant (`userinfo.emial` → `userinfo.email`), as valid-scope says; else null. */
  readonly misspelling: string | null;
  readonly description: string | null;
}

export interface ReportSkipped {
  readonly file: string;
  readonly line: number | null;
  readonly message: string;
}

export interface Report {
  readonly schemaVersion: number;
  /** Files the analysis ran on. */
  readonly files: number;
  readonly summary: {
    readonly operations: number;
    readonly ok: number;
    readonly missing: number;
    readonly metadataConflicts: number;
    readonly unresolved: number;
  };
  readonly declarations: readonly ReportDeclaration[];
  readonly operations: readonly ReportOperation[];
  /** Every scope the project requests (all declarations), narrowest first. */
  readonly requested: readonly string[];
  /** The least-privileged set that covers every operation whose choice is certain (`scopeFix` in src/scopes/policy.ts). */
  readonly minimal: readonly string[];
  /**
   * Operations `minimal` leaves uncovered whose choice is open (a fact table's tie such as Calendar
   * `channels.stop`, Chat without a known credential): any one scope of each list covers them,
   * and the report never picks one (missing-scope offers each as a suggestion).
   */
  readonly minimalChoices: readonly (readonly string[])[];
  /** Scopes to add somewhere (union over declarations; see each declaration). */
  readonly missing: readonly string[];
  /** Open choices to add somewhere (union over declarations): one scope of each list. */
  readonly missingChoices: readonly (readonly string[])[];
  /** Requested scopes of the analysed APIs that no visible operation needs, in any declaration that requests them. */
  readonly unused: readonly string[];
  /** Every scope named above. */
  readonly classification: Readonly<Record<string, ReportScopeClassification>>;
  /** The highest classification among the requested scopes and among the minimal set. */
  readonly verification: { readonly requested: Classification | null; readonly minimal: Classification | null };
  /** Files ESLint could not parse or did not lint (explicitly named but ignored). */
  readonly skipped: readonly ReportSkipped[];
}

export interface BuildReportInput {
  readonly cwd: string;
  readonly inventories: readonly FileInventory[];
  readonly files?: number;
  readonly skipped?: readonly ReportSkipped[];
}

/**
 * What fixes these calls, as missing-scope says it (`scopeFix`, the one decision): the scopes to
 * add beyond `requested` whose choice is certain, and the open choices, each list once.
 */
function cover(calls: readonly CallNeed[], requested: readonly string[]): { scopes: string[]; choices: string[][] } {
  const { add, open } = scopeFix(calls, requested);
  const choices = new Map(open.map(({ choices: list }) => [list.join(' '), [...list]]));
  return { scopes: add, choices: [...choices.values()] };
}

export function buildReport(input: BuildReportInput): Report {
  const relative = (file: string): string => {
    const rel = path.relative(input.cwd, file);
    return (rel === '' ? path.basename(file) : rel).split(path.sep).join('/');
  };

  // Sources by id, deduplicated across files.
  const sources = new Map<string, InventorySource>();
  for (const inventory of input.inventories) {
    for (const source of inventory.sources) {
      // The same source seen from the module that makes it (which knows its constructor) wins.
      const seen = sources.get(source.id);
      if (seen === undefined || (seen.authKind === undefined && source.authKind !== undefined)) sources.set(source.id, source);
      // The project's requests, seen from several files: every place they were found.
      else if (source.kind === 'project')
        sources.set(source.id, { ...seen, declaredAt: mergeDeclaredAt(seen.declaredAt, source.declaredAt) });
    }
  }
  const calls = input.inventories
    .flatMap((inventory) => inventory.calls)
    .sort((a, b) => compareLocations(relative(a.location.file), a.location, relative(b.location.file), b.location));

  const statusOf = (call: InventoryCall): OperationStatus => {
    const source = call.source === undefined ? undefined : sources.get(call.source);
    if (source === undefined) return 'unresolved';
    // No scope cures it (metadata-scope's report; missing-scope proposes nothing).
    if (call.credentialFailure !== undefined) return 'metadata-conflict';
    if (isSatisfied(call.satisfying ?? call.accepted, source.scopes)) {
      return source.scopes.includes(METADATA_SCOPE) && call.metadata === 'breaks' ? 'metadata-conflict' : 'ok';
    }
    // A requested scope the method accepts, under which this call's shape still fails (Drive
    // `alt: 'media'` under drive.metadata.readonly): the trap metadata-scope reports, not a missing scope.
    if (source.complete && isSatisfied(call.accepted, source.scopes)) return 'metadata-conflict';
    return source.complete ? 'missing' : 'unresolved';
  };
  const statuses = new Map(calls.map((call) => [call, statusOf(call)]));
  const unattributed = calls.filter((call) => call.source === undefined || !sources.has(call.source));

  // Report ids: `file:line:column` where there is a location, unique.
  const ids = new Map<string, string>();
  const taken = new Set<string>();
  const orderedSources = [...sources.values()].sort(compareSources(relative));
  for (const source of orderedSources) {
    let id =
      source.kind === 'settings' || source.kind === 'project'
        ? source.kind
        : source.location !== undefined
          ? `${relative(source.location.file)}:${source.location.line}:${source.location.column}`
          : `${relative(source.foundIn)}#${source.description.replace(/^the /, '')}`;
    for (let n = 2; taken.has(id); n++) id = `${id.replace(/#\d+$/, '')}#${n}`;
    taken.add(id);
    ids.set(source.id, id);
  }

  const declarations: ReportDeclaration[] = orderedSources.map((source) => {
    const own = calls.filter((call) => call.source === source.id);
    const missingCalls = own.filter((call) => statuses.get(call) === 'missing');
    const judged = analysedScopes();
    const judgedRequested = source.scopes.filter((scope) => judged.has(scope));
    let unused: string[];
    // The project's union is requested elsewhere, for other calls: never "unused" here.
    if (source.kind === 'project') {
      unused = [];
    } else if (own.length > 0) {
      const unusedHere = new Set(unusedScopes(own, source.scopes));
      unused = judgedRequested.filter((scope) => unusedHere.has(scope) && !unattributed.some((call) => call.accepted.includes(scope)));
    } else {
      unused = judgedRequested.filter((scope) => !calls.some((call) => call.accepted.includes(scope)));
    }
    const location = source.location;
    const minimal = cover(own, []);
    const missing = cover(missingCalls, source.scopes);
    return {
      id: ids.get(source.id)!,
      kind: source.kind,
      label: labelOf(source),
      file: location === undefined ? null : relative(location.file),
      line: location?.line ?? null,
      column: location?.column ?? null,
      declaredAt: source.declaredAt.map((at) => ({ file: relative(at.file), line: at.line ?? null, name: at.name ?? null })),
      requested: orderScopes(source.scopes),
      complete: source.complete,
      operations: own.length,
      minimal: minimal.scopes,
      minimalChoices: minimal.choices,
      missing: missing.scopes,
      missingChoices: missing.choices,
      unused: orderScopes(unused),
    };
  });
  if (unattributed.length > 0) {
    const minimal = cover(unattributed, []);
    declarations.push({
      id: 'unresolved',
      kind: 'unresolved',
      label: 'calls whose scopes could not be traced',
      file: null,
      line: null,
      column: null,
      declaredAt: [],
      requested: [],
      complete: false,
      operations: unattributed.length,
      minimal: minimal.scopes,
      minimalChoices: minimal.choices,
      missing: [],
      missingChoices: [],
      unused: [],
    });
  }

  const operations: ReportOperation[] = calls.map((call) => ({
    method: call.method,
    api: call.api,
    version: call.version,
    via: call.via,
    file: relative(call.location.file),
    line: call.location.line,
    column: call.location.column,
    declaration: call.source === undefined ? null : (ids.get(call.source) ?? null),
    accepted: orderScopes(call.accepted),
    needs: neededScopes(call),
    metadata: call.metadata,
    credentialFailure: call.credentialFailure ?? null,
    status: statuses.get(call)!,
  }));

  const requested = orderScopes(orderedSources.flatMap((source) => source.scopes));
  const { scopes: minimal, choices: minimalChoices } = cover(calls, []);
  const missing = orderScopes(declarations.flatMap((declaration) => declaration.missing));
  const missingChoices = [...new Map(declarations.flatMap((d) => d.missingChoices).map((list) => [list.join(' '), list])).values()];
  // Unused project-wide: every declaration that requests the scope has no use for it, and no
  // declaration misses it (a scope the project must add somewhere is never "unused").
  const unused = requested.filter((scope) => {
    if (missing.includes(scope) || missingChoices.some((list) => list.includes(scope))) return false;
    const requesting = declarations.filter((declaration) => declaration.requested.includes(scope));
    return requesting.length > 0 && requesting.every((declaration) => declaration.unused.includes(scope));
  });

  const named = new Set([
    ...requested,
    ...minimal,
    ...missing,
    ...minimalChoices.flat(),
    ...missingChoices.flat(),
    ...declarations.flatMap((declaration) => [
      ...declaration.minimal,
      ...declaration.minimalChoices.flat(),
      ...declaration.missing,
      ...declaration.missingChoices.flat(),
    ]),
  ]);
  const classification: Record<string, ReportScopeClassification> = {};
  for (const scope of orderScopes(named)) classification[scope] = classify(scope);

  const count = (status: OperationStatus): number => operations.filter((operation) => operation.status === status).length;
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    files: input.files ?? input.inventories.length,
    summary: {
      operations: operations.length,
      ok: count('ok'),
      missing: count('missing'),
      metadataConflicts: count('metadata-conflict'),
      unresolved: count('unresolved'),
    },
    declarations,
    operations,
    requested,
    minimal,
    minimalChoices,
    missing,
    missingChoices,
    unused,
    classification,
    verification: {
      requested: highestClassification(requested) ?? null,
      // An open choice counts with its lowest classification: the least any pick will require.
      minimal: highestClassification([...minimal, ...minimalChoices.flatMap((list) => lowestClassified(list))]) ?? null,
    },
    skipped: [...(input.skipped ?? [])].map((item) => ({ ...item, file: relative(item.file) })),
  };
}

/** The scope of `scopes` Google classifies lowest; none when one is not catalogued (it may be lower). */
function lowestClassified(scopes: readonly string[]): string[] {
  const rank = (scope: string): number | undefined => {
    const classification = highestClassification([scope]);
    return classification === undefined ? undefined : CLASSIFICATION_RANK[classification];
  };
  if (scopes.some((scope) => rank(scope) === undefined)) return [];
  return scopes.length === 0 ? [] : [scopes.reduce((low, scope) => (rank(scope)! < rank(low)! ? scope : low))];
}

function classify(scope: string): ReportScopeClassification {
  const info = getScopeInfo(scope);
  // Other APIs' scopes: the fact tables' classification (the one lookup every API shares).
  const classification = info?.classification ?? scopeClassification(scope) ?? null;
  return {
    label: scopeLabel(scope),
    classification,
    verification: classification === null ? null : verificationConsequence(classification),
    addOnOnly: info?.addOnOnly ?? false,
    knownGoogleScope: isKnownGoogleScope(scope),
    misspelling: misspellingOf(scope),
    description: info?.description ?? null,
  };
}

function misspellingOf(scope: string): string | null {
  if (isKnownGoogleScope(scope)) return null;
  const correction = correctScope(scope);
  return correction.certain ? correction.candidates[0]! : null;
}

const AUTH_LABELS: Readonly<Record<AuthKind, string>> = {
  GoogleAuth: 'GoogleAuth',
  JWT: 'JWT',
  OAuth2: 'OAuth2 client',
  'local-auth': 'authenticate() (@google-cloud/local-auth)',
  getClient: 'getClient()',
  fromJSON: 'fromJSON()',
  other: 'auth client',
};

function labelOf(source: InventorySource): string {
  switch (source.kind) {
    case 'settings':
      return "settings['googleapis-scopes'].scopes";
    case 'file':
      return 'scopes declared in the file';
    case 'project':
      return "the project's requests (auth not traced)";
    case 'auth':
      return source.authKind === undefined ? source.description.replace(/^the /, '') : AUTH_LABELS[source.authKind];
  }
}

function compareLocations(
  fileA: string,
  a: { readonly line: number; readonly column: number },
  fileB: string,
  b: { readonly line: number; readonly column: number },
): number {
  return (fileA < fileB ? -1 : fileA > fileB ? 1 : 0) || a.line - b.line || a.column - b.column;
}

/** Located sources by file and position, then unlocated ones; settings last. */
function compareSources(relative: (file: string) => string) {
  const rank = (source: InventorySource): number =>
    source.kind === 'project' ? 3 : source.kind === 'settings' ? 2 : source.location === undefined ? 1 : 0;
  return (a: InventorySource, b: InventorySource): number => {
    const byRank = rank(a) - rank(b);
    if (byRank !== 0) return byRank;
    if (a.location !== undefined && b.location !== undefined) {
      return compareLocations(relative(a.location.file), a.location, relative(b.location.file), b.location);
    }
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  };
}

/** Catalogued scopes narrowest first, then any other scope (other APIs, typos) by name. */
function orderScopes(scopes: Iterable<string>): string[] {
  const unique = [...new Set(scopes)];
  const known = unique.filter((scope) => getScopeInfo(scope) !== undefined);
  const other = unique.filter((scope) => getScopeInfo(scope) === undefined).sort();
  return [...sortNarrowestFirst(known), ...other];
}
