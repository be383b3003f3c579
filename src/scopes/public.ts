/**
 * The public data API: `import { acceptedScopes, listMethods, listApis } from
 * 'eslint-plugin-googleapis-scopes/scopes'`. The accepted OAuth scopes of every method of every
 * API in the pinned `googleapis` package, loaded lazily (one API version's file per query).
 * Documented in docs/scopes-api.md.
 */
export { acceptedScopes, getApiProfile, getMethod, listApis, listMethods, scopeGrants } from './apis-data.ts';
export type { ApiInfo, ApiMethod, ApiParameter, ApiVersionInfo } from './apis-data.ts';
export type { ApiProfile, VersionProfile } from './apis-format.ts';
