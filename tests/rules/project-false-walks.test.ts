/**
 * `project: false` (settings) walks no project at all: not the scope inventory, not the search
 * for `google.options({ auth })` in other modules, not the search for an exported function's
 * callers. A client handed in by another module is then unknown. Real files on disk: the folders
 * the file system is asked to list are recorded.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Linter } from 'eslint';
import type { ESLint } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import { afterEach, describe, expect, it, vi } from 'vitest';
import plugin from '../../src/index.ts';
import { tempFolder, writeFiles } from '../temp-project.ts';

const AUTH = 'https://www.googleapis.com/auth';
const LABELS = `export async function deleteLabel(gmail, id) {
  await gmail.users.labels.delete({ userId: 'me', id });
}
`;
const LABELS_TS = `import type { gmail_v1 } from 'googleapis';
export async function deleteLabel(gmail: gmail_v1.Gmail, id: string): Promise<void> {
  await gmail.users.labels.delete({ userId: 'me', id });
}
`;
const caller = (module: string): string => `import { google } from 'googleapis';
import { deleteLabel } from './${module}';
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/gmail.readonly'] });
await deleteLabel(google.gmail({ version: 'v1', auth }), 'Label_1');
`;

const STRICT_RULES = (plugin as unknown as { configs: { strict: Linter.Config } }).configs.strict.rules;

/** Lints `file` of `root` with every rule of the strict config, recording every folder listed. */
function lintListing(root: string, file: string, project: boolean): { messages: string[]; listed: string[] } {
  const linter = new Linter({ configType: 'flat', cwd: root });
  const config: Linter.Config[] = [
    { files: ['**/*.ts'], languageOptions: { parser: tsParser as Linter.Parser } },
    {
      plugins: { 'googleapis-scopes': plugin as unknown as ESLint.Plugin },
      rules: STRICT_RULES,
      settings: { 'googleapis-scopes': { project } },
    },
  ];
  const listed: string[] = [];
  const readdir = fs.readdirSync;
  vi.spyOn(fs, 'readdirSync').mockImplementation(((folder: fs.PathLike, options: never) => {
    listed.push(path.relative(root, String(folder)) || '.');
    return readdir(folder, options);
  }) as typeof fs.readdirSync);
  const filename = path.join(root, file);
  const messages = linter
    .verify(fs.readFileSync(filename, 'utf8'), config, { filename })
    .map((message) => `${message.line}:${message.ruleId ?? ''}:${message.messageId ?? message.message}`);
  vi.restoreAllMocks();
  return { messages, listed };
}

afterEach(() => vi.restoreAllMocks());

describe('project: false walks no project', () => {
  const base = tempFolder('project-false');
  let count = 0;
  /** A fresh project (the plugin's caches never saw it). */
  const project = (files: Record<string, string>): string => {
    const root = path.join(base, `p${++count}`);
    writeFiles(root, { 'package.json': '{ "name": "p", "type": "module" }\n', ...files });
    return root;
  };

  it('JavaScript: a client passed by another module is unknown, and no folder is listed', () => {
    const files = { 'src/labels.js': LABELS, 'src/index.js': caller('labels.js') };
    expect(lintListing(project(files), 'src/labels.js', false)).toEqual({ messages: [], listed: [] });
    // With the project on, the caller is found (the folders are listed) and its scopes judge the call.
    const on = lintListing(project(files), 'src/labels.js', true);
    expect(on.messages).toEqual(['2:googleapis-scopes/missing-scope:missingScope']);
    expect(on.listed).toContain('.');
  });

  it('TypeScript: the same with a typed parameter', () => {
    const files = { 'src/labels.ts': LABELS_TS, 'src/index.ts': caller('labels.js') };
    expect(lintListing(project(files), 'src/labels.ts', false)).toEqual({ messages: [], listed: [] });
    expect(lintListing(project(files), 'src/labels.ts', true).messages).toEqual(['3:googleapis-scopes/missing-scope:missingScope']);
  });

  it('a client with no auth (google.options elsewhere) and an untraced one: nothing listed either', () => {
    const root = project({
      'src/tools.js': `import { google } from 'googleapis';
export const remove = (id) => google.gmail('v1').users.labels.delete({ userId: 'me', id });
export const fromSession = (session, id) => google.gmail({ version: 'v1', auth: session.auth }).users.labels.delete({ userId: 'me', id });
`,
      'src/main.js': `import { google } from 'googleapis';
google.options({ auth: new google.auth.GoogleAuth({ scopes: ['${AUTH}/gmail.readonly'] }) });
`,
      'src/login.js': `export const url = (client) => client.generateAuthUrl({ scope: ['${AUTH}/gmail.readonly'] });\n`,
    });
    expect(lintListing(root, 'src/tools.js', false)).toEqual({ messages: [], listed: [] });
  });
});
