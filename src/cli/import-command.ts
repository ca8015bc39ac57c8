// `reap import <path...> [--dry-run]`: loads departments, members and plan rows from CSV or
// JSON files (formats: src/services/import-export/format.ts). All or nothing: any problem
// in any row is listed and nothing is written.
import type { Command } from 'commander';
import type { Prisma } from '../db/client.js';
import { importPaths } from '../services/import-export/index.js';
import { withCliContext } from './context.js';

export interface CliIO {
  out(text: string): void;
  err(text: string): void;
}

export const consoleIO: CliIO = {
  out: (text) => console.log(text),
  err: (text) => console.error(text),
};

export function registerImportCommand(program: Command): void {
  program
    .command('import')
    .description('load departments, members and REAP plan rows from CSV or JSON (all or nothing)')
    .argument('<paths...>', 'CSV or JSON files, or a directory holding departments.csv, members.csv and/or plans.csv (as written by reap export)')
    .option('--dry-run', 'check everything against the database and report what would change, without writing')
    .action(async (paths: string[], opts: { dryRun?: boolean }) => {
      const code = await withCliContext(({ db }) => runImport(db.prisma, paths, opts));
      if (code !== 0) process.exitCode = code;
    });
}

/** The command's body, separate from option parsing so tests can run it on a test database. */
export async function runImport(prisma: Prisma, paths: readonly string[], opts: { dryRun?: boolean }, io: CliIO = consoleIO): Promise<number> {
  let result;
  try {
    result = await importPaths(prisma, paths, { dryRun: opts.dryRun, actor: 'cli' });
  } catch (e) {
    // Validation passed but the database refused (e.g. another import added the same key
    // meanwhile). The transaction rolled back, so the promise below holds.
    io.err(`Import failed: ${(e as Error).message}`);
    io.err('Nothing was written.');
    return 1;
  }
  if (!result.ok) {
    const n = result.messages.length;
    io.err(`${n} problem${n === 1 ? '' : 's'} found:`);
    for (const m of result.messages) io.err(`  ${m}`);
    io.err('Nothing was written.');
    return 1;
  }
  io.out(result.summary);
  return 0;
}
