/**
 * The project inventory walks a whole tree the user did not ask ESLint to lint: hostile trees
 * (a symlink loop, a huge file, a binary file, an unparsable file, a symlink out of the project,
 * node_modules and build output) must end quickly, read nothing outside, and never crash.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startValidationRound } from '../../src/core/dependencies.ts';
import { fileBoundary } from '../../src/core/file-boundary.ts';
import { clearProjectInventories, projectInventory } from '../../src/google/project/index.ts';
import { tempFolder, writeFiles } from '../temp-project.ts';

const AUTH = 'https://www.googleapis.com/auth';
const base = tempFolder('inventory');
beforeEach(() => clearProjectInventories());

let count = 0;
/**
 * A fresh project folder (its own package.json) inside the boundary `base`, in a folder of its own
 * (a project right inside ESLint's working directory shares its app with the projects beside it).
 */
function project(files: Record<string, string | Buffer>): string {
  const root = path.join(base, `group${++count}`, 'p');
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
      // 3 MB: more than the analysis parses (generated code); searched, no scope in it.
      'src/huge.js': `export const x = 1;\n` + '// x\n'.repeat(800_000),
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
    // Only src/auth.js: the secret (outside the boundary), the huge and the binary file are not parsed.
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

/** Files the inventory can't parse, folders it can't list, and packages beside the project (review R4). */
describe('project inventory: what it could not see', () => {
  afterEach(() => vi.restoreAllMocks());
  const incomplete = (root: string, boundary = base): boolean =>
    projectInventory(path.join(root, 'src', 'app.js'), fileBoundary(boundary))!.incomplete;
  const TOKEN_CLIENT = `google.accounts.oauth2.initTokenClient({ client_id: 'x', scope: '${AUTH}/calendar.events' });`;

  it.each([
    ['src/Connect.vue', `<script setup>\n${TOKEN_CLIENT}\n</script>\n`],
    ['src/lib/Connect.svelte', `<script lang="ts">\n${TOKEN_CLIENT}\n</script>\n`],
    ['public/index.html', `<script>${TOKEN_CLIENT}</script>`],
    ['src/pages/index.astro', `---\n---\n<script>${TOKEN_CLIENT}</script>`],
    ['docs/connect.mdx', `export const scopes = ["${AUTH}/calendar"];`],
    ['appsscript.json', `{ "oauthScopes": ["${AUTH}/calendar"] }`],
    ['config/google.yaml', `scopes:\n  - ${AUTH}/calendar\n`],
    ['.env.local', `GOOGLE_SCOPES=${AUTH}/calendar\n`],
    ['public/bundle.min.js', `(()=>{${TOKEN_CLIENT}})();`],
    ['public/app.json', `{"scope":"https:\\/\\/www.googleapis.com\\/auth\\/calendar"}`],
    ['views/mail.ejs', `<script>const s = 'https://mail.google.com/';</script>`],
    ['public/signin.html', `<meta name="google-signin-scope" content="profile email">`],
    ['src/Login.vue', `<script>\nconst client = google.accounts.oauth2.initTokenClient({ scope: 'openid email' });\n</script>`],
    ['.env', `GOOGLE_SCOPES=openid email profile\n`],
    ['src/huge.js', '// x\n'.repeat(600_000) + TOKEN_CLIENT],
    ['src/binary.js', Buffer.concat([Buffer.from([0, 0xff]), Buffer.from(TOKEN_CLIENT)])],
  ])('%s with a scope in it makes the inventory incomplete', (file, text) => {
    expect(incomplete(project({ 'src/auth.js': AUTH_FILE, [file]: text }))).toBe(true);
  });

  it('files without a scope, files never searched, and node_modules or build output leave it complete', () => {
    const root = project({
      'src/auth.js': AUTH_FILE,
      'src/Connect.vue': `<template><a href="https://mail.google.com/mail/u/0">Gmail</a></template>\n<style scoped>a { color: red }</style>\n`,
      'public/index.html': `<link href="https://fonts.googleapis.com/css2?family=Roboto" rel="stylesheet">`,
      'src/Users.vue': `<el-table-column><template slot-scope="scope">{{ scope.row.email }}</template></el-table-column>\n`,
      'views/inbox.ejs': `<a href="https://mail.google.com/#inbox">Inbox</a>`,
      'README.md': `Requests ${AUTH}/calendar.`,
      'package-lock.json': `{ "x": "${AUTH}/calendar" }`,
      'node_modules/gis/index.html': `<script>${TOKEN_CLIENT}</script>`,
      'dist/index.html': `<script>${TOKEN_CLIENT}</script>`,
      'src/types.d.ts': `// ${AUTH}/calendar`,
    });
    expect(incomplete(root)).toBe(false);
  });

  it('a file searched once is remembered by its mtime, and searched again when it changes', () => {
    const root = project({ 'src/auth.js': AUTH_FILE, 'src/Connect.vue': '<template></template>\n' });
    expect(incomplete(root)).toBe(false);
    fs.writeFileSync(path.join(root, 'src', 'Connect.vue'), `<script>${TOKEN_CLIENT}</script>\n`);
    const later = new Date(Date.now() + 5_000);
    fs.utimesSync(path.join(root, 'src', 'Connect.vue'), later, later);
    clearProjectInventories();
    expect(incomplete(root)).toBe(true);
  });

  it('an unreadable source file, or one that is unreadable and searched, makes it incomplete', () => {
    const root = project({ 'src/auth.js': AUTH_FILE, 'src/secret.js': 'export const x = 1;\n', 'src/page.html': '<p></p>' });
    for (const name of ['secret.js', 'page.html']) {
      clearProjectInventories();
      const denied = path.join(root, 'src', name);
      const open = fs.openSync;
      vi.spyOn(fs, 'openSync').mockImplementation((file: fs.PathLike, flags: fs.OpenMode, mode?: fs.Mode | null) => {
        if (String(file) === denied) throw Object.assign(new Error('EACCES'), { code: 'EACCES' });
        return open(file, flags, mode);
      });
      expect(incomplete(root)).toBe(true);
      vi.restoreAllMocks();
    }
  });

  it('a folder that could not be listed makes it incomplete', () => {
    const root = project({ 'src/auth.js': AUTH_FILE, 'private/notes.js': 'export const x = 1;\n' });
    const denied = path.join(root, 'private');
    const readdir = fs.readdirSync;
    vi.spyOn(fs, 'readdirSync').mockImplementation(((folder: fs.PathLike, options: never) => {
      if (String(folder) === denied) throw Object.assign(new Error('EACCES'), { code: 'EACCES' });
      return readdir(folder, options);
    }) as typeof fs.readdirSync);
    expect(incomplete(root)).toBe(true);
  });

  it('packages side by side in ESLint’s working directory (or in a folder that groups them there) are one app: the others’ requests count, never as evidence', () => {
    const app = path.join(base, `group${++count}`);
    writeFiles(app, {
      'frontend/package.json': '{ "name": "frontend" }\n',
      'frontend/src/login.js': `passport.authenticate('google', { scope: ['${AUTH}/calendar.events'] });\n`,
      'backend/package.json': '{ "name": "backend" }\n',
      'backend/src/auth.js': `passport.authenticate('google', { scope: ['${AUTH}/calendar.readonly'] });\n`,
    });
    const inventory = projectInventory(path.join(app, 'backend', 'src', 'app.js'), fileBoundary(app))!;
    expect(inventory.root).toBe(app);
    expect(inventory.requests.map((request) => [path.relative(app, request.file), request.certain])).toEqual([
      ['backend/src/auth.js', true],
      ['frontend/src/login.js', false],
    ]);
    // The same inside a package.json that runs both, further down.
    const inner = path.join(base, `group${++count}`, 'app');
    writeFiles(inner, { 'package.json': '{ "private": true }\n', 'backend/package.json': '{}\n', 'frontend/package.json': '{}\n' });
    expect(projectInventory(path.join(inner, 'backend', 'src', 'app.js'), fileBoundary(base))!.root).toBe(inner);
    // A folder that only groups packages (`apps/`) is crossed, one level: the web app may mint the api's tokens.
    const grouped = path.join(base, `group${++count}`);
    writeFiles(grouped, { 'apps/web/package.json': '{}\n', 'apps/web/src/login.js': AUTH_FILE, 'apps/api/package.json': '{}\n' });
    const api = projectInventory(path.join(grouped, 'apps', 'api', 'src', 'app.js'), fileBoundary(grouped))!;
    expect(api.root).toBe(grouped);
    expect(api.requests.map((request) => [path.relative(grouped, request.file), request.certain])).toEqual([
      ['apps/web/src/login.js', false],
    ]);
    // Not a grouping folder that holds no other package, nor a folder of groups (`tests/fixtures/reach/`).
    const alone = path.join(base, `group${++count}`);
    writeFiles(alone, { 'apps/api/package.json': '{}\n', 'apps/docs/README.md': '# docs\n', 'web/src/login.js': AUTH_FILE });
    expect(projectInventory(path.join(alone, 'apps', 'api', 'src', 'app.js'), fileBoundary(alone))!.root).toBe(
      path.join(alone, 'apps', 'api'),
    );
    const nested = path.join(base, `group${++count}`);
    writeFiles(nested, {
      'tests/fixtures/a/package.json': '{}\n',
      'tests/fixtures/b/package.json': '{}\n',
      'tests/fixtures/b/login.js': AUTH_FILE,
    });
    const fixture = projectInventory(path.join(nested, 'tests', 'fixtures', 'a', 'app.js'), fileBoundary(nested))!;
    expect([fixture.root, fixture.requests]).toEqual([path.join(nested, 'tests', 'fixtures', 'a'), []]);
  });
});
