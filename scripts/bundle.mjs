// The first step of `npm run build`: empties the output folder, then bundles the published
// JavaScript, one ES module per entry point at the path package.json names, from the TypeScript
// source (tsc then writes only the type declarations, scripts/copy-data.mjs the data).
// Node's ES module loader costs about a millisecond per file, and dist/ had about a hundred:
// one file is most of what brings the plugin's import under 50 ms (docs/performance.md).
// Dependencies and peers stay imports; a bundle that takes in anything from node_modules fails
// the build.
//   node scripts/bundle.mjs [OUT_DIR]   (default dist/)
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = path.resolve(root, process.argv[2] ?? 'dist');
const packageJson = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

/** Source entry → bundle, relative to outDir: the paths package.json's `exports` and `bin` name. */
const ENTRY_POINTS = {
  'src/index.ts': 'index.js',
  'src/scopes/public.ts': 'scopes/public.js',
  'src/cli/main.ts': 'cli/main.js',
};

const external = Object.keys({ ...packageJson.dependencies, ...packageJson.peerDependencies });

// An earlier build's files (the unbundled modules of older builds among them) would be packed.
rmSync(outDir, { recursive: true, force: true });

for (const [source, bundle] of Object.entries(ENTRY_POINTS)) {
  const { metafile } = await build({
    absWorkingDir: root,
    entryPoints: [source],
    outfile: path.join(outDir, bundle),
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20.19',
    external,
    metafile: true,
    logLevel: 'warning',
    // src/scopes/package-files.ts finds package.json and the data from the code's folder (outDir).
    define: { BUNDLE_TO_CODE_ROOT: JSON.stringify(`${path.posix.relative(path.posix.dirname(bundle), '.') || '.'}/`) },
  });
  const foreign = Object.keys(metafile.inputs).filter((input) => !input.startsWith('src/'));
  if (foreign.length > 0) throw new Error(`${bundle} would take in code from outside src/: ${foreign.join(', ')}`);
}
