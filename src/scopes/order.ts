/**
 * The implication order between Gmail's scopes: `grants(A, B)` ("A grants everything B does").
 *
 * It is Gmail v1's shipped per-API order (`scopeGrants` in ./apis-data.ts, written by the
 * generator like every other API's): A ⊇ B when every Gmail method that accepts B also accepts
 * A, corrected by the cited facts of ./order-facts.ts (an add-on-only scope reaches only the
 * add-on's current message and moment, so it is never derived to be the broader one; the one
 * implication among add-on scopes). tests/scopes/order.test.ts checks DESIGN.md's chain on it.
 *
 * With the Gmail v1 data it is a partial order; `isBroader` is its strict part. Scopes that no
 * Gmail method accepts (other APIs' scopes, typos) only grant themselves; the solver reads the
 * other APIs' orders from their data directly.
 */
import { GMAIL_V1 } from './api-map.ts';
import { scopeGrants } from './apis-data.ts';
import { classificationRank } from './catalog.ts';
import { SCOPE_FACTS } from './facts/gmail-v1.ts';
import { isReadOnlyScope } from './facts/index.ts';

/** Gmail's methods accepting each scope, as `api:version:methodId` (narrowness and `methodsAccepting`). */
const METHODS_BY_SCOPE: ReadonlyMap<string, ReadonlySet<string>> = (() => {
  const out = new Map<string, Set<string>>();
  // Gmail's map only: counting across APIs is wrong (issue 15).
  for (const m of GMAIL_V1.methods.values()) {
    const key = `${GMAIL_V1.api}:${GMAIL_V1.version}:${m.id}`;
    for (const s of m.scopes) {
      let set = out.get(s);
      if (!set) out.set(s, (set = new Set()));
      set.add(key);
    }
  }
  return out;
})();

/** For each Gmail scope, the set of scopes it grants (reflexive, transitive). */
const GRANTS: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  GMAIL_V1.scopes.map((s) => [s, new Set([s, ...(scopeGrants(GMAIL_V1.api, GMAIL_V1.version, s) ?? [])])]),
);

/** Whether `a` grants everything `b` does (reflexive: `grants(x, x)` is true). */
export function grants(a: string, b: string): boolean {
  return a === b || GRANTS.get(a)?.has(b) === true;
}

/** Whether `a` grants strictly more than `b`: `grants(a, b) && !grants(b, a)`. */
export function isBroader(a: string, b: string): boolean {
  return a !== b && grants(a, b) && !grants(b, a);
}

/** Whether `a` and `b` grant each other (same scope, or accepted by exactly the same methods). */
export function isEquivalent(a: string, b: string): boolean {
  return grants(a, b) && grants(b, a);
}

/**
 * How many methods (over all registered APIs) accept the scope. Fewer is narrower; 0 for a
 * scope no registered method accepts. Used to break ties.
 */
export function narrownessKey(scope: string): number {
  return METHODS_BY_SCOPE.get(scope)?.size ?? 0;
}

/** 1 for scopes Google reserves for administrators (gmail.settings.sharing), else 0: a tie-break before narrowness. */
export function administrativeKey(scope: string): number {
  return ADMINISTRATIVE.has(scope) ? 1 : 0;
}
const ADMINISTRATIVE = new Set(SCOPE_FACTS.filter((fact) => fact.administrative === true).map((fact) => fact.url));

/** 0 for scopes a fact table says grant no write operation (gmail.readonly), else 1: a tie-break before narrowness. */
export function writeKey(scope: string): number {
  return isReadOnlyScope(scope) ? 0 : 1;
}

/** The registered methods accepting `scope`, as `api:version:methodId`, sorted. */
export function methodsAccepting(scope: string): readonly string[] {
  return [...(METHODS_BY_SCOPE.get(scope) ?? [])].sort();
}

/** Total, deterministic tie-break: classification rank, then narrowness, then name. */
export function compareScopeKeys(a: string, b: string): number {
  return (
    classificationRank(a) - classificationRank(b) ||
    administrativeKey(a) - administrativeKey(b) ||
    narrownessKey(a) - narrownessKey(b) ||
    (a < b ? -1 : a > b ? 1 : 0)
  );
}

/**
 * Sorts scopes narrowest first, deterministically, without duplicates: if A is broader than
 * B, B comes first; otherwise by classification rank, then number of accepting methods, then
 * name. (A topological sort that always takes the smallest available key.)
 */
export function sortNarrowestFirst(scopes: Iterable<string>): string[] {
  const remaining = [...new Set(scopes)].sort(compareScopeKeys);
  const out: string[] = [];
  while (remaining.length > 0) {
    // The first (smallest-key) scope with no strictly narrower scope still remaining.
    let idx = remaining.findIndex((a) => !remaining.some((b) => isBroader(a, b)));
    if (idx < 0) idx = 0; // unreachable: isBroader is acyclic
    out.push(remaining[idx] as string);
    remaining.splice(idx, 1);
  }
  return out;
}

/** The minimal elements of `scopes` (no other member is strictly narrower), narrowest first. */
export function narrowestOf(scopes: Iterable<string>): string[] {
  const list = [...new Set(scopes)];
  return sortNarrowestFirst(list.filter((a) => !list.some((b) => isBroader(a, b))));
}
