import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { CallShape } from '../scopes/metadata.ts';
import type { FileEnvironment } from '../core/file-environment.ts';
import { evaluate, findProperty, unwrapExpression } from '../core/static-value.ts';

/**
 * What a Gmail call passes that matters for gmail.metadata: its `format` and whether it has `q`.
 * Omitted arguments are known to be omitted; anything computed is `'unknown'`. A `q` is sent
 * whenever it is a string, even `''` (the API rejects it under gmail.metadata all the same), and
 * a parameter declared `q: string` (not optional) always is one.
 */
export function callShape(paramsNode: TSESTree.Node | undefined, env: FileEnvironment): CallShape {
  if (paramsNode === undefined) return { format: undefined, hasQ: false };
  const node = unwrapExpression(paramsNode);
  if (node.type !== AST_NODE_TYPES.ObjectExpression) {
    const value = evaluate(node, env);
    if (value.kind !== 'object') return { format: 'unknown', hasQ: 'unknown' };
    const format = value.properties.format;
    const q = value.properties.q;
    return {
      format: format === undefined ? undefined : format.kind === 'string' ? format.value : 'unknown',
      hasQ: q === undefined ? false : q.kind === 'string' ? true : 'unknown',
    };
  }
  const hasSpread = node.properties.some((property) => property.type === AST_NODE_TYPES.SpreadElement);
  const formatProperty = findProperty(node, 'format');
  const qProperty = findProperty(node, 'q');
  let format: CallShape['format'] = hasSpread ? 'unknown' : undefined;
  if (formatProperty !== undefined) {
    const value = evaluate(formatProperty.value, env);
    format = value.kind === 'string' ? value.value : 'unknown';
  }
  let hasQ: CallShape['hasQ'] = hasSpread ? 'unknown' : false;
  if (qProperty !== undefined) {
    const value = evaluate(qProperty.value, env);
    hasQ = value.kind === 'string' || isStringParameter(qProperty.value, env) ? true : 'unknown';
  }
  return { format, hasQ };
}

/** `function search(gmail, q: string)`: a parameter whose declared type is exactly `string` (not optional). */
function isStringParameter(node: TSESTree.Node, env: FileEnvironment): boolean {
  if (node.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = env.findVariable(node);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (def?.type !== 'Parameter' || def.name.type !== AST_NODE_TYPES.Identifier) return false;
  const name = def.name;
  if (name.optional === true || variable!.references.some((reference) => reference.isWrite() && reference.init !== true)) return false;
  return name.typeAnnotation?.typeAnnotation.type === AST_NODE_TYPES.TSStringKeyword;
}
