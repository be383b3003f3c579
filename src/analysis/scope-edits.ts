import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, AST_TOKEN_TYPES } from '@typescript-eslint/utils';
import { SCOPE_URL_PREFIX } from '../scopes/catalog.ts';
import type { FileEnvironment } from './file-environment.ts';
import { evaluate } from './static-value.ts';
import type { ScopeDeclaration } from './scope-sources.ts';

/**
 * Edits to a scope declaration in the declaration's own style: quotes, template literals or a
 * prefix constant, one per line in multi-line arrays, trailing commas kept. Only insertions:
 * comments and formatting around existing scopes are never touched.
 */

type Fixer = TSESLint.RuleFixer;
type Fix = TSESLint.RuleFix;

/** Whether `declaration` is a literal in this file that an edit can extend. */
export function isEditable(declaration: ScopeDeclaration | undefined): declaration is ScopeDeclaration & {
  node: NonNullable<ScopeDeclaration['node']>;
} {
  return declaration?.node !== undefined && declaration.file === undefined;
}

export function addScopesFix(
  sourceCode: Readonly<TSESLint.SourceCode>,
  env: FileEnvironment,
  node: TSESTree.ArrayExpression | TSESTree.Literal | TSESTree.TemplateLiteral,
  scopes: readonly string[],
): (fixer: Fixer) => Fix | Fix[] | null {
  return (fixer) => {
    if (scopes.length === 0) return null;
    if (node.type !== AST_NODE_TYPES.ArrayExpression) {
      // A space-delimited string: append before the closing quote.
      const value = node.type === AST_NODE_TYPES.Literal ? String(node.value) : (node.quasis[0]?.value.cooked ?? '');
      const separator = value.trim() === '' ? '' : ' ';
      const insertAt = node.range[1] - 1;
      const addition = (value.endsWith(' ') || separator === '' ? '' : separator) + scopes.join(' ');
      return fixer.insertTextBeforeRange([insertAt, insertAt], addition);
    }
    const elements = node.elements.filter((element): element is NonNullable<typeof element> => element !== null);
    const last = elements.at(-1);
    const style = elementStyle(sourceCode, env, elements);
    const texts = scopes.map((scope) => style(scope));
    if (last === undefined) {
      const inner = sourceCode.text.slice(node.range[0] + 1, node.range[1] - 1);
      // `[]` or `[ /* comment */ ]`: put the scopes before the closing bracket.
      return fixer.insertTextBeforeRange([node.range[1] - 1, node.range[1] - 1], (inner.trim() === '' ? '' : ' ') + texts.join(', '));
    }
    const first = elements[0]!;
    const multiLine = first.loc.start.line !== node.loc.start.line;
    const afterLast = sourceCode.getTokenAfter(last);
    const trailingComma = afterLast !== null && afterLast.value === ',' && afterLast.type === AST_TOKEN_TYPES.Punctuator ? afterLast : undefined;
    if (!multiLine) {
      if (trailingComma !== undefined) return fixer.insertTextAfter(trailingComma, ` ${texts.join(', ')},`);
      return fixer.insertTextAfter(last, `, ${texts.join(', ')}`);
    }
    const lineText = sourceCode.lines[last.loc.start.line - 1] ?? '';
    const indent = /^\s*/.exec(lineText)?.[0] ?? '';
    // Keep a comment that trails the last element on its line with that element.
    let anchor: TSESTree.Node | TSESTree.Token = trailingComma ?? last;
    const trailingComment = sourceCode.getTokenAfter(anchor, { includeComments: true });
    if (
      trailingComment !== null &&
      (trailingComment.type === AST_TOKEN_TYPES.Line || trailingComment.type === AST_TOKEN_TYPES.Block) &&
      trailingComment.loc.start.line === anchor.loc.end.line
    ) {
      anchor = trailingComment;
    }
    const lines = texts.map((text) => `\n${indent}${text}`).join(',') + (trailingComma === undefined ? '' : ',');
    if (trailingComma === undefined) {
      if (anchor === last) return fixer.insertTextAfter(last, `,${lines}`);
      return [fixer.insertTextAfter(last, ','), fixer.insertTextAfter(anchor, lines)];
    }
    return fixer.insertTextAfter(anchor, lines);
  };
}

/** How the array writes its scopes, so added ones look the same. */
function elementStyle(
  sourceCode: Readonly<TSESLint.SourceCode>,
  env: FileEnvironment,
  elements: readonly TSESTree.Node[],
): (scope: string) => string {
  let quote = defaultQuote(sourceCode);
  for (const element of [...elements].reverse()) {
    if (element.type === AST_NODE_TYPES.Literal && typeof element.value === 'string') {
      quote = element.raw[0] ?? quote;
      return (scope) => `${quote}${scope}${quote}`;
    }
    if (element.type === AST_NODE_TYPES.TemplateLiteral) {
      const prefix = element.expressions.length === 1 ? prefixConstant(element.expressions[0]!, env) : undefined;
      if (prefix !== undefined && element.quasis[0]?.value.raw === '') {
        return (scope) => (scope.startsWith(SCOPE_URL_PREFIX) ? `\`\${${prefix}}${scope.slice(SCOPE_URL_PREFIX.length)}\`` : `\`${scope}\``);
      }
      if (element.expressions.length === 0) return (scope) => `\`${scope}\``;
    }
    if (element.type === AST_NODE_TYPES.BinaryExpression && element.operator === '+') {
      const prefix = prefixConstant(element.left, env);
      if (prefix !== undefined && element.right.type === AST_NODE_TYPES.Literal) {
        const q = element.right.raw[0] ?? quote;
        return (scope) =>
          scope.startsWith(SCOPE_URL_PREFIX) ? `${prefix} + ${q}${scope.slice(SCOPE_URL_PREFIX.length)}${q}` : `${q}${scope}${q}`;
      }
    }
  }
  return (scope) => `${quote}${scope}${quote}`;
}

/** The source text of an identifier holding `https://www.googleapis.com/auth/`, if that is what it is. */
function prefixConstant(node: TSESTree.Node, env: FileEnvironment): string | undefined {
  if (node.type !== AST_NODE_TYPES.Identifier && node.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const value = evaluate(node, env);
  if (value.kind !== 'string' || value.value !== SCOPE_URL_PREFIX) return undefined;
  return env.sourceCode.getText(node);
}

/** The quote the file uses, from its first string token (single quotes when it has none). */
function defaultQuote(sourceCode: Readonly<TSESLint.SourceCode>): string {
  const token = sourceCode.ast.tokens?.find((candidate) => candidate.type === AST_TOKEN_TYPES.String);
  return token?.value[0] ?? "'";
}
