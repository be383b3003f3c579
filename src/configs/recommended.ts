import type { TSESLint } from '@typescript-eslint/utils';

/** The rules that catch real failures with no noise: every finding is a 403 or a rejected consent. */
export function recommendedRules(prefix: string): TSESLint.FlatConfig.Rules {
  return {
    [`${prefix}/missing-scope`]: 'error',
    [`${prefix}/metadata-scope`]: 'error',
    [`${prefix}/valid-scope`]: 'error',
  };
}
