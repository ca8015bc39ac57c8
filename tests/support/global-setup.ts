// vitest globalSetup: the migrated templates every test file's database is copied from
// (database-templates.ts), made once per run in the main process. The workers inherit the
// environment variables that name them.
import { pgliteTemplateKey } from '../../src/db/pglite-template.js';
import { PGLITE_TEMPLATE_ENV, POSTGRES_TEMPLATE_ENV, migrationsHash, pgliteTemplate, postgresTemplate } from './database-templates.js';

const postgresUrl = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export default async function setup(): Promise<void> {
  const hash = migrationsHash();
  process.env[PGLITE_TEMPLATE_ENV] = await pgliteTemplate(pgliteTemplateKey(hash));
  try {
    process.env[POSTGRES_TEMPLATE_ENV] = await postgresTemplate(postgresUrl, hash);
  } catch {
    // No server (a run of the PGlite tests only): the PostgreSQL tests, if any run, migrate
    // their own databases and fail on the server as they would have anyway.
  }
}
