/**
 * `npm run demo`: lint the bundled example app (examples/) with the plugin's strict config and
 * print the findings. The app has deliberate scope bugs, so findings are the expected result;
 * the command fails only if ESLint itself fails (a crash or a parse error).
 */
import path from 'node:path';
import { ESLint } from 'eslint';

const root = path.resolve(import.meta.dirname, '..');
const eslint = new ESLint({ cwd: path.join(root, 'examples'), overrideConfigFile: path.join(root, 'examples', 'eslint.config.js') });
const results = await eslint.lintFiles(['.']);
const formatter = await eslint.loadFormatter('stylish');
process.stdout.write(await formatter.format(results));

const fatal = results.flatMap((result) => result.messages.filter((message) => message.fatal === true));
const findings = results.reduce((sum, result) => sum + result.errorCount + result.warningCount, 0);
console.log(`${findings} finding(s) in ${results.length} example file(s). Try: npx eslint --config examples/eslint.config.js examples --fix`);
if (fatal.length > 0) {
  console.error(`${fatal.length} file(s) could not be linted.`);
  process.exitCode = 2;
}
