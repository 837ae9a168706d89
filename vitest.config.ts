import { defineConfig } from 'vitest/config';

// Two projects. `unit`: pure tests, run in parallel, no database. `db`: integration (`*.int.test.ts`) and
// HTTP API (`*.api.test.ts`) tests against one real Neo4j started by the global setup (or the one NEO4J_URI
// names); their files run one at a time because Community edition has a single user database.
export default defineConfig({
  test: {
    reporters: ['default', './test/support/summary-reporter.ts'],
    testTimeout: 60_000,
    hookTimeout: 300_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts', 'console/test/**/*.test.ts'],
          exclude: ['test/**/*.int.test.ts', 'test/**/*.api.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'db',
          include: ['test/**/*.int.test.ts', 'test/**/*.api.test.ts'],
          globalSetup: ['test/support/global-setup.ts'],
          fileParallelism: false,
        },
      },
    ],
  },
});
