import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { evaluate, findProperty, objectLiteralOf, unwrapExpression } from '../core/static-value.ts';
import type { FileEnvironment } from '../core/file-environment.ts';
import type { AuthKind, AuthObject, GoogleValueResolver } from './google-values.ts';

/**
 * Whether an auth object impersonates a user (a service account with domain-wide delegation:
 * google-auth-library's JWT reads `subject`; GoogleAuth hands `clientOptions` to the client it
 * makes): `delegated` when its constructor writes a `subject`; `none` when every option of its
 * constructor is visible (an object literal whose spreads are all read, or JWT's positional
 * form) without one and nothing in the file writes `subject` into it later; else `unknown`
 * (options spread from another module or made by a factory may carry a `subject`).
 */
export type Delegation = 'delegated' | 'none' | 'unknown';

export function delegationOf(auth: AuthObject, resolver: GoogleValueResolver, env: FileEnvironment): Delegation {
  const node = auth.node;
  if (node.type !== AST_NODE_TYPES.NewExpression && node.type !== AST_NODE_TYPES.CallExpression) return 'unknown';
  const written = constructorSubject(node, auth.kind, resolver, env);
  return written === 'none' && subjectWrittenLater(node, resolver, env) ? 'unknown' : written;
}

/** `new JWT({ subject })`, `new JWT(email, keyFile, key, scopes, subject)`, `new GoogleAuth({ clientOptions: { subject } })`. */
function constructorSubject(
  node: TSESTree.NewExpression | TSESTree.CallExpression,
  kind: AuthKind,
  resolver: GoogleValueResolver,
  env: FileEnvironment,
): Delegation {
  const args = node.arguments;
  if (args.some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)) return 'unknown';
  const first = args[0];
  if (first === undefined) return 'none';
  if (objectLiteralOf(first, env) === undefined) {
    // `new JWT(email, keyFile, key, scopes, subject)`: a string first, or several arguments
    // (google-auth-library takes an object first as the options).
    const positional =
      kind === 'JWT' && node.type === AST_NODE_TYPES.NewExpression && (args.length > 1 || evaluate(first, env).kind === 'string');
    return positional ? subjectOf(args[4], env) : 'unknown';
  }
  const clientOptions = resolver.option(first, 'clientOptions');
  const inClientOptions: Delegation =
    clientOptions === undefined || isNullish(clientOptions)
      ? 'none'
      : objectLiteralOf(clientOptions, env) === undefined
        ? 'unknown'
        : subjectOf(resolver.option(clientOptions, 'subject'), env);
  const own = subjectOf(resolver.option(first, 'subject'), env);
  if (own === 'delegated' || inClientOptions === 'delegated') return 'delegated';
  return own === 'unknown' || inClientOptions === 'unknown' ? 'unknown' : 'none';
}

/**
 * What an option's value (`resolver.option`) says: nothing or `null`/`undefined` writes no
 * subject; a spread the analysis can't read (`...impersonation` of another module) writes one
 * when its evaluated value has a string `subject`, and may otherwise; anything else writes one.
 */
function subjectOf(value: TSESTree.Node | undefined, env: FileEnvironment): Delegation {
  if (value === undefined || isNullish(value)) return 'none';
  if (value.parent?.type === AST_NODE_TYPES.SpreadElement && value.parent.argument === value) {
    const spread = evaluate(value, env);
    return spread.kind === 'object' && spread.properties['subject']?.kind === 'string' ? 'delegated' : 'unknown';
  }
  return 'delegated';
}

/**
 * `auth.subject = …` later in the file (google-auth-library reads it at each token request):
 * through a name that holds this auth object, or through anything that may (a parameter, an
 * unknown value); not through another auth object or a local object/array literal (an email's
 * `message.subject = 'Hi'`).
 */
function subjectWrittenLater(node: TSESTree.Node, resolver: GoogleValueResolver, env: FileEnvironment): boolean {
  return resolver.memberWrites('subject').some((assignment) => {
    const target = (assignment.left as TSESTree.MemberExpression).object;
    const value = resolver.resolve(target);
    if (value.kind === 'auth') return [value.auth, ...(value.auth.alternatives ?? [])].some((auth) => auth.node === node);
    return value.kind === 'unknown' && !isLocalDataLiteral(target, env);
  });
}

/** A name whose declaration holds an object or array literal (mutated or not): no auth object. */
function isLocalDataLiteral(node: TSESTree.Node, env: FileEnvironment): boolean {
  const unwrapped = unwrapExpression(node);
  const variable = unwrapped.type === AST_NODE_TYPES.Identifier ? env.findVariable(unwrapped) : undefined;
  const source = variable === undefined ? undefined : env.variableSource(variable);
  if (source?.kind !== 'init') return false;
  const init = unwrapExpression(source.node);
  return init.type === AST_NODE_TYPES.ObjectExpression || init.type === AST_NODE_TYPES.ArrayExpression;
}

function unwrapOptional(node: TSESTree.Node | undefined): TSESTree.Node | undefined {
  return node === undefined ? undefined : unwrapExpression(node);
}

function isNullish(node: TSESTree.Node): boolean {
  const value = unwrapExpression(node);
  return (
    (value.type === AST_NODE_TYPES.Literal && value.value === null) ||
    (value.type === AST_NODE_TYPES.Identifier && value.name === 'undefined')
  );
}

/**
 * Certainly a service account, from the constructor alone: `new JWT(…)` (google-auth-library's
 * service-account client) or `new GoogleAuth({ credentials: { client_email, private_key } })` (a
 * service-account key written inline). A `keyFile`, `fromJSON` or Application Default Credentials
 * may hold a user's credentials: not certain.
 */
export function isServiceAccountAuth(node: TSESTree.Node, kind: string): boolean {
  if (node.type !== AST_NODE_TYPES.NewExpression) return false;
  if (kind === 'JWT') return true;
  if (kind !== 'GoogleAuth') return false;
  const first = node.arguments[0] === undefined ? undefined : unwrapExpression(node.arguments[0]);
  const credentials = unwrapOptional(findProperty(first, 'credentials')?.value);
  return (
    credentials?.type === AST_NODE_TYPES.ObjectExpression &&
    findProperty(credentials, 'private_key') !== undefined &&
    findProperty(credentials, 'client_email') !== undefined
  );
}
