import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { FileEnvironment } from '../core/file-environment.ts';
import type { FileBoundary } from '../core/file-boundary.ts';
import { exportTable } from '../core/export-table.ts';
import { moduleView } from '../core/module-record.ts';
import { resolveModule } from '../core/resolve.ts';
import { evaluate, findProperty, memberKeyName, propertyKeyName, unwrapExpression } from '../core/static-value.ts';
import { MAX_OPTIONS_SPREAD_DEPTH, MAX_TRACE_DEPTH } from '../core/limits.ts';

/**
 * Whether an `auth` value is an API key: a string. googleapis-common sends a string auth as the
 * `key` query parameter and no OAuth token at all (googleapis-common 9.3.1
 * build/src/apirequest.js:147-150 `if (typeof authClient === 'string') { params.key = … }`), so
 * no scope applies to such a request. A string is: a literal or template, a constant evaluating
 * to one, `process.env.X` / `import.meta.env.X`, a concatenation, a value typed `string`, or a
 * name that says it holds a key (`apiKey`, `YT_API_KEY`, `config.key`): judging fewer calls is
 * the safe side.
 */
export function isApiKeyValue(node: TSESTree.Node, env: FileEnvironment | undefined, depth = 0): boolean {
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
      return (
        isEnvironmentVariable(expression) ||
        namesAKey(memberKeyName(expression)) ||
        (env !== undefined && constantFieldIsKey(expression, env, depth))
      );
    case AST_NODE_TYPES.Identifier:
      // In another module (no environment): only the name tells.
      return env === undefined ? namesAKey(expression.name) : identifierIsKey(expression, env, depth);
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

/**
 * `cfg.YOUTUBE_KEY_PROD` where `cfg` is an object constant of this file or of a project module
 * (`export const cfg = { YOUTUBE_KEY_PROD: process.env.K }`) whose field is a string.
 */
function constantFieldIsKey(member: TSESTree.MemberExpression, env: FileEnvironment, depth: number): boolean {
  const keys: string[] = [];
  let root: TSESTree.Node = member;
  while (root.type === AST_NODE_TYPES.MemberExpression && keys.length <= MAX_OPTIONS_SPREAD_DEPTH) {
    const key = memberKeyName(root);
    if (key === undefined) return false;
    keys.unshift(key);
    root = unwrapExpression(root.object);
  }
  if (root.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = env.findVariable(root);
  const source = variable === undefined || env.isMutated(variable) ? undefined : env.variableSource(variable);
  if (source?.kind === 'init') {
    const field = fieldOf(source.node, keys);
    return field !== undefined && isApiKeyValue(field, env, depth + 1);
  }
  if (source?.kind !== 'module') return false;
  const target = resolveModule(env.filename, source.module, env.boundary);
  return target !== undefined && moduleStringFields(target, env.boundary).has([...source.path, ...keys].join('.'));
}

/** The expression at `keys` inside nested object literals, or undefined. */
function fieldOf(node: TSESTree.Node, keys: readonly string[]): TSESTree.Node | undefined {
  let current: TSESTree.Node | undefined = unwrapExpression(node);
  for (const key of keys) current = current === undefined ? undefined : findProperty(current, key)?.value;
  return current;
}

/**
 * The exported fields of a project module that hold a string (`cfg.YOUTUBE_KEY_PROD`, `default.key`
 * for `module.exports = { key: … }`), read from its object literals without evaluating anything.
 */
function moduleStringFields(file: string, boundary: FileBoundary): ReadonlySet<string> {
  return moduleView('string-fields', file, boundary, (sourceCode) => stringFields(sourceCode.ast), new Set<string>());
}

function stringFields(program: TSESTree.Program): Set<string> {
  const table = exportTable(program);
  const out = new Set<string>();
  const visit = (node: TSESTree.Node, path: string, depth: number): void => {
    const value = unwrapExpression(node);
    if (value.type === AST_NODE_TYPES.ObjectExpression) {
      if (depth > MAX_OPTIONS_SPREAD_DEPTH) return;
      for (const property of value.properties) {
        const key = property.type === AST_NODE_TYPES.Property ? propertyKeyName(property) : undefined;
        if (key !== undefined) visit((property as TSESTree.Property).value, path === '' ? key : `${path}.${key}`, depth + 1);
      }
    } else if (path !== '' && isApiKeyValue(value, undefined)) {
      out.add(path);
    }
  };
  for (const [name, entry] of table.exports) {
    const binding = entry.kind === 'binding' ? table.bindings.get(entry.name) : undefined;
    if (binding?.kind === 'expression') visit(binding.node, name, 0);
    else if (entry.kind === 'expression') visit(entry.node, name, 0);
  }
  if (table.moduleExports !== undefined) {
    visit(table.moduleExports, '', 0);
    visit(table.moduleExports, 'default', 0);
  }
  return out;
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
