/**
 * Fixes use the file's own line ending: a multi-line fix in a CRLF file used to add bare LFs,
 * leaving mixed line endings behind.
 */
import { Linter } from 'eslint';
import type { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.ts';

const PREFIX = 'googleapis-scopes';
const AUTH = 'https://www.googleapis.com/auth';
const config: Linter.Config[] = [
  { files: ['**/*.js'], plugins: { [PREFIX]: plugin as unknown as ESLint.Plugin }, rules: { [`${PREFIX}/missing-scope`]: 'error' } },
];
const lines = [
  "import { google } from 'googleapis';",
  'const auth = new google.auth.GoogleAuth({',
  '  scopes: [',
  `    '${AUTH}/gmail.readonly',`,
  '  ],',
  '});',
  "const gmail = google.gmail({ version: 'v1', auth });",
  "gmail.users.messages.send({ userId: 'me' });",
  '',
];

describe('line endings', () => {
  it.each([
    ['CRLF', '\r\n'],
    ['LF', '\n'],
  ])('a scope added on its own line in a %s file uses that line ending', (_, newline) => {
    const fixed = new Linter({ configType: 'flat' }).verifyAndFix(lines.join(newline), config, { filename: 'app.js' });
    const expected = [...lines.slice(0, 4), `    '${AUTH}/gmail.send',`, ...lines.slice(4)];
    expect(fixed.output).toBe(expected.join(newline));
  });
});
