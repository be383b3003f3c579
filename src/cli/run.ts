/**
 * `googleapis-scopes report [paths…]`: argument handling, output and exit codes. The process
 * is injected (argv, streams, cwd, env) so tests run the command in process.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';
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

Lints the project with its own ESLint config and lists, per scope declaration and for the
whole project: the Gmail operations called, the OAuth scopes requested, the minimal
least-privileged set that covers the calls, what is missing, what is unused, and each
scope's Google classification and the verification it triggers.

Arguments:
  paths                     files, directories or globs to report on (default: .)

Options:
  -f, --format <format>     table (default), markdown or json
      --fail-on <what>      also exit 1 on: unused, unresolved (repeatable or
                            comma-separated; a missing scope and a call that
                            breaks under gmail.metadata always fail)
  -c, --config <file>       use this ESLint config file instead of looking one up
  -h, --help                show this help
  -v, --version             print the version

Exit codes:
  0  no operation certainly fails
  1  an operation is missing a scope or breaks under gmail.metadata (both
     certain 403s, as eslint reports them), or a --fail-on condition holds
  2  usage error: unknown option, path not found, bad --format, broken ESLint config;
     or the analysis of a file failed (the report is incomplete)
`;

class UsageError extends Error {}

interface ParsedArgs {
  readonly help: boolean;
  readonly version: boolean;
  readonly format: Format;
  readonly failOn: ReadonlySet<FailOn>;
  readonly config: string | undefined;
  readonly paths: readonly string[];
}

export function defaultIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env };
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
  if (args.help) {
    io.stdout.write(HELP);
    return EXIT_OK;
  }
  if (args.version) {
    io.stdout.write(`${version()}\n`);
    return EXIT_OK;
  }
  for (const target of [...args.paths, ...(args.config === undefined ? [] : [args.config])]) {
    if (!isGlob(target) && !existsSync(path.resolve(io.cwd, target))) {
      io.stderr.write(`${NAME}: path not found: ${target}\n`);
      return EXIT_USAGE;
    }
  }

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
    return EXIT_USAGE;
  }

  for (const item of report.skipped.slice(0, 10)) {
    io.stderr.write(`${NAME}: warning: skipped ${item.file}${item.line === null ? '' : `:${item.line}`}: ${item.message}\n`);
  }
  if (report.skipped.length > 10) io.stderr.write(`${NAME}: warning: … and ${report.skipped.length - 10} more skipped files\n`);

  io.stdout.write(render(report, args.format, useColor(io)));
  if (failed > 0) {
    // Fail closed: a file we could not analyse may hold the call that is missing a scope.
    io.stderr.write(`${NAME}: error: the analysis of ${failed === 1 ? '1 file' : `${failed} files`} failed (see the warnings above); the report is incomplete\n`);
    return EXIT_USAGE;
  }
  return exitCode(report, args.failOn);
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

function render(report: Report, format: Format, color: boolean): string {
  switch (format) {
    case 'json':
      return formatJson(report);
    case 'markdown':
      return formatMarkdown(printable(report));
    case 'table':
      return formatTable(printable(report), { color });
  }
}

function parse(argv: readonly string[]): ParsedArgs {
  const [command, ...rest] = argv;
  if (command === undefined) throw new UsageError('missing command: expected `report`');
  if (command === '--help' || command === '-h') return { ...defaults(), help: true };
  if (command === '--version' || command === '-v') return { ...defaults(), version: true };
  if (command !== 'report') {
    throw new UsageError(command.startsWith('-') ? `unknown option '${command}' before the command` : `unknown command '${command}': expected \`report\``);
  }
  let values: { format?: string; 'fail-on'?: string[]; config?: string; help?: boolean; version?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: rest,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        'fail-on': { type: 'string', multiple: true },
        config: { type: 'string', short: 'c' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    }));
  } catch (error) {
    throw new UsageError(parseArgsMessage(error));
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
    help: values.help === true,
    version: values.version === true,
    format: format as Format,
    failOn,
    config: values.config,
    paths: positionals,
  };
}

function defaults(): ParsedArgs {
  return { help: false, version: false, format: 'table', failOn: new Set(), config: undefined, paths: [] };
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

function version(): string {
  const packageJson = createRequire(import.meta.url)('../../package.json') as { version: string };
  return packageJson.version;
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
