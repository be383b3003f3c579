import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { isExported } from '../core/file-environment.ts';
import type { FileEnvironment } from '../core/file-environment.ts';
import { calleeName, unwrapExpression } from '../core/static-value.ts';
import type { Analysis } from './analysis.ts';
import { authObjectsOfCall } from './auth-visibility.ts';
import type { ApiCall } from './facts.ts';

type Variable = TSESLint.Scope.Variable;
type Reference = TSESLint.Scope.Reference;

/**
 * Whether a scope declaration of this file feeds other token requests than those of the auth
 * objects `calls` go through (review 4 H10): a `SCOPES` constant a service account shares with the
 * users' consent URL. Extending it for the service account's call would ask every user for the
 * new scope, so a fix there is only a suggestion. Conservative: a constant exported, passed to a
 * function, or read where the use is unknown counts as feeding other requests; reads that only
 * check it (`SCOPES.includes(x)`) do not.
 */
export function feedsOtherRequests(analysis: Analysis, declaration: TSESTree.Node, calls: readonly ApiCall[]): boolean {
  const env = analysis.env;
  if (env === undefined) return true;
  // A literal written where it is used (`new GoogleAuth({ scopes: ['…'] })`, a wrapper's argument)
  // feeds that one place, the one the calls were traced to.
  const name = nameOf(declaration);
  if (name === undefined) return false;
  const variable = env.findVariable(name);
  if (variable === undefined || isExported(variable)) return true;
  const own = ownAuths(analysis, calls);
  const requests = analysis.tokenRequests();
  const uses = { ownFound: false, others: 0 };
  const count = (references: readonly Reference[], depth: number): void => {
    for (const reference of references) {
      if (reference.init === true || !reference.isRead()) continue;
      const auth = own === undefined ? undefined : requestAt(reference.identifier, requests)?.auth;
      if (auth !== undefined && own!.has(auth)) {
        uses.ownFound = true;
        continue;
      }
      const use = analysis.requestUse(reference.identifier);
      if (use === 'check' || use === 'unused') continue;
      // Handed to a function of this file (`count(SCOPES)`): what its parameter does with it.
      const parameter = use === 'unknown' && depth < MAX_HELPER_DEPTH ? localParameter(reference.identifier, env) : undefined;
      if (parameter !== undefined) count(parameter.references, depth + 1);
      else uses.others++;
    }
  };
  count(variable.references, 0);
  // The calls' scopes come from this name: when none of its reads is recognised as their auth's
  // request, one of the others is.
  return uses.others > (uses.ownFound ? 0 : 1);
}

/** Local helpers followed at most this deep (`count(list)` calling `check(list)`). */
const MAX_HELPER_DEPTH = 3;

/** `helper(value)` with `helper` a function of this file: the variable of the parameter that receives `value`. */
function localParameter(argument: TSESTree.Node, env: FileEnvironment): Variable | undefined {
  const call = argument.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee.type !== AST_NODE_TYPES.Identifier) return undefined;
  const index = call.arguments.indexOf(argument as TSESTree.CallExpressionArgument);
  const definition = env.findVariable(call.callee)?.defs;
  if (index < 0 || definition?.length !== 1) return undefined;
  const node = definition[0]!.node as TSESTree.Node;
  const fn =
    node.type === AST_NODE_TYPES.FunctionDeclaration
      ? node
      : node.type === AST_NODE_TYPES.VariableDeclarator &&
          (node.init?.type === AST_NODE_TYPES.ArrowFunctionExpression || node.init?.type === AST_NODE_TYPES.FunctionExpression)
        ? node.init
        : undefined;
  const parameter = fn?.params[index];
  return parameter?.type === AST_NODE_TYPES.Identifier ? env.findVariable(parameter) : undefined;
}

/** The auth objects the calls go through (undefined: not traced, `google.options`, a REST call). */
function ownAuths(analysis: Analysis, calls: readonly ApiCall[]): Set<TSESTree.Node> | undefined {
  const own = new Set<TSESTree.Node>();
  for (const call of calls) {
    const auths = authObjectsOfCall(analysis, call);
    if (auths === undefined) return undefined;
    for (const auth of auths) own.add(auth.node);
  }
  return own;
}

/** The token request the value at `node` flows into within its expression, with the auth object it asks for. */
function requestAt(
  node: TSESTree.Node,
  requests: ReadonlyMap<TSESTree.Node, { readonly node: TSESTree.Node } | undefined>,
): { readonly auth: TSESTree.Node | undefined } | undefined {
  for (let current: TSESTree.Node | undefined = node; current !== undefined; current = current.parent) {
    if (requests.has(current)) return { auth: requests.get(current)?.node };
    if (isBoundary(current)) return undefined;
  }
  return undefined;
}

/**
 * The name that holds the literal: `const SCOPES = […]` (also `Object.freeze([…])`, `[…] as
 * const`) or a parameter's default (`scopes = […]`); undefined when the literal is used where it is written.
 */
function nameOf(declaration: TSESTree.Node): TSESTree.Identifier | undefined {
  let node = declaration;
  for (;;) {
    const parent = node.parent;
    if (parent === undefined) return undefined;
    if (parent.type === AST_NODE_TYPES.VariableDeclarator)
      return parent.init === node && parent.id.type === AST_NODE_TYPES.Identifier ? parent.id : undefined;
    if (parent.type === AST_NODE_TYPES.AssignmentPattern)
      return parent.right === node && parent.left.type === AST_NODE_TYPES.Identifier ? parent.left : undefined;
    if (unwrapExpression(parent) !== unwrapExpression(node) && !isFreeze(parent, node)) return undefined;
    node = parent;
  }
}

function isFreeze(parent: TSESTree.Node, node: TSESTree.Node): boolean {
  return parent.type === AST_NODE_TYPES.CallExpression && parent.arguments[0] === node && calleeName(parent.callee) === 'freeze';
}

/** Where a value stops flowing upwards into one expression. */
function isBoundary(node: TSESTree.Node): boolean {
  return (
    node.type === AST_NODE_TYPES.Program ||
    node.type === AST_NODE_TYPES.VariableDeclarator ||
    node.type === AST_NODE_TYPES.ExpressionStatement ||
    node.type === AST_NODE_TYPES.ReturnStatement ||
    node.type === AST_NODE_TYPES.FunctionDeclaration ||
    node.type === AST_NODE_TYPES.FunctionExpression ||
    node.type === AST_NODE_TYPES.ArrowFunctionExpression
  );
}
