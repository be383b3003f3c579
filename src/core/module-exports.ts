import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { FileBoundary } from './file-boundary.ts';
import { MAX_MODULE_HOPS, moduleView } from './module-record.ts';
import { isRelativeSpecifier, resolveModule } from './resolve.ts';
import { evaluate, memberKeyName, memberOf, propertyKeyName, UNKNOWN } from './static-value.ts';
import type { Environment, IdentifierBinding, StaticValue } from './static-value.ts';

/**
 * Constants exported by the project's modules, for `import { SCOPES } from './scopes'` and
 * `require('./scopes')`: a view of the module's record (./module-record.ts), plain data cached by
 * the mtimes of the module and of every file its exports came from.
 */
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
    (sourceCode) => {
      const scope = new ModuleScope(file, boundary, sourceCode.ast);
      return { exports: scope.evaluateExports(), reexports: scope.reexports };
    },
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
        const target = resolveModule(this.file, statement.source.value, this.boundary);
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
    if (specifier === undefined) return undefined;
    const target = resolveModule(this.file, specifier, this.boundary);
    // A package is nothing the analysis reads; a project module that isn't there is unknown.
    if (target === undefined && !isRelativeSpecifier(specifier)) return undefined;
    if (target === undefined) return { kind: 'value', value: UNKNOWN, origin: { kind: 'module', file: this.file, name } };
    return { kind: 'value', value: getModuleObject(target, this.boundary), origin: { kind: 'module', file: target, name } };
  }

  private declareImports(statement: TSESTree.ImportDeclaration): void {
    const specifier = statement.source.value;
    const target = resolveModule(this.file, specifier, this.boundary);
    if (target === undefined && !isRelativeSpecifier(specifier)) return;
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
    const target = source !== undefined ? resolveModule(this.file, source, this.boundary) : undefined;
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
