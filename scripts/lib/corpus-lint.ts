/**
 * What the two real-world corpora share (scripts/corpus.ts: packages that call Gmail;
 * scripts/corpus-apps.ts: whole applications): fetching a pinned npm package into the OS
 * temporary folder with `npm pack` (nothing of theirs is committed, installed or run), listing its
 * source files, and linting them with every rule of the plugin plus a probe rule that reports each
 * Gmail call the shared analysis found and the scopes it resolved for it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import type { TSESLint } from '@typescript-eslint/utils';
import { ESLint } from 'eslint';
import type { Linter, Rule } from 'eslint';
import { getFileFacts } from '../../src/google/facts.ts';
import { rules } from '../../src/rules/index.ts';

export const CACHE = path.join(tmpdir(), 'googleapis-scopes-corpus');
export const PREFIX = 'googleapis-scopes';
const SOURCE_FILE = /\.(?:[cm]?js|jsx|[cm]?ts|tsx)$/;
const MAX_FILE_BYTES = 2_000_000;

/** A pinned package and which of its files to lint (path prefixes relative to its root; default: all). */
export interface PackageSpec {
  readonly name: string;
  readonly version: string;
  readonly include?: readonly string[];
  readonly exclude?: readonly string[];
}

// ---------------------------------------------------------------------------------------------
// Fetching
// ---------------------------------------------------------------------------------------------

export function fetchPackage(pkg: PackageSpec, refresh: boolean): string {
  const dir = path.join(CACHE, `${pkg.name.replace('/', '__')}@${pkg.version}`);
  const root = path.join(dir, 'package');
  if (!refresh && existsSync(path.join(root, 'package.json'))) return root;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const output = execFileSync('npm', ['pack', `${pkg.name}@${pkg.version}`, '--pack-destination', dir, '--json', '--silent'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const packed = JSON.parse(output) as { filename: string }[];
  const tarball = path.join(dir, packed[0]!.filename.replace(/^@/, '').replace('/', '-'));
  execFileSync('tar', ['-xzf', tarball, '-C', dir]);
  // A few packages use another top folder name than `package/`.
  if (!existsSync(root)) {
    const top = readdirSync(dir).find((entry) => statSync(path.join(dir, entry)).isDirectory());
    if (top === undefined) throw new Error(`${pkg.name}: empty tarball`);
    return path.join(dir, top);
  }
  return root;
}

export function listFiles(root: string, pkg: PackageSpec): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      const relative = path.relative(root, full).split(path.sep).join('/');
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') walk(full);
        continue;
      }
      if (!SOURCE_FILE.test(entry.name) || /\.d\.[cm]?ts$/.test(entry.name)) continue;
      if (pkg.include !== undefined && !pkg.include.some((prefix) => relative.startsWith(prefix))) continue;
      if (pkg.exclude?.some((prefix) => relative.startsWith(prefix)) === true) continue;
      if (statSync(full).size > MAX_FILE_BYTES) continue;
      files.push(relative);
    }
  };
  walk(root);
  return files.sort();
}

// ---------------------------------------------------------------------------------------------
// Linting
// ---------------------------------------------------------------------------------------------

export interface ProbedCall {
  readonly file: string;
  readonly line: number;
  /** The API of the call (`gmail`, `drive`); undefined in probes written before it was recorded. */
  readonly api?: string;
  readonly method: string;
  readonly requested: { kind: string; scopes: string[]; complete: boolean; description: string } | null;
}

export interface Finding {
  readonly rule: string;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

export interface FileScopes {
  readonly file: string;
  readonly scopes: readonly string[];
  readonly complete: boolean;
}

export interface LintResult {
  readonly calls: ProbedCall[];
  readonly findings: Finding[];
  readonly fileScopes: FileScopes[];
  readonly crashes: { file: string; error: string }[];
  readonly parseErrors: { file: string; error: string }[];
  readonly files: number;
}

/** Reports what the shared analysis saw: every Gmail call (with its resolved scopes) and the file's scopes. */
const probe: Rule.RuleModule = {
  meta: { type: 'problem', schema: [], messages: { call: '{{json}}', fileScopes: '{{json}}' } },
  create(context) {
    return {
      'Program:exit'(node) {
        const analysis = getFileFacts(context as unknown as Readonly<TSESLint.RuleContext<string, readonly unknown[]>>);
        for (const call of analysis.calls) {
          const requested = call.requested;
          context.report({
            loc: call.node.loc,
            messageId: 'call',
            data: {
              json: JSON.stringify({
                api: call.method.api,
                method: call.method.id,
                requested:
                  requested === undefined
                    ? null
                    : {
                        kind: requested.kind,
                        scopes: [...requested.scopes],
                        complete: requested.complete,
                        description: requested.description,
                      },
              }),
            },
          });
        }
        if (analysis.fileScopes !== undefined) {
          const { scopes, complete } = analysis.fileScopes;
          context.report({ node, messageId: 'fileScopes', data: { json: JSON.stringify({ scopes, complete }) } });
        }
      },
    };
  },
};

export function makeEslint(sourceType: 'module' | 'commonjs', cwd: string): ESLint {
  const pluginRules = Object.fromEntries(Object.keys(rules).map((name) => [`${PREFIX}/${name}`, 'error' as const]));
  const config: Linter.Config[] = [
    {
      files: ['**/*.js', '**/*.jsx', '**/*.mjs', '**/*.cjs'],
      languageOptions: { ecmaVersion: 'latest', sourceType, parserOptions: { ecmaFeatures: { jsx: true } } },
    },
    {
      files: ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'],
      languageOptions: { parser: tsParser as Linter.Parser, sourceType: 'module' },
    },
    {
      files: ['**/*'],
      plugins: {
        [PREFIX]: { rules: rules as unknown as Record<string, Rule.RuleModule> },
        corpus: { rules: { probe } },
      },
      rules: { ...pluginRules, 'corpus/probe': 'warn' },
      linterOptions: { reportUnusedDisableDirectives: 'off', noInlineConfig: true },
    },
  ];
  return new ESLint({ cwd, overrideConfigFile: true, overrideConfig: config, ignore: false });
}

const ESM_SYNTAX = /^\s*(?:import\s*[\w{*'"]|export\s+(?:default|const|let|var|function|class|async|\{|\*))/m;

export async function lintPackage(
  root: string,
  files: readonly string[],
  eslints: Record<'module' | 'commonjs', ESLint>,
): Promise<LintResult> {
  const result: LintResult = { calls: [], findings: [], fileScopes: [], crashes: [], parseErrors: [], files: files.length };
  for (const file of files) {
    const full = path.join(root, file);
    const text = readFileSync(full, 'utf8');
    const sourceType = file.endsWith('.cjs') || (!file.endsWith('.mjs') && !ESM_SYNTAX.test(text)) ? 'commonjs' : 'module';
    let messages: Linter.LintMessage[];
    try {
      const [lint] = await eslints[sourceType].lintText(text, { filePath: full });
      messages = lint?.messages ?? [];
    } catch (error) {
      result.crashes.push({ file, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      continue;
    }
    for (const message of messages) {
      if (message.fatal === true) {
        result.parseErrors.push({ file, error: `${message.line}:${message.column} ${message.message}` });
      } else if (message.ruleId === 'corpus/probe') {
        const data = JSON.parse(message.message) as {
          api?: string;
          method?: string;
          requested?: ProbedCall['requested'];
          scopes?: string[];
          complete?: boolean;
        };
        if (data.method !== undefined) {
          result.calls.push({
            file,
            line: message.line,
            ...(data.api === undefined ? {} : { api: data.api }),
            method: data.method,
            requested: data.requested ?? null,
          });
        } else {
          result.fileScopes.push({ file, scopes: data.scopes ?? [], complete: data.complete ?? false });
        }
      } else if (message.ruleId?.startsWith(`${PREFIX}/`) === true) {
        result.findings.push({
          rule: (message.ruleId ?? '').replace(`${PREFIX}/`, ''),
          file,
          line: message.line,
          column: message.column,
          message: message.message,
        });
      }
    }
  }
  return result;
}

export function makeEslints(cwd: string): Record<'module' | 'commonjs', ESLint> {
  return { module: makeEslint('module', cwd), commonjs: makeEslint('commonjs', cwd) };
}

/** A scope URL without Google's common prefix, for short report lines. */
export function short(scope: string): string {
  return scope.replace('https://www.googleapis.com/auth/', '');
}
