import path from 'node:path';
import { listedFileTime, readSourceText } from '../../core/file-boundary.ts';
import type { FileBoundary } from '../../core/file-boundary.ts';
import { isManifest, manifestRequests, mayRequest, sourceFileRequests } from './file-requests.ts';
import type { ProjectRequest } from './file-requests.ts';
import { listProjectFiles, projectRoot, skippedAncestors } from './project-files.ts';

export type { ProjectRequest } from './file-requests.ts';

/**
 * Every scope request in a project's source and config files (see ./file-requests.ts), built
 * once per lint process and project root, as plain data.
 */
export interface ProjectInventory {
  readonly root: string;
  readonly requests: readonly ProjectRequest[];
  /**
   * A file that may hold a request could not be read (unparsable with the linted file's parser),
   * or the walk stopped at a limit: a request may be missing, so nothing is judged against it.
   */
  readonly incomplete: boolean;
}

/**
 * The inventory is rebuilt at most this often: an ESLint run sees one snapshot, an editor sees
 * another file's edit a second later. Rebuilding only re-reads files whose mtime changed.
 */
const RECHECK_MS = 1_000;
/** One build stops after this long (a hostile or enormous tree): the inventory is then incomplete. */
const MAX_BUILD_MS = 5_000;
/** Projects and files remembered at most (a server linting many repositories). */
const MAX_PROJECTS = 16;
const MAX_CACHED_FILES = 50_000;

/** Files without any sign of a request, by modification time. */
const files = new Map<string, number>();
const projects = new Map<string, { checkedAt: number; readonly inventory: ProjectInventory }>();

/** The inventory of the project the linted file belongs to; undefined when it has no root inside the boundary. */
export function projectInventory(filename: string, boundary: FileBoundary): ProjectInventory | undefined {
  const root = projectRoot(filename, boundary);
  if (root === undefined) return undefined;
  // A file linted inside `dist/` (a published package) makes that folder part of its project.
  const entered = skippedAncestors(root, filename);
  const key = `${boundary.root}\0${root}\0${[...entered].join('\0')}`;
  const cached = projects.get(key);
  const now = Date.now();
  if (cached !== undefined && now - cached.checkedAt < RECHECK_MS) return cached.inventory;
  const inventory = buildInventory(root, boundary, entered);
  projects.delete(key);
  if (projects.size >= MAX_PROJECTS) projects.delete(projects.keys().next().value!);
  // Stamped after the build: a slow build is not redone by the very next file.
  projects.set(key, { checkedAt: Date.now(), inventory });
  return inventory;
}

/** Forgets every inventory (tests). */
export function clearProjectInventories(): void {
  projects.clear();
  files.clear();
}

function buildInventory(root: string, boundary: FileBoundary, entered: ReadonlySet<string>): ProjectInventory {
  const started = Date.now();
  const listed = listProjectFiles(root, boundary, entered);
  const requests: ProjectRequest[] = [];
  let incomplete = listed.truncated;
  for (const file of listed.files) {
    if (Date.now() - started > MAX_BUILD_MS) {
      incomplete = true;
      break;
    }
    const found = fileRequests(file, boundary);
    if (found === 'unparsable') incomplete = true;
    else requests.push(...found);
  }
  return { root, requests, incomplete };
}

function fileRequests(file: string, boundary: FileBoundary): readonly ProjectRequest[] | 'unparsable' {
  const mtimeMs = listedFileTime(file, boundary);
  // Gone, outside the boundary (a symlink out), or not a regular file.
  if (mtimeMs === undefined) return [];
  // Files that can't hold a request are remembered here; the others by their module record,
  // which also notices a change in the modules their constants come from.
  if (files.get(file) === mtimeMs) return [];
  // Undefined: larger than the analysis reads (generated code or data) or unreadable.
  const text = readSourceText(file, boundary);
  const requests =
    text === undefined || text.includes('\u0000')
      ? []
      : isManifest(path.basename(file))
        ? manifestRequests(file, text)
        : sourceFileRequests(file, text, boundary);
  if (!isManifest(path.basename(file)) && !mayRequest(text)) {
    if (files.size >= MAX_CACHED_FILES) files.clear();
    files.set(file, mtimeMs);
  }
  return requests;
}
