import path from 'node:path';
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { FileEnvironment } from '../core/file-environment.ts';
import { definingModule } from '../core/module-exports.ts';
import { isRelativeSpecifier, resolveModule } from '../core/resolve.ts';
import { evaluate, memberKeyName, toScopeList, unwrapExpression } from '../core/static-value.ts';

/** An editable place where scopes are written: the literal in this file, or a name in another module. */
export interface ScopeDeclaration {
  /** The array or string literal in the linted file that a fix can extend. */
  readonly node: TSESTree.ArrayExpression | TSESTree.Literal | TSESTree.TemplateLiteral | undefined;
  /** The module that holds it, when it is not the linted file. */
  readonly file: string | undefined;
  /** The constant's name (`SCOPES`), when it has one. */
  readonly name: string | undefined;
}

/** The scopes that reach a client, and where they were requested. */
export interface ScopeSource {
  readonly kind: 'auth' | 'file' | 'settings';
  readonly scopes: readonly string[];
  /** False when part of the value is computed at run time: the real list may hold more. */
  readonly complete: boolean;
  /** For messages: "the GoogleAuth on line 3", "this file", "settings['googleapis-scopes'].scopes". */
  readonly description: string;
  readonly declarations: readonly ScopeDeclaration[];
  /** Where the scopes are requested: the auth object, or the file's first scope declaration (column 0-based). */
  readonly origin?: SourceLocation;
  /** The module whose lines `description` names, when it is not the linted file (absolute path). */
  readonly describedIn?: string;
}

export interface SourceLocation {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

export function locationOf(node: TSESTree.Node, file: string): SourceLocation {
  return { file, line: node.loc.start.line, column: node.loc.start.column };
}

/** Follows a scopes expression to where it is written, for fixes and for messages. */
export function traceDeclaration(rawNode: TSESTree.Node, env: FileEnvironment, depth = 0): ScopeDeclaration {
  const none: ScopeDeclaration = { node: undefined, file: undefined, name: undefined };
  if (depth > 16) return none;
  const node = unwrapExpression(rawNode);
  switch (node.type) {
    case AST_NODE_TYPES.ArrayExpression:
      return { node, file: undefined, name: undefined };
    case AST_NODE_TYPES.Literal:
      return typeof node.value === 'string' ? { node, file: undefined, name: undefined } : none;
    case AST_NODE_TYPES.TemplateLiteral:
      return node.expressions.length === 0 ? { node, file: undefined, name: undefined } : none;
    case AST_NODE_TYPES.CallExpression: {
      // `SCOPES.join(' ')`: the array is the declaration.
      const callee = node.callee;
      if (callee.type === AST_NODE_TYPES.MemberExpression && memberKeyName(callee) === 'join') {
        return traceDeclaration(callee.object, env, depth + 1);
      }
      return none;
    }
    case AST_NODE_TYPES.Identifier: {
      const variable = env.findVariable(node);
      const source = variable === undefined ? undefined : env.variableSource(variable);
      if (source?.kind === 'init') {
        const inner = traceDeclaration(source.node, env, depth + 1);
        return { ...inner, name: inner.name ?? node.name };
      }
      if (source?.kind === 'parameter') {
        // A default value the analysis uses (no call in the file passes the argument).
        const binding = env.resolveIdentifier(node);
        if (binding?.kind === 'expression') {
          const inner = traceDeclaration(binding.node, env, depth + 1);
          return { ...inner, name: inner.name ?? node.name };
        }
      }
      const resolved = source?.kind === 'module' ? resolveModule(env.filename, source.module, env.boundary) : undefined;
      if (source?.kind === 'module' && (resolved !== undefined || isRelativeSpecifier(source.module))) {
        const [exported, ...rest] = source.path;
        if (resolved !== undefined && exported !== undefined && exported !== 'default') {
          // Name the module that declares it, not an index that re-exports it.
          const origin = definingModule(resolved, exported, env.boundary);
          return { node: undefined, file: origin.file, name: [origin.name, ...rest].join('.') };
        }
        const name = source.path.filter((key) => key !== 'default').join('.') || node.name;
        return { node: undefined, file: resolved ?? source.module, name };
      }
      return { node: undefined, file: undefined, name: node.name };
    }
    case AST_NODE_TYPES.MemberExpression: {
      const key = memberKeyName(node);
      const owner = traceDeclaration(node.object, env, depth + 1);
      return {
        node: undefined,
        file: owner.file,
        name: owner.name !== undefined && key !== undefined ? `${owner.name}.${key}` : undefined,
      };
    }
    default:
      return none;
  }
}

/** The scopes written in `node`, where they are, and whether they are fully known. */
export function scopeSourceOf(
  node: TSESTree.Node,
  env: FileEnvironment,
  description: string,
): ScopeSource {
  const list = toScopeList(evaluate(node, env));
  return {
    kind: 'auth',
    scopes: list.scopes,
    complete: list.complete,
    description,
    declarations: [traceDeclaration(node, env)],
  };
}

/** Union of several sources (alternative auth objects, every declaration of a file). */
export function unionSources(
  kind: ScopeSource['kind'],
  description: string,
  sources: readonly ScopeSource[],
): ScopeSource {
  return {
    kind,
    description,
    scopes: [...new Set(sources.flatMap((source) => source.scopes))],
    complete: sources.every((source) => source.complete),
    declarations: uniqueDeclarations(sources.flatMap((source) => source.declarations)),
  };
}

function uniqueDeclarations(declarations: readonly ScopeDeclaration[]): ScopeDeclaration[] {
  const seen = new Set<string>();
  const result: ScopeDeclaration[] = [];
  for (const declaration of declarations) {
    const key = declaration.node
      ? `node:${declaration.node.range[0]}`
      : `name:${declaration.file ?? ''}:${declaration.name ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    result.push(declaration);
  }
  return result;
}

/** "`SCOPES` in ./scopes.ts", "`SCOPES`", or undefined: how a message names a declaration. */
/**
 * For messages: "the GoogleAuth on line 3", with the module it is in when that is not the linted
 * file, as a path relative to the linted file ("the GoogleAuth on line 3 in ./lib/oauth.js").
 */
export function describeSource(source: ScopeSource, linted: string): string {
  if (source.describedIn === undefined || source.describedIn === linted) return source.description;
  const where = relativePath(linted, source.describedIn);
  return source.description === 'this file' ? `the scopes declared in ${where}` : `${source.description} in ${where}`;
}

export function describeDeclaration(declaration: ScopeDeclaration, fromFile: string): string | undefined {
  const file = declaration.file === undefined ? undefined : relativePath(fromFile, declaration.file);
  if (declaration.name !== undefined) return file === undefined ? `\`${declaration.name}\`` : `\`${declaration.name}\` in ${file}`;
  return file;
}

function relativePath(fromFile: string, target: string): string {
  const relative = path.relative(path.dirname(fromFile), target).split(path.sep).join('/');
  return relative.startsWith('.') ? relative : `./${relative}`;
}
