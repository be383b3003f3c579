// Copies the generated all-API data (read at run time, never imported, so tsc does not emit it)
// next to the built module that reads it: src/scopes/data/apis -> dist/scopes/data/apis.
import { cpSync, rmSync } from 'node:fs';

const from = new URL('../src/scopes/data/apis/', import.meta.url);
const to = new URL('../dist/scopes/data/apis/', import.meta.url);
rmSync(to, { recursive: true, force: true });
cpSync(from, to, { recursive: true });
