import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { memberKeyName, propertyKeyName } from './static-value.ts';

/**
 * What a module exports and what its top-level names are bound to, read in one walk over its
 * top-level statements and left unevaluated: references to the nodes that hold each value, and
 * module specifiers as written (resolved by whoever follows them). The constants view
 * (./module-exports.ts) evaluates these references; the Google view (src/google/analyzer.ts)
 * classifies the same ones: one export walker for both.
 */
export interface ExportTable {
  /** Export name (`default` included) → where its value is. */
  readonly exports: ReadonlyMap<string, ExportEntry>;
  /** `export * from './x'`, in order: names not exported otherwise come from these. */
  readonly starExports: readonly string[];
  /** `module.exports = value` (the last one). */
  readonly moduleExports: TSESTree.Expression | undefined;
  /** Top-level names → what they are bound to. */
  readonly bindings: ReadonlyMap<string, TopLevelBinding>;
}

export type ExportEntry =
  /** A top-level name (`export const X = …`, `export function f`, `export { X }`); `node` is its identifier or declaration. */
  | { readonly kind: 'binding'; readonly name: string; readonly node: TSESTree.Node }
  /** `export default …`, `exports.X = …`. */
  | { readonly kind: 'expression'; readonly node: TSESTree.Node }
  /** `export { X as Y } from './x'` (name: X). */
  | { readonly kind: 'reexport'; readonly specifier: string; readonly name: string }
  /** `export * as ns from './x'`. */
  | { readonly kind: 'namespace'; readonly specifier: string };

export type TopLevelBinding =
  /** `const x = init`. */
  | { readonly kind: 'expression'; readonly node: TSESTree.Expression }
  /** `import { name } from`, `import name from` ('default'), `import * as x from` (undefined), `const x = require(…)` (undefined). */
  | { readonly kind: 'import'; readonly specifier: string; readonly name: string | undefined }
  /** `const { key: x } = init` (init may be a `require(…)`). */
  | { readonly kind: 'destructured'; readonly init: TSESTree.Expression; readonly key: string };

const tables = new WeakMap<TSESTree.Program, ExportTable>();

export function exportTable(program: TSESTree.Program): ExportTable {
  let table = tables.get(program);
  if (table === undefined) {
    table = readExportTable(program);
    tables.set(program, table);
  }
  return table;
}

function readExportTable(program: TSESTree.Program): ExportTable {
  const exports = new Map<string, ExportEntry>();
  const starExports: string[] = [];
  const bindings = new Map<string, TopLevelBinding>();
  let moduleExports: TSESTree.Expression | undefined;

  const declareVariables = (declaration: TSESTree.VariableDeclaration, exported: boolean): void => {
    for (const declarator of declaration.declarations) {
      const init = declarator.init;
      if (init === null) continue;
      if (declarator.id.type === AST_NODE_TYPES.Identifier) {
        const name = declarator.id.name;
        const specifier = requireSpecifier(init);
        bindings.set(name, specifier === undefined ? { kind: 'expression', node: init } : { kind: 'import', specifier, name: undefined });
        if (exported) exports.set(name, { kind: 'binding', name, node: declarator.id });
      } else if (declarator.id.type === AST_NODE_TYPES.ObjectPattern) {
        for (const property of declarator.id.properties) {
          if (property.type !== AST_NODE_TYPES.Property || property.value.type !== AST_NODE_TYPES.Identifier) continue;
          const key = propertyKeyName(property);
          if (key === undefined) continue;
          const name = property.value.name;
          bindings.set(name, { kind: 'destructured', init, key });
          if (exported) exports.set(name, { kind: 'binding', name, node: property.value });
        }
      }
    }
  };

  for (const statement of program.body) {
    switch (statement.type) {
      case AST_NODE_TYPES.VariableDeclaration:
        declareVariables(statement, false);
        break;
      case AST_NODE_TYPES.ImportDeclaration:
        for (const imported of statement.specifiers) {
          const name =
            imported.type === AST_NODE_TYPES.ImportSpecifier
              ? moduleExportName(imported.imported)
              : imported.type === AST_NODE_TYPES.ImportDefaultSpecifier
                ? 'default'
                : undefined;
          bindings.set(imported.local.name, { kind: 'import', specifier: statement.source.value, name });
        }
        break;
      case AST_NODE_TYPES.ExportNamedDeclaration: {
        const declaration = statement.declaration;
        if (declaration?.type === AST_NODE_TYPES.VariableDeclaration) declareVariables(declaration, true);
        else if (declaration?.type === AST_NODE_TYPES.FunctionDeclaration && declaration.id !== null) {
          exports.set(declaration.id.name, { kind: 'binding', name: declaration.id.name, node: declaration });
        }
        const source = statement.source?.value;
        for (const specifier of statement.specifiers) {
          const local = moduleExportName(specifier.local);
          const exported = moduleExportName(specifier.exported);
          exports.set(
            exported,
            source !== undefined
              ? { kind: 'reexport', specifier: source, name: local }
              : { kind: 'binding', name: local, node: specifier.local },
          );
        }
        break;
      }
      case AST_NODE_TYPES.ExportDefaultDeclaration:
        exports.set('default', { kind: 'expression', node: statement.declaration });
        break;
      case AST_NODE_TYPES.ExportAllDeclaration:
        if (statement.exported === null) starExports.push(statement.source.value);
        else exports.set(moduleExportName(statement.exported), { kind: 'namespace', specifier: statement.source.value });
        break;
      case AST_NODE_TYPES.ExpressionStatement: {
        // `module.exports = …`, `module.exports.X = …`, `exports.X = …`.
        const expression = statement.expression;
        if (expression.type !== AST_NODE_TYPES.AssignmentExpression || expression.operator !== '=') break;
        const target = expression.left;
        if (target.type !== AST_NODE_TYPES.MemberExpression) break;
        if (isModuleExports(target)) {
          moduleExports = expression.right;
          break;
        }
        const key = memberKeyName(target);
        if (key !== undefined && (isModuleExports(target.object) || isIdentifier(target.object, 'exports'))) {
          exports.set(key, { kind: 'expression', node: expression.right });
        }
        break;
      }
      default:
        break;
    }
  }
  return { exports, starExports, moduleExports, bindings };
}

function isIdentifier(node: TSESTree.Node, name: string): boolean {
  return node.type === AST_NODE_TYPES.Identifier && node.name === name;
}

function isModuleExports(node: TSESTree.Node): boolean {
  return node.type === AST_NODE_TYPES.MemberExpression && isIdentifier(node.object, 'module') && memberKeyName(node) === 'exports';
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
