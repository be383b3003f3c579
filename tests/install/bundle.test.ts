import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import packageJson from '../../package.json' with { type: 'json' };

const ROOT = path.join(import.meta.dirname, '..', '..');
const SRC = path.join(ROOT, 'src');

/** The modules `file` loads when it is imported (type-only imports and re-exports load nothing), relative to src/ or by package name. */
function valueImportsOf(file: string): string[] {
  const text = fs.readFileSync(path.join(SRC, file), 'utf8');
  return [...text.matchAll(/^(?:import|export)(?!\s+type\b)\b[^;]*? from '([^']+)';/gm)].map(([, specifier]) =>
    specifier!.startsWith('.') ? path.posix.join(path.posix.dirname(file), specifier!) : specifier!,
  );
}

/** Every module of src/ that importing `entry` evaluates, with the packages each one imports. */
function importGraph(entry: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const pending = [entry];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (graph.has(file)) continue;
    const imports = valueImportsOf(file);
    graph.set(
      file,
      imports.filter((specifier) => !specifier.endsWith('.ts') && !specifier.endsWith('.json')),
    );
    pending.push(...imports.filter((specifier) => specifier.endsWith('.ts')));
  }
  return graph;
}

function modulesImporting(graph: Map<string, string[]>, name: string): string[] {
  return [...graph].filter(([, packages]) => packages.includes(name)).map(([file]) => file);
}

/** scripts/bundle.mjs's ENTRY_POINTS. */
function bundleEntryPoints(): string[] {
  const text = fs.readFileSync(path.join(ROOT, 'scripts', 'bundle.mjs'), 'utf8');
  const list = /const ENTRY_POINTS = \[([^\]]*)\]/.exec(text)![1]!;
  return [...list.matchAll(/'([^']+)'/g)].map(([, source]) => source!);
}

describe('the published bundles', () => {
  it('importing the plugin or its data API does not load ESLint (parse-module requires it on first use)', () => {
    for (const entry of ['index.ts', 'scopes/public.ts']) expect(modulesImporting(importGraph(entry), 'eslint')).toEqual([]);
  });

  it('sees the imports it checks (the test is not vacuous)', () => {
    const plugin = importGraph('index.ts');
    expect(plugin.has('core/parse-module.ts')).toBe(true);
    expect(plugin.has('cli/lint.ts')).toBe(false);
    expect(modulesImporting(plugin, '@typescript-eslint/types').length).toBeGreaterThan(0);
    // The CLI loads ESLint to lint a project: it is not the plugin's import.
    expect(modulesImporting(importGraph('cli/main.ts'), 'eslint')).toEqual(['cli/lint.ts']);
  });

  it('bundles every entry point package.json names, at the path it names', () => {
    const shipped = [packageJson.exports['.'].default, packageJson.exports['./scopes'].default, packageJson.bin['googleapis-scopes']];
    expect(packageJson.main).toBe(packageJson.exports['.'].default);
    // The bundler writes src/<path>.ts to dist/<path>.js (outbase src).
    expect(bundleEntryPoints().map((source) => source.replace(/^src\/(.*)\.ts$/, './dist/$1.js'))).toEqual(shipped);
    // The build empties dist/ first, and tsc writes declarations only: dist/ holds no unbundled module to pack.
    expect(packageJson.scripts.build).toMatch(/^node scripts\/bundle\.mjs && tsc -p tsconfig\.build\.json && /);
    const build = JSON.parse(fs.readFileSync(path.join(ROOT, 'tsconfig.build.json'), 'utf8')) as {
      compilerOptions: Record<string, unknown>;
    };
    expect(build.compilerOptions.emitDeclarationOnly).toBe(true);
  });

  it("finds the files it reads at run time from one module (bundled, a module's import.meta.url is its chunk's)", () => {
    const readers: string[] = [];
    const walk = (folder: string): void => {
      for (const entry of fs.readdirSync(path.join(SRC, folder), { withFileTypes: true })) {
        const file = path.posix.join(folder, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (file.endsWith('.ts')) {
          const text = fs.readFileSync(path.join(SRC, file), 'utf8');
          // createRequire(import.meta.url) resolves packages, the same from any file of the package.
          const uses = text.replaceAll('createRequire(import.meta.url)', '').match(/import\.meta\.(?:url|dirname|filename)/g) ?? [];
          if (uses.length > 0) readers.push(file);
        }
      }
    };
    walk('');
    expect(readers).toEqual(['scopes/package-files.ts']);
    expect(fs.readFileSync(path.join(ROOT, 'scripts', 'bundle.mjs'), 'utf8')).toContain('BUNDLE_TO_CODE_ROOT');
  });
});
