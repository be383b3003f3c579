import googleapisScopes from 'eslint-plugin-googleapis-scopes';

export default [googleapisScopes.configs.recommended];
