// Lints this repository: our TypeScript with typescript-eslint, our rules with eslint-plugin-eslint-plugin.
import eslintPlugin from 'eslint-plugin-eslint-plugin';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['dist/', 'node_modules/', 'coverage/', 'examples/', 'tests/fixtures/', 'tests/consumer/', '.bench/', '.corpus/', '.scratch/'],
  },
  ...tseslint.configs.recommended,
  {
    files: ['src/rules/**/*.ts'],
    ...eslintPlugin.configs.recommended,
  },
  {
    files: ['src/rules/**/*.ts'],
    rules: {
      'eslint-plugin/require-meta-docs-description': ['error', { pattern: '^(Require|Disallow|Enforce|Report|Flag)' }],
      'eslint-plugin/require-meta-schema-default': 'off',
    },
  },
  {
    files: ['tests/**/*.ts'],
    ...eslintPlugin.configs.tests,
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
);
