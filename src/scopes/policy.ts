/**
 * The policy definitions the rules and the report share, so they never disagree: which requested
 * scopes are "missing", "used" and "unused", and the "highest classification" of a list.
 *
 * "Used" and "unused" requested scopes (the report never calls a scope both missing and unused):
 * A requested scope is *used* when it belongs to the least-privileged cover (`./solver.ts`'s
 * objective) of the calls' requirements chosen among the requested scopes; every other
 * requested scope is *unused*: the used ones already keep every call that works working.
 */
import type { MethodInfo } from './api-map.ts';
import { CLASSIFICATION_RANK, classificationOf } from './catalog.ts';
import type { Classification } from './catalog.ts';
import { effectiveAcceptedScopes, metadataVerdict } from './metadata.ts';
import type { CallShape, MetadataVerdict } from './metadata.ts';
import { solve } from './solver.ts';

/** What one call needs, as both the rules (from the AST) and the report (from plain data) know it. */
export interface CallNeed {
  /** Every scope the method accepts. */
  readonly accepted: readonly string[];
  /** `accepted` minus gmail.metadata when the call breaks (or may break) under it. */
  readonly effective: readonly string[];
  /** How the call fares with gmail.metadata in the token. */
  readonly metadata: MetadataVerdict['status'];
}

/** What a call of `method` with these arguments needs. */
export function callNeed(method: MethodInfo, shape: CallShape): CallNeed {
  return {
    accepted: method.scopes,
    effective: effectiveAcceptedScopes(method, shape),
    metadata: metadataVerdict(method, shape).status,
  };
}

/** The requested scopes that the calls use (see the module comment). */
export function usedScopes(calls: readonly CallNeed[], requested: Iterable<string>): Set<string> {
  const have = new Set(requested);
  const requirements: string[][] = [];
  for (const call of calls) {
    // A call that may break under gmail.metadata still counts as using it.
    let usable = (call.metadata === 'maybe' ? call.accepted : call.effective).filter((scope) => have.has(scope));
    // A call that certainly breaks under gmail.metadata, with nothing else requested, still uses it
    // (removing it changes the 403, not the outcome: that is metadata-scope's business).
    if (usable.length === 0) usable = call.accepted.filter((scope) => have.has(scope));
    if (usable.length > 0) requirements.push(usable);
  }
  // Among the requested scopes any may be kept, add-on and gmail.metadata ones included.
  return new Set(solve(requirements, [], { proposable: () => true }).add);
}

/** The requested scopes (in their order) that `usedScopes` leaves out. */
export function unusedScopes(calls: readonly CallNeed[], requested: readonly string[]): string[] {
  const used = usedScopes(calls, requested);
  return requested.filter((scope) => !used.has(scope));
}

/**
 * The scopes to add so that every failing call works: the least-privileged cover of what they
 * need beyond `requested` (never gmail.metadata nor add-on scopes: see ./solver.ts).
 */
export function missingScopes(failing: readonly CallNeed[], requested: readonly string[]): string[] {
  return solve(failing.map((call) => call.effective), requested).add;
}

/** Google's highest classification among the scopes (uncatalogued ones count for nothing); undefined when none is catalogued. */
export function highestClassification(scopes: Iterable<string>): Classification | undefined {
  let best: Classification | undefined;
  for (const scope of scopes) {
    const classification = classificationOf(scope);
    if (classification !== undefined && (best === undefined || CLASSIFICATION_RANK[classification] > CLASSIFICATION_RANK[best])) {
      best = classification;
    }
  }
  return best;
}
