/**
 * Property-based tests of every rule's fixes (and suggestions) on random Gmail programs:
 * every output parses, a second `--fix` changes nothing, and after `--fix` missing-scope has
 * nothing left that it could fix. New rules in `plugin.rules` are included automatically.
 *
 * Runs are bounded (FUZZ_RUNS, default 100) and the seed is printed: replay a failure with
 * `FUZZ_SEED=<seed> npx vitest run tests/fuzz`.
 */
import fc from 'fast-check';
import { Linter } from 'eslint';
import type { ESLint } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.ts';
import { programFilename, programSpec, renderProgram } from './gmail-programs.ts';

const PREFIX = 'googleapis-scopes';
const seed = process.env.FUZZ_SEED !== undefined ? Number(process.env.FUZZ_SEED) : process.env.CI ? 20_261_123 : Date.now() % 2 ** 31;
const numRuns = Number(process.env.FUZZ_RUNS ?? 100);
/** Generous: about 50 ms a program when the machine is idle; CI machines are often busy. */
const timeout = 60_000 + numRuns * 300;

const linter = new Linter({ configType: 'flat' });
const parseOnly: Linter.Config[] = [
  { files: ['**/*.mjs', '**/*.cjs'], languageOptions: { ecmaVersion: 'latest' } },
  { files: ['**/*.ts'], languageOptions: { parser: tsParser as Linter.Parser } },
];
const pluginConfig = (rules: Linter.RulesRecord): Linter.Config[] => [
  ...parseOnly,
  { plugins: { [PREFIX]: plugin as unknown as ESLint.Plugin }, rules },
];
const everyRule = pluginConfig(Object.fromEntries(Object.keys(plugin.rules).map((name) => [`${PREFIX}/${name}`, 'error'])));
const missingScopeOnly = pluginConfig({ [`${PREFIX}/missing-scope`]: 'error' });
/** missing-scope offers its fix as a suggestion instead. */
const suggestionsOnly = pluginConfig({ [`${PREFIX}/missing-scope`]: ['error', { autofix: false }] });

function fatalMessages(code: string, filename: string): string[] {
  return linter
    .verify(code, parseOnly, { filename })
    .filter((message) => message.fatal === true)
    .map((message) => `${message.line}:${message.column} ${message.message}`);
}

function applyFix(code: string, fix: { range: [number, number]; text: string }): string {
  return code.slice(0, fix.range[0]) + fix.text + code.slice(fix.range[1]);
}

describe('fix fuzzing', () => {
  it(
    `every fix and suggestion parses, fixing twice changes nothing, nothing fixable is left (seed ${seed})`,
    () => {
      console.log(`fuzz seed: ${seed}, runs: ${numRuns} (replay with FUZZ_SEED=${seed})`);
      let fixedPrograms = 0;
      let suggestions = 0;
      fc.assert(
        fc.property(programSpec, (spec) => {
          const code = renderProgram(spec);
          const filename = programFilename(spec);

          // The generator writes valid code; then every suggestion, applied alone, keeps it valid.
          expect(fatalMessages(code, filename), code).toEqual([]);
          const messages = [...linter.verify(code, everyRule, { filename }), ...linter.verify(code, suggestionsOnly, { filename })];
          for (const message of messages) {
            for (const suggestion of message.suggestions ?? []) {
              suggestions++;
              const output = applyFix(code, suggestion.fix);
              expect(fatalMessages(output, filename), `${message.ruleId}: ${suggestion.desc}\n${output}`).toEqual([]);
            }
          }

          const first = linter.verifyAndFix(code, everyRule, { filename });
          if (first.fixed) fixedPrograms++;
          expect(fatalMessages(first.output, filename), `fix output of:\n${code}\n---\n${first.output}`).toEqual([]);

          const second = linter.verifyAndFix(first.output, everyRule, { filename });
          expect(second.output, `second --fix changed:\n${first.output}`).toBe(first.output);

          const left = linter.verify(first.output, missingScopeOnly, { filename }).filter((message) => message.fix !== undefined);
          expect(left, `missing-scope still fixable after --fix:\n${first.output}`).toEqual([]);
        }),
        { numRuns, seed },
      );
      console.log(`fuzz: ${fixedPrograms}/${numRuns} programs fixed, ${suggestions} suggestions applied`);
      // The generator must exercise the fixer, or the properties above prove nothing.
      expect(fixedPrograms).toBeGreaterThan(0);
    },
    timeout,
  );
});
