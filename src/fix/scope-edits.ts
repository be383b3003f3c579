import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, AST_TOKEN_TYPES } from '@typescript-eslint/types';
import { SCOPE_URL_PREFIX } from '../scopes/catalog.ts';
import type { FileEnvironment } from '../core/file-environment.ts';
import { evaluate } from '../core/static-value.ts';
import type { ScopeDeclaration } from '../google/scope-sources.ts';
import { stringTokens, stringValue } from './string-tokens.ts';
import type { StringToken } from './string-tokens.ts';

/**
 * Edits to a scope declaration in the declaration's own style: quotes, template literals or a
 * prefix constant, one per line in multi-line arrays, trailing commas kept. Only insertions:
 * comments and formatting around existing scopes are never touched.
 */

type Fixer = TSESLint.RuleFixer;
type Fix = TSESLint.RuleFix;

/** A scope declaration literal in the linted file: an array of scopes or a space-delimited string. */
export type DeclarationNode = TSESTree.ArrayExpression | TSESTree.Literal | TSESTree.TemplateLiteral;

/**
 * The edits rules make to a traced scope declaration (bound to one file: its text and its
 * constants), in the declaration's own style: the file's quotes and line endings, the list's
 * indentation, trailing commas and comments kept.
 */
export interface ScopeEdits {
  /** Where `scope` is written in the declaration (undefined: not written there literally). */
  locate(node: DeclarationNode, scope: string): ScopeLocation | undefined;
  /** Appends scopes to the declaration. */
  add(node: DeclarationNode, scopes: readonly string[]): (fixer: Fixer) => Fix | Fix[] | null;
  /** Removes one scope (undefined when it is not written literally in the declaration). */
  remove(node: DeclarationNode, scope: string): ((fixer: Fixer) => Fix | Fix[]) | undefined;
  /** Replaces one scope with others (undefined when it is not written literally in the declaration). */
  replace(node: DeclarationNode, scope: string, replacements: readonly string[]): ((fixer: Fixer) => Fix) | undefined;
}

/** The scope edits of one file. */
export function scopeEdits(sourceCode: Readonly<TSESLint.SourceCode>, env: FileEnvironment): ScopeEdits {
  return {
    locate: (node, scope) => locateScope(sourceCode, env, node, scope),
    add: (node, scopes) => addScopesFix(sourceCode, env, node, scopes),
    remove: (node, scope) => removeScopeFix(sourceCode, env, node, scope),
    replace: (node, scope, replacements) => replaceScopeFix(sourceCode, env, node, scope, replacements),
  };
}

/** For a file without scope declarations (it never mentions a Google API): nothing to edit. */
export const NO_SCOPE_EDITS: ScopeEdits = {
  locate: () => undefined,
  add: () => () => null,
  remove: () => undefined,
  replace: () => undefined,
};

/** A declaration written as a literal in the linted file. */
export type EditableDeclaration = ScopeDeclaration & { readonly node: DeclarationNode };

/** Whether `declaration` is a literal in this file that an edit can extend. */
export function isEditable(declaration: ScopeDeclaration | undefined): declaration is EditableDeclaration {
  return declaration?.node !== undefined && declaration.file === undefined;
}

function addScopesFix(
  sourceCode: Readonly<TSESLint.SourceCode>,
  env: FileEnvironment,
  node: DeclarationNode,
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
    const trailingComma =
      afterLast !== null && afterLast.value === ',' && afterLast.type === AST_TOKEN_TYPES.Punctuator ? afterLast : undefined;
    if (!multiLine) {
      if (trailingComma !== undefined) return fixer.insertTextAfter(trailingComma, ` ${texts.join(', ')},`);
      // `['…/drive.readonly' /* read */]`: the comment stays with its scope, the new one goes after it.
      return fixer.insertTextAfter(commentsAfter(sourceCode, last), `, ${texts.join(', ')}`);
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
    const newline = lineEnding(sourceCode);
    const lines = texts.map((text) => `${newline}${indent}${text}`).join(',') + (trailingComma === undefined ? '' : ',');
    if (trailingComma === undefined) {
      if (anchor === last) return fixer.insertTextAfter(last, `,${lines}`);
      return [fixer.insertTextAfter(last, ','), fixer.insertTextAfter(anchor, lines)];
    }
    return fixer.insertTextAfter(anchor, lines);
  };
}

/** The last of the block comments right after `node` on its line (before any `,` or `]`), else `node`. */
function commentsAfter(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): TSESTree.Node | TSESTree.Token {
  let anchor: TSESTree.Node | TSESTree.Token = node;
  for (let next = sourceCode.getTokenAfter(anchor, { includeComments: true }); next?.type === AST_TOKEN_TYPES.Block;) {
    if (next.loc.start.line !== node.loc.end.line) break;
    anchor = next;
    next = sourceCode.getTokenAfter(anchor, { includeComments: true });
  }
  return anchor;
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
        return (scope) =>
          scope.startsWith(SCOPE_URL_PREFIX) ? `\`\${${prefix}}${scope.slice(SCOPE_URL_PREFIX.length)}\`` : `\`${scope}\``;
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

/** The file's own line ending, so that a fix never leaves a CRLF file with mixed endings. */
export function lineEnding(sourceCode: Readonly<TSESLint.SourceCode>): string {
  const match = /\r\n|\n|\r/.exec(sourceCode.text);
  return match?.[0] ?? '\n';
}

/** The quote the file uses, from its first string token (single quotes when it has none). */
export function defaultQuote(sourceCode: Readonly<TSESLint.SourceCode>): string {
  const token = sourceCode.ast.tokens?.find((candidate) => candidate.type === AST_TOKEN_TYPES.String);
  return token?.value[0] ?? "'";
}

/** Where one scope is written inside a declaration: a whole array element, or one word of a string. */
export type ScopeLocation =
  | { readonly kind: 'element'; readonly array: TSESTree.ArrayExpression; readonly element: TSESTree.Node }
  | {
      readonly kind: 'word';
      readonly literal: TSESTree.Literal | TSESTree.TemplateLiteral;
      readonly tokens: readonly StringToken[];
      readonly index: number;
    };

/** Finds `scope` in a declaration literal (an array of scopes or a space-delimited string). */
function locateScope(
  sourceCode: Readonly<TSESLint.SourceCode>,
  env: FileEnvironment,
  node: DeclarationNode,
  scope: string,
): ScopeLocation | undefined {
  if (node.type !== AST_NODE_TYPES.ArrayExpression) {
    const tokens = stringTokens(sourceCode, node);
    const index = tokens?.findIndex((token) => token.value === scope) ?? -1;
    return tokens === undefined || index === -1 ? undefined : { kind: 'word', literal: node, tokens, index };
  }
  for (const element of node.elements) {
    if (element === null || element.type === AST_NODE_TYPES.SpreadElement) continue;
    if (element.type === AST_NODE_TYPES.Literal || element.type === AST_NODE_TYPES.TemplateLiteral) {
      const tokens = stringValue(element) === undefined ? undefined : stringTokens(sourceCode, element);
      if (tokens !== undefined) {
        if (tokens.length === 1 && tokens[0]!.value === scope) return { kind: 'element', array: node, element };
        const index = tokens.findIndex((token) => token.value === scope);
        if (index !== -1) return { kind: 'word', literal: element, tokens, index };
        continue;
      }
    }
    const value = evaluate(element, env);
    if (value.kind === 'string' && value.value.trim() === scope) return { kind: 'element', array: node, element };
  }
  return undefined;
}

/**
 * Removes one scope from a declaration: the array element with its comma (and its line, when
 * it sits alone on one), or the word of a space-delimited string. Undefined when the scope is
 * not written literally in `node` (a spread, an import).
 */
function removeScopeFix(
  sourceCode: Readonly<TSESLint.SourceCode>,
  env: FileEnvironment,
  node: DeclarationNode,
  scope: string,
): ((fixer: Fixer) => Fix | Fix[]) | undefined {
  const location = locateScope(sourceCode, env, node, scope);
  if (location === undefined) return undefined;
  if (location.kind === 'word') {
    const { tokens, index } = location;
    const token = tokens[index]!;
    const next = tokens[index + 1];
    const previous = tokens[index - 1];
    const range: [number, number] =
      next !== undefined
        ? [token.range[0], next.range[0]]
        : previous !== undefined
          ? [previous.range[1], token.range[1]]
          : [token.range[0], token.range[1]];
    return (fixer) => fixer.removeRange(range);
  }
  const { array, element } = location;
  const elements = array.elements.filter((item): item is NonNullable<typeof item> => item !== null);
  const before = sourceCode.getTokenBefore(element);
  const after = sourceCode.getTokenAfter(element);
  const commaAfter = after !== null && after.value === ',' && after.type === AST_TOKEN_TYPES.Punctuator ? after : undefined;
  const commaBefore = before !== null && before.value === ',' && before.type === AST_TOKEN_TYPES.Punctuator ? before : undefined;
  if (elements.length === 1 && sourceCode.getCommentsInside(array).length === 0) {
    return (fixer) => fixer.replaceTextRange([array.range[0] + 1, array.range[1] - 1], '');
  }
  const isLast = elements.at(-1) === element;
  const multiLine = array.loc.start.line !== array.loc.end.line;
  // The last element without a trailing comma: the comma before it goes too.
  const orphanComma = isLast && commaAfter === undefined ? commaBefore : undefined;
  if (multiLine) {
    const line = element.loc.start.line;
    const lineStart = sourceCode.getIndexFromLoc({ line, column: 0 });
    const lineText = sourceCode.lines[line - 1] ?? '';
    const end = commaAfter ?? element;
    const rest = end.loc.end.line === line ? lineText.slice(end.loc.end.column) : undefined;
    const aloneOnLine = lineText.slice(0, element.loc.start.column).trim() === '' && rest !== undefined;
    if (aloneOnLine && rest.trim() === '' && line < sourceCode.lines.length) {
      const nextLineStart = sourceCode.getIndexFromLoc({ line: line + 1, column: 0 });
      const lineRange: [number, number] = [lineStart, nextLineStart];
      if (orphanComma !== undefined) return (fixer) => [fixer.remove(orphanComma), fixer.removeRange(lineRange)];
      return (fixer) => fixer.removeRange(lineRange);
    }
    if (aloneOnLine && /^\s*\/[/*]/.test(rest)) {
      // `'scope', // why`: the comment stays on its line; only the element and its comma go.
      const comment = sourceCode.getTokenAfter(end, { includeComments: true })!;
      const elementRange: [number, number] = [element.range[0], comment.range[0]];
      if (orphanComma !== undefined) return (fixer) => [fixer.remove(orphanComma), fixer.removeRange(elementRange)];
      return (fixer) => fixer.removeRange(elementRange);
    }
  }
  const trailing = commaAfter !== undefined && sourceCode.getTokenAfter(commaAfter)?.value === ']';
  let range: [number, number];
  if (commaAfter !== undefined && !trailing) {
    const next = sourceCode.getTokenAfter(commaAfter, { includeComments: true });
    range = [element.range[0], next === null ? commaAfter.range[1] : next.range[0]];
  } else if (commaBefore !== undefined) {
    range = [commaBefore.range[0], element.range[1]];
  } else {
    range = [element.range[0], commaAfter?.range[1] ?? element.range[1]];
  }
  // Never remove a comment: fall back to the element and the comma right after it.
  if (sourceCode.getAllComments().some((comment) => range[0] <= comment.range[0] && comment.range[1] <= range[1])) {
    const comma = commaAfter ?? orphanComma;
    const ranges: [number, number][] = [element.range, ...(comma === undefined ? [] : [comma.range])];
    return (fixer) => ranges.map((part) => fixer.removeRange(part));
  }
  return (fixer) => fixer.removeRange(range);
}

/**
 * Replaces one scope of a declaration with others, written in the declaration's style (a word
 * of a string stays a word; an array element becomes one element per replacement). Undefined
 * when the scope is not written literally in `node`.
 */
function replaceScopeFix(
  sourceCode: Readonly<TSESLint.SourceCode>,
  env: FileEnvironment,
  node: DeclarationNode,
  scope: string,
  replacements: readonly string[],
): ((fixer: Fixer) => Fix) | undefined {
  if (replacements.length === 0) return undefined;
  const location = locateScope(sourceCode, env, node, scope);
  if (location === undefined) return undefined;
  if (location.kind === 'word') {
    const token = location.tokens[location.index]!;
    return (fixer) => fixer.replaceTextRange([token.range[0], token.range[1]], replacements.join(' '));
  }
  const { array, element } = location;
  const elements = array.elements.filter(
    (item): item is NonNullable<typeof item> => item !== null && item.type !== AST_NODE_TYPES.SpreadElement,
  );
  const style = elementStyle(sourceCode, env, [...elements.filter((item) => item !== element), element]);
  const lineText = sourceCode.lines[element.loc.start.line - 1] ?? '';
  const ownLine = array.loc.start.line !== element.loc.start.line && lineText.slice(0, element.loc.start.column).trim() === '';
  const separator = ownLine ? `,${lineEnding(sourceCode)}${/^\s*/.exec(lineText)?.[0] ?? ''}` : ', ';
  return (fixer) => fixer.replaceText(element, replacements.map(style).join(separator));
}
