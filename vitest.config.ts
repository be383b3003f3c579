import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/slow/**', '**/node_modules/**'],
    testTimeout: 30_000,
    setupFiles: ['tests/setup-rule-tester.ts'],
  },
});
