/** The README shows what `npm run demo` really prints (run on the sources, with the example app's config). */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import type { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, REPO_ROOT, demoOutput, readmeDemo } from '../../scripts/lib/demo-output.ts';
import plugin from '../../src/index.ts';

const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
// examples/eslint.config.js, with the plugin from the sources instead of dist/.
const CONFIG = [{ files: ['**/*.ts'], languageOptions: { parser: tsParser } }, plugin.configs.strict] as unknown as Linter.Config[];

describe('README demo output', () => {
  it('mirrors examples/eslint.config.js', () => {
    const config = readFileSync(path.join(EXAMPLES, 'eslint.config.js'), 'utf8');
    expect(config).toContain("{ files: ['**/*.ts'], languageOptions: { parser: tsParser } },\n  googleapisScopes.configs.strict,\n];");
  });

  it('is exactly what `npm run demo` prints (`npm run demo -- --readme` updates it)', async () => {
    const { text, fatal } = await demoOutput({ color: false, config: CONFIG });
    expect(fatal).toBe(0);
    expect(readmeDemo(readme)).toBe(text);
    // The count is the example app's files.
    expect(text).toContain(`in the ${readdirSync(path.join(EXAMPLES, 'src')).length} files of the example app`);
  });

  it("the README's first sample is lines of that output", async () => {
    const { text } = await demoOutput({ color: false, config: CONFIG });
    const excerpt = /<!-- demo excerpt[^\n]*\n```text\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(excerpt).toBeDefined();
    const lines = new Set(text.split('\n'));
    for (const line of excerpt!.trimEnd().split('\n')) expect(lines.has(line), line).toBe(true);
  });
});
