import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { isExported } from '../core/file-environment.ts';
import type { FileEnvironment } from '../core/file-environment.ts';
import { calleeName, memberKeyName, propertyKeyName } from '../core/static-value.ts';

/**
 * What counts as a scope *request* (the one definition every rule and the report use).
 *
 * A string is a request only where its value flows into something that requests a token:
 * - `google`: a Google token request the analysis recognises — the `scopes` of an auth
 *   constructor or `getClient()`/`authenticate()`, `generateAuthUrl({ scope })`, `x.scopes =` on
 *   an auth object, positional JWT scopes, Firebase `addScope()`, a sign-in library's Google
 *   strategy/provider option, or a Google consent URL (`accounts.google.com/…?scope=`);
 * - `request`: a `scope`/`scopes` property of some other object (likely handed to an auth
 *   library we do not know);
 * and the value gets there directly or through constants, arrays, spreads, `.join()`,
 * concatenation and `encodeURIComponent()`.
 *
 * Never requests (`check`): comparison operands, `includes`/`indexOf`/`has`/… arguments and
 * receivers, object keys and computed lookups, `switch` cases, log text and error messages.
 * `unknown`: the value leaves what the file shows (exported, returned, passed to a function);
 * `unused`: it goes nowhere.
 */
export type RequestUse = 'google' | 'request' | 'unknown' | 'check' | 'unused';

/** Stronger first: a value used both as a request and as a check is a request. */
const STRENGTH: Readonly<Record<RequestUse, number>> = { unused: 0, check: 1, unknown: 2, request: 3, google: 4 };

/** Whether a use makes the value a scope request. */
export function isRequest(use: RequestUse): boolean {
  return use === 'google' || use === 'request';
}

function strongest(a: RequestUse, b: RequestUse): RequestUse {
  return STRENGTH[a] >= STRENGTH[b] ? a : b;
}

/** Calls whose arguments are tested against, never requested (`granted.includes(scope)`). */
const CHECK_METHODS = new Set([
  'includes',
  'indexOf',
  'lastIndexOf',
  'has',
  'get',
  'startsWith',
  'endsWith',
  'match',
  'test',
  'search',
  'find',
  'findIndex',
  'some',
  'every',
  'localeCompare',
  'hasScopes',
  'hasScope',
  'isScopeGranted',
]);
/** Methods of a scope list or string that read it without passing it on (`SCOPES.includes(x)`, `.length`). */
const DERIVING_METHODS = new Set(['join', 'concat', 'map', 'filter', 'slice', 'flat', 'trim', 'toString']);
/** Logging calls: their arguments are text. */
const LOG_METHODS = new Set(['log', 'info', 'warn', 'error', 'debug', 'trace']);
/** Calls that pass their argument's value on (`encodeURIComponent(scopes.join(' '))`). */
const PASS_THROUGH_CALLS = new Set(['encodeURIComponent', 'encodeURI', 'String']);
const COMPARISONS = new Set(['===', '!==', '==', '!=', '<', '>', '<=', '>=', 'in', 'instanceof']);
/** Google sign-in strategies and providers whose options carry scopes (passport, Auth.js/NextAuth). */
const SIGN_IN = /(?:^|\.)(?:GoogleStrategy|GoogleProvider|Google|OAuth2Strategy)$/;
/** A Google consent URL written in the code: its `scope=` parameter is a request. */
const CONSENT_URL = /accounts\.google\.com\/o\/oauth2\/.*scope=/;

const MAX_STEPS = 400;
const MAX_DEPTH = 12;

/**
 * Classifies how values written in a file are used. `googleSinks` are the expressions the
 * analysis traced into Google token requests (auth objects' `scopes`, `generateAuthUrl` scopes).
 */
export class ScopeRequestClassifier {
  private readonly cache = new Map<TSESTree.Node, RequestUse>();
  private steps = 0;

  constructor(
    private readonly env: FileEnvironment,
    private readonly googleSinks: ReadonlySet<TSESTree.Node>,
  ) {}

  /** How the value of the expression `node` is used. */
  useOf(node: TSESTree.Node): RequestUse {
    const cached = this.cache.get(node);
    if (cached !== undefined) return cached;
    this.steps = 0;
    return this.follow(node, 0);
  }

  /** How the value a variable declarator's name holds is used. */
  useOfDeclarator(declarator: TSESTree.VariableDeclarator): RequestUse {
    if (declarator.id.type !== AST_NODE_TYPES.Identifier) return 'unknown';
    this.steps = 0;
    return this.followVariable(declarator.id, 0);
  }

  private follow(start: TSESTree.Node, depth: number): RequestUse {
    // Every node on the way up has the same use: remember it for all of them (linear over a file).
    const path: TSESTree.Node[] = [];
    const use = this.walk(start, depth, path);
    if (this.steps <= MAX_STEPS) for (const node of path) this.cache.set(node, use);
    return use;
  }

  private walk(start: TSESTree.Node, depth: number, path: TSESTree.Node[]): RequestUse {
    let current = start;
    // Each hop goes up the tree (bounded by its depth); only followed variables cost steps.
    for (;;) {
      if (this.steps > MAX_STEPS || depth > MAX_DEPTH) return 'unknown';
      const known = this.cache.get(current);
      if (known !== undefined) return known;
      path.push(current);
      if (this.googleSinks.has(current)) return 'google';
      const parent: TSESTree.Node | undefined = current.parent;
      if (parent === undefined) return 'unknown';
      switch (parent.type) {
        case AST_NODE_TYPES.ArrayExpression:
        case AST_NODE_TYPES.SpreadElement:
        case AST_NODE_TYPES.TSAsExpression:
        case AST_NODE_TYPES.TSSatisfiesExpression:
        case AST_NODE_TYPES.TSNonNullExpression:
        case AST_NODE_TYPES.TSTypeAssertion:
        case AST_NODE_TYPES.ChainExpression:
        case AST_NODE_TYPES.AwaitExpression:
        case AST_NODE_TYPES.LogicalExpression:
          current = parent;
          continue;
        case AST_NODE_TYPES.ConditionalExpression:
          if (parent.test === current) return 'check';
          current = parent;
          continue;
        case AST_NODE_TYPES.TemplateLiteral:
          if (isConsentUrl(parent)) return 'google';
          current = parent;
          continue;
        case AST_NODE_TYPES.BinaryExpression:
          if (COMPARISONS.has(parent.operator)) return 'check';
          if (parent.operator !== '+') return 'unknown';
          // Checked once, on the outermost `+` of a chain.
          if (!isInnerConcatenation(parent) && isConsentUrl(parent)) return 'google';
          current = parent;
          continue;
        case AST_NODE_TYPES.MemberExpression: {
          // `LABELS[scope]`: a lookup key.
          if (parent.property === current) return 'check';
          const key = memberKeyName(parent);
          const call = parent.parent;
          if (key !== undefined && DERIVING_METHODS.has(key) && call?.type === AST_NODE_TYPES.CallExpression && call.callee === parent) {
            current = call;
            continue;
          }
          // `SCOPES.includes(x)`, `SCOPES.length`, `SCOPES[0]`: read, not passed on.
          return 'check';
        }
        case AST_NODE_TYPES.CallExpression:
          if (parent.callee === current) return 'unknown';
          return this.callArgument(parent);
        case AST_NODE_TYPES.NewExpression:
          if (parent.callee === current) return 'unknown';
          return isErrorConstructor(parent) ? 'check' : this.signIn(parent) ? 'google' : 'unknown';
        case AST_NODE_TYPES.ThrowStatement:
        case AST_NODE_TYPES.SwitchCase:
        case AST_NODE_TYPES.IfStatement:
        case AST_NODE_TYPES.WhileStatement:
        case AST_NODE_TYPES.DoWhileStatement:
        case AST_NODE_TYPES.UnaryExpression:
          return 'check';
        case AST_NODE_TYPES.ExpressionStatement:
          return 'unused';
        case AST_NODE_TYPES.Property:
          if (parent.key === current && !parent.shorthand) return 'check';
          return this.property(parent);
        case AST_NODE_TYPES.AssignmentPattern:
          // `function authorize(scopes = ['…'])`: the default flows wherever the parameter goes.
          if (parent.right !== current || parent.left.type !== AST_NODE_TYPES.Identifier) return 'unknown';
          return this.followVariable(parent.left, depth + 1);
        case AST_NODE_TYPES.VariableDeclarator:
          if (parent.init !== current || parent.id.type !== AST_NODE_TYPES.Identifier) return 'unknown';
          return this.followVariable(parent.id, depth + 1);
        case AST_NODE_TYPES.AssignmentExpression: {
          if (parent.right !== current) return 'unknown';
          const left = parent.left;
          if (left.type === AST_NODE_TYPES.MemberExpression && isScopeKey(memberKeyName(left))) return 'request';
          return 'unknown';
        }
        default:
          return 'unknown';
      }
    }
  }

  /** `f(value)`: a check, a log line, a pass-through, a Firebase `addScope`, or unknown. */
  private callArgument(call: TSESTree.CallExpression): RequestUse {
    const callee = call.callee;
    const name = calleeName(callee);
    if (name === undefined) return 'unknown';
    if (name === 'addScope') return 'google';
    if (CHECK_METHODS.has(name)) return 'check';
    if (callee.type === AST_NODE_TYPES.MemberExpression && LOG_METHODS.has(name)) return 'check';
    if (callee.type === AST_NODE_TYPES.Identifier && PASS_THROUGH_CALLS.has(name)) return this.follow(call, 1);
    return this.signIn(call) ? 'google' : 'unknown';
  }

  /** `{ scopes: value }`: a request; `{ key: value }` nested in a `scopes`-free object: unknown. */
  private property(property: TSESTree.Property): RequestUse {
    if (!isScopeKey(propertyKeyName(property))) return 'unknown';
    // A VM's service account (`serviceAccount: { email, scopes }` of Compute Engine, Terraform CDK,
    // Pulumi): its tokens are minted for the machine, never for this code, and those tools take
    // gcloud aliases (`cloud-platform`, `storage-ro`) as well as URLs. Configuration, not a request.
    if (isMachineServiceAccount(property.parent)) return 'check';
    // A sign-in library's options (`GoogleStrategy({ scope })`, `Google({ authorization: { params: { scope } } })`).
    let object: TSESTree.Node | undefined = property.parent;
    while (object?.parent?.type === AST_NODE_TYPES.Property && object.parent.parent?.type === AST_NODE_TYPES.ObjectExpression) {
      object = object.parent.parent;
    }
    const holder = object?.parent;
    if ((holder?.type === AST_NODE_TYPES.CallExpression || holder?.type === AST_NODE_TYPES.NewExpression) && this.signIn(holder)) {
      return 'google';
    }
    return 'request';
  }

  /** Every read of a variable: the strongest use wins; exported means code we can't see may request it. */
  private followVariable(identifier: TSESTree.Identifier, depth: number): RequestUse {
    const variable = this.env.findVariable(identifier);
    if (variable === undefined) return 'unknown';
    let use: RequestUse = isExported(variable) ? 'unknown' : 'unused';
    for (const reference of variable.references) {
      if (reference.init === true || !reference.isRead()) continue;
      if (++this.steps > MAX_STEPS) return 'unknown';
      use = strongest(use, this.follow(reference.identifier, depth + 1));
      if (use === 'google') return use;
    }
    return use;
  }

  /** `new GoogleStrategy(…)`, `Google({…})`, `passport.authenticate('google', { scope })`. */
  private signIn(call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
    const text = this.env.sourceCode.getText(call.callee);
    if (SIGN_IN.test(text)) return true;
    const first = call.arguments[0];
    return (
      call.callee.type === AST_NODE_TYPES.MemberExpression &&
      memberKeyName(call.callee) === 'authenticate' &&
      first?.type === AST_NODE_TYPES.Literal &&
      first.value === 'google'
    );
  }
}

/** `{ serviceAccount: { … } }`, `{ serviceAccounts: [{ … }] }`: the object holding a VM's service account and scopes. */
function isMachineServiceAccount(object: TSESTree.Node | undefined): boolean {
  let holder = object?.parent;
  if (holder?.type === AST_NODE_TYPES.ArrayExpression) holder = holder.parent;
  if (holder?.type !== AST_NODE_TYPES.Property) return false;
  const key = propertyKeyName(holder);
  return key === 'serviceAccount' || key === 'serviceAccounts' || key === 'service_account';
}

function isScopeKey(key: string | undefined): boolean {
  return key === 'scope' || key === 'scopes';
}

function isInnerConcatenation(node: TSESTree.BinaryExpression): boolean {
  return node.parent?.type === AST_NODE_TYPES.BinaryExpression && node.parent.operator === '+';
}

function isErrorConstructor(node: TSESTree.NewExpression): boolean {
  return node.callee.type === AST_NODE_TYPES.Identifier && /Error$/.test(node.callee.name);
}

/** `'https://accounts.google.com/o/oauth2/v2/auth?…&scope=' + …` */
function isConsentUrl(node: TSESTree.BinaryExpression | TSESTree.TemplateLiteral): boolean {
  if (node.type === AST_NODE_TYPES.TemplateLiteral) return node.quasis.some((quasi) => CONSENT_URL.test(quasi.value.cooked ?? ''));
  let left: TSESTree.Node = node.left;
  while (left.type === AST_NODE_TYPES.BinaryExpression && left.operator === '+') left = left.left;
  return (
    (left.type === AST_NODE_TYPES.Literal && typeof left.value === 'string' && CONSENT_URL.test(left.value)) ||
    (left.type === AST_NODE_TYPES.TemplateLiteral && isConsentUrl(left))
  );
}
