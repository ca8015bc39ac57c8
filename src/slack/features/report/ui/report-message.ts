// Words around /reap report's files: the immediate acknowledgement and the summary posted
// with the CSV and Markdown uploads. Pure: translator + plain data in, text out.
import type { StrategyStatus } from '../../../../domain/enums.js';
import type { Translate } from '../../../i18n/index.js';
import { escapeMrkdwn, truncate } from '../../../ui/mrkdwn.js';
import { STATUS_ORDER, statusText } from '../../../ui/status-parts.js';

/** What the person asked for, as far as we can tell before looking at the database. */
export type ReportRequest = { kind: 'latest' } | { kind: 'years'; period: string; department: string | null } | { kind: 'ref'; ref: string };

export function preparingText(t: Translate, req: ReportRequest): string {
  switch (req.kind) {
    case 'latest':
      return t('report.preparingLatest');
    case 'years':
      return req.department
        ? t('report.preparingDepartment', { period: req.period, department: escapeMrkdwn(truncate(req.department, 80)) })
        : t('report.preparingYear', { period: req.period });
    case 'ref':
      return t('report.preparingRef', { ref: escapeMrkdwn(truncate(req.ref, 80)) });
  }
}

export interface ReportSummary {
  title: string;
  /** "FY 2023-2024" */
  period: string;
  byStatus: Record<StrategyStatus, number>;
  requestedBy: string;
}

/** The comment posted with the files: the plan, its counts by status, who asked. */
export function reportSummaryText(t: Translate, s: ReportSummary): string {
  const total = STATUS_ORDER.reduce((n, st) => n + s.byStatus[st], 0);
  const counts = STATUS_ORDER.filter((st) => s.byStatus[st] > 0)
    .map((st) => `${statusText(t, st)} ${s.byStatus[st]}`)
    .join(' · ');
  return [
    t('report.summary', { title: escapeMrkdwn(truncate(s.title, 300)), period: s.period, total, counts: counts || '0' }),
    t('report.requestedBy', { user: `<@${s.requestedBy}>` }),
  ].join('\n');
}
