import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { walk } from '../../core/ast-walk.ts';
import type { VisitorKeys } from '../../core/ast-walk.ts';
import type { FileEnvironment } from '../../core/file-environment.ts';
import { MAX_EXPRESSION_PARTS_DEPTH } from '../../core/limits.ts';
import { findProperty, memberKeyName, propertyKeyName, unwrapExpression } from '../../core/static-value.ts';
import type { ApiCall } from '../facts.ts';
import type { GoogleValueResolver } from '../google-values.ts';

/*
 * Whether an untraced call's token is certainly minted outside the project (issue 14, review 3
 * H6): read from the incoming HTTP request (`req.get('authorization')`, `req.headers.authorization`,
 * `request.headers.get('authorization')`, a `body`/`query`/`params` field of a handler's
 * parameter) or from the environment (`process.env.TOKEN`). A mobile app, a single-page app in
 * another repository or the OAuth Playground may have minted it, with any scopes: the project's
 * requests say nothing about it. A token passed in as a parameter or read from the session is
 * the project's own (a consent flow stored it) and stays judged.
 */

/** Options and credentials fields that carry a token. */
const TOKEN_KEYS = new Set(['authorization', 'Authorization', 'access_token', 'accessToken', 'refresh_token', 'refreshToken']);
/** Parts of an incoming request that its sender writes. */
const SENDER_FIELDS = new Set(['body', 'query', 'params']);
/** Object literals searched for a token field in the call's own arguments (`{ headers: { Authorization } }`). */
const MAX_OPTIONS_DEPTH = 3;

export interface TokenContext {
  readonly env: FileEnvironment;
  readonly resolver: GoogleValueResolver;
  readonly program: TSESTree.Program;
  readonly visitorKeys: VisitorKeys;
}

/** Whether the token of `call` (its own headers or mail options, or its OAuth2 client's credentials) comes from outside the project. */
export function tokenFromOutside(call: ApiCall, context: TokenContext): boolean {
  const origin = new TokenOrigin(context);
  if (call.node.arguments.some((argument) => origin.optionsCarryOutsideToken(argument, 0))) return true;
  const authNode = call.client?.authNode;
  if (authNode === undefined) return false;
  const auth = context.resolver.resolve(authNode);
  if (auth.kind !== 'auth') return false;
  return credentialWrites(context).some(
    ({ receiver, value }) => origin.credentialsFromOutside(value) && sameAuth(context.resolver.resolve(receiver), auth.auth.node),
  );
}

function sameAuth(value: ReturnType<GoogleValueResolver['resolve']>, node: TSESTree.Node): boolean {
  return value.kind === 'auth' && value.auth.node === node;
}

/** `x.setCredentials(value)` and `x.credentials = value` in a file (found once per file). */
const writesByProgram = new WeakMap<TSESTree.Program, { receiver: TSESTree.Node; value: TSESTree.Node }[]>();

function credentialWrites(context: TokenContext): { receiver: TSESTree.Node; value: TSESTree.Node }[] {
  const known = writesByProgram.get(context.program);
  if (known !== undefined) return known;
  const writes: { receiver: TSESTree.Node; value: TSESTree.Node }[] = [];
  walk(context.program, context.visitorKeys, true, (node) => {
    if (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.MemberExpression) {
      const value = node.arguments[0];
      if (memberKeyName(node.callee) === 'setCredentials' && value !== undefined) writes.push({ receiver: node.callee.object, value });
    } else if (
      node.type === AST_NODE_TYPES.AssignmentExpression &&
      node.left.type === AST_NODE_TYPES.MemberExpression &&
      memberKeyName(node.left) === 'credentials'
    ) {
      writes.push({ receiver: node.left.object, value: node.right });
    }
    return true;
  });
  writesByProgram.set(context.program, writes);
  return writes;
}

class TokenOrigin {
  constructor(private readonly context: TokenContext) {}

  /** `{ headers: { Authorization: req.headers.authorization } }`, `{ auth: { accessToken: req.body.token } }`. */
  optionsCarryOutsideToken(node: TSESTree.Node, depth: number): boolean {
    const options = unwrapExpression(node);
    if (options.type !== AST_NODE_TYPES.ObjectExpression || depth > MAX_OPTIONS_DEPTH) return false;
    return options.properties.some((property) => {
      if (property.type !== AST_NODE_TYPES.Property) return false;
      const key = propertyKeyName(property);
      if (key !== undefined && TOKEN_KEYS.has(key)) return this.fromOutside(property.value, 0);
      return this.optionsCarryOutsideToken(property.value, depth + 1);
    });
  }

  /** `setCredentials({ access_token: … })`, or the whole credentials read from the request (`setCredentials(req.body.tokens)`). */
  credentialsFromOutside(value: TSESTree.Node): boolean {
    const credentials = unwrapExpression(value);
    if (credentials.type !== AST_NODE_TYPES.ObjectExpression) return this.fromOutside(credentials, 0);
    return [...TOKEN_KEYS].some((key) => {
      const field = findProperty(credentials, key)?.value;
      return field !== undefined && this.fromOutside(field, 0);
    });
  }

  /** Whether the value is (or is derived from) the incoming request's or the environment's text. */
  private fromOutside(node: TSESTree.Node, depth: number): boolean {
    if (depth > MAX_EXPRESSION_PARTS_DEPTH) return false;
    const value = unwrapExpression(node);
    switch (value.type) {
      case AST_NODE_TYPES.TemplateLiteral:
        return value.expressions.some((part) => this.fromOutside(part, depth + 1));
      case AST_NODE_TYPES.BinaryExpression:
      case AST_NODE_TYPES.LogicalExpression:
        return this.fromOutside(value.left, depth + 1) || this.fromOutside(value.right, depth + 1);
      case AST_NODE_TYPES.ConditionalExpression:
        return this.fromOutside(value.consequent, depth + 1) || this.fromOutside(value.alternate, depth + 1);
      case AST_NODE_TYPES.ChainExpression:
      case AST_NODE_TYPES.AwaitExpression:
        return this.fromOutside(value.type === AST_NODE_TYPES.ChainExpression ? value.expression : value.argument, depth + 1);
      case AST_NODE_TYPES.Identifier:
        return this.constantFromOutside(value, depth);
      case AST_NODE_TYPES.MemberExpression:
      case AST_NODE_TYPES.CallExpression:
        return this.chainFromOutside(value, depth);
      default:
        return false;
    }
  }

  /**
   * A chain of reads and calls: `req.get('authorization').slice(7)`, `req.headers.authorization?.split(' ')[1]`,
   * `ctx.request.body.token`, `process.env.TOKEN`, or one that starts at a constant holding such a value.
   */
  private chainFromOutside(chain: TSESTree.MemberExpression | TSESTree.CallExpression, depth: number): boolean {
    const names: string[] = [];
    let current: TSESTree.Node = chain;
    for (let steps = 0; steps < 32; steps++) {
      current = unwrapExpression(current);
      if (current.type === AST_NODE_TYPES.ChainExpression) current = current.expression;
      else if (current.type === AST_NODE_TYPES.MemberExpression) {
        const name = memberKeyName(current);
        if (name === 'headers' || (name === 'env' && isProcessOrMeta(current.object))) return true;
        names.push(name ?? '');
        current = current.object;
      } else if (current.type === AST_NODE_TYPES.CallExpression) {
        // `req.get('authorization')`, `req.header('Authorization')`, `headers().get('authorization')`.
        const callee = current.callee;
        const first = current.arguments[0];
        const method = callee.type === AST_NODE_TYPES.MemberExpression ? memberKeyName(callee) : undefined;
        if (
          (method === 'get' || method === 'header') &&
          first?.type === AST_NODE_TYPES.Literal &&
          typeof first.value === 'string' &&
          first.value.toLowerCase() === 'authorization'
        ) {
          return true;
        }
        if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
        current = callee;
      } else break;
    }
    if (current.type !== AST_NODE_TYPES.Identifier) return false;
    // `req.body.token`: a field the request's sender wrote, read from a handler's parameter.
    if (names.some((name) => SENDER_FIELDS.has(name)) && this.isParameter(current)) return true;
    return this.constantFromOutside(current, depth);
  }

  /** `const token = req.get('authorization').slice(7)`, `const { authorization } = req.headers`. */
  private constantFromOutside(identifier: TSESTree.Identifier, depth: number): boolean {
    const variable = this.context.env.findVariable(identifier);
    const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    const declarator = definition?.node as TSESTree.Node | undefined;
    if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init === null) return false;
    // Assigned again later: the value read here may be another.
    if (variable!.references.some((reference) => reference.isWrite() && reference.init !== true)) return false;
    return this.fromOutside(declarator.init, depth + 1);
  }

  private isParameter(identifier: TSESTree.Identifier): boolean {
    return this.context.env.findVariable(identifier)?.defs.some((definition) => definition.type === 'Parameter') === true;
  }
}

/** `process.env`, `import.meta.env`. */
function isProcessOrMeta(node: TSESTree.Node): boolean {
  const object = unwrapExpression(node);
  if (object.type === AST_NODE_TYPES.Identifier) return object.name === 'process';
  return object.type === AST_NODE_TYPES.MetaProperty;
}
