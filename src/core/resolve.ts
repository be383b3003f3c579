import path from 'node:path';
import { BoundedCache } from './bounded-cache.ts';
import { cachedAnswer, dependOn, fileTime, folderDependency, folderTime } from './dependencies.ts';
import type { AnswerCache } from './dependencies.ts';
import { foldersUp, insideBoundary, isUnder } from './file-boundary.ts';
import { isRecord, readJsonFile } from './json-file.ts';
import { MAX_CONDITIONS_DEPTH, MAX_EXTENDS_DEPTH } from './limits.ts';
import { workspacePackageFolder } from './workspaces.ts';
import type { FileBoundary } from './file-boundary.ts';

/**
 * The one module resolver: which file of the project an import specifier names, as Node and
 * TypeScript find it: relative specifiers (exact, with an extension, TypeScript's `.js`→`.ts`,
 * index files), `package.json` `imports` (`#lib/auth`), and tsconfig/jsconfig `compilerOptions`
 * `paths` and `baseUrl` (following relative `extends`). Packages (`googleapis`, `node:fs`) and
 * anything outside the file boundary are unresolved: the analysis never reads `node_modules`.
 */

const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

export function isRelativeSpecifier(specifier: string): boolean {
  return specifier.startsWith('./') || specifier.startsWith('../') || specifier === '.' || specifier === '..';
}

/**
 * Resolved specifiers with what the answer depends on (the file found, the config files read, and
 * for a failed lookup the folders its candidates would appear in): re-checked once per lint.
 */
const resolutions: AnswerCache<string | undefined> = new BoundedCache(10_000);

/** The file `specifier` names when imported from `fromFile`, or undefined (a package, missing, outside). */
export function resolveModule(fromFile: string, specifier: string, boundary: FileBoundary): string | undefined {
  const key = `${boundary.root}\0${path.dirname(fromFile)}\0${specifier}`;
  return cachedAnswer(resolutions, key, boundary, () => resolveUncached(fromFile, specifier, boundary));
}

function resolveUncached(fromFile: string, specifier: string, boundary: FileBoundary): string | undefined {
  const directory = path.dirname(fromFile);
  if (isRelativeSpecifier(specifier)) return resolveFile(path.resolve(directory, specifier), boundary);
  if (path.isAbsolute(specifier) || specifier.startsWith('node:')) return undefined;
  if (specifier.startsWith('#')) return resolvePackageImport(directory, specifier, boundary);
  return resolveConfigPath(directory, specifier, boundary) ?? resolveWorkspacePackage(directory, specifier, boundary);
}

/** Exact, with an extension, `.js` written for a `.ts` file, or the folder's index file. */
function resolveFile(base: string, boundary: FileBoundary): string | undefined {
  const candidates = [base];
  const withoutJsExtension = base.replace(/\.(m|c)?jsx?$/, '');
  for (const extension of EXTENSIONS) candidates.push(base + extension);
  if (withoutJsExtension !== base) for (const extension of EXTENSIONS) candidates.push(withoutJsExtension + extension);
  for (const extension of EXTENSIONS) candidates.push(path.join(base, `index${extension}`));
  const found = candidates.find((candidate) => insideBoundary(candidate, boundary) !== undefined);
  if (found !== undefined) {
    dependOn(found, fileTime(found, boundary));
    return found;
  }
  // Tried again when a module appears beside it (`x.js`) or in it (`x/index.js`). Outside the
  // working directory nothing ever resolves, so nothing there is looked at.
  if (!isUnder(base, boundary.root)) return undefined;
  for (const folder of [path.dirname(base), base]) dependOn(folderDependency(folder), folderTime(folder));
  return undefined;
}

/** `#lib/auth` through the nearest package.json's `imports` (exact keys and `*` patterns). */
function resolvePackageImport(directory: string, specifier: string, boundary: FileBoundary): string | undefined {
  const manifest = nearestFile(directory, ['package.json'], boundary);
  if (manifest === undefined) return undefined;
  const imports = readJsonFile(manifest, boundary)?.imports;
  if (!isRecord(imports)) return undefined;
  const target = matchPattern(imports, specifier)
    ?.map((mapped) => conditionalTarget(mapped))
    .find((found) => found !== undefined);
  // Only files of the package itself (`./src/…`); a target that names another package is unresolved.
  if (target === undefined || !target.startsWith('./')) return undefined;
  return resolveFile(path.resolve(path.dirname(manifest), target), boundary);
}

/** The file a conditional export target picks (types, import, require, node, default: the first present). */
function conditionalTarget(target: unknown, depth = 0): string | undefined {
  if (typeof target === 'string') return target;
  if (!isRecord(target) || depth > MAX_CONDITIONS_DEPTH) return undefined;
  for (const [condition, value] of Object.entries(target)) {
    if (!['types', 'import', 'require', 'node', 'default'].includes(condition)) continue;
    const found = conditionalTarget(value, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * `@acme/google-auth` when a package of the importer's workspace has that name (./workspaces.ts):
 * its source entry. The package.json entry (`exports['.']`, then `module`, `main`, `types`) is
 * read as a source file when it is one (`src/index.ts`, `index.js`); an entry in build output
 * (`dist/`, `build/`, `out/`, declarations) is mapped to the same path under `src/`, else to
 * `src/index.*`: built files are never read, they may be stale or not built yet. A subpath
 * (`@acme/google-auth/scopes`) is not followed.
 */
function resolveWorkspacePackage(directory: string, specifier: string, boundary: FileBoundary): string | undefined {
  if (!/^(@[^/@.][^/]*\/)?[^/@.][^/]*$/.test(specifier)) return undefined;
  const folder = workspacePackageFolder(directory, specifier, boundary);
  if (folder === undefined) return undefined;
  const manifest = readJsonFile(path.join(folder, 'package.json'), boundary) ?? {};
  const entries = [rootExport(manifest.exports), manifest.module, manifest.main, manifest.types];
  for (const entry of entries) {
    if (typeof entry !== 'string') continue;
    const target = path.resolve(folder, entry.replace(/\.d\.[mc]?ts$/, ''));
    if (!isUnder(target, folder)) continue;
    const [first, ...rest] = path.relative(folder, target).split(path.sep);
    const found = resolveFile(BUILD_FOLDERS.has(first!) ? path.join(folder, 'src', ...rest) : target, boundary);
    if (found !== undefined) return found;
  }
  return resolveFile(path.join(folder, 'src', 'index'), boundary);
}

/** Folders that hold build output, not the source the analysis reads. */
const BUILD_FOLDERS = new Set(['dist', 'build', 'out']);

/** `exports: './x'`, `exports: { '.': … }` or `exports: { import: … }`: the package root's target. */
function rootExport(exports: unknown): string | undefined {
  if (!isRecord(exports)) return conditionalTarget(exports);
  if ('.' in exports) return conditionalTarget(exports['.']);
  return Object.keys(exports).some((key) => key.startsWith('.')) ? undefined : conditionalTarget(exports);
}

/** `@/lib/auth` through the nearest tsconfig.json/jsconfig.json's `paths`, else relative to its `baseUrl`. */
function resolveConfigPath(directory: string, specifier: string, boundary: FileBoundary): string | undefined {
  const configFile = nearestFile(directory, ['tsconfig.json', 'jsconfig.json'], boundary);
  if (configFile === undefined) return undefined;
  const options = compilerPathOptions(configFile, boundary, 0);
  if (options.paths !== undefined) {
    const substitutions = matchPattern(options.paths.map, specifier);
    if (substitutions !== undefined) {
      for (const substitution of substitutions) {
        if (typeof substitution !== 'string') continue;
        const found = resolveFile(path.resolve(options.baseUrl ?? options.paths.base, substitution), boundary);
        if (found !== undefined) return found;
      }
      return undefined;
    }
  }
  return options.baseUrl === undefined ? undefined : resolveFile(path.resolve(options.baseUrl, specifier), boundary);
}

interface PathOptions {
  /** `paths`, and the folder its entries are relative to when there is no `baseUrl`. */
  readonly paths: { readonly map: Readonly<Record<string, unknown>>; readonly base: string } | undefined;
  /** Absolute. */
  readonly baseUrl: string | undefined;
}

/** `paths` and `baseUrl`, each from the config that sets it, following relative `extends` (a string or a list). */
function compilerPathOptions(configFile: string, boundary: FileBoundary, depth: number): PathOptions {
  const config = readJsonFile(configFile, boundary);
  const folder = path.dirname(configFile);
  let inherited: PathOptions = { paths: undefined, baseUrl: undefined };
  const extendsList = typeof config?.extends === 'string' ? [config.extends] : Array.isArray(config?.extends) ? config.extends : [];
  if (depth < MAX_EXTENDS_DEPTH) {
    for (const parent of extendsList) {
      // A package's shared config (`@tsconfig/node20`) lives in node_modules: not read.
      if (typeof parent !== 'string' || !isRelativeSpecifier(parent)) continue;
      const parentFile = path.resolve(folder, parent);
      const candidates = parentFile.endsWith('.json') ? [parentFile] : [parentFile, `${parentFile}.json`];
      const found = candidates.find((candidate) => fileTime(candidate, boundary) !== -1);
      if (found === undefined) continue;
      const options = compilerPathOptions(found, boundary, depth + 1);
      inherited = { paths: options.paths ?? inherited.paths, baseUrl: options.baseUrl ?? inherited.baseUrl };
    }
  }
  const compilerOptions = isRecord(config?.compilerOptions) ? config.compilerOptions : {};
  const paths = isRecord(compilerOptions.paths) ? { map: compilerOptions.paths, base: folder } : inherited.paths;
  const baseUrl = typeof compilerOptions.baseUrl === 'string' ? path.resolve(folder, compilerOptions.baseUrl) : inherited.baseUrl;
  return { paths, baseUrl };
}

/**
 * The value of the key that matches `specifier`: an exact key, else the `prefix*suffix` pattern
 * with the longest prefix, its `*` replaced in the value(s) by what it matched. Always a list.
 */
function matchPattern(map: Readonly<Record<string, unknown>>, specifier: string): unknown[] | undefined {
  const exact = map[specifier];
  if (exact !== undefined) return Array.isArray(exact) ? exact : [exact];
  let best: { prefix: string; value: unknown; matched: string } | undefined;
  for (const [pattern, value] of Object.entries(map)) {
    const star = pattern.indexOf('*');
    if (star === -1 || pattern.indexOf('*', star + 1) !== -1) continue;
    const prefix = pattern.slice(0, star);
    const suffix = pattern.slice(star + 1);
    if (specifier.length < prefix.length + suffix.length || !specifier.startsWith(prefix) || !specifier.endsWith(suffix)) continue;
    if (best === undefined || prefix.length > best.prefix.length) {
      best = { prefix, value, matched: specifier.slice(prefix.length, specifier.length - suffix.length) };
    }
  }
  if (best === undefined) return undefined;
  const matched = best.matched;
  const replace = (target: unknown): unknown =>
    typeof target === 'string' ? target.replaceAll('*', matched) : replaceInConditions(target, matched);
  return Array.isArray(best.value) ? best.value.map(replace) : [replace(best.value)];
}

function replaceInConditions(target: unknown, matched: string): unknown {
  if (!isRecord(target)) return target;
  return Object.fromEntries(
    Object.entries(target).map(([key, value]) => [
      key,
      typeof value === 'string' ? value.replaceAll('*', matched) : replaceInConditions(value, matched),
    ]),
  );
}

/** The first of `names` found in `directory` or a folder above it, never above the boundary's root. */
function nearestFile(directory: string, names: readonly string[], boundary: FileBoundary): string | undefined {
  for (const folder of foldersUp(directory, boundary)) {
    for (const name of names) {
      const candidate = path.join(folder, name);
      if (fileTime(candidate, boundary) !== -1) return candidate;
      // A config created here later changes the answer.
      dependOn(candidate, -1);
    }
  }
  return undefined;
}
