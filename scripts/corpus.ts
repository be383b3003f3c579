/**
 * The real-world corpus: published npm packages that call Gmail, linted with this plugin and
 * compared with a hand-written expectations file (tests/corpus/expectations.json).
 *
 *   npm run corpus                      fetch (once, cached in the OS temp folder) and lint every package
 *   npm run corpus -- --only gmail-inbox   only the packages whose name contains this text
 *   npm run corpus -- --refresh         download the packages again
 *   npm run corpus -- --verbose         list every call and finding, not only the differences
 *   npm run corpus -- --json out.json   also write the results as JSON
 *   npm run corpus -- --probe DIR       lint any folder and print what the analysis sees (calls,
 *                                       resolved scopes, findings): for reproducing a pattern
 *
 * Packages are fetched with `npm pack <name>@<version>` into a temporary folder and extracted
 * there (no code of theirs is committed or executed; their dependencies are not installed).
 * Every plugin rule runs with its default options, plus a probe rule that reports each Gmail
 * call the shared analysis found and the scopes it resolved for it.
 *
 * Exit code: 1 when a file crashes the plugin or a finding is not in the expectations file.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import tsParser from '@typescript-eslint/parser';
import type { TSESLint } from '@typescript-eslint/utils';
import { ESLint } from 'eslint';
import type { Linter, Rule } from 'eslint';
import { getFileFacts } from '../src/google/facts.ts';
import { rules } from '../src/rules/index.ts';
import { GMAIL_V1 } from '../src/scopes/api-map.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const EXPECTATIONS_PATH = path.join(ROOT, 'tests/corpus/expectations.json');
const CACHE = path.join(tmpdir(), 'googleapis-scopes-corpus');
const PREFIX = 'googleapis-scopes';
const SOURCE_FILE = /\.(?:[cm]?js|jsx|[cm]?ts|tsx)$/;
const MAX_FILE_BYTES = 2_000_000;

// ---------------------------------------------------------------------------------------------
// The expectations file
// ---------------------------------------------------------------------------------------------

/** How a package's calls reach their client and scopes (tallied in the summary). */
type Reach =
  /** Client, auth and call visible in one file. */
  | 'file'
  /** The client or its auth comes from another module of the package. */
  | 'cross-file'
  /** The client arrives as a parameter / injected dependency with no visible origin in the file. */
  | 'injected'
  /** A raw HTTP call to the Gmail REST API. */
  | 'rest';

interface ExpectedToken {
  /** The scopes the access token really carries (undefined: not knowable statically). */
  readonly scopes: readonly string[] | null;
  readonly where: string;
}

interface ExpectedFile {
  /** Token id (in `tokens`) that reaches the calls of this file; null when not knowable. */
  readonly token: string | null;
  readonly reach: Reach;
  readonly pattern?: string;
  /** "LINE method" or "LINE|LINE method" (either line matches), e.g. "377 users.messages.send". */
  readonly calls: readonly string[];
}

interface ExpectedDeclaration {
  readonly file: string;
  readonly line: number;
  readonly scopes: readonly string[];
  readonly how: string;
}

interface ExpectedFinding {
  readonly rule: string;
  readonly file: string;
  readonly line: number;
  readonly verdict: 'real' | 'false-alarm';
  readonly why: string;
}

interface ExpectedPackage {
  readonly name: string;
  readonly version: string;
  readonly what: string;
  /** Path prefixes (relative to the package root) to lint; default: everything. */
  readonly include?: readonly string[];
  readonly exclude?: readonly string[];
  readonly tokens: Readonly<Record<string, ExpectedToken>>;
  readonly scopeDeclarations: readonly ExpectedDeclaration[];
  readonly files: Readonly<Record<string, ExpectedFile>>;
  readonly findings: readonly ExpectedFinding[];
}

interface Expectations {
  readonly packages: readonly ExpectedPackage[];
}

interface ExpectedCall {
  readonly file: string;
  readonly lines: readonly number[];
  readonly method: string;
  readonly token: string | null;
  readonly reach: Reach;
}

/**
 * The expectations must agree with the method map: every expected call whose token lacks all
 * the scopes the method accepts needs a `real` missing-scope finding, and vice versa.
 */
function checkExpectations(pkg: ExpectedPackage): string[] {
  const problems: string[] = [];
  for (const call of expectedCalls(pkg)) {
    const method = GMAIL_V1.methods.get(call.method);
    if (method === undefined) {
      problems.push(`${call.file}: unknown Gmail method ${call.method}`);
      continue;
    }
    const token = call.token === null ? null : (pkg.tokens[call.token]?.scopes ?? null);
    if (call.token !== null && pkg.tokens[call.token] === undefined) problems.push(`${call.file}: unknown token ${call.token}`);
    if (token === null) continue;
    const fails = !method.scopes.some((scope) => token.includes(scope));
    const listed = pkg.findings.some(
      (f) => f.rule === 'missing-scope' && f.verdict === 'real' && f.file === call.file && call.lines.includes(f.line),
    );
    if (fails && !listed) problems.push(`${call.file}:${call.lines.join('|')} ${call.method} fails with token ${call.token} but no real missing-scope finding is expected`);
    if (!fails && listed) problems.push(`${call.file}:${call.lines.join('|')} ${call.method} works with token ${call.token} but a real missing-scope finding is expected`);
  }
  return problems;
}

function expectedCalls(pkg: ExpectedPackage): ExpectedCall[] {
  const calls: ExpectedCall[] = [];
  for (const [file, entry] of Object.entries(pkg.files)) {
    for (const text of entry.calls) {
      const match = /^(\d+(?:\|\d+)*)\s+(\S+)$/.exec(text.trim());
      if (match === null) throw new Error(`${pkg.name}: bad call entry "${text}" in ${file}`);
      calls.push({
        file,
        lines: match[1]!.split('|').map(Number),
        method: match[2]!,
        token: entry.token,
        reach: entry.reach,
      });
    }
  }
  return calls;
}

// ---------------------------------------------------------------------------------------------
// Fetching
// ---------------------------------------------------------------------------------------------

function fetchPackage(pkg: ExpectedPackage, refresh: boolean): string {
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

function listFiles(root: string, pkg: ExpectedPackage): string[] {
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

interface ProbedCall {
  readonly file: string;
  readonly line: number;
  readonly method: string;
  readonly requested: { kind: string; scopes: string[]; complete: boolean; description: string } | null;
}

interface Finding {
  readonly rule: string;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

interface FileScopes {
  readonly file: string;
  readonly scopes: readonly string[];
  readonly complete: boolean;
}

interface LintResult {
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
                method: call.method.id,
                requested:
                  requested === undefined
                    ? null
                    : { kind: requested.kind, scopes: [...requested.scopes], complete: requested.complete, description: requested.description },
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

function makeEslint(sourceType: 'module' | 'commonjs', cwd: string): ESLint {
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

async function lintPackage(root: string, files: readonly string[], eslints: Record<'module' | 'commonjs', ESLint>): Promise<LintResult> {
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
        const data = JSON.parse(message.message) as { method?: string; requested?: ProbedCall['requested']; scopes?: string[]; complete?: boolean };
        if (data.method !== undefined) {
          result.calls.push({ file, line: message.line, method: data.method, requested: data.requested ?? null });
        } else {
          result.fileScopes.push({ file, scopes: data.scopes ?? [], complete: data.complete ?? false });
        }
      } else if (message.ruleId?.startsWith(`${PREFIX}/`) === true) {
        result.findings.push({ rule: (message.ruleId ?? '').replace(`${PREFIX}/`, ''), file, line: message.line, column: message.column, message: message.message });
      }
    }
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// Comparison
// ---------------------------------------------------------------------------------------------

type Resolution = 'exact' | 'different' | 'unresolved' | 'correctly-unknown' | 'guessed';

interface Comparison {
  readonly pkg: ExpectedPackage;
  readonly lint: LintResult;
  readonly found: { call: ExpectedCall; probed: ProbedCall; resolution: Resolution }[];
  readonly missed: ExpectedCall[];
  readonly spurious: ProbedCall[];
  readonly real: { finding: Finding; expected: ExpectedFinding }[];
  readonly falseAlarms: { finding: Finding; expected: ExpectedFinding }[];
  readonly unexpected: Finding[];
  readonly missedBugs: ExpectedFinding[];
  readonly fixedFalseAlarms: ExpectedFinding[];
  readonly declarations: { declaration: ExpectedDeclaration; recognized: boolean }[];
}

const sameSet = (a: readonly string[], b: readonly string[]): boolean =>
  new Set(a).size === new Set(b).size && a.every((scope) => b.includes(scope));

function resolutionOf(call: ExpectedCall, probed: ProbedCall, pkg: ExpectedPackage): Resolution {
  const expected = call.token === null ? null : (pkg.tokens[call.token]?.scopes ?? null);
  const known = probed.requested !== null && probed.requested.complete;
  if (expected === null) return known ? 'guessed' : 'correctly-unknown';
  if (!known) return 'unresolved';
  return sameSet(expected, probed.requested!.scopes) ? 'exact' : 'different';
}

function compare(pkg: ExpectedPackage, lint: LintResult): Comparison {
  const calls = expectedCalls(pkg);
  const unmatched = [...lint.calls];
  const found: Comparison['found'] = [];
  const missed: ExpectedCall[] = [];
  for (const call of calls) {
    const index = unmatched.findIndex((probed) => probed.file === call.file && probed.method === call.method && call.lines.includes(probed.line));
    if (index === -1) {
      missed.push(call);
      continue;
    }
    const [probed] = unmatched.splice(index, 1);
    found.push({ call, probed: probed!, resolution: resolutionOf(call, probed!, pkg) });
  }
  // Expectations for rules that are not registered (yet) are kept but not checked.
  const remaining = pkg.findings.filter((expected) => expected.rule in rules);
  const real: Comparison['real'] = [];
  const falseAlarms: Comparison['falseAlarms'] = [];
  const unexpected: Finding[] = [];
  for (const finding of lint.findings) {
    const index = remaining.findIndex((expected) => expected.rule === finding.rule && expected.file === finding.file && expected.line === finding.line);
    if (index === -1) {
      unexpected.push(finding);
      continue;
    }
    const expected = remaining[index]!;
    // Several findings on one line (one per call) share an entry: keep it for the next one.
    if (!lint.findings.some((other) => other !== finding && other.rule === finding.rule && other.file === finding.file && other.line === finding.line && lint.findings.indexOf(other) > lint.findings.indexOf(finding))) {
      remaining.splice(index, 1);
    }
    (expected.verdict === 'real' ? real : falseAlarms).push({ finding, expected });
  }
  const declarations = pkg.scopeDeclarations.map((declaration) => {
    const scopes = lint.fileScopes.filter((entry) => entry.file === declaration.file).flatMap((entry) => entry.scopes);
    return { declaration, recognized: declaration.scopes.every((scope) => scopes.includes(scope)) };
  });
  return {
    pkg,
    lint,
    found,
    missed,
    spurious: unmatched,
    real,
    falseAlarms,
    unexpected,
    missedBugs: remaining.filter((expected) => expected.verdict === 'real'),
    fixedFalseAlarms: remaining.filter((expected) => expected.verdict === 'false-alarm'),
    declarations,
  };
}

// ---------------------------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------------------------

function count<T>(items: readonly T[], predicate: (item: T) => boolean): number {
  return items.filter(predicate).length;
}

function printReport(comparisons: readonly Comparison[], verbose: boolean): void {
  const rows = comparisons.map((c) => ({
    package: `${c.pkg.name}@${c.pkg.version}`,
    files: c.lint.files,
    calls: `${c.found.length}/${c.found.length + c.missed.length}`,
    spurious: c.spurious.length,
    exact: count(c.found, (f) => f.resolution === 'exact' || f.resolution === 'correctly-unknown'),
    unresolved: count(c.found, (f) => f.resolution === 'unresolved'),
    wrong: count(c.found, (f) => f.resolution === 'different' || f.resolution === 'guessed'),
    real: c.real.length,
    'false alarm': c.falseAlarms.length,
    unexpected: c.unexpected.length,
    'missed bugs': c.missedBugs.length,
    crashes: c.lint.crashes.length,
    'parse err': c.lint.parseErrors.length,
  }));
  console.log('\nGmail corpus: calls = found/expected; exact/unresolved/wrong = the scopes resolved for the found calls');
  console.table(rows);

  for (const c of comparisons) {
    const lines: string[] = [];
    for (const crash of c.lint.crashes) lines.push(`  CRASH ${crash.file}: ${crash.error.split('\n').slice(0, 4).join(' | ')}`);
    for (const parse of c.lint.parseErrors) lines.push(`  parse error ${parse.file} ${parse.error}`);
    for (const finding of c.unexpected) lines.push(`  UNEXPECTED ${finding.rule} ${finding.file}:${finding.line}:${finding.column} ${finding.message}`);
    for (const bug of c.missedBugs) lines.push(`  missed bug ${bug.rule} ${bug.file}:${bug.line} (${bug.why})`);
    for (const fixed of c.fixedFalseAlarms) lines.push(`  no longer reported (false alarm gone; update expectations) ${fixed.rule} ${fixed.file}:${fixed.line}`);
    const missedByFile = new Map<string, string[]>();
    for (const call of c.missed) missedByFile.set(call.file, [...(missedByFile.get(call.file) ?? []), `${call.lines.join('|')} ${call.method}`]);
    for (const [file, calls] of missedByFile) {
      const entry = c.pkg.files[file];
      lines.push(`  missed ${calls.length} call(s) in ${file} [${entry?.reach}]${verbose ? `: ${calls.join(', ')}` : ''}`);
    }
    for (const call of c.spurious) lines.push(`  spurious call ${call.file}:${call.line} ${call.method}`);
    for (const { call, probed, resolution } of c.found) {
      if (resolution === 'exact' || resolution === 'correctly-unknown') continue;
      const got = probed.requested === null ? 'unknown' : `${probed.requested.complete ? '' : 'partial '}[${probed.requested.scopes.map(short).join(' ')}] from ${probed.requested.description}`;
      lines.push(`  scopes ${resolution} ${call.file}:${probed.line} ${call.method}: got ${got}`);
    }
    for (const { declaration, recognized } of c.declarations) {
      if (!recognized) lines.push(`  scope declaration not recognized ${declaration.file}:${declaration.line} (${declaration.how})`);
    }
    if (verbose) {
      for (const { finding, expected } of [...c.real, ...c.falseAlarms]) {
        lines.push(`  ${expected.verdict} ${finding.rule} ${finding.file}:${finding.line} ${finding.message}`);
      }
    }
    if (lines.length > 0) console.log(`\n${c.pkg.name}@${c.pkg.version}\n${collapse(lines, verbose).join('\n')}`);
  }

  const all = comparisons;
  const total = {
    calls: all.reduce((n, c) => n + c.found.length + c.missed.length, 0),
    found: all.reduce((n, c) => n + c.found.length, 0),
    spurious: all.reduce((n, c) => n + c.spurious.length, 0),
    real: all.reduce((n, c) => n + c.real.length, 0),
    falseAlarms: all.reduce((n, c) => n + c.falseAlarms.length, 0),
    unexpected: all.reduce((n, c) => n + c.unexpected.length, 0),
    missedBugs: all.reduce((n, c) => n + c.missedBugs.length, 0),
    crashes: all.reduce((n, c) => n + c.lint.crashes.length, 0),
    files: all.reduce((n, c) => n + c.lint.files, 0),
  };
  const byReach = new Map<Reach, { found: number; total: number }>();
  for (const c of all) {
    for (const f of c.found) byReach.set(f.call.reach, { found: (byReach.get(f.call.reach)?.found ?? 0) + 1, total: (byReach.get(f.call.reach)?.total ?? 0) + 1 });
    for (const m of c.missed) byReach.set(m.reach, { found: byReach.get(m.reach)?.found ?? 0, total: (byReach.get(m.reach)?.total ?? 0) + 1 });
  }
  const resolutions = new Map<Resolution, number>();
  for (const c of all) for (const f of c.found) resolutions.set(f.resolution, (resolutions.get(f.resolution) ?? 0) + 1);
  console.log(
    `\nTotal: ${all.length} packages, ${total.files} files; Gmail calls found ${total.found}/${total.calls} ` +
      `(${[...byReach].map(([reach, n]) => `${reach} ${n.found}/${n.total}`).join(', ')}), spurious ${total.spurious}`,
  );
  console.log(`Scopes resolved for found calls: ${[...resolutions].map(([r, n]) => `${r} ${n}`).join(', ') || 'none'}`);
  console.log(
    `Findings: real ${total.real}, explained false alarms ${total.falseAlarms}, unexpected ${total.unexpected}; ` +
      `real bugs missed ${total.missedBugs}; crashes ${total.crashes}`,
  );
  const byRule = new Map<string, { real: number; falseAlarm: number; unexpected: number; missed: number }>();
  const tally = (rule: string, key: 'real' | 'falseAlarm' | 'unexpected' | 'missed'): void => {
    const entry = byRule.get(rule) ?? { real: 0, falseAlarm: 0, unexpected: 0, missed: 0 };
    entry[key] += 1;
    byRule.set(rule, entry);
  };
  for (const c of all) {
    for (const { finding } of c.real) tally(finding.rule, 'real');
    for (const { finding } of c.falseAlarms) tally(finding.rule, 'falseAlarm');
    for (const finding of c.unexpected) tally(finding.rule, 'unexpected');
    for (const bug of c.missedBugs) tally(bug.rule, 'missed');
  }
  for (const [rule, n] of [...byRule].sort()) {
    console.log(`  ${rule}: real ${n.real}, false alarms ${n.falseAlarm}, unexpected ${n.unexpected}, real missed ${n.missed}`);
  }
}

/** Long runs of the same kind of line (e.g. 40 unresolved calls in one file) are summarized unless --verbose. */
function collapse(lines: readonly string[], verbose: boolean): string[] {
  if (verbose) return [...lines];
  const out: string[] = [];
  const groups = new Map<string, number>();
  for (const line of lines) {
    const key = /^ {2}scopes \w+ ([^:]+):/.exec(line)?.[0];
    if (key === undefined) {
      out.push(line);
      continue;
    }
    const n = groups.get(key) ?? 0;
    groups.set(key, n + 1);
    if (n < 3) out.push(line);
  }
  for (const [key, n] of groups) if (n > 3) out.push(`${key.replace(/:$/, '')}: … and ${n - 3} more like these (--verbose)`);
  return out;
}

function short(scope: string): string {
  return scope.replace('https://www.googleapis.com/auth/', '');
}

// ---------------------------------------------------------------------------------------------

/** `--probe DIR`: what the analysis sees in any folder (calls, resolved scopes, findings), for reproducing a pattern. */
async function probeFolder(dir: string): Promise<void> {
  const pseudo: ExpectedPackage = { name: dir, version: '', what: '', tokens: {}, scopeDeclarations: [], files: {}, findings: [] };
  const files = listFiles(dir, pseudo);
  const eslints = { module: makeEslint('module', dir), commonjs: makeEslint('commonjs', dir) };
  const lint = await lintPackage(dir, files, eslints);
  for (const file of files) {
    console.log(`${file}`);
    const scopes = lint.fileScopes.filter((entry) => entry.file === file);
    for (const entry of scopes) console.log(`  file scopes: ${entry.complete ? '' : 'partial '}[${entry.scopes.map(short).join(' ')}]`);
    for (const call of lint.calls.filter((c) => c.file === file)) {
      const got = call.requested === null ? 'unknown' : `${call.requested.complete ? '' : 'partial '}[${call.requested.scopes.map(short).join(' ')}] (${call.requested.kind}: ${call.requested.description})`;
      console.log(`  call ${call.line} ${call.method}: ${got}`);
    }
    for (const finding of lint.findings.filter((f) => f.file === file)) console.log(`  ${finding.rule} ${finding.line}:${finding.column} ${finding.message}`);
    for (const error of [...lint.crashes, ...lint.parseErrors].filter((e) => e.file === file)) console.log(`  ERROR ${error.error.split('\n')[0]}`);
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const option = (name: string): string | undefined => {
    const index = args.indexOf(name);
    return index === -1 ? undefined : args[index + 1];
  };
  const refresh = args.includes('--refresh');
  const verbose = args.includes('--verbose');
  const only = option('--only');
  const jsonOut = option('--json');
  const probeDir = option('--probe');
  if (probeDir !== undefined) {
    await probeFolder(path.resolve(probeDir));
    return;
  }
  const expectations = JSON.parse(readFileSync(EXPECTATIONS_PATH, 'utf8')) as Expectations;
  const packages = expectations.packages.filter((pkg) => only === undefined || pkg.name.includes(only));
  mkdirSync(CACHE, { recursive: true });
  const eslints = { module: makeEslint('module', CACHE), commonjs: makeEslint('commonjs', CACHE) };
  const comparisons: Comparison[] = [];
  for (const pkg of packages) {
    let root: string;
    try {
      root = fetchPackage(pkg, refresh);
    } catch (error) {
      console.error(`Cannot fetch ${pkg.name}@${pkg.version}: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 2;
      continue;
    }
    for (const problem of checkExpectations(pkg)) console.warn(`warning: ${pkg.name}: ${problem}`);
    const files = listFiles(root, pkg);
    for (const file of Object.keys(pkg.files)) {
      if (!files.includes(file)) console.warn(`warning: ${pkg.name}: expectations name ${file}, which is not linted`);
    }
    comparisons.push(compare(pkg, await lintPackage(root, files, eslints)));
  }
  printReport(comparisons, verbose);
  if (jsonOut !== undefined) {
    const serializable = comparisons.map(({ pkg, lint, ...rest }) => ({
      package: `${pkg.name}@${pkg.version}`,
      files: lint.files,
      crashes: lint.crashes,
      parseErrors: lint.parseErrors,
      ...rest,
    }));
    writeFileSync(jsonOut, `${JSON.stringify(serializable, null, 2)}\n`);
  }
  if (comparisons.some((c) => c.lint.crashes.length > 0 || c.unexpected.length > 0)) process.exitCode = 1;
}

await main();
