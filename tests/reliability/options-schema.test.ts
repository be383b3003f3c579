/**
 * Bad options fail loudly and readably, for every rule in the plugin (new rules included
 * automatically): an unknown option, a value of the wrong type, malformed shared settings.
 */
import { Linter } from 'eslint';
import type { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.ts';

const PREFIX = 'googleapis-scopes';
const linter = new Linter({ configType: 'flat' });
const CODE =
  "import { google } from 'googleapis';\nconst auth = new google.auth.GoogleAuth({ scopes: ['https://www.googleapis.com/auth/gmail.readonly'] });\n";

/** The part of JSON Schema that rule options use. */
interface Schema {
  type?: string;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  additionalProperties?: boolean;
  description?: string;
}

interface RuleMeta {
  schema?: Schema | Schema[] | false;
  defaultOptions?: unknown[];
}
const rules = Object.entries(plugin.rules as Record<string, { meta: RuleMeta }>);

function lintWith(ruleName: string, options: unknown[], settings?: Record<string, unknown>): () => Linter.LintMessage[] {
  return () =>
    linter.verify(
      CODE,
      [
        {
          files: ['**/*.js'],
          plugins: { [PREFIX]: plugin as unknown as ESLint.Plugin },
          rules: { [`${PREFIX}/${ruleName}`]: ['error', ...options] as Linter.RuleEntry },
          ...(settings === undefined ? {} : { settings }),
        },
      ],
      { filename: 'app.js' },
    );
}

/** A value of the wrong type for a schema property. */
function wrongValue(schema: Schema): unknown {
  if (schema.enum !== undefined) return 'not-one-of-the-allowed-values';
  switch (schema.type) {
    case 'boolean':
      return 'yes';
    case 'string':
      return 42;
    case 'number':
    case 'integer':
      return 'many';
    case 'array':
      return 'not-an-array';
    case 'object':
      return 'not-an-object';
    default:
      return undefined;
  }
}

describe('every rule validates its options', () => {
  it('the plugin has rules', () => {
    expect(rules.length).toBeGreaterThan(0);
  });

  describe.each(rules)('%s', (name, rule) => {
    const schema = Array.isArray(rule.meta.schema) ? rule.meta.schema : [];

    it('declares a schema (an array: no options, or one object that rejects unknown keys)', () => {
      expect(Array.isArray(rule.meta.schema)).toBe(true);
      for (const item of schema) {
        expect(item.type).toBe('object');
        expect(item.additionalProperties).toBe(false);
        for (const [property, definition] of Object.entries(item.properties ?? {})) {
          expect(definition.description, `${name}: option ${property} has no description`).toEqual(expect.any(String));
        }
      }
    });

    it('accepts its own default options', () => {
      expect(lintWith(name, rule.meta.defaultOptions ?? [])).not.toThrow();
    });

    it('rejects an unknown option with a message that names the rule and the option', () => {
      const run = lintWith(name, [{ notAnOption: true }]);
      expect(run).toThrow(`${PREFIX}/${name}`);
      expect(run).toThrow(
        schema.length === 0 ? /should NOT have more than 0 items/ : /Unexpected property "notAnOption"\. Expected properties: /,
      );
    });

    const properties = Object.entries(schema[0]?.properties ?? {});
    it.runIf(properties.length > 0).each(properties)('rejects a wrongly typed %s', (property, definition) => {
      const value = wrongValue(definition);
      expect(value, `no wrong value known for schema ${JSON.stringify(definition)}`).not.toBeUndefined();
      const run = lintWith(name, [{ [property]: value }]);
      expect(run).toThrow(`${PREFIX}/${name}`);
      // e.g. `Value "yes" should be boolean.` / `should be equal to one of the allowed values`.
      expect(run).toThrow(`Value ${JSON.stringify(value)} should be`);
    });
  });
});

describe('shared settings are validated', () => {
  const someRule = rules[0]![0];
  it.each([
    ['not an object', 'scopes', /must be an object/],
    ['an unknown key', { scope: [] }, /unknown key "scope"/],
    ['scopes that are not strings', { scopes: [1] }, /scopes must be an array of scope URL strings/],
    ['complete that is not a boolean', { scopes: [], complete: 'yes' }, /complete must be a boolean/],
    ['project that is not a boolean', { project: 'off' }, /project must be a boolean/],
  ])('rejects %s with a lint message that says what to write, instead of crashing the run', (_, value, message) => {
    // The settings are read when a rule analyses a file; one message per file, at its start.
    const messages = lintWith(someRule, [], { [PREFIX]: value })();
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ ruleId: `${PREFIX}/${someRule}`, messageId: 'invalidSettings', severity: 2, line: 1, column: 1 });
    expect(messages[0]!.message).toMatch(message);
    expect(messages[0]!.message).toMatch(/Files are not checked until settings\['googleapis-scopes'\] is fixed\.$/);
  });
});
