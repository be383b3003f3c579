/**
 * The scope catalog: every scope that appears in a registered method map, with its short
 * label, what it grants, Google's classification and whether only an add-on can hold it.
 * Facts come from Gmail's cited table (`./facts/gmail-v1.ts`); membership and usage come from the
 * generated maps.
 */
import googleScopes from './data/google-scopes.json' with { type: 'json' };
import { analysedScopes, listApiMaps } from './api-map.ts';
import { SCOPE_FACTS } from './facts/gmail-v1.ts';
import { classificationBound, scopeClassification } from './facts/index.ts';
import type { Classification } from './facts/types.ts';

export type { Classification } from './facts/types.ts';

/** Lower is less privileged. */
export const CLASSIFICATION_RANK: Readonly<Record<Classification, number>> = Object.freeze({
  'non-sensitive': 0,
  sensitive: 1,
  restricted: 2,
});

/** Prefix of (almost) every Google scope URL. */
export const SCOPE_URL_PREFIX = 'https://www.googleapis.com/auth/';

export interface ScopeInfo {
  /** Full scope URL, e.g. `https://www.googleapis.com/auth/gmail.send`. */
  readonly url: string;
  /** Short label for messages: `gmail.send`; `https://mail.google.com/` stays as is. */
  readonly label: string;
  /** What the scope grants, one line. */
  readonly description: string;
  readonly classification: Classification;
  /** Only a Gmail add-on can hold it: counts when requested, never proposed as a fix. */
  readonly addOnOnly: boolean;
  /** Extra caveat (e.g. gmail.metadata's restrictions), when there is one. */
  readonly note?: string;
  /** `api:version` keys of the registered maps with at least one method accepting it. */
  readonly apis: readonly string[];
}

function buildCatalog(): ReadonlyMap<string, ScopeInfo> {
  const apisByScope = new Map<string, string[]>();
  for (const map of listApiMaps()) {
    for (const s of map.scopes) {
      const list = apisByScope.get(s) ?? [];
      list.push(`${map.api}:${map.version}`);
      apisByScope.set(s, list);
    }
  }
  const out = new Map<string, ScopeInfo>();
  for (const f of SCOPE_FACTS) {
    out.set(
      f.url,
      Object.freeze({
        url: f.url,
        label: scopeLabel(f.url),
        description: f.description,
        classification: f.classification,
        addOnOnly: f.addOnOnly,
        ...(f.note !== undefined ? { note: f.note } : {}),
        apis: Object.freeze(apisByScope.get(f.url) ?? []),
      }),
    );
  }
  return out;
}

/** Built on first use, not at import: it builds every analysed map (docs/performance.md, plugin import time). */
let catalog: ReadonlyMap<string, ScopeInfo> | undefined;
const getCatalog = (): ReadonlyMap<string, ScopeInfo> => (catalog ??= buildCatalog());
const rawKnown: unknown = (googleScopes as { scopes?: unknown }).scopes;
const KNOWN_GOOGLE_SCOPES: ReadonlySet<string> = new Set(
  Array.isArray(rawKnown) ? rawKnown.filter((s): s is string => typeof s === 'string') : [],
);

/** Catalog entry for a full scope URL, or undefined when we have no facts for it. */
export function getScopeInfo(url: string): ScopeInfo | undefined {
  return getCatalog().get(url);
}

/** Every catalogued scope, in URL order. */
export function listScopeInfos(): readonly ScopeInfo[] {
  return [...getCatalog().values()].sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
}

/**
 * Short label for messages: `https://www.googleapis.com/auth/gmail.send` → `gmail.send`;
 * anything not under the `auth/` prefix (`https://mail.google.com/`) stays as is.
 */
export function scopeLabel(url: string): string {
  return url.startsWith(SCOPE_URL_PREFIX) && url.length > SCOPE_URL_PREFIX.length ? url.slice(SCOPE_URL_PREFIX.length) : url;
}

/** Whether `url` is a real Google OAuth scope string (exact, case-sensitive): listed, or accepted by an analysed API's method. */
export function isKnownGoogleScope(url: string): boolean {
  return KNOWN_GOOGLE_SCOPES.has(url) || analysedScopes().has(url);
}

/** Every known Google scope string, sorted (for "did you mean" in valid-scope). */
export function listKnownGoogleScopes(): readonly string[] {
  return [...KNOWN_GOOGLE_SCOPES].sort();
}

/** Google's classification of a scope (Gmail's table or a per-API one in ./facts/), or undefined when no cited table gives it. */
export function classificationOf(url: string): Classification | undefined {
  return scopeClassification(url);
}

/**
 * Rank used for ordering and the solver: the most Google's classification can be
 * (`classificationBound`: a scope Google's restricted list leaves out ranks at most sensitive).
 * Uncatalogued scopes rank as restricted: we never prefer a scope whose classification we don't
 * know over one we know to be lower.
 */
export function classificationRank(url: string): number {
  const c = classificationBound(url);
  return c === undefined ? CLASSIFICATION_RANK.restricted : CLASSIFICATION_RANK[c];
}

/** Whether only a Gmail add-on can hold the scope. */
export function isAddOnOnly(url: string): boolean {
  return getCatalog().get(url)?.addOnOnly === true;
}

/** The same in a message's few words: "public apps need Google's OAuth app verification". */
export function verificationInBrief(classification: Classification): string {
  switch (classification) {
    case 'restricted':
      return "public apps need Google's verification and a yearly CASA security assessment";
    case 'sensitive':
      return "public apps need Google's OAuth app verification";
    case 'non-sensitive':
      return 'no verification needed';
  }
}

/** One sentence: the Google verification a classification triggers. */
export function verificationConsequence(classification: Classification): string {
  switch (classification) {
    case 'restricted':
      return "requires Google's OAuth verification and an annual third-party security assessment (CASA) for public apps";
    case 'sensitive':
      return "requires Google's OAuth app verification";
    case 'non-sensitive':
      return 'no verification needed';
  }
}
