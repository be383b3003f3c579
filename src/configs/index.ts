import type { Linter } from 'eslint';
import type { PluginDocs } from '../utils/create-rule.ts';

interface RuleWithDocs {
  readonly meta?: { readonly docs?: Readonly<PluginDocs> };
}

/**
 * The configs' rule lists, read from each rule's `meta.docs.recommended` so the configs and the
 * README's rule table (generated from the same field) cannot disagree.
 * `recommended`: the rules whose every finding is a 403 or a rejected consent, with no noise.
 * `strict`: every rule, adding least privilege and the restricted-scope policy.
 */
export function configRules(
  rules: Readonly<Record<string, RuleWithDocs>>,
  prefix: string,
): Record<'recommended' | 'strict', Linter.RulesRecord> {
  const recommended: Linter.RulesRecord = {};
  const strict: Linter.RulesRecord = {};
  for (const [name, rule] of Object.entries(rules)) {
    if (rule.meta?.docs?.recommended === true) recommended[`${prefix}/${name}`] = 'error';
    strict[`${prefix}/${name}`] = 'error';
  }
  return { recommended, strict };
}
