/**
 * Runs the project's own ESLint setup (its config, ignores and parsers) with one extra rule
 * that records each file's analysis as plain data. The rule lives in a plugin private to the
 * CLI (never exported by the package) and is the only rule that runs (`ruleFilter`).
 */
import { lstat, readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { TSESLint } from '@typescript-eslint/utils';
import { ESLint } from 'eslint';
import type { Linter, Rule } from 'eslint';
import { getFileFacts } from '../google/facts.ts';
import { collectInventory } from '../google/inventory.ts';
import type { FileInventory } from '../google/inventory.ts';
import { readPluginSettings } from '../google/settings.ts';
import type { ReportSkipped } from './report.ts';

const PLUGIN_NAME = 'googleapis-scopes-report';
const RULE_NAME = 'inventory';
const RULE_ID = `${PLUGIN_NAME}/${RULE_NAME}`;

/** The files the report reads; any other language a config lints (Markdown, JSON, Vue…) is left alone. */
export const SOURCE_FILE = /\.(?:[cm]?[jt]s|[jt]sx)$/i;

export interface LintProjectOptions {
  readonly cwd: string;
  /** Files, directories or globs, relative to `cwd` (default `.`). */
  readonly paths: readonly string[];
  /** An eslint config file to use instead of looking one up. */
  readonly configFile?: string | undefined;
  /** Called as files are analysed; `total` is an estimate made before linting. */
  readonly onProgress?: ((done: number, total: number) => void) | undefined;
  /** Called once with a note for the user (e.g. no config found). */
  readonly onNote?: ((note: string) => void) | undefined;
}

export interface LintProjectResult {
  readonly inventories: FileInventory[];
  /** Files the analysis ran on. */
  readonly files: number;
  readonly skipped: ReportSkipped[];
  /** Files whose analysis failed (also in `skipped`): the report is incomplete, never a pass. */
  readonly failed: number;
}

/** An error to show the user as one line (exit code 2): bad config, ESLint could not start, … */
export class ReportUsageError extends Error {}

export async function lintProject(options: LintProjectOptions): Promise<LintProjectResult> {
  try {
    return await run(options, false);
  } catch (error) {
    if (isEslintError(error, 'config-file-missing') && options.configFile === undefined) {
      options.onNote?.(
        'no eslint.config file found: linting with ESLint defaults (plus TypeScript when @typescript-eslint/parser is installed)',
      );
      try {
        return await run(options, true);
      } catch (inner) {
        throw toUsageError(inner);
      }
    }
    throw toUsageError(error);
  }
}

async function run(options: LintProjectOptions, withoutConfig: boolean): Promise<LintProjectResult> {
  const inventories = new Map<string, FileInventory>();
  const skipped: ReportSkipped[] = [];
  let failed = 0;
  let done = 0;
  let total = 0;
  const onFile = (): void => {
    done++;
    options.onProgress?.(done, Math.max(done, total));
  };
  const plugin = createInventoryPlugin({
    onFile,
    onInventory: (inventory) => inventories.set(inventory.file, inventory),
    onFailure: (file, message) => {
      failed++;
      skipped.push({ file, line: null, message });
    },
  });
  const overrideConfig: Linter.Config[] = [];
  if (withoutConfig) overrideConfig.push(...(await defaultSourceConfigs()));
  // `**/*` only applies to files another config already lints: the project decides what is linted.
  overrideConfig.push({ files: ['**/*'], plugins: { [PLUGIN_NAME]: plugin }, rules: { [RULE_ID]: 'error' } });
  // Default `concurrency` ("off"): the inventory rule hands its data over in this thread.
  const eslint = createEslint({
    cwd: options.cwd,
    overrideConfigFile: withoutConfig ? true : options.configFile,
    overrideConfig,
    errorOnUnmatchedPattern: true,
    cache: false,
    fix: false,
  });
  const patterns = options.paths.length === 0 ? ['.'] : [...options.paths];
  if (options.onProgress !== undefined) total = await countSourceFiles(eslint, options.cwd, patterns);
  const results = await eslint.lintFiles(patterns);
  for (const result of results) {
    for (const message of result.messages) {
      // Parse errors, and "File ignored…" warnings for files named explicitly.
      if (message.fatal === true || (message.ruleId === null && message.severity === 1 && /ignored/i.test(message.message))) {
        skipped.push({ file: result.filePath, line: message.fatal === true ? message.line : null, message: skipReason(message.message) });
      }
    }
  }
  return { inventories: [...inventories.values()], files: done, skipped, failed };
}

/** Only the inventory rule runs; ESLint releases older than the `ruleFilter` option run every rule. */
function createEslint(options: ESLint.Options): ESLint {
  try {
    return new ESLint({ ...options, ruleFilter: ({ ruleId }) => ruleId === RULE_ID });
  } catch (error) {
    if (error instanceof Error && /ruleFilter/.test(error.message)) return new ESLint(options);
    throw error;
  }
}

interface InventoryPluginHooks {
  onFile(): void;
  onInventory(inventory: FileInventory): void;
  onFailure(file: string, message: string): void;
}

/** The CLI's private plugin: one rule that reports nothing and hands each file's inventory over. */
export function createInventoryPlugin(hooks: InventoryPluginHooks): { meta: { name: string }; rules: Record<string, Rule.RuleModule> } {
  const rule: Rule.RuleModule = {
    meta: {
      type: 'problem',
      docs: { description: 'Record the Google API calls and scope declarations of each file for the report command' },
      schema: [],
    },
    create(context) {
      if (!SOURCE_FILE.test(context.filename)) return {};
      // Malformed plugin settings are the user's to fix: let them stop the run with their message.
      readPluginSettings(context.settings);
      hooks.onFile();
      const typedContext = context as unknown as Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
      return {
        'Program:exit'() {
          try {
            const analysis = getFileFacts(typedContext);
            hooks.onInventory(collectInventory(analysis, context.filename));
          } catch (error) {
            hooks.onFailure(context.filename, `analysis failed: ${error instanceof Error ? error.message : String(error)}`);
          }
        },
      };
    },
  };
  return { meta: { name: PLUGIN_NAME }, rules: { [RULE_NAME]: rule } };
}

/** Without any eslint.config: JSX, and TypeScript when the plugin's own parser is installed. */
async function defaultSourceConfigs(): Promise<Linter.Config[]> {
  const configs: Linter.Config[] = [{ files: ['**/*.jsx'], languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } }];
  const parser = await loadTypeScriptParser();
  if (parser !== undefined) configs.push({ files: ['**/*.{ts,mts,cts,tsx}'], languageOptions: { parser } });
  return configs;
}

/**
 * Resolved from this package, never from the analysed project: loading the project's copy would
 * run the project's code, and the report promises to run none.
 */
async function loadTypeScriptParser(): Promise<Linter.Parser | undefined> {
  try {
    const resolved = createRequire(import.meta.url).resolve('@typescript-eslint/parser');
    const module = (await import(pathToFileURL(resolved).href)) as { default?: Linter.Parser } & Linter.Parser;
    return module.default ?? module;
  } catch {
    return undefined;
  }
}

/** For the progress line only: how many source files ESLint will probably lint. */
async function countSourceFiles(eslint: ESLint, cwd: string, patterns: readonly string[]): Promise<number> {
  let count = 0;
  const visit = async (target: string): Promise<void> => {
    // lstat: a symlinked folder is not followed (`ln -s . x` would loop forever).
    const info = await lstat(target).catch(() => undefined);
    if (info === undefined) return;
    if (info.isFile()) {
      if (SOURCE_FILE.test(target) && !(await eslint.isPathIgnored(target))) count++;
      return;
    }
    if (!info.isDirectory()) return;
    for (const entry of await readdir(target, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name === '.git') continue;
      await visit(path.join(target, entry.name));
    }
  };
  for (const pattern of patterns) await visit(path.resolve(cwd, pattern));
  return count;
}

/** ESLint's warnings for ignored files end with advice about its own CLI flags: keep the reason. */
function skipReason(message: string): string {
  if (/matching ignore pattern/i.test(message)) return 'ignored by the ESLint config';
  if (/no matching configuration/i.test(message)) return 'no ESLint config applies to this file';
  return message;
}

function isEslintError(error: unknown, template: string): boolean {
  return typeof error === 'object' && error !== null && (error as { messageTemplate?: unknown }).messageTemplate === template;
}

function toUsageError(error: unknown): Error {
  if (error instanceof ReportUsageError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const firstLine = message.split('\n').find((line) => line.trim() !== '') ?? message;
  // Our rule is an implementation detail: "Error while loading rule 'googleapis-scopes-report/inventory': …".
  return new ReportUsageError(`eslint: ${firstLine.trim().replace(/^Error while loading rule '[^']*': /, '')}`);
}
