// The answer to /reap status: one department (counts by status, overdue, due soon, no
// update this quarter, age of the last update) or, for ORSE admins, every department.
// Messages hold 50 blocks and about 12,000 characters, so each list shows its first items
// with an Update button and a line counting the rest.
import type { KnownBlock } from '@slack/types';
import type { StrategyStatus } from '../../../../domain/enums.js';
import type { ChangesSinceLastQuarter } from '../../../../services/period-changes.js';
import type { CitywideStatus, DepartmentStatus, StrategyStatusItem } from '../../../../services/status.js';
import type { Translate } from '../../../i18n/index.js';
import { escapeMrkdwn, truncate } from '../../../ui/mrkdwn.js';
import {
  STATUS_ORDER,
  capped,
  chunkLines,
  countKey,
  dueText,
  itemSection,
  lastUpdateText,
  ownerText,
  slackDate,
  slackDateTime,
  statusText,
  strategyHeadline,
  updateButton,
} from '../../../ui/status-parts.js';
import { context, header, mrkdwnSection } from '../../../ui/blocks.js';
import { periodChangesBlocks } from '../../../ui/period-changes.js';
import { periodName } from '../../../ui/period-name.js';

export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

/** Items per list in a message; three lists stay well inside 50 blocks and 12k characters. */
export const ITEMS_PER_LIST = 8;

export interface DepartmentStatusOptions {
  /** ORSE admins get a pointer to any department and to the citywide view. */
  isAdmin?: boolean;
  /**
   * The other departments this reader may see (a manager's): offered by code. Staff get
   * no such invitation, since the service would refuse them any other department.
   */
  otherReadable?: readonly { code: string }[];
  itemsPerList?: number;
  /** What changed since last quarter (none: no section). */
  changes?: ChangesSinceLastQuarter | null;
}

export function ageText(t: Translate, days: number | null): string {
  if (days === null) return '';
  if (days <= 0) return t('statusReport.age.today');
  return t(countKey('statusReport.age', days), { count: days });
}

function lastUpdateLine(t: Translate, at: Date | null, ageDays: number | null): string {
  return at ? t('statusReport.lastUpdate', { date: slackDateTime(at), age: ageText(t, ageDays) }) : t('statusReport.noUpdates');
}

/** One strategy in a status list: headline, status, due date, owner, last update. */
export function statusItemBlock(t: Translate, item: StrategyStatusItem, opts: { showLastUpdate?: boolean } = {}) {
  const facts = [
    statusText(t, item.status),
    dueText(t, item.dueDate, item.daysUntilDue),
    ownerText(t, item.owner, item.needsReassignment),
    ...(opts.showLastUpdate ? [lastUpdateText(t, item.lastUpdateAt)] : []),
  ];
  return itemSection(`${strategyHeadline(t, item)}\n${facts.join(' · ')}`, item.canUpdate ? updateButton(t, item.id, item) : undefined);
}

/** The counts part of a department's status: shared by the message and the App Home. */
export function departmentSummaryBlocks(t: Translate, s: DepartmentStatus): KnownBlock[] {
  const fields = STATUS_ORDER.map((st) => ({ type: 'mrkdwn' as const, text: `${statusText(t, st)}: *${s.byStatus[st]}*` }));
  const blocks: KnownBlock[] = [
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: t('statusReport.summary', {
          total: s.total,
          quarter: periodName(t, s.quarter),
          from: slackDate(s.quarter.start),
          to: slackDate(s.quarter.end),
        }),
      },
      fields,
    },
    mrkdwnSection(
      [
        t('statusReport.overdue', { count: s.overdue.length }),
        t('statusReport.dueSoon', { count: s.dueSoon.length, days: s.dueSoonDays }),
        t('statusReport.silent', { count: s.notUpdatedThisQuarter.length }),
      ].join('   ·   '),
    ),
    context(lastUpdateLine(t, s.lastUpdateAt, s.lastUpdateAgeDays)),
  ];
  if (s.needsReassignment.length > 0) {
    blocks.push(mrkdwnSection(t(countKey('statusReport.needsReassignment', s.needsReassignment.length), { count: s.needsReassignment.length })));
  }
  return blocks;
}

/**
 * The three lists (overdue, due soon, silent this quarter) within `room` blocks in all;
 * a list that does not fit ends with "…and N more".
 */
export function departmentListBlocks(t: Translate, s: DepartmentStatus, perList: number, room = Infinity): { blocks: KnownBlock[]; hidden: number } {
  const lists: { heading: string; items: StrategyStatusItem[]; showLastUpdate: boolean }[] = [
    { heading: t('statusReport.overdueHeading'), items: s.overdue, showLastUpdate: false },
    { heading: t('statusReport.dueSoonHeading', { days: s.dueSoonDays }), items: s.dueSoon, showLastUpdate: false },
    { heading: t('statusReport.silentHeading'), items: s.notUpdatedThisQuarter, showLastUpdate: true },
  ];
  const blocks: KnownBlock[] = [];
  let left = room;
  let hiddenTotal = 0;
  for (const list of lists) {
    if (list.items.length === 0) continue;
    // A heading and at least one line (an item or the "more" line) or nothing at all.
    if (left < 2) {
      hiddenTotal += list.items.length;
      continue;
    }
    const { shown, hidden } = capped(list.items, Math.min(perList, left - 1));
    blocks.push(mrkdwnSection(list.heading));
    for (const item of shown) blocks.push(statusItemBlock(t, item, { showLastUpdate: list.showLastUpdate }));
    if (hidden > 0) blocks.push(context(t(countKey('statusReport.more', hidden), { count: hidden, department: s.department.code })));
    left -= 1 + shown.length + (hidden > 0 ? 1 : 0);
    hiddenTotal += hidden;
  }
  return { blocks, hidden: hiddenTotal };
}

export function departmentStatusMessage(t: Translate, s: DepartmentStatus, opts: DepartmentStatusOptions = {}): SlackMessage {
  const name = s.department.name;
  const title = t('statusReport.header', { department: name });
  const blocks: KnownBlock[] = [header(title)];
  if (s.total === 0) {
    blocks.push(mrkdwnSection(t('statusReport.noStrategies', { department: escapeMrkdwn(name) })));
  } else {
    blocks.push(...departmentSummaryBlocks(t, s));
    blocks.push(...periodChangesBlocks(t, opts.changes, { blockId: 'status_changes' }));
    blocks.push(...departmentListBlocks(t, s, opts.itemsPerList ?? ITEMS_PER_LIST).blocks);
  }
  const others = (opts.otherReadable ?? []).filter((d) => d.code !== s.department.code);
  const hints = opts.isAdmin
    ? [t('statusReport.otherHint'), t('statusReport.adminHint')]
    : others.length > 0
      ? [t('statusReport.managedHint', { departments: others.map((d) => `\`/reap status ${escapeMrkdwn(d.code)}\``).join(', ') })]
      : [];
  hints.push(t('statusReport.timeZoneHint'));
  blocks.push(context(hints.join('\n')));
  return {
    text: `${title}: ${t('statusReport.overdue', { count: s.overdue.length })}, ${t('statusReport.dueSoon', { count: s.dueSoon.length, days: s.dueSoonDays })}`.replace(
      /\*/g,
      '',
    ),
    blocks,
  };
}

/** "3/4/2/1/0": counts in the fixed status order, explained by the table heading. */
export function slashCounts(byStatus: Record<StrategyStatus, number>): string {
  return STATUS_ORDER.map((st) => byStatus[st]).join('/');
}

function lastActivity(t: Translate, at: Date | null, ageDays: number | null): string {
  return at ? ageText(t, ageDays) : t('statusReport.citywide.neverUpdated');
}

/**
 * One line per department with work: code, name, counts, overdue, last update. Kept short
 * (no emoji, no date tokens) so sixty departments stay far below Slack's size limits.
 */
export function citywideRows(t: Translate, c: CitywideStatus): string[] {
  return c.departments
    .filter((d) => d.total > 0)
    .map((d) =>
      t('statusReport.citywide.row', {
        code: escapeMrkdwn(d.department.code),
        name: escapeMrkdwn(truncate(d.department.name, 48)),
        total: d.total,
        counts: slashCounts(d.byStatus),
        overdue: d.overdue,
        last: lastActivity(t, d.lastUpdateAt, d.lastUpdateAgeDays),
      }),
    );
}

/** Citywide figures shared by the message and the admins' App Home. */
export function citywideBlocks(t: Translate, c: CitywideStatus): KnownBlock[] {
  const active = c.departments.filter((d) => d.total > 0);
  const statuses = STATUS_ORDER.map((st) => t(`status.${st}`)).join('/');
  const blocks: KnownBlock[] = [
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: t('statusReport.citywide.summary', {
          total: c.totals.total,
          departments: active.length,
          quarter: periodName(t, c.quarter),
          from: slackDate(c.quarter.start),
          to: slackDate(c.quarter.end),
        }),
      },
      fields: STATUS_ORDER.map((st) => ({ type: 'mrkdwn' as const, text: `${statusText(t, st)}: *${c.totals.byStatus[st]}*` })),
    },
    mrkdwnSection(t('statusReport.citywide.totals', { overdue: c.totals.overdue, dueSoon: c.totals.dueSoon, days: c.dueSoonDays })),
  ];
  const [firstRows, ...moreRows] = chunkLines([t('statusReport.citywide.tableHeading', { statuses }), ...citywideRows(t, c)]);
  blocks.push(mrkdwnSection(firstRows!), ...moreRows.map((chunk) => mrkdwnSection(chunk)));
  const silent = c.departments.filter((d) => d.silent);
  if (silent.length === 0) blocks.push(mrkdwnSection(t('statusReport.citywide.noneSilent')));
  else {
    const lines = silent.map(
      (d) => `• *${escapeMrkdwn(d.department.code)}* ${escapeMrkdwn(truncate(d.department.name, 48))}: ${lastActivity(t, d.lastUpdateAt, d.lastUpdateAgeDays)}`,
    );
    const [first, ...rest] = chunkLines([t('statusReport.citywide.silentHeading'), ...lines]);
    blocks.push(mrkdwnSection(first!), ...rest.map((chunk) => mrkdwnSection(chunk)));
  }
  const noPlan = c.departments.filter((d) => d.total === 0);
  if (noPlan.length > 0) {
    const names = noPlan.map((d) => escapeMrkdwn(d.department.code)).join(', ');
    blocks.push(context(t(countKey('statusReport.citywide.noPlan', noPlan.length), { count: noPlan.length, departments: names })));
  }
  return blocks;
}

export function citywideStatusMessage(t: Translate, c: CitywideStatus, changes?: ChangesSinceLastQuarter | null): SlackMessage {
  const title = t('statusReport.citywide.header');
  const [summary, ...rest] = citywideBlocks(t, c);
  const blocks: KnownBlock[] = [
    header(title),
    summary!,
    ...periodChangesBlocks(t, changes, { blockId: 'status_changes' }),
    ...rest,
    context(t('statusReport.citywide.drillDown')),
  ];
  return {
    text: `${title}: ${t('statusReport.citywide.totals', { overdue: c.totals.overdue, dueSoon: c.totals.dueSoon, days: c.dueSoonDays })}`.replace(/\*/g, ''),
    blocks,
  };
}
