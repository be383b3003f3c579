import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';

/**
 * The space-delimited words of a string literal (`'openid https://…/gmail.send'`), each with
 * its range in the source text, so a rule can report or replace one scope without touching
 * the quotes or the other scopes.
 */
export interface StringToken {
  readonly value: string;
  /** Source range of the word (inside the quotes). */
  readonly range: readonly [number, number];
}

/** The string's value, when the node is a plain string (a literal or a template without `${}`). */
export function stringValue(node: TSESTree.Node): string | undefined {
  if (node.type === AST_NODE_TYPES.Literal) return typeof node.value === 'string' ? node.value : undefined;
  if (node.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 0) {
    return node.quasis[0]?.value.cooked ?? undefined;
  }
  return undefined;
}

/**
 * The words of a string literal with their source ranges; undefined when the raw text has
 * escapes (`'\u0068ttps://…'`), where value offsets and source offsets differ.
 */
export function stringTokens(
  sourceCode: Readonly<TSESLint.SourceCode>,
  node: TSESTree.Literal | TSESTree.TemplateLiteral,
): StringToken[] | undefined {
  const value = stringValue(node);
  if (value === undefined) return undefined;
  const inner = sourceCode.text.slice(node.range[0] + 1, node.range[1] - 1);
  if (inner !== value) return undefined;
  const start = node.range[0] + 1;
  const tokens: StringToken[] = [];
  for (const match of value.matchAll(/\S+/g)) {
    tokens.push({ value: match[0], range: [start + match.index, start + match.index + match[0].length] });
  }
  return tokens;
}

/** The 1-based line / 0-based column location of a source range, for precise reports. */
export function rangeLocation(sourceCode: Readonly<TSESLint.SourceCode>, range: readonly [number, number]): TSESTree.SourceLocation {
  return { start: sourceCode.getLocFromIndex(range[0]), end: sourceCode.getLocFromIndex(range[1]) };
}
