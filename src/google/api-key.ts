import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { FileEnvironment } from '../core/file-environment.ts';
import { evaluate, memberKeyName, unwrapExpression } from '../core/static-value.ts';
import { MAX_TRACE_DEPTH } from '../core/limits.ts';

/**
 * Whether an `auth` value is an API key: a string. googleapis-common sends a string auth as the
 * `key` query parameter and no OAuth token at all (googleapis-common 9.3.1
 * build/src/apirequest.js:147-150 `if (typeof authClient === 'string') { params.key = … }`), so
 * no scope applies to such a request. A string is: a literal or template, a constant evaluating
 * to one, `process.env.X` / `import.meta.env.X`, a concatenation, a value typed `string`, or a
 * name that says it holds a key (`apiKey`, `YT_API_KEY`, `config.key`): judging fewer calls is
 * the safe side.
 */
export function isApiKeyValue(node: TSESTree.Node, env: FileEnvironment, depth = 0): boolean {
  if (depth > MAX_TRACE_DEPTH) return false;
  const expression = unwrapExpression(node);
  if (hasStringType(node) || hasStringType(expression)) return true;
  switch (expression.type) {
    case AST_NODE_TYPES.Literal:
      return typeof expression.value === 'string';
    case AST_NODE_TYPES.TemplateLiteral:
      return true;
    case AST_NODE_TYPES.BinaryExpression:
      return (
        expression.operator === '+' && (isApiKeyValue(expression.left, env, depth + 1) || isApiKeyValue(expression.right, env, depth + 1))
      );
    case AST_NODE_TYPES.LogicalExpression:
      return isApiKeyValue(expression.left, env, depth + 1) && isApiKeyValue(expression.right, env, depth + 1);
    case AST_NODE_TYPES.ConditionalExpression:
      return isApiKeyValue(expression.consequent, env, depth + 1) && isApiKeyValue(expression.alternate, env, depth + 1);
    case AST_NODE_TYPES.CallExpression:
      return expression.callee.type === AST_NODE_TYPES.Identifier && expression.callee.name === 'String';
    case AST_NODE_TYPES.MemberExpression:
      return isEnvironmentVariable(expression) || namesAKey(memberKeyName(expression));
    case AST_NODE_TYPES.Identifier:
      return identifierIsKey(expression, env, depth);
    default:
      return false;
  }
}

function identifierIsKey(identifier: TSESTree.Identifier, env: FileEnvironment, depth: number): boolean {
  if (evaluate(identifier, env).kind === 'string' || namesAKey(identifier.name)) return true;
  const variable = env.findVariable(identifier);
  if (variable === undefined || variable.defs.length !== 1) return false;
  const definition = variable.defs[0]!;
  // `let key: string`, `(key: string) => …`, `key = ''`: typed or defaulted as a string.
  if (hasStringType(definition.name)) return true;
  const source = env.variableSource(variable);
  if (source?.kind === 'init') return isApiKeyValue(source.node, env, depth + 1);
  if (source?.kind === 'parameter') {
    const parameter = source.fn.params[source.index];
    return parameter?.type === AST_NODE_TYPES.AssignmentPattern && isApiKeyValue(parameter.right, env, depth + 1);
  }
  return false;
}

/** `apiKey`, `key`, `YT_API_KEY`, `youtubeKey`: a name that ends in "key". */
function namesAKey(name: string | undefined): boolean {
  return name !== undefined && /(?:^|[a-z0-9_])(?:key|Key|KEY)$/u.test(name);
}

function isEnvironmentVariable(member: TSESTree.MemberExpression): boolean {
  const owner = unwrapExpression(member.object);
  if (owner.type !== AST_NODE_TYPES.MemberExpression || memberKeyName(owner) !== 'env') return false;
  const root = unwrapExpression(owner.object);
  return (root.type === AST_NODE_TYPES.Identifier && root.name === 'process') || root.type === AST_NODE_TYPES.MetaProperty;
}

function hasStringType(node: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.TSAsExpression || node.type === AST_NODE_TYPES.TSTypeAssertion)
    return node.typeAnnotation.type === AST_NODE_TYPES.TSStringKeyword;
  const annotation = 'typeAnnotation' in node ? node.typeAnnotation : undefined;
  return (
    annotation !== undefined &&
    annotation !== null &&
    annotation.type === AST_NODE_TYPES.TSTypeAnnotation &&
    annotation.typeAnnotation.type === AST_NODE_TYPES.TSStringKeyword
  );
}
