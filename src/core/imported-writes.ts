import path from 'node:path';
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { walk } from './ast-walk.ts';
import type { VisitorKeys } from './ast-walk.ts';
import { exportTable, requireSpecifier } from './export-table.ts';
import { listedFileTime, readSourceText } from './file-boundary.ts';
import type { FileBoundary } from './file-boundary.ts';
import { projectSourceFiles } from './importers.ts';
import { definingModule } from './module-exports.ts';
import { moduleView } from './module-record.ts';
import { isWrittenThrough } from './mutations.ts';
import { resolveModule } from './resolve.ts';

/*
 * Exports that another module writes into: `import { SCOPES } from './scopes'; SCOPES.push(…)` in
 * one module changes what every other importer of ./scopes reads (review 3 H10, across three
 * modules). An index of the module names each project file's quoted specifiers end in (one pass
 * over the files' text, each file re-read only when its mtime changes, at most once per
 * `RECHECK_MS`) gives the few files that may import a module; only those are parsed (their module
 * records are shared with every other view) to read which imported names they write through.
 */

/** The index is rebuilt at most this often (as the scope inventory: one snapshot per ESLint run). */
const RECHECK_MS = 1_000;
const MAX_PROJECTS = 16;
const MAX_CACHED_FILES = 50_000;

/** `from './x'`, `import('./x')`, `require('./x')`, `import './x'`: the quoted specifier. */
const SPECIFIER = /(?:\bfrom|\bimport|\brequire)\s*\(?\s*(['"`])([^'"`\n]{1,300})\1/g;
const SOURCE_EXTENSION = /\.[cm]?[jt]sx?$/;

/** Module name → files whose specifiers end in it; undefined when the project can't be listed or read. */
type SpecifierIndex = ReadonlyMap<string, readonly string[]> | undefined;

const indexes = new Map<string, { readonly checkedAt: number; readonly index: SpecifierIndex }>();
/** Per file, by mtime: the module names its specifiers end in (undefined: unreadable). */
const fileNames = new Map<string, { readonly mtimeMs: number; readonly names: readonly string[] | undefined }>();

/**
 * Whether another module of `project` writes into export `name` of `file` (`undefined`: into any
 * of its exports), by importing it under its module name. `undefined` when that can't be told (the
 * project can't be listed, or a file that may import it can't be parsed): unknown, as a write.
 */
export function isWrittenByImporters(file: string, name: string | undefined, project: string, boundary: FileBoundary): boolean | undefined {
  const index = specifierIndex(project, boundary);
  if (index === undefined) return undefined;
  for (const candidate of index.get(moduleName(file)) ?? []) {
    if (candidate === file) continue;
    const written = moduleView<readonly string[] | undefined>(
      'imported-writes',
      candidate,
      boundary,
      (sourceCode) => writtenImports(candidate, sourceCode.ast, sourceCode.visitorKeys as VisitorKeys, boundary),
      undefined,
    );
    if (written === undefined) return undefined;
    const prefix = `${file}\0`;
    if (written.some((key) => key === `${file}\0*` || (name === undefined ? key.startsWith(prefix) : key === `${prefix}${name}`)))
      return true;
  }
  return false;
}

/** Forgets every index (tests). */
export function clearImportedWrites(): void {
  indexes.clear();
  fileNames.clear();
}

/** The name importers end a specifier with: the file's stem, or its folder's name for an `index` module. */
function moduleName(file: string): string {
  const stem = path.basename(file).replace(SOURCE_EXTENSION, '');
  return stem === 'index' ? path.basename(path.dirname(file)) : stem;
}

/** `'./lib/scopes.js'`, `'#lib/scopes'`, `'../scopes/index'` → `scopes`. */
function specifierName(specifier: string): string {
  const segments = specifier.replace(SOURCE_EXTENSION, '').split(/[/#]/).filter(Boolean);
  if (segments.at(-1) === 'index') segments.pop();
  return segments.at(-1) ?? '';
}

function specifierIndex(project: string, boundary: FileBoundary): SpecifierIndex {
  const key = `${boundary.root}\0${project}`;
  const cached = indexes.get(key);
  if (cached !== undefined && Date.now() - cached.checkedAt < RECHECK_MS) return cached.index;
  const index = buildIndex(project, boundary);
  indexes.delete(key);
  if (indexes.size >= MAX_PROJECTS) indexes.delete(indexes.keys().next().value!);
  indexes.set(key, { checkedAt: Date.now(), index });
  return index;
}

function buildIndex(project: string, boundary: FileBoundary): SpecifierIndex {
  const files = projectSourceFiles(project, boundary);
  if (files === undefined) return undefined;
  const index = new Map<string, string[]>();
  for (const file of files) {
    const names = namesImportedBy(file, boundary);
    if (names === undefined) return undefined;
    for (const name of names) {
      let importers = index.get(name);
      if (importers === undefined) index.set(name, (importers = []));
      importers.push(file);
    }
  }
  return index;
}

function namesImportedBy(file: string, boundary: FileBoundary): readonly string[] | undefined {
  const mtimeMs = listedFileTime(file, boundary);
  if (mtimeMs === undefined) return [];
  const known = fileNames.get(file);
  if (known?.mtimeMs === mtimeMs) return known.names;
  const text = readSourceText(file, boundary);
  const names = text === undefined ? undefined : [...new Set([...text.matchAll(SPECIFIER)].map((match) => specifierName(match[2]!)))];
  if (fileNames.size >= MAX_CACHED_FILES) fileNames.clear();
  fileNames.set(file, { mtimeMs, names });
  return names;
}

/**
 * `${module}\0${export}` for each imported name the module writes through (`${module}\0*` for a
 * namespace or a whole `require(…)`), the module being where the export is declared.
 */
function writtenImports(file: string, program: TSESTree.Program, visitorKeys: VisitorKeys, boundary: FileBoundary): string[] {
  const written = new Set<string>();
  walk(program, visitorKeys, true, (node) => {
    if (node.type === AST_NODE_TYPES.Identifier && isWrittenThrough(node)) written.add(node.name);
    return true;
  });
  const keys = new Set<string>();
  const { bindings } = exportTable(program);
  for (const name of written) {
    const binding = bindings.get(name);
    let specifier: string | undefined;
    let imported: string | undefined;
    if (binding?.kind === 'import') {
      specifier = binding.specifier;
      imported = binding.name;
    } else if (binding?.kind === 'destructured') {
      specifier = requireSpecifier(binding.init);
      imported = binding.key;
    }
    const target = specifier === undefined ? undefined : resolveModule(file, specifier, boundary);
    if (target === undefined) continue;
    if (imported === undefined) {
      keys.add(`${target}\0*`);
      continue;
    }
    const declared = definingModule(target, imported, boundary);
    keys.add(`${declared.file}\0${declared.name}`);
    keys.add(`${target}\0${imported}`);
  }
  return [...keys];
}
