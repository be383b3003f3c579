/**
 * docs/report.md shows what `googleapis-scopes report examples` really prints, in the table and
 * Markdown formats (the example app's config without the plugin: the report brings its own rule).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../scripts/lib/demo-output.ts';
import { fixture, runCli } from '../cli/run-cli.ts';

const doc = readFileSync(path.join(REPO_ROOT, 'docs', 'report.md'), 'utf8');
// examples/eslint.config.js imports dist/; this one gives the same parser for TypeScript.
const CONFIG = path.join(fixture('cross-file'), 'eslint.config.js');

describe('docs/report.md example output', () => {
  it('the table is exactly what `report examples` prints (exit 1)', async () => {
    const run = await runCli(['report', 'examples', '-c', CONFIG], { cwd: REPO_ROOT });
    expect(run.code).toBe(1);
    expect(/```text\n(Google API scopes[\s\S]*?)```/.exec(doc)?.[1]).toBe(run.stdout);
  });

  it('the Markdown rendering is exactly what `report examples --format markdown` prints', async () => {
    const run = await runCli(['report', 'examples', '-c', CONFIG, '--format', 'markdown'], { cwd: REPO_ROOT });
    expect(/renders as:\n\n([\s\S]*?\n)\n## JSON schema/.exec(doc)?.[1]).toBe(run.stdout);
  });
});
