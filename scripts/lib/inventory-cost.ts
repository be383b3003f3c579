/**
 * `npm run bench` — the project's scope inventory (src/google/project/) on a synthetic project of
 * 5,000 source files: the first build (paid once per lint process) and a re-check once its cache
 * is stale (each file's mtime is compared, nothing is parsed again). Issue 14's target: the first
 * build under one second on the 2-core development machine.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileBoundary } from '../../src/core/file-boundary.ts';
import { clearProjectInventories, projectInventory } from '../../src/google/project/index.ts';
import { ensureWorkDir } from './bench-corpus.ts';

const FILES = 5000;
const PER_FOLDER = 100;
const AUTH = 'https://www.googleapis.com/auth';

/** A project whose files are ordinary code, one in fifty requesting a scope (as auth helpers do). */
function makeProject(root: string): string {
  fs.rmSync(root, { recursive: true, force: true });
  fs.mkdirSync(root, { recursive: true });
  fs.writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'inventory-bench', private: true }));
  for (let index = 0; index < FILES; index++) {
    const folder = path.join(root, 'src', `m${Math.floor(index / PER_FOLDER)}`);
    if (index % PER_FOLDER === 0) fs.mkdirSync(folder, { recursive: true });
    const text =
      index % 50 === 0
        ? `import { google } from 'googleapis';\nexport const auth${index} = new google.auth.GoogleAuth({ scopes: ['${AUTH}/gmail.readonly'] });\n`
        : `export function f${index}(items) {\n  return items.filter((item) => item.id !== ${index}).map((item) => ({ ...item, seen: true }));\n}\n`;
    fs.writeFileSync(path.join(folder, `file${index}.js`), text);
  }
  return path.join(root, 'src', 'm0', 'file1.js');
}

export function measureInventoryCost(log: (line?: string) => void): void {
  const root = path.join(ensureWorkDir(), 'inventory-project');
  const linted = makeProject(root);
  const boundary = fileBoundary(root);
  clearProjectInventories();
  let started = performance.now();
  const inventory = projectInventory(linted, boundary);
  const firstMs = performance.now() - started;
  // Past the once-a-second re-check: every file's mtime is compared again, nothing re-parsed.
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1100);
  started = performance.now();
  projectInventory(linted, boundary);
  const recheckMs = performance.now() - started;
  log(`Project inventory, ${FILES} files (${FILES / 50} with a scope request):`);
  log(
    `  first build ${firstMs.toFixed(0)} ms, re-check ${recheckMs.toFixed(0)} ms; ${inventory?.requests.length ?? 0} requests found${inventory?.incomplete === false ? '' : ' (incomplete!)'}`,
  );
  log();
}
