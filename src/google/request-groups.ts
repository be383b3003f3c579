import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { isExported } from '../core/file-environment.ts';
import type { FileEnvironment } from '../core/file-environment.ts';
import type { Analysis } from './analysis.ts';
import { authObjectsOfCall, authVisibility } from './auth-visibility.ts';
import type { ApiCall } from './facts.ts';
import type { AuthObject } from './google-values.ts';
import type { ScopeDeclaration, ScopeSource } from './scope-sources.ts';

/** One scope request of the file (an auth object's scopes, or the file's declarations), with what uses it. */
export interface ScopeRequest {
  readonly source: ScopeSource;
  /** The calls whose scopes come from this request. */
  readonly calls: readonly ApiCall[];
  /** The auth objects made in this file that give these calls their scopes (undefined: not traced, or several per call). */
  readonly auths: readonly AuthObject[] | undefined;
  /**
   * Whether every user of these scopes is visible (computed on first read): settings say so, or
   * the auth objects never leave the file's sight. A list shared with other modules never is.
   */
  readonly visible: boolean;
}

/**
 * The file's requests from auth objects and from its own declarations, in the order their
 * first call appears, then the auth objects without calls (settings scopes are no request here).
 */
export function scopeRequests(analysis: Analysis): ScopeRequest[] {
  const groups = new Map<ScopeSource, { source: ScopeSource; calls: ApiCall[]; auths: AuthObject[] | undefined }>();
  for (const call of analysis.calls) {
    const source = call.requested;
    if (source === undefined || (source.kind !== 'auth' && source.kind !== 'file')) continue;
    let group = groups.get(source);
    if (group === undefined) groups.set(source, (group = { source, calls: [], auths: [] }));
    group.calls.push(call);
    const auths = source.kind === 'auth' ? authObjectsOfCall(analysis, call) : undefined;
    // Several auth objects may reach the call (`isAdmin ? adminAuth : userAuth`): which one needs
    // what is not visible, so the group is not judged.
    if (auths === undefined || auths.length > 1) group.auths = undefined;
    else if (group.auths !== undefined) for (const auth of auths) if (!group.auths.includes(auth)) group.auths.push(auth);
  }
  const traced = new Set([...groups.values()].flatMap((group) => group.auths ?? []));
  for (const { auth, source } of analysis.authObjects) {
    if (source === undefined || groups.has(source) || traced.has(auth)) continue;
    groups.set(source, { source, calls: [], auths: [auth] });
  }
  return [...groups.values()].map((group) => {
    let visible: boolean | undefined;
    return {
      ...group,
      get visible() {
        return (visible ??= isVisible(analysis, group));
      },
    };
  });
}

/** Whether every user of the group's scopes is visible: settings say so, or the auth objects never leave the file's sight. */
function isVisible(analysis: Analysis, group: Omit<ScopeRequest, 'visible'>): boolean {
  // A list other modules import (or one imported from another module) may serve calls in files
  // this lint of one file can't analyse: never judged, whatever the settings say.
  if (group.source.declarations.some((declaration) => isShared(declaration, analysis.env))) return false;
  if (analysis.settings.complete) return true;
  if (group.source.kind !== 'auth' || group.auths === undefined || group.auths.length === 0 || group.calls.length === 0) return false;
  const visibility = authVisibility(analysis, group.auths);
  if (!visibility.contained) return false;
  const own = new Set(group.calls.map((call) => call.node));
  return [...visibility.reachedCalls].every((call) => own.has(call));
}

/** Declared in another module, or in a variable this module exports. */
function isShared(declaration: ScopeDeclaration, env: FileEnvironment | undefined): boolean {
  if (declaration.file !== undefined) return true;
  for (let node: TSESTree.Node | undefined = declaration.node; node !== undefined; node = node.parent) {
    if (node.type === AST_NODE_TYPES.VariableDeclarator) {
      const variable = node.id.type === AST_NODE_TYPES.Identifier ? env?.findVariable(node.id) : undefined;
      return variable === undefined || isExported(variable);
    }
    if (node.type === AST_NODE_TYPES.Program || node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression)
      return false;
  }
  return false;
}
