import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { MAX_ENVIRONMENT_STEPS, MAX_EVALUATION_STEPS, MAX_LIST_LENGTH, MAX_REFERENCE_DEPTH, MAX_STRING_LENGTH } from './limits.ts';

/**
 * A value known at lint time, as plain data (safe to cache across files).
 * Anything we cannot evaluate is `unknown`: never guessed.
 */
export type StaticValue =
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'array'; readonly elements: readonly StaticValue[] }
  | { readonly kind: 'object'; readonly properties: Readonly<Record<string, StaticValue>> }
  | { readonly kind: 'unknown' };

export const UNKNOWN: StaticValue = { kind: 'unknown' };

/**
 * Where a value is written, found by the same walk that computes it: the literal a fix can
 * extend, or the name (and module) a message can point to.
 */
export interface Origin {
  /** The array or string literal that holds the value, in the environment's own file (editable). */
  readonly node: TSESTree.ArrayExpression | TSESTree.Literal | TSESTree.TemplateLiteral | undefined;
  /** The module that declares it, when that is not the environment's file (as written when it is missing). */
  readonly file: string | undefined;
  /** The constant's name (`SCOPES`, `config.scopes`), when it has one. */
  readonly name: string | undefined;
}

export const NO_ORIGIN: Origin = { node: undefined, file: undefined, name: undefined };

/** A value with where it is written. */
export interface Located {
  readonly value: StaticValue;
  readonly origin: Origin;
}

/** What an identifier refers to, as far as constant evaluation is concerned. */
export type IdentifierBinding =
  | { readonly kind: 'expression'; readonly node: TSESTree.Node; readonly env: Environment; readonly name: string }
  /** Written here but changed afterwards (`SCOPES.push(…)`): where it is written is known, its value is not. */
  | { readonly kind: 'mutated'; readonly node: TSESTree.Node; readonly env: Environment; readonly name: string }
  | { readonly kind: 'value'; readonly value: StaticValue; readonly origin: Origin };

/** Resolves identifiers for the evaluator: scope analysis in the linted file, top-level names elsewhere. */
export interface Environment {
  resolveIdentifier(node: TSESTree.Identifier): IdentifierBinding | undefined;
}

interface Budget {
  steps: number;
  readonly limit: number;
}
let budget: Budget | undefined;
const spentByEnvironment = new WeakMap<Environment, number>();
/** Evaluation cut short somewhere (depth, budget, cycle): such a result is not memoised. */
let cutoffs = 0;
/** Each node's value and origin, computed once: a constant spread ten times is evaluated once. */
const memo = new WeakMap<TSESTree.Node, Located>();
const inFlight = new Set<TSESTree.Node>();
const UNKNOWN_NOWHERE: Located = { value: UNKNOWN, origin: NO_ORIGIN };

/** The value of an expression, or unknown; bounded in depth, steps, list and string length. */
export function evaluate(node: TSESTree.Node, env: Environment): StaticValue {
  return evaluateWithOrigin(node, env).value;
}

/**
 * The value of an expression and where it is written, in one walk under one budget: the budget
 * of the environment (the linted file, or a module being loaded) shared by everything it asks.
 */
export function evaluateWithOrigin(node: TSESTree.Node, env: Environment): Located {
  if (budget !== undefined) return evaluateNode(node, env, 0);
  const spent = spentByEnvironment.get(env) ?? 0;
  budget = { steps: 0, limit: Math.min(MAX_EVALUATION_STEPS, MAX_ENVIRONMENT_STEPS - spent) };
  try {
    return evaluateNode(node, env, 0);
  } finally {
    spentByEnvironment.set(env, spent + Math.min(budget.steps, budget.limit));
    budget = undefined;
  }
}

function evaluateNode(node: TSESTree.Node, env: Environment, depth: number): Located {
  const known = memo.get(node);
  if (known !== undefined) return known;
  if (depth > MAX_REFERENCE_DEPTH || inFlight.has(node) || ++budget!.steps > budget!.limit) {
    cutoffs++;
    return UNKNOWN_NOWHERE;
  }
  const cutoffsBefore = cutoffs;
  inFlight.add(node);
  let located: Located;
  try {
    located = evaluateUncached(node, env, depth + 1);
  } finally {
    inFlight.delete(node);
  }
  if (cutoffs === cutoffsBefore) memo.set(node, located);
  return located;
}

/** The value alone, for parts whose origin does not matter (elements, operands, arguments). */
function valueOf(node: TSESTree.Node, env: Environment, depth: number): StaticValue {
  return evaluateNode(node, env, depth).value;
}

function nowhere(value: StaticValue): Located {
  return { value, origin: NO_ORIGIN };
}

/** A literal written in the environment's file: it is where the value is written. */
function writtenAt(value: StaticValue, node: NonNullable<Origin['node']>): Located {
  return { value, origin: { node, file: undefined, name: undefined } };
}

function string(value: string): StaticValue {
  return value.length > MAX_STRING_LENGTH ? UNKNOWN : { kind: 'string', value };
}

/** Appends without `push(...spread)` (an argument list has a limit); false when the cap is passed. */
function append(target: StaticValue[], items: readonly StaticValue[]): boolean {
  if (target.length + items.length > MAX_LIST_LENGTH) return false;
  for (const item of items) target.push(item);
  return true;
}

function evaluateUncached(node: TSESTree.Node, env: Environment, next: number): Located {
  switch (node.type) {
    case AST_NODE_TYPES.Literal:
      return typeof node.value === 'string' ? writtenAt(string(node.value), node) : UNKNOWN_NOWHERE;
    case AST_NODE_TYPES.TemplateLiteral: {
      if (node.expressions.length === 0) return writtenAt(string(node.quasis[0]?.value.cooked ?? ''), node);
      let value = node.quasis[0]?.value.cooked ?? '';
      for (const [index, expression] of node.expressions.entries()) {
        const part = valueOf(expression, env, next);
        if (part.kind !== 'string') return UNKNOWN_NOWHERE;
        value += part.value + (node.quasis[index + 1]?.value.cooked ?? '');
        if (value.length > MAX_STRING_LENGTH) return UNKNOWN_NOWHERE;
      }
      return nowhere(string(value));
    }
    case AST_NODE_TYPES.BinaryExpression: {
      if (node.operator !== '+') return UNKNOWN_NOWHERE;
      const left = valueOf(node.left, env, next);
      if (left.kind !== 'string') return UNKNOWN_NOWHERE;
      const right = valueOf(node.right, env, next);
      return nowhere(right.kind === 'string' ? string(left.value + right.value) : UNKNOWN);
    }
    case AST_NODE_TYPES.ArrayExpression:
      return writtenAt(arrayValue(node, env, next), node);
    case AST_NODE_TYPES.ObjectExpression: {
      const properties: Record<string, StaticValue> = {};
      for (const property of node.properties) {
        if (property.type === AST_NODE_TYPES.SpreadElement) {
          const spread = valueOf(property.argument, env, next);
          if (spread.kind !== 'object') return UNKNOWN_NOWHERE;
          Object.assign(properties, spread.properties);
          continue;
        }
        const key = propertyKeyName(property);
        if (key === undefined) return UNKNOWN_NOWHERE;
        properties[key] = property.kind === 'init' ? valueOf(property.value, env, next) : UNKNOWN;
      }
      return nowhere({ kind: 'object', properties });
    }
    case AST_NODE_TYPES.Identifier: {
      const binding = env.resolveIdentifier(node);
      if (binding === undefined) return { value: UNKNOWN, origin: { node: undefined, file: undefined, name: node.name } };
      if (binding.kind === 'value') return { value: binding.value, origin: binding.origin };
      const inner = evaluateNode(binding.node, binding.env, next);
      return {
        value: binding.kind === 'mutated' ? UNKNOWN : inner.value,
        origin: { ...inner.origin, name: inner.origin.name ?? node.name },
      };
    }
    case AST_NODE_TYPES.MemberExpression: {
      // `config.scopes`: the member of the owner's value, named after the owner.
      const key = memberKeyName(node);
      const owner = evaluateNode(node.object, env, next);
      return {
        value: key === undefined ? UNKNOWN : memberOf(owner.value, key),
        origin: {
          node: undefined,
          file: owner.origin.file,
          name: owner.origin.name !== undefined && key !== undefined ? `${owner.origin.name}.${key}` : undefined,
        },
      };
    }
    case AST_NODE_TYPES.CallExpression:
      return evaluateCall(node, env, next);
    case AST_NODE_TYPES.TSAsExpression:
    case AST_NODE_TYPES.TSSatisfiesExpression:
    case AST_NODE_TYPES.TSNonNullExpression:
    case AST_NODE_TYPES.TSTypeAssertion:
    case AST_NODE_TYPES.ChainExpression:
      return evaluateNode(node.expression, env, next);
    default:
      return UNKNOWN_NOWHERE;
  }
}

function arrayValue(node: TSESTree.ArrayExpression, env: Environment, next: number): StaticValue {
  if (node.elements.length > MAX_LIST_LENGTH) return UNKNOWN;
  const elements: StaticValue[] = [];
  for (const element of node.elements) {
    if (element === null) continue;
    if (element.type === AST_NODE_TYPES.SpreadElement) {
      const spread = valueOf(element.argument, env, next);
      if (!append(elements, spread.kind === 'array' ? spread.elements : [UNKNOWN])) return UNKNOWN;
    } else {
      elements.push(valueOf(element, env, next));
    }
  }
  return { kind: 'array', elements };
}

/**
 * The few pure calls that real scope declarations use: join, concat, split, flat, Object.freeze.
 * `SCOPES.join(' ')` is written where `SCOPES` is: a fix extends the array.
 */
function evaluateCall(node: TSESTree.CallExpression, env: Environment, depth: number): Located {
  const callee = node.callee;
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return UNKNOWN_NOWHERE;
  const method = memberKeyName(callee);
  if (
    method === 'freeze' &&
    callee.object.type === AST_NODE_TYPES.Identifier &&
    callee.object.name === 'Object' &&
    node.arguments[0] !== undefined
  ) {
    return nowhere(valueOf(node.arguments[0], env, depth));
  }
  const receiver = evaluateNode(callee.object, env, depth);
  const value = callValue(receiver.value, method, node, env, depth);
  return { value, origin: method === 'join' ? receiver.origin : NO_ORIGIN };
}

function callValue(
  receiver: StaticValue,
  method: string | undefined,
  node: TSESTree.CallExpression,
  env: Environment,
  depth: number,
): StaticValue {
  const args = node.arguments.map((argument) => (argument.type === AST_NODE_TYPES.SpreadElement ? UNKNOWN : valueOf(argument, env, depth)));
  if (receiver.kind === 'array') {
    switch (method) {
      case 'join': {
        const separator = args[0] ?? { kind: 'string', value: ',' };
        if (separator.kind !== 'string') return UNKNOWN;
        const parts: string[] = [];
        let length = 0;
        for (const element of receiver.elements) {
          if (element.kind !== 'string') return UNKNOWN;
          length += element.value.length + separator.value.length;
          if (length > MAX_STRING_LENGTH + separator.value.length) return UNKNOWN;
          parts.push(element.value);
        }
        return string(parts.join(separator.value));
      }
      case 'concat': {
        const elements = [...receiver.elements];
        for (const arg of args) {
          if (!append(elements, arg.kind === 'array' ? arg.elements : [arg])) return UNKNOWN;
        }
        return { kind: 'array', elements };
      }
      case 'flat': {
        const elements: StaticValue[] = [];
        for (const element of receiver.elements) {
          if (!append(elements, element.kind === 'array' ? element.elements : [element])) return UNKNOWN;
        }
        return { kind: 'array', elements };
      }
      case 'slice':
        return args.length === 0 ? receiver : UNKNOWN;
      default:
        return UNKNOWN;
    }
  }
  if (receiver.kind === 'string' && (method === 'split' || method === 'trim')) {
    if (method === 'trim') return { kind: 'string', value: receiver.value.trim() };
    const separator = args[0];
    if (separator?.kind !== 'string') return UNKNOWN;
    const parts = receiver.value.split(separator.value, MAX_LIST_LENGTH + 1);
    if (parts.length > MAX_LIST_LENGTH) return UNKNOWN;
    return { kind: 'array', elements: parts.map((value) => ({ kind: 'string', value })) };
  }
  return UNKNOWN;
}

export function memberOf(value: StaticValue, key: string): StaticValue {
  if (value.kind === 'object') return value.properties[key] ?? UNKNOWN;
  if (value.kind === 'array' && /^\d+$/.test(key)) return value.elements[Number(key)] ?? UNKNOWN;
  return UNKNOWN;
}

/** The name a call calls: `f` in `f(…)` and in `x.f(…)`; undefined for anything else. */
export function calleeName(callee: TSESTree.Node): string | undefined {
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name;
  return callee.type === AST_NODE_TYPES.MemberExpression ? memberKeyName(callee) : undefined;
}

/** `a.b` → `b`, `a['b']` → `b`; undefined for computed keys we cannot read. */
export function memberKeyName(node: TSESTree.MemberExpression): string | undefined {
  if (!node.computed) {
    // `this.#drive`: a private name, `#drive` (no string key can reach it).
    if (node.property.type === AST_NODE_TYPES.PrivateIdentifier) return `#${node.property.name}`;
    return node.property.type === AST_NODE_TYPES.Identifier ? node.property.name : undefined;
  }
  if (node.property.type === AST_NODE_TYPES.Literal) {
    const value = node.property.value;
    return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
  }
  if (node.property.type === AST_NODE_TYPES.TemplateLiteral && node.property.expressions.length === 0) {
    return node.property.quasis[0]?.value.cooked ?? undefined;
  }
  return undefined;
}

export function propertyKeyName(node: TSESTree.Property | TSESTree.PropertyDefinition | TSESTree.MethodDefinition): string | undefined {
  if (!node.computed) {
    if (node.key.type === AST_NODE_TYPES.Identifier) return node.key.name;
    if (node.key.type === AST_NODE_TYPES.Literal) return String(node.key.value);
    return undefined;
  }
  if (node.key.type === AST_NODE_TYPES.Literal) return String(node.key.value);
  return undefined;
}

/** Finds `key: value` in an object literal (the last one wins, as in JavaScript). */
export function findProperty(node: TSESTree.Node | undefined, key: string): TSESTree.Property | undefined {
  if (node?.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  let found: TSESTree.Property | undefined;
  for (const property of node.properties) {
    if (property.type === AST_NODE_TYPES.Property && propertyKeyName(property) === key) found = property;
  }
  return found;
}

/** An object literal written inline, or the one a constant holds (`const config = { … }`, never mutated). */
export function objectLiteralOf(node: TSESTree.Node, env: Environment): TSESTree.ObjectExpression | undefined {
  const unwrapped = unwrapExpression(node);
  if (unwrapped.type === AST_NODE_TYPES.ObjectExpression) return unwrapped;
  if (unwrapped.type !== AST_NODE_TYPES.Identifier) return undefined;
  const binding = env.resolveIdentifier(unwrapped);
  if (binding?.kind !== 'expression') return undefined;
  const init = unwrapExpression(binding.node);
  return init.type === AST_NODE_TYPES.ObjectExpression ? init : undefined;
}

/** Strips TypeScript-only wrappers and parentheses-like nodes that don't change a value. */
export function unwrapExpression(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (
    current.type === AST_NODE_TYPES.TSAsExpression ||
    current.type === AST_NODE_TYPES.TSSatisfiesExpression ||
    current.type === AST_NODE_TYPES.TSNonNullExpression ||
    current.type === AST_NODE_TYPES.TSTypeAssertion ||
    current.type === AST_NODE_TYPES.ChainExpression
  ) {
    current = current.expression;
  }
  return current;
}

/** Scope strings in a value: strings are space-delimited lists; anything unknown makes it incomplete. */
export interface ScopeList {
  readonly scopes: readonly string[];
  /** False when part of the value could not be resolved: then the list is a lower bound. */
  readonly complete: boolean;
}

export function toScopeList(value: StaticValue): ScopeList {
  const scopes: string[] = [];
  let complete = true;
  const visit = (item: StaticValue, nested: boolean): void => {
    if (item.kind === 'string') {
      const list = splitScopeString(item.value);
      scopes.push(...list.scopes);
      if (!list.complete) complete = false;
    } else if (item.kind === 'array' && !nested) {
      for (const element of item.elements) visit(element, true);
    } else {
      complete = false;
    }
  };
  visit(value, false);
  return { scopes: [...new Set(scopes)], complete };
}

/**
 * The scopes of one scope string, space-delimited as OAuth's `scope` parameter is (RFC 6749 §3.3).
 * A word holding a comma (`'…/drive.readonly,…/drive'`) is left unread and makes the list
 * incomplete: google-auth-library sends a string as is, so whether it names one scope or several
 * depends on where it goes (the Compute Engine metadata server splits `scopes` on commas, a
 * service account's token request and the consent page on spaces).
 */
export function splitScopeString(value: string): ScopeList {
  const scopes: string[] = [];
  let complete = true;
  for (const part of value.split(/\s+/)) {
    if (part === '') continue;
    if (part.includes(',')) complete = false;
    else scopes.push(part);
  }
  return { scopes, complete };
}
