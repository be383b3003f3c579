/**
 * The module cache in a long-running process (an editor, eslint_d): a barrel's exports are
 * computed from the files it re-exports, so it is stale when one of them changes, not only when
 * the barrel itself does. Editing `leaf.js` behind `export { SCOPES } from './leaf.js'` kept the
 * old scopes until the process restarted.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { missingScopeLinter, setTime, tempFolder } from '../temp-project.ts';

const dir = tempFolder('module-cache');
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

/** Writes the leaf with an mtime of its own (`tick` seconds past the epoch), so the change is always visible. */
function writeLeaf(scope: string, tick: number): void {
  fs.writeFileSync(leaf, `export const SCOPES = ['https://www.googleapis.com/auth/${scope}'];\n`);
  setTime(leaf, 1_000_000 + tick);
}

describe('a re-exported constant is re-read when the file that declares it changes', () => {
  const verify = missingScopeLinter(dir);
  const lint = (): string[] => verify(APP, app);

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
  const fresh = tempFolder('created-module');
  const file = path.join(fresh, 'app.js');
  const code = APP.replace("'./mid.js'", "'./scopes.js'");
  fs.writeFileSync(file, code);
  const verify = missingScopeLinter(fresh);
  const lint = (): string[] => verify(code, file);

  it('re-checks a failed lookup when its folder changes (./scopes.js created between two lints)', () => {
    expect(lint()).toEqual(['5:unresolvedScopes']);
    fs.writeFileSync(path.join(fresh, 'scopes.js'), "export const SCOPES = ['https://www.googleapis.com/auth/gmail.readonly'];\n");
    // Folder mtimes can have a coarse resolution: make the change visible whatever the file system.
    setTime(fresh, 2_000_000);
    expect(lint()).toEqual(['5:missingScope']);
  });
});

/**
 * The same for what a module's import gives it (a module that module imports), for a scope
 * constant and for an exported Google auth object: the Google exports of a module were cached by
 * that module's own mtime only, so an edit of its import was never seen.
 */
describe('an edit of the module an imported module imports is seen at the next lint', () => {
  const project = tempFolder('import-of-import');
  const base = path.join(project, 'base.js');
  const writeBase = (scope: string, tick: number): void => {
    fs.writeFileSync(base, `export const BASE = ['https://www.googleapis.com/auth/${scope}'];\n`);
    setTime(base, 3_000_000 + tick);
  };
  fs.writeFileSync(path.join(project, 'scopes.js'), "import { BASE } from './base.js';\nexport const SCOPES = [...BASE];\n");
  fs.writeFileSync(
    path.join(project, 'auth.js'),
    "import { google } from 'googleapis';\nimport { BASE } from './base.js';\nexport const auth = new google.auth.GoogleAuth({ scopes: BASE });\n",
  );
  const verify = missingScopeLinter(project);
  const lint = (code: string): string[] => {
    const file = path.join(project, 'app.js');
    fs.writeFileSync(file, code);
    return verify(code, file);
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
    // A consent flow: a service account's scopes (auth.js) never show where an untraced call's token comes from.
    fs.writeFileSync(
      path.join(project, 'login.js'),
      "import { google } from 'googleapis';\nexport const url = new google.auth.OAuth2().generateAuthUrl({ scope: ['https://www.googleapis.com/auth/gmail.readonly'] });\n",
    );
    // Untraced: judged against the project's requests (login.js, auth.js and scopes.js ask for gmail.readonly only).
    expect(lint(code)).toEqual(['4:missingProjectScope']);
    fs.writeFileSync(
      path.join(project, 'later-auth.js'),
      "import { google } from 'googleapis';\nexport const auth = new google.auth.GoogleAuth({ scopes: ['https://www.googleapis.com/auth/gmail.readonly'] });\n",
    );
    setTime(project, 4_000_000);
    expect(lint(code)).toEqual(['4:missingScope']);
  });
});
