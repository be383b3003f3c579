import type { ESLint, Linter } from 'eslint';
import { configRules } from './configs/index.ts';
import { rules } from './rules/index.ts';
import { ownPackageJson } from './scopes/package-files.ts';

/** The rule prefix users write: `googleapis-scopes/missing-scope`. */
const PREFIX = 'googleapis-scopes';

/**
 * The plugin, typed with ESLint's own types so it fits `defineConfig`, `Linter.Config[]` and
 * `plugins: { 'googleapis-scopes': plugin }` (typescript-eslint's rule types are not ESLint's).
 */
export interface GoogleapisScopesPlugin extends ESLint.Plugin {
  readonly meta: { readonly name: string; readonly version: string };
  readonly rules: NonNullable<ESLint.Plugin['rules']>;
  readonly configs: { readonly recommended: Linter.Config; readonly strict: Linter.Config };
}

const ruleLists = configRules(rules, PREFIX);
const configs: Record<'recommended' | 'strict', Linter.Config> = {
  recommended: { name: `${PREFIX}/recommended`, rules: ruleLists.recommended },
  strict: { name: `${PREFIX}/strict`, rules: ruleLists.strict },
};

const plugin: GoogleapisScopesPlugin = {
  meta: { name: ownPackageJson().name, version: ownPackageJson().version },
  // typescript-eslint's RuleModule is what ESLint runs; only its declared types differ.
  rules: rules as unknown as GoogleapisScopesPlugin['rules'],
  configs,
};
for (const config of Object.values(configs)) config.plugins = { [PREFIX]: plugin };

export default plugin;
// `require('eslint-plugin-googleapis-scopes')` (Node >= 20.19 loads ESM) returns the plugin itself.
export { plugin as 'module.exports' };
