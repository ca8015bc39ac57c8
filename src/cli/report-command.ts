// `reap report annual <FY> [--lang en|es|vi] [--out <dir>]`: writes the annual report draft
// (src/services/annual-report.ts) as a Markdown and an HTML file for ORSE to edit.
import fs from 'node:fs/promises';
import path from 'node:path';
import { Option, type Command } from 'commander';
import type { Prisma } from '../db/client.js';
import { loadAnnualDraftInput, renderAnnualDraft } from '../services/annual-report.js';
import { annualMeasureCharts } from '../charts/annual-measure-charts.js';
import { isServiceError } from '../services/errors.js';
import { DRAFT_LANGS, type DraftLang } from '../services/reports/annual-words.js';
import { withCliContext } from './context.js';
import { consoleIO, type CliIO } from './import-command.js';

export interface AnnualReportOptions {
  lang?: DraftLang;
  /** The current directory when not given. */
  out?: string;
}

export interface ReportClock {
  now: () => Date;
  timeZone: string;
}

export function registerReportCommand(program: Command): void {
  const report = program.command('report').description('reports built from the data');
  report
    .command('annual')
    .description("write ORSE's annual report draft for a fiscal year as Markdown and HTML, to review before publishing")
    .argument('<fiscal-year>', 'the fiscal year, e.g. FY2023-2024')
    .addOption(new Option('--lang <lang>', 'the language of the draft (default: en)').choices([...DRAFT_LANGS]))
    .option('--out <dir>', 'the directory to write the two files to (default: the current directory)')
    .action(async (fiscalYear: string, opts: AnnualReportOptions) => {
      const code = await withCliContext(({ db, config }) => runAnnualReport(db.prisma, fiscalYear, opts, { now: () => new Date(), timeZone: config.timeZone }));
      if (code !== 0) process.exitCode = code;
    });
}

/** The command's body, separate from option parsing so tests can run it on a test database. */
export async function runAnnualReport(
  prisma: Prisma,
  fiscalYear: string,
  opts: AnnualReportOptions,
  clock: ReportClock,
  io: CliIO = consoleIO,
): Promise<number> {
  let files: ReturnType<typeof renderAnnualDraft>;
  try {
    const input = await loadAnnualDraftInput({ prisma, config: { timeZone: clock.timeZone }, now: clock.now }, fiscalYear);
    const lang = opts.lang ?? 'en';
    files = renderAnnualDraft(
      input,
      lang,
      await annualMeasureCharts(input, lang, undefined, (e) => io.err(`reap report: a measure chart could not be drawn: ${(e as Error).message}`)),
    );
    if (input.includesDemoData) io.err('reap report: the draft counts demo data (reap seed); remove it before publishing');
  } catch (e) {
    if (isServiceError(e) && e.code === 'not_found') {
      const suggestions = (e.params as { suggestions?: unknown }).suggestions;
      const hint = Array.isArray(suggestions) && suggestions.length > 0 ? ` (known: ${suggestions.join(', ')})` : '';
      io.err(`reap report: no ORSE work plan covers "${fiscalYear}"${hint}`);
      return 1;
    }
    throw e;
  }
  const dir = opts.out ?? '.';
  await fs.mkdir(dir, { recursive: true });
  for (const file of [files.markdown, files.html]) {
    const target = path.join(dir, file.filename);
    await fs.writeFile(target, file.content, 'utf8');
    io.out(`Wrote ${target}`);
  }
  return 0;
}
