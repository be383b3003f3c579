import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileBoundary } from '../../src/core/file-boundary.ts';
import { startValidationRound } from '../../src/core/dependencies.ts';
import { resolveModule } from '../../src/core/resolve.ts';

const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'googleapis-scopes-resolve-')));
const outside = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'googleapis-scopes-resolve-outside-')));
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(outside, { recursive: true, force: true });
});

function write(file: string, text: string): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

const project = path.join(dir, 'project');
const boundary = fileBoundary(project);
const from = path.join(project, 'src', 'app.ts');
write(from, '');
const scopes = write(path.join(project, 'src', 'lib', 'scopes.ts'), 'export const SCOPES = [];\n');
write(path.join(project, 'src', 'lib', 'index.js'), '');
write(path.join(outside, 'secret.ts'), 'export const SCOPES = [];\n');
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
    const config = write(path.join(project, 'tsconfig.json'), '{ "compilerOptions": { "paths": { "@/*": ["./src/*"] } } }');
    expect(resolve('@/lib/scopes')).toBe(scopes);
    expect(resolve('~/lib/scopes')).toBeUndefined();
    write(config, '{ "compilerOptions": { "paths": { "~/*": ["./src/*"] } } }');
    fs.utimesSync(config, 5_000_000, 5_000_000);
    expect(resolve('~/lib/scopes')).toBe(scopes);
    expect(resolve('@/lib/scopes')).toBeUndefined();
    fs.rmSync(config);
  });

  it('never leaves the boundary: a path or baseUrl outside, an extends outside or in node_modules, an extends loop', () => {
    const config = write(
      path.join(project, 'tsconfig.json'),
      JSON.stringify({
        extends: ['./loop-a.json', `${path.relative(project, outside)}/tsconfig.json`, '@tsconfig/node20/tsconfig.json'],
        compilerOptions: { paths: { 'out/*': [`${path.relative(project, outside)}/*`] } },
      }),
    );
    write(path.join(project, 'loop-a.json'), '{ "extends": "./loop-b.json" }');
    write(path.join(project, 'loop-b.json'), '{ "extends": "./loop-a.json", "compilerOptions": { "baseUrl": "." } }');
    write(path.join(outside, 'tsconfig.json'), '{ "compilerOptions": { "paths": { "secret": ["./secret.ts"] } } }');
    fs.utimesSync(config, 6_000_000, 6_000_000);
    expect(resolve('out/secret')).toBeUndefined();
    expect(resolve('secret')).toBeUndefined();
    // The loop's baseUrl (the project folder) still applies.
    expect(resolve('src/lib/scopes')).toBe(scopes);
    fs.rmSync(config);
  });

  it('package.json imports: patterns, conditions, and a target that names a package stays unresolved', () => {
    const manifest = write(
      path.join(project, 'package.json'),
      JSON.stringify({ imports: { '#lib/*': './src/lib/*.js', '#pkg': 'some-package', '#cond': { node: './src/lib/scopes.ts' } } }),
    );
    fs.utimesSync(manifest, 7_000_000, 7_000_000);
    expect(resolve('#lib/scopes')).toBe(scopes);
    expect(resolve('#cond')).toBe(scopes);
    expect(resolve('#pkg')).toBeUndefined();
    expect(resolve('#missing')).toBeUndefined();
  });
});
