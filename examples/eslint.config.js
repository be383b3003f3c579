// The example app's ESLint config: the plugin's strict config, for JS and TS files.
import tsParser from '@typescript-eslint/parser';
import googleapisScopes from '../dist/index.js';

export default [
  { files: ['**/*.ts'], languageOptions: { parser: tsParser } },
  googleapisScopes.configs.strict,
];
