// The line a manager reads first, on App Home and at the top of the weekly digest:
// reported / not reported this period, overdue, due soon. The counts come from
// domain/status-summary.ts's reportingSummary on both surfaces, so they always agree.
import type { FiscalPeriod } from '../../domain/fiscal-calendar.js';
import { DUE_SOON_DAYS, type ReportingSummary } from '../../domain/status-summary.js';
import type { Translate } from '../i18n/index.js';
import { periodName } from './period-name.js';

export function reportingSummaryLine(t: Translate, s: ReportingSummary, period: FiscalPeriod, days = DUE_SOON_DAYS): string {
  return t('statusReport.reportingLine', { period: periodName(t, period), ...s, days });
}

/** Several departments at once (their periods may differ: monthly and quarterly reporting). */
export function reportingTotalsLine(t: Translate, s: ReportingSummary, days = DUE_SOON_DAYS): string {
  return t('statusReport.reportingTotals', { ...s, days });
}
