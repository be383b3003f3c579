/**
 * The committed all-API data (src/scopes/data/apis/): one `<api>-<version>.json` per version of
 * the installed `googleapis` package, `index.json` (what exists, method counts, unknowns) and
 * `profiles.json` (packages, factory, typings names, hosts and prefixes), `chains.json` (the
 * first two names of every method id, for the file gate). Deterministic text:
 * one method (or API) per line, so diffs after a `googleapis` upgrade stay readable.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type {
  ApiChainsFile,
  ApiProfile,
  ApiProfilesFile,
  ApisIndexFile,
  ApiVersionFile,
  VersionSummary,
} from '../../src/scopes/apis-format.ts';
import { hasOwnOrderFacts, orderFactsFor } from '../../src/scopes/order-facts.ts';
import { renderApisDoc } from './all-apis-doc.ts';
import { extractApiVersion } from './all-apis.ts';
import { deriveGrants } from './scope-order.ts';

export interface GeneratedFile {
  path: string;
  content: string;
}

/** `<api>-<version>.json`, the name the runtime loader derives from the index. */
export function apiVersionFileName(api: string, version: string): string {
  return `${api}-${version}.json`;
}

/** One JSON object with each entry of `key`'s record on its own line. */
function linePerEntry(head: Record<string, unknown>, key: string, entries: Record<string, unknown>): string {
  const headText = JSON.stringify(head).slice(0, -1);
  const body = Object.entries(entries)
    .map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`)
    .join(',\n');
  return `${headText}${headText.length > 1 ? ',' : ''}${JSON.stringify(key)}:{\n${body}\n}}\n`;
}

export function serialiseApiVersion(file: ApiVersionFile): string {
  const { methods, ...head } = file;
  return linePerEntry(head, 'methods', methods);
}

export function serialiseIndex(index: ApisIndexFile): string {
  const { apis, ...head } = index;
  return linePerEntry(head, 'apis', apis);
}

export function serialiseProfiles(profiles: ApiProfilesFile): string {
  const { apis, ...head } = profiles;
  return linePerEntry(head, 'apis', apis);
}

/** `chains.json` from root resource → following names, both sorted. */
export function serialiseChains(source: Record<string, string>, chains: ReadonlyMap<string, ReadonlySet<string>>): string {
  const roots: ApiChainsFile['roots'] = {};
  for (const root of [...chains.keys()].sort()) roots[root] = [...chains.get(root)!].sort();
  return linePerEntry({ source }, 'roots', roots);
}

/** `[api, version]` of every `<api>/<version>.d.ts` under `apisDir`, sorted. */
export function listApiVersions(apisDir: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const api of readdirSync(apisDir).sort()) {
    if (!statSync(join(apisDir, api)).isDirectory()) continue;
    for (const f of readdirSync(join(apisDir, api)).sort()) {
      if (f.endsWith('.d.ts') && f !== 'index.d.ts') out.push([api, f.slice(0, -'.d.ts'.length)]);
    }
  }
  return out;
}

/**
 * Every file of src/scopes/data/apis/ from a `googleapis` package directory, and the list of
 * covered APIs when `docFile` is given. `only` restricts the run to some APIs (tests); the
 * index, profiles and list then cover only those.
 */
export function generateAllApiFiles(googleapisDir: string, outDir: string, only?: readonly string[], docFile?: string): GeneratedFile[] {
  const { version: packageVersion } = JSON.parse(readFileSync(join(googleapisDir, 'package.json'), 'utf8')) as { version: string };
  const source = { package: 'googleapis', version: packageVersion };
  const apisDir = join(googleapisDir, 'build', 'src', 'apis');
  const files: GeneratedFile[] = [];
  const index: ApisIndexFile = { source, totals: { apis: 0, versions: 0, methods: 0, unknownMethods: 0 }, apis: {} };
  const profiles: ApiProfilesFile = { source, apis: {} };
  const chains = new Map<string, Set<string>>();
  for (const [api, version] of listApiVersions(apisDir)) {
    if (only && !only.includes(api)) continue;
    const base = join(apisDir, api, version);
    const { data, profile, unknownMethods } = extractApiVersion(
      api,
      version,
      readFileSync(`${base}.d.ts`, 'utf8'),
      readFileSync(`${base}.js`, 'utf8'),
    );
    // `grants` goes before `methods` in the file: built in that key order.
    const withOrder: ApiVersionFile = {
      api,
      version,
      title: data.title,
      rootUrl: data.rootUrl,
      scopes: data.scopes,
      grants: deriveGrants(data, orderFactsFor(api)),
      methods: data.methods,
    };
    files.push({ path: join(outDir, apiVersionFileName(api, version)), content: serialiseApiVersion(withOrder) });
    for (const id of Object.keys(data.methods)) {
      const [root, next] = id.split('.');
      if (next !== undefined) chains.set(root!, (chains.get(root!) ?? new Set()).add(next));
    }
    const methods = Object.keys(data.methods).length;
    const summary: VersionSummary = { methods, unknownMethods };
    if (methods > 0 && unknownMethods === methods) summary.allUnknown = true;
    if (hasOwnOrderFacts(api)) summary.orderFacts = true;
    if (!index.apis[api]) {
      index.apis[api] = {};
      index.totals.apis++;
    }
    index.apis[api][version] = summary;
    index.totals.versions++;
    index.totals.methods += methods;
    index.totals.unknownMethods += unknownMethods;
    const apiProfile: ApiProfile = (profiles.apis[api] ??= {
      packages: ['googleapis', `@googleapis/${api.toLowerCase()}`],
      factory: `google.${api}`,
      versions: {},
    });
    apiProfile.versions[version] = profile;
  }
  files.push({ path: join(outDir, 'index.json'), content: serialiseIndex(index) });
  files.push({ path: join(outDir, 'profiles.json'), content: serialiseProfiles(profiles) });
  files.push({ path: join(outDir, 'chains.json'), content: serialiseChains(source, chains) });
  if (docFile !== undefined) files.push({ path: docFile, content: renderApisDoc(index, profiles) });
  return files;
}

/** Whether `path` is one of the all-API outputs (600+ files, which the CLI counts instead of listing). */
export function isAllApisFile(path: string): boolean {
  return /[\\/]data[\\/]apis[\\/][^\\/]+\.json$/.test(path) || /[\\/]docs[\\/]apis\.md$/.test(path);
}
