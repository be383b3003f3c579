/**
 * What `npm run demo` prints: the bundled example app (examples/src) linted with the plugin's
 * strict config, in ESLint's stylish format, with paths relative to the repository root so the
 * README can show the exact output (tests/docs/readme-demo.test.ts checks that it does).
 */
import path from 'node:path';
import { ESLint } from 'eslint';
import type { Linter } from 'eslint';

export const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');
export const EXAMPLES = path.join(REPO_ROOT, 'examples');

export interface DemoOutput {
  readonly text: string;
  /** Files ESLint could not lint (parse errors): the demo fails when there are any. */
  readonly fatal: number;
}

/**
 * `config`: the flat config to lint with instead of examples/eslint.config.js (which imports the
 * built plugin), for tests that run on the sources.
 */
export async function demoOutput(options: { readonly color: boolean; readonly config?: Linter.Config[] }): Promise<DemoOutput> {
  const eslint = new ESLint({
    cwd: EXAMPLES,
    overrideConfigFile: options.config === undefined ? path.join(EXAMPLES, 'eslint.config.js') : true,
    ...(options.config === undefined ? {} : { overrideConfig: options.config }),
  });
  const results = await eslint.lintFiles(['src']);
  const relative = results.map((result) => ({ ...result, filePath: path.relative(REPO_ROOT, result.filePath).split(path.sep).join('/') }));
  const formatter = await eslint.loadFormatter('stylish');
  let text = await formatter.format(relative);
  // The formatter colours by the terminal it finds; the README shows plain text.
  if (!options.color) text = text.replace(/\u001B\[[0-9;]*m/g, '');
  const findings = results.reduce((sum, result) => sum + result.errorCount + result.warningCount, 0);
  text += `${findings} ${findings === 1 ? 'finding' : 'findings'} in the ${results.length} files of the example app. Try: npx eslint --config examples/eslint.config.js examples --fix\n`;
  const fatal = results.filter((result) => result.messages.some((message) => message.fatal === true)).length;
  return { text, fatal };
}

/** The README's block between these markers is the demo's output. */
export const README_DEMO_START = '<!-- demo output: `npm run demo -- --readme` rewrites this block -->';
export const README_DEMO_END = '<!-- end of demo output -->';

export function replaceReadmeDemo(readme: string, output: string): string {
  const start = readme.indexOf(README_DEMO_START);
  const end = readme.indexOf(README_DEMO_END);
  if (start < 0 || end < start) throw new Error('README.md has no demo output block');
  return `${readme.slice(0, start + README_DEMO_START.length)}\n\n\`\`\`text\n${output}\`\`\`\n\n${readme.slice(end)}`;
}

export function readmeDemo(readme: string): string | undefined {
  const start = readme.indexOf(README_DEMO_START);
  const end = readme.indexOf(README_DEMO_END);
  if (start < 0 || end < start) return undefined;
  return /```text\n([\s\S]*)```/.exec(readme.slice(start, end))?.[1];
}
