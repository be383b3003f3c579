import type { TSESTree } from '@typescript-eslint/utils';

/** Visitor keys as ESLint and the parser give them: node type → the properties that hold children. */
export type VisitorKeys = Readonly<Record<string, readonly string[] | undefined>>;

/**
 * The child nodes of `node`, with the property that holds each (`key` tells a property's key
 * from its value). The one generic step every walk in the analysis is built on.
 */
export function forEachChild(
  node: TSESTree.Node,
  visitorKeys: VisitorKeys,
  callback: (child: TSESTree.Node, key: string) => void,
): void {
  for (const key of visitorKeys[node.type] ?? []) {
    const value = (node as unknown as Record<string, unknown>)[key];
    if (Array.isArray(value)) {
      for (const item of value) if (isNode(item)) callback(item, key);
    } else if (isNode(value)) {
      callback(value, key);
    }
  }
}

/** Every node below `root` (root included), depth first, without recursion. */
export function forEachNode(root: TSESTree.Node, visitorKeys: VisitorKeys, callback: (node: TSESTree.Node) => void): void {
  const stack: TSESTree.Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    callback(node);
    forEachChild(node, visitorKeys, (child) => stack.push(child));
  }
}

function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}
