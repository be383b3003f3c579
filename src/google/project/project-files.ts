import fs from 'node:fs';
import path from 'node:path';
import { isUnder } from '../../core/file-boundary.ts';
import type { FileBoundary } from '../../core/file-boundary.ts';

/**
 * Which files of a project the inventory reads. ESLint's ignore list is not visible to a rule,
 * so the walk draws its own line: never dependencies, build output, version control, caches or
 * any dot-folder (`.next`, `.git`, `.turbo`, `.vercel`…), never a symlinked folder (so a loop
 * can't form), nothing outside the project root, and at most `MAX_PROJECT_FILES` files.
 */
export const SKIPPED_FOLDERS: ReadonlySet<string> = new Set([
  'node_modules',
  'bower_components',
  'jspm_packages',
  'vendor',
  'dist',
  'build',
  'out',
  'output',
  'coverage',
  'lib-cov',
  'tmp',
  'temp',
  'storybook-static',
  '__snapshots__',
]);
/** JavaScript and TypeScript sources (declaration files hold types, never a request). */
const SOURCE_FILE = /\.(?:[cm]?[jt]sx?)$/;
const DECLARATION_FILE = /\.d\.[cm]?ts$/;
const MINIFIED_FILE = /\.min\.[cm]?js$/;

/** Files read per project at most: a bigger tree makes the inventory incomplete (it then judges nothing). */
export const MAX_PROJECT_FILES = 10_000;
/** Directory entries looked at per project at most (a folder of a million generated files). */
const MAX_ENTRIES = 200_000;
/** Folders this deep below the root are not entered. */
const MAX_DEPTH = 24;

export interface ProjectFiles {
  /** Real paths (the root is real, and no symlinked folder is entered), except `linked` ones. */
  readonly files: readonly string[];
  /** Files that are symlinks: read through the file boundary (their target must lie inside too). */
  readonly linked: ReadonlySet<string>;
  /** Every folder walked, for the cache: a file added or removed changes its folder's mtime. */
  readonly folders: readonly string[];
  /** The walk stopped at a limit: files may be missing. */
  readonly truncated: boolean;
}

/** Whether the inventory reads this file (a source file, or a Chrome extension manifest). */
/** The folders between `root` and the linted file whose names the walk would skip. */
export function skippedAncestors(root: string, file: string): Set<string> {
  const found = new Set<string>();
  const relative = path.relative(root, path.dirname(path.resolve(file)));
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return found;
  let folder = root;
  for (const name of relative.split(path.sep)) {
    folder = path.join(folder, name);
    if (name.startsWith('.') || SKIPPED_FOLDERS.has(name)) found.add(folder);
  }
  return found;
}

export function isInventoryFile(name: string): boolean {
  if (name === 'manifest.json') return true;
  return SOURCE_FILE.test(name) && !DECLARATION_FILE.test(name) && !MINIFIED_FILE.test(name);
}

/**
 * Every file of the project the inventory reads, breadth first, bounded. `entered` are folders
 * walked even though their name is skipped: those that hold the linted file (ESLint lints there,
 * so it is the project's code: a published package's `dist/`).
 */
export function listProjectFiles(root: string, boundary: FileBoundary, entered: ReadonlySet<string> = new Set()): ProjectFiles {
  const files: string[] = [];
  const linked = new Set<string>();
  const folders: string[] = [];
  const visited = new Set<string>();
  let entries = 0;
  let truncated = false;
  const queue: { folder: string; depth: number }[] = [{ folder: root, depth: 0 }];
  while (queue.length > 0) {
    const { folder, depth } = queue.shift()!;
    let real: string;
    try {
      real = fs.realpathSync.native(folder);
    } catch {
      continue;
    }
    // Bind mounts and hard-linked folders can still repeat a folder: each real path once.
    if (visited.has(real) || !isUnder(real, boundary.root)) continue;
    visited.add(real);
    folders.push(folder);
    let dirents: fs.Dirent[];
    try {
      dirents = fs.readdirSync(folder, { withFileTypes: true });
    } catch {
      continue;
    }
    dirents.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const dirent of dirents) {
      if (++entries > MAX_ENTRIES) return { files, linked, folders, truncated: true };
      const name = dirent.name;
      const full = path.join(folder, name);
      if (dirent.isDirectory()) {
        if ((name.startsWith('.') || SKIPPED_FOLDERS.has(name)) && !entered.has(full)) continue;
        if (depth + 1 > MAX_DEPTH) {
          truncated = true;
          continue;
        }
        queue.push({ folder: full, depth: depth + 1 });
      } else if ((dirent.isFile() || dirent.isSymbolicLink()) && isInventoryFile(name)) {
        if (files.length >= MAX_PROJECT_FILES) return { files, linked, folders, truncated: true };
        files.push(full);
        if (dirent.isSymbolicLink()) linked.add(full);
      }
    }
  }
  return { files, linked, folders, truncated };
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
    if (nearest === undefined && fs.existsSync(path.join(folder, 'package.json'))) nearest = folder;
    if (nearest !== undefined && isWorkspaceRoot(folder)) workspace = folder;
    if (folder === boundary.root || path.dirname(folder) === folder) break;
  }
  return workspace ?? nearest ?? boundary.root;
}

function isWorkspaceRoot(folder: string): boolean {
  if (fs.existsSync(path.join(folder, 'pnpm-workspace.yaml')) || fs.existsSync(path.join(folder, 'lerna.json'))) return true;
  try {
    const text = fs.readFileSync(path.join(folder, 'package.json'), 'utf8');
    if (text.length > 1024 * 1024) return false;
    const manifest = JSON.parse(text) as { workspaces?: unknown } | null;
    return manifest !== null && typeof manifest === 'object' && manifest.workspaces !== undefined;
  } catch {
    return false;
  }
}
