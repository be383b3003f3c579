/**
 * gmail.metadata's restrictions: with gmail.metadata in the token, some calls fail even though
 * gmail.metadata is in their accepted list (and even when broader scopes are in the token too):
 * messages/threads.get with format `full`/`raw` (`full` is the default) and `q` on
 * messages/threads.list. Facts and citations: `./facts/gmail-v1.ts`.
 *
 * Note for fixes: adding a scope to a token that contains gmail.metadata does NOT cure such a
 * call — the metadata scope restricts the whole token. Curing it means removing gmail.metadata
 * (or changing the call, e.g. `format: 'metadata'`). That is the metadata-scope rule's job; the
 * solver is pure set cover and only sees the requirement lists computed here.
 */
import { getApiMap } from './api-map.ts';
import type { MethodInfo } from './api-map.ts';
import { GMAIL_V1_FACTS, METADATA_SCOPE, metadataRestrictions, type MetadataRestriction } from './facts/gmail-v1.ts';
import { tokenTrap } from './facts/index.ts';
import type { ParamShape } from './facts/types.ts';

export { METADATA_SCOPE, metadataRestrictions, type MetadataRestriction } from './facts/gmail-v1.ts';

/**
 * What the caller could resolve about a call's arguments: Gmail's `format`/`q`, and for every
 * API the literal parameters the fact tables read (`params`, `unresolvedParams`; see
 * ./facts/types.ts and ./call-requirement.ts).
 */
export interface CallShape extends ParamShape {
  /**
   * The `format` argument: a string when resolved, `undefined` when the call provably omits it
   * (the API then uses its default), `'unknown'` when it can't be resolved.
   */
  readonly format?: string | 'unknown';
  /** Whether the call passes `q` (a non-empty value): `'unknown'` when it can't be resolved. */
  readonly hasQ?: boolean | 'unknown';
}

/** Why a call breaks (or may break) under gmail.metadata. */
export type MetadataConflict =
  /** `format` is `'unknown'` (with `certain: false`) when unresolved; `defaulted` when omitted. */
  | { readonly kind: 'format'; readonly format: string; readonly defaulted: boolean; readonly certain: boolean }
  /** A forbidden parameter (`q`) is passed (`certain`) or may be (`certain: false`). */
  | { readonly kind: 'param'; readonly param: string; readonly certain: boolean };

export interface MetadataVerdict {
  /**
   * `not-applicable`: the method doesn't accept gmail.metadata (or has no restriction);
   * `ok`: the call works under gmail.metadata; `breaks`: it certainly fails;
   * `maybe`: it fails for some value the analysis couldn't resolve.
   */
  readonly status: 'not-applicable' | 'ok' | 'breaks' | 'maybe';
  readonly conflicts: readonly MetadataConflict[];
}

/** The gmail.metadata restriction of a method (its API's token trap, ./facts/), if it has one that can bite. */
export function getMetadataRestriction(method: MethodInfo): MetadataRestriction | undefined {
  const trap = tokenTrap(method.api, method.version);
  if (trap === undefined || !method.scopes.includes(trap.scope)) return undefined;
  return trap.restrictions.find((r) => r.methodId === method.id);
}

/** The API whose scope gmail.metadata is: the restrictions' method ids are its. */
const METADATA_API = GMAIL_V1_FACTS;

/** The scope to read with instead of gmail.metadata when a call needs more (full messages, search). */
export const METADATA_READ_REPLACEMENT = 'https://www.googleapis.com/auth/gmail.readonly';

/**
 * The methods a gmail.metadata error can come from: the ones that forbid `param` (`q`), or the
 * format the error names (`raw`; the default format when it names none), in the facts' order.
 */
export function methodsRestrictedBy(conflict: { readonly param: string } | { readonly format: string | null }): MethodInfo[] {
  const map = getApiMap(METADATA_API.api, METADATA_API.version);
  if (map === undefined) return [];
  const fits = (r: MetadataRestriction): boolean =>
    'param' in conflict
      ? (r.forbiddenParams ?? []).includes(conflict.param)
      : (r.forbiddenFormats ?? []).includes((conflict.format ?? r.defaultFormat ?? '').toLowerCase());
  return metadataRestrictions.filter(fits).flatMap((r) => {
    const method = map.methods.get(r.methodId);
    return method === undefined ? [] : [method];
  });
}

/** Whether the call works, fails or may fail when gmail.metadata is in the token. */
export function metadataVerdict(method: MethodInfo, call: CallShape = {}): MetadataVerdict {
  const r = getMetadataRestriction(method);
  if (!r) return { status: 'not-applicable', conflicts: [] };
  const conflicts: MetadataConflict[] = [];
  if (r.forbiddenFormats && r.forbiddenFormats.length > 0) {
    if (call.format === 'unknown') {
      conflicts.push({ kind: 'format', format: 'unknown', defaulted: false, certain: false });
    } else {
      const defaulted = call.format === undefined;
      const format = defaulted ? r.defaultFormat : call.format;
      if (format !== undefined && r.forbiddenFormats.includes(format.toLowerCase())) {
        conflicts.push({ kind: 'format', format: format.toLowerCase(), defaulted, certain: true });
      }
    }
  }
  for (const param of r.forbiddenParams ?? []) {
    // Only `q` is restricted today; CallShape carries it as `hasQ`.
    const present = param === 'q' ? call.hasQ : undefined;
    if (present === true) conflicts.push({ kind: 'param', param, certain: true });
    else if (present === 'unknown') conflicts.push({ kind: 'param', param, certain: false });
  }
  const status = conflicts.length === 0 ? 'ok' : conflicts.some((c) => c.certain) ? 'breaks' : 'maybe';
  return { status, conflicts };
}

export interface EffectiveScopeOptions {
  /**
   * How to treat a call that MAY break under gmail.metadata (unresolved format or `q`):
   * `'drop'` (default — conservative for proposing a fix: never propose gmail.metadata for
   * it) or `'keep'` (don't report a call as failing on a guess).
   */
  readonly whenUnknown?: 'drop' | 'keep';
}

/**
 * The scopes that really satisfy this call: the method's accepted list, minus gmail.metadata
 * when the call breaks under it (and, by default, when it might).
 */
export function effectiveAcceptedScopes(method: MethodInfo, call: CallShape = {}, options: EffectiveScopeOptions = {}): readonly string[] {
  const { status } = metadataVerdict(method, call);
  const drop = status === 'breaks' || (status === 'maybe' && (options.whenUnknown ?? 'drop') === 'drop');
  return drop ? method.scopes.filter((s) => s !== METADATA_SCOPE) : method.scopes;
}
