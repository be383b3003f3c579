import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { FileEnvironment } from '../core/file-environment.ts';
import { evaluate, memberKeyName, unwrapExpression } from '../core/static-value.ts';
import { stringValue } from '../fix/string-tokens.ts';
import { MAX_TRACE_DEPTH } from '../core/limits.ts';

/**
 * The expressions that write the scopes of some declarations, each with its value: the string
 * literals, followed through local constants; concatenations and templates as a whole. A
 * constant spread or named many times is read once (`[...A, ...A]`, a list repeated 10,000 times).
 */
export function writtenScopes(declarations: Iterable<TSESTree.Node>, env: FileEnvironment): Map<TSESTree.Node, string> {
  const out = new Map<TSESTree.Node, string>();
  const visited = new Set<TSESTree.Node>();
  for (const declaration of declarations) collectWritten(declaration, env, out, visited, 0);
  return out;
}

function collectWritten(
  rawNode: TSESTree.Node,
  env: FileEnvironment,
  out: Map<TSESTree.Node, string>,
  visited: Set<TSESTree.Node>,
  depth: number,
): void {
  if (depth > MAX_TRACE_DEPTH) return;
  const node = unwrapExpression(rawNode);
  if (visited.has(node)) return;
  visited.add(node);
  const plain = stringValue(node);
  if (plain !== undefined) {
    out.set(node, plain);
    return;
  }
  switch (node.type) {
    case AST_NODE_TYPES.ArrayExpression:
      for (const element of node.elements) {
        if (element === null) continue;
        collectWritten(element.type === AST_NODE_TYPES.SpreadElement ? element.argument : element, env, out, visited, depth + 1);
      }
      return;
    case AST_NODE_TYPES.Identifier: {
      const variable = env.findVariable(node);
      const source = variable === undefined ? undefined : env.variableSource(variable);
      if (source?.kind === 'init') collectWritten(source.node, env, out, visited, depth + 1);
      return;
    }
    case AST_NODE_TYPES.CallExpression: {
      // `SCOPES.join(' ')`, `A.concat(B)`, `Object.freeze([...])`
      const callee = node.callee;
      if (callee.type !== AST_NODE_TYPES.MemberExpression) return;
      const method = memberKeyName(callee);
      if (method === 'join' || method === 'concat' || method === 'flat' || method === 'slice') {
        collectWritten(callee.object, env, out, visited, depth + 1);
        if (method === 'concat') for (const argument of node.arguments) collectWritten(argument, env, out, visited, depth + 1);
      } else if (method === 'freeze' && node.arguments[0] !== undefined) {
        collectWritten(node.arguments[0], env, out, visited, depth + 1);
      }
      return;
    }
    case AST_NODE_TYPES.BinaryExpression:
    case AST_NODE_TYPES.TemplateLiteral:
    case AST_NODE_TYPES.MemberExpression: {
      const value = evaluate(node, env);
      if (value.kind === 'string') out.set(node, value.value);
      return;
    }
    default:
      return;
  }
}

/**
 * Whether the string is an element of an array constant that the code only ever `.map()`s
 * (short names it turns into scope URLs itself).
 */
export function isMappedBeforeUse(node: TSESTree.Node, env: FileEnvironment): boolean {
  const array = node.parent;
  const declarator = array?.parent;
  if (array?.type !== AST_NODE_TYPES.ArrayExpression || declarator?.type !== AST_NODE_TYPES.VariableDeclarator) return false;
  if (declarator.init !== array || declarator.id.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = env.findVariable(declarator.id);
  const reads = variable?.references.filter((reference) => reference.init !== true) ?? [];
  return (
    reads.length > 0 &&
    reads.every((reference) => {
      const member = reference.identifier.parent;
      return (
        member?.type === AST_NODE_TYPES.MemberExpression &&
        member.object === reference.identifier &&
        member.property.type === AST_NODE_TYPES.Identifier &&
        member.property.name === 'map' &&
        member.parent?.type === AST_NODE_TYPES.CallExpression
      );
    })
  );
}
