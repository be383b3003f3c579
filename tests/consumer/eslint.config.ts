// Type test: the plugin and its configs fit ESLint's own config types and typescript-eslint's.
import type { Linter } from 'eslint';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import googleapisScopes from 'eslint-plugin-googleapis-scopes';

const asList: Linter.Config[] = [googleapisScopes.configs.recommended, googleapisScopes.configs.strict];

const singleRules: Linter.Config = {
  files: ['**/*.ts'],
  plugins: { 'googleapis-scopes': googleapisScopes },
  rules: {
    'googleapis-scopes/missing-scope': ['error', { autofix: false }],
    'googleapis-scopes/no-restricted-scopes': ['warn', { level: 'sensitive' }],
  },
};

export const viaTypescriptEslint = tseslint.config(googleapisScopes.configs.recommended, singleRules, {
  plugins: { 'googleapis-scopes': googleapisScopes },
});

export default defineConfig([googleapisScopes.configs.recommended, ...asList, singleRules]);
