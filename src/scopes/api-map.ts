/**
 * Typed access to the generated per-API method maps (never edited by hand), and the registry of
 * the API versions with cited facts: `ANALYSED_API_VERSIONS` below is the one place to widen.
 * Every map is built from the generated all-API data (./apis-data.ts) on first use; a version
 * outside the registry only when the code names its client (phase 3 of issue 15).
 */
import {
  addApiVersionData,
  apiDataSource,
  forgetLoadedApiVersionsForTests,
  getApiProfile,
  loadApiVersion,
  removeApiVersionData,
} from './apis-data.ts';
import type { ApiProfile, ApiVersionFile, VersionProfile } from './apis-format.ts';

export interface ParameterInfo {
  /** `path` or `query` (as in the discovery document). */
  readonly location: string;
  readonly required: boolean;
  readonly enum?: readonly string[];
}

export interface MethodInfo {
  /** Method id relative to the API, e.g. `users.messages.send`. */
  readonly id: string;
  /** The API (`gmail`) and version (`v1`) the method belongs to. */
  readonly api: string;
  readonly version: string;
  readonly httpMethod: string;
  /** Path template relative to the root URL, without a leading slash. */
  readonly path: string;
  /** Upload path template (media upload), relative to the root URL, without a leading slash. */
  readonly mediaPath?: string;
  /** The scopes the method accepts: ANY ONE suffices. Google's (alphabetical) order. */
  readonly scopes: readonly string[];
  readonly parameters: Readonly<Record<string, ParameterInfo>>;
  readonly requestBody?: boolean;
  readonly media?: boolean;
}

export interface ApiMap {
  readonly api: string;
  readonly version: string;
  readonly title: string;
  readonly rootUrl: string;
  readonly methods: ReadonlyMap<string, MethodInfo>;
  /** Every scope accepted by at least one method, sorted. */
  readonly scopes: readonly string[];
  /** Where the generator read it: `{ package, version }` (src/scopes/data/apis/index.json). */
  readonly source: Readonly<Record<string, string>>;
}

/** An API by map, by `api:version` key, or by bare name (then its only/latest registered version). */
export type ApiRef = ApiMap | string;

interface RawParameter {
  location?: unknown;
  required?: unknown;
  enum?: unknown;
}
interface RawMethod {
  httpMethod?: unknown;
  path?: unknown;
  mediaPath?: unknown;
  scopes?: unknown;
  parameters?: unknown;
  requestBody?: unknown;
  media?: unknown;
}
interface RawApiData {
  api?: unknown;
  version?: unknown;
  title?: unknown;
  rootUrl?: unknown;
  methods?: unknown;
  source?: unknown;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
const stringRecord = (v: unknown): Record<string, string> =>
  isRecord(v) ? Object.fromEntries(Object.entries(v).filter((entry): entry is [string, string] => typeof entry[1] === 'string')) : {};
const stripSlashes = (p: string): string => p.replace(/^\/+/, '');

function buildApiMap(raw: unknown): ApiMap {
  const data = raw as RawApiData;
  if (!isRecord(data) || typeof data.api !== 'string' || typeof data.version !== 'string' || !isRecord(data.methods)) {
    throw new Error('eslint-plugin-googleapis-scopes: malformed generated API map (expected { api, version, methods })');
  }
  const api = data.api;
  const version = data.version;
  const methods = new Map<string, MethodInfo>();
  const allScopes = new Set<string>();
  for (const id of Object.keys(data.methods).sort()) {
    const m = data.methods[id] as RawMethod;
    if (!isRecord(m) || typeof m.httpMethod !== 'string' || typeof m.path !== 'string' || !isStringArray(m.scopes)) {
      throw new Error(`eslint-plugin-googleapis-scopes: malformed method ${api}.${version} ${id} in generated API map`);
    }
    const parameters: Record<string, ParameterInfo> = {};
    if (isRecord(m.parameters)) {
      for (const [name, p] of Object.entries(m.parameters as Record<string, RawParameter>)) {
        if (!isRecord(p)) continue;
        parameters[name] = Object.freeze({
          location: typeof p.location === 'string' ? p.location : 'query',
          required: p.required === true,
          ...(isStringArray(p.enum) ? { enum: Object.freeze([...p.enum]) } : {}),
        });
      }
    }
    const info: MethodInfo = Object.freeze({
      id,
      api,
      version,
      httpMethod: m.httpMethod.toUpperCase(),
      path: stripSlashes(m.path),
      ...(typeof m.mediaPath === 'string' ? { mediaPath: stripSlashes(m.mediaPath) } : {}),
      scopes: Object.freeze([...m.scopes]),
      parameters: Object.freeze(parameters),
      ...(m.requestBody === true ? { requestBody: true } : {}),
      ...(m.media === true ? { media: true } : {}),
    });
    methods.set(id, info);
    for (const s of m.scopes) allScopes.add(s);
  }
  return Object.freeze({
    api,
    version,
    title: typeof data.title === 'string' ? data.title : api,
    rootUrl: typeof data.rootUrl === 'string' ? data.rootUrl : `https://${api}.googleapis.com/`,
    methods,
    scopes: Object.freeze([...allScopes].sort()),
    source: Object.freeze(stringRecord(data.source)),
  });
}

/**
 * The API versions the analysis looks for everywhere, as `api:version`: through bare chains on
 * receivers it knows nothing about (`x.users.messages.send()`), REST URLs, typed resources and
 * the file gate's anchors. Every other version in the data is checked only through a client the
 * code names (`google.storage('v1')`, `@googleapis/storage`, `storage_v1.Storage`), from its data
 * alone. Widening to another API is one more entry here, once its cited facts exist in ./facts/,
 * ./order-facts.ts and its traps (issue 15).
 */
const ANALYSED_API_VERSIONS: readonly string[] = [
  'gmail:v1',
  // Phase 1 of issue 15: cited fact tables in ./facts/ (silent subsets, traps, classifications).
  'drive:v3',
  'sheets:v4',
  'calendar:v3',
  'docs:v1',
  'slides:v1',
  'forms:v1',
  'people:v1',
  'tasks:v1',
  'youtube:v3',
];

/** `<api>-<version>.json` of the all-API data in the map format: methods whose scopes are unknown are left out (never checked). */
function fromApiData(data: ApiVersionFile): RawApiData {
  const methods: Record<string, RawMethod> = {};
  for (const [id, m] of Object.entries(data.methods)) {
    if (m.s === undefined || m.s.length === 0 || UNKNOWN_NEED_METHODS.has(`${data.api}:${id}`)) continue;
    const parameters: Record<string, RawParameter> = {};
    const add = (names: readonly string[] | undefined, location: string, required: boolean): void => {
      for (const name of names ?? []) parameters[name] = { location, required };
    };
    add(m.pr, 'path', true);
    add(m.po, 'path', false);
    add(m.qr, 'query', true);
    add(m.q, 'query', false);
    methods[id] = {
      httpMethod: m.h,
      path: m.p,
      ...(m.u === undefined ? {} : { mediaPath: m.u }),
      scopes: m.s.map((i) => data.scopes[i]),
      parameters,
      ...(m.b === 1 ? { requestBody: true } : {}),
      ...(m.m === 1 ? { media: true } : {}),
    };
  }
  return {
    api: data.api,
    version: data.version,
    title: data.title,
    rootUrl: data.rootUrl,
    methods,
    source: apiDataSource(data.api, data.version),
  };
}

const analysed = new Set(ANALYSED_API_VERSIONS);
const REGISTRY = new Map<string, ApiMap>();
/** Changes whenever the registry does, so callers can cache what they derive from {@link analysedApiMaps}. */
let analysedList: readonly ApiMap[] | undefined;

/**
 * Methods whose accepted-scope list is not what a call needs, so no map offers them (their calls
 * stay unknown, never reported):
 * - Apps Script `scripts.run` needs the scopes the target script uses, and Google's list is a
 *   union of many APIs' scopes (https://developers.google.com/apps-script/api/reference/rest/v1/scripts/run);
 * - the OAuth2 API's userinfo endpoint answers with the claims the token's sign-in scopes allow
 *   (https://developers.google.com/identity/openid-connect/openid-connect#obtaininguserprofileinformation);
 *   Google documents no 403 for a token without them, so a call is not certain to fail (the
 *   application corpus has one: google-workspace-mcp's `userinfo.get` under Workspace scopes).
 */
const UNKNOWN_NEED_METHODS: ReadonlySet<string> = new Set(['script:scripts.run', 'oauth2:userinfo.get', 'oauth2:userinfo.v2.me.get']);

function buildFromData(key: string): ApiMap | undefined {
  const [api, version] = key.split(':') as [string, string];
  const data = loadApiVersion(api, version);
  return data === undefined ? undefined : buildApiMap(fromApiData(data));
}

/**
 * Maps of the API versions outside the registry (phase 3 of issue 15: checked from the data
 * alone when the code names the client), built on first use and kept least recently used first.
 * A lint process holds at most `MAX_DATA_MAPS` of them besides the registry's and those of the
 * file being linted: its working set (every data version it has used since its lint began, at
 * most `MAX_FILE_DATA_MAPS`) is never evicted, so a file that names more APIs than the cache
 * holds builds each map once, not once per call.
 */
const MAX_DATA_MAPS = 24;
/** The most data versions one file keeps from eviction (a file naming more rebuilds the rest as needed). */
const MAX_FILE_DATA_MAPS = 128;
const DATA_MAPS = new Map<string, ApiMap>();
/** The data versions the file being linted has used (see startFileWorkingSet). */
let workingSet = new Set<string>();
/** How many maps were built from the data outside the registry (tests: a file's working set never thrashes). */
let dataMapBuilds = 0;

function dataMap(key: string): ApiMap | undefined {
  let map = DATA_MAPS.get(key);
  const built = map === undefined;
  if (map !== undefined) {
    // Map keeps insertion order: re-inserting marks the entry as the most recently used.
    DATA_MAPS.delete(key);
  } else {
    map = buildFromData(key);
    if (map === undefined) return undefined;
    dataMapBuilds++;
  }
  DATA_MAPS.set(key, map);
  if (workingSet.size < MAX_FILE_DATA_MAPS) workingSet.add(key);
  if (built) evictDataMaps();
  return map;
}

/** Drops the least recently used maps outside the working set until at most `MAX_DATA_MAPS` of those are left. */
function evictDataMaps(): void {
  let evictable = 0;
  for (const key of DATA_MAPS.keys()) if (!workingSet.has(key)) evictable++;
  for (const key of DATA_MAPS.keys()) {
    if (evictable <= MAX_DATA_MAPS) break;
    if (workingSet.has(key)) continue;
    DATA_MAPS.delete(key);
    evictable--;
  }
}

/**
 * A file's lint begins (src/google/analyzer.ts, once per linted file): the previous file's
 * working set becomes evictable like any other map.
 */
export function startFileWorkingSet(): void {
  if (workingSet.size === 0) return;
  workingSet = new Set();
  evictDataMaps();
}

/**
 * The map for `api` at `version` (`getApiMap('gmail', 'v1')`, `getApiMap('storage', 'v1')`), or
 * undefined when the data has no such version. Every version in the data answers: the registry's
 * (below) also get bare chains, REST URLs and the file gate's anchors; the others are checked
 * only where the code names their client (`google.storage('v1')`, `@googleapis/storage`,
 * `storage_v1.Storage`).
 */
export function getApiMap(api: string, version: string): ApiMap | undefined {
  if (typeof api !== 'string' || typeof version !== 'string') return undefined;
  const key = `${api}:${version}`;
  if (!analysed.has(key)) return dataMap(key);
  let map = REGISTRY.get(key);
  if (map === undefined) {
    map = buildFromData(key);
    if (map !== undefined) REGISTRY.set(key, map);
  }
  return map;
}

/** Whether `api` `version` is in the registry (bare chains, REST URLs, the file gate), not only in the data. */
export function isAnalysedApiVersion(api: string, version: string): boolean {
  return analysed.has(`${api}:${version}`);
}

/** Tests only: `api:version` of the maps built from the data outside the registry, least recently used first. */
export function dataApiMapsForTests(): string[] {
  return [...DATA_MAPS.keys()];
}

/** Tests only: forgets the maps built outside the registry and the data files read, so a test can count what one lint loads. */
export function forgetDataApiMapsForTests(): void {
  DATA_MAPS.clear();
  workingSet = new Set();
  forgetLoadedApiVersionsForTests();
}

/** Tests only: how many maps outside the registry were built from the data so far. */
export function dataApiMapBuildsForTests(): number {
  return dataMapBuilds;
}

/** Every analysed map, in registry order (the same array until the registry changes). */
export function analysedApiMaps(): readonly ApiMap[] {
  analysedList ??= [...analysed].flatMap((key) => {
    const [api, version] = key.split(':') as [string, string];
    const map = getApiMap(api, version);
    return map === undefined ? [] : [map];
  });
  return analysedList;
}

let analysedScopeSet: { readonly maps: readonly ApiMap[]; readonly scopes: ReadonlySet<string> } | undefined;

/** Every scope some method of an analysed API accepts: the scopes the rules and the report judge. */
export function analysedScopes(): ReadonlySet<string> {
  const maps = analysedApiMaps();
  if (analysedScopeSet?.maps !== maps) analysedScopeSet = { maps, scopes: new Set(maps.flatMap((map) => map.scopes)) };
  return analysedScopeSet.scopes;
}

/** Every registered map, in registration order. */
export function listApiMaps(): readonly ApiMap[] {
  return analysedApiMaps();
}

/** The analysed versions of `api` (`gmail` → the v1 map), in registry order. */
export function analysedVersionsOf(api: string): readonly ApiMap[] {
  return analysedApiMaps().filter((map) => map.api === api);
}

/**
 * Tests only: adds a generated API version (its data file and profile, as the generator writes
 * them) to the data and to the analysed APIs. Shows that a new API needs data, not code.
 */
export function addAnalysedApiForTests(data: ApiVersionFile, profile: ApiProfile): ApiMap {
  addApiVersionData(data, profile);
  const key = `${data.api}:${data.version}`;
  analysed.add(key);
  REGISTRY.delete(key);
  DATA_MAPS.delete(key);
  analysedList = undefined;
  return getApiMap(data.api, data.version)!;
}

/** Undoes `addAnalysedApiForTests`, so the next test file sees only the shipped APIs. */
export function removeAnalysedApiForTests(api: string, version: string): void {
  removeApiVersionData(api, version);
  const key = `${api}:${version}`;
  analysed.delete(key);
  REGISTRY.delete(key);
  DATA_MAPS.delete(key);
  analysedList = undefined;
}

/**
 * The API's short name for messages (`Drive`, `Sheets`, `Calendar`, `YouTube Data`): its title
 * without "Google " and " API" (and a trailing version).
 */
export function apiDisplayName(map: Pick<ApiMap, 'api' | 'title'>): string {
  return map.title.replace(/^Google /, '').replace(/ API( v\d+)?$/, '') || map.api;
}

/** `Gmail`, `Drive`: the short name of `api` `version` for messages (its folder name when the data lacks it). */
export function apiNameOf(api: string, version: string): string {
  const map = getApiMap(api, version);
  return map === undefined ? api : apiDisplayName(map);
}

/** The generated Gmail v1 map. */
export const GMAIL_V1: ApiMap = getApiMap('gmail', 'v1')!;

/** The profile of an analysed map's API version (`namespace`, `host`, `rootResources`, …). */
export function versionProfileOf(map: ApiMap): VersionProfileRef | undefined {
  const profile = getApiProfile(map.api);
  const version = profile?.versions[map.version];
  return profile === undefined || version === undefined ? undefined : { profile, version };
}
export interface VersionProfileRef {
  readonly profile: ApiProfile;
  readonly version: VersionProfile;
}

/**
 * Resolves an {@link ApiRef}: a map is returned as is; `'gmail:v1'` by key; a bare `'gmail'`
 * to its registered version (the highest by natural string order when several are registered).
 */
export function resolveApi(ref: ApiRef): ApiMap | undefined {
  if (typeof ref !== 'string') return ref;
  if (ref.includes(':')) {
    const [api, version] = ref.split(':') as [string, string];
    return getApiMap(api, version);
  }
  let best: ApiMap | undefined;
  for (const map of analysedApiMaps()) {
    if (map.api !== ref) continue;
    if (!best || best.version.localeCompare(map.version, 'en', { numeric: true }) < 0) best = map;
  }
  return best;
}

/** The method `methodId` (`users.messages.send`) of `api`, or undefined. */
export function getMethod(api: ApiRef, methodId: string): MethodInfo | undefined {
  return resolveApi(api)?.methods.get(methodId);
}

/**
 * Whether `path` (`['users', 'messages']`) names a resource of `api`: a strict prefix of at
 * least one method id. `['users', 'messages', 'send']` is a method, not a resource (false).
 * The empty path (the client itself) is a resource whenever the API has methods.
 */
export function isResourcePath(api: ApiRef, path: readonly string[]): boolean {
  const map = resolveApi(api);
  if (!map) return false;
  const prefix = path.length === 0 ? '' : `${path.join('.')}.`;
  for (const id of map.methods.keys()) {
    if (id.startsWith(prefix)) return true;
  }
  return false;
}

const leafNamesCache = new WeakMap<ApiMap, ReadonlySet<string>>();

/** The names a method call ends in (`send`, `list`, `getProfile`): a cheap filter before any resolving. */
export function methodLeafNames(api: ApiRef): ReadonlySet<string> {
  const map = resolveApi(api);
  if (!map) return new Set();
  let names = leafNamesCache.get(map);
  if (names === undefined) {
    names = new Set([...map.methods.keys()].map((id) => id.slice(id.lastIndexOf('.') + 1)));
    leafNamesCache.set(map, names);
  }
  return names;
}

/** Whether `path` (`['users', 'messages', 'send']`) names a method of `api`. */
export function isMethodPath(api: ApiRef, path: readonly string[]): boolean {
  return path.length > 0 && resolveApi(api)?.methods.has(path.join('.')) === true;
}

// ---------------------------------------------------------------------------------------------
// REST path matching (fetch / axios / gaxios calls against the REST endpoints)
// ---------------------------------------------------------------------------------------------

/** The placeholder callers use for an unresolved template-literal hole (`${id}` → `{}`). */
export const PATH_HOLE = '{}';

interface CompiledTemplate {
  readonly method: MethodInfo;
  readonly segments: readonly TemplateSegment[];
}
interface TemplateSegment {
  /** Regex matching a concrete segment. */
  readonly re: RegExp;
  /** The segment with every `{var}` replaced by a single `\u0000` (for matching input holes). */
  readonly shape: string;
  /** Literal characters in the segment (0 for a lone variable). */
  readonly literalChars: number;
  readonly isLoneVariable: boolean;
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function compileSegment(seg: string): TemplateSegment {
  const parts = seg.split(/(\{\+?[^{}]+\})/);
  let re = '^';
  let shape = '';
  let literalChars = 0;
  for (const part of parts) {
    if (part === '') continue;
    if (/^\{\+?[^{}]+\}$/.test(part)) {
      re += '(?:[^/]+?)';
      shape += '\u0000';
    } else {
      re += escapeRe(part);
      shape += part;
      literalChars += part.length;
    }
  }
  return { re: new RegExp(`${re}$`), shape, literalChars, isLoneVariable: shape === '\u0000' };
}

const compiledCache = new WeakMap<ApiMap, readonly CompiledTemplate[]>();

function compiledTemplates(map: ApiMap): readonly CompiledTemplate[] {
  let list = compiledCache.get(map);
  if (!list) {
    const out: CompiledTemplate[] = [];
    for (const method of map.methods.values()) {
      for (const p of [method.path, method.mediaPath]) {
        if (p === undefined) continue;
        out.push({
          method,
          segments: p
            .split('/')
            .filter((s) => s !== '')
            .map(compileSegment),
        });
      }
    }
    list = out;
    compiledCache.set(map, list);
  }
  return list;
}

/**
 * Score of matching one input segment against one template segment, or -1 when they don't
 * match. Higher is more specific: 3 exact literal, 2 literal parts around a variable,
 * 1 a lone variable, 0 an input hole standing in for literal text.
 */
function matchSegment(input: string, t: TemplateSegment): number {
  if (input === '') return -1;
  if (!input.includes(PATH_HOLE)) {
    if (!t.re.test(input)) return -1;
    return t.isLoneVariable ? 1 : t.literalChars === input.length ? 3 : 2;
  }
  if (t.isLoneVariable) return 1;
  // The input has holes: every hole may stand for any text (including a template variable).
  // Adjacent holes (`${a}${b}`) are one hole: `[^/]*[^/]*…` would backtrack polynomially.
  const pieces = input.split(PATH_HOLE).filter((piece, index, all) => piece !== '' || index === 0 || index === all.length - 1);
  const inputRe = new RegExp(`^${pieces.map(escapeRe).join('[^/]*')}$`);
  if (!inputRe.test(t.shape)) return -1;
  const literalInInput = input.split(PATH_HOLE).join('').length;
  return literalInInput >= t.literalChars && t.shape.includes('\u0000') ? 2 : 0;
}

/** Splits a URL or path into path segments: drops scheme/host, query and fragment. */
function pathSegments(urlPath: string): string[] {
  let p = urlPath.trim();
  p = p.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '');
  const cut = p.search(/[?#]/);
  if (cut >= 0) p = p.slice(0, cut);
  return p.split('/').filter((s) => s !== '');
}

function matchSegments(input: readonly string[], tmpl: readonly TemplateSegment[]): number {
  // A leading lone hole (`${base}/users/me/…`) may stand for any non-empty prefix.
  if (input.length > 0 && input[0] === PATH_HOLE) {
    let best = -1;
    const rest = input.slice(1);
    for (let skip = 1; skip <= tmpl.length - rest.length; skip++) {
      const s = matchExact(rest, tmpl.slice(skip));
      if (s > best) best = s;
    }
    // Or the hole is just one ordinary segment.
    return Math.max(best, matchExact(input, tmpl));
  }
  return matchExact(input, tmpl);
}

function matchExact(input: readonly string[], tmpl: readonly TemplateSegment[]): number {
  if (input.length !== tmpl.length) return -1;
  let total = 0;
  for (let i = 0; i < input.length; i++) {
    const s = matchSegment(input[i] as string, tmpl[i] as TemplateSegment);
    if (s < 0) return -1;
    total += s;
  }
  return total;
}

/**
 * Matches a concrete REST request against the API's path templates:
 * `matchRestPath('gmail', 'POST', '/gmail/v1/users/me/messages/send')`,
 * `'/upload/gmail/v1/users/me/messages/send'`, a full URL (any host: the path decides),
 * or with template-literal holes written `{}` (`/gmail/v1/users/me/messages/{}`; a leading
 * `{}` segment may stand for an unresolved base URL). Query string and fragment are ignored.
 *
 * `httpMethod` is case-insensitive; `undefined` means unknown (any verb).
 * Returns the single most specific match, or undefined when nothing matches or the best
 * matches are different methods (ambiguous).
 */
export function matchRestPath(api: ApiRef, httpMethod: string | undefined, urlPath: string): MethodInfo | undefined {
  const map = resolveApi(api);
  if (!map) return undefined;
  const input = pathSegments(urlPath);
  if (input.length === 0) return undefined;
  const verb = httpMethod?.toUpperCase();
  let bestScore = -1;
  let best: MethodInfo | undefined;
  let ambiguous = false;
  for (const t of compiledTemplates(map)) {
    if (verb !== undefined && t.method.httpMethod !== verb) continue;
    const score = matchSegments(input, t.segments);
    if (score < 0) continue;
    if (score > bestScore) {
      bestScore = score;
      best = t.method;
      ambiguous = false;
    } else if (score === bestScore && best !== t.method) {
      ambiguous = true;
    }
  }
  return ambiguous ? undefined : best;
}
