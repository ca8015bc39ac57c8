// The one name of a reporting period, everywhere a person reads one (prompts, digests,
// briefings, status, Home, the update form and its confirmation): "FY 2026-27 Q2", or for
// monthly reporting "FY 2026-27 November", in the reader's language. Stored keys such as
// "FY2027-Q2" are for the database and never shown.
import { DateTime } from 'luxon';
import { parsePeriodKey, type FiscalPeriod } from '../../domain/fiscal-calendar.js';
import type { Translate } from '../i18n/index.js';

export function periodName(t: Translate, period: FiscalPeriod | string): string {
  const p = typeof period === 'string' ? parsePeriodKey(period) : period;
  // A key this version cannot read (none today) is still better shown than hidden.
  if (!p) return String(period);
  const fy = `${p.fiscalYearEnd - 1}-${String(p.fiscalYearEnd).slice(-2)}`;
  if (p.cadence === 'QUARTERLY') return t('common.period.quarter', { fy, n: p.index });
  const month = DateTime.fromISO(p.start, { zone: 'UTC' }).setLocale(t('common.period.locale')).toLocaleString({ month: 'long' });
  return t('common.period.month', { fy, month });
}
