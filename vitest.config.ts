import { defineConfig } from 'vitest/config';

const SETUP = ['tests/setup-rule-tester.ts'];
// Replaces a module with `vi.mock`, which needs a module registry of its own.
const MOCKING = ['tests/reliability/fail-closed.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    projects: [
      {
        // Test files share each worker's module registry: importing ESLint, typescript-eslint and the
        // plugin once per worker instead of once per file halves `npm test`. Like a long-running
        // ESLint process, this also runs every file against the plugin's warm process-wide caches;
        // a test that changes process state (the analysed APIs) restores it in `afterAll`.
        extends: true,
        test: {
          name: 'shared',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/slow/**', '**/node_modules/**', ...MOCKING],
          isolate: false,
          setupFiles: SETUP,
        },
      },
      { extends: true, test: { name: 'isolated', include: MOCKING, setupFiles: SETUP } },
    ],
  },
});
