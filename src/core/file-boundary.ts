import fs from 'node:fs';
import path from 'node:path';

/**
 * The only files the analysis reads besides the one ESLint hands it: regular files whose real
 * path lies inside ESLint's working directory, never a device, a FIFO or anything under
 * `/proc`, `/sys` or `/dev`, and never more than `MAX_SOURCE_BYTES`; folders likewise (listed
 * only by ./project-walk.ts). ESLint never reads a file the user did not ask it to lint; this
 * plugin follows imports, so it draws that line itself. Everything outside the boundary is
 * simply "unknown" to the analysis.
 */
export interface FileBoundary {
  /** The real path of ESLint's working directory. */
  readonly root: string;
}

/** Larger imported modules are generated code or data, never a hand-written scope list. */
export const MAX_SOURCE_BYTES = 2 * 1024 * 1024;

const READ_CHUNK_BYTES = 64 * 1024;

/** Pseudo file systems: their files report size 0, can block forever, or leak host state. */
const SPECIAL_ROOTS = ['/proc', '/sys', '/dev'];

const boundaries = new Map<string, FileBoundary>();

/** The boundary for ESLint's `context.cwd` (one object per directory, so caches can key on it). */
export function fileBoundary(cwd: string): FileBoundary {
  let boundary = boundaries.get(cwd);
  if (boundary === undefined) {
    boundary = { root: realPath(cwd) ?? path.resolve(cwd) };
    boundaries.set(cwd, boundary);
  }
  return boundary;
}

/** The file's real path when it is a regular file inside the boundary; undefined otherwise. */
export function insideBoundary(file: string, boundary: FileBoundary): string | undefined {
  const real = realPath(file);
  if (real === undefined || !isUnder(real, boundary.root) || SPECIAL_ROOTS.some((root) => isUnder(real, root))) return undefined;
  try {
    return fs.statSync(real).isFile() ? real : undefined;
  } catch {
    return undefined;
  }
}

/** Modification time of a file inside the boundary (cache key); undefined for anything else. */
export function modifiedTime(file: string, boundary: FileBoundary): number | undefined {
  const real = insideBoundary(file, boundary);
  if (real === undefined) return undefined;
  try {
    return fs.statSync(real).mtimeMs;
  } catch {
    return undefined;
  }
}

/**
 * The modification time of a file a project walk listed (./project-walk.ts): its folders are real
 * and inside the boundary, so a regular file there needs one `lstat`; a symlink takes
 * `modifiedTime`'s full checks (its target must lie inside too); anything else is undefined.
 */
export function listedFileTime(file: string, boundary: FileBoundary): number | undefined {
  try {
    const stats = fs.lstatSync(file);
    if (stats.isFile()) return stats.mtimeMs;
    return stats.isSymbolicLink() ? modifiedTime(file, boundary) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The entries of a folder whose real path lies inside the boundary (never under `/proc`, `/sys`,
 * `/dev`), with that real path; undefined when it is outside or can't be listed.
 */
export function readFolder(folder: string, boundary: FileBoundary): { readonly real: string; readonly entries: fs.Dirent[] } | undefined {
  const real = realPath(folder);
  if (real === undefined || !isUnder(real, boundary.root) || SPECIAL_ROOTS.some((root) => isUnder(real, root))) return undefined;
  try {
    return { real, entries: fs.readdirSync(folder, { withFileTypes: true }) };
  } catch {
    return undefined;
  }
}

/**
 * The text of a source file inside the boundary, read with a byte limit (a size from `stat` can't
 * be trusted: special files report 0). Undefined when outside, not a regular file, or too large.
 */
export function readSourceText(file: string, boundary: FileBoundary): string | undefined {
  const start = readFileStart(file, boundary, MAX_SOURCE_BYTES);
  return start?.whole === true ? start.bytes.toString('utf8') : undefined;
}

/**
 * The first `maxBytes` bytes of a regular file inside the boundary, and whether that is the whole
 * file; undefined when outside, not a regular file, or unreadable.
 */
export function readFileStart(
  file: string,
  boundary: FileBoundary,
  maxBytes: number,
): { readonly bytes: Buffer; readonly whole: boolean } | undefined {
  const real = insideBoundary(file, boundary);
  if (real === undefined) return undefined;
  let descriptor: number | undefined;
  try {
    // Non-blocking, so that a FIFO swapped in after the check cannot hang the open.
    descriptor = fs.openSync(real, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
    if (!fs.fstatSync(descriptor).isFile()) return undefined;
    const chunks: Buffer[] = [];
    let length = 0;
    // One byte past the limit tells a file of exactly `maxBytes` from a longer one.
    while (length <= maxBytes) {
      const chunk = Buffer.alloc(Math.min(READ_CHUNK_BYTES, maxBytes + 1 - length));
      const read = fs.readSync(descriptor, chunk, 0, chunk.length, null);
      if (read === 0) return { bytes: Buffer.concat(chunks, length), whole: true };
      chunks.push(chunk.subarray(0, read));
      length += read;
    }
    return { bytes: Buffer.concat(chunks, length).subarray(0, maxBytes), whole: false };
  } catch {
    return undefined;
  } finally {
    if (descriptor !== undefined) fs.closeSync(descriptor);
  }
}

function realPath(file: string): string | undefined {
  try {
    return fs.realpathSync.native(file);
  } catch {
    return undefined;
  }
}

/** Whether `file` is `directory` or inside it (paths compared as written, no file system access). */
export function isUnder(file: string, directory: string): boolean {
  const relative = path.relative(directory, file);
  return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}

/**
 * `directory` and the folders above it, up to the boundary's root and never above it. A relative
 * directory (ESLint's `Linter` accepts a filename like `app.js`) is taken from the root.
 */
export function foldersUp(directory: string, boundary: FileBoundary): string[] {
  const folders: string[] = [];
  for (let folder = path.resolve(boundary.root, directory); isUnder(folder, boundary.root); folder = path.dirname(folder)) {
    folders.push(folder);
    if (folder === boundary.root || path.dirname(folder) === folder) break;
  }
  return folders;
}
