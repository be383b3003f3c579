/**
 * `googleapis-scopes report|explain [paths…]`: argument handling, output and exit codes. The
 * process is injected (argv, streams, cwd, env, stdin) so tests run the commands in process.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ownPackageJson } from '../scopes/package-files.ts';
import { describeSource, dataSources } from '../scopes/provenance.ts';
import { parseErrorText } from './error-text.ts';
import { explainError } from './explain.ts';
import { formatExplanation } from './format-explain.ts';
import { formatJson } from './format-json.ts';
import { formatMarkdown } from './format-markdown.ts';
import { certainlyFails, printable } from './format-shared.ts';
import { formatTable } from './format-table.ts';
import { ReportUsageError, lintProject } from './lint.ts';
import { buildReport } from './report.ts';
import type { Report } from './report.ts';

export interface CliStream {
  write(text: string): unknown;
  readonly isTTY?: boolean | undefined;
}

export interface CliIo {
  readonly stdout: CliStream;
  readonly stderr: CliStream;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Standard input, for `explain` (the error text); absent or a terminal means none was piped. */
  readonly stdin?: { readonly isTTY?: boolean | undefined; read(): Promise<string> } | undefined;
}

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

const NAME = 'googleapis-scopes';
const FORMATS = ['table', 'markdown', 'json'] as const;
type Format = (typeof FORMATS)[number];
const FAIL_ON = ['missing', 'unused', 'metadata', 'unresolved'] as const;
type FailOn = (typeof FAIL_ON)[number];

export const HELP = `Usage: ${NAME} report [paths...] [options]
       ${NAME} explain [paths...] [--error <file> | --message <text>] [options]

report: lints the project with its own ESLint config and lists, per scope declaration and for the
whole project: the Google API operations called, the OAuth scopes requested, the minimal
least-privileged set that covers the calls, what is missing, what is unused, and each
scope's Google classification and the verification it triggers.

explain: reads a Google API error (a 403 body, a printed GaxiosError, a WWW-Authenticate
header, a gmail.metadata message or an invalid_scope token error) from --error, --message
or standard input, and prints which method failed and why, the scopes it accepts, its call
sites in the project, where the project requests scopes, and the change that fixes it.

Arguments:
  paths                     files, directories or globs to lint (default: .)

Options:
  -f, --format <format>     report: table (default), markdown or json; explain: text (default) or json
      --fail-on <what>      report: also exit 1 on: unused, unresolved (repeatable or
                            comma-separated; a missing scope and a call that
                            breaks under gmail.metadata always fail)
      --explain             report: list, for each requested scope, the calls that need it
      --error <file>        explain: read the error from this file (- for standard input)
  -m, --message <text>      explain: the error text itself
  -c, --config <file>       use this ESLint config file instead of looking one up
  -h, --help                show this help
  -v, --version             print the version and where the scope data comes from

Exit codes (report):
  0  no operation certainly fails
  1  an operation is missing a scope or breaks under gmail.metadata (both
     certain 403s, as eslint reports them), or a --fail-on condition holds
  2  usage error: unknown option, path not found, bad --format, broken ESLint config;
     or the analysis of a file failed (the report is incomplete)
Exit codes (explain):
  0  the error was explained
  2  the error could not be read, or a usage error
`;

class UsageError extends Error {}

const EXPLAIN_FORMATS = ['text', 'json'] as const;
type ExplainFormat = (typeof EXPLAIN_FORMATS)[number];

interface CommonArgs {
  readonly config: string | undefined;
  readonly paths: readonly string[];
}
interface ReportArgs extends CommonArgs {
  readonly command: 'report';
  readonly format: Format;
  readonly failOn: ReadonlySet<FailOn>;
  readonly explain: boolean;
}
interface ExplainArgs extends CommonArgs {
  readonly command: 'explain';
  readonly format: ExplainFormat;
  readonly errorFile: string | undefined;
  readonly message: string | undefined;
}
type ParsedArgs = { readonly command: 'help' } | { readonly command: 'version' } | ReportArgs | ExplainArgs;

export function defaultIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    cwd: process.cwd(),
    env: process.env,
    stdin: { isTTY: process.stdin.isTTY, read: () => readStream(process.stdin) },
  };
}

/** Runs the command and returns its exit code; never throws for user errors. */
export async function main(argv: readonly string[], io: CliIo = defaultIo()): Promise<number> {
  let args: ParsedArgs;
  try {
    args = parse(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`${NAME}: ${error.message} (see ${NAME} --help)\n`);
    return EXIT_USAGE;
  }
  switch (args.command) {
    case 'help':
      io.stdout.write(HELP);
      return EXIT_OK;
    case 'version':
      io.stdout.write(versionText());
      return EXIT_OK;
    case 'report':
    case 'explain':
      break;
  }
  for (const target of [...args.paths, ...(args.config === undefined ? [] : [args.config])]) {
    if (!isGlob(target) && !existsSync(path.resolve(io.cwd, target))) {
      io.stderr.write(`${NAME}: path not found: ${target}\n`);
      return EXIT_USAGE;
    }
  }
  return args.command === 'explain' ? explainCommand(args, io) : reportCommand(args, io);
}

async function reportCommand(args: ReportArgs, io: CliIo): Promise<number> {
  const linted = await lintAndReport(args, io);
  if (linted === undefined) return EXIT_USAGE;
  io.stdout.write(render(linted.report, args.format, useColor(io), args.explain));
  if (linted.failed > 0) {
    // Fail closed: a file we could not analyse may hold the call that is missing a scope.
    io.stderr.write(
      `${NAME}: error: the analysis of ${filesText(linted.failed)} failed (see the warnings above); the report is incomplete\n`,
    );
    return EXIT_USAGE;
  }
  return exitCode(linted.report, args.failOn);
}

async function explainCommand(args: ExplainArgs, io: CliIo): Promise<number> {
  let text: string;
  try {
    text = await readErrorText(args, io);
  } catch (error) {
    io.stderr.write(`${NAME}: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_USAGE;
  }
  const parsed = parseErrorText(text);
  if (parsed === undefined) {
    io.stderr.write(
      `${NAME}: could not read a Google scope error in the input: expected a 403 body or GaxiosError, a WWW-Authenticate header, a gmail.metadata message or an invalid_scope error\n`,
    );
    return EXIT_USAGE;
  }
  const linted = await lintAndReport(args, io);
  const explanation = explainError(parsed, linted?.report);
  io.stdout.write(args.format === 'json' ? `${JSON.stringify(explanation, null, 2)}\n` : formatExplanation(printable(explanation)));
  if (linted !== undefined && linted.failed > 0) {
    io.stderr.write(
      `${NAME}: warning: the analysis of ${filesText(linted.failed)} failed (see the warnings above): call sites there are not listed\n`,
    );
  }
  return EXIT_OK;
}

function filesText(count: number): string {
  return count === 1 ? '1 file' : `${count} files`;
}

/** `--message`, else `--error <file>` (`-` for standard input), else piped standard input. */
async function readErrorText(args: ExplainArgs, io: CliIo): Promise<string> {
  if (args.message !== undefined) return args.message;
  if (args.errorFile !== undefined && args.errorFile !== '-') {
    const file = path.resolve(io.cwd, args.errorFile);
    if (!existsSync(file)) throw new Error(`error file not found: ${args.errorFile}`);
    return readFileSync(file, 'utf8');
  }
  if (io.stdin === undefined || (io.stdin.isTTY === true && args.errorFile !== '-')) {
    throw new Error('no error to explain: pipe it in, or pass --error <file> or --message <text>');
  }
  return io.stdin.read();
}

/**
 * Lints the project and builds its report, with how many files' analysis failed; undefined
 * (after saying why on stderr) when ESLint could not run.
 */
async function lintAndReport(args: CommonArgs, io: CliIo): Promise<{ report: Report; failed: number } | undefined> {
  const progress = io.stderr.isTTY === true ? progressLine(io.stderr) : undefined;
  let report: Report;
  let failed = 0;
  try {
    const result = await lintProject({
      cwd: io.cwd,
      paths: args.paths,
      configFile: args.config,
      onProgress: progress?.update,
      onNote: (note) => {
        progress?.clear();
        io.stderr.write(`${NAME}: note: ${note}\n`);
      },
    });
    progress?.clear();
    failed = result.failed;
    report = buildReport({ cwd: io.cwd, inventories: result.inventories, files: result.files, skipped: result.skipped });
  } catch (error) {
    progress?.clear();
    if (!(error instanceof ReportUsageError)) throw error;
    io.stderr.write(`${NAME}: ${error.message}\n`);
    return undefined;
  }

  for (const item of report.skipped.slice(0, 10)) {
    io.stderr.write(`${NAME}: warning: skipped ${item.file}${item.line === null ? '' : `:${item.line}`}: ${item.message}\n`);
  }
  if (report.skipped.length > 10) io.stderr.write(`${NAME}: warning: … and ${report.skipped.length - 10} more skipped files\n`);
  return { report, failed };
}

/**
 * 1 when an operation certainly fails (a missing scope, or a call that breaks under
 * gmail.metadata: eslint's missing-scope and metadata-scope errors), or when a `--fail-on`
 * condition holds; else 0. (`--fail-on metadata` is still accepted: it always holds now.)
 */
export function exitCode(report: Report, failOn: ReadonlySet<string>): number {
  const failed =
    certainlyFails(report) ||
    (failOn.has('unused') && report.declarations.some((declaration) => declaration.unused.length > 0)) ||
    (failOn.has('unresolved') && report.summary.unresolved > 0);
  return failed ? EXIT_FAILED : EXIT_OK;
}

function render(report: Report, format: Format, color: boolean, explain: boolean): string {
  switch (format) {
    case 'json':
      return formatJson(report, { explain });
    case 'markdown':
      return formatMarkdown(printable(report), { explain });
    case 'table':
      return formatTable(printable(report), { color, explain });
  }
}

function parse(argv: readonly string[]): ParsedArgs {
  const [command, ...rest] = argv;
  if (command === undefined) throw new UsageError('missing command: expected `report` or `explain`');
  if (command === '--help' || command === '-h') return { command: 'help' };
  if (command === '--version' || command === '-v') return { command: 'version' };
  if (command !== 'report' && command !== 'explain') {
    throw new UsageError(
      command.startsWith('-')
        ? `unknown option '${command}' before the command`
        : `unknown command '${command}': expected \`report\` or \`explain\``,
    );
  }
  const explain = command === 'explain';
  let values: {
    format?: string;
    'fail-on'?: string[];
    explain?: boolean;
    error?: string;
    message?: string;
    config?: string;
    help?: boolean;
    version?: boolean;
  };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: rest,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        'fail-on': { type: 'string', multiple: true },
        explain: { type: 'boolean' },
        error: { type: 'string' },
        message: { type: 'string', short: 'm' },
        config: { type: 'string', short: 'c' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    }));
  } catch (error) {
    throw new UsageError(parseArgsMessage(error));
  }
  if (values.help === true) return { command: 'help' };
  if (values.version === true) return { command: 'version' };
  // One option list for both commands; each rejects the other's options.
  const foreign = explain
    ? [values['fail-on'] && '--fail-on', values.explain && '--explain']
    : [values.error && '--error', values.message && '--message'];
  const misplaced = foreign.find((name): name is string => typeof name === 'string');
  if (misplaced !== undefined) throw new UsageError(`option '${misplaced}' is not an option of \`${command}\``);
  if (explain) {
    const format = values.format ?? 'text';
    if (!(EXPLAIN_FORMATS as readonly string[]).includes(format)) {
      throw new UsageError(`bad --format '${format}': expected one of ${EXPLAIN_FORMATS.join(', ')}`);
    }
    if (values.error !== undefined && values.message !== undefined) throw new UsageError('use --error or --message, not both');
    return {
      command: 'explain',
      format: format as ExplainFormat,
      errorFile: values.error,
      message: values.message,
      config: values.config,
      paths: positionals,
    };
  }
  const format = values.format ?? 'table';
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`bad --format '${format}': expected one of ${FORMATS.join(', ')}`);
  }
  const failOn = new Set<FailOn>();
  for (const item of (values['fail-on'] ?? []).flatMap((value) => value.split(','))) {
    const value = item.trim();
    if (!(FAIL_ON as readonly string[]).includes(value)) {
      throw new UsageError(`bad --fail-on '${value}': expected ${FAIL_ON.filter((name) => name !== 'missing').join(', ')}`);
    }
    failOn.add(value as FailOn);
  }
  return {
    command: 'report',
    format: format as Format,
    failOn,
    explain: values.explain === true,
    config: values.config,
    paths: positionals,
  };
}

/** node:util's messages, cut to their first sentence: "Unknown option '--x'". */
function parseArgsMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown }).code;
  const first = message.split(/\.\s/)[0]!.replace(/\.$/, '');
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return first.replace(/^Unknown option/, 'unknown option');
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return first.replace(/^Option/, 'option');
  return first;
}

function isGlob(target: string): boolean {
  return /[*?{}[\]!]/.test(target);
}

/** Colour on a terminal only, and never when NO_COLOR is set (https://no-color.org). */
function useColor(io: CliIo): boolean {
  const noColor = io.env.NO_COLOR;
  return io.stdout.isTTY === true && (noColor === undefined || noColor === '');
}

/** The package version, then where its data comes from (recorded by the generator, not read from node_modules). */
export function versionText(): string {
  const packageJson = ownPackageJson();
  return `${packageJson.name} ${packageJson.version}\ndata: ${dataSources().map(describeSource).join('; ')}\n`;
}

async function readStream(stream: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  stream.setEncoding('utf8');
  for await (const chunk of stream) text += String(chunk);
  return text;
}

/** "googleapis-scopes: 12/40 files" on one rewritten stderr line, at most ten times a second. */
function progressLine(stream: CliStream): { update(done: number, total: number): void; clear(): void } {
  let last = 0;
  let shown = false;
  return {
    update(done, total) {
      const now = Date.now();
      if (now - last < 100 && done < total) return;
      last = now;
      shown = true;
      stream.write(`\r\u001B[K${NAME}: analysing files ${done}/${total}`);
    },
    clear() {
      if (shown) stream.write('\r\u001B[K');
      shown = false;
    },
  };
}
