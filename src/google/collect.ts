import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { walk } from '../core/ast-walk.ts';
import type { VisitorKeys } from '../core/ast-walk.ts';
import { enclosingClass } from './google-values.ts';
import { memberKeyName, propertyKeyName } from '../core/static-value.ts';

/** Strings that look like a scope (or a short form of one) wherever they are. */
export const SCOPE_LIKE = /googleapis\.com\/auth|mail\.google\.com|^gmail\.[a-z.]+$/i;
/** A string in the file that is, or looks like, an OAuth scope (for valid-scope). */
export interface ScopeStringNode {
  readonly node: TSESTree.Literal | TSESTree.TemplateLiteral;
  readonly value: string;
  /** True when the string sits where scopes go (`scopes:`, `scope:`, `addScope()`, a `*SCOPE*` constant). */
  readonly inScopePosition: boolean;
}
/** Names of properties and constants that hold scopes: `scopes`, `scope`, `GMAIL_SCOPES`. */
const SCOPE_NAME = /scopes?$/i;

/** What one walk of the AST collects for the analysis. */
export interface Collected {
  calls: TSESTree.CallExpression[];
  news: TSESTree.NewExpression[];
  classFieldWrites: Map<TSESTree.Node, Map<string, TSESTree.Node[]>>;
  /** Every assignment to a named member (`x.baseUrl = …`, `this.baseUrl += …`), by member name (./rest-calls.ts). */
  memberAssignments: Map<string, TSESTree.AssignmentExpression[]>;
  scopeStrings: ScopeStringNode[];
  /** Expressions that hold scopes by position (`scopes: X`, `scope: X`, `const SCOPES = X`), and the code they span. */
  scopeDeclarations: { readonly value: TSESTree.Node; readonly extent: TSESTree.Node; readonly editable?: false }[];
  /** `x.scopes = value` assignments (auth objects configured after construction). */
  scopesAssignments: { readonly object: TSESTree.Node; readonly value: TSESTree.Node }[];
  /**
   * The file hands a Google OAuth token to SMTP or IMAP (nodemailer `auth: { type: 'OAuth2' }`,
   * an IMAP client): that needs `https://mail.google.com/`, which no Gmail API call shows.
   */
  feedsMailProtocol: boolean;
}

/** IMAP clients that authenticate with an OAuth access token (XOAUTH2). */
const IMAP_MODULES = new Set(['imapflow', 'imap', 'node-imap', 'imap-simple', 'emailjs-imap-client']);

/**
 * The one walk's result per AST: an imported module's record serves several views (its Google
 * exports, its REST helpers), and each would otherwise walk the same syntax again.
 */
const collectedByAst = new WeakMap<TSESTree.Program, Collected>();

/** One walk over the AST, collecting only what the analysis needs (once per AST; read-only for callers). */
export function collect(sourceCode: Readonly<TSESLint.SourceCode>): Collected {
  let collected = collectedByAst.get(sourceCode.ast);
  if (collected === undefined) {
    collected = walkOnce(sourceCode);
    collectedByAst.set(sourceCode.ast, collected);
  }
  return collected;
}

function walkOnce(sourceCode: Readonly<TSESLint.SourceCode>): Collected {
  const collected: Collected = {
    calls: [],
    news: [],
    classFieldWrites: new Map(),
    memberAssignments: new Map(),
    scopeStrings: [],
    scopeDeclarations: [],
    scopesAssignments: [],
    feedsMailProtocol: false,
  };
  const visitorKeys = sourceCode.visitorKeys as VisitorKeys;
  // The state handed down is whether the node sits where scopes go.
  walk(sourceCode.ast, visitorKeys, false, (node, parentScopePosition): boolean | undefined => {
    // `{ scopes: … }`: the value is in scope position, the key is not.
    const inScopePosition = parentScopePosition && !isPropertyKey(node);
    let childScopePosition = inScopePosition;
    switch (node.type) {
      case AST_NODE_TYPES.CallExpression:
        collected.calls.push(node);
        if (isImapRequire(node)) collected.feedsMailProtocol = true;
        if (isAddScopeCall(node) && node.arguments[0] !== undefined) {
          // One scope per addScope() call: a fix must not append a second one inside the string.
          collected.scopeDeclarations.push({ value: node.arguments[0], extent: node.arguments[0], editable: false });
        }
        break;
      case AST_NODE_TYPES.NewExpression:
        collected.news.push(node);
        break;
      case AST_NODE_TYPES.ImportDeclaration:
        if (IMAP_MODULES.has(node.source.value)) collected.feedsMailProtocol = true;
        break;
      case AST_NODE_TYPES.Property:
        if (isMailProtocolOAuth(node)) collected.feedsMailProtocol = true;
        if (
          propertyKeyName(node) !== undefined &&
          SCOPE_NAME.test(propertyKeyName(node)!) &&
          node.value.type !== AST_NODE_TYPES.ObjectPattern
        ) {
          collected.scopeDeclarations.push({ value: node.value, extent: node.value });
        }
        break;
      case AST_NODE_TYPES.VariableDeclarator:
        if (node.id.type === AST_NODE_TYPES.Identifier && SCOPE_NAME.test(node.id.name) && node.init !== null) {
          // The name, not the initialiser: evaluation then sees mutations, and messages can name it.
          collected.scopeDeclarations.push({ value: node.id, extent: node });
        }
        break;
      case AST_NODE_TYPES.AssignmentExpression: {
        const left = node.left;
        if (left.type === AST_NODE_TYPES.MemberExpression && memberKeyName(left) === 'scopes' && node.operator === '=') {
          collected.scopesAssignments.push({ object: left.object, value: node.right });
          collected.scopeDeclarations.push({ value: node.right, extent: node.right });
        }
        const memberName = left.type === AST_NODE_TYPES.MemberExpression ? memberKeyName(left) : undefined;
        if (memberName !== undefined) {
          const list = collected.memberAssignments.get(memberName);
          if (list === undefined) collected.memberAssignments.set(memberName, [node]);
          else list.push(node);
        }
        if (left.type === AST_NODE_TYPES.MemberExpression && left.object.type === AST_NODE_TYPES.ThisExpression) {
          const key = memberName;
          const classNode = key === undefined ? undefined : enclosingClass(node);
          if (key !== undefined && classNode !== undefined) {
            const fields = collected.classFieldWrites.get(classNode) ?? new Map<string, TSESTree.Node[]>();
            fields.set(key, [...(fields.get(key) ?? []), node.right]);
            collected.classFieldWrites.set(classNode, fields);
          }
        }
        break;
      }
      case AST_NODE_TYPES.Literal:
        if (typeof node.value === 'string' && (inScopePosition || SCOPE_LIKE.test(node.value))) {
          collected.scopeStrings.push({ node, value: node.value, inScopePosition });
        }
        return undefined;
      case AST_NODE_TYPES.TemplateLiteral:
        if (node.expressions.length === 0) {
          const value = node.quasis[0]?.value.cooked ?? '';
          if (inScopePosition || SCOPE_LIKE.test(value)) collected.scopeStrings.push({ node, value, inScopePosition });
          return undefined;
        }
        break;
      default:
        break;
    }
    if (
      node.type === AST_NODE_TYPES.Property ||
      node.type === AST_NODE_TYPES.VariableDeclarator ||
      (node.type === AST_NODE_TYPES.CallExpression && isAddScopeCall(node))
    ) {
      childScopePosition = isScopePositionParent(node);
    } else if (
      node.type !== AST_NODE_TYPES.ArrayExpression &&
      node.type !== AST_NODE_TYPES.BinaryExpression &&
      node.type !== AST_NODE_TYPES.TemplateLiteral &&
      node.type !== AST_NODE_TYPES.TSAsExpression &&
      node.type !== AST_NODE_TYPES.TSSatisfiesExpression
    ) {
      childScopePosition = false;
    }
    return childScopePosition;
  });
  return collected;
}

function isPropertyKey(node: TSESTree.Node): boolean {
  return node.parent?.type === AST_NODE_TYPES.Property && node.parent.key === node;
}

function isScopePositionParent(node: TSESTree.Property | TSESTree.VariableDeclarator | TSESTree.CallExpression): boolean {
  if (node.type === AST_NODE_TYPES.CallExpression) return true;
  if (node.type === AST_NODE_TYPES.Property) {
    const key = propertyKeyName(node);
    return key !== undefined && SCOPE_NAME.test(key);
  }
  return node.id.type === AST_NODE_TYPES.Identifier && SCOPE_NAME.test(node.id.name);
}

/** Firebase `provider.addScope('…')`. */
function isAddScopeCall(node: TSESTree.CallExpression): boolean {
  return node.callee.type === AST_NODE_TYPES.MemberExpression && memberKeyName(node.callee) === 'addScope';
}

/** nodemailer's `auth: { type: 'OAuth2', … }` (XOAUTH2 over SMTP), or an `xoauth2` option. */
function isMailProtocolOAuth(node: TSESTree.Property): boolean {
  const key = propertyKeyName(node);
  if (key?.toLowerCase() === 'xoauth2') return true;
  return (
    key === 'type' &&
    node.value.type === AST_NODE_TYPES.Literal &&
    typeof node.value.value === 'string' &&
    /^oauth2$/i.test(node.value.value)
  );
}

/** `require('imapflow')` and the other IMAP clients. */
function isImapRequire(node: TSESTree.CallExpression): boolean {
  const argument = node.arguments[0];
  return (
    node.callee.type === AST_NODE_TYPES.Identifier &&
    node.callee.name === 'require' &&
    argument?.type === AST_NODE_TYPES.Literal &&
    typeof argument.value === 'string' &&
    IMAP_MODULES.has(argument.value)
  );
}
