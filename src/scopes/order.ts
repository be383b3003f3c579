/**
 * The implication order between scopes: `grants(A, B)` ("A grants everything B does").
 *
 * Gmail's order, derived from its method map: A ⊇ B when B is accepted by at least one method
 * and every method (over all registered APIs) that accepts B also accepts A — except that an
 * add-on-only scope is never derived to be the broader one (its grant is limited to the
 * add-on's current message and moment, which the method lists can't express; see
 * `IMPLICATION_FACTS` in ./facts.ts). Plus the cited hand facts of `IMPLICATION_FACTS`,
 * closed transitively.
 *
 * In general this is a preorder (two scopes accepted by exactly the same methods would grant
 * each other); `isBroader` is its strict part. With the Gmail v1 data it is a partial order.
 *
 * Scopes that no registered method accepts (other APIs' scopes, typos) only grant themselves.
 */
import { GMAIL_V1 } from './api-map.ts';
import { classificationRank, isAddOnOnly } from './catalog.ts';
import { IMPLICATION_FACTS, SCOPE_FACTS } from './facts.ts';

const METHODS_BY_SCOPE: ReadonlyMap<string, ReadonlySet<string>> = (() => {
  const out = new Map<string, Set<string>>();
  // Gmail's map only: deriving across APIs is wrong (issue 15); every other API's order is the
  // shipped per-API `grants` (`scopeGrants` in ./apis-data.ts), which the solver reads.
  for (const map of [GMAIL_V1]) {
    for (const m of map.methods.values()) {
      const key = `${map.api}:${map.version}:${m.id}`;
      for (const s of m.scopes) {
        let set = out.get(s);
        if (!set) out.set(s, (set = new Set()));
        set.add(key);
      }
    }
  }
  return out;
})();

/** For each known scope, the set of scopes it grants (reflexive, transitive). */
const GRANTS: ReadonlyMap<string, ReadonlySet<string>> = (() => {
  const scopes = [...new Set([...METHODS_BY_SCOPE.keys(), ...IMPLICATION_FACTS.flatMap((f) => [f.broader, f.narrower])])].sort();
  const g = new Map<string, Set<string>>(scopes.map((s) => [s, new Set([s])]));
  for (const a of scopes) {
    const ma = METHODS_BY_SCOPE.get(a);
    if (!ma || isAddOnOnly(a)) continue;
    for (const b of scopes) {
      const mb = METHODS_BY_SCOPE.get(b);
      if (!mb || mb.size === 0 || a === b) continue;
      let all = true;
      for (const id of mb) {
        if (!ma.has(id)) {
          all = false;
          break;
        }
      }
      if (all) g.get(a)?.add(b);
    }
  }
  for (const f of IMPLICATION_FACTS) g.get(f.broader)?.add(f.narrower);
  // Transitive closure (Floyd–Warshall; a few dozen scopes).
  for (const k of scopes) {
    for (const i of scopes) {
      const gi = g.get(i) as Set<string>;
      if (!gi.has(k)) continue;
      for (const j of g.get(k) as Set<string>) gi.add(j);
    }
  }
  return g;
})();

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

/** 0 for scopes that grant no write operation (gmail.readonly), else 1: a tie-break before narrowness. */
export function writeKey(scope: string): number {
  return READ_ONLY.has(scope) ? 0 : 1;
}
const READ_ONLY = new Set(SCOPE_FACTS.filter((fact) => fact.readOnly === true).map((fact) => fact.url));

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
