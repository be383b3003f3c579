import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { MAX_EXPRESSION_PARTS_DEPTH } from './limits.ts';
import { memberKeyName } from './static-value.ts';

/** Array methods that change an array in place: a constant that is mutated is no longer known. */
export const MUTATING_METHODS = new Set(['push', 'unshift', 'splice', 'pop', 'shift', 'fill', 'copyWithin', 'sort', 'reverse']);

/** `Object`/`Reflect` functions that write into the object they are given first. */
const OBJECT_WRITERS = new Set(['assign', 'defineProperty', 'defineProperties', 'set', 'deleteProperty', 'setPrototypeOf']);

/**
 * `x.key = …`, `x.push(…)`, `x.scopes.push(…)`, `delete x.key`, `Object.assign(x, …)`: a write
 * through the expression `node` (a name) into the value it holds, or into a value inside it.
 */
export function isWrittenThrough(node: TSESTree.Node): boolean {
  let current = node;
  for (let depth = 0; depth <= MAX_EXPRESSION_PARTS_DEPTH; depth++) {
    // `(SCOPES as string[]).push(…)`, `SCOPES!.push(…)`: the same value.
    while (isTypeWrapper(current.parent) && current.parent.expression === current) current = current.parent;
    if (isWrittenByObjectMethod(current)) return true;
    const parent: TSESTree.Node | undefined = current.parent;
    if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== current) return false;
    const grand: TSESTree.Node | undefined = parent.parent;
    if (grand?.type === AST_NODE_TYPES.AssignmentExpression && grand.left === parent) return true;
    if (grand?.type === AST_NODE_TYPES.UpdateExpression) return true;
    if (grand?.type === AST_NODE_TYPES.UnaryExpression && grand.operator === 'delete') return true;
    if (grand?.type === AST_NODE_TYPES.CallExpression && grand.callee === parent) {
      const method = memberKeyName(parent);
      return method !== undefined && MUTATING_METHODS.has(method);
    }
    current = parent;
  }
  return false;
}

/** `Object.assign(node, …)`, `Object.defineProperty(node, …)`: the call writes into its first argument. */
export function isWrittenByObjectMethod(node: TSESTree.Node): boolean {
  const call = node.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[0] !== node) return false;
  const callee = call.callee;
  return (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    callee.object.type === AST_NODE_TYPES.Identifier &&
    (callee.object.name === 'Object' || callee.object.name === 'Reflect') &&
    OBJECT_WRITERS.has(memberKeyName(callee) ?? '')
  );
}

function isTypeWrapper(
  node: TSESTree.Node | undefined,
): node is TSESTree.TSAsExpression | TSESTree.TSSatisfiesExpression | TSESTree.TSNonNullExpression | TSESTree.TSTypeAssertion {
  return (
    node?.type === AST_NODE_TYPES.TSAsExpression ||
    node?.type === AST_NODE_TYPES.TSSatisfiesExpression ||
    node?.type === AST_NODE_TYPES.TSNonNullExpression ||
    node?.type === AST_NODE_TYPES.TSTypeAssertion
  );
}
