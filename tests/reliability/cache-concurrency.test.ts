/**
 * The plugin under ESLint's `--cache` and `--concurrency` (ESLint 10): the same results as a
 * plain run, cache hits on the second run (the plugin's `meta` makes the config serialisable
 * and stable), and worker threads that load the user's config file.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ESLint } from 'eslint';
import type { Linter, Rule } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import plugin from '../../src/index.ts';

const PROJECT = path.join(import.meta.dirname, '..', 'fixtures', 'reliability', 'project');
const PREFIX = 'googleapis-scopes';

/** Results without absolute paths or timing, comparable across runs. */
function normalize(results: ESLint.LintResult[]): unknown[] {
  return results
    .map((result) => ({
      file: path.relative(PROJECT, result.filePath),
      messages: result.messages.map((message) => ({
        ruleId: message.ruleId,
        messageId: message.messageId,
        line: message.line,
        column: message.column,
        fix: message.fix,
        suggestions: message.suggestions?.length ?? 0,
      })),
    }))
    .sort((a, b) => a.file.localeCompare(b.file));
}

let tmp: string;
let baseline: unknown[];

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'googleapis-scopes-cache-'));
  baseline = normalize(await new ESLint({ cwd: PROJECT }).lintFiles(['src']));
});

afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('the fixture project', () => {
  it('has findings from several rules (so the comparisons below compare something)', () => {
    const rules = new Set(
      (baseline as { messages: { ruleId: string }[] }[]).flatMap((result) => result.messages.map((message) => message.ruleId)),
    );
    expect([...rules].filter((rule) => rule.startsWith(`${PREFIX}/`)).length).toBeGreaterThanOrEqual(3);
  });
});

describe('--concurrency', () => {
  it.each([2, 'auto'] as const)('concurrency %s gives the same results as a single thread', async (concurrency) => {
    const eslint = new ESLint({ cwd: PROJECT, concurrency });
    expect(normalize(await eslint.lintFiles(['src']))).toEqual(baseline);
  });
});

describe('--cache', () => {
  it('the second run answers from the cache with the same results', async () => {
    const cacheLocation = path.join(tmp, 'config-file-cache');
    const first = await new ESLint({ cwd: PROJECT, cache: true, cacheLocation }).lintFiles(['src']);
    expect(normalize(first)).toEqual(baseline);
    expect(fs.existsSync(cacheLocation)).toBe(true);
    const second = await new ESLint({ cwd: PROJECT, cache: true, cacheLocation }).lintFiles(['src']);
    expect(normalize(second)).toEqual(baseline);
  });

  it('a new ESLint instance with an equal config hits the cache: no rule runs again', async () => {
    const cacheLocation = path.join(tmp, 'counting-cache');
    let creates = 0;
    // The same plugin (same meta), with every rule's create() counted.
    const counted = {
      ...plugin,
      rules: Object.fromEntries(
        Object.entries(plugin.rules as unknown as Record<string, Rule.RuleModule>).map(([name, rule]) => [
          name,
          {
            ...rule,
            create(context: Rule.RuleContext) {
              creates++;
              return rule.create(context);
            },
          },
        ]),
      ),
    };
    const config = (): Linter.Config[] => [
      {
        files: ['**/*.js'],
        plugins: { [PREFIX]: counted as unknown as ESLint.Plugin },
        rules: plugin.configs.strict.rules as Linter.RulesRecord,
      },
    ];
    const lint = (): Promise<ESLint.LintResult[]> =>
      new ESLint({ cwd: PROJECT, overrideConfigFile: true, overrideConfig: config(), cache: true, cacheLocation }).lintFiles(['src']);

    const first = await lint();
    expect(creates).toBeGreaterThan(0);
    expect(normalize(first)).toEqual(baseline);
    creates = 0;
    const second = await lint();
    expect(creates).toBe(0);
    expect(normalize(second)).toEqual(baseline);
  });

  it('the plugin meta names the package and version (what ESLint serialises for the cache key)', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '..', '..', 'package.json'), 'utf8')) as {
      name: string;
      version: string;
    };
    expect(plugin.meta).toEqual({ name: pkg.name, version: pkg.version });
  });
});
