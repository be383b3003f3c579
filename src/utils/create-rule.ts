import { ESLintUtils } from '@typescript-eslint/utils';

/** Docs metadata every rule of this plugin declares (read by eslint-doc-generator and `configs`). */
export interface PluginDocs {
  /** Whether the rule is part of the `recommended` config (every rule is in `strict`). */
  recommended?: boolean;
  /** Whether the rule uses type information when the user's config provides it. */
  requiresTypeChecking?: false;
}

export const createRule = ESLintUtils.RuleCreator<PluginDocs>(
  (name) =>
    `https://github.com/eslint-plugin-googleapis-scopes/eslint-plugin-googleapis-scopes/blob/main/docs/rules/${name}.md`,
);
