/**
 * The files this package reads at run time (its package.json, the generated API data), found
 * from the folder that holds its code: `src/` when the source runs (tests, tsx), `dist/` when
 * built. Never from the reading module's own URL: bundled (scripts/bundle.mjs), a module's
 * `import.meta.url` is that of the file esbuild put it in. The bundler puts this module in a
 * chunk directly in `dist/` (it checks that) and says so (esbuild `define`); unbundled, it lies
 * in `<code>/scopes/`.
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
