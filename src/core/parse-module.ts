import { createRequire } from 'node:module';
import path from 'node:path';
import type { TSESLint } from '@typescript-eslint/utils';
import type { Linter } from 'eslint';
import { startValidationRound } from './dependencies.ts';

/** What ESLint's `context.languageOptions` says about how the linted file is parsed. */
interface ParserChoice {
  readonly parser?: unknown;
  readonly parserOptions?: Readonly<Record<string, unknown>>;
}

/**
 * The parser of the file being linted. Imported modules are parsed with it (ESLint's own espree
 * unless the user configured another), so a JavaScript project never loads a TypeScript parser.
 * Process-wide because the module caches are: ESLint lints one file at a time per thread, and
 * each file sets it before its analysis reads any other module.
 */
let current: ParserChoice = {};

export function useParserOf(languageOptions: Readonly<ParserChoice> | undefined): void {
  // A new linted file: the module caches look at the file system again (./dependencies.ts).
  startValidationRound();
  current = { parser: languageOptions?.parser, parserOptions: withoutProgram(languageOptions?.parserOptions) };
}

/** Typed-linting options build a TypeScript program per file: an imported module needs only its AST. */
function withoutProgram(options: Readonly<Record<string, unknown>> | undefined): Record<string, unknown> {
  const rest: Record<string, unknown> = { ...options };
  for (const key of ['project', 'projectService', 'programs']) delete rest[key];
  return rest;
}

let linter: Linter | undefined;

/**
 * ESLint's `Linter`, loaded when the first imported module is parsed, not when the plugin is
 * imported: ESLint's ~140 modules are most of a bare import's time (docs/performance.md), and a
 * lint run has loaded them already. `require` gets the instance an `import` of ESLint loaded
 * (ESLint 9 and 10 are CommonJS).
 */
function getLinter(): Linter {
  if (linter === undefined) {
    const eslint = createRequire(import.meta.url)('eslint') as { Linter: typeof Linter };
    linter = new eslint.Linter({ configType: 'flat' });
  }
  return linter;
}

/**
 * Parses another module of the linted project (never executes it; its text is read through the
 * file boundary) the way ESLint does:
 * through ESLint's `Linter` with no rules, so the AST has parent links, scope analysis and a
 * SourceCode, and the same analysis code runs on it. Returns undefined when the file can't be
 * read or parsed.
 */
export function parseModule(file: string, text: string): Readonly<TSESLint.SourceCode> | undefined {
  const linter = getLinter();
  try {
    // A relative name the config names exactly: ESLint matches it wherever the module lives
    // (a `**/*` pattern alone would not count as a match).
    const filename = `module${path.extname(file)}`;
    const languageOptions: Linter.LanguageOptions = {
      sourceType: 'module',
      ecmaVersion: 'latest',
      parserOptions: { ...current.parserOptions, ecmaFeatures: { jsx: /\.[jt]sx$/.test(file) } },
      ...(current.parser === undefined ? {} : { parser: current.parser as Linter.Parser }),
    };
    const messages = linter.verify(text, [{ files: [filename], languageOptions }], { filename });
    if (messages.some((message) => message.fatal === true)) return undefined;
    return (linter.getSourceCode() ?? undefined) as unknown as Readonly<TSESLint.SourceCode> | undefined;
  } catch {
    return undefined;
  }
}
