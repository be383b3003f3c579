import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.ts';
import packageJson from '../../package.json' with { type: 'json' };

const SRC = path.join(import.meta.dirname, '..', '..', 'src');

function sourceFiles(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(folder, entry.name);
    return entry.isDirectory() ? sourceFiles(file) : file.endsWith('.ts') ? [file] : [];
  });
}

describe('the published package', () => {
  it('imports at run time only Node, ESLint and its declared dependencies (no TypeScript tooling)', () => {
    const allowed = new Set(['eslint', ...Object.keys(packageJson.dependencies)]);
    const imported = new Set<string>();
    for (const file of sourceFiles(SRC)) {
      const text = fs.readFileSync(file, 'utf8');
      for (const [, specifier] of text.matchAll(/^import (?!type\b)[^;]*? from '([^'.][^']*)';/gm)) {
        if (!specifier!.startsWith('node:')) imported.add(specifier!);
      }
    }
    expect([...imported].filter((specifier) => !allowed.has(specifier))).toEqual([]);
    expect(Object.keys(packageJson.dependencies)).not.toContain('@typescript-eslint/utils');
    expect(Object.keys(packageJson.dependencies)).not.toContain('@typescript-eslint/parser');
  });

  it("builds the configs from each rule's meta.docs.recommended", () => {
    const recommended = Object.entries(plugin.rules)
      .filter(([, rule]) => (rule as { meta?: { docs?: { recommended?: boolean } } }).meta?.docs?.recommended === true)
      .map(([name]) => `googleapis-scopes/${name}`);
    expect(Object.keys(plugin.configs.recommended.rules ?? {}).sort()).toEqual(recommended.sort());
    expect(Object.keys(plugin.configs.strict.rules ?? {}).sort()).toEqual(
      Object.keys(plugin.rules)
        .map((name) => `googleapis-scopes/${name}`)
        .sort(),
    );
    expect(plugin.configs.recommended.plugins?.['googleapis-scopes']).toBe(plugin);
  });

  it('packs its build and no source maps', () => {
    expect(packageJson.scripts.prepack).toBe('npm run build');
    expect(packageJson.files).toContain('dist');
    const build = JSON.parse(fs.readFileSync(path.join(SRC, '..', 'tsconfig.build.json'), 'utf8')) as {
      compilerOptions: Record<string, unknown>;
    };
    expect(build.compilerOptions).toMatchObject({ sourceMap: false, declarationMap: false });
  });
});
