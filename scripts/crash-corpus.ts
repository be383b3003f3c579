/**
 * `npm run corpus:crash`: lints thousands of real JS/TS files from installed packages with
 * every rule of the plugin on (whatever `plugin.rules` holds today) and fails on any exception
 * or fatal message from our rules. Also checks that every fix and every suggestion our rules
 * produce on these files leaves code that parses.
 *
 *   npm run corpus:crash                       every file, untyped, plus the typed corpus
 *   npm run corpus:crash -- --limit 400        an even sample of 400 files (CI), typed sample too
 *   npm run corpus:crash -- --no-typed
 *
 * Then the generated hostile set (scripts/lib/hostile-set.ts: deep module chains, spread and
 * template bombs, huge arrays, `/proc` imports, symlink loops, imports from outside the project).
 *
 * Files the parser itself rejects are counted and skipped: they are not ours to crash on.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Linter } from 'eslint';
import type { ESLint } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import plugin from '../src/index.ts';
import { crashCorpusSources, prepareTsCorpus } from './lib/bench-corpus.ts';
import { runHostileSet } from './hostile-corpus.ts';

const PREFIX = 'googleapis-scopes';
const ALL_RULES: Linter.RulesRecord = Object.fromEntries(Object.keys(plugin.rules).map((name) => [`${PREFIX}/${name}`, 'error']));
/** Half the files run with project settings too, which switches on other code paths (settings scopes, complete). */
const SETTINGS = {
  [PREFIX]: {
    scopes: ['https://www.googleapis.com/auth/gmail.readonly', 'https://www.googleapis.com/auth/gmail.metadata'],
    complete: true,
  },
};

interface Args {
  limit: number;
  typed: boolean;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { limit: Infinity, typed: true };
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index];
    if (arg === '--limit') args.limit = Number(argv[++index]);
    else if (arg === '--no-typed') args.typed = false;
    else throw new Error(`unknown argument ${arg}`);
  }
  if (process.env.CRASH_CORPUS_LIMIT !== undefined) args.limit = Number(process.env.CRASH_CORPUS_LIMIT);
  return args;
}

interface Problem {
  readonly file: string;
  readonly what: string;
}

interface Tally {
  files: number;
  unparseable: number;
  reports: number;
  fixesChecked: number;
  suggestionsChecked: number;
  readonly problems: Problem[];
  readonly slowest: { file: string; ms: number }[];
}

const newTally = (): Tally => ({ files: 0, unparseable: 0, reports: 0, fixesChecked: 0, suggestionsChecked: 0, problems: [], slowest: [] });

const linter = new Linter({ configType: 'flat' });

function languageFor(file: string, sourceType: 'module' | 'commonjs'): Linter.LanguageOptions {
  if (/\.[cm]?tsx?$/.test(file)) return { parser: tsParser as Linter.Parser, sourceType: 'module' };
  return { ecmaVersion: 'latest', sourceType: file.endsWith('.mjs') ? 'module' : file.endsWith('.cjs') ? 'commonjs' : sourceType };
}

function configFor(
  file: string,
  sourceType: 'module' | 'commonjs',
  withSettings: boolean,
  rules: Linter.RulesRecord,
  extra: Linter.LanguageOptions = {},
): Linter.Config[] {
  const languageOptions = languageFor(file, sourceType);
  return [
    {
      files: ['**/*.js', '**/*.mjs', '**/*.cjs', '**/*.jsx', '**/*.ts', '**/*.mts', '**/*.cts', '**/*.tsx'],
      languageOptions: { ...languageOptions, ...extra, parserOptions: { ...(extra.parserOptions as object | undefined) } },
      plugins: { [PREFIX]: plugin as unknown as ESLint.Plugin },
      rules,
      ...(withSettings ? { settings: SETTINGS } : {}),
    },
  ];
}

function parses(code: string, file: string, sourceType: 'module' | 'commonjs', extra: Linter.LanguageOptions = {}): boolean {
  return !linter.verify(code, configFor(file, sourceType, false, {}, extra), { filename: file }).some((message) => message.fatal === true);
}

function applyFix(code: string, fix: { range: [number, number]; text: string }): string {
  return code.slice(0, fix.range[0]) + fix.text + code.slice(fix.range[1]);
}

/** Lints one file; records crashes, fatal messages from our rules and fixes that break the code. */
function checkFile(file: string, code: string, tally: Tally, withSettings: boolean, extra: Linter.LanguageOptions = {}): void {
  tally.files++;
  const started = performance.now();
  const isTs = /\.[cm]?tsx?$/.test(file);
  let sourceType: 'module' | 'commonjs' = 'module';
  if (!isTs && !parses(code, file, 'module')) {
    sourceType = 'commonjs';
    if (!parses(code, file, 'commonjs')) {
      tally.unparseable++;
      return;
    }
  }
  const config = configFor(file, sourceType, withSettings, ALL_RULES, extra);
  let messages: Linter.LintMessage[];
  try {
    messages = linter.verify(code, config, { filename: file });
  } catch (error) {
    tally.problems.push({
      file,
      what: `exception: ${String((error as Error).stack ?? error)
        .split('\n')
        .slice(0, 6)
        .join('\n    ')}`,
    });
    return;
  }
  if (messages.some((message) => message.message.startsWith('File ignored'))) throw new Error(`${file} is ignored by ESLint`);
  const fatal = messages.filter((message) => message.fatal === true);
  if (fatal.length > 0) {
    if (fatal.every((message) => message.ruleId === null || message.ruleId === undefined)) tally.unparseable++;
    for (const message of fatal.filter((candidate) => candidate.ruleId?.startsWith(`${PREFIX}/`))) {
      tally.problems.push({ file, what: `fatal from ${message.ruleId}: ${message.message}` });
    }
    return;
  }
  const ours = messages.filter((message) => message.ruleId?.startsWith(`${PREFIX}/`));
  tally.reports += ours.length;
  for (const message of ours) {
    for (const suggestion of message.suggestions ?? []) {
      tally.suggestionsChecked++;
      if (!parses(applyFix(code, suggestion.fix), file, sourceType, extra)) {
        tally.problems.push({
          file,
          what: `suggestion of ${message.ruleId} at ${message.line}:${message.column} breaks the code: ${suggestion.desc}`,
        });
      }
    }
  }
  if (ours.some((message) => message.fix !== undefined)) {
    tally.fixesChecked++;
    try {
      const fixed = linter.verifyAndFix(code, config, { filename: file });
      if (!parses(fixed.output, file, sourceType, extra)) tally.problems.push({ file, what: '--fix output does not parse' });
      else if (linter.verifyAndFix(fixed.output, config, { filename: file }).output !== fixed.output) {
        tally.problems.push({ file, what: 'a second --fix changes the code again' });
      }
    } catch (error) {
      tally.problems.push({ file, what: `exception during --fix: ${String((error as Error).message).split('\n')[0]}` });
    }
  }
  const ms = performance.now() - started;
  tally.slowest.push({ file, ms });
  tally.slowest.sort((a, b) => b.ms - a.ms);
  tally.slowest.length = Math.min(tally.slowest.length, 3);
}

/** An even sample: every k-th file. */
function sample<T>(items: readonly T[], count: number): T[] {
  if (!Number.isFinite(count) || count >= items.length) return [...items];
  const step = items.length / count;
  return Array.from({ length: count }, (_, index) => items[Math.floor(index * step)]!);
}

function report(name: string, tally: Tally, seconds: number): void {
  console.log(
    `  ${name.padEnd(34)} ${String(tally.files).padStart(5)} files ${String(tally.unparseable).padStart(4)} unparseable ${String(tally.reports).padStart(5)} reports ${String(tally.fixesChecked).padStart(3)} fixed ${String(tally.suggestionsChecked).padStart(4)} suggestions ${String(tally.problems.length).padStart(3)} problems  ${seconds.toFixed(1)} s`,
  );
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const started = performance.now();
  const sources = crashCorpusSources();
  const totalFiles = sources.reduce((sum, source) => sum + source.files.length, 0);
  console.log(`crash corpus: rules ${Object.keys(ALL_RULES).join(', ')}`);
  console.log(
    `untyped: ${Number.isFinite(args.limit) ? `an even sample of ${args.limit} of ` : ''}${totalFiles} files from ${sources.length} packages`,
  );
  const problems: Problem[] = [];
  let linted = 0;
  let fileIndex = 0;
  for (const source of sources) {
    const share = Number.isFinite(args.limit) ? Math.max(1, Math.round((args.limit * source.files.length) / totalFiles)) : Infinity;
    const files = sample(source.files, share);
    const tally = newTally();
    const sourceStarted = performance.now();
    const slug = source.name.replace(/[^a-z0-9]+/gi, '-');
    for (const file of files) {
      // A relative name outside node_modules: ESLint ignores node_modules paths by default.
      const name = path.join('corpus', slug, file);
      checkFile(name, fs.readFileSync(path.join(source.root, file), 'utf8'), tally, fileIndex++ % 2 === 0);
    }
    report(source.name, tally, (performance.now() - sourceStarted) / 1000);
    problems.push(...tally.problems);
    linted += tally.files;
  }

  if (args.typed) {
    const ts = prepareTsCorpus();
    const files = sample(
      fs
        .readdirSync(ts.root, { recursive: true, encoding: 'utf8' })
        .filter((file) => file.endsWith('.ts'))
        .sort(),
      Number.isFinite(args.limit) ? Math.max(20, Math.round(args.limit / 10)) : Infinity,
    );
    const tally = newTally();
    const typedStarted = performance.now();
    const typed: Linter.LanguageOptions = { parserOptions: { projectService: true, tsconfigRootDir: ts.root } };
    for (const file of files) {
      const full = path.join(ts.root, file);
      checkFile(full, fs.readFileSync(full, 'utf8'), tally, fileIndex++ % 2 === 0, typed);
    }
    report('typed: rxjs + Gmail programs', tally, (performance.now() - typedStarted) / 1000);
    problems.push(...tally.problems);
    linted += tally.files;
  }

  const hostile = runHostileSet((line) => console.log(line));
  problems.push(...hostile.map((what) => ({ file: 'hostile set', what })));

  console.log(`${linted} files in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  if (problems.length > 0) {
    console.log(`\n${problems.length} problems:`);
    for (const problem of problems.slice(0, 50)) console.log(`- ${problem.file}\n    ${problem.what}`);
    process.exitCode = 1;
    return;
  }
  console.log(
    'crash corpus: 0 exceptions, 0 fatal messages from our rules, every fix and suggestion parses; hostile set bounded, nothing read outside the project',
  );
}

main();
