/**
 * The one project walk (src/core/project-walk.ts) on hostile trees: symlink loops end, nothing
 * outside the root is listed or read, and every budget holds, quickly.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fileBoundary, isUnder, listedFileTime, readFolder } from '../../src/core/file-boundary.ts';
import { MAX_FOLDER_DEPTH } from '../../src/core/limits.ts';
import { BUILD_OUTPUT_FOLDERS, subfolders, walkProject } from '../../src/core/project-walk.ts';
import { tempFolder, writeFiles } from '../temp-project.ts';

const base = tempFolder('project-walk');
const isJs = (name: string): boolean => name.endsWith('.js');
let count = 0;

/** A fresh project folder inside `base` with these files. */
function project(files: Record<string, string>): string {
  const root = path.join(base, `p${++count}`);
  writeFiles(root, files);
  return root;
}

const relative = (root: string, files: readonly string[]): string[] => files.map((file) => path.relative(root, file));

/** Runs `walk` while recording every folder the file system is asked to list. */
function listedFolders<T>(walk: () => T): { result: T; listed: string[] } {
  const listed: string[] = [];
  const readdir = fs.readdirSync;
  const spy = vi.spyOn(fs, 'readdirSync').mockImplementation(((folder: fs.PathLike, options: never) => {
    listed.push(fs.realpathSync.native(String(folder)));
    return readdir(folder, options);
  }) as typeof fs.readdirSync);
  try {
    return { result: walk(), listed };
  } finally {
    spy.mockRestore();
  }
}

afterEach(() => vi.restoreAllMocks());

describe('walkProject', () => {
  it('lists files breadth first in name order, skipping node_modules, dot folders and the folders asked', () => {
    const root = project({
      'b.js': '',
      'a.js': '',
      'notes.md': '',
      'src/app.js': '',
      'node_modules/lib/index.js': '',
      '.next/server.js': '',
      'dist/bundle.js': '',
      'dist/nested/more.js': '',
    });
    const boundary = fileBoundary(base);
    const all = walkProject(root, boundary, { includeFile: isJs, maxFiles: 100 });
    expect(relative(root, all.files)).toEqual(['a.js', 'b.js', 'dist/bundle.js', 'src/app.js', 'dist/nested/more.js']);
    expect(all).toMatchObject({ truncated: false, unreadable: false });
    const own = walkProject(root, boundary, { includeFile: isJs, maxFiles: 100, skipFolders: BUILD_OUTPUT_FOLDERS });
    expect(relative(root, own.files)).toEqual(['a.js', 'b.js', 'src/app.js']);
    expect(relative(root, own.folders)).toEqual(['', 'src']);
    const entered = walkProject(root, boundary, {
      includeFile: isJs,
      maxFiles: 100,
      skipFolders: BUILD_OUTPUT_FOLDERS,
      entered: new Set([path.join(root, 'dist')]),
    });
    expect(relative(root, entered.files)).toEqual(['a.js', 'b.js', 'dist/bundle.js', 'src/app.js', 'dist/nested/more.js']);
  });

  it('ends on symlink loops (a link to the root, to a parent, to itself) and enters no symlinked folder', () => {
    const root = project({ 'src/app.js': '', 'src/deep/x.js': '' });
    fs.symlinkSync(root, path.join(root, 'src', 'loop'));
    fs.symlinkSync(path.join(root, 'src'), path.join(root, 'src', 'deep', 'up'));
    fs.symlinkSync(path.join(root, 'self'), path.join(root, 'self'));
    const started = performance.now();
    const memory = process.memoryUsage().heapUsed;
    const walk = walkProject(root, fileBoundary(base), { includeFile: () => true, maxFiles: 1_000 });
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(process.memoryUsage().heapUsed - memory).toBeLessThan(50 * 1024 * 1024);
    // The links are listed as names (a reader checks where each points), never walked into.
    expect(relative(root, walk.files)).toEqual(['self', 'src/app.js', 'src/loop', 'src/deep/up', 'src/deep/x.js']);
    expect(relative(root, walk.folders)).toEqual(['', 'src', 'src/deep']);
    expect(walk.truncated).toBe(false);
  });

  it('never lists a folder outside the root: symlinked folders are not entered, a root outside the boundary is not read', () => {
    const outside = project({ 'secret/secret.js': '' });
    const root = project({ 'src/app.js': '' });
    fs.symlinkSync(path.join(outside, 'secret'), path.join(root, 'src', 'secrets'));
    const boundary = fileBoundary(root);
    const { result, listed } = listedFolders(() => walkProject(root, boundary, { includeFile: isJs, maxFiles: 100 }));
    expect(relative(root, result.files)).toEqual(['src/app.js']);
    expect(listed.length).toBeGreaterThan(0);
    for (const folder of listed) expect(isUnder(folder, root), folder).toBe(true);
    // A root whose real path lies outside the boundary (a symlink out) is not listed at all.
    const linkedRoot = path.join(root, 'linked-root');
    fs.symlinkSync(outside, linkedRoot);
    const out = listedFolders(() => walkProject(linkedRoot, boundary, { includeFile: isJs, maxFiles: 100 }));
    expect(out.result).toEqual({ files: [], folders: [], truncated: false, unreadable: true });
    expect(out.listed).toEqual([]);
  });

  it('never lists /proc, /sys or /dev, even with the boundary at /', () => {
    const boundary = fileBoundary('/');
    for (const special of ['/proc', '/sys', '/dev']) {
      expect(readFolder(special, boundary), special).toBeUndefined();
      expect(walkProject(special, boundary, { includeFile: () => true, maxFiles: 10 }).folders).toEqual([]);
    }
    expect(readFolder(base, boundary)).toBeDefined();
  });

  it('honours the file budget, quickly', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 2_000; i++) files[`gen/f${String(i).padStart(4, '0')}.js`] = '';
    const root = project(files);
    const started = performance.now();
    const walk = walkProject(root, fileBoundary(base), { includeFile: isJs, maxFiles: 100 });
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(walk.files).toHaveLength(100);
    expect(walk.truncated).toBe(true);
    expect(walkProject(root, fileBoundary(base), { includeFile: isJs, maxFiles: 2_000 }).truncated).toBe(false);
  });

  it('honours the depth limit: a folder deeper than MAX_FOLDER_DEPTH is not entered', () => {
    const chain = Array.from({ length: MAX_FOLDER_DEPTH + 5 }, (_, i) => `d${i}`);
    const files: Record<string, string> = {};
    for (let depth = 0; depth <= chain.length; depth++) files[path.join(...chain.slice(0, depth), `at${depth}.js`)] = '';
    const root = project(files);
    const walk = walkProject(root, fileBoundary(base), { includeFile: isJs, maxFiles: 1_000 });
    expect(walk.truncated).toBe(true);
    expect(walk.files.map((file) => path.basename(file))).toEqual(Array.from({ length: MAX_FOLDER_DEPTH + 1 }, (_, i) => `at${i}.js`));
  });
});

describe('subfolders', () => {
  it('lists the folders a walk would enter, sorted, at most `max`', () => {
    const root = project({ 'packages/b/x.js': '', 'packages/a/x.js': '', 'packages/.cache/x.js': '', 'packages/node_modules/x.js': '' });
    fs.symlinkSync(path.join(root, 'packages', 'a'), path.join(root, 'packages', 'link'));
    expect(subfolders(path.join(root, 'packages'), fileBoundary(base), 10)).toEqual(['a', 'b']);
    expect(subfolders(path.join(root, 'packages'), fileBoundary(base), 1)).toEqual(['a']);
    expect(subfolders(path.join(root, 'packages'), fileBoundary(path.join(root, 'other')), 10)).toEqual([]);
  });
});

describe('listedFileTime', () => {
  it('stats a listed regular file once; a symlink must point inside the boundary', () => {
    const outside = project({ 'secret.js': '' });
    const root = project({ 'app.js': '' });
    fs.symlinkSync(path.join(outside, 'secret.js'), path.join(root, 'secret.js'));
    fs.symlinkSync(path.join(root, 'app.js'), path.join(root, 'alias.js'));
    const boundary = fileBoundary(root);
    expect(listedFileTime(path.join(root, 'app.js'), boundary)).toBe(fs.statSync(path.join(root, 'app.js')).mtimeMs);
    expect(listedFileTime(path.join(root, 'alias.js'), boundary)).toBe(fs.statSync(path.join(root, 'app.js')).mtimeMs);
    expect(listedFileTime(path.join(root, 'secret.js'), boundary)).toBeUndefined();
    expect(listedFileTime(path.join(root, 'gone.js'), boundary)).toBeUndefined();
    expect(listedFileTime(root, boundary)).toBeUndefined();
  });
});
