/**
 * `npm run bench` — the plugin's import time (issue 15: target < 50 ms), of the bundle `npm run
 * build` ships: a fresh Node process per run, wall-clock and CPU time around
 * `await import(<plugin>)`, bare (the plugin imported first thing) and after `eslint` (as in every
 * lint run: ESLint imports its config, which imports the plugin). Median of `runs` each.
 */
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from './bench-corpus.ts';

/** Runs in the fresh process: plain Node, no TypeScript loader in the way of the import being timed. */
const CHILD = `
const [entry, eslintFirst] = process.argv.slice(1);
if (eslintFirst === 'yes') await import('eslint');
const cpu = process.cpuUsage();
const started = performance.now();
await import(entry);
const wallMs = performance.now() - started;
const used = process.cpuUsage(cpu);
const { createRequire } = await import('node:module');
const eslintLoaded = Object.keys(createRequire(import.meta.url).cache).some((file) => /[\\\\/]node_modules[\\\\/]eslint[\\\\/]/.test(file));
process.stdout.write(JSON.stringify({ wallMs, cpuMs: (used.user + used.system) / 1000, eslintLoaded }));
`;

interface ImportRun {
  wallMs: number;
  cpuMs: number;
  eslintLoaded: boolean;
}

function importOnce(entry: string, eslintFirst: boolean): ImportRun {
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', CHILD, pathToFileURL(entry).href, eslintFirst ? 'yes' : 'no'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
  if (child.status !== 0) throw new Error(`import-time run failed (exit ${child.status}):\n${child.stdout}\n${child.stderr}`);
  return JSON.parse(child.stdout) as ImportRun;
}

export function measureImportTime(entry: string, log: (line?: string) => void, runs = 5): void {
  const median = (values: number[]): number => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const ms = (value: number): string => `${value.toFixed(1)} ms`;
  log(
    `Plugin import (${entry.startsWith(REPO_ROOT) ? entry.slice(REPO_ROOT.length + 1) : entry}), fresh process, median of ${runs} (target < 50 ms):`,
  );
  for (const eslintFirst of [false, true]) {
    const results = Array.from({ length: runs }, () => importOnce(entry, eslintFirst));
    const loadsEslint = !eslintFirst && results.some((result) => result.eslintLoaded);
    log(
      `  ${eslintFirst ? 'after eslint' : 'bare        '}: ${ms(median(results.map((result) => result.wallMs)))} wall, ${ms(median(results.map((result) => result.cpuMs)))} CPU${loadsEslint ? ' (the import loaded ESLint)' : ''}`,
    );
  }
  log();
}
