/** The one test of `explain` that spawns the executable: standard input from a pipe, exit code, stdout. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const APP = path.join(import.meta.dirname, '..', 'fixtures', 'explain', 'app');
const MAIN = path.join(import.meta.dirname, '..', '..', 'src', 'cli', 'main.ts');

describe('googleapis-scopes explain (spawned)', () => {
  it('reads the error piped to standard input and exits 0', () => {
    const input = readFileSync(path.join(APP, '..', 'errors', 'delete-gaxios.txt'), 'utf8');
    const result = spawnSync(process.execPath, ['--import', 'tsx', MAIN, 'explain', '--format', 'json'], {
      cwd: APP,
      input,
      encoding: 'utf8',
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      method: 'users.messages.delete',
      fix: ['Add `https://mail.google.com/` to the scope list at `src/cleanup.js:5`.'],
    });
  });
});
