import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.join(import.meta.dirname, '..', '..', 'src');

/** Every module a file imports (type-only imports and re-exports too), as paths relative to src/ or package names. */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/^(?:import|export)\b[^;]*? from '([^']+)';/gm)].map((match) => match[1]!);
  return specifiers.map((specifier) =>
    specifier.startsWith('.')
      ? path
          .relative(SRC, path.resolve(path.dirname(file), specifier))
          .split(path.sep)
          .join('/')
      : specifier,
  );
}

/** What a rule may read: the facts (with their edits), the ESLint-free domain, utilities, and AST types. */
function allowedForRules(target: string): boolean {
  return (
    target === 'google/facts.ts' ||
    /^(?:fix|scopes|utils|rules)\//.test(target) ||
    target === '@typescript-eslint/utils' ||
    target === '@typescript-eslint/types'
  );
}

describe('layers', () => {
  const ruleFiles = fs.readdirSync(path.join(SRC, 'rules')).map((name) => path.join(SRC, 'rules', name));

  it('rules read the facts, never the analysis toolbox (src/core, or src/google beyond facts.ts)', () => {
    const reaches = ruleFiles.flatMap((file) =>
      importsOf(file)
        .filter((target) => !allowedForRules(target))
        .map((target) => `${path.relative(SRC, file)} imports ${target}`),
    );
    expect(reaches).toEqual([]);
  });

  it('sees the imports it checks (the test is not vacuous)', () => {
    const imported = new Set(ruleFiles.flatMap(importsOf));
    expect(imported).toContain('google/facts.ts');
    expect(allowedForRules('core/static-value.ts')).toBe(false);
    expect(allowedForRules('google/scope-sources.ts')).toBe(false);
  });

  it('keeps the domain in src/scopes free of ESLint and of the analysis', () => {
    const scopeFiles = fs.readdirSync(path.join(SRC, 'scopes')).filter((name) => name.endsWith('.ts'));
    const reaches = scopeFiles.flatMap((name) =>
      importsOf(path.join(SRC, 'scopes', name))
        .filter((target) => !target.startsWith('scopes/') && !target.startsWith('node:'))
        .map((target) => `scopes/${name} imports ${target}`),
    );
    expect(reaches).toEqual([]);
  });
});
