/**
 * Scaffolding for tests that lint or walk real files on disk: a temporary folder removed after
 * the test file, files written with an mtime of their own, and a Linter running missing-scope.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Linter } from 'eslint';
import type { ESLint } from 'eslint';
import { afterAll } from 'vitest';
import plugin from '../src/index.ts';

/**
 * A new folder under the system's temp folder, by its real path (macOS's /tmp is a symlink, and the
 * plugin compares real paths); removed when the test file's tests are done. Call it at the top
 * level of a test file or of a `describe`.
 */
export function tempFolder(name: string): string {
  const folder = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), `googleapis-scopes-${name}-`)));
  afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));
  return folder;
}

/** Writes `text` to `file` (creating its folders); returns `file`. */
export function writeFile(file: string, text: string | Buffer): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

/** Writes each `relative path → text` under `root`. */
export function writeFiles(root: string, files: Readonly<Record<string, string | Buffer>>): void {
  for (const [name, text] of Object.entries(files)) writeFile(path.join(root, name), text);
}

/**
 * Gives a file or folder an mtime of its own (`seconds` past the epoch): a change is then visible
 * to the plugin's caches whatever the file system's time resolution.
 */
export function setTime(file: string, seconds: number): void {
  fs.utimesSync(file, seconds, seconds);
}

/**
 * Lints with missing-scope (`reportUnresolved`) the way ESLint does in one long-running process
 * (one Linter, working directory `cwd`): `lint(code, filename)` gives each message as
 * `line:messageId`.
 */
export function missingScopeLinter(cwd: string, files = '**/*.js'): (code: string, filename: string) => string[] {
  const linter = new Linter({ configType: 'flat', cwd });
  const config = [
    {
      files: [files],
      plugins: { 'googleapis-scopes': plugin as unknown as ESLint.Plugin },
      rules: { 'googleapis-scopes/missing-scope': ['error', { reportUnresolved: true }] as Linter.RuleEntry },
    },
  ];
  return (code, filename) => linter.verify(code, config, { filename }).map((message) => `${message.line}:${message.messageId ?? ''}`);
}
