import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { MAX_EXPRESSION_PARTS_DEPTH } from './limits.ts';
import { memberKeyName } from './static-value.ts';
import type { VariableSource } from './file-environment.ts';

type Variable = TSESLint.Scope.Variable;

/** What the escape check asks of the file's scope analysis (./file-environment.ts). */
export interface EscapeScope {
  findVariable(node: TSESTree.Identifier): Variable | undefined;
  variableSource(variable: Variable): VariableSource | undefined;
  /** Written through, or escaping, by any of its references (recursive through aliases and parameters). */
  isMutated(variable: Variable): boolean;
  declaredVariables(node: TSESTree.Node): readonly Variable[];
  /** `arguments` read inside a (non-arrow) function: any argument may be written. */
  usesArguments(fn: TSESTree.FunctionLike): boolean;
}

/**
 * Whether the value a reference reads may be written through another name (review 4 H2): it is
 * given to another binding that is written into (`const list = SCOPES; list.push(…)`, a
 * destructured part, a default parameter), to a function of the project that writes into its
 * parameter or can't be read (`enableWrite(SCOPES)`, `this.widen(…)`,
 * `Array.prototype.push.call(SCOPES, …)`), returned, stored in another object or a field. Read-only
 * positions: a member read or a method call on it (writes are ./mutations.ts's), a spread into an
 * array, tests, comparisons, templates, exports, and the arguments of other modules' functions
 * (Google's auth constructors and API methods, `console.log`, the project's imported helpers),
 * which are taken to read them. Bounded by
 * MAX_EXPRESSION_PARTS_DEPTH steps up the expression; each variable is asked once (memoised by
 * the caller), so the cost is linear in the file's references.
 */
export function escapes(identifier: TSESTree.Identifier, scope: EscapeScope): boolean {
  let current: TSESTree.Node = identifier;
  for (let depth = 0; depth <= MAX_EXPRESSION_PARTS_DEPTH; depth++) {
    const parent: TSESTree.Node | undefined = current.parent;
    if (parent === undefined) return false;
    switch (parent.type) {
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSTypeAssertion:
      case AST_NODE_TYPES.ChainExpression:
      case AST_NODE_TYPES.AwaitExpression:
      case AST_NODE_TYPES.LogicalExpression:
      case AST_NODE_TYPES.ArrayExpression:
        // The same value, or held by a new array: where that goes decides.
        break;
      case AST_NODE_TYPES.ConditionalExpression:
        if (parent.test === current) return false;
        break;
      case AST_NODE_TYPES.SequenceExpression:
        if (parent.expressions.at(-1) !== current) return false;
        break;
      case AST_NODE_TYPES.MemberExpression: {
        if (parent.object !== current) return false;
        const grand: TSESTree.Node | undefined = parent.parent;
        const key = memberKeyName(parent);
        // `x.push(…)`, `x.map(…)`: a write is isWrittenThrough's; `x.push.call(…)` goes on below.
        if (grand?.type === AST_NODE_TYPES.CallExpression && grand.callee === parent)
          return key === 'call' || key === 'apply' || key === 'bind';
        if (grand?.type === AST_NODE_TYPES.AssignmentExpression && grand.left === parent) return false;
        // `opts.scopes`: a part of the value, followed; `x.length` is a number.
        if (key === 'length') return false;
        break;
      }
      case AST_NODE_TYPES.CallExpression:
      case AST_NODE_TYPES.NewExpression:
        return parent.callee !== current && argumentEscapes(parent, current, scope);
      case AST_NODE_TYPES.SpreadElement: {
        const holder: TSESTree.Node | undefined = parent.parent;
        // `[...SCOPES]` copies; `{ ...opts }` shares what opts holds; `f(...list)` passes its elements.
        if (holder?.type === AST_NODE_TYPES.ObjectExpression) {
          current = holder;
          continue;
        }
        return false;
      }
      case AST_NODE_TYPES.Property:
        if (parent.value !== current || parent.parent.type !== AST_NODE_TYPES.ObjectExpression) return false;
        current = parent.parent;
        continue;
      case AST_NODE_TYPES.VariableDeclarator:
        return parent.init === current && scope.declaredVariables(parent).some((variable) => scope.isMutated(variable));
      case AST_NODE_TYPES.AssignmentPattern:
        // `function f(list = SCOPES)`: the parameter holds it.
        return parent.right === current && patternMutated(parent.left, scope);
      case AST_NODE_TYPES.AssignmentExpression:
        return parent.right === current && !isModuleExportTarget(parent.left);
      case AST_NODE_TYPES.ReturnStatement:
      case AST_NODE_TYPES.YieldExpression:
      case AST_NODE_TYPES.JSXExpressionContainer:
        return true;
      case AST_NODE_TYPES.ArrowFunctionExpression:
        return parent.body === current;
      case AST_NODE_TYPES.PropertyDefinition:
        return parent.value === current;
      default:
        // Tests, comparisons, `typeof`, templates, statements, exports, keys.
        return false;
    }
    current = parent;
  }
  return true;
}

/** `f(…, value, …)`: the value may be written when f is the project's code that writes (or may write) its parameter. */
function argumentEscapes(call: TSESTree.CallExpression | TSESTree.NewExpression, argument: TSESTree.Node, scope: EscapeScope): boolean {
  const index = call.arguments.indexOf(argument as TSESTree.CallExpressionArgument);
  const callee = call.callee;
  if (callee.type === AST_NODE_TYPES.Identifier) {
    const variable = scope.findVariable(callee);
    // A global (`String`, `encodeURIComponent`).
    if (variable === undefined || variable.defs.length === 0) return false;
    const source = scope.variableSource(variable);
    if (source?.kind === 'function') return parameterEscapes(source.fn, index, call, scope);
    if (source?.kind === 'init' && isFunction(source.node)) return parameterEscapes(source.node, index, call, scope);
    // Another module's function is not read here (a package's, or the project's: `withGmail(handler, SCOPES)`).
    return source?.kind !== 'module';
  }
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return true;
  const key = memberKeyName(callee);
  if (key === 'call' || key === 'apply' || key === 'bind') return true;
  if (callee.object.type === AST_NODE_TYPES.Identifier && callee.object.name === 'Reflect') return key === 'apply' || key === 'construct';
  let root: TSESTree.Node = callee.object;
  while (root.type === AST_NODE_TYPES.MemberExpression) root = root.object;
  if (root.type === AST_NODE_TYPES.ThisExpression || root.type === AST_NODE_TYPES.Super) return true;
  if (root.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = scope.findVariable(root);
  if (variable === undefined || variable.defs.length === 0) return false;
  const source = scope.variableSource(variable);
  switch (source?.kind) {
    case 'module':
      return false;
    case 'init':
      // A local object of functions (`helpers.widen(SCOPES)`); a value a package made (`drive.files.delete(params)`) is the package's.
      return source.node.type === AST_NODE_TYPES.ObjectExpression || source.node.type === AST_NODE_TYPES.ClassExpression;
    case 'function':
      return true;
    default:
      return variable.defs[0]?.type === 'ClassName';
  }
}

/** Whether a function of the file writes into (or passes on) its parameter `index`. */
function parameterEscapes(
  fn: TSESTree.FunctionLike,
  index: number,
  call: TSESTree.CallExpression | TSESTree.NewExpression,
  scope: EscapeScope,
): boolean {
  // A spread before the argument moves it to an unknown position.
  if (index < 0 || call.arguments.slice(0, index).some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)) return true;
  const param = fn.params[index];
  if (param === undefined || param.type === AST_NODE_TYPES.RestElement) return param !== undefined || scope.usesArguments(fn);
  return patternMutated(param, scope) || scope.usesArguments(fn);
}

/** Whether any variable a parameter or pattern binds is written into. */
function patternMutated(pattern: TSESTree.Node, scope: EscapeScope): boolean {
  const target = pattern.type === AST_NODE_TYPES.TSParameterProperty ? pattern.parameter : pattern;
  const names: TSESTree.Identifier[] = [];
  collectBindings(target, names, 0);
  if (names.length === 0) return true;
  return names.some((name) => {
    const variable = scope.findVariable(name);
    return variable === undefined || scope.isMutated(variable);
  });
}

function collectBindings(node: TSESTree.Node, out: TSESTree.Identifier[], depth: number): void {
  if (depth > MAX_EXPRESSION_PARTS_DEPTH) return;
  switch (node.type) {
    case AST_NODE_TYPES.Identifier:
      out.push(node);
      return;
    case AST_NODE_TYPES.AssignmentPattern:
      collectBindings(node.left, out, depth + 1);
      return;
    case AST_NODE_TYPES.RestElement:
      collectBindings(node.argument, out, depth + 1);
      return;
    case AST_NODE_TYPES.ArrayPattern:
      for (const element of node.elements) if (element !== null) collectBindings(element, out, depth + 1);
      return;
    case AST_NODE_TYPES.ObjectPattern:
      for (const property of node.properties)
        collectBindings(property.type === AST_NODE_TYPES.Property ? property.value : property, out, depth + 1);
      return;
    default:
      return;
  }
}

function isFunction(node: TSESTree.Node): node is TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression {
  return node.type === AST_NODE_TYPES.ArrowFunctionExpression || node.type === AST_NODE_TYPES.FunctionExpression;
}

/** `module.exports = …`, `exports.x = …`, `module.exports.x = …`: an export, read by other modules (whose writes are theirs). */
function isModuleExportTarget(node: TSESTree.Node): boolean {
  if (node.type !== AST_NODE_TYPES.MemberExpression) return false;
  const object = node.object;
  if (object.type === AST_NODE_TYPES.Identifier)
    return object.name === 'exports' || (object.name === 'module' && memberKeyName(node) === 'exports');
  return object.type === AST_NODE_TYPES.MemberExpression && memberKeyName(object) === 'exports';
}
