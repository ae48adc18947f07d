import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['engine/**/*.test.ts', 'test/unit/**/*.test.ts', 'test/service/**/*.test.ts', 'test/console/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // Console tests run real processes in pseudo-terminals; two cores share them.
    maxWorkers: 2,
  },
});
