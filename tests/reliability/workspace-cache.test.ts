/**
 * Workspace packages in a long-running process (an editor, eslint_d): which package a bare
 * specifier names depends on the workspace's package.json files, so editing one of them changes
 * the answer at the next lint, without a restart.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { missingScopeLinter, setTime, tempFolder, writeFile } from '../temp-project.ts';

const dir = tempFolder('workspace-cache');
const app = path.join(dir, 'apps', 'web', 'src', 'app.ts');
const APP = `import { google } from 'googleapis';
import { SCOPES } from '@acme/google-auth';
const auth = new google.auth.GoogleAuth({ scopes: SCOPES });
const gmail = google.gmail({ version: 'v1', auth });
await gmail.users.messages.send({ userId: 'me' });
`;

/** Writes a file with an mtime of its own (`tick` seconds past the epoch), so the change is always visible. */
function write(file: string, text: string, tick: number): void {
  setTime(writeFile(file, text), 1_000_000 + tick);
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
  const verify = missingScopeLinter(dir, '**/*.ts');
  const lint = (): string[] => verify(APP, app);

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
