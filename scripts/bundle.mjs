// The first step of `npm run build`: empties the output folder, then bundles the published
// JavaScript from the TypeScript source (tsc then writes only the type declarations,
// scripts/copy-data.mjs the data). Node's ES module loader costs about a millisecond per file,
// and the plugin's import went through about a hundred: a handful of files is most of what
// brings it under 50 ms (docs/performance.md). One ES module per entry point, at the path
// package.json names, and the code they share in chunks beside dist/index.js (one copy in the
// package, and one instance of each cache when a process imports both the plugin and
// `./scopes`). Dependencies and peers stay imports; a bundle that would take in anything from
// node_modules fails the build.
//   node scripts/bundle.mjs [OUT_DIR]   (default dist/)
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = path.resolve(root, process.argv[2] ?? 'dist');
const packageJson = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

/** The entry points (package.json's `exports` and `bin`): src/index.ts → index.js, src/cli/main.ts → cli/main.js. */
const ENTRY_POINTS = ['src/index.ts', 'src/scopes/public.ts', 'src/cli/main.ts'];
/** The module that finds package.json and the data from its own URL (BUNDLE_TO_CODE_ROOT: from its chunk to outDir). */
const FILE_FINDER = 'src/scopes/package-files.ts';

// An earlier build's files (the unbundled modules of older builds among them) would be packed.
rmSync(outDir, { recursive: true, force: true });

const { metafile } = await build({
  absWorkingDir: root,
  entryPoints: ENTRY_POINTS,
  outbase: 'src',
  outdir: outDir,
  splitting: true,
  chunkNames: 'chunk-[hash]',
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  external: Object.keys({ ...packageJson.dependencies, ...packageJson.peerDependencies }),
  metafile: true,
  logLevel: 'warning',
  define: { BUNDLE_TO_CODE_ROOT: JSON.stringify('./') },
});

const foreign = Object.keys(metafile.inputs).filter((input) => !input.startsWith('src/'));
if (foreign.length > 0) throw new Error(`the bundles would take in code from outside src/: ${foreign.join(', ')}`);
// Every entry point imports the finder, so it lies in a shared chunk, which is in outDir itself.
const finders = Object.entries(metafile.outputs).filter(([, output]) => Object.hasOwn(output.inputs, FILE_FINDER));
const misplaced = finders.filter(([output]) => path.dirname(path.resolve(root, output)) !== outDir);
if (finders.length !== 1 || misplaced.length > 0) {
  throw new Error(`${FILE_FINDER} is in ${finders.map(([output]) => output).join(', ')}, not in one chunk directly in ${outDir}`);
}
