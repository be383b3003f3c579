// Packs the generated all-API data (read at run time, never imported, so tsc does not emit it)
// next to the built module that reads it: every src/scopes/data/apis/*.json gzipped into one
// file, dist/scopes/data/apis.pack, with a table of where each one lies (apis.pack.json).
// 4 MB of JSON in 605 files becomes about 0.6 MB in two, and a lookup still reads only the
// slice of the API version it needs (src/scopes/apis-data.ts reads either form).
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

const from = new URL('../src/scopes/data/apis/', import.meta.url);
// `node scripts/copy-data.mjs [OUT_DIR]`: OUT_DIR is the build's folder (dist/, or the benchmark's .bench/dist).
const outDir =
  process.argv[2] === undefined ? new URL('../dist/', import.meta.url) : pathToFileURL(`${process.argv[2].replace(/\/$/, '')}/`);
const to = new URL('scopes/data/', outDir);
rmSync(new URL('apis/', to), { recursive: true, force: true });
mkdirSync(to, { recursive: true });
const slices = {};
const parts = [];
let offset = 0;
for (const name of readdirSync(from)
  .filter((file) => file.endsWith('.json'))
  .sort()) {
  const gzipped = gzipSync(readFileSync(new URL(name, from)), { level: 9 });
  slices[name] = [offset, gzipped.length];
  parts.push(gzipped);
  offset += gzipped.length;
}
writeFileSync(new URL('apis.pack', to), Buffer.concat(parts));
writeFileSync(new URL('apis.pack.json', to), `${JSON.stringify(slices)}\n`);
