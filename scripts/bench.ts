/**
 * `npm run bench`: what the plugin costs on real code, side by side with ESLint's core
 * `no-unused-vars` in the same run (ESLint's per-rule timing, `stats: true`).
 *
 *   npm run bench                      full run (~10 minutes on 2 cores)
 *   npm run bench -- --quick           100 files, 1×/2×/4×, no typed run (about a minute)
 *   npm run bench -- --runs 5 --copies 1,2,4 --limit 300 --no-typed
 *   npm run bench -- --plugin path/to/index.js   measure another build (e.g. a prototype fix)
 *   npm run bench -- --profile         also write a CPU profile of one run and print the hot functions
 *
 * Every measurement is a fresh process (cold start, as `eslint` on the command line), repeated
 * and reported as the median. The last line is `plugin/no-unused-vars time ratio: X`.
 * Timings are not tests: nothing here fails on a slow result.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ESLint } from 'eslint';
import type { Linter } from 'eslint';
import { REPO_ROOT, TS_GMAIL_PROGRAMS, ensureWorkDir, prepareJsCorpus, prepareTsCorpus } from './lib/bench-corpus.ts';
import { measureLinearCost } from './lib/linear-cost.ts';
import { measureInventoryCost } from './lib/inventory-cost.ts';
import { measureApiLoadCost } from './lib/api-load-cost.ts';
import { measureImportTime } from './lib/import-time.ts';
import { measureGateCost } from './lib/gate-cost.ts';

const PREFIX = 'googleapis-scopes';
const NO_UNUSED_VARS = 'no-unused-vars';

interface ChildOptions {
  readonly corpus: 'js' | 'ts';
  readonly root: string;
  readonly patterns: readonly string[];
  readonly withPlugin: boolean;
  readonly pluginEntry: string;
}

interface Measurement {
  readonly files: number;
  readonly wallMs: number;
  /** CPU time of the whole process while linting (all threads): robust to a busy machine. */
  readonly cpuMs: number;
  readonly parseMs: number;
  readonly totalMs: number;
  readonly rules: Readonly<Record<string, number>>;
  readonly maxRssMb: number;
}

// ---------------------------------------------------------------- child: one lint run
async function child(options: ChildOptions): Promise<void> {
  const plugin = (
    (await import(pathToFileURL(options.pluginEntry).href)) as { default: ESLint.Plugin & { configs: Record<string, Linter.Config> } }
  ).default;
  const ourRules = options.withPlugin ? (plugin.configs.strict?.rules ?? {}) : {};
  const pluginConfig: Linter.Config = { plugins: { [PREFIX]: plugin }, rules: ourRules };
  let config: Linter.Config[];
  if (options.corpus === 'js') {
    config = [
      {
        files: ['**/*.js'],
        languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs' },
        rules: { [NO_UNUSED_VARS]: 'error' },
      },
      { files: ['**/*.js'], ...pluginConfig },
    ];
  } else {
    const tseslint = (await import('typescript-eslint')).default;
    config = [
      ...(tseslint.configs.recommendedTypeChecked as Linter.Config[]),
      {
        files: ['**/*.ts'],
        languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: options.root } },
      },
      { files: ['**/*.ts'], ...pluginConfig },
    ];
  }
  const eslint = new ESLint({ cwd: options.root, overrideConfigFile: true, overrideConfig: config, stats: true, cache: false });
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const results = await eslint.lintFiles([...options.patterns]);
  const wallMs = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  let parseMs = 0;
  let totalMs = 0;
  const rules: Record<string, number> = {};
  for (const result of results) {
    const fatal = result.messages.find((message) => message.fatal === true);
    if (fatal !== undefined) throw new Error(`${result.filePath}: ${fatal.message}`);
    // A plugin that fails on every file is cheap: such a run measures nothing (a void 0.19 went unnoticed once).
    const failed = result.messages.find((message) => message.messageId === 'analysisFailed');
    if (failed !== undefined) throw new Error(`${result.filePath}: the plugin's analysis failed: ${failed.message}`);
    for (const pass of result.stats?.times.passes ?? []) {
      parseMs += pass.parse?.total ?? 0;
      totalMs += pass.total;
      for (const [rule, time] of Object.entries(pass.rules ?? {})) rules[rule] = (rules[rule] ?? 0) + time.total;
    }
  }
  const measurement: Measurement = {
    files: results.length,
    wallMs,
    cpuMs,
    parseMs,
    totalMs,
    rules,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  };
  process.stdout.write(`\n@@RESULT ${JSON.stringify(measurement)}\n`);
}

// ---------------------------------------------------------------- parent
interface Args {
  runs: number;
  scaleRuns: number;
  copies: number[];
  limit: number;
  typed: boolean;
  typedRuns: number;
  plugin: string | undefined;
  profile: boolean;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = {
    runs: 3,
    scaleRuns: 1,
    copies: [1, 2, 4],
    limit: Infinity,
    typed: true,
    typedRuns: 2,
    plugin: undefined,
    profile: false,
  };
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index]!;
    const value = (): string => {
      const next = argv[++index];
      if (next === undefined) throw new Error(`${arg} needs a value`);
      return next;
    };
    if (arg === '--quick') Object.assign(args, { runs: 3, scaleRuns: 1, limit: 100, typed: false });
    else if (arg === '--runs') args.runs = Number(value());
    else if (arg === '--scale-runs') args.scaleRuns = Number(value());
    else if (arg === '--copies') args.copies = value().split(',').map(Number);
    else if (arg === '--limit') args.limit = Number(value());
    else if (arg === '--no-typed') args.typed = false;
    else if (arg === '--typed-runs') args.typedRuns = Number(value());
    else if (arg === '--plugin') args.plugin = path.resolve(value());
    else if (arg === '--profile') args.profile = true;
    else throw new Error(`unknown argument ${arg}`);
  }
  if (!args.copies.includes(1)) args.copies.unshift(1);
  return args;
}

/**
 * Compiles the current src/ into .bench/dist, one file per module (the per-module measurements
 * import its internals; profiles name their files), and bundles it into .bench/bundle as
 * `npm run build` does for dist/ (the import time is the shipped bundle's). Never touches dist/.
 */
function buildPlugin(): { modules: string; bundle: string } {
  const work = ensureWorkDir();
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
    homepage: string;
  };
  // dist/ reads '../package.json' (name, version, homepage for the rule docs URLs); it also makes .bench/dist ESM.
  const benchPackage = { name: pkg.name, version: pkg.version, homepage: pkg.homepage, type: 'module', private: true };
  fs.writeFileSync(path.join(work, 'package.json'), `${JSON.stringify(benchPackage)}\n`);
  const outDir = path.join(work, 'dist');
  fs.rmSync(outDir, { recursive: true, force: true });
  execFileSync(
    process.execPath,
    [
      path.join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc'),
      '-p',
      'tsconfig.build.json',
      '--outDir',
      outDir,
      '--emitDeclarationOnly',
      'false',
      '--declaration',
      'false',
      '--sourceMap',
      'false',
    ],
    {
      cwd: REPO_ROOT,
      stdio: 'inherit',
    },
  );
  // The all-API data is read at run time, not imported: tsc does not emit it.
  const bundleDir = path.join(work, 'bundle');
  execFileSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'bundle.mjs'), bundleDir], { cwd: REPO_ROOT, stdio: 'inherit' });
  for (const dir of [outDir, bundleDir]) {
    execFileSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'copy-data.mjs'), dir], { cwd: REPO_ROOT, stdio: 'inherit' });
  }
  return { modules: path.join(outDir, 'index.js'), bundle: path.join(bundleDir, 'index.js') };
}

function runChild(options: ChildOptions, extraNodeArgs: readonly string[] = []): Measurement {
  const encoded = Buffer.from(JSON.stringify(options)).toString('base64');
  const result = spawnSync(process.execPath, [...extraNodeArgs, '--import', 'tsx', import.meta.filename, '--child', encoded], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const line = result.stdout.split('\n').find((candidate) => candidate.startsWith('@@RESULT '));
  if (result.status !== 0 || line === undefined) {
    throw new Error(`benchmark run failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  return JSON.parse(line.slice('@@RESULT '.length)) as Measurement;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function medianMeasurement(runs: readonly Measurement[]): Measurement {
  const ruleIds = [...new Set(runs.flatMap((run) => Object.keys(run.rules)))];
  return {
    files: runs[0]!.files,
    wallMs: median(runs.map((run) => run.wallMs)),
    cpuMs: median(runs.map((run) => run.cpuMs)),
    parseMs: median(runs.map((run) => run.parseMs)),
    totalMs: median(runs.map((run) => run.totalMs)),
    rules: Object.fromEntries(ruleIds.map((id) => [id, median(runs.map((run) => run.rules[id] ?? 0))])),
    maxRssMb: median(runs.map((run) => run.maxRssMb)),
  };
}

/** The plugin's rules together, per run (median of the per-run sums, not the sum of medians). */
function pluginTotal(run: Measurement): number {
  return Object.entries(run.rules)
    .filter(([id]) => id.startsWith(`${PREFIX}/`))
    .reduce((sum, [, time]) => sum + time, 0);
}

const ms = (value: number): string => `${value.toFixed(value < 10 ? 2 : 0)} ms`;
const pct = (value: number): string => `${(100 * value).toFixed(2)}%`;
const log = (line = ''): void => console.log(line);

async function main(argv: readonly string[]): Promise<void> {
  const args = parseArgs(argv);
  const started = performance.now();
  const built = args.plugin === undefined ? buildPlugin() : { modules: args.plugin, bundle: args.plugin };
  const pluginEntry = built.modules;
  const maxCopies = Math.max(...args.copies);
  const js = prepareJsCorpus(maxCopies, args.limit);
  log(
    `eslint-plugin-googleapis-scopes benchmark — Node ${process.version}, ESLint ${ESLint.version}, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'})`,
  );
  log(
    `plugin: ${path.relative(REPO_ROOT, pluginEntry)}; corpus: googleapis ${js.files} generated JS files; ${args.runs} runs per setting, median`,
  );
  log();

  // 1×: with and without the plugin, interleaved so that drift hits both alike.
  const withPlugin: Measurement[] = [];
  const withoutPlugin: Measurement[] = [];
  const jsOptions = (copies: number, plugin: boolean): ChildOptions => ({
    corpus: 'js',
    root: js.root,
    patterns: js.patternsFor(copies),
    withPlugin: plugin,
    pluginEntry,
  });
  for (let run = 0; run < args.runs; run++) {
    withPlugin.push(runChild(jsOptions(1, true)));
    withoutPlugin.push(runChild(jsOptions(1, false)));
    process.stderr.write(`  run ${run + 1}/${args.runs} done\n`);
  }
  const base = medianMeasurement(withPlugin);
  const bare = medianMeasurement(withoutPlugin);
  const pluginMs = median(withPlugin.map(pluginTotal));
  const unusedMs = median(withPlugin.map((run) => run.rules[NO_UNUSED_VARS] ?? 0));

  log(`Untyped run, ${base.files} files (strict config + core no-unused-vars):`);
  for (const [id, time] of Object.entries(base.rules).sort(([a], [b]) => a.localeCompare(b)))
    log(`  ${id.padEnd(44)} ${ms(time).padStart(10)}`);
  log(`  ${'plugin total (all googleapis-scopes rules)'.padEnd(44)} ${ms(pluginMs).padStart(10)}`);
  log(`  ${'parse (espree + scope analysis, not in rules)'.padEnd(44)} ${ms(base.parseMs).padStart(10)}`);
  log(`  ${'ESLint total (stats)'.padEnd(44)} ${ms(base.totalMs).padStart(10)}`);
  log(`  plugin share of the untyped run: ${pct(pluginMs / base.totalMs)} of ESLint's time (stats)`);
  log(`  wall: ${ms(base.wallMs)} with the plugin, ${ms(bare.wallMs)} without (${pct(base.wallMs / bare.wallMs - 1)} difference, noisy)`);
  log(`  CPU time: ${ms(base.cpuMs)} with the plugin, ${ms(bare.cpuMs)} without (${pct(base.cpuMs / bare.cpuMs - 1)} difference)`);
  log(
    `  files/second: ${(base.files / (base.wallMs / 1000)).toFixed(1)} with the plugin, ${(bare.files / (bare.wallMs / 1000)).toFixed(1)} without`,
  );
  log(`  peak memory (max RSS): ${base.maxRssMb.toFixed(0)} MB with the plugin, ${bare.maxRssMb.toFixed(0)} MB without`);
  log();

  log('Scaling (with the plugin; replicated files):');
  log(
    `  ${'copies'.padEnd(8)}${'files'.padStart(7)}${'plugin'.padStart(12)}${'per file'.padStart(12)}${'ESLint total'.padStart(15)}${'CPU'.padStart(12)}${'max RSS'.padStart(10)}`,
  );
  const scaling: { copies: number; files: number; plugin: number; total: number }[] = [];
  for (const copies of args.copies) {
    const runs = copies === 1 ? withPlugin : Array.from({ length: args.scaleRuns }, () => runChild(jsOptions(copies, true)));
    const result = medianMeasurement(runs);
    const plugin = median(runs.map(pluginTotal));
    scaling.push({ copies, files: result.files, plugin, total: result.totalMs });
    log(
      `  ${`${copies}×`.padEnd(8)}${String(result.files).padStart(7)}${ms(plugin).padStart(12)}${ms(plugin / result.files).padStart(12)}${ms(result.totalMs).padStart(15)}${ms(result.cpuMs).padStart(12)}${`${result.maxRssMb.toFixed(0)} MB`.padStart(10)}`,
    );
  }
  const first = scaling[0]!;
  const last = scaling.at(-1)!;
  if (last !== first) {
    log(
      `  growth ${first.copies}× → ${last.copies}×: plugin ×${(last.plugin / first.plugin).toFixed(2)}, ESLint ×${(last.total / first.total).toFixed(2)} for ×${(last.files / first.files).toFixed(2)} files`,
    );
  }
  log();

  if (args.typed) {
    const ts = prepareTsCorpus();
    const tsOptions = (plugin: boolean): ChildOptions => ({
      corpus: 'ts',
      root: ts.root,
      patterns: ['**/*.ts'],
      withPlugin: plugin,
      pluginEntry,
    });
    const typedWith: Measurement[] = [];
    const typedWithout: Measurement[] = [];
    for (let run = 0; run < args.typedRuns; run++) {
      typedWith.push(runChild(tsOptions(true)));
      typedWithout.push(runChild(tsOptions(false)));
    }
    const typed = medianMeasurement(typedWith);
    const typedBare = medianMeasurement(typedWithout);
    const typedPlugin = median(typedWith.map(pluginTotal));
    const tsUnused = typed.rules['@typescript-eslint/no-unused-vars'] ?? 0;
    log(
      `Typed run (projectService), ${typed.files} files: rxjs sources + ${TS_GMAIL_PROGRAMS} generated Gmail programs; typescript-eslint recommendedTypeChecked + strict:`,
    );
    for (const [id, time] of Object.entries(typed.rules).filter(([id]) => id.startsWith(`${PREFIX}/`)))
      log(`  ${id.padEnd(44)} ${ms(time).padStart(10)}`);
    log(`  ${'plugin total'.padEnd(44)} ${ms(typedPlugin).padStart(10)}`);
    log(`  ${'@typescript-eslint/no-unused-vars'.padEnd(44)} ${ms(tsUnused).padStart(10)}`);
    log(`  ${'all rules'.padEnd(44)} ${ms(Object.values(typed.rules).reduce((a, b) => a + b, 0)).padStart(10)}`);
    log(`  ${'parse (incl. TypeScript program)'.padEnd(44)} ${ms(typed.parseMs).padStart(10)}`);
    log(`  ${'ESLint total (stats)'.padEnd(44)} ${ms(typed.totalMs).padStart(10)}`);
    log(`  plugin share of the typed run: ${pct(typedPlugin / typed.totalMs)} of ESLint's time (stats)`);
    log(
      `  wall: ${ms(typed.wallMs)} with the plugin, ${ms(typedBare.wallMs)} without; CPU ${ms(typed.cpuMs)} / ${ms(typedBare.cpuMs)} (${pct(typed.cpuMs / typedBare.cpuMs - 1)})`,
    );
    log(`  peak memory (max RSS): ${typed.maxRssMb.toFixed(0)} MB with the plugin, ${typedBare.maxRssMb.toFixed(0)} MB without`);
    log();
  }

  await measureGateCost(pluginEntry, js.sample, log);
  measureLinearCost(log);
  measureInventoryCost(log);
  measureImportTime(built.bundle, log);
  measureApiLoadCost(pluginEntry, log);

  if (args.profile) profile(jsOptions(1, true));

  log(`total benchmark time: ${((performance.now() - started) / 1000).toFixed(0)} s`);
  log(`plugin/no-unused-vars time ratio: ${(pluginMs / unusedMs).toFixed(3)}`);
}

/** One run under --cpu-prof; prints the plugin's functions by inclusive and self time. */
function profile(options: ChildOptions): void {
  const dir = path.join(ensureWorkDir(), 'profiles');
  fs.rmSync(dir, { recursive: true, force: true });
  runChild(options, ['--cpu-prof', `--cpu-prof-dir=${dir}`]);
  const files = fs.readdirSync(dir).map((file) => path.join(dir, file));
  const largest = files.sort((a, b) => fs.statSync(b).size - fs.statSync(a).size)[0]!;
  const { inclusive, self, totalUs } = summarizeProfile(largest, path.dirname(options.pluginEntry));
  log(`CPU profile: ${path.relative(REPO_ROOT, largest)} (${ms(totalUs / 1000)} sampled)`);
  for (const [title, table] of [
    ['inclusive', inclusive],
    ['self', self],
  ] as const) {
    log(`  plugin functions by ${title} time:`);
    for (const [name, us] of [...table].sort((a, b) => b[1] - a[1]).slice(0, 15)) log(`    ${ms(us / 1000).padStart(10)}  ${name}`);
  }
  log();
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

export function summarizeProfile(
  file: string,
  pluginDir: string,
): { inclusive: Map<string, number>; self: Map<string, number>; totalUs: number } {
  const profileData = JSON.parse(fs.readFileSync(file, 'utf8')) as { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
  const byId = new Map(profileData.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profileData.nodes) for (const childId of node.children ?? []) parent.set(childId, node.id);
  const selfUs = new Map<number, number>();
  profileData.samples.forEach((id, index) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profileData.timeDeltas[index] ?? 0)));
  const pluginUrl = pathToFileURL(pluginDir).href;
  const name = (node: ProfileNode): string | undefined => {
    const { url, functionName, lineNumber } = node.callFrame;
    if (!url.startsWith(pluginUrl)) return undefined;
    return `${functionName || '(anonymous)'}  ${url.slice(pluginUrl.length + 1)}:${lineNumber + 1}`;
  };
  const inclusive = new Map<string, number>();
  const self = new Map<string, number>();
  let totalUs = 0;
  for (const [id, us] of selfUs) {
    totalUs += us;
    const node = byId.get(id)!;
    const own = name(node);
    if (own !== undefined) self.set(own, (self.get(own) ?? 0) + us);
    const seen = new Set<string>();
    for (let current: number | undefined = id; current !== undefined; current = parent.get(current)) {
      const frame = name(byId.get(current)!);
      if (frame === undefined || seen.has(frame)) continue;
      seen.add(frame);
      inclusive.set(frame, (inclusive.get(frame) ?? 0) + us);
    }
  }
  return { inclusive, self, totalUs };
}

const argv = process.argv.slice(2);
if (argv[0] === '--child') {
  await child(JSON.parse(Buffer.from(argv[1]!, 'base64').toString('utf8')) as ChildOptions);
} else {
  await main(argv);
}
