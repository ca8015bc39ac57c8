import { InvalidArgumentError, type Command } from 'commander';
import { withCliContext } from './context.js';
import { seedDatabase, type SeedSummary } from '../db/seed/index.js';

/** Two plain lines: what the seed holds, then what this run changed. */
export function formatSeedSummary(s: SeedSummary): string {
  const c = s.counts;
  const what =
    `Seeded ${c.departments} departments, ${c.members} demo people, ${c.plans} plans ` +
    `(${c.objectives} objectives, ${c.strategies} strategies, ${c.milestones} milestones, ` +
    `${c.progressUpdates} progress updates) and ${c.holidays} City holidays ` +
    `(FY${s.holidayFiscalYears.join(', FY')}).`;
  const changed =
    s.created === 0 && s.updated === 0
      ? `Nothing changed: the database already held this seed (demo dates around ${s.today}, ${s.currentQuarter}, ${s.timeZone}).`
      : `${s.created} rows created, ${s.updated} updated; demo dates are placed around ${s.today} (${s.currentQuarter}, ${s.timeZone}).`;
  return `${what}\n${changed}`;
}

function parseNow(value: string): Date {
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) throw new InvalidArgumentError('expected an ISO date or time, e.g. 2026-11-23T09:00:00-08:00');
  return d;
}

export function registerSeedCommand(program: Command): void {
  program
    .command('seed')
    .description('load the ORSE FY 2023-2024 work plan, City holidays and the demo departments, people and REAPs (safe to run again)')
    .option('--now <time>', 'place demo due dates and updates around this time instead of now (ISO 8601)', parseNow)
    .action(async (opts: { now?: Date }) => {
      await withCliContext(async ({ config, db }) => {
        const summary = await seedDatabase(db.prisma, { now: opts.now, timeZone: config.timeZone });
        console.log(formatSeedSummary(summary));
      });
    });
}
