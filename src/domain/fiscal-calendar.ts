// The City's fiscal calendar: FY runs July 1 – June 30 and is named by both years
// (FY 2023-2024). Period keys name the fiscal year by its END year, as the City's
// budget documents do: FY 2023-2024 → "FY2024"; Q1 = July–September.
import { DateTime } from 'luxon';

export type Cadence = 'MONTHLY' | 'QUARTERLY';

export interface FiscalPeriod {
  /** "FY2024-Q1" or "FY2024-M01" (M01 = July). */
  key: string;
  fiscalYearEnd: number;
  cadence: Cadence;
  /** 1-4 for quarters, 1-12 for months (1 = July). */
  index: number;
  /** ISO dates (YYYY-MM-DD), inclusive. */
  start: string;
  end: string;
}

/** Fiscal year (by its end year) containing a calendar date in the given zone. */
export function fiscalYearOf(at: Date, zone: string): number {
  const d = DateTime.fromJSDate(at, { zone });
  return d.month >= 7 ? d.year + 1 : d.year;
}

/** "FY 2023-2024" for the fiscal year ending in 2024. */
export function fiscalYearLabel(fiscalYearEnd: number): string {
  return `FY ${fiscalYearEnd - 1}-${fiscalYearEnd}`;
}

export function fiscalYearRange(fiscalYearEnd: number): { start: string; end: string } {
  return { start: `${fiscalYearEnd - 1}-07-01`, end: `${fiscalYearEnd}-06-30` };
}

// Plain calendar dates, no time zone: Date.UTC is exact for them (month 6 + n rolls into the
// next year; day 0 is the last day of the month before). luxon here was a visible share of
// the CPU of every form and Submit, which name periods many times.
const isoDate = (year: number, monthIndex: number, day: number) => new Date(Date.UTC(year, monthIndex, day)).toISOString().slice(0, 10);

function periodFor(fiscalYearEnd: number, cadence: Cadence, index: number): FiscalPeriod {
  const months = cadence === 'QUARTERLY' ? 3 : 1;
  // July (month index 6) of the year the fiscal year starts in.
  const firstMonth = 6 + (index - 1) * months;
  const start = isoDate(fiscalYearEnd - 1, firstMonth, 1);
  const end = isoDate(fiscalYearEnd - 1, firstMonth + months, 0);
  const key = cadence === 'QUARTERLY' ? `FY${fiscalYearEnd}-Q${index}` : `FY${fiscalYearEnd}-M${String(index).padStart(2, '0')}`;
  return { key, fiscalYearEnd, cadence, index, start, end };
}

/** The reporting period containing `at` (evaluated in the City's zone). */
export function periodContaining(at: Date, zone: string, cadence: Cadence): FiscalPeriod {
  const d = DateTime.fromJSDate(at, { zone });
  const fy = d.month >= 7 ? d.year + 1 : d.year;
  const monthIndex = ((d.month - 7 + 12) % 12) + 1; // July = 1
  const index = cadence === 'QUARTERLY' ? Math.ceil(monthIndex / 3) : monthIndex;
  return periodFor(fy, cadence, index);
}

export function previousPeriod(p: FiscalPeriod): FiscalPeriod {
  const count = p.cadence === 'QUARTERLY' ? 4 : 12;
  return p.index > 1 ? periodFor(p.fiscalYearEnd, p.cadence, p.index - 1) : periodFor(p.fiscalYearEnd - 1, p.cadence, count);
}

export function nextPeriod(p: FiscalPeriod): FiscalPeriod {
  const count = p.cadence === 'QUARTERLY' ? 4 : 12;
  return p.index < count ? periodFor(p.fiscalYearEnd, p.cadence, p.index + 1) : periodFor(p.fiscalYearEnd + 1, p.cadence, 1);
}

/** The fiscal quarter a period falls in: itself for a quarter, Q1 for July to September. */
export function quarterOf(p: FiscalPeriod): FiscalPeriod {
  return p.cadence === 'QUARTERLY' ? p : periodFor(p.fiscalYearEnd, 'QUARTERLY', Math.ceil(p.index / 3));
}

const PERIOD_KEY = /^FY(\d{4})-(Q([1-4])|M(0[1-9]|1[0-2]))$/;

export function parsePeriodKey(key: string): FiscalPeriod | null {
  const m = PERIOD_KEY.exec(key);
  if (!m) return null;
  const fy = Number(m[1]);
  return m[3] ? periodFor(fy, 'QUARTERLY', Number(m[3])) : periodFor(fy, 'MONTHLY', Number(m[4]));
}

/**
 * Parses what people type for a fiscal year: "FY2023-2024", "FY 2023-24", "2023-2024",
 * "FY24" and "2024" all mean the year ending June 2024. Multi-year REAP periods such as
 * "FY2024-2026" return both ends.
 */
export function parseFiscalYears(text: string): { startYear: number; endYear: number } | null {
  const t = text.trim().toUpperCase().replace(/\s+/g, '');
  let m = /^(?:FY)?(\d{4})[-–/](\d{2}|\d{4})$/.exec(t);
  if (m) {
    const start = Number(m[1]);
    const endRaw = m[2]!;
    const end = endRaw.length === 2 ? Math.floor(start / 100) * 100 + Number(endRaw) : Number(endRaw);
    if (end <= start || end - start > 10) return null;
    return { startYear: start, endYear: end };
  }
  m = /^(?:FY)?(\d{2}|\d{4})$/.exec(t);
  if (m) {
    const end = m[1]!.length === 2 ? 2000 + Number(m[1]) : Number(m[1]);
    return { startYear: end - 1, endYear: end };
  }
  return null;
}
