import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const SCRIPT = join(import.meta.dirname, '../../scripts/test-summary.mjs');

function reportsFolder(reports: Record<string, { passed: number; failed: number }>): string {
  const folder = mkdtempSync(join(tmpdir(), 'test-summary-'));
  for (const [name, { passed, failed }] of Object.entries(reports)) {
    const report = { numPassedTests: passed, numFailedTests: failed, numTotalTests: passed + failed };
    writeFileSync(join(folder, `${name}.json`), JSON.stringify(report));
  }
  return folder;
}

describe('scripts/test-summary.mjs (the closing line CI reads)', () => {
  it('ends with the bare `N passed, N failed` line, summed over every report', () => {
    const output = execFileSync(
      process.execPath,
      [SCRIPT, reportsFolder({ node20: { passed: 5, failed: 0 }, slow: { passed: 2, failed: 0 } })],
      {
        encoding: 'utf8',
      },
    );
    expect(output.trimEnd().split('\n')).toEqual(['node20: 5 of 5 tests passed', 'slow: 2 of 2 tests passed', '7 passed, 0 failed']);
  });

  it('exits 1 when a test failed, and when there is no report at all', () => {
    const failing = spawnSync(process.execPath, [SCRIPT, reportsFolder({ node20: { passed: 5, failed: 1 } })], { encoding: 'utf8' });
    expect(failing.status).toBe(1);
    expect(failing.stdout.trimEnd().split('\n').at(-1)).toBe('5 passed, 1 failed');
    const empty = spawnSync(process.execPath, [SCRIPT, reportsFolder({})], { encoding: 'utf8' });
    expect(empty.status).toBe(1);
  });
});
