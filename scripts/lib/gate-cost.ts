/**
 * `npm run bench` — the file gate alone (src/google/file-gate.ts), in process: the CPU time of
 * `mentionsGoogleApis` over the corpus (the files parsed once beforehand, as ESLint hands them
 * over), median of 7 rounds, and how many files it opens. Only files it opens are analysed.
 */
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { SourceCode } from 'eslint';
import * as espree from 'espree';

type Gate = (sourceCode: SourceCode) => boolean;

export async function measureGateCost(pluginEntry: string, files: readonly string[], log: (line?: string) => void): Promise<void> {
  const { mentionsGoogleApis } = (await import(new URL('./google/file-gate.js', pathToFileURL(pluginEntry)).href)) as {
    mentionsGoogleApis: Gate;
  };
  let bytes = 0;
  const sources = files.map((file) => {
    const text = fs.readFileSync(file, 'utf8');
    bytes += text.length;
    const ast = espree.parse(text, { ecmaVersion: 'latest', sourceType: 'script', comment: true, tokens: true, range: true, loc: true });
    return new SourceCode({ text, ast } as never);
  });
  const times: number[] = [];
  let opened = 0;
  for (let round = 0; round < 7; round++) {
    opened = 0;
    const start = process.cpuUsage();
    for (const sourceCode of sources) if (mentionsGoogleApis(sourceCode)) opened++;
    const used = process.cpuUsage(start);
    times.push((used.user + used.system) / 1000);
  }
  times.sort((a, b) => a - b);
  log(`File gate (in process, CPU, median of 7 rounds; the first round builds it):`);
  log(
    `  ${files.length} files (${(bytes / 1e6).toFixed(1)} MB): ${times[3]!.toFixed(1)} ms (${times[0]!.toFixed(1)}–${times.at(-1)!.toFixed(1)}); ${opened} opened for analysis`,
  );
  log();
}
