/**
 * Generates the OAuth scope data in src/scopes/data/ (never edit it by hand).
 *
 *   npm run generate                          apis/ (every API version of googleapis, Gmail's map
 *                                             included: the one map the plugin reads) + google-scopes.json
 *   npm run generate -- --check               regenerate in memory; exit 1 if a committed file differs
 *   tsx scripts/generate-scope-map.ts --package @googleapis/drive [--api-version v3] [--out f.json]
 *   tsx scripts/generate-scope-map.ts --discovery gmail-discovery.json [--out f.json]
 *   tsx scripts/generate-scope-map.ts --typings path/to/v1.ts [--api gmail --api-version v1] [--out f.json]
 *
 * Inputs:
 * - the generated TypeScript source shipped in the per-API packages (`@googleapis/<api>/<v>.ts`):
 *   it is the only installed form that carries everything (JSDoc with descriptions and the
 *   sample `scopes: [...]`, the Params interfaces, and the method bodies with URL, HTTP method,
 *   required and path parameters; `build/*.d.ts` lacks the bodies, `build/*.js` the JSDoc);
 * - or a Google discovery document (also keeps parameter `enum` values, which the typings lack).
 *
 * The pure parts (typings text -> map, discovery JSON -> map, serialisation, scope collection)
 * live in scripts/lib and are re-exported here for tests.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { parseDiscovery, type DiscoveryDocument } from './lib/discovery.ts';
import { serialiseScopeList, serialiseScopeMap, sortScopes, type ScopeList, type ScopeMap } from './lib/scope-map.ts';
import { collectScopesFromTypings, parseTypings } from './lib/typings.ts';
import { generateAllApiFiles, isAllApisFile } from './lib/all-apis-files.ts';

export * from './lib/scope-map.ts';
export * from './lib/discovery.ts';
export * from './lib/typings.ts';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DATA_DIR = join(REPO_ROOT, 'src', 'scopes', 'data');
export const GOOGLE_SCOPES_FILE = join(DATA_DIR, 'google-scopes.json');
export const APIS_DATA_DIR = join(DATA_DIR, 'apis');

/**
 * OpenID Connect scopes. They are legitimately short (not URLs): Google accepts `openid`,
 * `email` and `profile` as OAuth scopes (the OIDC standard names; `email`/`profile` are
 * equivalent to `https://www.googleapis.com/auth/userinfo.email` / `userinfo.profile`), but
 * only `openid` appears in the googleapis samples, so all three are added explicitly.
 */
export const OPENID_CONNECT_SCOPES: readonly string[] = ['openid', 'email', 'profile'];

/**
 * Real scopes that no method sample of the installed `googleapis` typings lists (their APIs are
 * not in the package, or the typings' samples omit them), each with the Google page that
 * documents it. The per-API `gapi.client` typings on npm would list more, with descriptions,
 * but they are one package per API: this small cited table is the dependency-free alternative.
 */
export const DOCUMENTED_SCOPES: ReadonlyArray<{ readonly scope: string; readonly source: string }> = [
  // Google Photos Library API: "Authorization scopes".
  {
    scope: 'https://www.googleapis.com/auth/photoslibrary.readonly',
    source: 'https://developers.google.com/photos/library/guides/authorization',
  },
  {
    scope: 'https://www.googleapis.com/auth/photoslibrary.appendonly',
    source: 'https://developers.google.com/photos/library/guides/authorization',
  },
  // The Library API's app-created-data scopes, on the same page (googleapis@178.0.0 has no Photos Library client).
  {
    scope: 'https://www.googleapis.com/auth/photoslibrary.readonly.appcreateddata',
    source: 'https://developers.google.com/photos/library/guides/authorization',
  },
  {
    scope: 'https://www.googleapis.com/auth/photoslibrary.edit.appcreateddata',
    source: 'https://developers.google.com/photos/library/guides/authorization',
  },
  // Google Business Profile APIs: "Implement OAuth with Business Profile APIs" (the one scope they use).
  { scope: 'https://www.googleapis.com/auth/business.manage', source: 'https://developers.google.com/my-business/content/implement-oauth' },
  // Google Photos Picker API: "Picker API scopes".
  {
    scope: 'https://www.googleapis.com/auth/photospicker.mediaitems.readonly',
    source: 'https://developers.google.com/photos/overview/authorization',
  },
  // Google Ad Manager SOAP API: the OAuth2 scope for Ad Manager.
  { scope: 'https://www.googleapis.com/auth/dfp', source: 'https://developers.google.com/ad-manager/api/authentication' },
  // Earth Engine API: "Authorization scopes" of its REST reference.
  { scope: 'https://www.googleapis.com/auth/earthengine', source: 'https://developers.google.com/earth-engine/reference/rest' },
  // Google Drive API: "Choose Google Drive API scopes" (drive.install: install a Drive app).
  {
    scope: 'https://www.googleapis.com/auth/drive.install',
    source: 'https://developers.google.com/workspace/drive/api/guides/api-specific-auth',
  },
  // The rest: Google's list of OAuth 2.0 scopes, under the Cloud Healthcare API, Cloud Source
  // Repositories, AdSense Host API, Google Assistant API and Generative Language API.
  { scope: 'https://www.googleapis.com/auth/cloud-healthcare', source: 'https://developers.google.com/identity/protocols/oauth2/scopes' },
  { scope: 'https://www.googleapis.com/auth/source.read_only', source: 'https://developers.google.com/identity/protocols/oauth2/scopes' },
  { scope: 'https://www.googleapis.com/auth/adsensehost', source: 'https://developers.google.com/identity/protocols/oauth2/scopes' },
  {
    scope: 'https://www.googleapis.com/auth/assistant-sdk-prototype',
    source: 'https://developers.google.com/identity/protocols/oauth2/scopes',
  },
  {
    scope: 'https://www.googleapis.com/auth/generative-language.retriever',
    source: 'https://developers.google.com/identity/protocols/oauth2/scopes',
  },
  // Gemini API model tuning: its OAuth guide's `gcloud auth application-default login --scopes=…`.
  {
    scope: 'https://www.googleapis.com/auth/generative-language.tuning',
    source: 'https://ai.google.dev/gemini-api/docs/model-tuning/rest',
  },
  // Cloud Bigtable's data scopes (its client libraries' defaults): "Bigtable OAuth scopes" (the admin ones are in the typings).
  ...['bigtable.data', 'bigtable.data.readonly', 'cloud-bigtable.data', 'cloud-bigtable.data.readonly'].map((name) => ({
    scope: `https://www.googleapis.com/auth/${name}`,
    source: 'https://cloud.google.com/bigtable/docs/oauth-scopes',
  })),
  // Firebase Realtime Database REST API: "Authenticate REST Requests" (with userinfo.email).
  { scope: 'https://www.googleapis.com/auth/firebase.database', source: 'https://firebase.google.com/docs/database/rest/auth' },
  // BigQuery read-only, which Sheets' connected-sheets requests need beside a Sheets scope:
  // `AddDataSourceRequest` "requires an additional `bigquery.readonly` OAuth scope" (the same text
  // is in the pinned typings, googleapis sheets/v4.d.ts).
  {
    scope: 'https://www.googleapis.com/auth/bigquery.readonly',
    source: 'https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/request#AddDataSourceRequest',
  },
  // Cloud SQL IAM database authentication: the access token is the database password, and it
  // must carry this scope (its "Log in using IAM database authentication" page).
  { scope: 'https://www.googleapis.com/auth/sqlservice.login', source: 'https://cloud.google.com/sql/docs/postgres/iam-logins' },
];

/**
 * Real scopes that Google's own SDKs request by default but no page of Google's scope lists
 * names, each with the SDK source that requests it (review 4 H14: firebase-admin's credential
 * snippet was called "not a scope Google documents").
 */
export const SDK_DEFAULT_SCOPES: ReadonlyArray<{ readonly scope: string; readonly source: string }> = [
  // firebase-admin's default scopes for a service-account credential (Firebase Auth's Identity Toolkit).
  {
    scope: 'https://www.googleapis.com/auth/identitytoolkit',
    source: 'https://github.com/firebase/firebase-admin-node/blob/master/src/app/credential-internal.ts',
  },
];

export interface OutputFile {
  path: string;
  content: string;
}

const requireFromRoot = createRequire(join(REPO_ROOT, 'package.json'));

function packageDir(pkg: string): string {
  try {
    return dirname(requireFromRoot.resolve(`${pkg}/package.json`));
  } catch {
    throw new Error(`package ${pkg} is not installed (looked from ${REPO_ROOT})`);
  }
}

function packageVersion(dir: string): string {
  return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
}

/**
 * The release date of the installed version, from the package's own CHANGELOG.md
 * (`## [22.0.1](…) (2026-09-23)`): a date that only changes with the source, so the data
 * stays reproducible. Undefined when the package ships no changelog entry for it.
 */
export function releaseDate(changelog: string, version: string): string | undefined {
  const escaped = version.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const heading = new RegExp(`^#+\\s*\\[?v?${escaped}\\]?(?:\\([^)]*\\))?\\s*\\((\\d{4}-\\d{2}-\\d{2})\\)`, 'm');
  return heading.exec(changelog)?.[1];
}

function packageSource(pkg: string, dir: string): Record<string, string> {
  const version = packageVersion(dir);
  const changelog = join(dir, 'CHANGELOG.md');
  const released = existsSync(changelog) ? releaseDate(readFileSync(changelog, 'utf8'), version) : undefined;
  return { package: pkg, version, ...(released === undefined ? {} : { released }) };
}

export function mapOutputPath(map: Pick<ScopeMap, 'api' | 'version'>): string {
  return join(DATA_DIR, `${map.api}-${map.version}.json`);
}

/** Scope map of one per-API package, e.g. `@googleapis/gmail` (its `<version>.ts` source). */
export function generateFromPackage(pkg: string, apiVersion?: string): ScopeMap {
  const dir = packageDir(pkg);
  const candidates = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && f !== 'index.ts');
  let file: string;
  if (apiVersion) {
    file = `${apiVersion}.ts`;
    if (!candidates.includes(file)) {
      throw new Error(`${pkg} has no ${file} (available: ${candidates.join(', ') || 'none'})`);
    }
  } else if (candidates.length === 1) {
    file = candidates[0]!;
  } else {
    throw new Error(`${pkg} has several versions (${candidates.join(', ')}); pass --api-version`);
  }
  const api = pkg.replace(/^@googleapis\//, '').replace(/^.*\//, '');
  return parseTypings(readFileSync(join(dir, file), 'utf8'), {
    api,
    version: basename(file, '.ts'),
    fileName: `${pkg}/${file}`,
    source: packageSource(pkg, dir),
  });
}

/** Every `<api>/<version>.d.ts` of the installed `googleapis` package. */
function googleapisDeclarationFiles(): { dir: string; files: string[] } {
  const dir = packageDir('googleapis');
  const apis = join(dir, 'build', 'src', 'apis');
  const files: string[] = [];
  for (const api of readdirSync(apis).sort()) {
    const apiDir = join(apis, api);
    if (!statSync(apiDir).isDirectory()) continue;
    for (const f of readdirSync(apiDir).sort()) {
      if (f.endsWith('.d.ts') && f !== 'index.d.ts') files.push(join(apiDir, f));
    }
  }
  return { dir, files };
}

/**
 * All valid scope strings: every entry of every method's sample `scopes: [...]` in the
 * installed `googleapis` typings (all of its APIs), the scopes of the given maps, the OpenID
 * Connect scopes, and the cited `DOCUMENTED_SCOPES` and `SDK_DEFAULT_SCOPES`.
 */
export function generateGoogleScopes(maps: readonly ScopeMap[] = []): ScopeList {
  const { dir, files } = googleapisDeclarationFiles();
  const all = new Set<string>([...OPENID_CONNECT_SCOPES, ...[...DOCUMENTED_SCOPES, ...SDK_DEFAULT_SCOPES].map((entry) => entry.scope)]);
  for (const file of files) {
    for (const s of collectScopesFromTypings(readFileSync(file, 'utf8'), relative(dir, file))) all.add(s);
  }
  for (const map of maps) for (const m of Object.values(map.methods)) for (const s of m.scopes) all.add(s);
  return { source: packageSource('googleapis', dir), scopes: sortScopes(all) };
}

/**
 * The committed outputs of a default run besides the all-API data: the scope list. (Every API's
 * map, Gmail's included, is in the all-API data; `--package` still writes a per-package map with
 * descriptions on request.)
 */
export function generateDefaultOutputs(): OutputFile[] {
  return [{ path: GOOGLE_SCOPES_FILE, content: serialiseScopeList(generateGoogleScopes()) }];
}

function firstDifference(a: string, b: string): string {
  const la = a.split('\n');
  const lb = b.split('\n');
  for (let i = 0; i < Math.max(la.length, lb.length); i++) {
    if (la[i] !== lb[i]) {
      return `line ${i + 1}:\n    committed: ${la[i] ?? '<end of file>'}\n    generated: ${lb[i] ?? '<end of file>'}`;
    }
  }
  return 'no line difference';
}

function display(path: string): string {
  const rel = relative(REPO_ROOT, path);
  return rel.startsWith('..') ? path : rel;
}

const USAGE = `usage: tsx scripts/generate-scope-map.ts [--check]
       [--package <npm package> [--api-version <v>] | --discovery <file.json> | --typings <file.ts> [--api <name>] [--api-version <v>]]
       [--out <file.json>]`;

export function main(argv: string[]): number {
  const { values } = parseArgs({
    args: argv,
    options: {
      check: { type: 'boolean', default: false },
      package: { type: 'string' },
      discovery: { type: 'string' },
      typings: { type: 'string' },
      api: { type: 'string' },
      'api-version': { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const inputs = [values.package, values.discovery, values.typings].filter((v) => v !== undefined);
  if (inputs.length > 1) throw new Error(`use only one of --package, --discovery, --typings\n${USAGE}`);
  if (values.out !== undefined && inputs.length === 0) throw new Error(`--out needs --package, --discovery or --typings\n${USAGE}`);

  let outputs: OutputFile[];
  if (inputs.length === 0) {
    outputs = [
      ...generateDefaultOutputs(),
      ...generateAllApiFiles(packageDir('googleapis'), APIS_DATA_DIR, undefined, join(REPO_ROOT, 'docs', 'apis.md')),
    ];
  } else {
    let map: ScopeMap;
    if (values.discovery !== undefined) {
      const doc = JSON.parse(readFileSync(values.discovery, 'utf8')) as DiscoveryDocument;
      map = parseDiscovery(doc);
    } else if (values.typings !== undefined) {
      map = parseTypings(readFileSync(values.typings, 'utf8'), {
        api: values.api,
        version: values['api-version'],
        fileName: values.typings,
        source: { file: basename(values.typings) },
      });
    } else {
      map = generateFromPackage(values.package!, values['api-version']);
    }
    outputs = [{ path: values.out !== undefined ? resolve(values.out) : mapOutputPath(map), content: serialiseScopeMap(map) }];
  }

  if (values.check) {
    const stale = outputs.filter((o) => !existsSync(o.path) || readFileSync(o.path, 'utf8') !== o.content);
    for (const o of stale) {
      const rel = display(o.path);
      if (!existsSync(o.path)) console.error(`✗ ${rel} is missing`);
      else console.error(`✗ ${rel} is out of date; first difference at ${firstDifference(readFileSync(o.path, 'utf8'), o.content)}`);
    }
    if (stale.length > 0) {
      console.error(
        'Generated scope data differs from the installed sources. Run `npm run generate` and commit the result (never edit these files by hand).',
      );
      return 1;
    }
    for (const o of outputs.filter((f) => !isAllApisFile(f.path))) console.log(`✓ ${display(o.path)} is up to date`);
    console.log(
      `✓ ${outputs.filter((f) => isAllApisFile(f.path)).length} all-API files (${display(APIS_DATA_DIR)}, docs/apis.md) are up to date`,
    );
    return 0;
  }

  for (const o of outputs) {
    mkdirSync(dirname(o.path), { recursive: true });
    writeFileSync(o.path, o.content);
    if (isAllApisFile(o.path)) continue;
    const parsed = JSON.parse(o.content) as { methods?: object; scopes?: unknown[] };
    const what = parsed.methods ? `${Object.keys(parsed.methods).length} methods` : `${parsed.scopes?.length ?? 0} scopes`;
    console.log(`wrote ${display(o.path)} (${what})`);
  }
  if (inputs.length === 0)
    console.log(`wrote ${outputs.filter((f) => isAllApisFile(f.path)).length} all-API files (${display(APIS_DATA_DIR)}, docs/apis.md)`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (e) {
    console.error(`generate-scope-map: ${(e as Error).message}`);
    process.exitCode = 2;
  }
}
