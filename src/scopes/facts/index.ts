/**
 * The per-API fact tables (phase 1 of issue 15: Drive, Sheets, Calendar, Docs, Slides, Forms,
 * People, Tasks, YouTube; plus Meet's silent subset; phase 2, credential facts: Admin SDK
 * Directory, Classroom and Meet need a user (a service account must impersonate one), Chat's
 * app-authentication scopes and user-only methods; Analytics and Search Console say why they have
 * none) and lookups over them. Gmail's table is
 * ./gmail-v1.ts (classification, add-on scopes, the gmail.metadata token trap that ../metadata.ts reads).
 */
import { ADMIN_DIRECTORY_V1 } from './admin-directory-v1.ts';
import { ANALYTICSADMIN_V1ALPHA, ANALYTICSADMIN_V1BETA } from './analyticsadmin.ts';
import { ANALYTICSDATA_V1BETA } from './analyticsdata-v1beta.ts';
import { CALENDAR_V3 } from './calendar-v3.ts';
import { CHAT_V1 } from './chat-v1.ts';
import { CLASSROOM_V1 } from './classroom-v1.ts';
import { DOCS_V1 } from './docs-v1.ts';
import { DRIVE_V2 } from './drive-v2.ts';
import { DRIVE_V3 } from './drive-v3.ts';
import { FORMS_V1 } from './forms-v1.ts';
import { GMAIL_V1_FACTS } from './gmail-v1.ts';
import { MEET_V2 } from './meet-v2.ts';
import { PEOPLE_V1 } from './people-v1.ts';
import { SEARCHCONSOLE_V1, WEBMASTERS_V3 } from './searchconsole.ts';
import { SHEETS_V4 } from './sheets-v4.ts';
import { SLIDES_V1 } from './slides-v1.ts';
import { TASKS_V1 } from './tasks-v1.ts';
import type { ApiFacts, Classification, CredentialFact, CredentialKind, ScopeClassificationFact, TokenTrapFact } from './types.ts';
import { YOUTUBE_V3 } from './youtube-v3.ts';

export type * from './types.ts';

export const API_FACTS: readonly ApiFacts[] = [
  DRIVE_V3,
  // Drive v2: v3's facts under v2's method names (review 3 M4).
  DRIVE_V2,
  SHEETS_V4,
  CALENDAR_V3,
  DOCS_V1,
  SLIDES_V1,
  FORMS_V1,
  PEOPLE_V1,
  TASKS_V1,
  YOUTUBE_V3,
  MEET_V2,
  // Phase 2: checked where the client is named (phase 3); metadata-scope reads the credential
  // facts, call-requirement.ts Chat's app scopes; Analytics and Search Console note why they have none.
  ADMIN_DIRECTORY_V1,
  CHAT_V1,
  CLASSROOM_V1,
  ANALYTICSDATA_V1BETA,
  ANALYTICSADMIN_V1BETA,
  ANALYTICSADMIN_V1ALPHA,
  SEARCHCONSOLE_V1,
  WEBMASTERS_V3,
];

const BY_KEY = new Map(API_FACTS.map((f) => [`${f.api}:${f.version}`, f]));

/** The fact table of one API version, or undefined when it has none (its data alone decides). */
export function apiFacts(api: string, version: string): ApiFacts | undefined {
  return BY_KEY.get(`${api}:${version}`);
}

/** `api:version` of every API version with a fact table in this folder. */
export function listApiFacts(): string[] {
  return [...BY_KEY.keys()];
}

/** Every table, Gmail's included (its checks predate `API_FACTS`: the generic path doesn't read it). */
const EVERY_TABLE: ReadonlyMap<string, ApiFacts> = new Map([GMAIL_V1_FACTS, ...API_FACTS].map((f) => [`${f.api}:${f.version}`, f]));

/** Whether cited facts cover `api` `version` beyond its data: Gmail v1 (./gmail-v1.ts) or a table here. */
export function hasFactTable(api: string, version: string): boolean {
  return EVERY_TABLE.has(`${api}:${version}`);
}

/** The scope of `api` `version` that poisons the whole token for some calls (Gmail's gmail.metadata), or undefined. */
export function tokenTrap(api: string, version: string): TokenTrapFact | undefined {
  return EVERY_TABLE.get(`${api}:${version}`)?.tokenTrap;
}

/**
 * Whether the API version of a method (or report operation) has a token-poisoning trap: its calls'
 * requirements and verdicts then come from ../metadata.ts, and their trap is metadata-scope's business.
 */
export function hasTokenPoisoningTrap(target: { readonly api: string; readonly version: string }): boolean {
  return tokenTrap(target.api, target.version) !== undefined;
}

/** Every table's classifications; Gmail's is not in `API_FACTS` (its checks predate them) but counts the same. */
const CLASSIFICATION: ReadonlyMap<string, ScopeClassificationFact> = new Map(
  [GMAIL_V1_FACTS, ...API_FACTS].flatMap((f) => f.classifications ?? []).map((c) => [c.scope, c]),
);
/** The API version whose table classifies each scope (the first one: a scope has one classification). */
const CLASSIFIED_BY: ReadonlyMap<string, { readonly api: string; readonly version: string }> = new Map(
  [GMAIL_V1_FACTS, ...API_FACTS]
    .reverse()
    .flatMap((f) => (f.classifications ?? []).map((c) => [c.scope, { api: f.api, version: f.version }] as const)),
);

/**
 * Google's classification of a scope, from any fact table (Gmail's or a per-API one), or
 * undefined when none gives it. A scope has one classification whatever API accepts it.
 * The one lookup: the catalog's `classificationOf` reads it too.
 */
export function scopeClassification(scope: string): Classification | undefined {
  return CLASSIFICATION.get(scope)?.classification;
}

/** The API version whose fact table classifies the scope (`gmail` v1 for Gmail's), or undefined. */
export function classifyingApi(scope: string): { readonly api: string; readonly version: string } | undefined {
  return CLASSIFIED_BY.get(scope);
}

/** The credential facts that concern `methodId` of `api` `version` (Admin SDK: a service account must impersonate a user). */
export function credentialFacts(api: string, version: string, methodId: string): readonly CredentialFact[] {
  return (apiFacts(api, version)?.credentials ?? []).filter((f) => f.methods === '*' || f.methods.includes(methodId));
}

/**
 * Whether the kind of credential matters to calls of this API version (a credential fact or
 * app-authentication scopes): only then do the rules trace the call's credential (`credentialOf`).
 */
export function credentialMatters(target: { readonly api: string; readonly version: string }): boolean {
  const facts = apiFacts(target.api, target.version);
  return facts?.credentials !== undefined || facts?.authKinds !== undefined;
}

/**
 * The credential fact under which a call of `api` `version` `methodId` certainly fails with this
 * credential (Admin SDK Directory, Classroom, Meet, Chat's user-only methods: a service account
 * that impersonates nobody; Chat's app-only method: a user's token), or undefined. Adding a scope
 * never cures such a call.
 */
export function credentialFailure(
  target: { readonly api: string; readonly version: string; readonly id: string },
  credential: CredentialKind | undefined,
): CredentialFact | undefined {
  if (credential === undefined) return undefined;
  const failsWith: CredentialFact['failsWith'] = credential === 'app' ? 'service-account-without-subject' : 'user-credentials';
  return credentialFacts(target.api, target.version, target.id).find((fact) => fact.failsWith === failsWith);
}

/** Short reasons by credential fact id (each fact's cited reason and source in src/scopes/facts/). */
const CREDENTIAL_REASONS: Readonly<Record<string, string>> = {
  'admin.directory.subject': 'the Directory API needs it to impersonate an administrator (`subject`)',
  'classroom.user': 'Classroom needs it to impersonate a user (`subject`)',
  'meet.user-authentication': 'the Meet REST API needs it to impersonate a user (`subject`)',
  'chat.user-authentication': 'it needs user authentication: impersonate a user (`subject`)',
  'chat.app-authentication': "only the Chat app's service account (no `subject`) may call it",
};

/** The short reason a credential fails a call (metadata-scope's message and the report say it alike). */
export function credentialFailureReason(fact: CredentialFact): string {
  return CREDENTIAL_REASONS[fact.id] ?? fact.reason;
}

/** Scopes some table says are not restricted though Google publishes no classification of them. */
const NOT_RESTRICTED: ReadonlySet<string> = new Set(API_FACTS.flatMap((f) => f.notRestricted?.scopes ?? []));
/** Scopes some table says grant no write operation (a classification's `readOnly`, or a `readOnly` list). */
const READ_ONLY: ReadonlySet<string> = new Set([
  ...[...CLASSIFICATION.values()].filter((c) => c.readOnly === true).map((c) => c.scope),
  ...API_FACTS.flatMap((f) => f.readOnly?.scopes ?? []),
]);

/**
 * The most Google's classification of a scope can be: its classification, else `sensitive` for a
 * scope Google's list of restricted scopes leaves out (`notRestricted`), else undefined (unknown:
 * it may be restricted). What ranks a scope for choosing, never what a rule reports.
 */
export function classificationBound(scope: string): Classification | undefined {
  return scopeClassification(scope) ?? (NOT_RESTRICTED.has(scope) ? 'sensitive' : undefined);
}

/** Whether a fact table says the scope grants no write operation. */
export function isReadOnlyScope(scope: string): boolean {
  return READ_ONLY.has(scope);
}
