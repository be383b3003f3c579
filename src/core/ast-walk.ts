import type { TSESTree } from '@typescript-eslint/utils';

/** Visitor keys as ESLint and the parser give them: node type → the properties that hold children. */
export type VisitorKeys = Readonly<Record<string, readonly string[] | undefined>>;

/**
 * The one walk every analysis of a whole AST is built on: every node below `root` (root
 * included), in source order, depth first, with an explicit stack (generated or minified code
 * nests deeper than the call stack allows). `visit` gets the state its parent handed down and
 * returns the state for its own children, or `undefined` to skip them.
 *
 * Two parallel stacks and no per-node allocation: a file of 2,700 lines has 100,000 nodes, and
 * the walk is most of the analysis of such a file (docs/performance.md).
 */
export function walk<State>(
  root: TSESTree.Node,
  visitorKeys: VisitorKeys,
  initial: State,
  visit: (node: TSESTree.Node, state: State) => State | undefined,
): void {
  const nodes: TSESTree.Node[] = [root];
  const states: State[] = [initial];
  while (nodes.length > 0) {
    const node = nodes.pop()!;
    const childState = visit(node, states.pop()!);
    if (childState === undefined) continue;
    const keys = visitorKeys[node.type];
    if (keys === undefined) continue;
    // Reversed onto the stack: nodes are still visited in source order.
    for (let keyIndex = keys.length - 1; keyIndex >= 0; keyIndex--) {
      const value = (node as unknown as Record<string, unknown>)[keys[keyIndex]!];
      if (Array.isArray(value)) {
        for (let index = value.length - 1; index >= 0; index--) {
          const item: unknown = value[index];
          if (isNode(item)) {
            nodes.push(item);
            states.push(childState);
          }
        }
      } else if (isNode(value)) {
        nodes.push(value);
        states.push(childState);
      }
    }
  }
}

function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}
