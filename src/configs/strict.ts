import type { TSESLint } from '@typescript-eslint/utils';
import { recommendedRules } from './recommended.ts';

/** Every rule: recommended plus least privilege and restricted-scope policy. */
export function strictRules(prefix: string): TSESLint.FlatConfig.Rules {
  return {
    ...recommendedRules(prefix),
    [`${prefix}/least-privilege`]: 'error',
    [`${prefix}/no-restricted-scopes`]: 'error',
  };
}
