import path from 'node:path';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { walk } from '../../core/ast-walk.ts';
import type { VisitorKeys } from '../../core/ast-walk.ts';
import type { FileBoundary } from '../../core/file-boundary.ts';
import { FileEnvironment } from '../../core/file-environment.ts';
import { moduleView } from '../../core/module-record.ts';
import {
  calleeName,
  evaluate,
  findProperty,
  memberKeyName,
  propertyKeyName,
  splitScopeString,
  toScopeList,
  unwrapExpression,
} from '../../core/static-value.ts';
import type { ScopeList } from '../../core/static-value.ts';
import { collect, SCOPE_LIKE } from '../collect.ts';
import type { Collected } from '../collect.ts';
import { ScopeRequestClassifier } from '../scope-requests.ts';
import type { RequestUse } from '../scope-requests.ts';
import { MAX_EXPRESSION_PARTS_DEPTH } from '../../core/limits.ts';

/** One place in the project that requests scopes (plain data: the inventory caches it). */
export interface ProjectRequest {
  /** Absolute path. */
  readonly file: string;
  /** 1-based; undefined for a file-level request (a manifest without a findable line). */
  readonly line: number | undefined;
  readonly scopes: readonly string[];
  /** False when part of the value is computed at run time (an environment variable, a parameter). */
  readonly complete: boolean;
  /**
   * False for a list whose use lies outside what the analysis sees (exported, passed on): it may
   * be requested there, so it counts in the union, but it alone never shows that the project's
   * tokens come from its own requests (a package exporting `GMAIL_SCOPES` for its users).
   */
  readonly certain: boolean;
  /**
   * False for a service account's or Application Default Credentials' scopes (`GoogleAuth`,
   * `JWT`, `getClient()`, options with a key): no one consents to them, so they count in the union
   * but never show where an untraced call's token comes from (it may be a user's, minted where
   * the inventory can't see); true for every other request (a consent flow, or may be one).
   */
  readonly consent: boolean;
}

/**
 * The cheap gate: a request names a scope option (`scope`, `scopes`, `addScope`), a scope URL, a
 * consent URL, or is a service account (`GoogleAuth`, `JWT`) whose missing scopes make it unknown.
 * Anything else can't hold one and is never parsed.
 */
const MAY_REQUEST = /scope|googleapis\.com\/auth|mail\.google\.com|GoogleAuth|\bJWT\b/i;
/** Files that mention Google: only their unresolved requests can hide a Google scope. */
const MENTIONS_GOOGLE = /google|gmail/i;
/** A Google consent URL (`https://accounts.google.com/o/oauth2/v2/auth?…`). */
const CONSENT_URL = /accounts\.google\.com\/o\/oauth2\//;

/**
 * What one source file requests, or `'unparsable'` when it may hold a request the analysis can't
 * read (the inventory is then incomplete, and judges nothing).
 */
/** Whether a text can hold a request at all (the cheap gate above). */
export function mayRequest(text: string | undefined): boolean {
  return text !== undefined && MAY_REQUEST.test(text);
}

export function sourceFileRequests(file: string, text: string, boundary: FileBoundary): ProjectRequest[] | 'unparsable' {
  if (!mayRequest(text)) return [];
  // Parsed and cached as the file's module record (src/core/module-record.ts): valid while the
  // file and every module its constants came from keep their modification times.
  return moduleView('project-requests', file, boundary, (sourceCode) => requestsIn(sourceCode, file, boundary), 'unparsable');
}

function requestsIn(sourceCode: Readonly<TSESLint.SourceCode>, file: string, boundary: FileBoundary): ProjectRequest[] | 'unparsable' {
  try {
    return new FileRequests(sourceCode, file, boundary, MENTIONS_GOOGLE.test(sourceCode.text)).all();
  } catch {
    // Another file's oddity never fails the linted one: the inventory just can't vouch for it.
    return 'unparsable';
  }
}

/**
 * A Chrome extension's `manifest.json`: `oauth2.scopes` is what `chrome.identity.getAuthToken`
 * requests (https://developer.chrome.com/docs/extensions/reference/manifest/oauth2).
 */
export function manifestRequests(file: string, text: string): ProjectRequest[] {
  if (!/"oauth2"/.test(text)) return [];
  let manifest: unknown;
  try {
    manifest = JSON.parse(text);
  } catch {
    // Not JSON (comments): unreadable, but it may declare scopes.
    return [{ file, line: undefined, scopes: [], complete: false, certain: true, consent: true }];
  }
  const oauth2 = (manifest as { oauth2?: { scopes?: unknown } } | null)?.oauth2;
  if (oauth2 === undefined || oauth2 === null || typeof oauth2 !== 'object') return [];
  const scopes = oauth2.scopes;
  const index = text.indexOf('"scopes"');
  const line = index < 0 ? undefined : text.slice(0, index).split('\n').length;
  if (scopes === undefined) return [];
  if (!Array.isArray(scopes) || !scopes.every((scope) => typeof scope === 'string'))
    return [{ file, line, scopes: [], complete: false, certain: true, consent: true }];
  return [{ file, line, scopes: [...new Set(scopes as string[])], complete: true, certain: true, consent: true }];
}

export function isManifest(file: string): boolean {
  return path.basename(file) === 'manifest.json';
}

class FileRequests {
  private readonly collected: Collected;
  private readonly env: FileEnvironment;
  private readonly classifier: ScopeRequestClassifier;
  private readonly requests: ProjectRequest[] = [];
  private readonly seen = new Set<TSESTree.Node>();
  private readonly mayHoldTests: boolean;

  constructor(
    private readonly sourceCode: Readonly<TSESLint.SourceCode>,
    private readonly file: string,
    boundary: FileBoundary,
    private readonly mentionsGoogle: boolean,
  ) {
    this.collected = collect(sourceCode);
    this.mayHoldTests = TEST_CALL.test(sourceCode.text);
    this.env = new FileEnvironment(sourceCode, file, boundary, this.collected.calls);
    // No Google sinks: every use the classifier calls a request (or unknown) counts here.
    this.classifier = new ScopeRequestClassifier(this.env, new Set());
  }

  all(): ProjectRequest[] {
    const collected = this.collected;
    for (const { value, extent } of collected.scopeDeclarations) {
      if (isPatternOrEcho(value)) continue;
      const expression = extent.type === AST_NODE_TYPES.VariableDeclarator ? extent.init : value;
      const use = expression === null ? undefined : this.useOf(expression);
      if (use === undefined || !countsAsRequest(use)) continue;
      this.add(value, extent, use === 'google', use !== 'unknown', !feedsOnlyServiceAccounts(expression ?? value, this.env));
    }
    // Consent URLs first: a scope string inside one is then part of it, not a request of its own.
    this.consentUrls();
    for (const { node, value } of collected.scopeStrings) {
      if (this.covered(node) || !SCOPE_LIKE.test(value) || CONSENT_URL.test(value)) continue;
      const use = this.useOf(node);
      if (!countsAsRequest(use)) continue;
      const list = splitScopeString(value);
      const scopes = list.scopes.filter((part) => SCOPE_LIKE.test(part) && part.includes('/'));
      if (scopes.length > 0 || !list.complete)
        this.push(node, scopes, list.complete, use !== 'unknown', !feedsOnlyServiceAccounts(node, this.env));
    }
    for (const node of collected.news) this.serviceAccount(node);
    // One entry per place and list (a scope string inside a consent URL is found twice), in line order.
    const unique = new Map(
      this.requests.map((request) => [`${request.line}\0${request.complete}\0${request.consent}\0${request.scopes.join(' ')}`, request]),
    );
    return [...unique.values()].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  }

  private useOf(node: TSESTree.Node): RequestUse {
    return this.classifier.useOf(node);
  }

  /** A value that holds scopes: known ones are requests; an unknown one may hide any scope. */
  private add(value: TSESTree.Node, extent: TSESTree.Node, google: boolean, certain = true, consent = true): void {
    if (cannotHoldScopes(value)) return;
    const evaluated = evaluate(value, this.env);
    // A lookup table of scopes (`const SCOPES = { SEND: '…' }`): its members are requested where used.
    if (evaluated.kind === 'object') return;
    const list = toScopeList(evaluated);
    this.seen.add(extent);
    if (list.complete && list.scopes.length === 0) return;
    if (!list.complete && !google && !isScopeSink(value)) {
      // A constant (`const SCOPES = …`) or a `*Scope` option: where it is requested (a `scopes:`
      // option) is judged on its own; here only its known scopes count.
      if (list.scopes.length > 0) this.push(extent, list.scopes, true, certain, consent);
      return;
    }
    // An unknown value in a file that never mentions Google (a GitHub `scope`) hides no Google scope.
    if (!list.complete && !google && !this.mentionsGoogle && list.scopes.every((scope) => !SCOPE_LIKE.test(scope))) return;
    this.push(extent, list.scopes, list.complete, certain, consent);
  }

  /**
   * `new GoogleAuth()` / `new JWT({ keyFile })` with no scopes: Application Default Credentials or
   * a key's defaults, whose scopes no file shows. Positional JWT scopes (`new JWT(email, file, key, SCOPES)`) are read.
   */
  private serviceAccount(node: TSESTree.NewExpression): void {
    const callee = unwrapExpression(node.callee);
    const name =
      callee.type === AST_NODE_TYPES.Identifier
        ? callee.name
        : callee.type === AST_NODE_TYPES.MemberExpression
          ? memberKeyName(callee)
          : undefined;
    if (name !== 'GoogleAuth' && name !== 'JWT') return;
    const first = node.arguments[0];
    if (name === 'JWT' && first !== undefined && unwrapExpression(first).type !== AST_NODE_TYPES.ObjectExpression) {
      const positional = node.arguments[3];
      if (positional === undefined) this.push(node, [], false, true, false);
      else if (!this.covered(positional)) this.add(positional, positional, true, true, false);
      return;
    }
    const options = first === undefined ? undefined : unwrapExpression(first);
    // Options held in a variable: the `scopes:` property (if any) is read where it is written.
    if (options !== undefined && options.type !== AST_NODE_TYPES.ObjectExpression) return;
    if (options?.properties.some((property) => property.type === AST_NODE_TYPES.SpreadElement)) return;
    if (findProperty(options, 'scopes') === undefined) this.push(node, [], false, true, false);
  }

  private push(node: TSESTree.Node, scopes: readonly string[], complete: boolean, certain = true, consent = true): void {
    // A test's request (a consent URL it builds to assert on) is not the app's.
    if (this.mayHoldTests && inTestBlock(node)) return;
    this.requests.push({ file: this.file, line: node.loc.start.line, scopes, complete, certain, consent });
  }

  private covered(node: TSESTree.Node): boolean {
    for (let current: TSESTree.Node | undefined = node; current !== undefined; current = current.parent ?? undefined) {
      if (this.seen.has(current)) return true;
    }
    return false;
  }

  /** Hand-built consent URLs and `params.set('scope', …)` (see `consentUrlRequests`). */
  private consentUrls(): void {
    for (const { node, value, scopes, complete } of consentUrlRequests(this.sourceCode, this.env)) {
      if (this.seen.has(node)) continue;
      // A scope string inside is part of it, not a request of its own.
      this.seen.add(value);
      this.push(node, scopes, complete);
    }
  }
}

/** A hand-built consent URL, or a `scope` search parameter set on one. */
export interface ConsentUrlRequest {
  /** The URL (its whole concatenation or template), or the `params.set('scope', …)` call. */
  readonly node: TSESTree.Node;
  /** What holds the scopes: the URL, or the value set. */
  readonly value: TSESTree.Node;
  readonly scopes: readonly string[];
  /** False when part of the scope parameter is computed at run time. */
  readonly complete: boolean;
}

/**
 * Hand-built consent URLs in a file: `'https://accounts.google.com/o/oauth2/v2/auth?…&scope=' + …`,
 * a template, and `params.set('scope', …)` / `url.searchParams.append('scope', …)`, in source
 * order (`new URLSearchParams({ scope })` is a `scope` property, read with the others). The file's
 * own requests (src/google/analyzer.ts) and the project's both read them here. One walk, only
 * when the text holds one.
 */
export function consentUrlRequests(sourceCode: Readonly<TSESLint.SourceCode>, env: FileEnvironment): ConsentUrlRequest[] {
  const text = sourceCode.text;
  const hasUrl = CONSENT_URL.test(text);
  const hasSet = /\.(?:set|append)\(\s*['"`]scope['"`]/.test(text);
  if (!hasUrl && !hasSet) return [];
  const found: ConsentUrlRequest[] = [];
  const wholes = new Set<TSESTree.Node>();
  walk(sourceCode.ast, sourceCode.visitorKeys as VisitorKeys, true, (node) => {
    if (hasSet && node.type === AST_NODE_TYPES.CallExpression) {
      const set = searchParamsScope(node, env);
      if (set !== undefined) found.push(set);
    }
    if (!hasUrl || !isStringNode(node) || !CONSENT_URL.test(stringText(node))) return true;
    const whole = outermostConcatenation(node);
    if (wholes.has(whole)) return true;
    wholes.add(whole);
    const scope = consentScope(whole, env);
    if (scope !== undefined) found.push({ node: whole, value: whole, ...scope });
    return true;
  });
  return found;
}

/**
 * The `scope=` parameter of a consent URL built by concatenation or a template: the literal
 * text after it, or the value of the expression that follows it (`encodeURIComponent(x)`, `x.join(' ')`).
 */
function consentScope(whole: TSESTree.Node, env: FileEnvironment): ScopeList | undefined {
  const parts = urlParts(whole);
  let text = '';
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index]!;
    if (typeof part === 'string') {
      text += part;
      continue;
    }
    const open = /[?&]scope=([^&#]*)$/.exec(text);
    if (open !== null) {
      const list = toScopeList(evaluate(unwrapEncoding(part), env));
      const literal = open[1] === '' ? undefined : scopeParameter(`?scope=${open[1]}`);
      return { scopes: [...(literal?.scopes ?? []), ...list.scopes], complete: list.complete && literal?.complete !== false };
    }
    // Another parameter's value (a client id): its text never holds `scope=`.
    const value = evaluate(part, env);
    text += value.kind === 'string' ? value.value : '\u0000';
  }
  return scopeParameter(text);
}

function searchParamsScope(call: TSESTree.CallExpression, env: FileEnvironment): ConsentUrlRequest | undefined {
  const callee = call.callee;
  const [name, value] = call.arguments;
  if (callee.type !== AST_NODE_TYPES.MemberExpression || value === undefined) return undefined;
  const method = memberKeyName(callee);
  if ((method !== 'set' && method !== 'append') || name?.type !== AST_NODE_TYPES.Literal || name.value !== 'scope') return undefined;
  const list = toScopeList(evaluate(value, env));
  return { node: call, value, scopes: list.scopes, complete: list.complete };
}

/** Scope values followed at most when asking whether they only reach service accounts. */
const MAX_FOLLOWED = 200;
/** Service-account and Application Default Credentials constructors and getters. */
const SERVICE_ACCOUNT_AUTH = new Set(['GoogleAuth', 'JWT', 'Compute', 'getClient']);
/**
 * Whether a scope value only ever reaches service-account or Application Default Credentials
 * options (`new GoogleAuth({ keyFile, scopes })`, `new JWT(email, file, key, SCOPES)`, through
 * arrays, spreads, `.concat()`/`.join()` and constants): the scopes of a token no user
 * consented to. Anything else (a consent URL, a sign-in option, an unknown function) may be a
 * consent flow (the inventory's `consent: false`, the file union of an untraced client: review 4
 * H9). Bounded: `MAX_FOLLOWED` steps, constants `MAX_EXPRESSION_PARTS_DEPTH` deep.
 */
export function feedsOnlyServiceAccounts(value: TSESTree.Node, env: FileEnvironment, depth = 0, budget = { steps: MAX_FOLLOWED }): boolean {
  let current = value;
  for (;;) {
    if (--budget.steps < 0 || depth > MAX_EXPRESSION_PARTS_DEPTH) return false;
    const parent: TSESTree.Node | undefined = current.parent;
    switch (parent?.type) {
      case AST_NODE_TYPES.ArrayExpression:
      case AST_NODE_TYPES.SpreadElement:
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.AwaitExpression:
        current = parent;
        continue;
      case AST_NODE_TYPES.MemberExpression: {
        const call = parent.parent;
        const key = memberKeyName(parent);
        if (parent.object !== current || (key !== 'concat' && key !== 'join') || call?.type !== AST_NODE_TYPES.CallExpression) return false;
        current = call;
        continue;
      }
      case AST_NODE_TYPES.Property: {
        const key = propertyKeyName(parent);
        return parent.value === current && (key === 'scopes' || key === 'scope') && isServiceAccountOptions(parent.parent);
      }
      case AST_NODE_TYPES.NewExpression:
        return parent.arguments[3] === current && calleeName(parent.callee) === 'JWT';
      case AST_NODE_TYPES.VariableDeclarator: {
        if (parent.init !== current || parent.id.type !== AST_NODE_TYPES.Identifier) return false;
        const reads = env.findVariable(parent.id)?.references.filter((reference) => reference.init !== true && reference.isRead());
        return (
          reads !== undefined &&
          reads.length > 0 &&
          reads.every((reference) => feedsOnlyServiceAccounts(reference.identifier as TSESTree.Node, env, depth + 1, budget))
        );
      }
      default:
        return false;
    }
  }
}

/** Options that name a key, which only service accounts and Application Default Credentials take. */
const KEY_OPTIONS = ['keyFile', 'keyFilename', 'credentials', 'private_key', 'client_email', 'privateKey', 'clientEmail'];

/** `new GoogleAuth({…})`, `new JWT({…})`, `google.auth.getClient({…})`, or options with a key (`new Storage({ keyFilename, scopes })`). */
function isServiceAccountOptions(object: TSESTree.Node | undefined): boolean {
  if (object?.type !== AST_NODE_TYPES.ObjectExpression) return false;
  const holder = object.parent;
  if (
    (holder?.type === AST_NODE_TYPES.NewExpression || holder?.type === AST_NODE_TYPES.CallExpression) &&
    holder.arguments[0] === object &&
    SERVICE_ACCOUNT_AUTH.has(calleeName(unwrapExpression(holder.callee)) ?? '')
  ) {
    return true;
  }
  return KEY_OPTIONS.some((key) => findProperty(object, key) !== undefined);
}

/** Test runners' blocks (Jest, Vitest, Mocha, node:test): `test(…)`, `it.each(…)(…)`, `describe.only(…)`. */
const TEST_CALL = /\b(?:test|it|describe|beforeEach|beforeAll)\b/;
const TEST_BLOCK_NAMES = new Set(['test', 'it', 'describe', 'beforeEach', 'beforeAll']);

/** Whether the node sits inside a function handed to a test runner's block. */
function inTestBlock(node: TSESTree.Node): boolean {
  for (let current: TSESTree.Node = node; current.parent != null; current = current.parent) {
    const parent: TSESTree.Node = current.parent;
    if (
      parent.type === AST_NODE_TYPES.CallExpression &&
      parent.callee !== current &&
      (current.type === AST_NODE_TYPES.ArrowFunctionExpression || current.type === AST_NODE_TYPES.FunctionExpression) &&
      isTestRunner(parent.callee)
    ) {
      return true;
    }
  }
  return false;
}

/** `test`, `it.only`, `describe.skip.each(table)`: a chain that starts at a test runner's name. */
function isTestRunner(callee: TSESTree.Node): boolean {
  let current = callee;
  for (let depth = 0; depth < 4; depth++) {
    if (current.type === AST_NODE_TYPES.Identifier) return TEST_BLOCK_NAMES.has(current.name);
    if (current.type === AST_NODE_TYPES.MemberExpression) current = current.object;
    else if (current.type === AST_NODE_TYPES.CallExpression) current = current.callee;
    else return false;
  }
  return false;
}

/** `'google'`, `'request'`, and `'unknown'` (exported, passed on: code we can't see may request it). */
function countsAsRequest(use: RequestUse): boolean {
  return use !== 'check' && use !== 'unused';
}

/**
 * Not a request: `const { scope } = req.query` (a binding, not a value), or a granted scope read
 * back from a token or a response (`.scope`/`.scopes` of another object) and stored, returned or
 * handed to `setCredentials()`. The same read inside a call's options (`new GoogleAuth({ scopes:
 * config.scopes })`) may be a request: it stays one (unresolved).
 */
function isPatternOrEcho(value: TSESTree.Node): boolean {
  if (value.parent?.type === AST_NODE_TYPES.Property && value.parent.parent?.type === AST_NODE_TYPES.ObjectPattern) return true;
  if (value.parent?.type === AST_NODE_TYPES.AssignmentPattern) return true;
  if (!readsScopeField(value, 0)) return false;
  if (value.parent?.type !== AST_NODE_TYPES.Property) return true;
  // The object literal that holds the property, through nested objects.
  let holder: TSESTree.Node | undefined = value.parent.parent;
  while (holder?.parent?.type === AST_NODE_TYPES.Property && holder.parent.parent?.type === AST_NODE_TYPES.ObjectExpression) {
    holder = holder.parent.parent;
  }
  const call = holder?.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression && call?.type !== AST_NODE_TYPES.NewExpression) return true;
  if (call.callee === holder) return true;
  // `new AuthError({ scope: context.scope })`: error details.
  if (call.type === AST_NODE_TYPES.NewExpression && call.callee.type === AST_NODE_TYPES.Identifier && /Error$/.test(call.callee.name))
    return true;
  return call.callee.type === AST_NODE_TYPES.MemberExpression && memberKeyName(call.callee) === 'setCredentials';
}

/** Whether the expression reads a `.scope`/`.scopes` field of some object (`tokens.scope?.split(' ')`, `a.scope || b.scopes.join(' ')`). */
function readsScopeField(node: TSESTree.Node, depth: number): boolean {
  if (depth > MAX_EXPRESSION_PARTS_DEPTH) return false;
  const unwrapped = unwrapExpression(node);
  switch (unwrapped.type) {
    case AST_NODE_TYPES.MemberExpression: {
      const key = memberKeyName(unwrapped);
      if (key === 'scope' || key === 'scopes') return true;
      return readsScopeField(unwrapped.object, depth + 1);
    }
    case AST_NODE_TYPES.ChainExpression:
      return readsScopeField(unwrapped.expression, depth + 1);
    case AST_NODE_TYPES.CallExpression:
      return readsScopeField(unwrapped.callee, depth + 1);
    case AST_NODE_TYPES.LogicalExpression:
      return readsScopeField(unwrapped.left, depth + 1) && (readsScopeField(unwrapped.right, depth + 1) || isEmptyValue(unwrapped.right));
    case AST_NODE_TYPES.ConditionalExpression:
      return (
        (readsScopeField(unwrapped.consequent, depth + 1) || isEmptyValue(unwrapped.consequent)) &&
        (readsScopeField(unwrapped.alternate, depth + 1) || isEmptyValue(unwrapped.alternate))
      );
    default:
      return false;
  }
}

/** `undefined`, `null`, `''`, `[]`: a fallback that adds no scope. */
function isEmptyValue(node: TSESTree.Node): boolean {
  const unwrapped = unwrapExpression(node);
  if (unwrapped.type === AST_NODE_TYPES.Identifier) return unwrapped.name === 'undefined';
  if (unwrapped.type === AST_NODE_TYPES.UnaryExpression) return unwrapped.operator === 'void';
  if (unwrapped.type === AST_NODE_TYPES.Literal) return unwrapped.value === null || unwrapped.value === '';
  return unwrapped.type === AST_NODE_TYPES.ArrayExpression && unwrapped.elements.length === 0;
}

/** Where a value is handed to whatever requests a token: a `scope`/`scopes` option, `x.scopes = value`, `addScope(value)`. */
function isScopeSink(value: TSESTree.Node): boolean {
  const parent = value.parent;
  if (parent?.type === AST_NODE_TYPES.Property && parent.value === value) {
    const key = propertyKeyName(parent);
    return key === 'scope' || key === 'scopes';
  }
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression) return true;
  return parent?.type === AST_NODE_TYPES.CallExpression;
}

/** `besideGoogleScopes: false`, `scopes: {…}`, `scope: () => …`: not a scope list. */
function cannotHoldScopes(value: TSESTree.Node): boolean {
  const unwrapped = unwrapExpression(value);
  switch (unwrapped.type) {
    case AST_NODE_TYPES.Literal:
      return typeof unwrapped.value !== 'string';
    case AST_NODE_TYPES.ObjectExpression:
    case AST_NODE_TYPES.ArrowFunctionExpression:
    case AST_NODE_TYPES.FunctionExpression:
    case AST_NODE_TYPES.ClassExpression:
      return true;
    case AST_NODE_TYPES.Identifier:
      return unwrapped.name === 'undefined';
    case AST_NODE_TYPES.CallExpression:
      return isSchemaBuilder(unwrapped);
    default:
      return false;
  }
}

/** Validation schema libraries whose `scope: z.string()` describes a field, not a value. */
const SCHEMA_LIBRARIES = new Set(['z', 'zod', 'Joi', 'joi', 'yup', 'Type']);

/** `z.string().optional()`, `Joi.array().items(…)`: a schema, by the identifier its chain starts from. */
function isSchemaBuilder(call: TSESTree.CallExpression): boolean {
  let current: TSESTree.Node = call;
  for (let depth = 0; depth < 32; depth++) {
    if (current.type === AST_NODE_TYPES.CallExpression) current = current.callee;
    else if (current.type === AST_NODE_TYPES.MemberExpression) current = current.object;
    else break;
  }
  return current.type === AST_NODE_TYPES.Identifier && SCHEMA_LIBRARIES.has(current.name);
}

function isStringNode(node: TSESTree.Node): node is TSESTree.Literal | TSESTree.TemplateLiteral {
  return (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string') || node.type === AST_NODE_TYPES.TemplateLiteral;
}

function stringText(node: TSESTree.Literal | TSESTree.TemplateLiteral): string {
  return node.type === AST_NODE_TYPES.Literal ? String(node.value) : node.quasis.map((quasi) => quasi.value.cooked ?? '').join('');
}

/** A URL's pieces in order: literal text, and the expressions between. */
function urlParts(node: TSESTree.Node): (string | TSESTree.Node)[] {
  const unwrapped = unwrapExpression(node);
  if (unwrapped.type === AST_NODE_TYPES.BinaryExpression && unwrapped.operator === '+') {
    return [...urlParts(unwrapped.left), ...urlParts(unwrapped.right)];
  }
  if (unwrapped.type === AST_NODE_TYPES.Literal && typeof unwrapped.value === 'string') return [unwrapped.value];
  if (unwrapped.type === AST_NODE_TYPES.TemplateLiteral) {
    const parts: (string | TSESTree.Node)[] = [];
    unwrapped.quasis.forEach((quasi, index) => {
      parts.push(quasi.value.cooked ?? '');
      const expression = unwrapped.expressions[index];
      if (expression !== undefined) parts.push(expression);
    });
    return parts;
  }
  return [unwrapped];
}

/** `encodeURIComponent(x)` → `x`: the scopes are the same. */
function unwrapEncoding(node: TSESTree.Node): TSESTree.Node {
  const unwrapped = unwrapExpression(node);
  if (
    unwrapped.type === AST_NODE_TYPES.CallExpression &&
    unwrapped.callee.type === AST_NODE_TYPES.Identifier &&
    (unwrapped.callee.name === 'encodeURIComponent' || unwrapped.callee.name === 'encodeURI') &&
    unwrapped.arguments[0] !== undefined
  ) {
    return unwrapped.arguments[0];
  }
  return unwrapped;
}

/** The whole `a + b + c` chain a string is part of. */
function outermostConcatenation(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (current.parent?.type === AST_NODE_TYPES.BinaryExpression && current.parent.operator === '+') current = current.parent;
  return current;
}

/** The scopes of a URL's `scope=` parameter (space-, `+`- or `%20`-separated), or undefined when it has none. */
export function scopeParameter(url: string): ScopeList | undefined {
  const match = /[?&]scope=([^&#]*)/.exec(url);
  if (match === null) return undefined;
  let raw = match[1]!.replace(/\+/g, ' ');
  try {
    raw = decodeURIComponent(raw);
  } catch {
    // A malformed escape: the raw text is all there is.
  }
  const list = splitScopeString(raw);
  return { scopes: [...new Set(list.scopes)], complete: list.complete };
}
