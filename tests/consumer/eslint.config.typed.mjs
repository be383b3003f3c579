// TypeScript linted through the user's typescript-eslint (the plugin brings no parser of its own).
import tseslint from 'typescript-eslint';
import googleapisScopes from 'eslint-plugin-googleapis-scopes';

export default tseslint.config({ files: ['**/*.mts'], languageOptions: { parser: tseslint.parser } }, googleapisScopes.configs.recommended);
