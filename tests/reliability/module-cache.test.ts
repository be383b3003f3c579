/**
 * The module cache in a long-running process (an editor, eslint_d): a barrel's exports are
 * computed from the files it re-exports, so it is stale when one of them changes, not only when
 * the barrel itself does. Editing `leaf.js` behind `export { SCOPES } from './leaf.js'` kept the
 * old scopes until the process restarted.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Linter } from 'eslint';
import type { ESLint } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import plugin from '../../src/index.ts';

const PREFIX = 'googleapis-scopes';
const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'googleapis-scopes-module-cache-')));
const app = path.join(dir, 'app.js');
const leaf = path.join(dir, 'leaf.js');
const APP = `import { google } from 'googleapis';
import { SCOPES } from './mid.js';
const auth = new google.auth.GoogleAuth({ scopes: SCOPES });
const gmail = google.gmail({ version: 'v1', auth });
await gmail.users.messages.send({ userId: 'me' });
`;
fs.writeFileSync(app, APP);
fs.writeFileSync(path.join(dir, 'mid.js'), "export { SCOPES } from './leaf.js';\n");

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Writes the leaf with an mtime of its own (`tick` seconds past the epoch), so the change is always visible. */
function writeLeaf(scope: string, tick: number): void {
  fs.writeFileSync(leaf, `export const SCOPES = ['https://www.googleapis.com/auth/${scope}'];\n`);
  fs.utimesSync(leaf, 1_000_000 + tick, 1_000_000 + tick);
}

describe('a re-exported constant is re-read when the file that declares it changes', () => {
  const linter = new Linter({ configType: 'flat', cwd: dir });
  const lint = (): string[] =>
    linter
      .verify(
        APP,
        [
          {
            files: ['**/*.js'],
            plugins: { [PREFIX]: plugin as unknown as ESLint.Plugin },
            rules: { [`${PREFIX}/missing-scope`]: ['error', { reportUnresolved: true }] },
          },
        ],
        { filename: app },
      )
      .map((message) => `${message.line}:${message.messageId ?? ''}`);

  it('sees each edit of leaf.js through mid.js in one process', () => {
    writeLeaf('gmail.send', 1);
    expect(lint()).toEqual([]);
    writeLeaf('gmail.readonly', 2);
    expect(lint()).toEqual(['5:missingScope']);
    writeLeaf('gmail.compose', 3);
    expect(lint()).toEqual([]);
    fs.rmSync(leaf);
    expect(lint()).toEqual(['5:unresolvedScopes']);
  });
});

describe('a module that did not exist at the first lint is found once it is created', () => {
  const fresh = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'googleapis-scopes-created-module-')));
  const file = path.join(fresh, 'app.js');
  const code = APP.replace("'./mid.js'", "'./scopes.js'");
  fs.writeFileSync(file, code);
  afterAll(() => {
    fs.rmSync(fresh, { recursive: true, force: true });
  });
  const linter = new Linter({ configType: 'flat', cwd: fresh });
  const lint = (): string[] =>
    linter
      .verify(
        code,
        [
          {
            files: ['**/*.js'],
            plugins: { [PREFIX]: plugin as unknown as ESLint.Plugin },
            rules: { [`${PREFIX}/missing-scope`]: ['error', { reportUnresolved: true }] },
          },
        ],
        { filename: file },
      )
      .map((message) => `${message.line}:${message.messageId ?? ''}`);

  it('re-checks a failed lookup when its folder changes (./scopes.js created between two lints)', () => {
    expect(lint()).toEqual(['5:unresolvedScopes']);
    fs.writeFileSync(path.join(fresh, 'scopes.js'), "export const SCOPES = ['https://www.googleapis.com/auth/gmail.readonly'];\n");
    // Folder mtimes can have a coarse resolution: make the change visible whatever the file system.
    fs.utimesSync(fresh, 2_000_000, 2_000_000);
    expect(lint()).toEqual(['5:missingScope']);
  });
});

/**
 * The same for what a module's import gives it (a module that module imports), for a scope
 * constant and for an exported Google auth object: the Google exports of a module were cached by
 * that module's own mtime only, so an edit of its import was never seen.
 */
describe('an edit of the module an imported module imports is seen at the next lint', () => {
  const project = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'googleapis-scopes-import-of-import-')));
  afterAll(() => {
    fs.rmSync(project, { recursive: true, force: true });
  });
  const base = path.join(project, 'base.js');
  const writeBase = (scope: string, tick: number): void => {
    fs.writeFileSync(base, `export const BASE = ['https://www.googleapis.com/auth/${scope}'];\n`);
    fs.utimesSync(base, 3_000_000 + tick, 3_000_000 + tick);
  };
  fs.writeFileSync(path.join(project, 'scopes.js'), "import { BASE } from './base.js';\nexport const SCOPES = [...BASE];\n");
  fs.writeFileSync(
    path.join(project, 'auth.js'),
    "import { google } from 'googleapis';\nimport { BASE } from './base.js';\nexport const auth = new google.auth.GoogleAuth({ scopes: BASE });\n",
  );
  const linter = new Linter({ configType: 'flat', cwd: project });
  const lint = (code: string): string[] => {
    const file = path.join(project, 'app.js');
    fs.writeFileSync(file, code);
    return linter
      .verify(
        code,
        [
          {
            files: ['**/*.js'],
            plugins: { [PREFIX]: plugin as unknown as ESLint.Plugin },
            rules: { [`${PREFIX}/missing-scope`]: ['error', { reportUnresolved: true }] },
          },
        ],
        { filename: file },
      )
      .map((message) => `${message.line}:${message.messageId ?? ''}`);
  };
  const throughConstant = APP.replace("'./mid.js'", "'./scopes.js'");
  const throughAuth = `import { google } from 'googleapis';
import { auth } from './auth.js';
const gmail = google.gmail({ version: 'v1', auth });
await gmail.users.messages.send({ userId: 'me' });
`;

  it('a scope constant built from its import (scopes.js spreads base.js)', () => {
    writeBase('gmail.readonly', 1);
    expect(lint(throughConstant)).toEqual(['5:missingScope']);
    writeBase('gmail.send', 2);
    expect(lint(throughConstant)).toEqual([]);
  });

  it('an exported Google auth object whose scopes come from its import (auth.js reads base.js)', () => {
    writeBase('gmail.readonly', 3);
    expect(lint(throughAuth)).toEqual(['4:missingScope']);
    writeBase('gmail.send', 4);
    expect(lint(throughAuth)).toEqual([]);
    writeBase('gmail.readonly', 5);
    expect(lint(throughAuth)).toEqual(['4:missingScope']);
  });

  it('an exported Google auth object whose module was missing at the first lint', () => {
    const code = throughAuth.replace("'./auth.js'", "'./later-auth.js'");
    // Untraced: judged against the project's requests (auth.js and scopes.js ask for gmail.readonly only).
    expect(lint(code)).toEqual(['4:missingProjectScope']);
    fs.writeFileSync(
      path.join(project, 'later-auth.js'),
      "import { google } from 'googleapis';\nexport const auth = new google.auth.GoogleAuth({ scopes: ['https://www.googleapis.com/auth/gmail.readonly'] });\n",
    );
    fs.utimesSync(project, 4_000_000, 4_000_000);
    expect(lint(code)).toEqual(['4:missingScope']);
  });
});
