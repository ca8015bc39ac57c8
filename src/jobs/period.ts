// Names of the periods a fire belongs to, in the City's zone. Job authors build outbox
// idempotency keys from them ("weekly-digest:2026-W48:U123"), so a fire that runs twice,
// or a manual run later the same week, enqueues nothing twice.
import { DateTime } from 'luxon';
import { periodContaining, type FiscalPeriod } from '../domain/fiscal-calendar.js';

export interface PeriodHelpers {
  zone: string;
  /** The fire time in the City's zone. */
  local: DateTime;
  /** "2026-11-23" */
  day(): string;
  /** ISO week, "2026-W48" (weeks start on Monday). */
  isoWeek(): string;
  /** Calendar month, "2026-11". */
  month(): string;
  /** Fiscal quarter (July–June year, named by its end year), e.g. key "FY2027-Q2". */
  fiscalQuarter(): FiscalPeriod;
  /** Fiscal month, e.g. key "FY2027-M05" (M01 = July). */
  fiscalMonth(): FiscalPeriod;
}

export function periodHelpers(fireTime: Date, zone: string): PeriodHelpers {
  const local = DateTime.fromJSDate(fireTime, { zone });
  return {
    zone,
    local,
    day: () => local.toISODate()!,
    isoWeek: () => `${local.weekYear}-W${String(local.weekNumber).padStart(2, '0')}`,
    month: () => local.toFormat('yyyy-MM'),
    fiscalQuarter: () => periodContaining(fireTime, zone, 'QUARTERLY'),
    fiscalMonth: () => periodContaining(fireTime, zone, 'MONTHLY'),
  };
}
