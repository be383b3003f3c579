import path from 'node:path';
import { isUnder, listedFileTime, readSourceText } from '../../core/file-boundary.ts';
import type { FileBoundary } from '../../core/file-boundary.ts';
import { isManifest, manifestRequests, mayRequest, sourceFileRequests } from './file-requests.ts';
import type { ProjectRequest } from './file-requests.ts';
import { isParsedFile, listProjectFiles, projectRoot, requestRegion, skippedAncestors } from './project-files.ts';
import { mayHideRequest } from './unread-files.ts';

export type { ProjectRequest } from './file-requests.ts';

/**
 * Every scope request in the files that may mint a project's tokens (see ./file-requests.ts): the
 * project, or the app it is part of (`requestRegion`), built once per lint process and folder,
 * as plain data.
 */
export interface ProjectInventory {
  /** The folder read (the project, or the app around it); sites are named relative to it. */
  readonly root: string;
  /**
   * Requests in the linted file's project, and in the packages beside it (`certain: false`: they
   * may mint its tokens, but never show that its tokens come from these requests).
   */
  readonly requests: readonly ProjectRequest[];
  /**
   * A file that may hold a request could not be read (unparsable, too large, binary or unreadable
   * with a scope in it, a component or page the analysis does not parse with a scope in it), a
   * folder could not be listed, or the walk stopped at a limit: a request may be missing, so
   * nothing is judged against it.
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

/**
 * Files without any sign of a request, by modification time; `hides` when the file can't be parsed
 * but may request scopes (./unread-files.ts).
 */
const files = new Map<string, { readonly mtimeMs: number; readonly hides: boolean }>();
const projects = new Map<string, { checkedAt: number; readonly inventory: ProjectInventory }>();

/** The inventory of the project the linted file belongs to; undefined when it has no root inside the boundary. */
export function projectInventory(filename: string, boundary: FileBoundary): ProjectInventory | undefined {
  const project = projectRoot(filename, boundary);
  if (project === undefined) return undefined;
  const region = cachedRegion(project, boundary);
  // A file linted inside `dist/` (a published package) makes that folder part of its project.
  const entered = skippedAncestors(region, filename);
  const key = `${boundary.root}\0${project}\0${region}\0${[...entered].join('\0')}`;
  const cached = projects.get(key);
  const now = Date.now();
  if (cached !== undefined && now - cached.checkedAt < RECHECK_MS) return cached.inventory;
  const inventory = buildInventory(project, region, boundary, entered);
  projects.delete(key);
  if (projects.size >= MAX_PROJECTS) projects.delete(projects.keys().next().value!);
  // Stamped after the build: a slow build is not redone by the very next file.
  projects.set(key, { checkedAt: Date.now(), inventory });
  return inventory;
}

/** The request region of a project (it may list a grouping folder): asked once per `RECHECK_MS`, not once per call judged. */
const regions = new Map<string, { readonly checkedAt: number; readonly region: string }>();

function cachedRegion(project: string, boundary: FileBoundary): string {
  const key = `${boundary.root}\0${project}`;
  const cached = regions.get(key);
  const now = Date.now();
  if (cached !== undefined && now - cached.checkedAt < RECHECK_MS) return cached.region;
  const region = requestRegion(project, boundary);
  regions.delete(key);
  if (regions.size >= MAX_PROJECTS) regions.delete(regions.keys().next().value!);
  regions.set(key, { checkedAt: now, region });
  return region;
}

/** Forgets every inventory (tests). */
export function clearProjectInventories(): void {
  projects.clear();
  regions.clear();
  files.clear();
}

function buildInventory(project: string, region: string, boundary: FileBoundary, entered: ReadonlySet<string>): ProjectInventory {
  const started = Date.now();
  const listed = listProjectFiles(region, boundary, entered);
  const requests: ProjectRequest[] = [];
  let incomplete = listed.truncated || listed.unreadable;
  for (const file of listed.files) {
    if (incomplete) break;
    if (Date.now() - started > MAX_BUILD_MS) {
      incomplete = true;
      break;
    }
    const found = fileRequests(file, boundary);
    if (found === 'unseen') incomplete = true;
    else if (isUnder(file, project)) requests.push(...found);
    else requests.push(...found.map((request) => ({ ...request, certain: false })));
  }
  return { root: region, requests, incomplete };
}

/** A file's requests, or `'unseen'` when it may hold one the inventory can't read. */
function fileRequests(file: string, boundary: FileBoundary): readonly ProjectRequest[] | 'unseen' {
  const mtimeMs = listedFileTime(file, boundary);
  // Gone, outside the boundary (a symlink out), or not a regular file.
  if (mtimeMs === undefined) return [];
  // Files that can't hold a request (or can't be read) are remembered here; the others by their
  // module record, which also notices a change in the modules their constants come from.
  const known = files.get(file);
  if (known?.mtimeMs === mtimeMs) return known.hides ? 'unseen' : [];
  const name = path.basename(file);
  // Undefined: larger than the analysis reads (generated code, a bundle) or unreadable.
  const text = isParsedFile(name) ? readSourceText(file, boundary) : undefined;
  if (text === undefined || text.includes('\u0000')) {
    const hides = mayHideRequest(file, boundary);
    remember(file, mtimeMs, hides);
    return hides ? 'unseen' : [];
  }
  if (isManifest(name)) return manifestRequests(file, text);
  const requests = sourceFileRequests(file, text, boundary);
  if (!mayRequest(text)) remember(file, mtimeMs, false);
  return requests === 'unparsable' ? 'unseen' : requests;
}

function remember(file: string, mtimeMs: number, hides: boolean): void {
  if (files.size >= MAX_CACHED_FILES) files.clear();
  files.set(file, { mtimeMs, hides });
}
