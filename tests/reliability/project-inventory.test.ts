/**
 * The project inventory walks a whole tree the user did not ask ESLint to lint: hostile trees
 * (a symlink loop, a huge file, a binary file, an unparsable file, a symlink out of the project,
 * node_modules and build output) must end quickly, read nothing outside, and never crash.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { startValidationRound } from '../../src/core/dependencies.ts';
import { fileBoundary } from '../../src/core/file-boundary.ts';
import { clearProjectInventories, projectInventory } from '../../src/google/project/index.ts';
import { tempFolder, writeFiles } from '../temp-project.ts';

const AUTH = 'https://www.googleapis.com/auth';
const base = tempFolder('inventory');
beforeEach(() => clearProjectInventories());

let count = 0;
/** A fresh project folder (its own package.json) inside the boundary `base`, plus an outside folder. */
function project(files: Record<string, string | Buffer>): string {
  const root = path.join(base, `p${++count}`);
  writeFiles(root, { 'package.json': '{ "name": "p" }\n', ...files });
  return root;
}

const AUTH_FILE = `export const SCOPES = ['${AUTH}/gmail.readonly'];\n`;

describe('project inventory on hostile trees', () => {
  it('finds requests in source files and manifest.json, skipping node_modules, build output and dot-folders', () => {
    const root = project({
      'src/auth.js': AUTH_FILE,
      'extension/manifest.json': JSON.stringify({ oauth2: { scopes: [`${AUTH}/gmail.labels`] } }, null, 2),
      'node_modules/lib/index.js': `export const SCOPES = [process.env.X];\n`,
      'dist/bundle.js': `export const SCOPES = [process.env.X];\n`,
      '.next/server.js': `export const SCOPES = [process.env.X];\n`,
    });
    const inventory = projectInventory(path.join(root, 'src', 'app.js'), fileBoundary(base))!;
    expect(inventory.root).toBe(root);
    expect(inventory.incomplete).toBe(false);
    expect(
      inventory.requests.map((request) => [path.relative(root, request.file), request.line, request.scopes, request.complete]),
    ).toEqual([
      ['extension/manifest.json', 3, [`${AUTH}/gmail.labels`], true],
      ['src/auth.js', 1, [`${AUTH}/gmail.readonly`], true],
    ]);
  });

  it('a symlink loop, a huge file, a binary file and a symlink out of the project: bounded, nothing outside read', () => {
    const outside = path.join(base, 'outside');
    fs.mkdirSync(outside, { recursive: true });
    fs.writeFileSync(path.join(outside, 'secret.js'), `export const SCOPES = [process.env.SECRET];\n`);
    const root = project({
      'src/auth.js': AUTH_FILE,
      // 3 MB: more than the analysis reads (generated code), skipped unread.
      'src/huge.js': `export const SCOPES = ['${AUTH}/gmail.send'];\n` + '// x\n'.repeat(800_000),
      'src/binary.js': Buffer.from([0x73, 0x63, 0x6f, 0x70, 0x65, 0x00, 0xff, 0xfe, 0x00]),
    });
    fs.symlinkSync(root, path.join(root, 'src', 'loop'));
    fs.symlinkSync(path.join(root, 'src'), path.join(root, 'src', 'again'));
    fs.symlinkSync(path.join(outside, 'secret.js'), path.join(root, 'src', 'secret.js'));
    const started = Date.now();
    const memory = process.memoryUsage().heapUsed;
    const inventory = projectInventory(path.join(root, 'src', 'app.js'), fileBoundary(root))!;
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(process.memoryUsage().heapUsed - memory).toBeLessThan(200 * 1024 * 1024);
    expect(inventory.incomplete).toBe(false);
    // Only src/auth.js: the secret (outside the boundary), the huge and the binary file are not read.
    expect(inventory.requests.map((request) => path.relative(root, request.file))).toEqual(['src/auth.js']);
  });

  it('an unparsable file that may hold a request makes the inventory incomplete (it judges nothing)', () => {
    const root = project({ 'src/auth.js': AUTH_FILE, 'src/broken.js': `export const SCOPES = [ ;\n` });
    const inventory = projectInventory(path.join(root, 'src', 'app.js'), fileBoundary(base))!;
    expect(inventory.incomplete).toBe(true);
  });

  it('an unparsable file without any sign of a request is not even parsed', () => {
    const root = project({ 'src/auth.js': AUTH_FILE, 'src/broken.js': `export const x = [ ;\n` });
    expect(projectInventory(path.join(root, 'src', 'app.js'), fileBoundary(base))!.incomplete).toBe(false);
  });

  it('is cached by mtimes: an edited file is read again on the next build', () => {
    const root = project({ 'src/auth.js': AUTH_FILE });
    const file = path.join(root, 'src', 'app.js');
    expect(projectInventory(file, fileBoundary(base))!.requests[0]!.scopes).toEqual([`${AUTH}/gmail.readonly`]);
    fs.writeFileSync(path.join(root, 'src', 'auth.js'), `export const SCOPES = ['${AUTH}/gmail.send'];\n`);
    const later = new Date(Date.now() + 5_000);
    fs.utimesSync(path.join(root, 'src', 'auth.js'), later, later);
    // What ESLint's next file does: a new round of looking at the file system, a second later.
    startValidationRound();
    clearProjectInventories();
    expect(projectInventory(file, fileBoundary(base))!.requests[0]!.scopes).toEqual([`${AUTH}/gmail.send`]);
  });

  it('a file linted inside dist/ (a published package) makes that dist/ part of the project, not other build folders', () => {
    const root = project({ 'dist/auth.js': AUTH_FILE, 'build/other.js': `export const SCOPES = [process.env.X];\n` });
    const inventory = projectInventory(path.join(root, 'dist', 'index.js'), fileBoundary(base))!;
    expect(inventory.requests.map((request) => path.relative(root, request.file))).toEqual(['dist/auth.js']);
    expect(inventory.incomplete).toBe(false);
    expect(projectInventory(path.join(root, 'src', 'index.js'), fileBoundary(base))!.requests).toEqual([]);
  });

  it('a request whose scopes come from another module is read again when that module changes', () => {
    const root = project({
      'src/scopes.js': `export const GMAIL = ['${AUTH}/gmail.readonly'];\n`,
      'src/auth.js': `import { GMAIL } from './scopes.js';\npassport.authenticate('google', { scope: GMAIL });\n`,
    });
    const file = path.join(root, 'src', 'app.js');
    const scopesOf = (): unknown =>
      projectInventory(file, fileBoundary(base))!
        .requests.filter((request) => request.file.endsWith('auth.js'))
        .map((request) => request.scopes);
    expect(scopesOf()).toEqual([[`${AUTH}/gmail.readonly`]]);
    fs.writeFileSync(path.join(root, 'src', 'scopes.js'), `export const GMAIL = ['${AUTH}/gmail.modify'];\n`);
    const later = new Date(Date.now() + 5_000);
    fs.utimesSync(path.join(root, 'src', 'scopes.js'), later, later);
    startValidationRound();
    clearProjectInventories();
    expect(scopesOf()).toEqual([[`${AUTH}/gmail.modify`]]);
  });

  it('a workspace root above the nearest package.json is the project', () => {
    const root = project({ 'packages/web/package.json': '{ "name": "web" }\n', 'packages/api/src/auth.js': AUTH_FILE });
    fs.writeFileSync(path.join(root, 'package.json'), '{ "name": "mono", "workspaces": ["packages/*"] }\n');
    const inventory = projectInventory(path.join(root, 'packages', 'web', 'src', 'app.js'), fileBoundary(base))!;
    expect(inventory.root).toBe(root);
    expect(inventory.requests.map((request) => path.relative(root, request.file))).toEqual(['packages/api/src/auth.js']);
  });
});
