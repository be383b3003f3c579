/**
 * The application corpus: whole applications published on npm (MCP servers, CLIs) that call Google
 * APIs, linted with this plugin and compared with a ground truth written by reading their code
 * (tests/corpus/apps.json). Where scripts/corpus.ts asks "does the analysis see every Gmail
 * call of a package", this one asks "which of an application's real scope bugs does the plugin
 * report, and for the calls it can't check, why not".
 *
 *   npm run corpus:apps                         fetch (once, cached in the OS temp folder) and lint every app
 *   npm run corpus:apps -- --only gdrive        only the apps whose name contains this text
 *   npm run corpus:apps -- --refresh            download the apps again
 *   npm run corpus:apps -- --verbose            list every call the plugin can't check
 *   npm run corpus:apps -- --json out.json      also write the results as JSON
 *
 * Each expected call names its API (`drive:v3 files.delete`) and the token it runs with; the token
 * names the scopes the app requests and where. The verdict of each call (works / fails / unknown)
 * is computed here from the plugin's scope data, and must agree with the app's `bugs` list, so the
 * ground truth can't drift from the data. A call is "checked" when the plugin saw it and resolved
 * the complete set of scopes its client was authorized with: only then could it report a bug
 * there. Every unchecked call carries the kind of pattern that hid it (its file's `reach`, or
 * "non-Gmail API": the rules check Gmail calls only).
 *
 * Exit code: 1 when a file crashes the plugin, a finding is a false alarm or is not in the
 * expectations, or the expectations disagree with the scope data; 2 when an app can't be fetched.
 * A missed bug is reported, not fatal.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { acceptedScopes, listMethods } from '../src/scopes/public.ts';
import { CACHE, fetchPackage, listFiles, lintPackage, makeEslints } from './lib/corpus-lint.ts';
import type { Finding, LintResult, PackageSpec, ProbedCall } from './lib/corpus-lint.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const EXPECTATIONS_PATH = path.join(ROOT, 'tests/corpus/apps.json');

// ---------------------------------------------------------------------------------------------
// The ground truth (tests/corpus/apps.json)
// ---------------------------------------------------------------------------------------------

/** How a file's calls reach the scopes their token was granted with (the kinds of miss). */
const REACHES = {
  'same-file': 'client, auth and scope request in the calling file',
  'other-file': 'scopes requested in another module of the app, reached through imports (auth module, client getter)',
  'passed-client': 'an exported helper takes the client as a parameter; its callers are in other modules',
  'injected-getter': 'a client getter arrives in an options object: registerTools({ getGmailClient })',
  'request-context': 'a getter returns a request-scoped client (AsyncLocalStorage store) or a module-level one',
  'stored-token': 'client rebuilt from a stored refresh token; a separate login command or consent URL requested the scopes',
  'global-options': 'the auth is set globally with google.options({ auth }); the client is built without one',
  'default-parameter': 'scopes are the default value of a parameter: getAuthUrl(scopes = [...])',
  'consent-url': 'scopes requested by a hand-built consent URL (URLSearchParams, template)',
  bundle: 'one bundled file (esbuild): the request and the calls come from different source modules',
} as const;
type Reach = keyof typeof REACHES;
const NON_GMAIL = 'non-Gmail API';

/** The kind a call is tallied under: its reach, or "non-Gmail API (reach)" since the rules check Gmail only. */
function kindOf(call: { readonly api: string; readonly reach: Reach }): string {
  return call.api === 'gmail' ? call.reach : `${NON_GMAIL} (${call.reach})`;
}

interface AppToken {
  /** The scopes the token really carries; null when the app's user supplies them. */
  readonly scopes: readonly string[] | null;
  /** Where the app requests them: "file:line how". */
  readonly where: string;
}

interface AppFile {
  readonly token: string;
  readonly reach: Reach;
  /** How the calls of this file get their client, as read in the code. */
  readonly evidence: string;
  /** "LINE api:version method", e.g. "622 gmail:v1 users.messages.delete". */
  readonly calls: readonly string[];
}

interface AppBug {
  readonly file: string;
  readonly line: number;
  readonly method: string;
  readonly why: string;
}

/** A finding of a rule other than missing-scope, with its verdict. */
interface AppFinding {
  readonly rule: string;
  readonly file: string;
  readonly line: number;
  readonly verdict: 'real' | 'false-alarm';
  readonly why: string;
}

interface App extends PackageSpec {
  readonly what: string;
  readonly tokens: Readonly<Record<string, AppToken>>;
  readonly files: Readonly<Record<string, AppFile>>;
  readonly bugs: readonly AppBug[];
  readonly findings: readonly AppFinding[];
}

interface AppCall {
  readonly file: string;
  readonly line: number;
  readonly api: string;
  readonly version: string;
  readonly method: string;
  readonly reach: Reach;
  /** The scopes its token carries (null: not knowable). */
  readonly scopes: readonly string[] | null;
  readonly verdict: 'works' | 'fails' | 'unknown';
}

/** The app's calls with their verdicts from the scope data, plus any disagreement with `bugs`. */
function expectedCalls(app: App): { calls: AppCall[]; problems: string[] } {
  const calls: AppCall[] = [];
  const problems: string[] = [];
  for (const [file, entry] of Object.entries(app.files)) {
    if (!(entry.reach in REACHES)) problems.push(`${file}: unknown reach ${entry.reach}`);
    const token = app.tokens[entry.token];
    if (token === undefined) problems.push(`${file}: unknown token ${entry.token}`);
    for (const text of entry.calls) {
      const match = /^(\d+)\s+([\w.]+):([\w.]+)\s+(\S+)$/.exec(text.trim());
      if (match === null) {
        problems.push(`${file}: bad call entry "${text}"`);
        continue;
      }
      const [, line, api, version, method] = match as unknown as [string, string, string, string, string];
      const accepted = acceptedScopes(api, version, method);
      if (listMethods(api, version)?.includes(method) !== true)
        problems.push(`${file}:${line}: unknown method ${api}:${version} ${method}`);
      const scopes = token?.scopes ?? null;
      const verdict =
        scopes === null || accepted === undefined ? 'unknown' : accepted.some((scope) => scopes.includes(scope)) ? 'works' : 'fails';
      calls.push({ file, line: Number(line), api, version, method, reach: entry.reach, scopes, verdict });
    }
  }
  for (const call of calls) {
    const listed = app.bugs.some((bug) => bug.file === call.file && bug.line === call.line && bug.method === call.method);
    if (call.verdict === 'fails' && !listed)
      problems.push(`${call.file}:${call.line} ${call.method} fails with its token but is not in bugs`);
    if (call.verdict !== 'fails' && listed)
      problems.push(`${call.file}:${call.line} ${call.method} is in bugs but ${call.verdict} with its token`);
  }
  for (const bug of app.bugs) {
    if (!calls.some((call) => call.file === bug.file && call.line === bug.line && call.method === bug.method))
      problems.push(`bug ${bug.file}:${bug.line} is not an expected call`);
  }
  return { calls, problems };
}

// ---------------------------------------------------------------------------------------------
// Comparison
// ---------------------------------------------------------------------------------------------

interface AppResult {
  readonly app: App;
  readonly lint: LintResult;
  readonly problems: string[];
  readonly calls: { call: AppCall; checked: boolean; kind: string; probed: ProbedCall | undefined }[];
  readonly found: AppCall[];
  readonly missed: { call: AppCall; kind: string }[];
  readonly falseAlarms: { finding: Finding; why: string }[];
  readonly unexpected: Finding[];
  readonly otherReal: { finding: Finding; expected: AppFinding }[];
}

const sameSet = (a: readonly string[], b: readonly string[]): boolean =>
  new Set(a).size === new Set(b).size && a.every((scope) => b.includes(scope));

function compare(app: App, lint: LintResult, calls: AppCall[], problems: string[]): AppResult {
  const unmatched = [...lint.calls];
  const checkedCalls = calls.map((call) => {
    const index = unmatched.findIndex((p) => p.file === call.file && p.line === call.line && p.method === call.method);
    const probed = index === -1 ? undefined : unmatched.splice(index, 1)[0];
    const checked = probed?.requested?.complete === true;
    // A checked call whose resolved scopes are not the ones its token carries would be judged wrongly.
    if (checked && call.scopes !== null && !sameSet(call.scopes, probed!.requested!.scopes)) {
      problems.push(
        `the plugin resolved other scopes than the ground truth for ${call.file}:${call.line} ${call.method}: ${probed!.requested!.scopes.join(' ')}`,
      );
    }
    return { call, checked, kind: kindOf(call), probed };
  });
  const found: AppCall[] = [];
  const missed: AppResult['missed'] = [];
  const falseAlarms: AppResult['falseAlarms'] = [];
  const unexpected: Finding[] = [];
  const otherReal: AppResult['otherReal'] = [];
  const missing = lint.findings.filter((f) => f.rule === 'missing-scope');
  for (const entry of checkedCalls) {
    if (entry.call.verdict !== 'fails') continue;
    const reported = missing.some((f) => f.file === entry.call.file && f.line === entry.call.line);
    if (reported) found.push(entry.call);
    else missed.push({ call: entry.call, kind: entry.checked ? `${entry.kind} (checked, not reported)` : entry.kind });
  }
  for (const finding of missing) {
    const bug = calls.find((call) => call.verdict === 'fails' && call.file === finding.file && call.line === finding.line);
    if (bug === undefined) falseAlarms.push({ finding, why: 'no failing call on this line in the ground truth' });
  }
  for (const finding of lint.findings.filter((f) => f.rule !== 'missing-scope')) {
    const expected = app.findings.find((e) => e.rule === finding.rule && e.file === finding.file && e.line === finding.line);
    if (expected === undefined) unexpected.push(finding);
    else if (expected.verdict === 'false-alarm') falseAlarms.push({ finding, why: expected.why });
    else otherReal.push({ finding, expected });
  }
  for (const probed of unmatched)
    problems.push(`the plugin sees a Gmail call the ground truth lacks: ${probed.file}:${probed.line} ${probed.method}`);
  return { app, lint, problems, calls: checkedCalls, found, missed, falseAlarms, unexpected, otherReal };
}

// ---------------------------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------------------------

function printReport(results: readonly AppResult[], verbose: boolean): void {
  console.log('\nApplication corpus: checked = calls whose token scopes the plugin resolved completely (only there can it report a bug)');
  console.table(
    results.map((r) => ({
      app: `${r.app.name}@${r.app.version}`,
      files: r.lint.files,
      calls: r.calls.length,
      gmail: r.calls.filter((c) => c.call.api === 'gmail').length,
      checked: r.calls.filter((c) => c.checked).length,
      bugs: r.found.length + r.missed.length,
      found: r.found.length,
      missed: r.missed.length,
      'false alarms': r.falseAlarms.length,
      unexpected: r.unexpected.length,
      crashes: r.lint.crashes.length,
    })),
  );

  const byKind = new Map<string, { calls: number; checked: number; bugs: number; found: number }>();
  const add = (kind: string, key: 'calls' | 'checked' | 'bugs' | 'found'): void => {
    const entry = byKind.get(kind) ?? { calls: 0, checked: 0, bugs: 0, found: 0 };
    entry[key] += 1;
    byKind.set(kind, entry);
  };
  for (const r of results) {
    for (const c of r.calls) {
      add(c.kind, 'calls');
      if (c.checked) add(c.kind, 'checked');
      if (c.call.verdict === 'fails') add(c.kind, 'bugs');
    }
    for (const call of r.found) add(kindOf(call), 'found');
  }
  console.log('\nBy kind of pattern:');
  console.table([...byKind].sort(([a], [b]) => a.localeCompare(b)).map(([kind, n]) => ({ kind, ...n, 'bugs missed': n.bugs - n.found })));

  for (const r of results) {
    const lines: string[] = [];
    for (const problem of r.problems) lines.push(`  EXPECTATIONS ${problem}`);
    for (const crash of r.lint.crashes) lines.push(`  CRASH ${crash.file}: ${crash.error.split('\n').slice(0, 4).join(' | ')}`);
    for (const parse of r.lint.parseErrors) lines.push(`  parse error ${parse.file} ${parse.error}`);
    for (const { finding, why } of r.falseAlarms)
      lines.push(`  FALSE ALARM ${finding.rule} ${finding.file}:${finding.line} ${finding.message} (${why})`);
    for (const finding of r.unexpected)
      lines.push(`  UNEXPECTED ${finding.rule} ${finding.file}:${finding.line}:${finding.column} ${finding.message}`);
    for (const call of r.found) lines.push(`  found bug ${call.file}:${call.line} ${call.api} ${call.method}`);
    for (const { call, kind } of r.missed) lines.push(`  missed bug ${call.file}:${call.line} ${call.api} ${call.method} [${kind}]`);
    if (verbose) {
      for (const c of r.calls.filter((entry) => !entry.checked)) {
        lines.push(
          `  unchecked ${c.call.file}:${c.call.line} ${c.call.api} ${c.call.method} [${c.kind}]${c.call.api === 'gmail' && c.probed === undefined ? ' (call not seen)' : ''}`,
        );
      }
      for (const { finding, expected } of r.otherReal)
        lines.push(`  real ${finding.rule} ${finding.file}:${finding.line} (${expected.why})`);
    }
    if (lines.length > 0) console.log(`\n${r.app.name}@${r.app.version}\n${lines.join('\n')}`);
  }

  const sum = (f: (r: AppResult) => number): number => results.reduce((n, r) => n + f(r), 0);
  console.log(
    `\nTotal: ${results.length} apps, ${sum((r) => r.lint.files)} files, ${sum((r) => r.calls.length)} Google API calls ` +
      `(${sum((r) => r.calls.filter((c) => c.call.api === 'gmail').length)} Gmail), checked ${sum((r) => r.calls.filter((c) => c.checked).length)}; ` +
      `real scope bugs found ${sum((r) => r.found.length)}/${sum((r) => r.found.length + r.missed.length)}; ` +
      `false alarms ${sum((r) => r.falseAlarms.length)}; unexpected findings ${sum((r) => r.unexpected.length)}; crashes ${sum((r) => r.lint.crashes.length)}`,
  );
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const option = (name: string): string | undefined => {
    const index = args.indexOf(name);
    return index === -1 ? undefined : args[index + 1];
  };
  const only = option('--only');
  const jsonOut = option('--json');
  const expectations = JSON.parse(readFileSync(EXPECTATIONS_PATH, 'utf8')) as { apps: App[] };
  const apps = expectations.apps.filter((app) => only === undefined || app.name.includes(only));
  mkdirSync(CACHE, { recursive: true });
  const eslints = makeEslints(CACHE);
  const results: AppResult[] = [];
  for (const app of apps) {
    let root: string;
    try {
      root = fetchPackage(app, args.includes('--refresh'));
    } catch (error) {
      console.error(`Cannot fetch ${app.name}@${app.version}: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 2;
      continue;
    }
    const { calls, problems } = expectedCalls(app);
    const files = listFiles(root, app);
    for (const file of Object.keys(app.files)) if (!files.includes(file)) problems.push(`${file} is not linted`);
    results.push(compare(app, await lintPackage(root, files, eslints), calls, problems));
  }
  printReport(results, args.includes('--verbose'));
  if (jsonOut !== undefined) {
    const serializable = results.map((r) => ({
      app: `${r.app.name}@${r.app.version}`,
      files: r.lint.files,
      crashes: r.lint.crashes,
      problems: r.problems,
      calls: r.calls.map(({ call, checked, kind }) => ({ ...call, checked, kind })),
      found: r.found,
      missed: r.missed,
      falseAlarms: r.falseAlarms,
      unexpected: r.unexpected,
    }));
    writeFileSync(jsonOut, `${JSON.stringify(serializable, null, 2)}\n`);
  }
  const failed = results.some(
    (r) => r.lint.crashes.length > 0 || r.falseAlarms.length > 0 || r.unexpected.length > 0 || r.problems.length > 0,
  );
  if (failed) process.exitCode = 1;
}

await main();
