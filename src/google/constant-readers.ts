import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { isExported } from '../core/file-environment.ts';
import type { FileEnvironment } from '../core/file-environment.ts';
import { MAX_REFERENCE_DEPTH } from '../core/limits.ts';

/**
 * Whether a scope declaration is read only inside `owners` (auth constructors): written there
 * inline, or held by a constant of this module that nothing else reads (followed through the
 * constants built from it, `const ALL = [...SCOPES]`). A constant another module may import, one
 * reassigned, or one read anywhere else (`o.generateAuthUrl({ scope: SCOPES })` on a client passed
 * in) is not.
 */
export function isReadOnlyWithin(node: TSESTree.Node, owners: readonly TSESTree.Node[], env: FileEnvironment, depth = 0): boolean {
  if (owners.some((owner) => owner.range[0] <= node.range[0] && node.range[1] <= owner.range[1])) return true;
  if (depth > MAX_REFERENCE_DEPTH) return false;
  const declarator = holdingDeclarator(node);
  const variable = declarator?.id.type === AST_NODE_TYPES.Identifier ? env.findVariable(declarator.id) : undefined;
  if (variable === undefined || isExported(variable)) return false;
  return variable.references.every(
    (reference) => reference.init === true || (!reference.isWrite() && isReadOnlyWithin(reference.identifier, owners, env, depth + 1)),
  );
}

/** The `const x = …` whose initialiser holds the node, outside any call (`const a = f(SCOPES)` is a use, not a holder). */
function holdingDeclarator(node: TSESTree.Node): TSESTree.VariableDeclarator | undefined {
  for (let current = node.parent; current !== undefined; current = current.parent) {
    switch (current.type) {
      case AST_NODE_TYPES.VariableDeclarator:
        return current;
      case AST_NODE_TYPES.ArrayExpression:
      case AST_NODE_TYPES.SpreadElement:
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
        continue;
      default:
        return undefined;
    }
  }
  return undefined;
}
