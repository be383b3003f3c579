/**
 * The files this package reads at run time (its package.json, the generated API data), found
 * from the folder that holds its code: `src/` when the source runs (tests, tsx), `dist/` when
 * built. Never from the reading module's own URL: in the published bundles
 * (scripts/bundle.mjs) every module's `import.meta.url` is its bundle's (dist/index.js,
 * dist/scopes/public.js, dist/cli/main.js), so the bundler states each bundle's way back to
 * `dist/` (esbuild `define`). Unbundled, this module lies in `<code>/scopes/`.
 */
import { readFileSync } from 'node:fs';

declare const BUNDLE_TO_CODE_ROOT: string | undefined;

const CODE_ROOT = new URL(typeof BUNDLE_TO_CODE_ROOT === 'string' ? BUNDLE_TO_CODE_ROOT : '../', import.meta.url);

/** The generated API data: `apis/*.json` in the source, `apis.pack` + `apis.pack.json` when built. */
export const API_DATA_DIR = new URL('scopes/data/', CODE_ROOT);

interface PackageJson {
  readonly name: string;
  readonly version: string;
  readonly homepage: string;
}

let packageJson: PackageJson | undefined;

/** The package's own package.json (name, version, homepage), read once. */
export function ownPackageJson(): PackageJson {
  return (packageJson ??= JSON.parse(readFileSync(new URL('../package.json', CODE_ROOT), 'utf8')) as PackageJson);
}
