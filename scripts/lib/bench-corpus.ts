/**
 * Real code to lint for the benchmark and the crash corpus, from installed dev dependencies:
 * - JS: the `googleapis` package's generated clients (~936 files, ~900k lines), replicated
 *   (hard links) for the 2× / 4× scaling runs;
 * - TS: `rxjs`'s TypeScript sources plus generated Gmail programs that import `googleapis`,
 *   with a tsconfig, for typed runs (projectService);
 * - more JS/TS for the crash corpus: other packages' sources and declaration files.
 * Everything is written under `.bench/` (ignored by git and by this repo's ESLint config).
 */
import fs from 'node:fs';
import path from 'node:path';
import { samplePrograms } from '../../tests/fuzz/gmail-programs.ts';

export const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');
export const WORK_DIR = path.join(REPO_ROOT, '.bench');
const NODE_MODULES = path.join(REPO_ROOT, 'node_modules');
export const GOOGLEAPIS_APIS = path.join(NODE_MODULES, 'googleapis', 'build', 'src', 'apis');

export function ensureWorkDir(): string {
  fs.mkdirSync(WORK_DIR, { recursive: true });
  // The folder ignores itself, whatever the repository's .gitignore says.
  fs.writeFileSync(path.join(WORK_DIR, '.gitignore'), '*\n');
  return WORK_DIR;
}

/** Files under `dir` whose names end with one of `suffixes`, sorted, as paths relative to `dir`. */
export function listFiles(dir: string, suffixes: readonly string[], exclude: (relative: string) => boolean = () => false): string[] {
  const out: string[] = [];
  const walk = (current: string): void => {
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      const relative = path.relative(dir, full);
      if (exclude(relative)) continue;
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && suffixes.some((suffix) => entry.name.endsWith(suffix))) out.push(relative);
    }
  };
  walk(dir);
  return out.sort();
}

/** The googleapis generated JS, relative to GOOGLEAPIS_APIS. */
export function googleapisJsFiles(): string[] {
  return listFiles(GOOGLEAPIS_APIS, ['.js']);
}

function linkOrCopy(from: string, to: string): void {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  try {
    fs.linkSync(from, to);
  } catch {
    fs.copyFileSync(from, to);
  }
}

/**
 * `.bench/js-N/r0 … r{copies-1}`: each a copy (hard links) of `limit` googleapis files.
 * Returns the corpus root and the glob patterns for 1×, 2×, … copies.
 */
export function prepareJsCorpus(
  copies: number,
  limit = Infinity,
): { root: string; patternsFor: (n: number) => string[]; files: number; sample: readonly string[] } {
  const all = googleapisJsFiles();
  // A smaller corpus is an even sample (every k-th file), not the alphabetically first ones.
  const step = Number.isFinite(limit) && limit < all.length ? Math.floor(all.length / limit) : 1;
  const files = all.filter((_, index) => index % step === 0).slice(0, limit);
  const root = path.join(ensureWorkDir(), `js-${Number.isFinite(limit) ? limit : 'all'}`);
  for (let copy = 0; copy < copies; copy++) {
    const dir = path.join(root, `r${copy}`);
    const marker = path.join(dir, '.complete');
    if (fs.existsSync(marker)) continue;
    fs.rmSync(dir, { recursive: true, force: true });
    for (const file of files) linkOrCopy(path.join(GOOGLEAPIS_APIS, file), path.join(dir, file));
    fs.writeFileSync(marker, '');
  }
  return {
    root,
    files: files.length,
    sample: files.map((file) => path.join(GOOGLEAPIS_APIS, file)),
    patternsFor: (n) => Array.from({ length: n }, (_, copy) => `r${copy}/**/*.js`),
  };
}

/** Number of generated Gmail programs in the typed corpus (about one file in ten, as in a real app). */
export const TS_GMAIL_PROGRAMS = 25;

/** `.bench/ts`: rxjs sources + generated Gmail programs + a tsconfig for projectService. */
export function prepareTsCorpus(): { root: string; files: number } {
  const root = path.join(ensureWorkDir(), 'ts');
  const marker = path.join(root, '.complete');
  if (!fs.existsSync(marker)) {
    fs.rmSync(root, { recursive: true, force: true });
    const rxjs = path.join(NODE_MODULES, 'rxjs', 'src');
    for (const file of listFiles(rxjs, ['.ts'], (relative) => relative.endsWith('.d.ts'))) {
      linkOrCopy(path.join(rxjs, file), path.join(root, 'rxjs', file));
    }
    for (const program of samplePrograms(TS_GMAIL_PROGRAMS, 8, { language: 'ts', moduleStyle: 'esm' })) {
      fs.mkdirSync(path.join(root, 'gmail'), { recursive: true });
      fs.writeFileSync(path.join(root, 'gmail', program.filename), program.text);
    }
    fs.writeFileSync(
      path.join(root, 'tsconfig.json'),
      `${JSON.stringify(
        {
          compilerOptions: {
            target: 'ES2022',
            module: 'ESNext',
            moduleResolution: 'Bundler',
            lib: ['ES2022', 'DOM'],
            types: ['node'],
            strict: true,
            skipLibCheck: true,
            noEmit: true,
          },
          include: ['rxjs/**/*.ts', 'gmail/**/*.ts'],
        },
        null,
        2,
      )}\n`,
    );
    fs.writeFileSync(marker, '');
  }
  return { root, files: listFiles(root, ['.ts']).length };
}

/** Sources for the crash corpus: [root, files relative to root] per package. */
export function crashCorpusSources(): { name: string; root: string; files: string[] }[] {
  const tooBig = (file: string): boolean => fs.statSync(file).size > 2_000_000;
  const sources: { name: string; root: string; files: string[] }[] = [];
  const add = (name: string, root: string, suffixes: readonly string[], skip: (relative: string) => boolean = () => false): void => {
    if (!fs.existsSync(root)) return;
    const files = listFiles(root, suffixes, (relative) => relative.split(path.sep).includes('node_modules') || skip(relative)).filter(
      (file) => !tooBig(path.join(root, file)),
    );
    sources.push({ name, root, files });
  };
  add('this repo: fixtures, examples', REPO_ROOT, ['.js', '.mjs', '.cjs', '.ts', '.tsx', '.jsx'], (relative) => {
    const top = relative.split(path.sep)[0];
    return top !== 'tests' && top !== 'examples';
  });
  add('googleapis (generated JS)', GOOGLEAPIS_APIS, ['.js']);
  add('googleapis (typings .d.ts)', GOOGLEAPIS_APIS, ['.d.ts']);
  add('@googleapis/gmail', path.join(NODE_MODULES, '@googleapis', 'gmail', 'build'), ['.js', '.d.ts']);
  add('googleapis-common', path.join(NODE_MODULES, 'googleapis-common', 'build'), ['.js', '.d.ts']);
  add('google-auth-library', path.join(NODE_MODULES, 'google-auth-library', 'build'), ['.js', '.d.ts']);
  add('rxjs (TS sources)', path.join(NODE_MODULES, 'rxjs', 'src'), ['.ts']);
  add('rxjs (CJS/ESM builds)', path.join(NODE_MODULES, 'rxjs', 'dist'), ['.js'], (relative) => relative.startsWith('bundles'));
  add('eslint (JS)', path.join(NODE_MODULES, 'eslint', 'lib'), ['.js']);
  add('typescript-eslint (JS + .d.ts)', path.join(NODE_MODULES, '@typescript-eslint'), ['.js', '.d.ts']);
  add('fast-check (ESM + .d.ts)', path.join(NODE_MODULES, 'fast-check', 'lib', 'esm'), ['.js', '.d.ts']);
  add('vitest (JS)', path.join(NODE_MODULES, 'vitest', 'dist'), ['.js']);
  add('typescript (lib .d.ts)', path.join(NODE_MODULES, 'typescript', 'lib'), ['.d.ts']);
  add('@types/node', path.join(NODE_MODULES, '@types', 'node'), ['.d.ts']);
  return sources;
}
