/**
 * Cost that must grow linearly, checked as a ratio within one run (n and 8n: linear is about 8,
 * quadratic 64). Slow and timing-based, so outside `npm test`: `npm run test:slow` (CI runs it).
 * `npm run bench` prints the same growth, with file size and list length too.
 */
import { Linter } from 'eslint';
import type { ESLint } from 'eslint';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.ts';

const PREFIX = 'googleapis-scopes';
const AUTH = 'https://www.googleapis.com/auth';
const PROJECT = os.tmpdir();
const linter = new Linter({ configType: 'flat', cwd: PROJECT });

function config(rules: Linter.RulesRecord): Linter.Config[] {
  return [{ files: ['**/*.js'], plugins: { [PREFIX]: plugin as unknown as ESLint.Plugin }, rules }];
}

describe('linear cost', () => {
  it('missing-scope is linear in the calls on one client', () => {
    const time = (calls: number): number => {
      const code = `import { google } from 'googleapis';\nconst auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/gmail.readonly'] });\nconst gmail = google.gmail({ version: 'v1', auth });\n${"gmail.users.messages.send({ userId: 'me' });\n".repeat(calls)}`;
      const started = performance.now();
      const messages = linter.verify(code, config({ [`${PREFIX}/missing-scope`]: 'error' }), {
        filename: path.join(PROJECT, `calls-${calls}.js`),
      });
      expect(messages).toHaveLength(calls);
      return performance.now() - started;
    };
    time(500); // warm-up
    const small = time(2_000);
    const large = time(16_000);
    // Linear: 8 times the calls, about 8 times the time; quadratic would be 64 times.
    expect(large / small).toBeLessThan(24);
  });

  it('least-privilege is linear in the auth objects of one file (it compared every pair)', () => {
    const time = (functions: number): number => {
      const code =
        "import { google } from 'googleapis';\n" +
        Array.from(
          { length: functions },
          (_, index) =>
            `export function list${index}() {\n  const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/gmail.labels'] });\n  const gmail = google.gmail({ version: 'v1', auth });\n  return gmail.users.labels.list({ userId: 'me' });\n}\n`,
        ).join('');
      const started = performance.now();
      const rules = { [`${PREFIX}/least-privilege`]: 'error' } as const;
      expect(linter.verify(code, config(rules), { filename: path.join(PROJECT, `auths-${functions}.js`) })).toEqual([]);
      return performance.now() - started;
    };
    time(200); // warm-up
    const small = time(1_000);
    const large = time(8_000);
    // Linear: 8 times the auth objects, about 8 times the time; comparing every pair is 64 times.
    expect(large / small).toBeLessThan(24);
  });
});
