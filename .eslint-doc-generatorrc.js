/** @type {import('eslint-doc-generator').GenerateOptions} */
export default {
  configEmoji: [
    ['recommended', '✅'],
    ['strict', '🔒'],
  ],
  ignoreConfig: [],
  ruleDocTitleFormat: 'prefix-name',
  ruleListColumns: ['name', 'description', 'configsError', 'configsWarn', 'fixable', 'hasSuggestions', 'options'],
  pathRuleDoc: 'docs/rules/{name}.md',
  urlRuleDoc: 'https://github.com/eslint-plugin-googleapis-scopes/eslint-plugin-googleapis-scopes/blob/main/docs/rules/{name}.md',
};
