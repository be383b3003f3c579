/**
 * The per-API scope order shipped in each data/apis/<api>-<version>.json as `grants`: scope
 * index -> the indices of the other scopes it grants (narrower or equivalent; transitively closed).
 *
 * Derived from that version's own method lists (never across APIs: one shared method such as
 * Apps Script's `scripts.run` would otherwise make `calendar.feeds`, `forms` and `groups`
 * equivalent): A grants B when every method that accepts B also accepts A. Then corrected by the
 * cited facts of src/scopes/order-facts.ts: partial scopes are derived to grant nothing,
 * unordered scopes take part in no derived pair, some methods are not used, cited implications
 * are added and cited non-implications removed. Unknown methods (no or empty scope list) take
 * no part.
 */
import type { ApiVersionFile } from '../../src/scopes/apis-format.ts';
import type { ApiOrderFacts } from '../../src/scopes/order-facts.ts';

export function deriveGrants(
  file: Pick<ApiVersionFile, 'scopes' | 'methods'>,
  facts: readonly ApiOrderFacts[] = [],
): Record<string, number[]> {
  const index = new Map(file.scopes.map((s, i) => [s, i]));
  const ids = (list: readonly { scope: string }[] | undefined): Set<number> =>
    new Set((list ?? []).flatMap((r) => (index.has(r.scope) ? [index.get(r.scope)!] : [])));
  const partial = ids(facts.flatMap((f) => f.partial ?? []));
  const unordered = ids(facts.flatMap((f) => f.unordered ?? []));
  const skipped = new Set(facts.flatMap((f) => (f.notOrderSources ?? []).map((m) => m.method)));

  const methodsOf = file.scopes.map(() => new Set<string>());
  for (const [id, m] of Object.entries(file.methods)) {
    if (skipped.has(id)) continue;
    for (const s of m.s ?? []) methodsOf[s]!.add(id);
  }
  const grants = file.scopes.map(() => new Set<number>());
  for (let a = 0; a < file.scopes.length; a++) {
    if (partial.has(a) || unordered.has(a) || methodsOf[a]!.size === 0) continue;
    for (let b = 0; b < file.scopes.length; b++) {
      if (a === b || unordered.has(b) || methodsOf[b]!.size === 0) continue;
      if ([...methodsOf[b]!].every((id) => methodsOf[a]!.has(id))) grants[a]!.add(b);
    }
  }
  for (const g of facts.flatMap((f) => f.grants ?? [])) {
    const a = index.get(g.broader);
    const b = index.get(g.narrower);
    if (a !== undefined && b !== undefined) grants[a]!.add(b);
  }
  // Transitive closure: Floyd–Warshall over the version's scopes (at most a few hundred).
  for (let k = 0; k < grants.length; k++) {
    for (const g of grants) if (g.has(k)) for (const j of grants[k]!) g.add(j);
  }
  for (const n of facts.flatMap((f) => f.notGrants ?? [])) {
    const a = index.get(n.broader);
    const b = index.get(n.narrower);
    if (a === undefined || b === undefined) continue;
    grants[a]!.delete(b);
    const via = [...grants[a]!].find((k) => grants[k]!.has(b));
    if (via !== undefined) {
      throw new Error(
        `order fact "${n.broader} does not grant ${n.narrower}" contradicts ${n.broader} ⊇ ${file.scopes[via]} ⊇ ${n.narrower}: add a fact for that step too`,
      );
    }
  }
  const out: Record<string, number[]> = {};
  grants.forEach((g, i) => {
    g.delete(i);
    if (g.size > 0) out[String(i)] = [...g].sort((x, y) => x - y);
  });
  return out;
}
