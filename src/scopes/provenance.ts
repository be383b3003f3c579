/**
 * Where the generated data comes from, as the generator recorded it in `./data/` (never read
 * from node_modules at run time): the package and version each map was generated from, and
 * the release date that package's changelog gives for that version.
 */
import googleScopes from './data/google-scopes.json' with { type: 'json' };
import { apiDataTotals } from './apis-data.ts';

export interface DataSource {
  /** What the data is: `methods of 602 API versions (333 APIs)`, `Google scope names`. */
  readonly data: string;
  readonly package: string | null;
  readonly version: string | null;
  /** `YYYY-MM-DD`, or null when the package ships no changelog entry for its version. */
  readonly released: string | null;
}

export function dataSources(): DataSource[] {
  // Every API version's methods come from one package (the registry adds ways to find calls, not data).
  const { apis, versions, source } = apiDataTotals();
  return [
    toSource(`methods of ${versions} API versions (${apis} APIs)`, source),
    toSource('Google scope names', (googleScopes as { source?: Record<string, string> }).source ?? {}),
  ];
}

/** "methods of 602 API versions (333 APIs) from googleapis 178.0.0 (released 2026-…)". */
export function describeSource(source: DataSource): string {
  const from = source.package === null ? 'unknown source' : `${source.package}${source.version === null ? '' : ` ${source.version}`}`;
  return `${source.data} from ${from}${source.released === null ? '' : ` (released ${source.released})`}`;
}

function toSource(data: string, raw: Readonly<Record<string, string>>): DataSource {
  return { data, package: raw.package ?? null, version: raw.version ?? null, released: raw.released ?? null };
}
