// `reap export [--format csv|json] [--out <path>] [--kind <kind>] [--plan <key>]`: writes
// the files `reap import` reads (src/services/import-export/format.ts).
// `reap export --open-data <dir>`: the public dataset for the City's open-data portal
// (src/services/import-export/open-data.ts).
import { Option, type Command } from 'commander';
import { DateTime } from 'luxon';
import type { Prisma } from '../db/client.js';
import { ExportError, RECORD_KINDS, writeExport, writeOpenData, type RecordKind } from '../services/import-export/index.js';
import { withCliContext } from './context.js';
import { consoleIO, type CliIO } from './import-command.js';

export interface ExportCommandOptions {
  /** csv when not given. */
  format?: 'csv' | 'json';
  out?: string;
  kind?: RecordKind;
  plan?: string;
  openData?: string;
}

export interface OpenDataClock {
  now: Date;
  timeZone: string;
}

export function registerExportCommand(program: Command): void {
  program
    .command('export')
    .description('write departments, members and plans as CSV files in a directory, or as one JSON file; with --open-data, the public dataset')
    // No commander default: --open-data must tell a --format someone typed from the default.
    .addOption(new Option('--format <format>', 'file format (default: csv)').choices(['csv', 'json']))
    .option(
      '--out <path>',
      'a directory for CSV (default ./export-<date>/), a .csv file with --kind or --plan, a .json file (default ./export-<date>.json), or - for standard output',
    )
    .addOption(new Option('--kind <kind>', 'only this kind').choices([...RECORD_KINDS]))
    .option('--plan <key>', "only this plan's rows, e.g. LIB-FY2024-2026 (implies --kind plans)")
    .option('--open-data <dir>', 'write the public dataset for the open-data portal: strategy_periods.csv, datapackage.json, DATA_DICTIONARY.md')
    .action(async (opts: ExportCommandOptions) => {
      const code = await withCliContext(({ db, config }) =>
        opts.openData !== undefined
          ? runOpenDataExport(db.prisma, opts, { now: new Date(), timeZone: config.timeZone })
          : runExport(db.prisma, opts, DateTime.now().setZone(config.timeZone).toISODate() ?? new Date().toISOString().slice(0, 10)),
      );
      if (code !== 0) process.exitCode = code;
    });
}

export async function runExport(
  prisma: Prisma,
  opts: ExportCommandOptions,
  today: string,
  io: CliIO & { write?: (text: string) => void } = consoleIO,
): Promise<number> {
  try {
    const result = await writeExport(prisma, {
      format: opts.format ?? 'csv',
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

/** Options that choose among the import files, which the open-data files do not have. */
const NOT_WITH_OPEN_DATA = ['format', 'kind', 'out', 'plan'] as const;

export async function runOpenDataExport(prisma: Prisma, opts: ExportCommandOptions, clock: OpenDataClock, io: CliIO = consoleIO): Promise<number> {
  const dir = opts.openData;
  if (dir === undefined) throw new Error('runOpenDataExport needs opts.openData');
  const conflicting = NOT_WITH_OPEN_DATA.filter((k) => opts[k] !== undefined).map((k) => `--${k}`);
  if (conflicting.length) {
    io.err(`reap export: --open-data writes its own fixed files and cannot be combined with ${conflicting.join(', ')}`);
    return 1;
  }
  try {
    const result = await writeOpenData(prisma, { dir, timeZone: clock.timeZone, now: clock.now });
    for (const [i, file] of result.files.entries()) io.out(`Wrote ${file}${i === 0 ? ` (${rows(result.rows)})` : ''}`);
    if (result.demoRows > 0) {
      io.err(`reap export: ${rows(result.demoRows)} come from demo data (reap seed); do not publish them`);
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
