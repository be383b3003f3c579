/**
 * A generated set of hostile or merely odd inputs, written into a fresh directory: the cases
 * that once hung, crashed or leaked (deep module chains, spread and template bombs, huge
 * arrays, `/proc` and `/dev` imports, symlink loops, imports from outside the project). Used by
 * `npm run corpus:crash` and by tests/reliability/.
 *
 * Layout: `<dir>/outside/` holds a "secret" the project must never read; `<dir>/project/` is
 * ESLint's working directory with one file per case.
 */
import fs from 'node:fs';
import path from 'node:path';

export const SECRET = 'hunter2-do-not-print';
const READONLY = 'https://www.googleapis.com/auth/gmail.readonly';
const HEADER = "import { google } from 'googleapis';\n";
const SEND = "gmail.users.messages.send({ userId: 'me', requestBody: { raw: '' } });\n";

export interface HostileSet {
  /** ESLint's working directory. */
  readonly project: string;
  /** Files to lint, relative to `project`, with what each one probes. */
  readonly cases: readonly { readonly file: string; readonly probes: string }[];
}

/** Enough `..` to reach `/` from any temporary directory. */
const TO_ROOT = Array.from({ length: 40 }, () => '..').join('/');

export function writeHostileSet(dir: string, sizes: { chain?: number; array?: number; calls?: number } = {}): HostileSet {
  const chain = sizes.chain ?? 2000;
  const arrayLength = sizes.array ?? 20_000;
  const calls = sizes.calls ?? 5_000;
  const project = path.join(dir, 'project');
  const write = (file: string, text: string): void => {
    const target = path.join(dir, file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, text);
  };
  const cases: { file: string; probes: string }[] = [];
  const add = (file: string, probes: string, text: string): void => {
    write(path.join('project', file), text);
    cases.push({ file, probes });
  };

  write('outside/secrets.js', `export const DB_PASSWORD = '${SECRET}';\nexport const SCOPES = ['${SECRET}'];\n`);
  add(
    'outside-import.js',
    'a constant imported from outside the project is never read',
    `${HEADER}import { DB_PASSWORD } from '../outside/secrets.js';\nconst auth = new google.auth.GoogleAuth({ scopes: [DB_PASSWORD] });\nconst gmail = google.gmail({ version: 'v1', auth });\n${SEND}`,
  );
  fs.symlinkSync(path.join(dir, 'outside', 'secrets.js'), path.join(project, 'linked-secrets.js'));
  add(
    'symlink-import.js',
    'a symlink inside the project that points outside it is never followed',
    `${HEADER}import { SCOPES } from './linked-secrets.js';\nconst auth = new google.auth.GoogleAuth({ scopes: SCOPES });\nconst gmail = google.gmail({ version: 'v1', auth });\n${SEND}`,
  );
  for (const [name, special] of [
    ['proc-pagemap', 'proc/self/pagemap'],
    ['proc-kmsg', 'proc/kmsg'],
    ['dev-zero', 'dev/zero'],
  ] as const) {
    add(
      `${name}.js`,
      `an import of /${special} is never opened`,
      `${HEADER}import { SCOPES } from '${TO_ROOT}/${special}';\nconst auth = new google.auth.GoogleAuth({ scopes: SCOPES });\nconst gmail = google.gmail({ version: 'v1', auth });\n${SEND}`,
    );
  }

  // A client re-exported through `chain` modules, and a scope constant re-exported as far.
  for (let index = 0; index < chain; index++) {
    const next = `./m${index + 1}.js`;
    write(
      `project/chain/m${index}.js`,
      index === chain - 1
        ? `${HEADER}export const SCOPES = ['${READONLY}'];\nconst auth = new google.auth.GoogleAuth({ scopes: SCOPES });\nexport const gmail = google.gmail({ version: 'v1', auth });\n`
        : // The string opens each module to the analysis (files that never mention Google are skipped).
          `import { gmail } from '${next}';\nexport { gmail };\nexport { SCOPES } from '${next}';\nexport const LIBRARY = 'googleapis';\n`,
    );
  }
  add(
    'deep-chain.js',
    `a client and a constant re-exported through ${chain} modules`,
    `import { gmail, SCOPES } from './chain/m0.js';\nexport const copy = SCOPES;\n${SEND}`,
  );

  const bomb = (kind: 'spread' | 'template'): string => {
    const lines = [`const c0 = ${kind === 'spread' ? `['${READONLY}']` : `'${READONLY} '`};`];
    for (let level = 1; level <= 7; level++) {
      const previous = `c${level - 1}`;
      const parts = Array.from({ length: 10 }, () => (kind === 'spread' ? `...${previous}` : `\${${previous}}`));
      lines.push(`const c${level} = ${kind === 'spread' ? `[${parts.join(', ')}]` : `\`${parts.join('')}\``};`);
    }
    return `${HEADER}${lines.join('\n')}\nconst auth = new google.auth.GoogleAuth({ scopes: c7 });\nconst gmail = google.gmail({ version: 'v1', auth });\n${SEND}`;
  };
  add('spread-bomb.js', 'seven constants, each spreading the previous one ten times', bomb('spread'));
  add('template-bomb.js', 'seven template strings, each repeating the previous one ten times', bomb('template'));

  const shortNames = Array.from({ length: arrayLength }, (_, index) => `'gmail.${index % 2 === 0 ? 'readonly' : 'sned'}'`);
  add(
    'huge-array.js',
    `${arrayLength} scope strings in one array, each one a valid-scope report`,
    `${HEADER}const auth = new google.auth.GoogleAuth({ scopes: [${shortNames.join(', ')}] });\n`,
  );
  const restricted = Array.from({ length: arrayLength }, () => "'https://mail.google.com/'");
  add(
    'repeated-scopes.js',
    `${arrayLength} restricted scopes in one array`,
    `${HEADER}const auth = new google.auth.GoogleAuth({ scopes: [${restricted.join(', ')}] });\n`,
  );
  const manyCalls = Array.from({ length: calls }, () => SEND).join('');
  add(
    'many-calls.js',
    `${calls} calls on one client`,
    `${HEADER}const auth = new google.auth.GoogleAuth({ scopes: ['${READONLY}'] });\nconst gmail = google.gmail({ version: 'v1', auth });\n${manyCalls}`,
  );

  // Folders that contain themselves: whatever walks the tree must not follow them.
  fs.mkdirSync(path.join(project, 'loop'), { recursive: true });
  fs.symlinkSync('.', path.join(project, 'loop', 'x'));
  fs.symlinkSync('.', path.join(project, 'loop', 'y'));
  add('loop/app.js', 'a folder with two symlinks to itself', `${HEADER}const gmail = google.gmail('v1');\n`);
  return { project, cases };
}
