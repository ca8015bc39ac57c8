// `npm test` runs every test on the embedded database (PGlite: TEST_DATABASE_URL empty) and then the tests that
// touch a database again on the PostgreSQL server, so both stay supported.
import { defineConfig } from 'vitest/config';

const postgresUrl = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // PGlite instances are memory-hungry WebAssembly; two forks suit the 2-core machines.
    pool: 'forks',
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: { name: 'pglite', include: ['tests/**/*.test.ts'], env: { TEST_DATABASE_URL: '' } },
      },
      {
        extends: true,
        test: {
          name: 'postgres',
          include: ['tests/integration/**/*.test.ts', 'tests/e2e/**/*.test.ts'],
          env: { TEST_DATABASE_URL: postgresUrl },
        },
      },
    ],
  },
});
