import path from 'node:path';
import { RuleTester } from '@typescript-eslint/rule-tester';

export const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures');

/** A tester for plain JavaScript/TypeScript without type information. */
export function untypedRuleTester(): RuleTester {
  return new RuleTester({
    languageOptions: { parserOptions: { ecmaVersion: 'latest', sourceType: 'module' } },
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
  });
}
