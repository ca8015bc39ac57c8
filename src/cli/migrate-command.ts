import type { Command } from 'commander';
import { withCliContext } from './context.js';

export function registerMigrateCommand(program: Command): void {
  program
    .command('migrate')
    .description('apply pending database migrations (also done automatically at start)')
    .action(async () => {
      // withCliContext migrates before running the body; report what it found.
      await withCliContext(async ({ db }) => {
        const s = await db.session();
        const rows = await s
          .query<{ n: string }>('SELECT count(*)::text AS n FROM "_prisma_migrations" WHERE finished_at IS NOT NULL')
          .finally(() => s.release());
        console.log(`Database is up to date (${rows[0]?.n ?? 0} migrations applied).`);
      });
    });
}
