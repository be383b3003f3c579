import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileBoundary } from '../../src/core/file-boundary.ts';
import { startValidationRound } from '../../src/core/dependencies.ts';
import { resolveModule } from '../../src/core/resolve.ts';
import { pnpmPackagePatterns } from '../../src/core/workspaces.ts';
import { setTime, tempFolder, writeFile } from '../temp-project.ts';

const dir = tempFolder('resolve');
const outside = tempFolder('resolve-outside');

const project = path.join(dir, 'project');
const boundary = fileBoundary(project);
const from = path.join(project, 'src', 'app.ts');
writeFile(from, '');
const scopes = writeFile(path.join(project, 'src', 'lib', 'scopes.ts'), 'export const SCOPES = [];\n');
writeFile(path.join(project, 'src', 'lib', 'index.js'), '');
writeFile(path.join(outside, 'secret.ts'), 'export const SCOPES = [];\n');
const resolve = (specifier: string): string | undefined => {
  startValidationRound();
  return resolveModule(from, specifier, boundary);
};

describe('resolveModule', () => {
  it('relative specifiers: extensions, `.js` written for `.ts`, index files; packages and built-ins stay unresolved', () => {
    expect(resolve('./lib/scopes')).toBe(scopes);
    expect(resolve('./lib/scopes.js')).toBe(scopes);
    expect(resolve('./lib')).toBe(path.join(project, 'src', 'lib', 'index.js'));
    expect(resolve('googleapis')).toBeUndefined();
    expect(resolve('node:fs')).toBeUndefined();
    expect(resolve(scopes)).toBeUndefined();
  });

  it('tsconfig paths are re-read when the config changes or is created (a new alias is seen at the next lint)', () => {
    expect(resolve('@/lib/scopes')).toBeUndefined();
    const config = writeFile(path.join(project, 'tsconfig.json'), '{ "compilerOptions": { "paths": { "@/*": ["./src/*"] } } }');
    expect(resolve('@/lib/scopes')).toBe(scopes);
    expect(resolve('~/lib/scopes')).toBeUndefined();
    writeFile(config, '{ "compilerOptions": { "paths": { "~/*": ["./src/*"] } } }');
    setTime(config, 5_000_000);
    expect(resolve('~/lib/scopes')).toBe(scopes);
    expect(resolve('@/lib/scopes')).toBeUndefined();
    fs.rmSync(config);
  });

  it('never leaves the boundary: a path or baseUrl outside, an extends outside or in node_modules, an extends loop', () => {
    const config = writeFile(
      path.join(project, 'tsconfig.json'),
      JSON.stringify({
        extends: ['./loop-a.json', `${path.relative(project, outside)}/tsconfig.json`, '@tsconfig/node20/tsconfig.json'],
        compilerOptions: { paths: { 'out/*': [`${path.relative(project, outside)}/*`] } },
      }),
    );
    writeFile(path.join(project, 'loop-a.json'), '{ "extends": "./loop-b.json" }');
    writeFile(path.join(project, 'loop-b.json'), '{ "extends": "./loop-a.json", "compilerOptions": { "baseUrl": "." } }');
    writeFile(path.join(outside, 'tsconfig.json'), '{ "compilerOptions": { "paths": { "secret": ["./secret.ts"] } } }');
    setTime(config, 6_000_000);
    expect(resolve('out/secret')).toBeUndefined();
    expect(resolve('secret')).toBeUndefined();
    // The loop's baseUrl (the project folder) still applies.
    expect(resolve('src/lib/scopes')).toBe(scopes);
    fs.rmSync(config);
  });

  it('package.json imports: patterns, conditions, and a target that names a package stays unresolved', () => {
    const manifest = writeFile(
      path.join(project, 'package.json'),
      JSON.stringify({ imports: { '#lib/*': './src/lib/*.js', '#pkg': 'some-package', '#cond': { node: './src/lib/scopes.ts' } } }),
    );
    setTime(manifest, 7_000_000);
    expect(resolve('#lib/scopes')).toBe(scopes);
    expect(resolve('#cond')).toBe(scopes);
    expect(resolve('#pkg')).toBeUndefined();
    expect(resolve('#missing')).toBeUndefined();
  });

  describe('workspace packages', () => {
    const mono = path.join(project, 'mono');
    const importer = writeFile(path.join(mono, 'apps', 'web', 'src', 'app.ts'), '');
    const fromApp = (specifier: string): string | undefined => {
      startValidationRound();
      return resolveModule(importer, specifier, boundary);
    };
    const pkg = (folder: string, manifest: object, files: Record<string, string> = {}): void => {
      const manifestFile = writeFile(path.join(mono, folder, 'package.json'), JSON.stringify(manifest));
      setTime(manifestFile, 8_000_000);
      for (const [file, text] of Object.entries(files)) writeFile(path.join(mono, folder, file), text);
    };
    writeFile(
      path.join(mono, 'package.json'),
      JSON.stringify({ workspaces: { packages: ['packages/*', './tools/auth', 'libs/**', '../*', '!packages/skip'] } }),
    );
    pkg('packages/source-main', { name: 'source-main', main: 'src/main.ts' }, { 'src/main.ts': '' });
    pkg(
      'packages/built',
      { name: '@acme/built', exports: { '.': { types: './dist/types/index.d.ts', default: './dist/index.js' } } },
      { 'src/index.ts': '', 'dist/index.js': '' },
    );
    pkg('packages/dist-only', { name: 'dist-only', main: 'dist/index.js' }, { 'dist/index.js': '' });
    pkg('packages/no-entry', { name: 'no-entry' }, { 'src/index.js': '' });
    pkg('packages/escape', { name: 'escape', main: '../../../secret.ts' });
    pkg('tools/auth', { name: '@acme/tools-auth', exports: './lib/auth.js' }, { 'lib/auth.js': '' });
    pkg('libs/deep/x', { name: 'deep' }, { 'src/index.ts': '' });

    it('names a package of the same workspace: its source entry, never built output nor a file outside the package', () => {
      expect(fromApp('source-main')).toBe(path.join(mono, 'packages/source-main/src/main.ts'));
      expect(fromApp('@acme/built')).toBe(path.join(mono, 'packages/built/src/index.ts'));
      expect(fromApp('dist-only')).toBeUndefined();
      expect(fromApp('no-entry')).toBe(path.join(mono, 'packages/no-entry/src/index.js'));
      expect(fromApp('escape')).toBeUndefined();
      expect(fromApp('@acme/tools-auth')).toBe(path.join(mono, 'tools/auth/lib/auth.js'));
      // `**` is not read; a subpath is not followed; a package outside the workspace is unknown.
      expect(fromApp('deep')).toBeUndefined();
      expect(fromApp('@acme/built/src/index')).toBeUndefined();
      expect(fromApp('googleapis')).toBeUndefined();
    });

    it('sees a package added to the workspace folder after the first lookup', () => {
      expect(fromApp('later')).toBeUndefined();
      pkg('packages/later', { name: 'later' }, { 'src/index.ts': '' });
      setTime(path.join(mono, 'packages'), 9_000_000);
      expect(fromApp('later')).toBe(path.join(mono, 'packages/later/src/index.ts'));
    });

    it('reads the `packages:` list of pnpm-workspace.yaml (block or flow), nothing else', () => {
      expect(pnpmPackagePatterns('# comment\npackages:\n  - \'packages/*\'\n  - "apps/*" # apps\n- tools\ncatalog:\n  - x\n')).toEqual([
        'packages/*',
        'apps/*',
        'tools',
      ]);
      expect(pnpmPackagePatterns('packages: [\'a/*\', "b"]\n')).toEqual(['a/*', 'b']);
      expect(pnpmPackagePatterns('catalog:\n  - x\n')).toEqual([]);
    });
  });
});
