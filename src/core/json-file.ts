import { BoundedCache } from './bounded-cache.ts';
import { dependOn, fileTime } from './dependencies.ts';
import { readSourceText } from './file-boundary.ts';
import type { FileBoundary } from './file-boundary.ts';

/** Configuration files the resolver reads: package.json, tsconfig.json/jsconfig.json (JSONC). */

const jsonFiles = new BoundedCache<string, { readonly mtimeMs: number; readonly value: Record<string, unknown> | undefined }>(256);

/** A JSON (or tsconfig-style JSONC) object file read through the file boundary; undefined when unreadable. */
export function readJsonFile(file: string, boundary: FileBoundary): Record<string, unknown> | undefined {
  const mtimeMs = fileTime(file, boundary);
  dependOn(file, mtimeMs);
  const key = `${boundary.root}\0${file}`;
  const cached = jsonFiles.get(key);
  if (cached?.mtimeMs === mtimeMs) return cached.value;
  const text = readSourceText(file, boundary);
  let value: Record<string, unknown> | undefined;
  try {
    const parsed: unknown = text === undefined ? undefined : JSON.parse(withoutJsonComments(text));
    value = isRecord(parsed) ? parsed : undefined;
  } catch {
    value = undefined;
  }
  jsonFiles.set(key, { mtimeMs, value });
  return value;
}

/** tsconfig files are JSONC: comments and trailing commas (outside strings) are dropped. */
function withoutJsonComments(text: string): string {
  let result = '';
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (char === '"') {
      const start = index;
      for (index++; index < text.length && text[index] !== '"'; index++) if (text[index] === '\\') index++;
      result += text.slice(start, index + 1);
    } else if (char === '/' && text[index + 1] === '/') {
      while (index < text.length && text[index] !== '\n') index++;
      result += '\n';
    } else if (char === '/' && text[index + 1] === '*') {
      const end = text.indexOf('*/', index + 2);
      index = end === -1 ? text.length : end + 1;
    } else {
      result += char;
    }
  }
  return result.replace(/,(\s*[}\]])/g, '$1');
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
