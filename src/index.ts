import type { TSESLint } from '@typescript-eslint/utils';
import { createRequire } from 'node:module';
import { recommendedRules } from './configs/recommended.ts';
import { strictRules } from './configs/strict.ts';
import { rules } from './rules/index.ts';

const packageJson = createRequire(import.meta.url)('../package.json') as { name: string; version: string };

/** The rule prefix users write: `googleapis-scopes/missing-scope`. */
const PREFIX = 'googleapis-scopes';

const plugin = {
  meta: { name: packageJson.name, version: packageJson.version },
  rules,
  configs: {} as Record<'recommended' | 'strict', TSESLint.FlatConfig.Config>,
};

plugin.configs.recommended = {
  name: `${PREFIX}/recommended`,
  plugins: { [PREFIX]: plugin as unknown as TSESLint.FlatConfig.Plugin },
  rules: recommendedRules(PREFIX),
};
plugin.configs.strict = {
  name: `${PREFIX}/strict`,
  plugins: { [PREFIX]: plugin as unknown as TSESLint.FlatConfig.Plugin },
  rules: strictRules(PREFIX),
};

export default plugin;
