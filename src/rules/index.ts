import missingScope from './missing-scope.ts';

export const rules = {
  'missing-scope': missingScope,
};
