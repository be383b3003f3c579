import { apiOfNamespace, getApiProfile } from '../scopes/apis-data.ts';
import type { ApiProfile } from '../scopes/apis-format.ts';

/**
 * How a Google API appears in module code, read from its generated profile
 * (src/scopes/data/apis/profiles.json): the `google.<api>` factory of `googleapis`, the
 * `<api>_<version>.<Api>` client classes, and the `@googleapis/<api>` package with its factory,
 * classes and `auth` namespace. No API is named here.
 */

/** `npm:googleapis@140` (Deno) → `googleapis`. */
export function packageName(specifier: string): string {
  const match = /^npm:((?:@[^/@]+\/)?[^/@]+)(?:@[^/]*)?$/.exec(specifier);
  return match?.[1] ?? specifier;
}

/** The API a per-API package is (`@googleapis/drive` → `drive`), when its profile lists that package. */
export function apiOfPackage(module: string): string | undefined {
  const match = /^@googleapis\/([^/]+)$/.exec(module);
  const api = match?.[1];
  return api !== undefined && getApiProfile(api)?.packages.includes(module) === true ? api : undefined;
}

/** Whether a module is a Google API client package: `googleapis` or an `@googleapis/<api>` package. */
export function isApiClientPackage(module: string): boolean {
  return module === 'googleapis' || apiOfPackage(module) !== undefined;
}

/** What a module export is as far as clients go: a client factory or a client class. */
export type ClientRole =
  | { readonly role: 'client-factory'; readonly api: string }
  | { readonly role: 'client-class'; readonly api: string; readonly version: string };

/** `drive_v3.Drive` (or `google.drive_v3.Drive`) → the Drive v3 client class. */
function clientClass(
  namespace: string | undefined,
  className: string | undefined,
  apiOfModule: string | undefined,
): ClientRole | undefined {
  if (namespace === undefined || className === undefined) return undefined;
  const found = apiOfNamespace(namespace);
  if (found === undefined || (apiOfModule !== undefined && found.api !== apiOfModule)) return undefined;
  const profile = getApiProfile(found.api);
  return profile?.versions[found.version]?.className === className ? { role: 'client-class', ...found } : undefined;
}

/** The factory on `googleapis` (`google.drive`), by the profile's `factory`. */
function factoryOf(profile: ApiProfile | undefined, api: string, key: string): ClientRole | undefined {
  return profile !== undefined && profile.factory === key ? { role: 'client-factory', api } : undefined;
}

/**
 * `googleapis` `google.drive` / `drive_v3.Drive`, `@googleapis/drive` `drive` / `drive_v3.Drive`
 * (path already without a CommonJS `default`).
 */
export function clientRole(module: string, path: readonly string[]): ClientRole | undefined {
  if (module === 'googleapis') {
    const factory = path.length === 2 && path[0] === 'google' ? factoryOf(getApiProfile(path[1]!), path[1]!, path.join('.')) : undefined;
    if (factory !== undefined) return factory;
    if (path.length === 2) return clientClass(path[0], path[1], undefined);
    if (path.length === 3 && path[0] === 'google') return clientClass(path[1], path[2], undefined);
    return undefined;
  }
  const api = apiOfPackage(module);
  if (api === undefined) return undefined;
  // The per-API package exports the same factory as `googleapis`, under the API's own name.
  if (path.length === 1 && path[0] === api) return { role: 'client-factory', api };
  return path.length === 2 ? clientClass(path[0], path[1], api) : undefined;
}
