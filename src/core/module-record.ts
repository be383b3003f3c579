import type { TSESLint } from '@typescript-eslint/utils';
import { BoundedCache } from './bounded-cache.ts';
import { collectDependencies, dependOn, dependOnAll, fileTime, unchanged } from './dependencies.ts';
import type { Dependencies } from './dependencies.ts';
import { readSourceText } from './file-boundary.ts';
import type { FileBoundary } from './file-boundary.ts';
import { MAX_MODULE_HOPS } from './limits.ts';
import { parseModule } from './parse-module.ts';

/**
 * One record per module of the project (another file than the one being linted): read and parsed
 * once, with the linted file's parser, and the answers computed from it ("views": the constants
 * it exports, the Google objects it exports) cached on it as plain data. Each view is valid while
 * the module and every file its answer came from keep their modification times, and a lookup that
 * failed while the folder it looked in keeps its own (see ./dependencies.ts). Both caches are
 * bounded, so an editor session does not grow without end.
 */
interface ModuleRecord {
  readonly mtimeMs: number;
  /**
   * The parsed module, while it is among the most recently parsed and every view computed from it
   * is still valid; undefined when unreadable or unparsable.
   */
  syntax: Readonly<TSESLint.SourceCode> | undefined | 'evicted';
  readonly views: Map<string, { readonly value: unknown; readonly dependencies: Dependencies }>;
}

/** Records of modules (plain data views): far more than a real project's imported modules. */
const MAX_MODULE_RECORDS = 2_000;
/** Parsed ASTs kept for views not yet asked for: the ones a lint is using right now. */
const MAX_PARSED_MODULES = 64;

const records = new BoundedCache<string, ModuleRecord>(MAX_MODULE_RECORDS);
const parsed = new BoundedCache<string, ModuleRecord>(MAX_PARSED_MODULES, (_key, record) => {
  if (record.syntax !== undefined) record.syntax = 'evicted';
});

/** Views being computed now, per view: an import cycle evaluates to the fallback instead of looping. */
const inProgress = new Map<string, Set<string>>();

/**
 * Imported modules nested deeper than this (brackets, braces, `${`) are not parsed: espree on
 * template literals nested ~600 deep kills Node with a fatal "RegExpCompiler Allocation failed"
 * that no `try` catches, and the user may not even lint that file. Real code stays far below.
 */
const MAX_NESTING = 256;

/**
 * The answer `compute` gives for a module (`view` names what it computes), cached on the module's
 * record; `fallback` when the module can't be read or parsed, is part of a cycle, or lies more than
 * `MAX_MODULE_HOPS` modules away. What the computation reads (other modules, resolutions) becomes
 * the answer's dependencies, and the reader's in turn.
 */
export function moduleView<T>(
  view: string,
  file: string,
  boundary: FileBoundary,
  compute: (sourceCode: Readonly<TSESLint.SourceCode>) => T,
  fallback: T,
): T {
  const mtimeMs = fileTime(file, boundary);
  dependOn(file, mtimeMs);
  if (mtimeMs === -1) return fallback;
  const key = `${boundary.root}\0${file}`;
  let record = records.get(key);
  if (record?.mtimeMs !== mtimeMs) {
    record = { mtimeMs, syntax: 'evicted', views: new Map() };
    records.set(key, record);
  }
  const cached = record.views.get(view);
  if (cached !== undefined && unchanged(cached.dependencies, boundary)) {
    dependOnAll(cached.dependencies);
    return cached.value as T;
  }
  let active = inProgress.get(view);
  if (active === undefined) inProgress.set(view, (active = new Set()));
  if (active.has(key) || active.size >= MAX_MODULE_HOPS) return fallback;
  active.add(key);
  try {
    const sourceCode = syntaxOf(record, key, file, boundary);
    const { value, dependencies } = collectDependencies(() => (sourceCode === undefined ? fallback : compute(sourceCode)));
    record.views.set(view, { value, dependencies });
    return value;
  } finally {
    active.delete(key);
  }
}

function syntaxOf(record: ModuleRecord, key: string, file: string, boundary: FileBoundary): Readonly<TSESLint.SourceCode> | undefined {
  // The evaluator memoises values on the AST's nodes: once a file a view read has changed, those
  // may be stale, so the module is parsed afresh.
  for (const [name, view] of record.views) {
    if (unchanged(view.dependencies, boundary)) continue;
    record.views.delete(name);
    record.syntax = 'evicted';
  }
  if (record.syntax === 'evicted') {
    const text = readSourceText(file, boundary);
    record.syntax = text === undefined || nestedDeeperThan(text, MAX_NESTING) ? undefined : parseModule(file, text);
  }
  parsed.set(key, record);
  return record.syntax;
}

/** An upper bound of the text's nesting (strings and comments counted too: a false alarm only makes a module unknown). */
function nestedDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 0x28 || code === 0x5b || code === 0x7b) {
      if (++depth > limit) return true;
    } else if ((code === 0x29 || code === 0x5d || code === 0x7d) && depth > 0) {
      depth--;
    }
  }
  return false;
}
