/**
 * The policy definitions the rules and the report share, so they never disagree: which requested
 * scopes are "missing", "used" and "unused", and the "highest classification" of a list.
 *
 * "Used" and "unused" requested scopes (the report never calls a scope both missing and unused):
 * A requested scope is *used* when it belongs to the least-privileged cover (`./solver.ts`'s
 * objective) of the calls' requirements chosen among the requested scopes; every other
 * requested scope is *unused*: the used ones already keep every call that works working.
 * A silent subset (drive.file, drive.appdata, calendar.app.created, …: `silentSubsets` in
 * ./facts/) covers a call only when the call fits it (`fitting` of ./call-requirement.ts, the
 * same test missing-scope's fix applies): next to drive.file, drive.readonly is used by
 * `files.get` of a file the code does not show the app created. When no requested scope fits,
 * each requested one the call works under counts as used (the code may rely on any of them).
 */
import type { MethodInfo } from './api-map.ts';
import { CLASSIFICATION_RANK, classificationOf, isAddOnOnly } from './catalog.ts';
import type { Classification } from './catalog.ts';
import { effectiveAcceptedScopes, METADATA_SCOPE, metadataVerdict } from './metadata.ts';
import type { CallShape, MetadataVerdict } from './metadata.ts';
import { callRequirement, fieldRequirements, trapVerdict } from './call-requirement.ts';
import { hasTokenPoisoningTrap } from './facts/index.ts';
import type { CallRequirement, TrapVerdict } from './call-requirement.ts';
import { sortNarrowestFirst } from './order.ts';
import { isSatisfied, narrowestFor, requestedForm, solve, sortFor } from './solver.ts';
import type { Requirement } from './solver.ts';

export { hasTokenPoisoningTrap } from './facts/index.ts';

/** What one call needs, as both the rules (from the AST) and the report (from plain data) know it. */
export interface CallNeed {
  /** Every scope the method accepts. */
  readonly accepted: readonly string[];
  /** `accepted` minus gmail.metadata when the call breaks (or may break) under it. */
  readonly effective: readonly string[];
  /** How the call fares with gmail.metadata in the token. */
  readonly metadata: MetadataVerdict['status'];
  /**
   * The accepted scopes under which the call works (`satisfying` of ./call-requirement.ts): a call
   * is missing a scope when none of them is requested. Gmail: `accepted` (gmail.metadata's
   * conflicts are metadata-scope's business). Absent (older plain data): `accepted`.
   */
  readonly satisfying?: readonly string[];
  /**
   * The satisfying scopes under which the call sees all it asks for (`fitting` of
   * ./call-requirement.ts: no silent subset it does not fit). Absent for Gmail and older plain
   * data: `effective`.
   */
  readonly covering?: readonly string[];
  /**
   * What `solve()` is given for this call: for Gmail its `effective` list (unchanged semantics);
   * for every other API its CallRequirement (silent subsets such as drive.file are never proposed
   * unless the call shape fits). Absent (older plain data): `effective`.
   */
  readonly requirement?: Requirement;
}

/** What a call of `method` with these arguments needs. */
export function callNeed(method: MethodInfo, shape: CallShape): CallNeed {
  const effective = effectiveAcceptedScopes(method, shape);
  const metadata = metadataVerdict(method, shape).status;
  const scoped = hasTokenPoisoningTrap(method) ? undefined : callRequirement(method.api, method.version, method.id, shape);
  if (scoped === undefined) return { accepted: method.scopes, effective, metadata, satisfying: method.scopes, requirement: effective };
  return {
    accepted: method.scopes,
    effective: scoped.satisfying,
    metadata,
    satisfying: scoped.satisfying,
    covering: scoped.fitting,
    requirement: scoped,
  };
}

/** The call's CallRequirement (every API, Gmail included), or undefined when its method is unknown. */
export function requirementOf(method: MethodInfo, shape: CallShape): CallRequirement | undefined {
  return callRequirement(method.api, method.version, method.id, shape);
}

/**
 * Whether a cited per-API trap makes the call certainly fail under `requested` (Drive `alt:
 * 'media'` under only drive.metadata.readonly). Gmail's gmail.metadata trap stays the
 * metadata verdict's (./metadata.ts): this answers for the other APIs only.
 */
export function apiTrapVerdict(
  method: MethodInfo,
  shape: CallShape,
  requested: Iterable<string>,
): TrapVerdict & { readonly requirement?: CallRequirement } {
  if (hasTokenPoisoningTrap(method)) return { status: 'ok', findings: [] };
  const requirement = requirementOf(method, shape);
  return requirement === undefined ? { status: 'ok', findings: [] } : { ...trapVerdict(requirement, requested), requirement };
}

/**
 * OpenID Connect sign-in scopes (https://developers.google.com/identity/openid-connect/openid-connect#scope-param):
 * requested for the ID token and the user's identity, not for API calls, so least-privilege never
 * calls them unused even when People `people.get` (which accepts the userinfo ones) is not called.
 */
export const SIGN_IN_SCOPES: ReadonlySet<string> = new Set([
  'openid',
  'email',
  'profile',
  'https://www.googleapis.com/auth/userinfo.email',
  'https://www.googleapis.com/auth/userinfo.profile',
]);

/**
 * The requested scopes that the calls use (see the module comment). Requested scopes that only
 * their names tell apart (Calendar `channels.stop` under calendar.acls.readonly and
 * calendar.settings.readonly) are all used: neither is the one to drop, unless another requested
 * scope alone covers every call that needs them.
 */
export function usedScopes(calls: readonly CallNeed[], requested: Iterable<string>): Set<string> {
  const have = new Set(requested);
  const requirements: Requirement[] = [];
  for (const call of calls) {
    // In the call's API order (its narrowness, not only Gmail's), so that only true ties are left to names.
    const inOrder = (forms: readonly string[]): Requirement => {
      const { api, version } = (call.requirement ?? {}) as Partial<CallRequirement>;
      return api === undefined || version === undefined ? forms : { api, version, satisfying: forms, proposable: forms };
    };
    const push = (forms: readonly string[]): number => requirements.push(inOrder(forms));
    // A requested field scope (user.phonenumbers.read for people/me `phoneNumbers`) is used: without it the value is public only.
    for (const field of fieldRequirements(call.requirement ?? [])) {
      const forms = requestedForms(field.satisfying, have);
      if (forms.length > 0) push(forms);
    }
    const fits = requestedForms(call.covering ?? [], have);
    if (fits.length > 0) {
      push(fits);
      continue;
    }
    // A call that may break under gmail.metadata still counts as using it.
    const usable = requestedForms(call.metadata === 'maybe' ? call.accepted : call.effective, have);
    // Only silent subsets it does not fit (drive.file and drive.appdata for `files.get` of an
    // unknown file): which one the call relies on is not in the code, so each is used.
    if (call.covering !== undefined && usable.length > 0) {
      for (const scope of usable) push([scope]);
      continue;
    }
    // A call that certainly breaks under gmail.metadata, with nothing else requested, still uses it
    // (removing it changes the 403, not the outcome: that is metadata-scope's business).
    const kept = usable.length > 0 ? usable : requestedForms(call.accepted, have);
    if (kept.length > 0) push(kept);
  }
  // Among the requested scopes any may be kept, add-on and gmail.metadata ones included.
  return new Set(solve(requirements, [], { proposable: () => true }).tied);
}

/** The requested spellings of `accepted` (a requested `email` stands for userinfo.email: `requestedForm`). */
function requestedForms(accepted: readonly string[], have: ReadonlySet<string>): string[] {
  return accepted.flatMap((scope) => requestedForm(scope, have) ?? []);
}

/** The requested scopes (in their order) that `usedScopes` leaves out. */
export function unusedScopes(calls: readonly CallNeed[], requested: readonly string[]): string[] {
  const used = usedScopes(calls, requested);
  return requested.filter((scope) => !used.has(scope));
}

/**
 * The scopes to add so that every failing call whose choice is certain works and returns every
 * field it asks for (People people/me `phoneNumbers` also needs user.phonenumbers.read): the
 * least-privileged cover of what they need beyond `requested` (never gmail.metadata nor add-on
 * scopes: see ./solver.ts). `scopeFix` says what the other calls may choose from.
 */
export function missingScopes(failing: readonly CallNeed[], requested: readonly string[]): string[] {
  return scopeFix(failing, requested).add;
}

/** A failing call whose data leaves the choice of scope open, and what it may choose from. */
export interface OpenChoice {
  readonly need: CallNeed;
  /** Every scope under which the call works (add-on-only ones left out), narrowest first: any one fixes it. */
  readonly choices: readonly string[];
}

export interface ScopeFix {
  /** The least-privileged cover (`solve()`) of the calls whose choice is certain. */
  readonly add: string[];
  /** The calls `add` leaves failing whose choice is open: a fix offers each scope and never picks. */
  readonly open: readonly OpenChoice[];
}

/**
 * The ONE answer to "what fixes these failing calls?", for missing-scope's fix and suggestions,
 * the report and `explain` alike: `solve()` over the calls whose choice is certain; a call whose
 * data leaves the choice open (src/scopes/call-requirement.ts `choice`: Chat `spaces.list` takes
 * chat.bot with app authentication or chat.spaces.readonly with a user's, and only the
 * credential can say which) is never given a pick, only its choices.
 */
export function scopeFix(failing: readonly CallNeed[], requested: readonly string[]): ScopeFix {
  // A field's scope is certain even where the call's own choice is open (People people/me
  // `birthdays` needs user.birthday.read, which people.get also accepts: the tie is then settled).
  const add = solve(
    failing.flatMap((call) => {
      const requirement = call.requirement ?? call.effective;
      return [...(hasOpenChoice(call) ? [] : [requirement]), ...fieldRequirements(requirement)];
    }),
    requested,
  ).add;
  const covered = [...requested, ...add];
  // A scope the call's credential can't use (chat.bot, added for the app's calls, on a user's token) covers nothing.
  const usable = (need: CallNeed): readonly string[] =>
    (need.requirement as Partial<CallRequirement>).credential !== undefined
      ? (need.requirement as CallRequirement).proposable
      : (need.satisfying ?? need.accepted);
  const open = failing
    .filter((need) => hasOpenChoice(need) && !isSatisfied(usable(need), covered))
    .map((need) => {
      const requirement = need.requirement as CallRequirement;
      return {
        need,
        choices: sortFor(
          [requirement],
          choiceScopes(requirement).filter((scope) => !isAddOnOnly(scope)),
        ),
      };
    });
  return { add, open };
}

/**
 * The scopes a data-only choice (`CallRequirement.choice`) is among: every scope under which the
 * call works (without facts nothing is a silent subset), unless the call's credential narrowed
 * them (Chat: the app's scopes, or the user's); with a fact table, the scopes its order ties.
 */
export function choiceScopes(requirement: CallRequirement): readonly string[] {
  if (requirement.tied !== undefined) return requirement.tied;
  return requirement.credential !== undefined ? requirement.proposable : requirement.satisfying;
}

/** What a failing call needs, as missing-scope's message and the report name it: `scopes`, then "or broader" when `orBroader`. */
export interface NeededScopes {
  /** The narrowest scopes a fix may choose from, narrowest first. */
  readonly scopes: readonly string[];
  /** Whether broader scopes the call accepts would do too. */
  readonly orBroader: boolean;
}

/**
 * What the call needs, for every API alike (Gmail included): the narrowest of the scopes a fix
 * may propose (no silent subset such as drive.file unless the call shows it fits, never a
 * gmail.metadata the call breaks under, no add-on-only scope), in that API's order. Without
 * facts, a certain data-only choice is the one scope a fix adds (cloud-platform is only broader);
 * an open one names the scopes it is among; a fact table's tie names its narrowest; a choice a
 * trap may decide names the best scope either way.
 */
export function neededScopes(need: CallNeed): NeededScopes {
  const requirement = need.requirement;
  let shown: string[];
  if (requirement !== undefined && !Array.isArray(requirement)) {
    const scoped = requirement as CallRequirement;
    // An unresolved argument decides whether a trap applies (`tied` beyond `proposable`): the best
    // scope either way, neither broader than the other (drive.appdata or drive).
    if (scoped.tied?.some((scope) => !scoped.proposable.includes(scope)) === true) return { scopes: scoped.tied, orBroader: false };
    const dataOnly = scoped.choice !== undefined && scoped.tied === undefined;
    shown = sortFor(
      [scoped],
      (dataOnly ? choiceScopes(scoped) : scoped.proposable).filter((scope) => !isAddOnOnly(scope)),
    );
    if (scoped.choice === 'certain' && scoped.tied === undefined)
      return { scopes: scoped.proposable, orBroader: scoped.proposable.length < shown.length };
  } else {
    // Gmail: every accepted scope but a gmail.metadata the call certainly breaks under.
    shown = sortNarrowestFirst(
      need.accepted.filter((scope) => !isAddOnOnly(scope) && !(need.metadata === 'breaks' && scope === METADATA_SCOPE)),
    );
  }
  const narrowest = narrowestFor([requirement ?? need.effective], shown);
  return { scopes: narrowest, orBroader: narrowest.length < shown.length };
}

/** An API version without facts whose data can't settle which accepted scope to propose, or a fact table's tie (`CallRequirement.choice`). */
function hasOpenChoice(need: CallNeed): boolean {
  const requirement = need.requirement;
  return requirement !== undefined && !Array.isArray(requirement) && (requirement as Partial<CallRequirement>).choice === 'open';
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
