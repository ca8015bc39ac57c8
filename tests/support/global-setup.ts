// vitest globalSetup: the templates every test file's database is copied from
// (database-templates.ts), migrated and migrated-and-seeded, made once per run in the main
// process. The workers inherit the environment variables that name them.
import { pgliteTemplateKey } from '../../src/db/pglite-template.js';
import {
  PGLITE_SEEDED_ENV,
  PGLITE_TEMPLATE_ENV,
  POSTGRES_SEEDED_ENV,
  POSTGRES_TEMPLATE_ENV,
  SEEDED_AT_ENV,
  SEEDED_TEMPLATE_NOW,
  migrationsHash,
  pgliteSeededTemplate,
  pgliteTemplate,
  postgresSeededTemplate,
  postgresTemplate,
  seedSourceHash,
  seededTemplateKey,
} from './database-templates.js';

const postgresUrl = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export default async function setup(): Promise<void> {
  const hash = migrationsHash();
  const seedHash = seedSourceHash();
  const pgliteKey = pgliteTemplateKey(hash);
  process.env[SEEDED_AT_ENV] = SEEDED_TEMPLATE_NOW.toISOString();
  const migrated = await pgliteTemplate(pgliteKey);
  process.env[PGLITE_TEMPLATE_ENV] = migrated;
  // A seed that fails here fails again in each test that seeds, where it is easier to read;
  // meanwhile the tests that do not seed run as usual.
  await pgliteSeededTemplate(migrated, seededTemplateKey(pgliteKey, SEEDED_TEMPLATE_NOW, seedHash))
    .then((file) => (process.env[PGLITE_SEEDED_ENV] = file))
    .catch(() => {});
  let template: string;
  try {
    template = await postgresTemplate(postgresUrl, hash);
  } catch {
    // No server (a run of the PGlite tests only): the PostgreSQL tests, if any run, migrate
    // their own databases and fail on the server as they would have anyway.
    return;
  }
  process.env[POSTGRES_TEMPLATE_ENV] = template;
  await postgresSeededTemplate(postgresUrl, template, seededTemplateKey(hash, SEEDED_TEMPLATE_NOW, seedHash))
    .then((name) => (process.env[POSTGRES_SEEDED_ENV] = name))
    .catch(() => {});
}
