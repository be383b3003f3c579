/**
 * Many auth objects sharing one scope constant: least-privilege once worked out every sharing
 * group's changes again for each group (2,000 auth objects: 43 s). Bounded generously: the
 * point is that it finishes, not how fast (`npm run bench` measures cost).
 */
import { Linter } from 'eslint';
import type { ESLint } from 'eslint';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.ts';

const PREFIX = 'googleapis-scopes';
const AUTH = 'https://www.googleapis.com/auth';

describe('least-privilege on one constant shared by many auth objects', () => {
  it('2,000 GoogleAuth objects reading one SCOPES: the unused scope is reported once, in bounded time', () => {
    const functions = Array.from(
      { length: 2_000 },
      (_, index) =>
        `export function list${index}() {\n  const auth = new google.auth.GoogleAuth({ scopes: SCOPES });\n  return google.gmail({ version: 'v1', auth }).users.messages.list({ userId: 'me' });\n}\n`,
    );
    const code = `import { google } from 'googleapis';\nconst SCOPES = ['${AUTH}/gmail.readonly', '${AUTH}/gmail.labels'];\n${functions.join('')}`;
    const linter = new Linter({ configType: 'flat', cwd: os.tmpdir() });
    const config: Linter.Config[] = [
      { files: ['**/*.js'], plugins: { [PREFIX]: plugin as unknown as ESLint.Plugin }, rules: { [`${PREFIX}/least-privilege`]: 'error' } },
    ];
    const started = performance.now();
    const messages = linter.verify(code, config, { filename: path.join(os.tmpdir(), 'shared-scopes.js') });
    const seconds = (performance.now() - started) / 1000;
    expect(messages.map((message) => `${message.line}:${message.column} ${message.messageId}`)).toEqual(['2:67 unusedScope']);
    expect(seconds).toBeLessThan(20);
  });
});
