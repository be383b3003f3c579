/**
 * The policy rules agree with missing-scope: applying their fixes and the suggestions a user
 * accepts never makes a Gmail call lose its scope. Linted with ESLint's own Linter and the
 * plugin's rules, on real example files and on every docs example of the four rules.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Linter } from 'eslint';
import type { Linter as LinterTypes } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.ts';
import { FIXTURES } from './rule-tester.ts';

const POLICY_RULES = ['metadata-scope', 'valid-scope', 'least-privilege', 'no-restricted-scopes'];
const EXAMPLES = path.join(FIXTURES, 'policy', 'agreement');

function config(rules: readonly string[]): LinterTypes.Config[] {
  return [
    {
      files: ['**/*.js', '**/*.ts'],
      languageOptions: { parser: tsParser as never, ecmaVersion: 'latest', sourceType: 'module' },
      plugins: { 'googleapis-scopes': plugin as never },
      rules: Object.fromEntries(rules.map((rule) => [`googleapis-scopes/${rule}`, 'error'])),
    },
  ];
}

const linter = new Linter({ configType: 'flat', cwd: FIXTURES });

function lint(code: string, filename: string, rules: readonly string[]): LinterTypes.LintMessage[] {
  const messages = linter.verify(code, config(rules), filename);
  const fatal = messages.find((message) => message.fatal === true || message.ruleId === null);
  if (fatal !== undefined) throw new Error(`${filename}: ${fatal.message}`);
  return messages;
}

/** missing-scope's findings, without line numbers (edits move lines). */
function missingScope(code: string, filename: string): string[] {
  return lint(code, filename, ['missing-scope'])
    .map((message) => message.message.replace(/\bline \d+/g, 'line N'))
    .sort();
}

function applyFix(code: string, fix: { range: readonly [number, number]; text: string }): string {
  return code.slice(0, fix.range[0]) + fix.text + code.slice(fix.range[1]);
}

function expectNoNewMissingScope(before: readonly string[], code: string, filename: string, what: string): void {
  const after = missingScope(code, filename);
  const remaining = [...before];
  const added = after.filter((message) => {
    const index = remaining.indexOf(message);
    if (index === -1) return true;
    remaining.splice(index, 1);
    return false;
  });
  expect(added, `${what} of ${path.basename(filename)} made missing-scope report:\n${code}`).toEqual([]);
}

/** Accept one suggestion per report (`pick` chooses which), re-linting after each, until none is left. */
function acceptAll(code: string, filename: string, pick: (count: number) => number): string {
  let current = code;
  const accepted = new Set<string>();
  for (let step = 0; step < 30; step++) {
    const message = lint(current, filename, POLICY_RULES).find(
      (candidate) => (candidate.suggestions?.length ?? 0) > 0 && !accepted.has(`${candidate.ruleId}:${candidate.message}`),
    );
    if (message === undefined) return current;
    accepted.add(`${message.ruleId}:${message.message}`);
    const suggestions = message.suggestions!;
    current = applyFix(current, suggestions[pick(suggestions.length)]!.fix);
  }
  return current;
}

/** Real example files, and the docs examples of the four rules (as files of their language). */
function examples(): { name: string; code: string; filename: string }[] {
  const out = fs.readdirSync(EXAMPLES).map((name) => ({
    name,
    code: fs.readFileSync(path.join(EXAMPLES, name), 'utf8'),
    filename: path.join(EXAMPLES, name),
  }));
  for (const rule of POLICY_RULES) {
    const markdown = fs.readFileSync(path.join(import.meta.dirname, '..', '..', 'docs', 'rules', `${rule}.md`), 'utf8');
    let index = 0;
    for (const match of markdown.matchAll(/^```(js|ts)\n([\s\S]*?)^```$/gm)) {
      index++;
      const code = match[2]!;
      if (!/googleapis|google-auth-library|local-auth|gmail/.test(code) || code.trimStart().startsWith('{')) continue;
      out.push({ name: `docs/${rule} #${index}`, code, filename: path.join(EXAMPLES, `docs-${rule}-${index}.${match[1]!}`) });
    }
  }
  return out;
}

describe('policy rules agree with missing-scope', () => {
  const cases = examples();

  it('has examples where the policy rules have something to say', () => {
    const withFindings = cases.filter(({ code, filename }) =>
      lint(code, filename, POLICY_RULES).some((m) => m.fix !== undefined || (m.suggestions?.length ?? 0) > 0),
    );
    expect(withFindings.length).toBeGreaterThanOrEqual(8);
  });

  for (const { name, code, filename } of cases) {
    describe(name, () => {
      const before = missingScope(code, filename);

      it('each suggestion alone', () => {
        for (const message of lint(code, filename, POLICY_RULES)) {
          for (const suggestion of message.suggestions ?? []) {
            expectNoNewMissingScope(before, applyFix(code, suggestion.fix), filename, `"${suggestion.desc}"`);
          }
        }
      });

      it('all autofixes (eslint --fix)', () => {
        const fixed = linter.verifyAndFix(code, config(POLICY_RULES), filename);
        expectNoNewMissingScope(before, fixed.output, filename, 'eslint --fix');
      });

      it('every report resolved by its first suggestion, then by its last', () => {
        expectNoNewMissingScope(
          before,
          acceptAll(code, filename, () => 0),
          filename,
          'first suggestions',
        );
        expectNoNewMissingScope(
          before,
          acceptAll(code, filename, (count) => count - 1),
          filename,
          'last suggestions',
        );
      });

      it('autofixes and suggestions together, with missing-scope fixing too', () => {
        const fixed = linter.verifyAndFix(
          acceptAll(code, filename, () => 0),
          config([...POLICY_RULES, 'missing-scope']),
          filename,
        );
        expect(missingScope(fixed.output, filename)).toEqual([]);
      });
    });
  }
});

describe("missing-scope's fix is what the policy rules want", () => {
  const AUTH = 'https://www.googleapis.com/auth';
  it('messages.send + labels.create under userinfo.email: adds gmail.labels + gmail.send, and strict finds nothing after', () => {
    const code = `import { google } from 'googleapis';
const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/userinfo.email'] });
const gmail = google.gmail({ version: 'v1', auth });
await gmail.users.messages.send({ userId: 'me', requestBody: { raw: '' } });
await gmail.users.labels.create({ userId: 'me', requestBody: { name: 'Receipts' } });
`;
    const filename = path.join(EXAMPLES, 'userinfo.js');
    const fixed = linter.verifyAndFix(code, config(['missing-scope']), filename);
    expect(fixed.output).toBe(
      code.replace(`['${AUTH}/userinfo.email']`, `['${AUTH}/userinfo.email', '${AUTH}/gmail.labels', '${AUTH}/gmail.send']`),
    );
    expect(lint(fixed.output, filename, [...POLICY_RULES, 'missing-scope'])).toEqual([]);
  });
});
