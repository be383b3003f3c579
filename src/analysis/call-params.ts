import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { CallShape } from '../scopes/metadata.ts';
import type { Environment } from './static-value.ts';
import { evaluate, findProperty, unwrapExpression } from './static-value.ts';

/**
 * What a Gmail call passes that matters for gmail.metadata: its `format` and whether it has `q`.
 * Omitted arguments are known to be omitted; anything computed is `'unknown'`.
 */
export function callShape(paramsNode: TSESTree.Node | undefined, env: Environment): CallShape {
  if (paramsNode === undefined) return { format: undefined, hasQ: false };
  const node = unwrapExpression(paramsNode);
  if (node.type !== AST_NODE_TYPES.ObjectExpression) {
    const value = evaluate(node, env);
    if (value.kind !== 'object') return { format: 'unknown', hasQ: 'unknown' };
    const format = value.properties.format;
    const q = value.properties.q;
    return {
      format: format === undefined ? undefined : format.kind === 'string' ? format.value : 'unknown',
      hasQ: q === undefined ? false : q.kind === 'string' ? q.value !== '' : 'unknown',
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
    hasQ = value.kind === 'string' ? value.value !== '' : 'unknown';
  }
  return { format, hasQ };
}
