// CommonJS config: `require` returns the plugin itself.
const googleapisScopes = require('eslint-plugin-googleapis-scopes');

module.exports = [googleapisScopes.configs.recommended];
