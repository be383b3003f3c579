import type { JSONSchema } from '@typescript-eslint/utils';

/** The schema of an `allow` option: scope strings a rule never reports (shared by the policy rules). */
export function scopeListOption(description: string): JSONSchema.JSONSchema4ArraySchema {
  return {
    type: 'array',
    items: { type: 'string', minLength: 1 },
    uniqueItems: true,
    description,
  };
}
