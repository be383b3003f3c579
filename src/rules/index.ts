import leastPrivilege from './least-privilege.ts';
import metadataScope from './metadata-scope.ts';
import missingScope from './missing-scope.ts';
import noRestrictedScopes from './no-restricted-scopes.ts';
import validScope from './valid-scope.ts';
import { failClosed } from '../utils/fail-closed.ts';

/** Every rule reports its own failure on the file instead of passing it silently. */
export const rules = {
  'least-privilege': failClosed(leastPrivilege),
  'metadata-scope': failClosed(metadataScope),
  'missing-scope': failClosed(missingScope),
  'no-restricted-scopes': failClosed(noRestrictedScopes),
  'valid-scope': failClosed(validScope),
};
