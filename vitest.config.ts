import { defineConfig } from 'vitest/config';

const shared = { environment: 'node' as const, testTimeout: 30_000, hookTimeout: 120_000 };

export default defineConfig({
  test: {
    // Integration and e2e tests open real SQLite files and a real browser; two cores here.
    maxWorkers: 2,
    projects: [
      {
        test: { ...shared, name: 'unit+integration', include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/integration/**/*.test.ts', 'tests/server/**/*.test.ts', 'tests/simulation/**/*.test.ts'] },
      },
      {
        // Only the browser tests need the built app: build it once, before their files start in parallel.
        test: { ...shared, name: 'e2e', include: ['tests/e2e/**/*.test.ts'], globalSetup: ['tests/e2e/build-once.ts'] },
      },
    ],
  },
});
