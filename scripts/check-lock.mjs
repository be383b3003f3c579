#!/usr/bin/env node
// Fails when package-lock.json depends on a registry dist-tag (`latest`, `next`, …) that no
// `overrides` entry of package.json pins. A tag moves when its package publishes, and then the
// committed lock no longer satisfies it: `npm ci` fails on a fresh clone (it did: the SARIF
// formatter's `jschardet: "latest"`). Plain Node, no dependencies: it runs before `npm ci`.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const DEPENDENCY_FIELDS = ['dependencies', 'optionalDependencies', 'peerDependencies'];

/** `latest`, `next`, `beta`: a bare word that is no version, range, URL, path or alias. */
export function isDistTag(spec) {
  return /^[A-Za-z][\w.-]*$/.test(spec) && !/^[vV]?\d/.test(spec) && !/^[xX]$/.test(spec);
}

/** The name of the package a lock entry's key installs: `node_modules/a/node_modules/@s/b` → `@s/b`. */
function packageName(key) {
  const at = key.lastIndexOf('node_modules/');
  return at === -1 ? '' : key.slice(at + 'node_modules/'.length);
}

/** Whether `overrides` pins `name` everywhere, or below `parent`. */
function isPinned(overrides, parent, name) {
  if (overrides === undefined) return false;
  if (overrides[name] !== undefined) return true;
  const scoped = overrides[parent];
  return typeof scoped === 'object' && scoped !== null && scoped[name] !== undefined;
}

/** Every `parent → name@tag` in the lock that no override pins. */
export function unpinnedDistTags(lock, packageJson) {
  const found = [];
  for (const [key, entry] of Object.entries(lock.packages ?? {})) {
    const parent = packageName(key);
    for (const field of DEPENDENCY_FIELDS) {
      for (const [name, spec] of Object.entries(entry[field] ?? {})) {
        if (isDistTag(spec) && !isPinned(packageJson.overrides, parent, name)) {
          found.push(`${parent || packageJson.name} → ${name}@${spec}`);
        }
      }
    }
  }
  return found;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const root = path.join(path.dirname(new URL(import.meta.url).pathname), '..');
  const read = (file) => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8'));
  const found = unpinnedDistTags(read('package-lock.json'), read('package.json'));
  if (found.length > 0) {
    console.error(
      `package-lock.json depends on registry dist-tags, which move when a new version is published\n` +
        `(npm ci then fails on a fresh clone). Pin each with "overrides" in package.json:\n` +
        found.map((line) => `  ${line}`).join('\n'),
    );
    process.exit(1);
  }
  console.log('package-lock.json: no unpinned dist-tags');
}
