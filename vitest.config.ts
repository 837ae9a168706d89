import { defineConfig } from 'vitest/config';

// Unit tests (`*.test.ts`) are pure and run in parallel. Integration and API tests (`*.int.test.ts`,
// `*.api.test.ts`) share the one real Neo4j started by the global setup, so the whole run uses one
// fork at a time for files that touch the database (Community edition has a single user database).
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 300_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
