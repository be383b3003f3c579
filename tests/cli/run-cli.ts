import path from 'node:path';
import { main } from '../../src/cli/run.ts';

export const REPORT_FIXTURES = path.join(import.meta.dirname, '..', 'fixtures', 'report');

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `googleapis-scopes <args>` in process, in `cwd`, with captured streams. */
export async function runCli(
  args: readonly string[],
  options: { cwd: string; stdoutIsTTY?: boolean; stderrIsTTY?: boolean; env?: Record<string, string | undefined>; stdin?: string },
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    cwd: options.cwd,
    env: options.env ?? {},
    stdout: { isTTY: options.stdoutIsTTY ?? false, write: (text: string) => (stdout += text) },
    stderr: { isTTY: options.stderrIsTTY ?? false, write: (text: string) => (stderr += text) },
    // No piped input: standard input is a terminal.
    stdin:
      options.stdin === undefined
        ? { isTTY: true, read: () => Promise.resolve('') }
        : { isTTY: false, read: () => Promise.resolve(options.stdin!) },
  });
  return { code, stdout, stderr };
}

export function fixture(name: string): string {
  return path.join(REPORT_FIXTURES, name);
}

const AUTH = 'https://www.googleapis.com/auth/';
/** Full scope URL from its short label (`gmail.send`). */
export const scope = (label: string): string => (label.startsWith('https://') ? label : `${AUTH}${label}`);
export const scopes = (...labels: string[]): string[] => labels.map(scope);
