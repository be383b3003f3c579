import { defineConfig } from 'vitest/config';

// Suites CI runs on their own, outside `npm test`: timing ratios (too slow and load-sensitive),
// and docs/ci.md's SARIF recipe, whose formatter `npm run test:slow` installs without saving it
// (its `jschardet: "latest"` dependency would put a moving tag in package-lock.json).
export default defineConfig({
  test: {
    include: ['tests/slow/**/*.test.ts'],
    testTimeout: 120_000,
    setupFiles: ['tests/setup-rule-tester.ts'],
    fileParallelism: false,
  },
});
