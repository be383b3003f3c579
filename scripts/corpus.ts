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
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { rules } from '../src/rules/index.ts';
import { GMAIL_V1 } from '../src/scopes/api-map.ts';
import { CACHE, fetchPackage, listFiles, lintPackage, makeEslints, short } from './lib/corpus-lint.ts';
import type { Finding, LintResult, PackageSpec, ProbedCall } from './lib/corpus-lint.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const EXPECTATIONS_PATH = path.join(ROOT, 'tests/corpus/expectations.json');

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

interface ExpectedPackage extends PackageSpec {
  readonly what: string;
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
    if (fails && !listed)
      problems.push(
        `${call.file}:${call.lines.join('|')} ${call.method} fails with token ${call.token} but no real missing-scope finding is expected`,
      );
    if (!fails && listed)
      problems.push(
        `${call.file}:${call.lines.join('|')} ${call.method} works with token ${call.token} but a real missing-scope finding is expected`,
      );
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
  // The ground truth lists Gmail calls: the other checked APIs' calls (Drive, Sheets, …) are not spurious.
  const unmatched = lint.calls.filter((call) => call.api === undefined || call.api === 'gmail');
  const found: Comparison['found'] = [];
  const missed: ExpectedCall[] = [];
  for (const call of calls) {
    const index = unmatched.findIndex(
      (probed) => probed.file === call.file && probed.method === call.method && call.lines.includes(probed.line),
    );
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
    const index = remaining.findIndex(
      (expected) => expected.rule === finding.rule && expected.file === finding.file && expected.line === finding.line,
    );
    if (index === -1) {
      unexpected.push(finding);
      continue;
    }
    const expected = remaining[index]!;
    // Several findings on one line (one per call) share an entry: keep it for the next one.
    if (
      !lint.findings.some(
        (other) =>
          other !== finding &&
          other.rule === finding.rule &&
          other.file === finding.file &&
          other.line === finding.line &&
          lint.findings.indexOf(other) > lint.findings.indexOf(finding),
      )
    ) {
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
    for (const finding of c.unexpected)
      lines.push(`  UNEXPECTED ${finding.rule} ${finding.file}:${finding.line}:${finding.column} ${finding.message}`);
    for (const bug of c.missedBugs) lines.push(`  missed bug ${bug.rule} ${bug.file}:${bug.line} (${bug.why})`);
    for (const fixed of c.fixedFalseAlarms)
      lines.push(`  no longer reported (false alarm gone; update expectations) ${fixed.rule} ${fixed.file}:${fixed.line}`);
    const missedByFile = new Map<string, string[]>();
    for (const call of c.missed)
      missedByFile.set(call.file, [...(missedByFile.get(call.file) ?? []), `${call.lines.join('|')} ${call.method}`]);
    for (const [file, calls] of missedByFile) {
      const entry = c.pkg.files[file];
      lines.push(`  missed ${calls.length} call(s) in ${file} [${entry?.reach}]${verbose ? `: ${calls.join(', ')}` : ''}`);
    }
    for (const call of c.spurious) lines.push(`  spurious call ${call.file}:${call.line} ${call.method}`);
    for (const { call, probed, resolution } of c.found) {
      if (resolution === 'exact' || resolution === 'correctly-unknown') continue;
      const got =
        probed.requested === null
          ? 'unknown'
          : `${probed.requested.complete ? '' : 'partial '}[${probed.requested.scopes.map(short).join(' ')}] from ${probed.requested.description}`;
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
    for (const f of c.found)
      byReach.set(f.call.reach, { found: (byReach.get(f.call.reach)?.found ?? 0) + 1, total: (byReach.get(f.call.reach)?.total ?? 0) + 1 });
    for (const m of c.missed)
      byReach.set(m.reach, { found: byReach.get(m.reach)?.found ?? 0, total: (byReach.get(m.reach)?.total ?? 0) + 1 });
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

// ---------------------------------------------------------------------------------------------

/** `--probe DIR`: what the analysis sees in any folder (calls, resolved scopes, findings), for reproducing a pattern. */
async function probeFolder(dir: string): Promise<void> {
  const pseudo: ExpectedPackage = { name: dir, version: '', what: '', tokens: {}, scopeDeclarations: [], files: {}, findings: [] };
  const files = listFiles(dir, pseudo);
  const eslints = makeEslints(dir);
  const lint = await lintPackage(dir, files, eslints);
  for (const file of files) {
    console.log(`${file}`);
    const scopes = lint.fileScopes.filter((entry) => entry.file === file);
    for (const entry of scopes) console.log(`  file scopes: ${entry.complete ? '' : 'partial '}[${entry.scopes.map(short).join(' ')}]`);
    for (const call of lint.calls.filter((c) => c.file === file)) {
      const got =
        call.requested === null
          ? 'unknown'
          : `${call.requested.complete ? '' : 'partial '}[${call.requested.scopes.map(short).join(' ')}] (${call.requested.kind}: ${call.requested.description})`;
      console.log(`  call ${call.line} ${call.method}: ${got}`);
    }
    for (const finding of lint.findings.filter((f) => f.file === file))
      console.log(`  ${finding.rule} ${finding.line}:${finding.column} ${finding.message}`);
    for (const error of [...lint.crashes, ...lint.parseErrors].filter((e) => e.file === file))
      console.log(`  ERROR ${error.error.split('\n')[0]}`);
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
  const eslints = makeEslints(CACHE);
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
