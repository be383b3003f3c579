/**
 * Where the generated data comes from, as the generator recorded it in `./data/` (never read
 * from node_modules at run time): the package and version each map was generated from, and
 * the release date that package's changelog gives for that version.
 */
import googleScopes from './data/google-scopes.json' with { type: 'json' };
import { listApiMaps } from './api-map.ts';

export interface DataSource {
  /** What the data is: `gmail v1 methods`, `Google scope names`. */
  readonly data: string;
  readonly package: string | null;
  readonly version: string | null;
  /** `YYYY-MM-DD`, or null when the package ships no changelog entry for its version. */
  readonly released: string | null;
}

export function dataSources(): DataSource[] {
  // One entry per source: "gmail v1, drive v3, … methods" when they come from the same package.
  const bySource = new Map<string, { names: string[]; raw: Readonly<Record<string, string>> }>();
  for (const map of listApiMaps()) {
    const key = JSON.stringify(map.source);
    const entry = bySource.get(key) ?? { names: [], raw: map.source };
    entry.names.push(`${map.api} ${map.version}`);
    bySource.set(key, entry);
  }
  const maps = [...bySource.values()].map(({ names, raw }) => toSource(`${names.join(', ')} methods`, raw));
  return [...maps, toSource('Google scope names', (googleScopes as { source?: Record<string, string> }).source ?? {})];
}

/** "gmail v1 methods from @googleapis/gmail 22.0.1 (released 2026-09-23)". */
export function describeSource(source: DataSource): string {
  const from = source.package === null ? 'unknown source' : `${source.package}${source.version === null ? '' : ` ${source.version}`}`;
  return `${source.data} from ${from}${source.released === null ? '' : ` (released ${source.released})`}`;
}

function toSource(data: string, raw: Readonly<Record<string, string>>): DataSource {
  return { data, package: raw.package ?? null, version: raw.version ?? null, released: raw.released ?? null };
}
