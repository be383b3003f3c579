import leastPrivilege from './least-privilege.ts';
import metadataScope from './metadata-scope.ts';
import missingScope from './missing-scope.ts';
import noRestrictedScopes from './no-restricted-scopes.ts';
import validScope from './valid-scope.ts';

export const rules = {
  'least-privilege': leastPrivilege,
  'metadata-scope': metadataScope,
  'missing-scope': missingScope,
  'no-restricted-scopes': noRestrictedScopes,
  'valid-scope': validScope,
};
