/**
 * One evaluation budget per linted file, not only per evaluation: a value cut short (a cycle, a
 * chain deeper than the depth limit) is never memoised, so a bomb built on one cost the whole
 * per-evaluation budget again in every call that requests it — 1,500 such calls in a 100 kB file
 * took over a minute.
 */
import { Linter } from 'eslint';
import type { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.ts';

const PREFIX = 'googleapis-scopes';
const READONLY = 'https://www.googleapis.com/auth/gmail.readonly';

/** `a0` is cut short (a self-reference or a chain past the depth limit); each `aN` spreads `aN-1` twice. */
function bomb(cutShort: string[], calls: number): string {
  const lines = [`const { google } = require('googleapis');`, ...cutShort];
  for (let index = 1; index <= 24; index++) lines.push(`const a${index} = [...a${index - 1}, ...a${index - 1}];`);
  for (let index = 0; index < calls; index++) {
    lines.push(
      `const auth${index} = new google.auth.GoogleAuth({ scopes: a24 });`,
      `google.gmail({ version: 'v1', auth: auth${index} }).users.messages.send({ userId: 'me' });`,
    );
  }
  return `${lines.join('\n')}\n`;
}

const chain = [
  `const c0 = '${READONLY}';`,
  ...Array.from({ length: 29 }, (_, index) => `const c${index + 1} = c${index};`),
  'const a0 = [c29];',
];
const cycle = [`const a0 = ['${READONLY}', ...a0];`];

describe('a bomb requested by many calls stays within one budget per file', () => {
  it.each([
    ['a chain past the depth limit', chain],
    ['a self-referencing constant', cycle],
  ])(
    '%s, 1,500 calls: missing-scope lints in well under a minute',
    (_, cutShort) => {
      const linter = new Linter({ configType: 'flat' });
      const started = performance.now();
      const messages = linter.verify(
        bomb(cutShort, 1500),
        [
          {
            files: ['**/*.js'],
            plugins: { [PREFIX]: plugin as unknown as ESLint.Plugin },
            rules: { [`${PREFIX}/missing-scope`]: ['error', { reportUnresolved: true }] },
          },
        ],
        { filename: 'bomb.js' },
      );
      const ms = performance.now() - started;
      expect(messages.every((message) => message.ruleId === `${PREFIX}/missing-scope`)).toBe(true);
      expect(messages).toHaveLength(1500);
      expect(ms).toBeLessThan(20_000);
    },
    120_000,
  );
});
