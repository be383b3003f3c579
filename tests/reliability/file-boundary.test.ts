/**
 * The file boundary on its own: what `readSourceText` returns for each kind of path. Only
 * regular files whose real path is inside the root, outside /proc, /sys and /dev, and within
 * the size cap are read; everything else is undefined (unknown), without blocking.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_SOURCE_BYTES, fileBoundary, insideBoundary, readSourceText } from '../../src/core/file-boundary.ts';

let dir: string;
let root: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'googleapis-scopes-boundary-'));
  root = path.join(dir, 'project');
  fs.mkdirSync(path.join(root, 'src'), { recursive: true });
  fs.writeFileSync(path.join(root, 'src', 'scopes.js'), "export const SCOPES = ['https://mail.google.com/'];\n");
  fs.writeFileSync(path.join(dir, 'outside.js'), "export const SECRET = 'x';\n");
  fs.writeFileSync(path.join(root, 'big.js'), Buffer.alloc(MAX_SOURCE_BYTES + 1, 0x20));
  fs.writeFileSync(path.join(root, 'just-fits.js'), Buffer.alloc(MAX_SOURCE_BYTES, 0x20));
  fs.symlinkSync(path.join(dir, 'outside.js'), path.join(root, 'out-link.js'));
  fs.symlinkSync(path.join(root, 'src', 'scopes.js'), path.join(root, 'in-link.js'));
  fs.symlinkSync('/proc/self/status', path.join(root, 'proc-link.js'));
  execFileSync('mkfifo', [path.join(root, 'fifo.js')]);
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('readSourceText', () => {
  it('reads a regular file inside the root, also through a symlink that stays inside', () => {
    const boundary = fileBoundary(root);
    expect(readSourceText(path.join(root, 'src', 'scopes.js'), boundary)).toContain('SCOPES');
    expect(readSourceText(path.join(root, 'in-link.js'), boundary)).toContain('SCOPES');
    expect(readSourceText(path.join(root, 'just-fits.js'), boundary)).toHaveLength(MAX_SOURCE_BYTES);
  });

  it.each([
    ['a file outside the root', '../outside.js'],
    ['a path that climbs out of the root', 'src/../../outside.js'],
    ['a symlink inside the root to a file outside it', 'out-link.js'],
    ['a symlink to /proc', 'proc-link.js'],
    ['a FIFO (never opened: it would block)', 'fifo.js'],
    ['a file over the size cap', 'big.js'],
    ['a missing file', 'missing.js'],
    ['a directory', 'src'],
  ])('%s is unknown', (_, file) => {
    expect(readSourceText(path.join(root, file), fileBoundary(root))).toBeUndefined();
  });

  it('never reads /proc, /sys or /dev, even when ESLint runs from /', () => {
    const boundary = fileBoundary('/');
    for (const file of [
      '/proc/self/status',
      '/proc/self/pagemap',
      '/sys/kernel/mm/transparent_hugepage/enabled',
      '/dev/zero',
      '/dev/null',
    ]) {
      expect(insideBoundary(file, boundary), file).toBeUndefined();
      expect(readSourceText(file, boundary), file).toBeUndefined();
    }
  });
});
