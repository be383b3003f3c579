/**
 * Workspace packages in a long-running process (an editor, eslint_d): which package a bare
 * specifier names depends on the workspace's package.json files, so editing one of them changes
 * the answer at the next lint, without a restart.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Linter } from 'eslint';
import type { ESLint } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import plugin from '../../src/index.ts';

const PREFIX = 'googleapis-scopes';
const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'googleapis-scopes-workspace-cache-')));
const app = path.join(dir, 'apps', 'web', 'src', 'app.ts');
const APP = `import { google } from 'googleapis';
import { SCOPES } from '@acme/google-auth';
const auth = new google.auth.GoogleAuth({ scopes: SCOPES });
const gmail = google.gmail({ version: 'v1', auth });
await gmail.users.messages.send({ userId: 'me' });
`;

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Writes a file with an mtime of its own (`tick` seconds past the epoch), so the change is always visible. */
function write(file: string, text: string, tick: number): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  fs.utimesSync(file, 1_000_000 + tick, 1_000_000 + tick);
}

const rootManifest = path.join(dir, 'package.json');
const packageManifest = path.join(dir, 'packages', 'google-auth', 'package.json');
write(app, APP, 0);
write(
  path.join(dir, 'packages', 'google-auth', 'src', 'index.ts'),
  "export const SCOPES = ['https://www.googleapis.com/auth/gmail.readonly'];\n",
  0,
);

describe('a workspace package is re-resolved when a package.json of the workspace changes', () => {
  const linter = new Linter({ configType: 'flat', cwd: dir });
  const lint = (): string[] =>
    linter
      .verify(
        APP,
        [
          {
            files: ['**/*.ts'],
            plugins: { [PREFIX]: plugin as unknown as ESLint.Plugin },
            rules: { [`${PREFIX}/missing-scope`]: ['error', { reportUnresolved: true }] },
          },
        ],
        { filename: app },
      )
      .map((message) => `${message.line}:${message.messageId ?? ''}`);

  it('root `workspaces` added, the package renamed, then named again', () => {
    write(rootManifest, JSON.stringify({ private: true }), 1);
    write(packageManifest, JSON.stringify({ name: '@acme/google-auth', main: 'dist/index.js' }), 1);
    const unresolved = ['5:unresolvedScopes'];
    expect(lint()).toEqual(unresolved);
    write(rootManifest, JSON.stringify({ private: true, workspaces: ['packages/*'] }), 2);
    expect(lint()).toEqual(['5:missingScope']);
    write(packageManifest, JSON.stringify({ name: '@acme/renamed', main: 'dist/index.js' }), 3);
    expect(lint()).toEqual(unresolved);
    write(packageManifest, JSON.stringify({ name: '@acme/google-auth', main: 'dist/index.js' }), 4);
    expect(lint()).toEqual(['5:missingScope']);
  });
});
