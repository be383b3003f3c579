/**
 * Lazy access to the generated all-API data in `./data/apis/` (format: ./apis-format.ts).
 * Nothing is read at import time; `index.json` is read on the first query and each
 * `<api>-<version>.json` only when that API version is asked for, then kept for the process.
 * Names are looked up in the index before any file is opened, so no argument ever becomes a
 * path of its own.
 */
import { closeSync, existsSync, openSync, readFileSync, readSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type {
  ApiChainsFile,
  ApiProfile,
  ApiProfilesFile,
  ApisIndexFile,
  ApiVersionFile,
  CompactMethod,
  VersionSummary,
} from './apis-format.ts';
import { API_DATA_DIR } from './package-files.ts';

const DATA_DIR = new URL('apis/', API_DATA_DIR);

const PACK = new URL('apis.pack', API_DATA_DIR);
const PACK_TABLE = new URL('apis.pack.json', API_DATA_DIR);

/** Where each data file lies in the pack: name → [offset, length] of its gzipped bytes. */
let packTable: Record<string, readonly [number, number]> | undefined;

/**
 * The published package ships the files gzipped in one pack (`npm run build`: a tenth of the
 * size and two files instead of 605), and reads only the slice it needs; the source tree keeps
 * the readable JSON files.
 */
function readData<T>(name: string): T {
  packTable ??= existsSync(PACK_TABLE) ? (JSON.parse(readFileSync(PACK_TABLE, 'utf8')) as Record<string, [number, number]>) : {};
  const slice = packTable[name];
  const text = slice === undefined ? readFileSync(new URL(name, DATA_DIR), 'utf8') : gunzipSync(readSlice(PACK, ...slice)).toString('utf8');
  return JSON.parse(text) as T;
}

function readSlice(file: URL, offset: number, length: number): Buffer {
  const buffer = Buffer.alloc(length);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, buffer, 0, length, offset);
  } finally {
    closeSync(fd);
  }
  return buffer;
}

let index: ApisIndexFile | undefined;
let profiles: ApiProfilesFile | undefined;
const versions = new Map<string, ApiVersionFile>();
/** API versions added at run time (tests: a small generated fixture API), by `api:version`. */
const added = new Map<string, { readonly data: ApiVersionFile; readonly profile: ApiProfile }>();

/**
 * Adds one generated API version (its data file and its profile) beside the shipped data, as if
 * the generator had written it: for tests that show a new API is data, never new analysis code.
 */
export function addApiVersionData(data: ApiVersionFile, profile: ApiProfile): void {
  added.set(`${data.api}:${data.version}`, { data, profile });
  versions.set(`${data.api}:${data.version}`, data);
  versionsByRoot.clear();
}

/** Undoes `addApiVersionData` (tests that share one process must leave the data as they found it). */
export function removeApiVersionData(api: string, version: string): void {
  added.delete(`${api}:${version}`);
  versions.delete(`${api}:${version}`);
  versionsByRoot.clear();
}

function getIndex(): ApisIndexFile {
  return (index ??= readData<ApisIndexFile>('index.json'));
}

function own<T>(record: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

function versionSummary(api: string, version: string): VersionSummary | undefined {
  const extra = added.get(`${api}:${version}`);
  if (extra !== undefined) return { methods: Object.keys(extra.data.methods).length, unknownMethods: 0 };
  const apiVersions = own(getIndex().apis, api);
  return apiVersions && own(apiVersions, version);
}

/** The loaded data of one API version, or undefined when the index does not list it. */
export function loadApiVersion(api: string, version: string): ApiVersionFile | undefined {
  if (typeof api !== 'string' || typeof version !== 'string' || !versionSummary(api, version)) return undefined;
  const key = `${api}:${version}`;
  let data = versions.get(key);
  if (!data) {
    data = readData<ApiVersionFile>(`${api}-${version}.json`);
    versions.set(key, data);
  }
  return data;
}

/** Where the shipped data was generated from: `{ package: 'googleapis', version }` (index.json); `{}` for an added version. */
export function apiDataSource(api: string, version: string): Readonly<Record<string, string>> {
  return added.has(`${api}:${version}`) ? {} : getIndex().source;
}

/** How much API data ships (index.json's totals) and where it was generated from. */
export function apiDataTotals(): { readonly apis: number; readonly versions: number; readonly source: Readonly<Record<string, string>> } {
  const index = getIndex();
  return { apis: index.totals.apis, versions: index.totals.versions, source: index.source };
}

/** `api:version` of every API version file read so far (tests and benchmarks: what a run paid for). */
export function loadedApiVersions(): string[] {
  return [...versions.keys()];
}

/** Tests only: forgets the version files read so far (not the added ones), so a test can count what one lint reads. */
export function forgetLoadedApiVersionsForTests(): void {
  for (const key of versions.keys()) if (!added.has(key)) versions.delete(key);
}

/** One version of one API in the index. */
export interface ApiVersionInfo {
  readonly version: string;
  readonly methods: number;
  /** Methods whose accepted scopes are unknown (the typings list none): `acceptedScopes` returns undefined. */
  readonly unknownMethods: number;
  /** Whether the API's scope order (`scopeGrants`) is corrected by cited facts, not only derived from the method lists. */
  readonly orderFacts: boolean;
}

/** One API (`drive`) of the `googleapis` package with its versions. */
export interface ApiInfo {
  readonly api: string;
  readonly versions: readonly ApiVersionInfo[];
}

/** A method's parameter: where it goes in the request and whether the client requires it. */
export interface ApiParameter {
  readonly location: 'path' | 'query';
  readonly required: boolean;
}

/** One method of one API version. */
export interface ApiMethod {
  readonly api: string;
  readonly version: string;
  /** Method id, as called on the client without the client: `files.list`, `spreadsheets.values.get`. */
  readonly id: string;
  readonly httpMethod: string;
  /** URL path relative to the API's root URL (`drive/v3/files`), `{name}`/`{+name}` for path parameters. */
  readonly path: string;
  /** Media upload path relative to the root URL, when the method accepts an upload. */
  readonly mediaPath?: string;
  /** The scopes the method accepts (any ONE suffices), in Google's order; undefined when unknown. */
  readonly scopes: readonly string[] | undefined;
  /** Method parameters by name (standard parameters such as `fields` are not listed). */
  readonly parameters: Readonly<Record<string, ApiParameter>>;
  readonly requestBody: boolean;
  readonly media: boolean;
}

/** Whether `name` is an API of the data (`drive`, `storage`, `bigquery`). Reads only the index. */
export function isApiName(name: string): boolean {
  if (own(getIndex().apis, name) !== undefined) return true;
  for (const extra of added.values()) if (extra.data.api === name) return true;
  return false;
}

/** Every API of the pinned `googleapis` package and its versions, sorted by name. Reads only the index. */
export function listApis(): ApiInfo[] {
  return Object.entries(getIndex().apis).map(([api, vs]) => ({
    api,
    versions: Object.entries(vs).map(([version, s]) => ({
      version,
      methods: s.methods,
      unknownMethods: s.unknownMethods,
      orderFacts: s.orderFacts === true,
    })),
  }));
}

/** Method ids of one API version, sorted (`listMethods('drive', 'v3')`), or undefined for an unknown API version. */
export function listMethods(api: string, version: string): string[] | undefined {
  const data = loadApiVersion(api, version);
  return data && Object.keys(data.methods);
}

function compactMethod(api: string, version: string, methodId: string): { data: ApiVersionFile; method: CompactMethod } | undefined {
  const data = loadApiVersion(api, version);
  const method = data && typeof methodId === 'string' ? own(data.methods, methodId) : undefined;
  return method && data && { data, method };
}

function scopesOf(data: ApiVersionFile, method: CompactMethod): string[] | undefined {
  // `scopes: []` in the typings is as unknown as a missing sample: never "no scope needed".
  return method.s && method.s.length > 0 ? method.s.map((i) => data.scopes[i]!) : undefined;
}

/**
 * The OAuth scopes `api` `version` `methodId` accepts (any ONE of them suffices), in Google's order:
 * `acceptedScopes('drive', 'v3', 'files.list')`. Undefined when the API, version or method does
 * not exist, or when Google's typings list no scopes for the method (unknown, not public).
 */
export function acceptedScopes(api: string, version: string, methodId: string): string[] | undefined {
  const found = compactMethod(api, version, methodId);
  return found && scopesOf(found.data, found.method);
}

/** Everything the data holds about one method, or undefined when it does not exist. */
export function getMethod(api: string, version: string, methodId: string): ApiMethod | undefined {
  const found = compactMethod(api, version, methodId);
  if (!found) return undefined;
  const { data, method: m } = found;
  const parameters: Record<string, ApiParameter> = {};
  const add = (names: string[] | undefined, location: 'path' | 'query', required: boolean): void => {
    for (const name of names ?? []) parameters[name] = { location, required };
  };
  add(m.pr, 'path', true);
  add(m.po, 'path', false);
  add(m.qr, 'query', true);
  add(m.q, 'query', false);
  return {
    api,
    version,
    id: methodId,
    httpMethod: m.h,
    path: m.p,
    ...(m.u !== undefined ? { mediaPath: m.u } : {}),
    scopes: scopesOf(data, m),
    parameters,
    requestBody: m.b === 1,
    media: m.m === 1,
  };
}

/**
 * The scopes that `scope` grants within `api` `version` (strictly narrower or equivalent ones;
 * `[]` when it grants no other), from the shipped order: derived from the version's method lists
 * and corrected by cited facts (`drive.file` grants nothing; `drive` grants `drive.file`).
 * Undefined when the API version does not exist or no method of it accepts `scope`.
 */
export function scopeGrants(api: string, version: string, scope: string): string[] | undefined {
  const data = loadApiVersion(api, version);
  const i = data?.scopes.indexOf(scope) ?? -1;
  if (!data || i < 0) return undefined;
  return (own(data.grants ?? {}, String(i)) ?? []).map((j) => data.scopes[j]!);
}

/**
 * How an API appears in code (`getApiProfile('drive')`): packages, factory, and per version the
 * typings namespace and class, REST host and path prefixes, and the client's root properties.
 */
export function getApiProfile(api: string): ApiProfile | undefined {
  if (typeof api !== 'string') return undefined;
  for (const extra of added.values()) if (extra.data.api === api) return extra.profile;
  return own(getProfiles().apis, api);
}

function getProfiles(): ApiProfilesFile {
  return (profiles ??= readData<ApiProfilesFile>('profiles.json'));
}

/** Which API version a typings namespace (`drive_v3`, `admin_directory_v1`) belongs to. */
export function apiOfNamespace(namespace: string): { readonly api: string; readonly version: string } | undefined {
  if (typeof namespace !== 'string') return undefined;
  // `<api>_<version>` by the generator's convention; the profile confirms it.
  for (let cut = namespace.indexOf('_'); cut > 0; cut = namespace.indexOf('_', cut + 1)) {
    const api = namespace.slice(0, cut);
    const version = namespace.slice(cut + 1);
    const profile = getApiProfile(api);
    if (profile !== undefined && own(profile.versions, version)?.namespace === namespace) return { api, version };
  }
  return undefined;
}

let chains: ApiChainsFile | undefined;

/**
 * Whether a method id of some API version starts with `root.next` (`files.delete`,
 * `projects.locations`), from `chains.json` alone (no version is loaded), and versions added at run time.
 */
export function isMethodChainHead(root: string, next: string): boolean {
  chains ??= readData<ApiChainsFile>('chains.json');
  if (own(chains.roots, root)?.includes(next) === true) return true;
  for (const extra of added.values()) {
    for (const id of Object.keys(extra.data.methods)) {
      const [first, second] = id.split('.');
      if (first === root && second === next) return true;
    }
  }
  return false;
}

const versionsByRoot = new Map<string, readonly { readonly api: string; readonly version: string }[]>();

/** The API versions whose client has `root` as a property (`users`: Gmail, Admin SDK, …), from the profiles alone. */
export function apiVersionsWithRoot(root: string): readonly { readonly api: string; readonly version: string }[] {
  let found = versionsByRoot.get(root);
  if (found === undefined) {
    const list: { api: string; version: string }[] = [];
    const apis = new Map<string, ApiProfile>(Object.entries(getProfiles().apis));
    for (const extra of added.values()) apis.set(extra.data.api, extra.profile);
    for (const [api, profile] of apis) {
      for (const [version, versionProfile] of Object.entries(profile.versions)) {
        if (versionProfile.rootResources.includes(root)) list.push({ api, version });
      }
    }
    found = list;
    versionsByRoot.set(root, found);
  }
  return found;
}

/**
 * Every API version that has the method `methodId` (`users.watch`: Gmail and Admin SDK Directory).
 * Reads only the versions whose client has the id's first name as a property.
 */
export function apiVersionsWithMethod(methodId: string): { readonly api: string; readonly version: string }[] {
  const root = methodId.split('.')[0]!;
  return apiVersionsWithRoot(root).filter(({ api, version }) => {
    const data = loadApiVersion(api, version);
    return data !== undefined && own(data.methods, methodId) !== undefined;
  });
}

/** The hosts every Google API answers on besides its own: only a path prefix names the API there. */
const SHARED_API_HOSTS = new Set(['www.googleapis.com', 'googleapis.com']);
/** More API versions than this behind one URL is no certain match (and would build their maps). */
const MAX_URL_CANDIDATES = 4;

interface UrlIndex {
  /** Own host (`storage.googleapis.com`) → the versions answering on it, each with its path prefixes. */
  readonly hosts: ReadonlyMap<string, readonly UrlCandidate[]>;
  /** First segment of a prefix that names its API (`storage` of `storage/v1/`) → the versions, for shared hosts. */
  readonly named: ReadonlyMap<string, readonly UrlCandidate[]>;
}
interface UrlCandidate {
  readonly api: string;
  readonly version: string;
  readonly prefixes: readonly string[];
}
let urlIndex: UrlIndex | undefined;

function getUrlIndex(): UrlIndex {
  if (urlIndex !== undefined) return urlIndex;
  const hosts = new Map<string, UrlCandidate[]>();
  const named = new Map<string, UrlCandidate[]>();
  for (const [api, profile] of Object.entries(getProfiles().apis)) {
    for (const [version, versionProfile] of Object.entries(profile.versions)) {
      const prefixes = [...versionProfile.pathPrefixes, ...(versionProfile.uploadPathPrefixes ?? [])];
      const candidate = { api, version, prefixes };
      if (versionProfile.host !== '' && !SHARED_API_HOSTS.has(versionProfile.host)) {
        hosts.set(versionProfile.host, [...(hosts.get(versionProfile.host) ?? []), candidate]);
      }
      for (const prefix of prefixes) {
        const first = prefix.split('/')[0]!;
        // `v1/` names no API: on a shared host only `storage/v1/`-like prefixes do.
        if (/^v\d/.test(first) || first === '') continue;
        const list = named.get(first) ?? [];
        if (!list.includes(candidate)) named.set(first, [...list, candidate]);
      }
    }
  }
  return (urlIndex = { hosts, named });
}

/**
 * The API versions a REST URL can address, from the profiles alone (no map is built): those that
 * answer on its host (`storage.googleapis.com`) or, on a shared host (`www.googleapis.com`), whose
 * prefix names the API (`storage/v1/`), and whose path prefix starts `path` (`storage/v1/b/…`,
 * no leading slash). Empty when none, or when more than a few do (no certain match).
 */
export function apiVersionsAtUrl(host: string, path: string): readonly { readonly api: string; readonly version: string }[] {
  const index = getUrlIndex();
  const pool = SHARED_API_HOSTS.has(host) ? index.named.get(path.slice(0, path.indexOf('/'))) : index.hosts.get(host);
  const found = (pool ?? []).filter((candidate) => candidate.prefixes.some((prefix) => path.startsWith(prefix)));
  return found.length > MAX_URL_CANDIDATES ? [] : found.map(({ api, version }) => ({ api, version }));
}
