/**
 * What one call needs, for every API, from its method's accepted scopes, the call's literal
 * arguments (`CallShape`) and the cited fact tables (./facts/): the ONE place the analysis asks
 * "which scopes make this call work, and which may a fix propose?", and "does this call certainly
 * fail under the scopes the token has?" (the generalised gmail.metadata trap).
 *
 *   satisfying — the accepted scopes under which the call works: the method's list minus the
 *                scopes a certain trap excludes (Drive `alt: 'media'` drops drive.metadata*) and
 *                those it lists for a side job only (Slides batchUpdate's Sheets scopes). For
 *                Gmail it is the method's list: gmail.metadata restricts the whole token, adding a
 *                scope never cures it (./metadata.ts), so that stays the metadata rule's business.
 *   proposable — what a fix may choose from: `satisfying` minus scopes an unresolved argument may
 *                trap, minus silent subsets (drive.file, drive.appdata, calendar.app.created, …)
 *                unless the call shape shows they fit, minus scopes only some principals can hold
 *                (YouTube's content-owner scopes); the solver also drops add-on-only scopes
 *                and gmail.metadata (`isProposable`).
 *
 * Pass the result to `solve()` (./solver.ts) as a requirement: one objective for fixes,
 * suggestions and the report (lowest classification first, then fewest scopes).
 */
import { getApiMap } from './api-map.ts';
import { getMethod as getApiMethod } from './apis-data.ts';
import { apiFacts, tokenTrap } from './facts/index.ts';
import { orderFactsFor } from './order-facts.ts';
import type { ApiFacts, CredentialKind, TokenTrapFact, TrapFact } from './facts/types.ts';
import { effectiveAcceptedScopes, metadataVerdict, type CallShape } from './metadata.ts';
import { requestedForm, tiedChoices, type Requirement, type ScopedRequirement } from './solver.ts';

export type { CallShape } from './metadata.ts';

/** A trap that bites (or may bite) this call. */
export interface TrapFinding {
  /** `drive.alt-media`, `drive.app-data-folder`, `calendar.primary-app-created`, `gmail.metadata`. */
  readonly id: string;
  /** False when an unresolved argument decides whether the trap applies. */
  readonly certain: boolean;
  /** Accepted scopes under which the call fails when the trap applies. */
  readonly failsUnder: readonly string[];
  /**
   * True for gmail.metadata: its mere presence in the token makes the call fail, even next to
   * broader scopes. Otherwise the call works as soon as one satisfying scope is in the token.
   */
  readonly poisonsToken: boolean;
  readonly reason: string;
  readonly source: string;
}

/** An accepted scope that would make this call see only part of the data. */
export interface SilentScope {
  readonly scope: string;
  readonly sees: string;
  readonly fitsWhen: string;
  readonly source: string;
}

/** A requested field the call returns only partly (public value) without one of `scopes`. */
export interface SilentField {
  readonly id: string;
  readonly field: string;
  readonly scopes: readonly string[];
  readonly reason: string;
  readonly source: string;
}

export interface CallRequirement extends ScopedRequirement {
  readonly api: string;
  readonly version: string;
  readonly methodId: string;
  /** The method's accepted scopes (Google's list; any one suffices). */
  readonly accepted: readonly string[];
  readonly satisfying: readonly string[];
  readonly proposable: readonly string[];
  readonly traps: readonly TrapFinding[];
  /** Accepted silent subsets that the call shape does not show to fit. */
  readonly silent: readonly SilentScope[];
  /**
   * `satisfying` minus `silent`: the scopes under which the call certainly sees all it asks for
   * (drive.readonly for `files.get` of an unknown file; drive.file only for a create).
   */
  readonly fitting: readonly string[];
  /**
   * Fields whose private values need a scope of their own (People `people/me` `personFields`):
   * the call works without it but returns only the public value, so a fix adds it too
   * (`fieldRequirements`) and least-privilege keeps it.
   */
  readonly silentFields: readonly SilentField[];
  /**
   * True when an unresolved argument (`resourceName`, `personFields`) decides which fields need a
   * scope: a fix may then add a scope under which the call returns only public values, so it is a
   * suggestion, never automatic.
   */
  readonly fieldsUnknown?: boolean;
  /**
   * For an API version without a fact table (phase 3: its data alone; see `dataOnlyChoice`):
   * `certain` when `proposable` is the one scope a fix may add, `open` when the data can't settle
   * the choice among them (a fix offers each one and never picks). With a fact table: `open` when
   * its order ties (`tied`), else absent (the solver's choice is certain).
   */
  readonly choice?: 'certain' | 'open';
  /**
   * Only with a fact table and `choice: 'open'`: the proposable scopes its preference order can't
   * tell apart (`tiedChoices` in ./solver.ts; only their names would choose), which a fix offers
   * one by one (Calendar `channels.stop`: calendar.acls.readonly, calendar.calendarlist.readonly,
   * calendar.settings.readonly); or, when an unresolved argument decides whether a trap applies,
   * the best scopes either way (`maybeTrappedChoice`: drive.appdata and drive).
   */
  readonly tied?: readonly string[];
  /**
   * Set when the call's credential narrowed `proposable` (Chat: the app's scopes for a service
   * account acting as the app, the user scopes for a user's token): messages name only those.
   */
  readonly credential?: CredentialKind;
}

/**
 * What a call of `api` `version` `methodId` with these arguments needs, or undefined when the
 * method is unknown or its accepted scopes are (never report such a call).
 */
export function callRequirement(api: string, version: string, methodId: string, shape: CallShape = {}): CallRequirement | undefined {
  const poisoning = tokenTrap(api, version);
  if (poisoning !== undefined) return tokenTrapRequirement(api, version, methodId, shape, poisoning);
  const accepted = getApiMethod(api, version, methodId)?.scopes;
  if (accepted === undefined) return undefined;
  const facts = apiFacts(api, version);
  const traps = trapFindings(facts, methodId, accepted, shape);
  const certainOut = new Set(traps.filter((t) => t.certain).flatMap((t) => t.failsUnder));
  const anyOut = new Set(traps.flatMap((t) => t.failsUnder));
  // Scopes the method lists for a side job (Slides' linked charts) never make the call work alone.
  const helpers = new Set((facts?.insufficientAlone ?? []).filter((f) => f.methods.includes(methodId)).flatMap((f) => f.scopes));
  const satisfying = accepted.filter((s) => !certainOut.has(s) && !helpers.has(s));
  // Scopes only some principals can hold (YouTube's content-owner scopes) count, but a fix never proposes them.
  const neverProposed = new Set((facts?.neverProposed ?? []).map((f) => f.scope));
  const silent: SilentScope[] = [];
  const seesAll = satisfying.filter((scope) => {
    const subset = facts?.silentSubsets?.find((f) => f.scope === scope);
    if (subset === undefined || subset.fits(methodId, shape)) return true;
    silent.push({ scope, sees: subset.sees, fitsWhen: subset.fitsWhen, source: subset.source });
    return false;
  });
  // Most to least careful, the first that leaves a choice: no scope an unresolved argument may
  // trap; then the scopes that see everything (each may be trapped: an open choice, see
  // `maybeTrappedChoice`); then, when only silent subsets are accepted (Meet
  // spaces.endActiveConference: meetings.space.created), those.
  const tiers = [seesAll.filter((s) => !anyOut.has(s)), seesAll, satisfying].map((list) => list.filter((s) => !neverProposed.has(s)));
  const tier = tiers.findIndex((list) => list.length > 0);
  const proposable = tiers[tier] ?? [];
  const requirement = {
    api,
    version,
    methodId,
    accepted,
    satisfying,
    proposable,
    traps,
    silent,
    fitting: seesAll,
    ...silentFields(facts, methodId, shape),
  };
  // A table that neither classifies (or bounds, or marks read-only) nor marks partial scopes (Chat's,
  // Admin Directory's: credential facts only) does not settle the choice either: Chat `spaces.list`
  // takes chat.bot (app auth) or chat.spaces.readonly (a user's token), and only the code's
  // credential can say which. Tasks' table settles it: tasks.readonly reads, neither is restricted.
  const byCredential = credentialChoice(facts, requirement, shape.credential);
  if (byCredential !== undefined) return byCredential;
  const ifTrapped = satisfying.filter((s) => !anyOut.has(s) && !neverProposed.has(s));
  if (tier === 1 && ifTrapped.length > 0) return maybeTrappedChoice(requirement, ifTrapped);
  const settlesChoice =
    facts?.classifications !== undefined ||
    facts?.notRestricted !== undefined ||
    facts?.readOnly !== undefined ||
    facts?.silentSubsets !== undefined;
  return settlesChoice ? tableChoice(facts, requirement) : dataOnlyChoice(requirement);
}

/**
 * A fact table settles the choice only when its order ranks one proposable scope first: scopes
 * alike in classification, administrative reservation, writes and narrowness, neither granting
 * the other, leave it open (never choose by name). Calendar `channels.stop` accepts
 * calendar.acls.readonly, calendar.calendarlist.readonly and calendar.settings.readonly alike.
 * For a method the table marks open (`openChoices`: Forms `watches.*`) narrowness does not rank.
 */
function tableChoice(facts: ApiFacts | undefined, requirement: CallRequirement): CallRequirement {
  const byNarrowness = !(facts?.openChoices ?? []).some((fact) => fact.methods.includes(requirement.methodId));
  const tied = tiedChoices(requirement, { byNarrowness });
  return tied.length > 1 ? { ...requirement, choice: 'open', tied } : requirement;
}

/**
 * Every scope that sees all the call asks for may be trapped, because an unresolved argument decides
 * whether the trap applies (Drive `files.create` into `parents: [folderId]`: if the folder is
 * `appDataFolder`, only drive.appdata works; else drive.appdata sees too little). Which one fits is
 * a guess either way, so the choice is open: the best scopes if the trap applies (`ifTrapped`) and
 * the best ones if it does not, each offered, none picked. `proposable` stays the latter (what
 * least-privilege may keep), so no rule ever narrows a token to a scope that only may fit.
 */
function maybeTrappedChoice(requirement: CallRequirement, ifTrapped: readonly string[]): CallRequirement {
  const either = [...tiedChoices({ ...requirement, proposable: ifTrapped }), ...tiedChoices(requirement)];
  return { ...requirement, choice: 'open', tied: [...new Set(either)] };
}

/**
 * A table that names its API's app-authentication scopes (Chat: chat.bot, chat.app.*) and a call
 * whose credential the code shows: a service account acting as the app chooses among the app
 * scopes, those needing no administrator approval first (Chat `spaces.list`: chat.bot, certain);
 * a user's token never gets one (the user scopes, chosen as the data alone allows). Undefined when
 * nothing is known, or no accepted scope suits the credential (a user-only Chat method called by
 * the app: a credential fact, metadata-scope's report).
 */
function credentialChoice(
  facts: ApiFacts | undefined,
  requirement: CallRequirement,
  credential: CredentialKind | undefined,
): CallRequirement | undefined {
  if (credential === undefined || facts?.authKinds === undefined) return undefined;
  const appScopes = new Map(facts.authKinds.map((fact) => [fact.scope, fact]));
  if (credential === 'user') {
    const userScopes = requirement.proposable.filter((scope) => !appScopes.has(scope));
    return userScopes.length === 0 ? undefined : dataOnlyChoice({ ...requirement, proposable: userScopes, credential });
  }
  const app = requirement.proposable.filter((scope) => appScopes.has(scope));
  const unapproved = app.filter((scope) => appScopes.get(scope)?.needsAdminApproval !== true);
  const tier = unapproved.length > 0 ? unapproved : app;
  if (tier.length === 0) return undefined;
  return { ...requirement, proposable: tier, choice: tier.length === 1 ? 'certain' : 'open', credential };
}

/** Google Cloud's umbrella scope ("See, edit, configure, and delete your Google Cloud data"): never narrower than an API's own scope. */
const CLOUD_PLATFORM = 'https://www.googleapis.com/auth/cloud-platform';

/**
 * Without a fact table nothing says which accepted scope sees only part of the data, or how
 * Google classifies it: a fix may choose only when the choice is certain — one accepted scope, or
 * one besides `cloud-platform` (Cloud Storage `bucketAccessControls.list`: devstorage.full_control).
 * The version's derived order is not enough:
 * Classroom `guardians.list` accepts classroom.guardianlinks.me.readonly, which every other
 * accepted scope "grants" by the method lists, yet it is a role scope (a guardian's own links),
 * under which a teacher's call fails; so several API-specific scopes leave the choice open.
 */
function dataOnlyChoice(requirement: CallRequirement): CallRequirement {
  const { api, proposable } = requirement;
  if (proposable.length <= 1) return { ...requirement, choice: 'certain' };
  const specific = proposable.filter((scope) => scope !== CLOUD_PLATFORM);
  // A scope the order facts know sees only part of the data (drive.file in Drive v2) is never chosen for the user.
  const partial = new Set(orderFactsFor(api).flatMap((facts) => (facts.partial ?? []).map((reason) => reason.scope)));
  return specific.length === 1 && !partial.has(specific[0]!)
    ? { ...requirement, proposable: specific, choice: 'certain' }
    : { ...requirement, choice: 'open' };
}

function trapFindings(facts: ApiFacts | undefined, methodId: string, accepted: readonly string[], shape: CallShape): TrapFinding[] {
  const out: TrapFinding[] = [];
  for (const trap of facts?.traps ?? []) {
    if (!trap.methods.includes(methodId)) continue;
    const applies = trap.applies(shape);
    if (applies === false) continue;
    const failsUnder = failingScopes(trap, accepted);
    if (failsUnder.length === 0) continue;
    out.push({ id: trap.id, certain: applies === true, failsUnder, poisonsToken: false, reason: trap.reason, source: trap.source });
  }
  return out;
}

function failingScopes(trap: TrapFact, accepted: readonly string[]): string[] {
  if (trap.worksOnlyUnder) return accepted.filter((s) => !trap.worksOnlyUnder!.includes(s));
  return accepted.filter((s) => trap.failsUnder?.includes(s) === true);
}

function silentFields(
  facts: ApiFacts | undefined,
  methodId: string,
  shape: CallShape,
): { silentFields: SilentField[]; fieldsUnknown?: true } {
  const out: SilentField[] = [];
  let unknown = false;
  for (const fact of facts?.silentFields ?? []) {
    if (!fact.methods.includes(methodId)) continue;
    const needs = fact.fieldsNeeding(shape);
    if (needs === 'unknown') unknown = true;
    else for (const [field, scopes] of needs) out.push({ id: fact.id, field, scopes, reason: fact.reason, source: fact.source });
  }
  return unknown ? { silentFields: out, fieldsUnknown: true } : { silentFields: out };
}

/**
 * What the call needs besides one of its `satisfying` scopes to return every field it asks for:
 * one requirement per silent field (People `phoneNumbers` of people/me: user.phonenumbers.read),
 * for `solve()` next to the call's own. Empty for every other call.
 */
export function fieldRequirements(requirement: Requirement): ScopedRequirement[] {
  if (Array.isArray(requirement)) return [];
  const { api, version, silentFields: fields = [] } = requirement as Partial<CallRequirement>;
  return fields.map((field) => ({ api, version, satisfying: field.scopes, proposable: field.scopes }));
}

/**
 * An API version whose table has a token-poisoning trap (Gmail's gmail.metadata) keeps today's
 * semantics exactly (see the module comment): its metadata verdict (./metadata.ts) decides.
 */
function tokenTrapRequirement(
  api: string,
  version: string,
  methodId: string,
  shape: CallShape,
  trap: TokenTrapFact,
): CallRequirement | undefined {
  const method = getApiMap(api, version)?.methods.get(methodId);
  if (!method) return undefined;
  const verdict = metadataVerdict(method, shape);
  const traps: TrapFinding[] =
    verdict.status === 'breaks' || verdict.status === 'maybe'
      ? [
          {
            id: trap.id,
            certain: verdict.status === 'breaks',
            failsUnder: [trap.scope],
            poisonsToken: true,
            reason:
              verdict.conflicts.map((c) => (c.kind === 'format' ? `format '${c.format}'` : `'${c.param}'`)).join(' and ') +
              ' fails while gmail.metadata is in the token',
            source: trap.source,
          },
        ]
      : [];
  return {
    api,
    version,
    methodId,
    accepted: method.scopes,
    satisfying: method.scopes,
    proposable: effectiveAcceptedScopes(method, shape),
    traps,
    silent: [],
    fitting: method.scopes,
    silentFields: [],
  };
}

/** Whether a call certainly fails, may fail, or works under the granted scopes because of a trap. */
export interface TrapVerdict {
  /**
   * `breaks`: a trap certainly makes the call fail with these scopes; `maybe`: it would for some
   * value of an unresolved argument; `ok`: no trap bites. A call none of whose accepted scopes
   * is granted is `ok` here: that is a missing scope, not a trap.
   */
  readonly status: 'ok' | 'breaks' | 'maybe';
  /** The traps that bite, with their cited reasons. */
  readonly findings: readonly TrapFinding[];
}

/**
 * Does the call certainly fail under `granted` because of a trap? Drive `files.get` with
 * `alt: 'media'` under only drive.metadata.readonly, Drive `spaces: 'appDataFolder'` without
 * drive.appdata, Calendar `calendarId: 'primary'` under only calendar.app.created, Gmail's
 * format/q under gmail.metadata (which fails whatever else is granted).
 */
export function trapVerdict(requirement: CallRequirement, granted: Iterable<string>): TrapVerdict {
  const have = new Set(granted);
  const usable = requirement.accepted.filter((s) => requestedForm(s, have) !== undefined);
  if (usable.length === 0) return { status: 'ok', findings: [] };
  const hits = (t: TrapFinding): boolean => t.failsUnder.some((s) => usable.includes(s));
  // gmail.metadata: its presence alone fails the call.
  const poison = requirement.traps.filter((t) => t.poisonsToken && hits(t));
  // Other traps: the call fails when every usable scope is one the traps exclude.
  const others = requirement.traps.filter((t) => !t.poisonsToken);
  const excludedBy = (traps: readonly TrapFinding[]): boolean => usable.every((s) => traps.some((t) => t.failsUnder.includes(s)));
  const certainOthers = others.filter((t) => t.certain);
  const findings = [...poison];
  let status: TrapVerdict['status'] = poison.some((t) => t.certain) ? 'breaks' : poison.length > 0 ? 'maybe' : 'ok';
  if (certainOthers.length > 0 && excludedBy(certainOthers)) {
    findings.push(...certainOthers.filter(hits));
    status = 'breaks';
  } else if (others.length > 0 && excludedBy(others)) {
    findings.push(...others.filter(hits));
    if (status === 'ok') status = 'maybe';
  }
  return { status, findings };
}
