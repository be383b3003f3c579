import { defineConfig } from 'vitest/config';

// Timing-ratio suites: too slow and too load-sensitive for `npm test`; CI runs them on their own.
export default defineConfig({
  test: {
    include: ['tests/slow/**/*.test.ts'],
    testTimeout: 120_000,
    setupFiles: ['tests/setup-rule-tester.ts'],
    fileParallelism: false,
  },
});
