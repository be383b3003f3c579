import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { findProperty, unwrapExpression } from '../core/static-value.ts';
import { defaultQuote, lineEnding } from './scope-edits.ts';

/**
 * Edits to the request parameters written in a call (`{ userId: 'me', format: 'full' }`), in the
 * object's own style: its quotes, one property per line when it is written so, trailing commas kept.
 */

/** The params object literal written in the call (`gmail.users.messages.get({ … })`), if it is one. */
export function paramsObject(paramsNode: TSESTree.Node | undefined): TSESTree.ObjectExpression | undefined {
  if (paramsNode === undefined) return undefined;
  const node = unwrapExpression(paramsNode);
  return node.type === AST_NODE_TYPES.ObjectExpression ? node : undefined;
}

/** The property `key` written in the params object. */
export function paramProperty(params: TSESTree.ObjectExpression | undefined, key: string): TSESTree.Property | undefined {
  return findProperty(params, key);
}

/** Sets `key: 'value'` in the params literal: replaces the value, or adds the property. */
export function setStringParamFix(
  sourceCode: Readonly<TSESLint.SourceCode>,
  params: TSESTree.ObjectExpression,
  key: string,
  value: string,
): TSESLint.ReportFixFunction {
  const quote = quoteOf(sourceCode, params);
  const quoted = `${quote}${value}${quote}`;
  const text = `${key}: ${quoted}`;
  return (fixer) => {
    const existing = findProperty(params, key);
    if (existing !== undefined) {
      return existing.shorthand ? fixer.replaceText(existing, text) : fixer.replaceText(existing.value, quoted);
    }
    const last = params.properties.at(-1);
    if (last === undefined) {
      return fixer.replaceText(params, `{ ${text} }`);
    }
    const afterLast = sourceCode.getTokenAfter(last);
    const trailingComma = afterLast?.value === ',' ? afterLast : undefined;
    if (params.loc.start.line === last.loc.start.line) {
      return trailingComma === undefined ? fixer.insertTextAfter(last, `, ${text}`) : fixer.insertTextAfter(trailingComma, ` ${text},`);
    }
    const indent = /^\s*/.exec(sourceCode.lines[last.loc.start.line - 1] ?? '')?.[0] ?? '';
    return trailingComma === undefined
      ? fixer.insertTextAfter(last, `,${lineEnding(sourceCode)}${indent}${text}`)
      : fixer.insertTextAfter(trailingComma, `${lineEnding(sourceCode)}${indent}${text},`);
  };
}

/** The quote of the params' string values (else the file's). */
function quoteOf(sourceCode: Readonly<TSESLint.SourceCode>, params: TSESTree.ObjectExpression): string {
  for (const property of params.properties) {
    if (
      property.type === AST_NODE_TYPES.Property &&
      property.value.type === AST_NODE_TYPES.Literal &&
      typeof property.value.value === 'string'
    ) {
      return property.value.raw[0] ?? "'";
    }
  }
  return defaultQuote(sourceCode);
}
