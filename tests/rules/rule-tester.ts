import path from 'node:path';
import { RuleTester } from '@typescript-eslint/rule-tester';

export const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures');

/**
 * Single-file cases run as `file.ts` at the repository's root, whose "project" would be this
 * repository with all its fixtures: they judge the file alone (`project: false`). Cases about the
 * project's requests set a fixture project's filename and their own settings.
 */
const SINGLE_FILE = { 'googleapis-scopes': { project: false } };

/** A tester for plain JavaScript/TypeScript without type information (`project`: judge against the file's project). */
export function untypedRuleTester({ project = false }: { readonly project?: boolean } = {}): RuleTester {
  return new RuleTester({
    languageOptions: { parserOptions: { ecmaVersion: 'latest', sourceType: 'module' } },
    ...(project ? {} : { settings: SINGLE_FILE }),
  });
}

/** A tester with type information from the fixtures' tsconfig. */
export function typedRuleTester(): RuleTester {
  return new RuleTester({
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: path.join(FIXTURES, 'typed'),
      },
    },
    settings: SINGLE_FILE,
  });
}
