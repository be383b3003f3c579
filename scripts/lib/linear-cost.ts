/**
 * `npm run bench` — linear cost inside one file: the plugin's rules on synthetic files that grow
 * along one dimension at a time (file size, calls on one client, scope-list length), each at n
 * and 8n. Linear cost shows as ×8 time for ×8 size; quadratic would be ×64.
 */
import { Linter } from 'eslint';
import type { ESLint } from 'eslint';
import plugin from '../../src/index.ts';

const PREFIX = 'googleapis-scopes';
const AUTH = 'https://www.googleapis.com/auth';
const HEADER = "import { google } from 'googleapis';\n";

const DIMENSIONS: readonly { readonly name: string; readonly unit: string; readonly make: (n: number) => string }[] = [
  {
    name: 'file size',
    unit: 'functions',
    make: (n) =>
      HEADER +
      Array.from(
        { length: n },
        (_, index) =>
          `export function list${index}() {\n  const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/gmail.labels'] });\n  const gmail = google.gmail({ version: 'v1', auth });\n  return gmail.users.labels.list({ userId: 'me' });\n}\n`,
      ).join(''),
  },
  {
    name: 'calls on one client',
    unit: 'calls',
    make: (n) =>
      `${HEADER}const auth = new google.auth.GoogleAuth({ scopes: ['${AUTH}/gmail.readonly'] });\nconst gmail = google.gmail({ version: 'v1', auth });\n` +
      "gmail.users.messages.send({ userId: 'me' });\n".repeat(n),
  },
  {
    name: 'scope-list length',
    unit: 'strings',
    make: (n) =>
      `${HEADER}const auth = new google.auth.GoogleAuth({ scopes: [${Array.from({ length: n }, (_, index) => `'gmail.${index % 2 === 0 ? 'labels' : 'sned'}'`).join(', ')}] });\n`,
  },
];

export function measureLinearCost(log: (line?: string) => void, base = 1_000): void {
  const linter = new Linter({ configType: 'flat' });
  const config: Linter.Config[] = [
    {
      files: ['**/*.js'],
      plugins: { [PREFIX]: plugin as unknown as ESLint.Plugin },
      rules: Object.fromEntries(Object.keys(plugin.rules).map((name) => [`${PREFIX}/${name}`, 'error'])),
    },
  ];
  const time = (code: string): number => {
    const started = performance.now();
    linter.verify(code, config, { filename: 'bench.js' });
    return performance.now() - started;
  };
  for (const dimension of DIMENSIONS) time(dimension.make(Math.ceil(base / 4))); // warm-up
  log(`Linear cost in one file (every rule, in process; n = ${base}, then 8n):`);
  for (const { name, unit, make } of DIMENSIONS) {
    const small = time(make(base));
    const large = time(make(8 * base));
    log(
      `  ${name.padEnd(22)} ${`${base} → ${8 * base} ${unit}`.padEnd(26)} ${`${small.toFixed(0)} → ${large.toFixed(0)} ms`.padEnd(20)} ×${(large / small).toFixed(1)} (linear: ×8)`,
    );
  }
  log();
}
