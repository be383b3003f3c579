import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { walk } from './ast-walk.ts';
import type { VisitorKeys } from './ast-walk.ts';
import { isWrittenThrough } from './mutations.ts';
import type { FileBoundary } from './file-boundary.ts';
import { MAX_MODULE_HOPS } from './limits.ts';
import { moduleView } from './module-record.ts';
import { isRelativeSpecifier, resolveModule } from './resolve.ts';
import { exportTable, requireSpecifier } from './export-table.ts';
import type { ExportTable } from './export-table.ts';
import { evaluate, memberOf, UNKNOWN } from './static-value.ts';
import type { Environment, IdentifierBinding, StaticValue } from './static-value.ts';

/*
 * Constants exported by the project's modules, for `import { SCOPES } from './scopes'` and
 * `require('./scopes')`: a view of the module's record (./module-record.ts), plain data cached by
 * the mtimes of the module and of every file its exports came from.
 */

/** Where a re-exported name is declared: the module and the name it has there. */
export interface ExportOrigin {
  readonly file: string;
  readonly name: string;
}

/** The constants a module exports (see ./module-record.ts for the cache). */
interface ModuleConstants {
  /** Export name → value. */
  readonly exports: ReadonlyMap<string, StaticValue>;
  /** Export name → the module and name it re-exports (`export { X } from './y'`, `export *`). */
  readonly reexports: ReadonlyMap<string, ExportOrigin>;
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
  return moduleConstants(file, boundary)?.exports;
}

function moduleConstants(file: string, boundary: FileBoundary): ModuleConstants | undefined {
  return moduleView<ModuleConstants | undefined>(
    'constants',
    file,
    boundary,
    (sourceCode) => new ModuleScope(file, boundary, sourceCode.ast, sourceCode.visitorKeys as VisitorKeys).readExports(),
    undefined,
  );
}

/**
 * Where an exported constant is really declared: follows `export { X } from './y'`,
 * `import { X } from './y'; export { X }` and `export * from './y'`, so a message can name the
 * file to edit rather than an index that re-exports it.
 */
export function definingModule(file: string, name: string, boundary: FileBoundary): ExportOrigin {
  let current: ExportOrigin = { file, name };
  for (let hop = 0; hop < MAX_MODULE_HOPS; hop++) {
    const next = moduleConstants(current.file, boundary)?.reexports.get(current.name);
    if (next === undefined) return current;
    current = next;
  }
  return current;
}

/** Top-level names of another module (its export table's bindings): enough to evaluate exported constants. */
class ModuleScope implements Environment {
  private readonly table: ExportTable;

  /** Names the module writes into anywhere (computed on first need). */
  private mutatedNames: ReadonlySet<string> | undefined;

  constructor(
    private readonly file: string,
    private readonly boundary: FileBoundary,
    private readonly program: TSESTree.Program,
    private readonly visitorKeys: VisitorKeys,
  ) {
    this.table = exportTable(program);
  }

  /**
   * Whether the module writes into what `name` holds (`SCOPES.push(…)`, also inside a function it
   * exports): its value is then unknown, as in the linted file. Without scope analysis a local of
   * the same name counts too: unknown, never a guess.
   */
  private isMutated(name: string): boolean {
    if (this.mutatedNames === undefined) {
      const names = new Set<string>();
      walk(this.program, this.visitorKeys, true, (node) => {
        if (node.type === AST_NODE_TYPES.Identifier && isWrittenThrough(node)) names.add(node.name);
        return true;
      });
      this.mutatedNames = names;
    }
    return this.mutatedNames.has(name);
  }

  resolveIdentifier(node: TSESTree.Identifier): IdentifierBinding | undefined {
    return this.bindingOf(node.name);
  }

  private bindingOf(name: string): IdentifierBinding | undefined {
    const binding = this.table.bindings.get(name);
    switch (binding?.kind) {
      case 'expression':
        return { kind: this.isMutated(name) ? 'mutated' : 'expression', node: binding.node, env: this, name };
      case 'import': {
        const target = resolveModule(this.file, binding.specifier, this.boundary);
        // A package is nothing the analysis reads; a project module that isn't there is unknown.
        if (target === undefined && !isRelativeSpecifier(binding.specifier)) return undefined;
        const imported = binding.name;
        const boundary = this.boundary;
        return {
          kind: 'value',
          get value() {
            if (target === undefined) return UNKNOWN;
            return imported === undefined ? getModuleObject(target, boundary) : getExportedValue(target, imported, boundary);
          },
          origin: { node: undefined, file: target ?? this.file, name: imported ?? name },
        };
      }
      case 'destructured': {
        const { init, key } = binding;
        const read = (): StaticValue => {
          const specifier = requireSpecifier(init);
          const target = specifier === undefined ? undefined : resolveModule(this.file, specifier, this.boundary);
          const object =
            specifier === undefined ? evaluate(init, this) : target === undefined ? UNKNOWN : getModuleObject(target, this.boundary);
          return object.kind === 'object' ? (object.properties[key] ?? UNKNOWN) : UNKNOWN;
        };
        return {
          kind: 'value',
          get value() {
            return read();
          },
          origin: { node: undefined, file: this.file, name },
        };
      }
      default:
        return undefined;
    }
  }

  /** Every export's value, and where the re-exported ones are declared. */
  readExports(): ModuleConstants {
    const exports = new Map<string, StaticValue>();
    const reexports = new Map<string, ExportOrigin>();
    for (const [name, entry] of this.table.exports) {
      switch (entry.kind) {
        case 'binding': {
          const binding = this.bindingOf(entry.name);
          exports.set(
            name,
            binding === undefined || binding.kind === 'mutated'
              ? UNKNOWN
              : binding.kind === 'value'
                ? binding.value
                : evaluate(binding.node, binding.env),
          );
          const imported = this.table.bindings.get(entry.name);
          // `import { X } from './y'; export { X }`: declared in ./y.
          if (imported?.kind === 'import' && imported.name !== undefined) {
            const target = resolveModule(this.file, imported.specifier, this.boundary);
            if (target !== undefined) reexports.set(name, { file: target, name: imported.name });
          }
          break;
        }
        case 'expression':
          exports.set(name, evaluate(entry.node, this));
          break;
        case 'reexport': {
          const target = resolveModule(this.file, entry.specifier, this.boundary);
          exports.set(name, target === undefined ? UNKNOWN : getExportedValue(target, entry.name, this.boundary));
          if (target !== undefined) reexports.set(name, { file: target, name: entry.name });
          break;
        }
        case 'namespace': {
          const target = resolveModule(this.file, entry.specifier, this.boundary);
          if (target !== undefined) exports.set(name, getModuleObject(target, this.boundary));
          break;
        }
      }
    }
    if (this.table.moduleExports !== undefined) exports.set('module.exports', evaluate(this.table.moduleExports, this));
    for (const specifier of this.table.starExports) {
      const target = resolveModule(this.file, specifier, this.boundary);
      const starred = target === undefined ? undefined : loadModule(target, this.boundary);
      if (target === undefined || starred === undefined) continue;
      for (const [name, value] of starred) {
        if (name === 'default' || name === 'module.exports' || exports.has(name)) continue;
        exports.set(name, value);
        reexports.set(name, { file: target, name });
      }
    }
    return { exports, reexports };
  }
}
