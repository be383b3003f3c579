#!/usr/bin/env node
// Sums vitest JSON reports (`--reporter=json --outputFile.json=DIR/NAME.json`) from one folder
// and prints, as the run's last line, the plain closing line CI reads: `N passed, N failed`.
// Vitest's own summary is not a format CI recognises, so without this line a green run counts as
// one that ran no test. (`tests: N passed, N failed` was not read either: the bare form is.)
import fs from 'node:fs';
import path from 'node:path';

const folder = process.argv[2];
if (folder === undefined) {
  console.error('usage: test-summary.mjs FOLDER');
  process.exit(2);
}
let passed = 0;
let failed = 0;
const files = fs
  .readdirSync(folder)
  .filter((name) => name.endsWith('.json'))
  .sort();
for (const name of files) {
  const report = JSON.parse(fs.readFileSync(path.join(folder, name), 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  console.log(`${path.basename(name, '.json')}: ${report.numPassedTests} of ${report.numTotalTests} tests passed`);
}
if (files.length === 0) {
  console.error(`no vitest reports in ${folder}`);
  process.exit(1);
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
