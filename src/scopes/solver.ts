/**
 * The least-privileged scope cover: which scopes to ADD so that every call's requirement (its
 * list of accepted scopes — any one suffices) intersects `requested ∪ added`. The one objective
 * shared by missing-scope's fix and suggestions, least-privilege and the report's "minimal" set,
 * so that the plugin never flags what it proposed.
 *
 * Pure set cover over the requirement lists it is given. Callers are responsible for the
 * per-call lists; in particular for gmail.metadata they pass `effectiveAcceptedScopes(...)`
 * from `./metadata.ts`, which removes gmail.metadata from calls that break under it. Adding a
 * scope never cures a call that breaks because gmail.metadata is ALREADY in the token (the
 * metadata scope restricts the whole token); that is the metadata-scope rule's business.
 *
 * Never proposes (but counts when already requested, see `isProposable`):
 * - add-on-only scopes (`gmail.addons.*`): a web or server app can never obtain them;
 * - gmail.metadata: in a token it makes full-format reads and every `q` search fail, even next
 *   to broader scopes, and it is as restricted as gmail.readonly, so it buys nothing.
 * A requirement that only such scopes satisfy is reported as unsatisfiable.
 *
 * Preference between covers, each criterion breaking the ties of the previous one:
 *   1. the lowest highest classification among the added scopes (non-sensitive < sensitive <
 *      restricted): {gmail.send, gmail.labels} beats {gmail.modify};
 *   2. fewest scopes added;
 *   3. the lowest sum of classification ranks;
 *   4. fewest scopes Google reserves for administrators (gmail.settings.sharing);
 *   5. fewest scopes that grant writes: gmail.readonly beats gmail.compose for `getProfile`;
 *   6. narrowest: the sum of `narrownessKey` (number of methods accepting each scope), so
 *      gmail.readonly beats gmail.modify;
 *   7. lexicographic on the sorted scope URLs: only to be deterministic. A single call whose best
 *      scopes tie up to here is an open choice (`tiedChoices`, ./call-requirement.ts): rules
 *      then offer each as a suggestion and never autofix.
 * Exact: subsets are enumerated by increasing size with pruning (candidate sets are small:
 * Gmail has 9 scopes that can be proposed). Above `EXACT_CANDIDATE_LIMIT` candidates a greedy
 * cover is used instead (not reachable with the current data).
 */
import { loadApiVersion, scopeGrants } from './apis-data.ts';
import { classificationRank, isAddOnOnly } from './catalog.ts';
import { METADATA_SCOPE } from './facts/gmail-v1.ts';
import { classificationBound, isReadOnlyScope, scopeClassification } from './facts/index.ts';
import { administrativeKey, compareScopeKeys, isBroader, narrownessKey, sortNarrowestFirst } from './order.ts';

/**
 * What one call needs. A list: the scopes it accepts (any one suffices), both to tell whether it
 * is satisfied and to choose from (Gmail's rules pass `effectiveAcceptedScopes(...)`). A
 * {@link ScopedRequirement} (`callRequirement(...)` in ./call-requirement.ts) separates the two:
 * requested silent-subset scopes (drive.file) satisfy it, but a fix chooses only among
 * `proposable`; its API version lets the solver use that API's scope order and facts.
 */
export type Requirement = readonly string[] | ScopedRequirement;

export interface ScopedRequirement {
  /** The accepted scopes under which this call works (the method's list minus the scopes a certain trap excludes). */
  readonly satisfying: readonly string[];
  /** The scopes a fix may propose for it: `satisfying` minus silent subsets that do not fit and uncertain traps. */
  readonly proposable: readonly string[];
  /** The API version whose shipped scope order (`scopeGrants`) ranks the candidates. */
  readonly api?: string;
  readonly version?: string;
}

const satisfyingOf = (requirement: Requirement): readonly string[] => (isScoped(requirement) ? requirement.satisfying : requirement);
const isScoped = (requirement: Requirement): requirement is ScopedRequirement => !Array.isArray(requirement);

export interface SolveOptions {
  /** Above this many candidate scopes, use a greedy cover instead of the exact search. */
  readonly exactCandidateLimit?: number;
  /**
   * Which scopes may be chosen (default `isProposable`). `usedScopes` in ./policy.ts chooses
   * among the requested scopes, where a requested gmail.metadata or add-on scope counts.
   * Given, it chooses among everything that satisfies a {@link ScopedRequirement} (its
   * `satisfying`); by default only among its `proposable`.
   */
  readonly proposable?: (scope: string) => boolean;
}

export interface SolveResult {
  /** Scopes to add, narrowest first. Empty when nothing is missing. */
  readonly add: string[];
  /**
   * Every scope of a cover as good as `add` but for the names (criterion 7), `add` included,
   * narrowest first: a scope outside `add` that only its name left out (Calendar `channels.stop`
   * under calendar.acls.readonly or calendar.settings.readonly). `usedScopes` in ./policy.ts counts
   * them all as used. The greedy cover has no ties: `add`.
   */
  readonly tied: string[];
  /** Indices (into `requirements`) that no proposable scope can satisfy (add-on-only lists). */
  readonly unsatisfiable: number[];
}

export const EXACT_CANDIDATE_LIMIT = 22;

/** Whether a fix may propose the scope (see the module comment): not add-on-only, not gmail.metadata. */
export function isProposable(scope: string): boolean {
  return scope !== METADATA_SCOPE && !isAddOnOnly(scope);
}

/**
 * Scope strings that are one grant: Google's OpenID Connect short names `email` and `profile`
 * and the userinfo URLs they stand for. Google accepts either form in a request and grants both
 * (the token's scope lists `…/auth/userinfo.email` for a requested `email`, and the reverse):
 * https://developers.google.com/identity/protocols/oauth2/scopes#oauth2 (Google OAuth2 API v2:
 * openid, userinfo.email, userinfo.profile) and
 * https://developers.google.com/identity/openid-connect/openid-connect#scope-param.
 */
const SAME_GRANT: ReadonlyMap<string, string> = new Map([
  ['email', 'https://www.googleapis.com/auth/userinfo.email'],
  ['https://www.googleapis.com/auth/userinfo.email', 'email'],
  ['profile', 'https://www.googleapis.com/auth/userinfo.profile'],
  ['https://www.googleapis.com/auth/userinfo.profile', 'profile'],
]);

/**
 * The form of `scope` that `requested` holds (`scope` itself, or its other spelling: a requested
 * `email` grants userinfo.email), or undefined when neither is requested. The one comparison of a
 * requested scope with an accepted one.
 */
export function requestedForm(scope: string, requested: ReadonlySet<string>): string | undefined {
  if (requested.has(scope)) return scope;
  const other = SAME_GRANT.get(scope);
  return other !== undefined && requested.has(other) ? other : undefined;
}

/**
 * Whether one call is satisfied: its accepted list intersects `requested` (`requestedForm`). An
 * empty accepted list means the method needs no scope (satisfied).
 */
export function isSatisfied(requirement: Requirement, requested: Iterable<string>): boolean {
  const list = satisfyingOf(requirement);
  if (list.length === 0) return true;
  const set = setOf(requested);
  return list.some((s) => requestedForm(s, set) !== undefined);
}

/**
 * Frozen lists (settings scopes, which can hold a million entries and are asked about once per
 * call) become a set once; a frozen array can't change under its cached set.
 */
const frozenSets = new WeakMap<readonly string[], ReadonlySet<string>>();

function setOf(requested: Iterable<string>): ReadonlySet<string> {
  if (requested instanceof Set) return requested as ReadonlySet<string>;
  if (!Array.isArray(requested) || !Object.isFrozen(requested)) return new Set(requested);
  let set = frozenSets.get(requested);
  if (set === undefined) {
    set = new Set(requested);
    frozenSets.set(requested, set);
  }
  return set;
}

interface Cost {
  readonly count: number;
  readonly maxRank: number;
  readonly sumRank: number;
  readonly sumNarrow: number;
  /** How many of the scopes Google reserves for administrators (preferred against). */
  readonly administrative: number;
  /** How many of the scopes grant writes. */
  readonly writes: number;
  readonly names: readonly string[];
}

/**
 * Rank of a scope's classification from every fact table (Gmail's, then the per-API ones), or of
 * the most it can be (`classificationBound`); unknown ranks as restricted (never prefer a scope we
 * can't classify over one we know is lower).
 */
export function classificationRankOf(scope: string): number {
  return classificationRank(scope);
}

/** The scope order the solver uses for these requirements: Gmail's derived order and each scoped requirement's API version. */
export interface ScopeOrder {
  /** Strictly broader in Gmail's order or in one of the requirements' API versions. */
  broader(a: string, b: string): boolean;
  /** Classification rank for choosing (see `ScopeContext#rank`). */
  rank(scope: string): number;
  /** Narrowness key: Gmail's method count, else how many scopes it grants in those API versions. */
  narrow(scope: string): number;
  /** Whether any requirement is scoped to an API version (else Gmail's order alone applies). */
  readonly scoped: boolean;
}

export function scopeOrderFor(requirements: readonly Requirement[]): ScopeOrder {
  const context = new ScopeContext(requirements);
  return {
    broader: (a, b) => context.broader(a, b),
    rank: (scope) => context.rank(scope),
    narrow: (scope) => context.narrow(scope),
    scoped: context.scoped,
  };
}

/** The accepted scopes under which a requirement's call works (a list is its own). */
export function satisfyingScopes(requirement: Requirement): readonly string[] {
  return satisfyingOf(requirement);
}

/** The rank the solver chooses by for `scope` among `api` `version`'s calls (see `ScopeContext#rank`). */
export function classificationRankIn(api: string, version: string, scope: string): number {
  return new ScopeContext([{ satisfying: [], proposable: [], api, version }]).rank(scope);
}

/** 0 for scopes a fact table says grant no write operation, else 1. */
const writeKeyOf = (scope: string): number => (isReadOnlyScope(scope) ? 0 : 1);

/**
 * The API versions a solve is about (from its scoped requirements): their shipped scope order
 * ranks the scopes the Gmail-only `narrownessKey` does not know.
 */
class ScopeContext {
  private readonly versions: readonly (readonly [string, string])[];
  private readonly narrowCache = new Map<string, number>();

  constructor(requirements: readonly Requirement[]) {
    const keys = new Map<string, readonly [string, string]>();
    for (const r of requirements) {
      if (isScoped(r) && r.api !== undefined && r.version !== undefined) keys.set(`${r.api}:${r.version}`, [r.api, r.version]);
    }
    this.versions = [...keys.values()];
  }

  get scoped(): boolean {
    return this.versions.length > 0;
  }

  private readonly rankCache = new Map<string, number>();

  /**
   * Classification rank for choosing: Google's (every fact table), else — for a scope no table
   * classifies — the lowest of its bound (`classificationBound`: not restricted) and the rank of a
   * classified or bounded scope that strictly grants it in one of the
   * solve's API versions (it grants less of the same data, so it is at most as sensitive: an
   * unclassified calendar.app.created is never ranked above the sensitive calendar it is part
   * of), else restricted (never prefer an unknown scope over one we know is lower).
   */
  rank(scope: string): number {
    let r = this.rankCache.get(scope);
    if (r === undefined) {
      r = classificationRankOf(scope);
      if (scopeClassification(scope) === undefined) {
        for (const [api, version] of this.versions) {
          const data = scopesOf(api, version);
          for (const broader of data) {
            if (broader === scope || classificationBound(broader) === undefined || !this.broader(broader, scope)) continue;
            r = Math.min(r, classificationRankOf(broader));
          }
        }
      }
      this.rankCache.set(scope, r);
    }
    return r;
  }

  private readonly writeCache = new Map<string, number>();

  /**
   * 0 when a fact table says the scope grants no write operation, or when a scope said to be
   * read-only grants it in one of the solve's API versions (part of read-only access is
   * read-only: calendar.readonly grants calendar.events.freebusy); else 1.
   */
  writes(scope: string): number {
    let w = this.writeCache.get(scope);
    if (w === undefined) {
      w = writeKeyOf(scope);
      if (w === 1) {
        for (const [api, version] of this.versions) {
          if (scopesOf(api, version).some((broader) => broader !== scope && isReadOnlyScope(broader) && this.broader(broader, scope)))
            w = 0;
        }
      }
      this.writeCache.set(scope, w);
    }
    return w;
  }

  /** Gmail's method count, else how many scopes it grants in the solve's API versions (fewer is narrower). */
  narrow(scope: string): number {
    let n = this.narrowCache.get(scope);
    if (n === undefined) {
      n = narrownessKey(scope) || Math.max(0, ...this.versions.map(([api, version]) => scopeGrants(api, version, scope)?.length ?? 0));
      this.narrowCache.set(scope, n);
    }
    return n;
  }

  /** Strictly broader in Gmail's order or in one of the solve's API versions. */
  broader(a: string, b: string): boolean {
    if (isBroader(a, b)) return true;
    return this.versions.some(
      ([api, version]) => scopeGrants(api, version, a)?.includes(b) === true && scopeGrants(api, version, b)?.includes(a) !== true,
    );
  }

  /** Narrowest first (a topological sort taking the smallest key), like `sortNarrowestFirst`. */
  sort(scopes: readonly string[]): string[] {
    if (!this.scoped) return sortNarrowestFirst(scopes);
    const key = (a: string, b: string): number =>
      this.rank(a) - this.rank(b) ||
      administrativeKey(a) - administrativeKey(b) ||
      this.narrow(a) - this.narrow(b) ||
      compareScopeKeys(a, b);
    const remaining = [...new Set(scopes)].sort(key);
    const out: string[] = [];
    while (remaining.length > 0) {
      let idx = remaining.findIndex((a) => !remaining.some((b) => this.broader(a, b)));
      if (idx < 0) idx = 0;
      out.push(remaining[idx] as string);
      remaining.splice(idx, 1);
    }
    return out;
  }
}

/** The scopes an API version's methods accept (its shipped order's domain). */
function scopesOf(api: string, version: string): readonly string[] {
  return loadApiVersion(api, version)?.scopes ?? [];
}

function costOf(scopes: readonly string[], context: ScopeContext): Cost {
  let maxRank = -1;
  let sumRank = 0;
  let sumNarrow = 0;
  let administrative = 0;
  let writes = 0;
  for (const s of scopes) {
    const r = context.rank(s);
    if (r > maxRank) maxRank = r;
    sumRank += r;
    sumNarrow += context.narrow(s);
    administrative += administrativeKey(s);
    writes += context.writes(s);
  }
  return { count: scopes.length, maxRank, sumRank, sumNarrow, administrative, writes, names: [...scopes].sort() };
}

function compareNames(a: readonly string[], b: readonly string[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i] as string;
    const y = b[i] as string;
    if (x !== y) return x < y ? -1 : 1;
  }
  return a.length - b.length;
}

function compareCost(a: Cost, b: Cost): number {
  return compareCostButNames(a, b) || compareNames(a.names, b.names);
}

/** Criteria 1 to 6: zero when only the names would choose. */
function compareCostButNames(a: Cost, b: Cost): number {
  return (
    a.maxRank - b.maxRank ||
    a.count - b.count ||
    a.sumRank - b.sumRank ||
    a.administrative - b.administrative ||
    a.writes - b.writes ||
    a.sumNarrow - b.sumNarrow
  );
}

/**
 * Full answer: the scopes to add (see the module comment for the preference order) and the
 * requirements that only add-on-only scopes could satisfy.
 */
export function solve(requirements: readonly Requirement[], requested: Iterable<string>, options: SolveOptions = {}): SolveResult {
  const have = setOf(requested);
  const unsatisfiable: number[] = [];
  const pending: string[][] = [];
  const context = new ScopeContext(requirements);
  requirements.forEach((req, i) => {
    if (isSatisfied(req, have)) return;
    const choices = !isScoped(req) ? req : options.proposable ? req.satisfying : req.proposable;
    const allowed = [...new Set(choices.filter(options.proposable ?? isProposable))].sort();
    if (allowed.length === 0) unsatisfiable.push(i);
    else pending.push(allowed);
  });
  if (pending.length === 0) return { add: [], tied: [], unsatisfiable };

  // Drop duplicates and requirements implied by a smaller one (covering A ⊆ B covers B).
  const unique = [...new Map(pending.map((r) => [r.join('\n'), r])).values()].sort((a, b) => a.length - b.length || compareNames(a, b));
  const reqs: string[][] = [];
  for (const r of unique) {
    if (!reqs.some((smaller) => smaller.every((s) => r.includes(s)))) reqs.push(r);
  }

  const candidates = [...new Set(reqs.flat())].sort();
  const masks = candidates.map((c) => reqs.reduce((m, r, i) => (r.includes(c) ? m | (1n << BigInt(i)) : m), 0n));
  const full = (1n << BigInt(reqs.length)) - 1n;

  let chosen: string[];
  let tied: string[];
  if (candidates.length > (options.exactCandidateLimit ?? EXACT_CANDIDATE_LIMIT)) {
    chosen = greedyCover(candidates, masks, full, context);
    tied = chosen;
  } else {
    ({ chosen, tied } = exactCover(candidates, masks, full, context));
  }
  return { add: context.sort(chosen), tied: context.sort(tied), unsatisfiable };
}

function exactCover(
  candidates: readonly string[],
  masks: readonly bigint[],
  full: bigint,
  context: ScopeContext,
): { chosen: string[]; tied: string[] } {
  const n = candidates.length;
  // suffixUnion[i] = union of masks[i..n-1], for "can the rest still cover?" pruning.
  const suffixUnion: bigint[] = new Array<bigint>(n + 1).fill(0n);
  for (let i = n - 1; i >= 0; i--) suffixUnion[i] = (suffixUnion[i + 1] as bigint) | (masks[i] as bigint);

  const ranks = candidates.map((candidate) => context.rank(candidate));
  let best: { scopes: string[]; cost: Cost } | undefined;
  // The scopes of every cover as good as the best but for the names.
  let tied = new Set<string>();
  const pick: number[] = [];
  const visit = (start: number, covered: bigint, k: number): void => {
    if (pick.length === k) {
      if (covered !== full) return;
      const scopes = pick.map((i) => candidates[i] as string);
      const cost = costOf(scopes, context);
      const byCost = best === undefined ? -1 : compareCostButNames(cost, best.cost);
      if (byCost < 0) tied = new Set(scopes);
      else if (byCost === 0) for (const scope of scopes) tied.add(scope);
      if (!best || compareCost(cost, best.cost) < 0) best = { scopes, cost };
      return;
    }
    for (let i = start; i <= n - (k - pick.length); i++) {
      if (((covered | (suffixUnion[i] as bigint)) & full) !== full) return;
      // A scope of a higher classification than the best cover so far can't be in a better one.
      if (best !== undefined && (ranks[i] as number) > best.cost.maxRank) continue;
      const m = masks[i] as bigint;
      if ((covered | m) === covered) continue; // adds nothing: never part of a best cover
      pick.push(i);
      visit(i + 1, covered | m, k);
      pick.pop();
    }
  };
  // Every size: a larger cover of a lower classification beats a smaller one.
  for (let k = 1; k <= n; k++) visit(0, 0n, k);
  return best ? { chosen: best.scopes, tied: [...tied] } : { chosen: [], tied: [] };
}

function greedyCover(candidates: readonly string[], masks: readonly bigint[], full: bigint, context: ScopeContext): string[] {
  const popcount = (x: bigint): number => {
    let c = 0;
    for (let v = x; v > 0n; v &= v - 1n) c++;
    return c;
  };
  let covered = 0n;
  const chosen: number[] = [];
  while (covered !== full) {
    let bestI = -1;
    let bestGain = 0;
    for (let i = 0; i < candidates.length; i++) {
      const gain = popcount((masks[i] as bigint) & ~covered & full);
      if (gain === 0) continue;
      const c = candidates[i] as string;
      const b = bestI >= 0 ? (candidates[bestI] as string) : undefined;
      if (
        gain > bestGain ||
        (gain === bestGain &&
          b !== undefined &&
          (context.rank(c) - context.rank(b) || context.narrow(c) - context.narrow(b) || (c < b ? -1 : 1)) < 0)
      ) {
        bestI = i;
        bestGain = gain;
      }
    }
    if (bestI < 0) break;
    chosen.push(bestI);
    covered |= masks[bestI] as bigint;
  }
  // Remove members made redundant by later picks.
  for (let j = chosen.length - 1; j >= 0; j--) {
    const others = chosen.reduce((m, i, idx) => (idx === j ? m : m | (masks[i] as bigint)), 0n);
    if ((others & full) === full) chosen.splice(j, 1);
  }
  return chosen.map((i) => candidates[i] as string);
}

/**
 * The narrowest of `scopes` in the order of the requirements' API versions (Gmail's derived order
 * and each version's shipped `scopeGrants`), narrowest first: what a message names before "or broader".
 */
export function narrowestFor(requirements: readonly Requirement[], scopes: readonly string[]): string[] {
  const context = new ScopeContext(requirements);
  return context.sort(scopes.filter((a) => !scopes.some((b) => context.broader(a, b))));
}

/** `scopes` narrowest first in the order of the requirements' API versions (see `narrowestFor`). */
export function sortFor(requirements: readonly Requirement[], scopes: readonly string[]): string[] {
  return new ScopeContext(requirements).sort(scopes);
}

/** The scopes to add so that every requirement is satisfied (add-on-only scopes never proposed). */
export function solveMissingScopes(
  requirements: readonly Requirement[],
  requested: Iterable<string>,
  options: SolveOptions = {},
): string[] {
  return solve(requirements, requested, options).add;
}

/** The least-privileged set covering every requirement from scratch (the report's "minimal"). */
export function minimalCover(requirements: readonly Requirement[], options: SolveOptions = {}): string[] {
  return solveMissingScopes(requirements, [], options);
}

/**
 * The scopes tied for the best choice for one requirement alone: the proposable scopes that the
 * preference order (classification, administrative, writes, narrowness; see the module comment)
 * cannot tell apart, neither granting the other. More than one means only the last criterion, the
 * scope names, would choose: not a certain choice (Calendar `channels.stop` accepts
 * calendar.acls.readonly and calendar.calendarlist.readonly alike). Narrowest first. Without
 * `byNarrowness`, narrowness does not rank either (a fact table says it is no evidence for the call).
 */
export function tiedChoices(requirement: ScopedRequirement, { byNarrowness = true }: { readonly byNarrowness?: boolean } = {}): string[] {
  const context = new ScopeContext([requirement]);
  const allowed = [...new Set(requirement.proposable.filter(isProposable))];
  const key = (scope: string): readonly number[] => [
    context.rank(scope),
    administrativeKey(scope),
    context.writes(scope),
    byNarrowness ? context.narrow(scope) : 0,
  ];
  const compare = (a: readonly number[], b: readonly number[]): number => a.reduce((d, x, i) => d || x - (b[i] as number), 0);
  let best: readonly number[] | undefined;
  for (const scope of allowed) {
    const k = key(scope);
    if (best === undefined || compare(k, best) < 0) best = k;
  }
  const tied = allowed.filter((scope) => best !== undefined && compare(key(scope), best) === 0);
  return context.sort(tied.filter((a) => !tied.some((b) => context.broader(a, b))));
}
