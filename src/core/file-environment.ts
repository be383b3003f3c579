import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { findVariable } from '@eslint-community/eslint-utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { moduleExportName, requireSpecifier } from './export-table.ts';
import { definingModule, getExportedValue, getModuleObject } from './module-exports.ts';
import { isRelativeSpecifier, resolveModule } from './resolve.ts';
import type { FileBoundary } from './file-boundary.ts';
import { isWrittenThrough } from './mutations.ts';
import { escapes } from './escapes.ts';
import { MAX_REFERENCE_DEPTH } from './limits.ts';
import { evaluate, memberKeyName, memberOf, propertyKeyName, UNKNOWN } from './static-value.ts';
import type { Environment, IdentifierBinding, Origin, StaticValue } from './static-value.ts';

type Variable = TSESLint.Scope.Variable;

/** Where an identifier's value comes from in the linted file. */
export type VariableSource =
  /** `const x = init` or a variable written exactly once. */
  | { readonly kind: 'init'; readonly node: TSESTree.Expression; readonly name: string }
  /** `const { a: { b } } = init` → init and the key path ['a', 'b']. */
  | { readonly kind: 'destructured'; readonly init: TSESTree.Expression; readonly path: readonly string[] }
  /** `import x from 'm'` (path ['default']), `import { a } from 'm'` (['a']), `import * as x` ([]), `require('m')`. */
  | { readonly kind: 'module'; readonly module: string; readonly path: readonly string[] }
  /** A variable assigned several times: every written value. */
  | { readonly kind: 'writes'; readonly nodes: readonly TSESTree.Expression[] }
  | { readonly kind: 'parameter'; readonly fn: TSESTree.FunctionLike; readonly index: number }
  | { readonly kind: 'function'; readonly fn: TSESTree.FunctionLike };

/** Scope analysis of the linted file, shared by constant evaluation and client tracing. */
export class FileEnvironment implements Environment {
  constructor(
    readonly sourceCode: Readonly<TSESLint.SourceCode>,
    readonly filename: string,
    /** What other files of the project the analysis may read. */
    readonly boundary: FileBoundary,
    /** Every call in the file, from the analysis's one walk of the AST (this class never walks it again). */
    private readonly calls: readonly TSESTree.CallExpression[],
    /**
     * Whether another module writes into export `name` of `file` (any export when undefined;
     * undefined when that can't be told): ./imported-writes.ts, given when the project may be searched.
     */
    private readonly writtenByImporters?: (file: string, name: string | undefined) => boolean | undefined,
  ) {}

  findVariable(node: TSESTree.Identifier): Variable | undefined {
    // eslint-utils is typed for ESTree; the scope and node are ESLint's own at run time.
    return (findVariable(this.sourceCode.getScope(node) as never, node as never) as Variable | null) ?? undefined;
  }

  /**
   * Per-variable answers: both scan every reference of the variable, and a client used by 16,000
   * calls is asked about once per call.
   */
  private readonly sources = new WeakMap<Variable, VariableSource | undefined>();
  private readonly mutated = new WeakMap<Variable, boolean>();

  /** What a variable holds, or undefined when it is a global, mutated or otherwise unknowable. */
  variableSource(variable: Variable): VariableSource | undefined {
    if (this.sources.has(variable)) return this.sources.get(variable);
    const source = this.computeVariableSource(variable);
    this.sources.set(variable, source);
    return source;
  }

  private computeVariableSource(variable: Variable): VariableSource | undefined {
    if (variable.defs.length !== 1) return undefined;
    const def = variable.defs[0]!;
    switch (def.type) {
      case 'ImportBinding': {
        const declaration = def.parent;
        if (declaration.type !== AST_NODE_TYPES.ImportDeclaration) return undefined;
        const module = declaration.source.value;
        const specifier = def.node;
        if (specifier.type === AST_NODE_TYPES.ImportSpecifier)
          return { kind: 'module', module, path: [moduleExportName(specifier.imported)] };
        if (specifier.type === AST_NODE_TYPES.ImportDefaultSpecifier) return { kind: 'module', module, path: ['default'] };
        if (specifier.type === AST_NODE_TYPES.ImportNamespaceSpecifier) return { kind: 'module', module, path: [] };
        return undefined;
      }
      case 'Variable': {
        const declarator = def.node;
        const writes = variable.references.filter((reference) => reference.isWrite());
        if (declarator.id.type === AST_NODE_TYPES.Identifier) {
          if (writes.length === 1 && writes[0]!.writeExpr !== null && writes[0]!.writeExpr !== undefined) {
            const written = writes[0]!.writeExpr as TSESTree.Expression;
            const specifier = requireSpecifier(written);
            if (specifier !== undefined) return { kind: 'module', module: specifier, path: [] };
            return { kind: 'init', node: written, name: variable.name };
          }
          const nodes = writes
            .map((reference) => reference.writeExpr as TSESTree.Expression | null | undefined)
            .filter((node): node is TSESTree.Expression => node !== null && node !== undefined);
          if (nodes.length > 1 && nodes.length === writes.length) return { kind: 'writes', nodes };
          return undefined;
        }
        if (declarator.init === null || writes.length !== 1) return undefined;
        const path = patternPath(declarator.id, def.name);
        if (path === undefined) return undefined;
        const specifier = requireSpecifier(declarator.init);
        if (specifier !== undefined) return { kind: 'module', module: specifier, path };
        return { kind: 'destructured', init: declarator.init, path };
      }
      case 'Parameter': {
        const fn = def.node;
        if (!isFunctionLike(fn)) return undefined;
        const index = fn.params.findIndex((param) => containsNode(param, def.name));
        return index === -1 ? undefined : { kind: 'parameter', fn, index };
      }
      case 'FunctionName':
        return { kind: 'function', fn: def.node };
      default:
        return undefined;
    }
  }

  /** True when the array/object behind this variable is changed after its declaration. */
  isMutated(variable: Variable): boolean {
    let mutated = this.mutated.get(variable);
    if (mutated === undefined) {
      // Asked again through an alias cycle: that adds no write (each reference is checked once).
      this.mutated.set(variable, false);
      mutated = this.escapeDepth > MAX_REFERENCE_DEPTH || variable.references.some((reference) => this.isMutation(reference));
      this.mutated.set(variable, mutated);
    }
    return mutated;
  }

  /**
   * The object literal a `const` holds when every write into it goes to a named key other than
   * `key` (`params.pageToken = cursor`, `params.requestBody.threadId = id`) and it escapes nowhere:
   * such writes can't set `key`, so the literal still tells whether `key` is set. Undefined for
   * anything else (a write by `Object.assign`, a computed key, `key` itself, an alias, a `let`).
   */
  objectLiteralUnlessWrittenAt(node: TSESTree.Identifier, key: string): TSESTree.ObjectExpression | undefined {
    const variable = this.findVariable(node);
    if (variable === undefined) return undefined;
    // Asked once per variable and key: many calls passing one constant stay linear in its references.
    let byKey = this.writtenAtOtherKeys.get(variable);
    if (byKey === undefined) this.writtenAtOtherKeys.set(variable, (byKey = new Map()));
    if (!byKey.has(key)) byKey.set(key, this.literalUnlessWrittenAt(variable, key));
    return byKey.get(key);
  }

  private readonly writtenAtOtherKeys = new WeakMap<Variable, Map<string, TSESTree.ObjectExpression | undefined>>();

  private literalUnlessWrittenAt(variable: Variable, key: string): TSESTree.ObjectExpression | undefined {
    const def = variable.defs.length === 1 ? variable.defs[0] : undefined;
    if (def?.type !== 'Variable' || def.parent.kind !== 'const') return undefined;
    const init = def.node.init;
    if (init?.type !== AST_NODE_TYPES.ObjectExpression || def.node.id.type !== AST_NODE_TYPES.Identifier) return undefined;
    for (const reference of variable.references) {
      if (reference.init === true) continue;
      const identifier = reference.identifier;
      if (reference.isWrite() || identifier.type !== AST_NODE_TYPES.Identifier) return undefined;
      if (isWrittenThrough(identifier)) {
        const member = identifier.parent;
        const written =
          member?.type === AST_NODE_TYPES.MemberExpression && member.object === identifier ? memberKeyName(member) : undefined;
        if (written === undefined || written === key) return undefined;
      } else if (escapes(identifier, this)) {
        return undefined;
      }
    }
    return init;
  }

  /** Aliases and parameters followed by isMutated, nested (./escapes.ts). */
  private escapeDepth = 0;

  /** A write through the reference into the value it holds (./mutations.ts), or through another name it reaches (./escapes.ts). */
  private isMutation(reference: TSESLint.Scope.Reference): boolean {
    if (isWrittenThrough(reference.identifier)) return true;
    if (reference.isWrite() || reference.identifier.type !== AST_NODE_TYPES.Identifier || holdsPrimitive(reference.resolved)) return false;
    this.escapeDepth++;
    try {
      return escapes(reference.identifier, this);
    } finally {
      this.escapeDepth--;
    }
  }

  declaredVariables(node: TSESTree.Node): readonly Variable[] {
    return this.sourceCode.scopeManager?.getDeclaredVariables(node) ?? [];
  }

  usesArguments(fn: TSESTree.FunctionLike): boolean {
    const references = this.sourceCode.scopeManager?.acquire(fn)?.set.get('arguments')?.references;
    return references !== undefined && references.length > 0;
  }

  resolveIdentifier(node: TSESTree.Identifier): IdentifierBinding | undefined {
    const variable = this.findVariable(node);
    if (variable === undefined) return undefined;
    const named: Origin = { node: undefined, file: undefined, name: node.name };
    // A mutated constant's value is unknown; where it is written (a literal, a module) still is.
    const known = !this.isMutated(variable);
    const enumValue = enumObject(variable) ?? this.classStatics(variable);
    if (enumValue !== undefined) return known ? { kind: 'value', value: enumValue, origin: named } : undefined;
    const source = this.variableSource(variable);
    if (source === undefined) return undefined;
    switch (source.kind) {
      case 'init':
        return { kind: known ? 'expression' : 'mutated', node: source.node, env: this, name: source.name };
      case 'module': {
        const target = resolveModule(this.filename, source.module, this.boundary);
        // A package is nothing the analysis reads; a project module that isn't there is unknown.
        if (target === undefined && !isRelativeSpecifier(source.module)) return undefined;
        const [first, ...rest] = source.path;
        let value: StaticValue = UNKNOWN;
        if (target !== undefined && known) {
          value = first === undefined ? getModuleObject(target, this.boundary) : getExportedValue(target, first, this.boundary);
          if (this.isWrittenElsewhere(value, target, first)) value = UNKNOWN;
          for (const key of rest) value = memberOf(value, key);
        }
        return { kind: 'value', value, origin: this.moduleOrigin(node, source.module, source.path, target) };
      }
      case 'destructured': {
        if (!known) return undefined;
        return { kind: 'value', value: source.path.reduce(memberOf, evaluate(source.init, this)), origin: named };
      }
      case 'parameter': {
        const fallback = known ? this.defaultWhenOmitted(source.fn, source.index) : undefined;
        return fallback === undefined ? undefined : { kind: 'expression', node: fallback, env: this, name: node.name };
      }
      default:
        return undefined;
    }
  }

  /**
   * An imported array or object that another module writes into (`SCOPES.push(…)` in a module that
   * imports it too) is unknown here, as one its own module writes into (./module-exports.ts).
   */
  private isWrittenElsewhere(value: StaticValue, target: string, exported: string | undefined): boolean {
    if (this.writtenByImporters === undefined || (value.kind !== 'array' && value.kind !== 'object')) return false;
    if (exported === undefined) return this.writtenByImporters(target, undefined) !== false;
    const declared = exported === 'default' ? { file: target, name: exported } : definingModule(target, exported, this.boundary);
    return (
      this.writtenByImporters(declared.file, declared.name) !== false ||
      (declared.file !== target && this.writtenByImporters(target, exported) !== false)
    );
  }

  /**
   * `class DriveService { static readonly SCOPES = […] }` read as `DriveService.SCOPES`: its static
   * fields, when nothing in the class can write them through `this` (no static block, no `this` in
   * a static member, no `this.constructor`) and nothing writes through the class name.
   */
  private classStatics(variable: Variable): StaticValue | undefined {
    if (variable.defs.length !== 1 || variable.defs[0]!.type !== 'ClassName') return undefined;
    const declaration = variable.defs[0]!.node;
    if (declaration.type !== AST_NODE_TYPES.ClassDeclaration) return undefined;
    // The class name is two variables, outside the class and inside its body: a write through either.
    const names = this.sourceCode.scopeManager?.getDeclaredVariables(declaration) ?? [];
    if (names.length === 0 || names.some((name) => this.isMutated(name))) return undefined;
    const properties: Record<string, StaticValue> = {};
    let found = false;
    for (const member of declaration.body.body) {
      if (member.type === AST_NODE_TYPES.StaticBlock) return undefined;
      if (!('static' in member) || !member.static) continue;
      if (/\bthis\b/.test(this.sourceCode.getText(member))) return undefined;
      if (member.type !== AST_NODE_TYPES.PropertyDefinition || member.computed || member.value === null) continue;
      const key = propertyKeyName(member);
      if (key === undefined) continue;
      properties[key] = evaluate(member.value, this);
      found = true;
    }
    if (!found || /\bconstructor\s*\./.test(this.sourceCode.getText(declaration.body))) return undefined;
    return { kind: 'object', properties };
  }

  /** An imported name: the module that declares it (not an index that re-exports it), and its name there. */
  private moduleOrigin(node: TSESTree.Identifier, specifier: string, keys: readonly string[], target: string | undefined): Origin {
    const [exported, ...rest] = keys;
    if (target !== undefined && exported !== undefined && exported !== 'default') {
      const declared = definingModule(target, exported, this.boundary);
      return { node: undefined, file: declared.file, name: [declared.name, ...rest].join('.') };
    }
    return { node: undefined, file: target ?? specifier, name: keys.filter((key) => key !== 'default').join('.') || node.name };
  }

  /**
   * `getAuthUrl(scopes = ['…gmail.modify'])`: the default value, when no call in this file passes
   * that argument (calls from other files can't be seen; the default is what the author wrote).
   */
  private defaultWhenOmitted(fn: TSESTree.FunctionLike, index: number): TSESTree.Expression | undefined {
    const param = fn.params[index];
    if (param?.type !== AST_NODE_TYPES.AssignmentPattern) return undefined;
    const name = functionName(fn);
    if (name === undefined) return undefined;
    const passes = (this.callsByName().get(name) ?? []).some((call) => {
      const argument = call.arguments[index];
      return argument !== undefined && !(argument.type === AST_NODE_TYPES.Identifier && argument.name === 'undefined');
    });
    return passes ? undefined : param.right;
  }

  /** The file's calls of `name` (`f(…)`, `x.f(…)`), in source order. */
  callsNamed(name: string): readonly TSESTree.CallExpression[] {
    return this.callsByName().get(name) ?? [];
  }

  private callsByNameCache: Map<string, TSESTree.CallExpression[]> | undefined;

  /** Every call in the file by the name it calls (`f(…)`, `x.f(…)`): built once, only when a default is needed. */
  private callsByName(): Map<string, TSESTree.CallExpression[]> {
    if (this.callsByNameCache !== undefined) return this.callsByNameCache;
    const calls = new Map<string, TSESTree.CallExpression[]>();
    for (const node of this.calls) {
      const callee = node.callee;
      const name =
        callee.type === AST_NODE_TYPES.Identifier
          ? callee.name
          : callee.type === AST_NODE_TYPES.MemberExpression
            ? memberKeyName(callee)
            : undefined;
      if (name === undefined) continue;
      const named = calls.get(name);
      if (named === undefined) calls.set(name, [node]);
      else named.push(node);
    }
    this.callsByNameCache = calls;
    return calls;
  }
}

/** The name a function is called by: its own, its variable's, or its method key. */
function functionName(fn: TSESTree.FunctionLike): string | undefined {
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) return fn.id?.name;
  const parent = fn.parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) return parent.id.name;
  if ((parent?.type === AST_NODE_TYPES.MethodDefinition || parent?.type === AST_NODE_TYPES.Property) && !parent.computed) {
    return parent.key.type === AST_NODE_TYPES.Identifier ? parent.key.name : undefined;
  }
  return undefined;
}

/** The key path from a destructuring pattern's root to the binding `name`. */
function patternPath(pattern: TSESTree.Node, name: TSESTree.Identifier): string[] | undefined {
  if (pattern === name) return [];
  switch (pattern.type) {
    case AST_NODE_TYPES.ObjectPattern:
      for (const property of pattern.properties) {
        if (property.type !== AST_NODE_TYPES.Property) continue;
        const key = propertyKeyName(property);
        const inner = patternPath(property.value, name);
        if (inner !== undefined) return key === undefined ? undefined : [key, ...inner];
      }
      return undefined;
    case AST_NODE_TYPES.AssignmentPattern:
      return patternPath(pattern.left, name);
    case AST_NODE_TYPES.Identifier:
      return undefined;
    default:
      return undefined;
  }
}

function containsNode(root: TSESTree.Node, target: TSESTree.Node): boolean {
  return root.range[0] <= target.range[0] && target.range[1] <= root.range[1];
}

function isFunctionLike(node: TSESTree.Node): node is TSESTree.FunctionLike {
  return (
    node.type === AST_NODE_TYPES.FunctionDeclaration ||
    node.type === AST_NODE_TYPES.FunctionExpression ||
    node.type === AST_NODE_TYPES.ArrowFunctionExpression
  );
}

/** Whether a variable is exported (declared in an export, or named by an export specifier): other modules may use it. */
export function isExported(variable: TSESLint.Scope.Variable): boolean {
  for (const def of variable.defs) {
    let node: TSESTree.Node | undefined = def.node;
    while (node !== undefined && node.type !== AST_NODE_TYPES.Program) {
      if (node.type === AST_NODE_TYPES.ExportNamedDeclaration || node.type === AST_NODE_TYPES.ExportDefaultDeclaration) return true;
      if (node.type === AST_NODE_TYPES.BlockStatement || node.type === AST_NODE_TYPES.ClassBody) break;
      node = node.parent;
    }
  }
  return variable.references.some((reference) => {
    const parent = reference.identifier.parent;
    return (
      parent?.type === AST_NODE_TYPES.ExportSpecifier ||
      parent?.type === AST_NODE_TYPES.ExportDefaultDeclaration ||
      (reference.identifier.type === AST_NODE_TYPES.Identifier && isCommonJsExport(reference.identifier))
    );
  });
}

/** `module.exports = x`, `module.exports = { x }`, `exports.x = x`, `module.exports.x = x`. */
function isCommonJsExport(identifier: TSESTree.Identifier): boolean {
  let value: TSESTree.Node = identifier;
  if (
    value.parent?.type === AST_NODE_TYPES.Property &&
    value.parent.value === value &&
    value.parent.parent.type === AST_NODE_TYPES.ObjectExpression
  ) {
    value = value.parent.parent;
  }
  const assignment = value.parent;
  if (assignment?.type !== AST_NODE_TYPES.AssignmentExpression || assignment.right !== value) return false;
  const target = assignment.left;
  if (target.type !== AST_NODE_TYPES.MemberExpression) return false;
  return (
    (target.object.type === AST_NODE_TYPES.Identifier && target.object.name === 'exports') ||
    (target.object.type === AST_NODE_TYPES.Identifier && target.object.name === 'module' && memberKeyName(target) === 'exports') ||
    (target.object.type === AST_NODE_TYPES.MemberExpression && memberKeyName(target.object) === 'exports')
  );
}

/**
 * A TypeScript `enum` whose members are all string literals, as an object (`Fmt.Full` → 'full'),
 * like a constant object. Numeric, computed or merged enums are not evaluated.
 */
function enumObject(variable: TSESLint.Scope.Variable): StaticValue | undefined {
  if (variable.defs.length !== 1) return undefined;
  const declaration = variable.defs[0]!.node;
  if (declaration.type !== AST_NODE_TYPES.TSEnumDeclaration) return undefined;
  const properties: Record<string, StaticValue> = {};
  for (const member of declaration.body.members) {
    const key =
      member.id.type === AST_NODE_TYPES.Identifier
        ? member.id.name
        : member.id.type === AST_NODE_TYPES.Literal
          ? String(member.id.value)
          : undefined;
    const initializer = member.initializer;
    if (key === undefined || initializer?.type !== AST_NODE_TYPES.Literal || typeof initializer.value !== 'string') return undefined;
    properties[key] = { kind: 'string', value: initializer.value };
  }
  return { kind: 'object', properties };
}

/** `const NAME = 'literal'` / a template: nothing can be written into a string or number. */
function holdsPrimitive(variable: Variable | null): boolean {
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (def?.type !== 'Variable' || def.parent.kind !== 'const' || def.node.id.type !== AST_NODE_TYPES.Identifier) return false;
  const init = def.node.init;
  return init?.type === AST_NODE_TYPES.Literal || init?.type === AST_NODE_TYPES.TemplateLiteral;
}
