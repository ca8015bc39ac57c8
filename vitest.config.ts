// `npm test` runs every test on the embedded database (PGlite: TEST_DATABASE_URL empty) and then the tests that
// touch a database again on the PostgreSQL server, so both stay supported.
import { defineConfig } from 'vitest/config';
import { browserTestPlan } from './tests/support/browser-availability.js';

const postgresUrl = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

// Without Chromium (and outside CI) the browser tests are left out with one line.
const browsers = browserTestPlan(process.env);
// The config is read again in each worker, which inherits this variable: say it once.
if (browsers.message && !process.env.REAP_BROWSER_NOTICE_SHOWN) {
  console.warn(browsers.message);
  process.env.REAP_BROWSER_NOTICE_SHOWN = '1';
}

export default defineConfig({
  test: {
    testTimeout: 60_000,
    // Migrated and seeded database templates, made once per run (tests/support/database-templates.ts).
    globalSetup: ['tests/support/global-setup.ts'],
    hookTimeout: 120_000,
    // PGlite instances are memory-hungry WebAssembly; two forks suit the 2-core machines.
    pool: 'forks',
    maxWorkers: 2,
    // Each fork keeps its loaded modules from one test file to the next instead of loading
    // Bolt, Prisma and the app again for every file: that was most of the suite's time.
    // So a test that changes something global (process.env, console, a module's cache)
    // puts it back in a finally or afterEach, as CONTRIBUTING.md says.
    isolate: false,
    projects: [
      {
        extends: true,
        test: {
          name: 'pglite',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/build/**', ...(browsers.run ? [] : ['tests/browser/**'])],
          env: { TEST_DATABASE_URL: '' },
        },
      },
      {
        extends: true,
        test: {
          // npm ci and a full compile in a copy of the repository: run after everything
          // else, so they do not take the cores from the timing-sensitive tests.
          name: 'build',
          include: ['tests/build/**/*.test.ts'],
          sequence: { groupOrder: 1 },
        },
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
