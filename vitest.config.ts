import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    exclude: ['tests/bench/**', 'node_modules/**'],
    environment: 'node',
    globalSetup: ['tests/e2e/build-once.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Integration and e2e tests open real SQLite files and a real browser; two cores here.
    maxWorkers: 2,
  },
});
