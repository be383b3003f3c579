/**
 * Shared model of a generated scope map (src/scopes/data/<api>-<version>.json) and
 * the helpers that make its serialisation deterministic.
 *
 * Both inputs (the googleapis TypeScript sources and a Google discovery document)
 * produce this same shape; `normaliseScopeMap` fixes key order so that equal data
 * always serialises to identical bytes.
 */

export type ParameterLocation = 'path' | 'query';

export interface ParameterInfo {
  location: ParameterLocation;
  required: boolean;
  /** Allowed values, in the order Google lists them (discovery input only). */
  enum?: string[];
}

export interface MethodInfo {
  httpMethod: string;
  /** URL path relative to `rootUrl`, e.g. `gmail/v1/users/{userId}/messages/send`. */
  path: string;
  /** Upload URL path relative to `rootUrl`, when the method accepts media. */
  mediaPath?: string;
  /** First sentence of Google's description. */
  description: string;
  /** Accepted OAuth scopes (any ONE suffices), in Google's (alphabetical) order. */
  scopes: string[];
  parameters: Record<string, ParameterInfo>;
  requestBody?: true;
  media?: true;
}

export interface ScopeMap {
  api: string;
  version: string;
  title: string;
  rootUrl: string;
  source: Record<string, string>;
  methods: Record<string, MethodInfo>;
}

export interface ScopeList {
  source: Record<string, string>;
  scopes: string[];
}

const ABBREVIATIONS = /(?:^|[\s(])(?:e\.g|i\.e|etc|vs|cf|approx|incl|Inc|Ltd|No)$/;

/**
 * First sentence of a description: whitespace collapsed, cut after the first `.`, `!`
 * or `?` that is followed by whitespace (or ends the text), ignoring full stops inside
 * `code spans` and after common abbreviations (`e.g.`, `i.e.`, ...).
 */
export function firstSentence(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  let inCode = false;
  for (let i = 0; i < t.length; i++) {
    const c = t[i];
    if (c === '`') {
      inCode = !inCode;
      continue;
    }
    if (inCode || (c !== '.' && c !== '!' && c !== '?')) continue;
    if (i + 1 < t.length && t[i + 1] !== ' ') continue;
    if (c === '.' && ABBREVIATIONS.test(t.slice(0, i))) continue;
    return t.slice(0, i + 1);
  }
  return t;
}

function sortedRecord<T, U>(record: Record<string, T>, map: (value: T) => U): Record<string, U> {
  const out: Record<string, U> = {};
  for (const key of Object.keys(record).sort()) out[key] = map(record[key] as T);
  return out;
}

function normaliseParameter(p: ParameterInfo): ParameterInfo {
  const out: ParameterInfo = { location: p.location, required: p.required };
  if (p.enum && p.enum.length > 0) out.enum = [...p.enum];
  return out;
}

function normaliseMethod(m: MethodInfo): MethodInfo {
  // Built in canonical key order; optional keys only when present.
  const out: MethodInfo = { httpMethod: m.httpMethod, path: m.path } as MethodInfo;
  if (m.mediaPath !== undefined) out.mediaPath = m.mediaPath;
  out.description = m.description;
  out.scopes = [...m.scopes];
  out.parameters = sortedRecord(m.parameters, normaliseParameter);
  if (m.requestBody) out.requestBody = true;
  if (m.media) out.media = true;
  return out;
}

/** Returns a copy with canonical key order: method ids and parameter names sorted. */
export function normaliseScopeMap(map: ScopeMap): ScopeMap {
  return {
    api: map.api,
    version: map.version,
    title: map.title,
    rootUrl: map.rootUrl,
    source: { ...map.source },
    methods: sortedRecord(map.methods, normaliseMethod),
  };
}

/** Stable JSON text: canonical order, 2-space indentation, trailing newline. */
export function serialiseScopeMap(map: ScopeMap): string {
  return `${JSON.stringify(normaliseScopeMap(map), null, 2)}\n`;
}

/** Sorted, de-duplicated scope strings (plain code-unit order, locale independent). */
export function sortScopes(scopes: Iterable<string>): string[] {
  return [...new Set(scopes)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

export function serialiseScopeList(list: ScopeList): string {
  const out: ScopeList = { source: { ...list.source }, scopes: sortScopes(list.scopes) };
  return `${JSON.stringify(out, null, 2)}\n`;
}
