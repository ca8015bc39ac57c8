// The App Home tab, by role: staff see their deadlines and strategies, equity leads their
// department, managers the departments they oversee, ORSE admins the whole City, and people
// REAP Tracker does not know yet how to get added. A Home tab holds 100 blocks: sections are
// filled in order of importance and whatever does not fit is counted and pointed to
// /reap plan and /reap status.
import type { HomeView, KnownBlock } from '@slack/types';
import type { MyDeadlines } from '../../../../services/deadlines.js';
import type { MeasureTrend } from '../../../../services/measure-trends.js';
import type { OwnerCoverage } from '../../../../services/owner-coverage.js';
import type { ChangesSinceLastQuarter } from '../../../../services/period-changes.js';
import type { QuarterCoverage } from '../../../../services/reporting-coverage.js';
import type { ReportableStrategy } from '../../../../services/progress-updates.js';
import type { CitywideStatus, DepartmentStatus } from '../../../../services/status.js';
import type { Translate } from '../../../i18n/index.js';
import { coverageHomeBlocks } from '../../status/ui/coverage-message.js';
import { deadlineListBlocks } from '../../status/ui/deadlines-message.js';
import { escapeMrkdwn } from '../../../ui/mrkdwn.js';
import { ageText, citywideBlocks, departmentListBlocks, departmentSummaryBlocks, slashCounts } from '../../status/ui/status-message.js';
import {
  STATUS_ORDER,
  capped,
  countKey,
  daysFrom,
  dueText,
  itemSection,
  slackDateTime,
  statusText,
  strategyHeadline,
  updateButton,
} from '../../../ui/status-parts.js';
import { context, divider, header, mrkdwnSection } from '../../../ui/blocks.js';
import { homeChartBlocks, type ShownChart } from './home-charts.js';
import { changesSummary, periodChangesBlocks } from '../../../ui/period-changes.js';
import { periodName } from '../../../ui/period-name.js';
import { reportingSummaryLine } from '../../../ui/reporting-summary.js';

export const HOME_CALLBACK_ID = 'reap_home';
export const HOME_MAX_BLOCKS = 100;

interface Common {
  name: string;
  /** The City's date. */
  today: string;
  deadlines: MyDeadlines;
  /** The measures with a target they own, most recently reported first (charted). */
  measureTrends?: MeasureTrend[];
  /** Charts whose files are uploaded (home-charts.ts); the others are left out until they are. */
  charts?: ShownChart[];
}

export type HomeData =
  | { role: 'unknown'; contacts: string | null }
  | (Common & { role: 'staff'; strategies: ReportableStrategy[] })
  | (Common & { role: 'lead'; status: DepartmentStatus; changes?: ChangesSinceLastQuarter | null; reportingCoverage?: QuarterCoverage[] })
  | (Common & { role: 'manager'; departments: DepartmentStatus[]; changes?: ReadonlyMap<number, ChangesSinceLastQuarter> })
  | (Common & {
      role: 'admin';
      citywide: CitywideStatus;
      coverage: OwnerCoverage;
      changes?: ChangesSinceLastQuarter | null;
      reportingCoverage?: QuarterCoverage[];
    });

/** Blocks added section by section against the Home tab's limit, keeping room for the footer. */
class Budget {
  readonly blocks: KnownBlock[] = [];
  truncated = false;
  constructor(private readonly limit: number) {}
  get left(): number {
    return this.limit - this.blocks.length;
  }
  /** Adds all of `blocks` if they fit, else none, and remembers that something was left out. */
  addAll(blocks: KnownBlock[]): boolean {
    if (blocks.length > this.left) {
      this.truncated = true;
      return false;
    }
    this.blocks.push(...blocks);
    return true;
  }
}

function view(blocks: KnownBlock[]): HomeView {
  return { type: 'home', callback_id: HOME_CALLBACK_ID, blocks };
}

export function unknownHomeView(t: Translate, contacts: string | null): HomeView {
  return view([
    header(t('home.unknown.header')),
    mrkdwnSection(t('home.unknown.intro')),
    mrkdwnSection(t('home.unknown.notYet', { contacts: contacts ?? t('home.unknown.contactsFallback') })),
    context(t('home.unknown.help')),
  ]);
}

function staffStrategyBlock(t: Translate, s: ReportableStrategy, today: string) {
  const facts = [
    statusText(t, s.status),
    s.status === 'COMPLETED' ? null : dueText(t, s.dueDate, daysFrom(today, s.dueDate)),
    // Completed and deferred work expects no reports.
    s.status === 'COMPLETED' || s.status === 'DEFERRED'
      ? null
      : t(s.reportedThisPeriod ? 'home.reported' : 'home.notReported', { period: periodName(t, s.periodKey) }),
  ].filter((f): f is string => f !== null);
  return itemSection(`${strategyHeadline(t, s)}\n${facts.join(' · ')}`, updateButton(t, s.id, s));
}

/** A heading and its items within what is left, with "…and N more" for the rest. */
function listSection<T>(t: Translate, budget: Budget, heading: string, items: readonly T[], render: (item: T) => KnownBlock, reserve: number): void {
  const room = budget.left - reserve - 1;
  if (room < 1) {
    if (items.length > 0) budget.truncated = true;
    return;
  }
  const { shown, hidden } = capped(items, room);
  budget.addAll([mrkdwnSection(heading), ...shown.map(render)]);
  if (hidden > 0) {
    budget.addAll([context(t(countKey('plan.item.more', hidden), { count: hidden }))]);
    budget.truncated = true;
  }
}

function deadlinesSection(t: Translate, budget: Budget, d: MyDeadlines, reserve: number, showEmpty: boolean, perList: number): void {
  if (d.overdue.length === 0 && d.upcoming.length === 0) {
    if (showEmpty)
      budget.addAll([mrkdwnSection(`${t('home.myDeadlines', { days: d.horizonDays })}\n${t('home.noDeadlines', { days: d.horizonDays })}`), divider]);
    return;
  }
  const room = budget.left - reserve - 2;
  if (room < 2) {
    budget.truncated = true;
    return;
  }
  const lists = deadlineListBlocks(t, d, { perList, room });
  if (lists.hidden > 0) budget.truncated = true;
  budget.addAll([mrkdwnSection(t('home.myDeadlines', { days: d.horizonDays })), ...lists.blocks, divider]);
}

export function homeView(t: Translate, data: HomeData, limit = HOME_MAX_BLOCKS): HomeView {
  if (data.role === 'unknown') return unknownHomeView(t, data.contacts);
  // Footer and the "see /reap plan" line always fit.
  const reserve = 3;
  const budget = new Budget(limit);
  budget.addAll([header(t('home.header')), context(t('home.greeting', { name: escapeMrkdwn(data.name), date: slackDateOf(data.today) }))]);

  // Their own deadlines first: short for most people, and what they act on today. Leads,
  // managers and admins get a shorter list so the department picture still fits.
  deadlinesSection(t, budget, data.deadlines, reserve, data.role === 'staff', data.role === 'staff' ? 15 : 6);

  switch (data.role) {
    case 'staff': {
      const mine = data.strategies.filter((s) => s.ownedByActor);
      const others = data.strategies.filter((s) => !s.ownedByActor);
      if (mine.length === 0) budget.addAll([mrkdwnSection(`${t('home.myStrategies')}\n${t('home.noStrategies')}`)]);
      else listSection(t, budget, t('home.myStrategies'), mine, (s) => staffStrategyBlock(t, s, data.today), reserve);
      // Their measures against their targets, under the strategies they report on.
      if (budget.left - reserve >= (data.charts?.length ?? 0)) budget.addAll(homeChartBlocks(data.charts));
      if (others.length > 0) {
        const department = others[0]!.department?.name ?? '';
        budget.addAll([divider]);
        listSection(
          t,
          budget,
          t('home.departmentStrategies', { department: escapeMrkdwn(department) }),
          others,
          (s) => staffStrategyBlock(t, s, data.today),
          reserve,
        );
      }
      break;
    }
    case 'lead': {
      const s = data.status;
      budget.addAll([
        mrkdwnSection(t('home.lead.title', { department: escapeMrkdwn(s.department.name) })),
        ...departmentSummaryBlocks(t, s),
        ...periodChangesBlocks(t, data.changes, { blockId: 'home_changes' }),
        ...homeChartBlocks(data.charts),
      ]);
      const lists = departmentListBlocks(t, s, Infinity, budget.left - reserve);
      if (lists.hidden > 0) budget.truncated = true;
      budget.addAll(lists.blocks);
      break;
    }
    case 'manager': {
      budget.addAll([mrkdwnSection(t('home.manager.title'))]);
      if (data.departments.length === 0) budget.addAll([mrkdwnSection(t('home.manager.none'))]);
      for (const s of data.departments) {
        const added = budget.left - reserve >= 2 && budget.addAll([managerDepartmentBlock(t, s), managerFactsBlock(t, s, data.changes?.get(s.department.id))]);
        if (!added) budget.truncated = true;
      }
      // The measures they own, after the departments they oversee.
      if (budget.left - reserve >= (data.charts?.length ?? 0)) budget.addAll(homeChartBlocks(data.charts));
      break;
    }
    case 'admin': {
      // Coverage is what ORSE acts on and its size is bounded: its room is set aside first
      // (keeping the citywide title and counts), the citywide picture gets the rest, and
      // coverage follows it.
      const coverage = coverageHomeBlocks(t, data.coverage, budget.left - reserve - 1 - 3);
      const coverageRoom = coverage.blocks.length > 0 ? 1 + coverage.blocks.length : 0;
      const [citySummary, ...cityRest] = citywideBlocks(t, data.citywide);
      const city = [
        mrkdwnSection(t('home.admin.title')),
        citySummary!,
        ...periodChangesBlocks(t, data.changes, { blockId: 'home_changes' }),
        ...homeChartBlocks(data.charts),
        ...cityRest,
      ];
      const cityRoom = Math.max(0, budget.left - reserve - coverageRoom);
      if (city.length > cityRoom) budget.truncated = true;
      budget.addAll(city.slice(0, cityRoom));
      // A coverage section cut short says itself where the full list is.
      if (coverage.blocks.length > 0) budget.addAll([divider, ...coverage.blocks]);
      else if (data.coverage.total > 0) budget.truncated = true;
      break;
    }
  }

  const tail: KnownBlock[] = [];
  if (budget.truncated) tail.push(context(t('home.seeMore')));
  tail.push(context(t('home.footer')));
  return view([...budget.blocks.slice(0, limit - tail.length), ...tail]);
}

function slackDateOf(today: string): string {
  const unix = Math.floor(Date.parse(`${today}T12:00:00Z`) / 1000);
  return `<!date^${unix}^{date_long}|${today}>`;
}

function managerDepartmentBlock(t: Translate, s: DepartmentStatus): KnownBlock {
  const counts = STATUS_ORDER.filter((st) => s.byStatus[st] > 0)
    .map((st) => `${statusText(t, st)} ${s.byStatus[st]}`)
    .join(' · ');
  return mrkdwnSection(
    t('home.manager.department', { department: escapeMrkdwn(s.department.name), total: s.total, counts: counts || slashCounts(s.byStatus) }),
  );
}

function managerFactsBlock(t: Translate, s: DepartmentStatus, changes?: ChangesSinceLastQuarter): KnownBlock {
  const last = s.lastUpdateAt
    ? t('statusReport.lastUpdate', { date: slackDateTime(s.lastUpdateAt), age: ageText(t, s.lastUpdateAgeDays) })
    : t('statusReport.noUpdates');
  // The weekly digest opens with this same line (reportingSummary in status-summary.ts).
  const facts = t('home.manager.facts', { summary: reportingSummaryLine(t, s.summary, s.period, s.dueSoonDays), last });
  return context(changes ? `${facts}\n${changesSummary(t, changes)}` : facts);
}
