import { statSync } from 'node:fs';
import { modifiedTime } from './file-boundary.ts';
import type { FileBoundary } from './file-boundary.ts';
import type { BoundedCache } from './bounded-cache.ts';

/**
 * What a cached answer was computed from: files (and, for lookups that failed, the folders a
 * module would appear in) with their modification times, -1 for "absent". An answer is stale as
 * soon as one of them changes, however far away: a module's constants include its imports'.
 */
export type Dependencies = ReadonlyMap<string, number>;

/** The answers being computed right now (innermost last), each collecting what it reads. */
const collecting: Map<string, number>[] = [];

/** Computes `compute()` and everything it read. */
export function collectDependencies<T>(compute: () => T): { value: T; dependencies: Dependencies } {
  const dependencies = new Map<string, number>();
  collecting.push(dependencies);
  try {
    return { value: compute(), dependencies };
  } finally {
    collecting.pop();
    dependOnAll(dependencies);
  }
}

/** Tells the answer being computed (if any) that it read `file` (or looked into a folder). */
export function dependOn(file: string, mtimeMs: number): void {
  collecting.at(-1)?.set(file, mtimeMs);
}

/** …and everything a cached answer it reused was computed from. */
export function dependOnAll(dependencies: Dependencies): void {
  const reader = collecting.at(-1);
  if (reader === undefined) return;
  for (const [file, mtimeMs] of dependencies) reader.set(file, mtimeMs);
}

/**
 * Each linted file starts a new round: the file system is looked at again (once per path and
 * round), so a long-running process sees edits between two lints without statting a file per lookup.
 */
let seen = new Map<string, number>();

export function startValidationRound(): void {
  seen = new Map();
}

/** The modification time of a file inside the boundary, -1 when it is absent or outside. */
export function fileTime(file: string, boundary: FileBoundary): number {
  const key = `${boundary.root}\0${file}`;
  let time = seen.get(key);
  if (time === undefined) {
    time = modifiedTime(file, boundary) ?? -1;
    seen.set(key, time);
  }
  return time;
}

/** The modification time of a folder (a file created in it changes it), -1 when absent. */
export function folderTime(folder: string): number {
  const key = `\0folder\0${folder}`;
  let time = seen.get(key);
  if (time === undefined) {
    time = statSync(folder, { throwIfNoEntry: false })?.mtimeMs ?? -1;
    seen.set(key, time);
  }
  return time;
}

/** Dependency keys of folders are marked, so one map holds both kinds. */
export function folderDependency(folder: string): string {
  return `\0folder\0${folder}`;
}

export function unchanged(dependencies: Dependencies, boundary: FileBoundary): boolean {
  for (const [key, mtimeMs] of dependencies) {
    const now = key.startsWith('\0folder\0') ? folderTime(key.slice('\0folder\0'.length)) : fileTime(key, boundary);
    if (now !== mtimeMs) return false;
  }
  return true;
}

/** A cache of answers that each remember what they were computed from. */
export type AnswerCache<T> = BoundedCache<string, { readonly value: T; readonly dependencies: Dependencies }>;

/**
 * The cached answer for `key` while everything it was computed from is unchanged, else
 * `compute()` afresh; either way the reader depends on what the answer depends on.
 */
export function cachedAnswer<T>(cache: AnswerCache<T>, key: string, boundary: FileBoundary, compute: () => T): T {
  const cached = cache.get(key);
  if (cached !== undefined && unchanged(cached.dependencies, boundary)) {
    dependOnAll(cached.dependencies);
    return cached.value;
  }
  const { value, dependencies } = collectDependencies(compute);
  cache.set(key, { value, dependencies });
  return value;
}
