import path from 'node:path';
import { BoundedCache } from './bounded-cache.ts';
import { cachedAnswer, dependOn, fileTime, folderDependency, folderTime } from './dependencies.ts';
import type { AnswerCache } from './dependencies.ts';
import { foldersUp, isUnder, readSourceText } from './file-boundary.ts';
import type { FileBoundary } from './file-boundary.ts';
import { readJsonFile } from './json-file.ts';
import { subfolders } from './project-walk.ts';

/*
 * Workspace packages of a monorepo: `import { SCOPES } from '@acme/google-auth'` in apps/web names
 * packages/google-auth of the same workspace. The workspace is the nearest folder above the
 * importer (never above the file boundary's root) whose package.json has `workspaces` (npm, yarn:
 * a list, or `{ packages: [...] }`) or that holds a pnpm-workspace.yaml (`packages:`). Only simple
 * patterns are read: a folder (`tools/auth`) or the folders in one (`packages/*`); `**`, braces,
 * negations and the like are skipped, never guessed.
 */

/** Package folders read per workspace: far more than a real monorepo has; a hostile one stops here. */
const MAX_WORKSPACE_PACKAGES = 1_000;

/** Package name → its folder, per workspace root; re-read when a manifest or a listed folder changes. */
const workspaces: AnswerCache<ReadonlyMap<string, string>> = new BoundedCache(64);

/** The folder of the workspace package called `name`, seen from `directory`; undefined when none. */
export function workspacePackageFolder(directory: string, name: string, boundary: FileBoundary): string | undefined {
  const root = workspaceRoot(directory, boundary);
  if (root === undefined) return undefined;
  const packages = cachedAnswer(workspaces, `${boundary.root}\0${root.folder}`, boundary, () => readPackages(root, boundary));
  return packages.get(name);
}

interface WorkspaceRoot {
  readonly folder: string;
  readonly patterns: readonly string[];
}

function workspaceRoot(directory: string, boundary: FileBoundary): WorkspaceRoot | undefined {
  for (const folder of foldersUp(directory, boundary)) {
    const pnpm = path.join(folder, 'pnpm-workspace.yaml');
    const pnpmTime = fileTime(pnpm, boundary);
    dependOn(pnpm, pnpmTime);
    if (pnpmTime !== -1) return { folder, patterns: pnpmPackagePatterns(readSourceText(pnpm, boundary) ?? '') };
    // readJsonFile records the manifest (present or absent): adding `workspaces` later is seen.
    const declared = readJsonFile(path.join(folder, 'package.json'), boundary)?.workspaces;
    const patterns = Array.isArray(declared) ? declared : isPackagesObject(declared) ? declared.packages : undefined;
    if (patterns !== undefined) return { folder, patterns: patterns.filter((pattern): pattern is string => typeof pattern === 'string') };
  }
  return undefined;
}

/**
 * Whether `folder` is a workspace root by any manager's marker (package.json `workspaces`,
 * pnpm-workspace.yaml, lerna.json): the project the scope inventory walks.
 */
export function isWorkspaceRoot(folder: string, boundary: FileBoundary): boolean {
  return (
    fileTime(path.join(folder, 'pnpm-workspace.yaml'), boundary) !== -1 ||
    fileTime(path.join(folder, 'lerna.json'), boundary) !== -1 ||
    readJsonFile(path.join(folder, 'package.json'), boundary)?.workspaces !== undefined
  );
}

function isPackagesObject(value: unknown): value is { packages: unknown[] } {
  return typeof value === 'object' && value !== null && Array.isArray((value as { packages?: unknown }).packages);
}

/**
 * The `packages:` list of a pnpm-workspace.yaml: block items (`- 'packages/*'`) or one flow list
 * (`packages: ['apps/*']`). Not a YAML parser: anything else ends the list.
 */
export function pnpmPackagePatterns(text: string): string[] {
  const patterns: string[] = [];
  let inList = false;
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.replace(/\s+#.*$/, '').replace(/^#.*$/, '');
    if (line.trim() === '') continue;
    const header = /^packages\s*:\s*(.*)$/.exec(line);
    if (header !== null) {
      const flow = /^\[(.*)\]$/.exec(header[1]!.trim());
      if (flow !== null)
        return flow[1]!
          .split(',')
          .map(unquote)
          .filter((pattern) => pattern !== '');
      inList = true;
      continue;
    }
    if (!inList) continue;
    const item = /^\s*-\s+(.*)$/.exec(line);
    if (item === null) break;
    patterns.push(unquote(item[1]!));
  }
  return patterns;
}

function unquote(text: string): string {
  const trimmed = text.trim();
  return /^(['"]).*\1$/.test(trimmed) ? trimmed.slice(1, -1) : trimmed;
}

/** Every package folder the patterns name, by the `name` in its package.json (the first one wins). */
function readPackages(root: WorkspaceRoot, boundary: FileBoundary): ReadonlyMap<string, string> {
  const packages = new Map<string, string>();
  let read = 0;
  const add = (folder: string): void => {
    if (read++ >= MAX_WORKSPACE_PACKAGES) return;
    const name = readJsonFile(path.join(folder, 'package.json'), boundary)?.name;
    if (typeof name === 'string' && !packages.has(name)) packages.set(name, folder);
  };
  for (const raw of root.patterns) {
    const pattern = raw.replace(/^\.\//, '').replace(/\/+$/, '');
    const wildcard = pattern.endsWith('/*');
    const base = wildcard ? pattern.slice(0, -2) : pattern;
    // Only `folder` and `folder/*`: no other glob syntax, nothing absolute or above the workspace.
    if (base === '' || /[*?[\]{}!]/.test(base) || path.isAbsolute(base) || base.split('/').includes('..')) continue;
    const folder = path.join(root.folder, base);
    if (!isUnder(folder, boundary.root)) continue;
    if (!wildcard) {
      add(folder);
      continue;
    }
    // A package folder created here later is seen at the next lint.
    dependOn(folderDependency(folder), folderTime(folder));
    for (const entry of subfolders(folder, boundary, MAX_WORKSPACE_PACKAGES)) add(path.join(folder, entry));
  }
  return packages;
}
