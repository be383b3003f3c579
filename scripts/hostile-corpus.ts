/**
 * The hostile half of `npm run corpus:crash` (also `tsx scripts/hostile-corpus.ts` on its own):
 * generates scripts/lib/hostile-set.ts into a temporary directory and lints every case with
 * every rule on, from inside the project. Fails on an exception, a fatal message, a message
 * that prints what lies outside the project, a fix that does not converge or parse, or a case
 * slower than its bound.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Linter } from 'eslint';
import type { ESLint } from 'eslint';
import plugin from '../src/index.ts';
import { SECRET, writeHostileSet } from './lib/hostile-set.ts';

const PREFIX = 'googleapis-scopes';
/** Far above what any case takes now (the slowest is about a second): a regression, not noise. */
const BOUND_MS = 15_000;

export function runHostileSet(log: (line: string) => void = console.log): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'googleapis-scopes-hostile-'));
  const problems: string[] = [];
  try {
    const { project, cases } = writeHostileSet(dir);
    const linter = new Linter({ configType: 'flat', cwd: project });
    const config: Linter.Config[] = [
      {
        files: ['**/*.js'],
        plugins: { [PREFIX]: plugin as unknown as ESLint.Plugin },
        rules: {
          ...Object.fromEntries(Object.keys(plugin.rules).map((name) => [`${PREFIX}/${name}`, 'error'])),
          [`${PREFIX}/missing-scope`]: ['error', { reportUnresolved: true }],
        },
      },
    ];
    log(`hostile set: ${cases.length} cases in ${project}`);
    for (const { file, probes } of cases) {
      const filename = path.join(project, file);
      const code = fs.readFileSync(filename, 'utf8');
      const started = performance.now();
      try {
        const messages = linter.verify(code, config, { filename });
        const fatal = messages.filter((message) => message.fatal === true || message.messageId === 'analysisFailed');
        if (fatal.length > 0) problems.push(`${file}: ${fatal[0]!.message}`);
        if (messages.some((message) => message.message.includes(SECRET)))
          problems.push(`${file}: a message prints a value from outside the project`);
        if (messages.some((message) => message.fix !== undefined)) {
          const fixed = linter.verifyAndFix(code, config, { filename });
          if (linter.verify(fixed.output, [], { filename }).some((message) => message.fatal === true))
            problems.push(`${file}: --fix output does not parse`);
          else if (fixed.messages.some((message) => message.fix !== undefined)) problems.push(`${file}: --fix does not converge`);
        }
        const ms = performance.now() - started;
        if (ms > BOUND_MS) problems.push(`${file}: ${Math.round(ms)} ms (bound ${BOUND_MS} ms)`);
        log(`  ${file.padEnd(22)} ${String(messages.length).padStart(6)} messages ${String(Math.round(ms)).padStart(6)} ms  ${probes}`);
      } catch (error) {
        problems.push(`${file}: exception: ${(error as Error).message.split('\n')[0]}`);
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return problems;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const problems = runHostileSet();
  for (const problem of problems) console.log(`- ${problem}`);
  if (problems.length > 0) process.exitCode = 1;
  else console.log('hostile set: every case bounded, no exception, nothing read outside the project');
}
