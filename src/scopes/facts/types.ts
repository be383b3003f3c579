/**
 * The shape of the per-API fact tables in this folder (one small, cited module per API version).
 * They hold what the generated method lists cannot tell: each scope's classification, the
 * "silent subset" scopes (accepted, but the call then sees only part of the data) and the
 * traps (a literal parameter value under which some accepted scopes certainly fail).
 * The scope ORDER corrections live in ../order-facts.ts (the generator reads them).
 */

/** Google's classification of a scope (its verification tier). */
export type Classification = 'non-sensitive' | 'sensitive' | 'restricted';

/** A literal argument value the analysis resolved (a string list is an array or a comma-separated string). */
export type ParamValue = string | number | boolean | readonly string[];

/** What the analysis could resolve about one call's arguments (the generic part of `CallShape`). */
export interface ParamShape {
  /**
   * Resolved literal parameters by name (`alt`, `spaces`, `calendarId`, `personFields`); request
   * body fields by dotted path (`requestBody.parents`; `resource.parents` is read as the same).
   */
  readonly params?: Readonly<Record<string, ParamValue>>;
  /**
   * Parameters the call passes but whose value could not be resolved; `'*'` when the argument
   * object itself is not known (a spread, a variable): then any parameter may be passed.
   * A parameter in neither list is treated as omitted.
   */
  readonly unresolvedParams?: readonly string[];
  /**
   * The kind of credential the call certainly goes through (src/google/facts.ts `credentialOf`):
   * `app` — a service account that impersonates nobody (app authentication); `user` — a user's
   * token (an OAuth2 client, or a service account impersonating a user with `subject`). Absent
   * when the code does not show it: then no fact may assume either.
   */
  readonly credential?: CredentialKind;
}

/**
 * Stands, in a Drive `parents` list, for the id of a folder the same code created (a `files.create`
 * of the folder MIME type outside the app data folder, whose result the call reads): never a real
 * file id. src/google/call-params.ts writes it; the Drive table reads it (drive.file reaches it).
 */
export const CREATED_FOLDER = '<a folder this code created>';

/** Whose credential makes a call: the app's own (a service account acting as itself) or a user's. */
export type CredentialKind = 'app' | 'user';

/** Whether a condition holds for the call: `'unknown'` when an unresolved argument decides it. */
export type Tri = boolean | 'unknown';

export interface ScopeClassificationFact {
  readonly scope: string;
  readonly classification: Classification;
  /** The scope grants no write operation (a tie-break: prefer it between otherwise equal covers). */
  readonly readOnly?: boolean;
  readonly source: string;
}

/**
 * A scope that the method lists accept although a call under it sees only part of the data
 * (drive.file: only files the app created or opened). It counts when requested, but a fix
 * proposes it only when `fits` says the call shape certainly stays inside that part.
 */
export interface SilentSubsetFact {
  readonly scope: string;
  /** What a call under it sees ("only the files the app created or the user opened with it"). */
  readonly sees: string;
  /** When it fits, in words (for docs and messages). */
  readonly fitsWhen: string;
  /** True only when the call certainly stays within what the scope sees. */
  readonly fits: (methodId: string, shape: ParamShape) => boolean;
  readonly source: string;
}

/**
 * A call that certainly fails under some of its method's accepted scopes when a literal
 * parameter has a given value (Drive `alt: 'media'` under drive.metadata.readonly).
 */
export interface TrapFact {
  /** Stable id for messages and tests: `drive.alt-media`. */
  readonly id: string;
  readonly methods: readonly string[];
  /** Whether the call has the trapped shape. */
  readonly applies: (shape: ParamShape) => Tri;
  /** Accepted scopes under which the call fails when the trap applies… */
  readonly failsUnder?: readonly string[];
  /** …or the only accepted scopes under which it works. */
  readonly worksOnlyUnder?: readonly string[];
  /** Why, in one sentence (paraphrasing the source). */
  readonly reason: string;
  readonly source: string;
}

/**
 * A call that works but silently returns less than asked under some accepted scopes (People
 * `personFields: 'birthdays'` without user.birthday.read returns only public data): never a
 * failure, only advice.
 */
export interface SilentFieldFact {
  readonly id: string;
  readonly methods: readonly string[];
  /** The fields (of `personFields`/`readMask`) whose private values need one of `scopes`, given the shape. */
  readonly fieldsNeeding: (shape: ParamShape) => ReadonlyMap<string, readonly string[]> | 'unknown';
  readonly reason: string;
  readonly source: string;
}

/**
 * What kind of credential a call needs beyond its scopes (phase 2 of issue 15): an Admin SDK,
 * Classroom or Meet call (or a user-only Chat method) made by a service account that impersonates
 * nobody certainly fails, whatever its scopes; so does a Chat method that only the app may call,
 * made with a user's token.
 */
export interface CredentialFact {
  /** Stable id for messages and tests: `admin.directory.subject`. */
  readonly id: string;
  /** The methods it concerns; `'*'`: every method of the API version. */
  readonly methods: readonly string[] | '*';
  /**
   * The credential under which the call certainly fails:
   * `service-account-without-subject` — a service account that impersonates no user (no JWT `subject`);
   * `user-credentials` — a user's token (OAuth2, or a service account impersonating a user).
   */
  readonly failsWith: 'service-account-without-subject' | 'user-credentials';
  readonly reason: string;
  readonly source: string;
}

/**
 * A scope of app authentication, when Google documents it (Chat's `chat.bot` and `chat.app.*`);
 * the API's other scopes are then user scopes. ../call-requirement.ts reads them when the call's
 * credential is known (`ParamShape.credential`): an app's fix chooses among these, a user's never.
 */
export interface AuthKindFact {
  readonly scope: string;
  /** `app`: a service account acting as the app itself. */
  readonly principal: 'app';
  /** The Workspace administrator must approve the app once before the scope works (Chat's `chat.app.*`). */
  readonly needsAdminApproval?: boolean;
  readonly source: string;
}

/**
 * Why no credential fact applies to an API although its calls are often made by service
 * accounts (Analytics, Search Console: the account is granted access like a user): written down
 * so that nobody adds a false alarm later.
 */
export interface CredentialNote {
  /** What Google documents about the credential, in one sentence. */
  readonly note: string;
  readonly source: string;
}

/**
 * Accepted scopes under which some methods never work alone: Slides `presentations.batchUpdate`
 * lists the Sheets scopes and drive.readonly so that it can read the spreadsheets behind linked
 * charts, but editing the presentation needs one of its other scopes. They count only next to one.
 */
export interface InsufficientAloneFact {
  readonly methods: readonly string[];
  readonly scopes: readonly string[];
  readonly why: string;
  readonly source: string;
}

/**
 * A scope only some principals can be granted (YouTube's content-owner scopes, for YouTube
 * partners): it counts when requested, but a fix never proposes it (like Gmail's add-on scopes).
 */
export interface NeverProposedFact {
  readonly scope: string;
  readonly why: string;
  readonly source: string;
}

/**
 * A scope whose mere presence in the token makes some calls fail, even next to broader scopes
 * (Gmail's gmail.metadata: messages.get with format `full`): adding a scope never cures such a
 * call, only removing this one (or changing the call) does. ../metadata.ts evaluates it.
 */
export interface TokenTrapFact {
  /** Stable id for findings: `gmail.metadata`. */
  readonly id: string;
  readonly scope: string;
  /** The methods it restricts and how (formats, parameters). */
  readonly restrictions: readonly TokenRestriction[];
  readonly source: string;
}

export interface TokenRestriction {
  /** Method id, e.g. `users.messages.get`. */
  readonly methodId: string;
  /** Values of the `format` parameter that fail while the scope is in the token (lower case). */
  readonly forbiddenFormats?: readonly string[];
  /** The format the API uses when `format` is omitted. */
  readonly defaultFormat?: string;
  /** Parameters whose mere presence fails while the scope is in the token. */
  readonly forbiddenParams?: readonly string[];
}

/**
 * Scopes Google's list of restricted scopes leaves out although Google publishes their exact
 * classification nowhere: each is at most sensitive. The solver ranks them so (never above a
 * restricted scope that a call also accepts); rules never call them sensitive.
 */
export interface NotRestrictedFact {
  readonly scopes: readonly string[];
  readonly source: string;
}

/**
 * Scopes no classification covers whose description grants no write operation ("See …", "View …"):
 * the solver's write tie-break prefers them, like a classified `readOnly` scope.
 */
export interface ReadOnlyFact {
  readonly scopes: readonly string[];
  readonly source: string;
}

/**
 * Methods for which the derived order's narrowness is no evidence: the scope a call needs depends on
 * something the method lists don't show and no cited fact settles (Forms `watches.*`: whether the
 * watch's event type is SCHEMA or RESPONSES). A fix never picks among the scopes alike in
 * classification, administrative reservation and writes: each is a suggestion (../call-requirement.ts).
 */
export interface OpenChoiceFact {
  readonly methods: readonly string[];
  readonly reason: string;
  readonly source: string;
}

export interface ApiFacts {
  /** The `googleapis` folder name (`drive`) and version (`v3`). */
  readonly api: string;
  readonly version: string;
  readonly classifications?: readonly ScopeClassificationFact[];
  /** Scopes without a published classification that are certainly not restricted (at most sensitive). */
  readonly notRestricted?: NotRestrictedFact;
  /** Scopes without a classification entry that grant no write operation. */
  readonly readOnly?: ReadOnlyFact;
  readonly silentSubsets?: readonly SilentSubsetFact[];
  readonly insufficientAlone?: readonly InsufficientAloneFact[];
  readonly neverProposed?: readonly NeverProposedFact[];
  readonly openChoices?: readonly OpenChoiceFact[];
  readonly traps?: readonly TrapFact[];
  /** A scope that poisons the whole token for some calls (Gmail's gmail.metadata). */
  readonly tokenTrap?: TokenTrapFact;
  readonly silentFields?: readonly SilentFieldFact[];
  readonly credentials?: readonly CredentialFact[];
  readonly authKinds?: readonly AuthKindFact[];
  readonly credentialNotes?: readonly CredentialNote[];
  /** What was looked for and NOT found in Google's docs (so nobody mistakes a gap for an oversight). */
  readonly gaps?: readonly string[];
}
