import fs from 'node:fs';
import path from 'node:path';
import { isUnder } from '../../core/file-boundary.ts';
import type { FileBoundary } from '../../core/file-boundary.ts';
import { fileTime } from '../../core/dependencies.ts';
import { alwaysSkipped, BUILD_OUTPUT_FOLDERS, subfolders, walkProject } from '../../core/project-walk.ts';
import type { ProjectWalk } from '../../core/project-walk.ts';
import { isWorkspaceRoot } from '../../core/workspaces.ts';
import { isSearchedFile } from './unread-files.ts';

/*
 * Which files of a project the inventory reads: the project walk (src/core/project-walk.ts: never
 * `node_modules`, dot folders or a symlinked folder, nothing outside the root, bounded) that also
 * skips build output and tests, at most `MAX_PROJECT_FILES` files: the source files it parses and the files
 * it searches as text (./unread-files.ts).
 */

/** JavaScript and TypeScript sources (declaration files hold types, never a request). */
const SOURCE_FILE = /\.(?:[cm]?[jt]sx?)$/;
const DECLARATION_FILE = /\.d\.[cm]?ts$/;
const MINIFIED_FILE = /\.min\.[cm]?js$/;
/**
 * Tests (`auth.test.ts`, `login.spec.js`, `app.e2e-spec.ts`, `login.e2e.js`, anything under a
 * folder of tests or mocks at any depth: `__tests__/`, `__mocks__/`, `test/`, `tests/`, `spec/`,
 * `e2e/`): a consent URL a test builds to assert on it is no request of the app, and a test never
 * mints the app's tokens (review 4 H5).
 */
const TEST_FILE = /\.(?:test|spec|e2e|e2e-spec)\.[cm]?[jt]sx?$/;
const TEST_FOLDERS = ['__tests__', '__mocks__', 'test', 'tests', 'spec', 'e2e'];
/** Build output, and the folders that group tests and mocks (Jest's, Mocha's, node:test's, Jasmine's, Playwright's). */
const SKIPPED_FOLDERS: ReadonlySet<string> = new Set([...BUILD_OUTPUT_FOLDERS, ...TEST_FOLDERS]);

/** Files read per project at most: a bigger tree makes the inventory incomplete (it then judges nothing). */
export const MAX_PROJECT_FILES = 10_000;

/** Sub-folders of a grouping folder looked at for a package besides the project's (a bound, not a guess: more means none found). */
const MAX_GROUPED_PACKAGES = 100;

/** Whether `group` has a package folder other than `own` (among its first sub-folders, as the walk lists them). */
function holdsOtherPackage(group: string, own: string, boundary: FileBoundary): boolean {
  return subfolders(group, boundary, MAX_GROUPED_PACKAGES).some(
    (name) => path.join(group, name) !== own && fileTime(path.join(group, name, 'package.json'), boundary) !== -1,
  );
}

/** The folders between `root` and the linted file whose names the walk would skip. */
export function skippedAncestors(root: string, file: string): Set<string> {
  const found = new Set<string>();
  const relative = path.relative(root, path.dirname(path.resolve(file)));
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return found;
  let folder = root;
  for (const name of relative.split(path.sep)) {
    folder = path.join(folder, name);
    if (alwaysSkipped(name) || BUILD_OUTPUT_FOLDERS.has(name)) found.add(folder);
  }
  return found;
}

/** Whether the inventory parses this file (a source file, or a Chrome extension manifest). */
export function isParsedFile(name: string): boolean {
  if (name === 'manifest.json') return true;
  return SOURCE_FILE.test(name) && !DECLARATION_FILE.test(name) && !MINIFIED_FILE.test(name);
}

/**
 * Every file of the project the inventory reads. `entered` are folders walked even though their
 * name is skipped: those that hold the linted file (ESLint lints there, so it is the project's
 * code: a published package's `dist/`).
 */
export function listProjectFiles(root: string, boundary: FileBoundary, entered: ReadonlySet<string> = new Set()): ProjectWalk {
  return walkProject(root, boundary, {
    includeFile: (name) => !TEST_FILE.test(name) && (isParsedFile(name) || isSearchedFile(name)),
    maxFiles: MAX_PROJECT_FILES,
    skipFolders: SKIPPED_FOLDERS,
    entered,
  });
}

/**
 * The project a linted file belongs to: the nearest folder above it with a `package.json`, or the
 * workspace root above that (a `package.json` with `workspaces`, `pnpm-workspace.yaml`,
 * `lerna.json`), never above ESLint's working directory. Undefined outside it.
 */
export function projectRoot(file: string, boundary: FileBoundary): string | undefined {
  // The nearest folder that exists (an editor may lint a file not saved yet, in a new folder).
  let real: string | undefined;
  for (let folder = path.dirname(path.resolve(file)); real === undefined; folder = path.dirname(folder)) {
    try {
      real = fs.realpathSync.native(folder);
    } catch {
      if (path.dirname(folder) === folder) return undefined;
    }
  }
  if (!isUnder(real, boundary.root)) return undefined;
  let nearest: string | undefined;
  let workspace: string | undefined;
  for (let folder = real; ; folder = path.dirname(folder)) {
    if (nearest === undefined && fileTime(path.join(folder, 'package.json'), boundary) !== -1) nearest = folder;
    if (nearest !== undefined && isWorkspaceRoot(folder, boundary)) workspace = folder;
    if (folder === boundary.root || path.dirname(folder) === folder) break;
  }
  return workspace ?? nearest ?? boundary.root;
}

/**
 * Where the tokens a project uses may be minted: its root, widened to the folder above while that
 * folder is ESLint's working directory or a package itself. `frontend/` and `backend/`, each with
 * its own package.json, side by side where ESLint runs (or in a package that runs both), are one
 * app: the front end's sign-in may mint the token the back end's calls use. So are packages in a
 * folder that only groups them there (`apps/web` and `apps/api`, no package.json in `apps/`): the
 * grouping folder is crossed, one level, when it holds another package. A folder of groups (`tests/fixtures/reach/`, in
 * `tests/fixtures/`, in `tests/`) is not: a package's region never reaches past two folders
 * without a package.json. Widening only adds possible minters (their requests count in the union,
 * never as evidence), so it can only turn a report into silence.
 */
export function requestRegion(root: string, boundary: FileBoundary): string {
  const joinsPackages = (folder: string): boolean =>
    folder === boundary.root || (isUnder(folder, boundary.root) && fileTime(path.join(folder, 'package.json'), boundary) !== -1);
  let region = root;
  while (region !== boundary.root) {
    const parent = path.dirname(region);
    if (parent === region || !isUnder(parent, boundary.root)) break;
    if (joinsPackages(parent)) region = parent;
    else if (path.dirname(parent) !== parent && joinsPackages(path.dirname(parent)) && holdsOtherPackage(parent, region, boundary))
      region = path.dirname(parent);
    else break;
  }
  return region;
}
