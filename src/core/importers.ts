import path from 'node:path';
import { BoundedCache } from './bounded-cache.ts';
import { fileTime, folderDependency, folderTime, unchanged } from './dependencies.ts';
import type { Dependencies } from './dependencies.ts';
import { isUnder, readSourceText } from './file-boundary.ts';
import type { FileBoundary } from './file-boundary.ts';
import { walkProject } from './project-walk.ts';

/**
 * The source files of the project (./project-walk.ts: everything under its root but
 * `node_modules` and dot folders), so that a module can ask which files may import it: the
 * callers of an exported function are only known when every file that could call it was seen, so
 * unlike the scope inventory's walk no build folder is skipped (a script there may call it). The
 * root is the module's project (the caller passes it). Bounded: a larger tree is "unknown", never
 * a partial answer.
 */
export const MAX_PROJECT_FILES = 5_000;
const SOURCE_FILE = /\.(?:[cm]?[jt]sx?)$/;
const isSourceFile = (name: string): boolean => SOURCE_FILE.test(name) && !name.endsWith('.d.ts');

const listings = new BoundedCache<string, { readonly files: readonly string[] | undefined; readonly dependencies: Dependencies }>(8);

/** Every source file under `root`, or undefined when there are too many (or a folder can't be listed). */
export function projectSourceFiles(root: string, boundary: FileBoundary): readonly string[] | undefined {
  const key = `${boundary.root}\0${root}`;
  const cached = listings.get(key);
  if (cached !== undefined && unchanged(cached.dependencies, boundary)) return cached.files;
  const walk = walkProject(root, boundary, { includeFile: isSourceFile, maxFiles: MAX_PROJECT_FILES });
  const dependencies = new Map(walk.folders.map((folder) => [folderDependency(folder), folderTime(folder)]));
  const files = walk.truncated || walk.unreadable ? undefined : walk.files;
  listings.set(key, { files, dependencies });
  return files;
}

/**
 * The files that may import `file`: those whose text has a quoted specifier ending in its base
 * name (`'./tools.js'` for `src/tools.ts`). Undefined when the project can't be listed, or when
 * `file` may be reached by a name no relative import shows: an `index` module or one a package
 * manifest names (`main`, `exports`, `bin`), which other packages import by the package's name.
 */
export function possibleImporters(file: string, project: string, boundary: FileBoundary): readonly string[] | undefined {
  const key = `${boundary.root}\0${project}\0${file}`;
  const cached = importerLists.get(key);
  if (cached !== undefined && unchanged(cached.dependencies, boundary)) return cached.files;
  const dependencies = new Map<string, number>();
  const files = scanImporters(file, project, boundary, dependencies);
  importerLists.set(key, { files, dependencies });
  return files;
}

/**
 * The project's source files (see projectSourceFiles; the project of `file`) whose text matches
 * `pattern`; undefined when the project can't be listed or a file can't be read. Cached per
 * project and pattern while no file or folder changes.
 */
export function projectFilesMatching(
  file: string,
  project: string,
  pattern: RegExp,
  boundary: FileBoundary,
): readonly string[] | undefined {
  const dependencies = new Map<string, number>();
  const root = checkedRoot(file, project, undefined, boundary, dependencies);
  if (root === undefined) return undefined;
  const key = `${boundary.root}\0${root}\0${pattern.source}`;
  const cached = importerLists.get(key);
  if (cached !== undefined && unchanged(cached.dependencies, boundary)) return cached.files;
  const files = matchingFiles(root, pattern, undefined, boundary, dependencies);
  importerLists.set(key, { files, dependencies });
  return files;
}

function matchingFiles(
  root: string,
  pattern: RegExp,
  skip: string | undefined,
  boundary: FileBoundary,
  dependencies: Map<string, number>,
): readonly string[] | undefined {
  const files = projectSourceFiles(root, boundary);
  const listing = listings.get(`${boundary.root}\0${root}`);
  if (listing !== undefined) for (const [key, time] of listing.dependencies) dependencies.set(key, time);
  if (files === undefined) return undefined;
  const found: string[] = [];
  for (const candidate of files) {
    if (candidate === skip) continue;
    dependencies.set(candidate, fileTime(candidate, boundary));
    const text = readSourceText(candidate, boundary);
    if (text === undefined) return undefined; // unreadable or too large: it might match
    if (pattern.test(text)) found.push(candidate);
  }
  return found;
}

const importerLists = new BoundedCache<string, { readonly files: readonly string[] | undefined; readonly dependencies: Dependencies }>(256);

function scanImporters(
  file: string,
  project: string,
  boundary: FileBoundary,
  dependencies: Map<string, number>,
): readonly string[] | undefined {
  const stem = path.basename(file).replace(SOURCE_FILE, '');
  if (stem === 'index' || stem === '') return undefined;
  const root = checkedRoot(file, project, stem, boundary, dependencies);
  if (root === undefined) return undefined;
  return matchingFiles(root, specifierOf(stem), file, boundary, dependencies);
}

/** A quoted module specifier ending in the module's name: `'./labels.js'`, `"../lib/labels"`, `'#lib/labels'`. */
function specifierOf(stem: string): RegExp {
  const name = stem.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`['"\`](?:[^'"\`\\s]*[/#])?${name}(?:\\.[cm]?[jt]sx?)?['"\`]`);
}

/**
 * `root` (the file's project, see src/google/project/project-files.ts projectRoot) when it has a
 * `package.json`; undefined otherwise, or when a manifest between the file and the root mentions
 * the module's name (an entry point: other packages import it by the package's name).
 */
function checkedRoot(
  file: string,
  root: string,
  stem: string | undefined,
  boundary: FileBoundary,
  dependencies: Map<string, number>,
): string | undefined {
  let hasManifest = false;
  for (let folder = path.dirname(file); isUnder(folder, root); folder = path.dirname(folder)) {
    const manifestPath = path.join(folder, 'package.json');
    dependencies.set(manifestPath, fileTime(manifestPath, boundary));
    const manifest = readSourceText(manifestPath, boundary);
    if (stem !== undefined && manifest?.includes(stem) === true) return undefined;
    hasManifest ||= manifest !== undefined;
    if (folder === root || path.dirname(folder) === folder) break;
  }
  return hasManifest ? root : undefined;
}
