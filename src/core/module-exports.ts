import { statSync } from 'node:fs';
import path from 'node:path';
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { insideBoundary, modifiedTime, readSourceText } from './file-boundary.ts';
import type { FileBoundary } from './file-boundary.ts';
import { parseModule } from './parse-module.ts';
import { evaluate, memberKeyName, memberOf, propertyKeyName, UNKNOWN } from './static-value.ts';
import type { Environment, IdentifierBinding, StaticValue } from './static-value.ts';

/**
 * Constants exported by relative modules, for `import { SCOPES } from './scopes'` and
 * `require('./scopes')`. Each file is read and parsed once per process; the cache holds plain
 * data keyed by path + mtime (and the mtimes of the files its exports came from), failed lookups
 * included (as eslint-plugin-import-x does).
 */
interface CachedModule {
  readonly mtimeMs: number;
  /** Export name → value; `undefined` when the file could not be read or parsed. */
  readonly exports: ReadonlyMap<string, StaticValue> | undefined;
  /** Export name → the module and name it re-exports (`export { X } from './y'`, `export *`). */
  readonly reexports: ReadonlyMap<string, ExportOrigin>;
  /** Every other file its exports were computed from, with its mtime: a barrel is stale when one changes. */
  readonly dependencies: ReadonlyMap<string, number>;
}

export interface ExportOrigin {
  readonly file: string;
  readonly name: string;
}

const moduleCache = new Map<string, CachedModule>();
/**
 * Resolved specifiers. A failed lookup keeps the modification times of the folders its
 * candidates live in, and is tried again when one of them changes (a module created after the
 * first lint, as import-x re-checks its failed lookups): editors see new files without a restart.
 */
const resolutionCache = new Map<string, string | { readonly missing: string }>();
/** Files being evaluated right now: an import cycle evaluates to unknown instead of looping. */
const inProgress = new Set<string>();
/** The dependencies of the modules being read right now, innermost last. */
const collecting: Map<string, number>[] = [];

/**
 * Modules followed from one file before the rest is unknown: real barrels are a few levels deep,
 * and a generated chain of hundreds must not exhaust the stack.
 */
export const MAX_MODULE_HOPS = 32;

/**
 * Imported modules nested deeper than this (brackets, braces, `${`) are not parsed: espree on
 * template literals nested ~600 deep kills Node with a fatal "RegExpCompiler Allocation failed"
 * that no `try` catches, and the user may not even lint that file. Real code stays far below.
 */
const MAX_NESTING = 256;

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

const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

export function isRelativeSpecifier(specifier: string): boolean {
  return specifier.startsWith('./') || specifier.startsWith('../') || specifier === '.' || specifier === '..';
}

/**
 * Node/TypeScript-style resolution of a relative specifier: exact, extensions, `.js`→`.ts`, index
 * files; only files inside the boundary exist for it.
 */
export function resolveRelativeModule(fromFile: string, specifier: string, boundary: FileBoundary): string | undefined {
  const key = `${boundary.root}\0${fromFile}\0${specifier}`;
  const base = path.resolve(path.dirname(fromFile), specifier);
  const cached = resolutionCache.get(key);
  if (typeof cached === 'string') return cached;
  if (cached !== undefined && cached.missing === candidateFolders(base, boundary)) return undefined;
  const candidates = [base];
  const withoutJsExtension = base.replace(/\.(m|c)?jsx?$/, '');
  for (const extension of EXTENSIONS) candidates.push(base + extension);
  if (withoutJsExtension !== base) for (const extension of EXTENSIONS) candidates.push(withoutJsExtension + extension);
  for (const extension of EXTENSIONS) candidates.push(path.join(base, `index${extension}`));
  const found = candidates.find((candidate) => insideBoundary(candidate, boundary) !== undefined);
  resolutionCache.set(key, found ?? { missing: candidateFolders(base, boundary) });
  return found;
}

/**
 * The folders a specifier's candidates live in (`x.js` beside it, `x/index.js`), as their mtimes.
 * Outside the working directory nothing ever resolves, so nothing there is looked at.
 */
function candidateFolders(base: string, boundary: FileBoundary): string {
  if (path.relative(boundary.root, base).startsWith('..')) return 'outside';
  return [path.dirname(base), base].map((folder) => statSync(folder, { throwIfNoEntry: false })?.mtimeMs ?? -1).join(' ');
}

/** The value exported under `name` (`default` for default exports), or unknown. */
export function getExportedValue(file: string, name: string, boundary: FileBoundary): StaticValue {
  const exports = loadModule(file, boundary);
  if (exports === undefined) return UNKNOWN;
  const named = exports.get(name);
  if (named !== undefined) return named;
  // CommonJS `module.exports = { NAME: … }` seen through `import { NAME }` or destructured require.
  const commonJs = exports.get('module.exports');
  if (commonJs === undefined) return UNKNOWN;
  return name === 'default' ? commonJs : memberOf(commonJs, name);
}

/** All named exports as one object value (what `require('./x')` returns). */
export function getModuleObject(file: string, boundary: FileBoundary): StaticValue {
  const exports = loadModule(file, boundary);
  if (exports === undefined) return UNKNOWN;
  const commonJs = exports.get('module.exports');
  if (commonJs !== undefined) return commonJs;
  return { kind: 'object', properties: Object.fromEntries(exports) };
}

function loadModule(file: string, boundary: FileBoundary): ReadonlyMap<string, StaticValue> | undefined {
  const mtimeMs = modifiedTime(file, boundary);
  if (mtimeMs === undefined) return undefined;
  const key = cacheKey(file, boundary);
  const cached = moduleCache.get(key);
  if (cached?.mtimeMs === mtimeMs && unchanged(cached.dependencies, boundary)) {
    dependedOn(file, mtimeMs, cached.dependencies);
    return cached.exports;
  }
  if (inProgress.has(key) || inProgress.size >= MAX_MODULE_HOPS) return undefined;
  inProgress.add(key);
  const dependencies = new Map<string, number>();
  collecting.push(dependencies);
  try {
    const read = readExports(file, boundary);
    moduleCache.set(key, { mtimeMs, exports: read?.exports, reexports: read?.reexports ?? new Map(), dependencies });
    return read?.exports;
  } finally {
    collecting.pop();
    inProgress.delete(key);
    dependedOn(file, mtimeMs, dependencies);
  }
}

/** Tells the module being read (if any) that its exports came partly from `file` and its dependencies. */
function dependedOn(file: string, mtimeMs: number, dependencies: ReadonlyMap<string, number>): void {
  const reader = collecting.at(-1);
  if (reader === undefined) return;
  reader.set(file, mtimeMs);
  for (const [dependency, time] of dependencies) reader.set(dependency, time);
}

function unchanged(dependencies: ReadonlyMap<string, number>, boundary: FileBoundary): boolean {
  for (const [file, mtimeMs] of dependencies) if (modifiedTime(file, boundary) !== mtimeMs) return false;
  return true;
}

/** A module's facts depend on what its boundary lets it read. */
function cacheKey(file: string, boundary: FileBoundary): string {
  return `${boundary.root}\0${file}`;
}

/**
 * Where an exported constant is really declared: follows `export { X } from './y'`,
 * `import { X } from './y'; export { X }` and `export * from './y'`, so a message can name the
 * file to edit rather than an index that re-exports it.
 */
export function definingModule(file: string, name: string, boundary: FileBoundary): ExportOrigin {
  let current: ExportOrigin = { file, name };
  for (let hop = 0; hop < MAX_MODULE_HOPS; hop++) {
    loadModule(current.file, boundary);
    const next = moduleCache.get(cacheKey(current.file, boundary))?.reexports.get(current.name);
    if (next === undefined) return current;
    current = next;
  }
  return current;
}

function readExports(
  file: string,
  boundary: FileBoundary,
): { exports: ReadonlyMap<string, StaticValue>; reexports: ReadonlyMap<string, ExportOrigin> } | undefined {
  const text = readSourceText(file, boundary);
  const sourceCode = text === undefined || nestedDeeperThan(text, MAX_NESTING) ? undefined : parseModule(file, text);
  if (sourceCode === undefined) return undefined;
  const scope = new ModuleScope(file, boundary, sourceCode.ast);
  return { exports: scope.evaluateExports(), reexports: scope.reexports };
}

/** Top-level names of another module: enough to evaluate exported constants. */
class ModuleScope implements Environment {
  private readonly declarations = new Map<string, IdentifierBinding>();
  private readonly exportNodes = new Map<string, () => StaticValue>();
  readonly reexports = new Map<string, ExportOrigin>();

  constructor(
    private readonly file: string,
    private readonly boundary: FileBoundary,
    program: TSESTree.Program,
  ) {
    for (const statement of program.body) this.collect(statement);
  }

  resolveIdentifier(node: TSESTree.Identifier): IdentifierBinding | undefined {
    return this.declarations.get(node.name);
  }

  evaluateExports(): ReadonlyMap<string, StaticValue> {
    const result = new Map<string, StaticValue>();
    for (const [name, read] of this.exportNodes) result.set(name, read());
    return result;
  }

  private collect(statement: TSESTree.ProgramStatement): void {
    switch (statement.type) {
      case AST_NODE_TYPES.VariableDeclaration:
        this.declareVariables(statement, false);
        return;
      case AST_NODE_TYPES.ImportDeclaration:
        this.declareImports(statement);
        return;
      case AST_NODE_TYPES.ExportNamedDeclaration:
        this.collectNamedExport(statement);
        return;
      case AST_NODE_TYPES.ExportDefaultDeclaration: {
        const declaration = statement.declaration;
        this.exportNodes.set('default', () => evaluate(declaration, this));
        return;
      }
      case AST_NODE_TYPES.ExportAllDeclaration: {
        const target = resolveRelativeModule(this.file, statement.source.value, this.boundary);
        if (target === undefined) return;
        if (statement.exported !== null) {
          const exportedName = moduleExportName(statement.exported);
          this.exportNodes.set(exportedName, () => getModuleObject(target, this.boundary));
          return;
        }
        const exports = loadModule(target, this.boundary);
        if (exports === undefined) return;
        for (const [name, value] of exports) {
          if (name !== 'default' && !this.exportNodes.has(name)) {
            this.exportNodes.set(name, () => value);
            this.reexports.set(name, { file: target, name });
          }
        }
        return;
      }
      case AST_NODE_TYPES.ExpressionStatement:
        this.collectCommonJsExport(statement.expression);
        return;
      default:
        return;
    }
  }

  private declareVariables(statement: TSESTree.VariableDeclaration, exported: boolean): void {
    for (const declarator of statement.declarations) {
      if (declarator.init === null) continue;
      const init = declarator.init;
      if (declarator.id.type === AST_NODE_TYPES.Identifier) {
        const name = declarator.id.name;
        // A `require('./x')` initialiser is the other module's exports object.
        const binding: IdentifierBinding = this.requireBinding(init, name) ?? {
          kind: 'expression',
          node: init,
          env: this,
          name,
        };
        this.declarations.set(name, binding);
        if (exported) this.exportNodes.set(name, () => evaluate(init, this));
      } else if (declarator.id.type === AST_NODE_TYPES.ObjectPattern) {
        const source = this.requireBinding(init, '');
        for (const property of declarator.id.properties) {
          if (property.type !== AST_NODE_TYPES.Property || property.value.type !== AST_NODE_TYPES.Identifier) continue;
          const key = propertyKeyName(property);
          if (key === undefined) continue;
          const localName = property.value.name;
          const read = (): StaticValue => {
            const objectValue =
              source?.kind === 'value' ? source.value : evaluate(init, this);
            return objectValue.kind === 'object' ? (objectValue.properties[key] ?? UNKNOWN) : UNKNOWN;
          };
          this.declarations.set(localName, {
            kind: 'value',
            get value() {
              return read();
            },
            origin: { kind: 'module', file: this.file, name: localName },
          });
          if (exported) this.exportNodes.set(localName, read);
        }
      }
    }
  }

  private requireBinding(init: TSESTree.Expression, name: string): IdentifierBinding | undefined {
    const specifier = requireSpecifier(init);
    if (specifier === undefined || !isRelativeSpecifier(specifier)) return undefined;
    const target = resolveRelativeModule(this.file, specifier, this.boundary);
    if (target === undefined) return { kind: 'value', value: UNKNOWN, origin: { kind: 'module', file: this.file, name } };
    return { kind: 'value', value: getModuleObject(target, this.boundary), origin: { kind: 'module', file: target, name } };
  }

  private declareImports(statement: TSESTree.ImportDeclaration): void {
    const specifier = statement.source.value;
    if (!isRelativeSpecifier(specifier)) return;
    const target = resolveRelativeModule(this.file, specifier, this.boundary);
    const boundary = this.boundary;
    for (const imported of statement.specifiers) {
      const importedName =
        imported.type === AST_NODE_TYPES.ImportSpecifier
          ? moduleExportName(imported.imported)
          : imported.type === AST_NODE_TYPES.ImportDefaultSpecifier
            ? 'default'
            : undefined;
      const localName = imported.local.name;
      this.declarations.set(localName, {
        kind: 'value',
        get value() {
          if (target === undefined) return UNKNOWN;
          return importedName === undefined ? getModuleObject(target, boundary) : getExportedValue(target, importedName, boundary);
        },
        origin: { kind: 'module', file: target ?? this.file, name: importedName ?? localName },
      });
    }
  }

  private collectNamedExport(statement: TSESTree.ExportNamedDeclaration): void {
    if (statement.declaration?.type === AST_NODE_TYPES.VariableDeclaration) {
      this.declareVariables(statement.declaration, true);
      return;
    }
    const source = statement.source?.value;
    const target = source !== undefined ? resolveRelativeModule(this.file, source, this.boundary) : undefined;
    for (const specifier of statement.specifiers) {
      const localName = moduleExportName(specifier.local);
      const exportedName = moduleExportName(specifier.exported);
      if (source !== undefined) {
        this.exportNodes.set(exportedName, () =>
          target === undefined ? UNKNOWN : getExportedValue(target, localName, this.boundary),
        );
        if (target !== undefined) this.reexports.set(exportedName, { file: target, name: localName });
      } else {
        const binding = this.declarations.get(localName);
        if (binding?.kind === 'value' && binding.origin.kind === 'module' && binding.origin.file !== this.file) {
          this.reexports.set(exportedName, { file: binding.origin.file, name: binding.origin.name });
        }
        this.exportNodes.set(exportedName, () => {
          const binding = this.declarations.get(localName);
          if (binding === undefined) return UNKNOWN;
          return binding.kind === 'value' ? binding.value : evaluate(binding.node, binding.env);
        });
      }
    }
  }

  /** `module.exports = …`, `module.exports.X = …`, `exports.X = …`. */
  private collectCommonJsExport(expression: TSESTree.Expression): void {
    if (expression.type !== AST_NODE_TYPES.AssignmentExpression || expression.operator !== '=') return;
    const target = expression.left;
    if (target.type !== AST_NODE_TYPES.MemberExpression) return;
    const right = expression.right;
    const key = memberKeyName(target);
    if (isModuleExports(target)) {
      this.exportNodes.set('module.exports', () => evaluate(right, this));
      return;
    }
    if (key !== undefined && (isModuleExports(target.object) || isIdentifier(target.object, 'exports'))) {
      this.exportNodes.set(key, () => evaluate(right, this));
    }
  }
}

function isIdentifier(node: TSESTree.Node, name: string): boolean {
  return node.type === AST_NODE_TYPES.Identifier && node.name === name;
}

function isModuleExports(node: TSESTree.Node): boolean {
  return (
    node.type === AST_NODE_TYPES.MemberExpression &&
    isIdentifier(node.object, 'module') &&
    memberKeyName(node) === 'exports'
  );
}

export function moduleExportName(node: TSESTree.Identifier | TSESTree.StringLiteral): string {
  return node.type === AST_NODE_TYPES.Identifier ? node.name : node.value;
}

/** `require('x')` → `x`. */
export function requireSpecifier(node: TSESTree.Node): string | undefined {
  if (
    node.type === AST_NODE_TYPES.CallExpression &&
    isIdentifier(node.callee, 'require') &&
    node.arguments.length === 1 &&
    node.arguments[0]?.type === AST_NODE_TYPES.Literal &&
    typeof node.arguments[0].value === 'string'
  ) {
    return node.arguments[0].value;
  }
  return undefined;
}

/** For tests: forget cached modules. */
export function clearModuleCache(): void {
  moduleCache.clear();
  resolutionCache.clear();
}
