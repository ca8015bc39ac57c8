// `reap export [--format csv|json] [--out <path>] [--kind <kind>] [--plan <key>]`: writes
// the files `reap import` reads (src/services/import-export/format.ts).
import { Option, type Command } from 'commander';
import { DateTime } from 'luxon';
import type { Prisma } from '../db/client.js';
import { ExportError, RECORD_KINDS, writeExport, type RecordKind } from '../services/import-export/index.js';
import { withCliContext } from './context.js';
import { consoleIO, type CliIO } from './import-command.js';

export interface ExportCommandOptions {
  format: 'csv' | 'json';
  out?: string;
  kind?: RecordKind;
  plan?: string;
}

export function registerExportCommand(program: Command): void {
  program
    .command('export')
    .description('write departments, members and plans as CSV files in a directory, or as one JSON file')
    .addOption(new Option('--format <format>', 'file format').choices(['csv', 'json']).default('csv'))
    .option(
      '--out <path>',
      'a directory for CSV (default ./export-<date>/), a .csv file with --kind or --plan, a .json file (default ./export-<date>.json), or - for standard output',
    )
    .addOption(new Option('--kind <kind>', 'only this kind').choices([...RECORD_KINDS]))
    .option('--plan <key>', "only this plan's rows, e.g. LIB-FY2024-2026 (implies --kind plans)")
    .action(async (opts: ExportCommandOptions) => {
      const code = await withCliContext(({ db, config }) =>
        runExport(db.prisma, opts, DateTime.now().setZone(config.timeZone).toISODate() ?? new Date().toISOString().slice(0, 10)),
      );
      if (code !== 0) process.exitCode = code;
    });
}

export async function runExport(prisma: Prisma, opts: ExportCommandOptions, today: string, io: CliIO & { write?: (text: string) => void } = consoleIO): Promise<number> {
  try {
    const result = await writeExport(prisma, {
      format: opts.format,
      out: opts.out,
      kinds: opts.kind ? [opts.kind] : undefined,
      planKey: opts.plan,
      today,
    });
    if (result.stdout !== undefined) {
      (io.write ?? ((t: string) => process.stdout.write(t)))(result.stdout);
      return 0;
    }
    for (const f of result.files) {
      io.out(`Wrote ${f.path} (${f.kind ? rows(f.rows) : describeCounts(result.counts)})`);
    }
    return 0;
  } catch (e) {
    if (e instanceof ExportError) {
      io.err(`reap export: ${e.message}`);
      return 1;
    }
    throw e;
  }
}

const rows = (n: number) => `${n} row${n === 1 ? '' : 's'}`;
const describeCounts = (counts: Partial<Record<RecordKind, number>>) =>
  Object.entries(counts)
    .map(([kind, n]) => `${kind}: ${rows(n ?? 0)}`)
    .join(', ');
