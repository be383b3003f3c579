import path from 'node:path';
import type { TSESTree } from '@typescript-eslint/utils';
import type { FileEnvironment } from '../core/file-environment.ts';
import { evaluateWithOrigin, toScopeList } from '../core/static-value.ts';
import type { Origin } from '../core/static-value.ts';

/**
 * An editable place where scopes are written: the literal in this file (`node`, what a fix
 * extends), or a name (`SCOPES`) in another module (`file`).
 */
export type ScopeDeclaration = Origin;

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

/** Where a scopes expression is written, for fixes and for messages (the evaluator finds it with the value). */
export function traceDeclaration(node: TSESTree.Node, env: FileEnvironment): ScopeDeclaration {
  return evaluateWithOrigin(node, env).origin;
}

/** The scopes written in `node`, where they are, and whether they are fully known. */
export function scopeSourceOf(node: TSESTree.Node, env: FileEnvironment, description: string): ScopeSource {
  const { value, origin } = evaluateWithOrigin(node, env);
  const list = toScopeList(value);
  return {
    kind: 'auth',
    scopes: list.scopes,
    // `scopes: []` asks for no user scopes: google-auth-library then uses the client library's
    // default scopes (or a key file's own), which this analysis does not see: unknown.
    complete: list.complete && list.scopes.length > 0,
    description,
    declarations: [origin],
  };
}

/** Union of several sources (alternative auth objects, every declaration of a file). */
export function unionSources(kind: ScopeSource['kind'], description: string, sources: readonly ScopeSource[]): ScopeSource {
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
    const key = declaration.node ? `node:${declaration.node.range[0]}` : `name:${declaration.file ?? ''}:${declaration.name ?? ''}`;
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
