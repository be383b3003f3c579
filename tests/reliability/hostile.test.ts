/**
 * Hostile or odd inputs (scripts/lib/hostile-set.ts) can't hang the linter, crash it, or make it
 * read outside ESLint's working directory. Each case once did: `/proc/self/pagemap` grew the heap
 * to gigabytes, a 2,000-module re-export chain overflowed the stack, an 820-byte spread bomb
 * crashed the evaluator and a template bomb took 49 s, a 20,000-string array did not finish in a
 * minute, and a constant imported from outside the project was printed in the message.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Linter } from 'eslint';
import type { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import plugin from '../../src/index.ts';
import { SECRET, writeHostileSet } from '../../scripts/lib/hostile-set.ts';
import type { HostileSet } from '../../scripts/lib/hostile-set.ts';

const PREFIX = 'googleapis-scopes';
const AUTH = 'https://www.googleapis.com/auth';
let dir: string;
let set: HostileSet;
let linter: Linter;

const ALL_RULES: Linter.RulesRecord = {
  ...Object.fromEntries(Object.keys(plugin.rules).map((name) => [`${PREFIX}/${name}`, 'error'])),
  [`${PREFIX}/missing-scope`]: ['error', { reportUnresolved: true }],
};

function config(rules: Linter.RulesRecord = ALL_RULES, settings?: Record<string, unknown>): Linter.Config[] {
  return [
    {
      files: ['**/*.js'],
      plugins: { [PREFIX]: plugin as unknown as ESLint.Plugin },
      rules,
      ...(settings === undefined ? {} : { settings }),
    },
  ];
}

/** Lints a case of the set from inside the project; returns the messages and the time taken. */
function lintCase(file: string, rules?: Linter.RulesRecord): { messages: Linter.LintMessage[]; ms: number } {
  const filename = path.join(set.project, file);
  const started = performance.now();
  const messages = linter.verify(fs.readFileSync(filename, 'utf8'), config(rules), { filename });
  return { messages, ms: performance.now() - started };
}

const ids = (messages: readonly Linter.LintMessage[]): string[] =>
  messages.map((message) => `${message.ruleId ?? ''}:${message.messageId ?? ''}`);

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'googleapis-scopes-hostile-test-'));
  set = writeHostileSet(dir);
  linter = new Linter({ configType: 'flat', cwd: set.project });
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the file boundary: only regular files inside the working directory are read', () => {
  it.each([
    ['outside-import.js', 'an import from outside the project'],
    ['symlink-import.js', 'a symlink inside the project to a file outside it'],
  ])('%s (%s): the value is unknown and never printed', (file) => {
    const { messages } = lintCase(file);
    expect(ids(messages)).toEqual([`${PREFIX}/missing-scope:unresolvedScopes`]);
    expect(messages.map((message) => message.message).join('\n')).not.toContain(SECRET);
  });

  it.each([['proc-pagemap.js'], ['proc-kmsg.js'], ['dev-zero.js']])('%s: the special file is never opened (done in under 2 s)', (file) => {
    const heapBefore = process.memoryUsage().heapUsed;
    const { messages, ms } = lintCase(file);
    expect(ids(messages)).toEqual([`${PREFIX}/missing-scope:unresolvedScopes`]);
    expect(ms).toBeLessThan(2_000);
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(200 * 1024 * 1024);
  });

  it('still reads a module inside the project, through a symlink that stays inside', () => {
    const project = set.project;
    fs.writeFileSync(path.join(project, 'scopes-inside.js'), `export const SCOPES = ['${AUTH}/gmail.readonly'];\n`);
    fs.symlinkSync(path.join(project, 'scopes-inside.js'), path.join(project, 'scopes-link.js'));
    const code = `import { google } from 'googleapis';\nimport { SCOPES } from './scopes-link.js';\nconst auth = new google.auth.GoogleAuth({ scopes: SCOPES });\nconst gmail = google.gmail({ version: 'v1', auth });\ngmail.users.messages.send({ userId: 'me' });\n`;
    const messages = linter.verify(code, config(), { filename: path.join(project, 'inside.js') });
    expect(ids(messages)).toEqual([`${PREFIX}/missing-scope:missingScope`]);
    expect(messages[0]!.message).toContain('gets gmail.readonly from the GoogleAuth on line 3');
  });
});

describe('bounded work', () => {
  it('a client and a constant re-exported through 2,000 modules: no stack overflow, unknown past the hop limit', () => {
    const { messages, ms } = lintCase('deep-chain.js');
    expect(messages.filter((message) => message.fatal === true || message.messageId === 'analysisFailed')).toEqual([]);
    expect(ms).toBeLessThan(10_000);
  });

  it('a chain of 5 modules is still followed to the client and its scopes', () => {
    const chain = path.join(set.project, 'short-chain');
    fs.mkdirSync(chain);
    for (let index = 0; index < 5; index++) {
      fs.writeFileSync(
        path.join(chain, `m${index}.js`),
        index === 4
          ? `import { google } from 'googleapis';\nconst auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/gmail.readonly'] });\nexport const gmail = google.gmail({ version: 'v1', auth });\n`
          : `import { gmail } from './m${index + 1}.js';\nexport { gmail };\nexport const LIBRARY = 'googleapis';\n`,
      );
    }
    const code = "import { gmail } from './short-chain/m0.js';\ngmail.users.messages.send({ userId: 'me' });\n";
    const messages = linter.verify(code, config(), { filename: path.join(set.project, 'short.js') });
    expect(ids(messages)).toEqual([`${PREFIX}/missing-scope:missingScope`]);
  });

  it.each([
    ['spread-bomb.js', 'seven constants, each spreading the previous one ten times'],
    ['template-bomb.js', 'seven template strings, each repeating the previous one ten times'],
  ])('%s (%s): unknown past the caps, in well under a second', (file) => {
    const heapBefore = process.memoryUsage().heapUsed;
    const { messages, ms } = lintCase(file);
    expect(ms).toBeLessThan(1_000);
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(200 * 1024 * 1024);
    expect(ids(messages)).toContain(`${PREFIX}/missing-scope:unresolvedScopes`);
  });

  it('20,000 scope strings in one array: one word-sized fix each, all applied in one pass', () => {
    const filename = path.join(set.project, 'huge-array.js');
    const code = fs.readFileSync(filename, 'utf8');
    const rules = { [`${PREFIX}/valid-scope`]: 'error' } as const;
    const started = performance.now();
    const messages = linter.verify(code, config(rules), { filename });
    expect(messages).toHaveLength(20_000);
    // The fix replaces the word, not the array around it.
    const fix = messages[0]!.fix!;
    expect(fix.text).toBe(`${AUTH}/gmail.readonly`);
    expect(code.slice(fix.range[0], fix.range[1])).toBe('gmail.readonly');
    const fixed = linter.verifyAndFix(code, config(rules), { filename });
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(fixed.messages.filter((message) => message.fix !== undefined)).toEqual([]);
    expect(fixed.output).not.toContain("'gmail.");
  });

  it('12 short names in one list converge under --fix (ESLint stops after 10 passes)', () => {
    const names = [
      'send',
      'readonly',
      'compose',
      'modify',
      'labels',
      'insert',
      'metadata',
      'settings.basic',
      'settings.sharing',
      'readonly',
      'send',
      'labels',
    ];
    const code = `import { google } from 'googleapis';\nconst auth = new google.auth.GoogleAuth({\n  scopes: [\n${names.map((name) => `    'gmail.${name}',`).join('\n')}\n  ],\n});\n`;
    const fixed = linter.verifyAndFix(code, config({ [`${PREFIX}/valid-scope`]: 'error' }), {
      filename: path.join(set.project, 'twelve.js'),
    });
    expect(fixed.messages).toEqual([]);
    expect(fixed.output).toBe(code.replace(/'gmail\./g, `'${AUTH}/gmail.`));
  });

  it('20,000 restricted scopes in one array: no-restricted-scopes stays linear', () => {
    const { messages, ms } = lintCase('repeated-scopes.js', { [`${PREFIX}/no-restricted-scopes`]: 'error' });
    expect(messages).toHaveLength(20_000);
    expect(ms).toBeLessThan(5_000);
  });

  it('settings with a million scopes: parsed once, and a message names ten of them and counts the rest', () => {
    const scopes = Array.from({ length: 1_000_000 }, (_, index) => `https://example.com/scope${index}`);
    const settings = { [PREFIX]: { scopes } };
    const code =
      "import { google } from 'googleapis';\nexport function send(gmail) {\n  return gmail.users.messages.send({ userId: 'me' });\n}\n";
    const withSettings = config({ [`${PREFIX}/missing-scope`]: 'error' }, settings);
    const started = performance.now();
    let messages: Linter.LintMessage[] = [];
    for (let file = 0; file < 20; file++)
      messages = linter.verify(code, withSettings, { filename: path.join(set.project, `settings-${file}.js`) });
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(ids(messages)).toEqual([`${PREFIX}/missing-scope:missingScope`]);
    expect(messages[0]!.message).toContain(
      "gets https://example.com/scope0, https://example.com/scope1, https://example.com/scope2, https://example.com/scope3, https://example.com/scope4, https://example.com/scope5, https://example.com/scope6, https://example.com/scope7, https://example.com/scope8, https://example.com/scope9 and 999990 more from settings['googleapis-scopes'].scopes",
    );
  });
});
