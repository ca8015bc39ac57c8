// `reap holidays list|add|remove`: the City holidays reminders and update prompts skip.
//
//   reap holidays list [--from 2026-07-01] [--to 2027-06-30]   (default: this and next fiscal year)
//   reap holidays add 2026-12-24 Christmas Eve                  (adds, or renames that date's holiday)
//   reap holidays remove 2026-12-24
//
// Changes are audited with actor "cli". The seed adds the regular City holidays for the
// current and next fiscal year; this is for closures the rules do not know about.
import { InvalidArgumentError, type Command } from 'commander';
import type { Prisma } from '../db/client.js';
import { weekdayOf } from '../domain/business-days.js';
import { fiscalYearOf, fiscalYearRange } from '../domain/fiscal-calendar.js';
import { addHoliday, listHolidays, parseIsoDate, removeHoliday, HOLIDAY_NAME_MAX } from '../services/holidays.js';
import { isServiceError } from '../services/errors.js';
import { withCliContext } from './context.js';

export interface CliIO {
  out(text: string): void;
  err(text: string): void;
}

const consoleIO: CliIO = { out: (text) => console.log(text), err: (text) => console.error(text) };

const ACTOR = 'cli';

export function parseDateArgument(value: string): string {
  const iso = parseIsoDate(value);
  if (!iso) throw new InvalidArgumentError(`expected a calendar date as YYYY-MM-DD, e.g. 2026-12-24 (got "${value}")`);
  return iso;
}

const DAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** "2026-11-26  Thu  Thanksgiving Day" */
export function formatHolidayLine(h: { date: string; name: string }): string {
  return `${h.date}  ${DAY_NAMES[weekdayOf(h.date) - 1]}  ${h.name}`;
}

/** This fiscal year and the next, in the City's zone: what operators usually want to check. */
export function defaultListRange(now: Date, zone: string): { from: string; to: string } {
  const fy = fiscalYearOf(now, zone);
  return { from: fiscalYearRange(fy).start, to: fiscalYearRange(fy + 1).end };
}

export async function runHolidaysList(
  prisma: Prisma,
  range: { from?: string; to?: string },
  defaults: { now: Date; zone: string },
  io: CliIO = consoleIO,
): Promise<number> {
  const fallback = defaultListRange(defaults.now, defaults.zone);
  const from = range.from ?? (range.to ? undefined : fallback.from);
  const to = range.to ?? (range.from ? undefined : fallback.to);
  if (from && to && from > to) {
    io.err(`--from ${from} is after --to ${to}.`);
    return 1;
  }
  const rows = await listHolidays(prisma, { from, to });
  const span = `${from ?? 'the beginning'} to ${to ?? 'the end'}`;
  if (rows.length === 0) {
    io.out(`No City holidays from ${span}. Add one with: reap holidays add <YYYY-MM-DD> <name>`);
    return 0;
  }
  io.out(`${rows.length} City holiday${rows.length === 1 ? '' : 's'} from ${span} (reminders and prompts skip these days):`);
  for (const h of rows) io.out(`  ${formatHolidayLine(h)}`);
  return 0;
}

export async function runHolidaysAdd(prisma: Prisma, date: string, nameWords: readonly string[], io: CliIO = consoleIO): Promise<number> {
  const name = nameWords.join(' ');
  try {
    const r = await addHoliday(prisma, ACTOR, date, name);
    const line = formatHolidayLine(r.holiday);
    if (r.outcome === 'added') io.out(`Added ${line}.`);
    else if (r.outcome === 'renamed') io.out(`Renamed ${r.holiday.date} from "${r.previousName}" to "${r.holiday.name}".`);
    else io.out(`Already listed: ${line}. Nothing changed.`);
    const weekday = weekdayOf(r.holiday.date);
    if (weekday >= 6)
      io.out(
        `Note: ${r.holiday.date} is a ${weekday === 6 ? 'Saturday' : 'Sunday'}; weekends are skipped anyway. Add the observed weekday if the City closes on one.`,
      );
    return 0;
  } catch (e) {
    if (isServiceError(e) && e.code === 'invalid') {
      const problem =
        e.field === 'name'
          ? e.messageKey === 'errors.invalid.tooLong'
            ? `the name is longer than ${HOLIDAY_NAME_MAX} characters`
            : 'give the holiday a name, e.g. reap holidays add 2026-12-24 Christmas Eve'
          : 'expected a calendar date as YYYY-MM-DD';
      io.err(`Not added: ${problem}.`);
      return 1;
    }
    throw e;
  }
}

export async function runHolidaysRemove(prisma: Prisma, date: string, io: CliIO = consoleIO): Promise<number> {
  const removed = await removeHoliday(prisma, ACTOR, date);
  if (!removed) {
    io.err(`No City holiday on ${date}; nothing removed. See them with: reap holidays list`);
    return 1;
  }
  io.out(
    `Removed ${formatHolidayLine(removed)}. Reminders and prompts treat ${removed.date} as a business day again${weekdayOf(removed.date) >= 6 ? ' (it is a weekend day, so still skipped)' : ''}.`,
  );
  return 0;
}

export function registerHolidaysCommand(program: Command): void {
  const holidays = program.command('holidays').description('City holidays: the days reminders and update prompts skip');

  holidays
    .command('list')
    .description('list City holidays (default: this fiscal year and the next)')
    .option('--from <date>', 'first date (YYYY-MM-DD)', parseDateArgument)
    .option('--to <date>', 'last date (YYYY-MM-DD)', parseDateArgument)
    .action(async (opts: { from?: string; to?: string }) => {
      const code = await withCliContext(({ config, db }) => runHolidaysList(db.prisma, opts, { now: new Date(), zone: config.timeZone }));
      if (code !== 0) process.exitCode = code;
    });

  holidays
    .command('add')
    .description('add a City holiday, or rename the one on that date')
    .argument('<date>', 'YYYY-MM-DD', parseDateArgument)
    .argument('<name...>', 'what the City calls the day, e.g. Christmas Eve')
    .action(async (date: string, name: string[]) => {
      const code = await withCliContext(({ db }) => runHolidaysAdd(db.prisma, date, name));
      if (code !== 0) process.exitCode = code;
    });

  holidays
    .command('remove')
    .description('remove the City holiday on a date')
    .argument('<date>', 'YYYY-MM-DD', parseDateArgument)
    .action(async (date: string) => {
      const code = await withCliContext(({ db }) => runHolidaysRemove(db.prisma, date));
      if (code !== 0) process.exitCode = code;
    });
}
