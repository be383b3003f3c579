/**
 * The format of the generated all-API data in `./data/apis/` (written by
 * scripts/lib/all-apis*.ts from the pinned `googleapis` package, never edited by hand).
 * Short keys keep 24,768 methods under 4 MB; the meaning of each is documented here.
 */

/** One method of one API version. */
export interface CompactMethod {
  /** HTTP method, upper case (`GET`). */
  h: string;
  /** URL path relative to the version's `rootUrl`, no leading slash (`drive/v3/files/{fileId}`). */
  p: string;
  /** Media upload path relative to `rootUrl`, when the method accepts an upload. */
  u?: string;
  /**
   * Accepted scopes (any ONE suffices) as indices into the file's `scopes`, in Google's order.
   * Absent: the typings have no sample for the method; `[]`: the sample lists none. Both mean
   * UNKNOWN (never "public": an empty list is not a statement that no scope is needed).
   */
  s?: number[];
  /** Path parameters, required (`{fileId}`), sorted. */
  pr?: string[];
  /** Path parameters that are not required (rare). */
  po?: string[];
  /** Required query parameters. */
  qr?: string[];
  /** Optional query parameters (standard parameters such as `fields` are not listed). */
  q?: string[];
  /** 1 when the method takes a request body. */
  b?: 1;
  /** 1 when the method takes a media upload (`media: { body }`). */
  m?: 1;
}

/** `<api>-<version>.json`: one API version. */
export interface ApiVersionFile {
  api: string;
  version: string;
  title: string;
  /** `https://www.googleapis.com/`; empty for a version without methods. */
  rootUrl: string;
  /** Every scope some method of the version accepts, sorted; methods refer to them by index. */
  scopes: string[];
  /**
   * The scope order within this API version: scope index -> indices of the other scopes it
   * grants (narrower or equivalent ones; transitively closed; scopes that grant no other are
   * left out). Derived from the version's method lists, corrected by the cited facts of
   * ./order-facts.ts.
   */
  grants?: Record<string, number[]>;
  /** Method id (`files.list`, `spreadsheets.values.get`) -> method, sorted by id. */
  methods: Record<string, CompactMethod>;
}

export interface VersionSummary {
  methods: number;
  /** Methods whose accepted scopes are unknown (no sample, or `scopes: []`). */
  unknownMethods: number;
  /** Present (true) when the version has methods and every one of them is unknown. */
  allUnknown?: true;
  /** Present (true) when the API's scope order is corrected by facts of its own (./order-facts.ts), not derived alone. */
  orderFacts?: true;
}

/** `index.json`: what exists, without loading any API. */
export interface ApisIndexFile {
  source: Record<string, string>;
  totals: { apis: number; versions: number; methods: number; unknownMethods: number };
  /** API (folder name, `drive`, `youtubeAnalytics`) -> version (`v3`, `directory_v1`) -> summary. */
  apis: Record<string, Record<string, VersionSummary>>;
}

/** How one API version appears in code. */
export interface VersionProfile {
  title: string;
  /** The typings namespace (`drive_v3`), exported by `googleapis` and by `@googleapis/<api>`. */
  namespace: string;
  /** The client class in that namespace (`Drive`: `new drive_v3.Drive(...)`). */
  className: string;
  rootUrl: string;
  /** Host of `rootUrl` (`www.googleapis.com`); empty for a version without methods. */
  host: string;
  /**
   * How the version's method paths start (`drive/v3/`; `admin/directory/v1/` and
   * `admin/directory_v1/`; `v1:` for `v1:validateAddress`): each path up to its first version
   * segment, else its first literal segment. Paths that start with a variable add none.
   */
  pathPrefixes: string[];
  /** The same for media upload paths (`upload/drive/v3/`), when the version has uploads. */
  uploadPathPrefixes?: string[];
  /** Properties of the client object: resources (`files`) and root-level methods, sorted. */
  rootResources: string[];
  /**
   * The typings name each resource's class `Resource$` + its path segments, first letter upper
   * case and the rest lower case (`users.settings.sendAs` -> `Resource$Users$Settings$Sendas`).
   * The resources that break that rule, by path -> class (`…wellKnown` -> `…$WellKnown`).
   */
  irregularResourceClasses?: Record<string, string>;
}

/** How one API appears in code: its packages, factory and versions. */
export interface ApiProfile {
  /** `googleapis` and the per-API package `@googleapis/<api>` (by Google's naming convention). */
  packages: string[];
  /** `google.<api>` on `googleapis`; the per-API package exports the same factory as `<api>`. */
  factory: string;
  versions: Record<string, VersionProfile>;
}

/** `profiles.json`. */
export interface ApiProfilesFile {
  source: Record<string, string>;
  apis: Record<string, ApiProfile>;
}

/**
 * `chains.json`: over every version of every API, each root resource (`files`) → the names that
 * follow it in a method id (`delete`, `list`; `projects` → `locations`, …), sorted. What a
 * two-name chain on a client made in another module can be (`drive.files.delete`): the file
 * gate's table for imported clients (src/google/file-gate.ts), read without loading any version.
 */
export interface ApiChainsFile {
  source: Record<string, string>;
  roots: Record<string, string[]>;
}
