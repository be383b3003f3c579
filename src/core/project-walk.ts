import path from 'node:path';
import { readFolder } from './file-boundary.ts';
import type { FileBoundary } from './file-boundary.ts';
import { MAX_FOLDER_DEPTH, MAX_FOLDER_ENTRIES } from './limits.ts';

/*
 * The one walk over a project's folders (the scope inventory, the search for a module's importers,
 * a workspace's package folders). ESLint's ignore list is not visible to a rule, so the walk draws
 * its own line: never `node_modules` or a dot folder (`.git`, `.next`, `.turbo`…), never a
 * symlinked folder (so no loop can form and nothing outside the root is entered), each real folder
 * once (bind mounts), every folder listed through the file boundary. Bounded: `MAX_FOLDER_DEPTH`,
 * `MAX_FOLDER_ENTRIES` and the caller's file budget; a walk cut short says so.
 */

/** Build output, vendored code and caches: a walk for what the project's own code requests skips them. */
export const BUILD_OUTPUT_FOLDERS: ReadonlySet<string> = new Set([
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

export interface WalkOptions {
  /** Which files to list, by name (a symlinked file too: its reader checks where it points). */
  readonly includeFile: (name: string) => boolean;
  /** Files listed at most; one more makes the walk `truncated`. */
  readonly maxFiles: number;
  /** Folder names not entered besides `node_modules` and dot folders (`BUILD_OUTPUT_FOLDERS`). */
  readonly skipFolders?: ReadonlySet<string>;
  /** Folders entered although their name is skipped (they hold the linted file). */
  readonly entered?: ReadonlySet<string>;
}

export interface ProjectWalk {
  /** Listed files, breadth first and in name order; a file is a symlink only when its name is. */
  readonly files: readonly string[];
  /** Every folder listed (a file added or removed changes its folder's mtime: the caller's cache key). */
  readonly folders: readonly string[];
  /** A limit stopped the walk: files may be missing. */
  readonly truncated: boolean;
  /** Some folder could not be listed (permissions, removed meanwhile): files may be missing. */
  readonly unreadable: boolean;
}

/** Whether a walk never enters a folder of this name, whatever the caller skips besides. */
export function alwaysSkipped(name: string): boolean {
  return name === 'node_modules' || name.startsWith('.');
}

/** The files under `root` that `options` asks for, breadth first, bounded. */
export function walkProject(root: string, boundary: FileBoundary, options: WalkOptions): ProjectWalk {
  const files: string[] = [];
  const folders: string[] = [];
  const visited = new Set<string>();
  let entries = 0;
  let unreadable = false;
  const stop = (): ProjectWalk => ({ files, folders, truncated: true, unreadable });
  const skipped = (name: string, full: string): boolean =>
    (alwaysSkipped(name) || options.skipFolders?.has(name) === true) && options.entered?.has(full) !== true;
  const queue: { folder: string; depth: number }[] = [{ folder: root, depth: 0 }];
  let truncated = false;
  for (let next = 0; next < queue.length; next++) {
    const { folder, depth } = queue[next]!;
    const listing = readFolder(folder, boundary);
    if (listing === undefined) {
      unreadable = true;
      continue;
    }
    if (visited.has(listing.real)) continue;
    visited.add(listing.real);
    folders.push(folder);
    listing.entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of listing.entries) {
      if (++entries > MAX_FOLDER_ENTRIES) return stop();
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        if (skipped(entry.name, full)) continue;
        if (depth + 1 > MAX_FOLDER_DEPTH) truncated = true;
        else queue.push({ folder: full, depth: depth + 1 });
      } else if ((entry.isFile() || entry.isSymbolicLink()) && options.includeFile(entry.name)) {
        if (files.length >= options.maxFiles) return stop();
        files.push(full);
      }
    }
  }
  return { files, folders, truncated, unreadable };
}

/** The sub-folders a walk would enter (no symlinks, no `node_modules`, no dot folders), sorted; at most `max`. */
export function subfolders(folder: string, boundary: FileBoundary, max: number): string[] {
  const listing = readFolder(folder, boundary);
  if (listing === undefined) return [];
  return listing.entries
    .filter((entry) => entry.isDirectory() && !alwaysSkipped(entry.name))
    .map((entry) => entry.name)
    .sort()
    .slice(0, max);
}
