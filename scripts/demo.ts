/**
 * `npm run demo`: lint the bundled example app (examples/src) with the plugin's strict config and
 * print the findings. The app has deliberate scope bugs, so findings are the expected result;
 * the command fails only if ESLint itself fails (a crash or a parse error).
 * `npm run demo -- --readme` also writes the (uncoloured) output into README.md.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, demoOutput, replaceReadmeDemo } from './lib/demo-output.ts';

const writeReadme = process.argv.includes('--readme');
const { text, fatal } = await demoOutput({ color: process.stdout.isTTY === true && !writeReadme });
process.stdout.write(text);
if (writeReadme) {
  const readme = path.join(REPO_ROOT, 'README.md');
  writeFileSync(readme, replaceReadmeDemo(readFileSync(readme, 'utf8'), text));
}
if (fatal > 0) {
  console.error(`${fatal} file(s) could not be linted.`);
  process.exitCode = 2;
}
