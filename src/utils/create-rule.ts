import type { RuleContext, RuleListener, RuleModule, RuleMetaData } from '@typescript-eslint/utils/ts-eslint';
import { ownPackageJson } from '../scopes/package-files.ts';

/** Docs metadata every rule of this plugin declares (read by eslint-doc-generator and `configs`). */
export interface PluginDocs {
  /** Whether the rule is part of the `recommended` config (every rule is in `strict`). */
  recommended?: boolean;
  /** Whether the rule uses type information when the user's config provides it. */
  requiresTypeChecking?: false;
}

/** Where a rule's page lives: the repository's `docs/rules/` (also shipped in the package). */
export function ruleDocsUrl(name: string): string {
  return `${ownPackageJson().homepage.replace(/#.*$/, '')}/blob/main/docs/rules/${name}.md`;
}

/** The options with every default applied: each option object holds every property (its default states them all). */
export type DefaultedOptions<Options extends readonly unknown[]> = {
  readonly [Index in keyof Options]: Options[Index] extends object ? Readonly<Required<Options[Index]>> : Options[Index];
};

/**
 * A rule in typescript-eslint's order: name, meta (the default of every option stated once, in
 * `meta.defaultOptions`, which ESLint >= 9.15 applies itself), create.
 */
interface RuleDefinition<Options extends readonly unknown[], MessageIds extends string> {
  readonly name: string;
  readonly meta: Omit<RuleMetaData<MessageIds, PluginDocs, Options>, 'docs' | 'defaultOptions'> & {
    readonly docs: Omit<NonNullable<RuleMetaData<MessageIds, PluginDocs, Options>['docs']>, 'url'>;
  } & (Options extends readonly [] ? { readonly defaultOptions?: never } : { readonly defaultOptions: DefaultedOptions<Options> });
  create(context: Readonly<RuleContext<MessageIds, Options>>, options: DefaultedOptions<Options>): RuleListener;
}

/**
 * typescript-eslint's `RuleCreator`, written out so the published code needs no run-time
 * typescript-eslint package (they bring TypeScript in as a peer): adds the docs URL and hands
 * `create` the options merged over `meta.defaultOptions`.
 */
export function createRule<Options extends readonly unknown[], MessageIds extends string>(
  rule: RuleDefinition<Options, MessageIds>,
): RuleModule<MessageIds, Options, PluginDocs> & { readonly name: string } {
  const { name, meta, create } = rule;
  const defaultOptions = (meta.defaultOptions ?? []) as unknown as Options;
  const merged = new WeakMap<Readonly<Options>, DefaultedOptions<Options>>();
  return {
    name,
    meta: { ...meta, docs: { ...meta.docs, url: ruleDocsUrl(name) } } as RuleMetaData<MessageIds, PluginDocs, Options>,
    defaultOptions,
    // ESLint >= 9.15 applies `meta.defaultOptions` itself; merging again keeps older 9.x right.
    // Merged once per options array: ESLint hands every file the same array when the rule is
    // configured by severity alone (`'error'`), and `create` runs on every file (docs/performance.md).
    create: (context) => {
      const given = context.options as Readonly<Options>;
      let options = merged.get(given);
      if (options === undefined) {
        options = applyDefaults(defaultOptions, given) as unknown as DefaultedOptions<Options>;
        merged.set(given, options);
      }
      return create(context, options);
    },
  };
}

/** Each option merged over its default: objects deeply, anything else replaced (as typescript-eslint does). */
function applyDefaults<Options extends readonly unknown[]>(defaults: Readonly<Options>, given: Readonly<Options>): Options {
  return defaults.map((fallback, index) => (index < given.length ? mergeOption(fallback, given[index]) : fallback)) as unknown as Options;
}

function mergeOption(fallback: unknown, value: unknown): unknown {
  if (!isPlainObject(fallback) || !isPlainObject(value)) return value === undefined ? fallback : value;
  const merged: Record<string, unknown> = { ...fallback };
  for (const [key, item] of Object.entries(value)) merged[key] = mergeOption(fallback[key], item);
  return merged;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
