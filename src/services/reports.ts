// The annual-report tables: ORSE's work plan and department REAPs in the layout of the
// City's published attachment, as rows, CSV or Markdown. Three queries per table
// (plans, departments when a name is given, the plan's objectives with strategies).
import { parsePlanRef, planMatchesYears } from '../domain/plan-ref.js';
import { matchDepartment } from '../domain/department-match.js';
import type { Actor } from '../domain/permissions.js';
import { buildReportTable, renderCsv, renderMarkdown, type ReportTable } from '../domain/report-table.js';
import { fiscalYearLabel } from '../domain/fiscal-calendar.js';
import type { Plan } from '../generated/prisma/client.js';
import type { PlanSummary } from './plans.js';
import { requireRead } from './authz.js';
import { notFound } from './errors.js';
import type { ServiceContext } from './service-context.js';

export interface PlanTable {
  plan: PlanSummary & {
    departmentCode: string | null;
    /** The department's own Slack channel, where its REAP may be posted. */
    departmentChannelId: string | null;
  };
  table: ReportTable;
}

export type ReportFormat = 'csv' | 'markdown';

export interface RenderedReport {
  filename: string;
  mimeType: string;
  content: string;
}

/**
 * A plan from its key, "FY 2023-2024" (ORSE's work plan), "FY2024-2026 library" (a
 * department's REAP), or a fiscal year's end year as a number (ORSE's work plan).
 */
export async function resolvePlan(
  ctx: ServiceContext,
  ref: string | number,
): Promise<Plan & { department: { code: string; slackChannelId: string | null } | null }> {
  const plans = await ctx.prisma.plan.findMany({ include: { department: { select: { code: true, slackChannelId: true } } }, orderBy: { key: 'asc' } });
  const text = typeof ref === 'number' ? `FY${ref}` : ref;
  const failure = () => notFound('errors.notFound.plan', { query: String(ref), suggestions: plans.map((p) => p.key) });

  const byKey = plans.find((p) => p.key.toLowerCase() === text.trim().toLowerCase());
  if (byKey) return byKey;
  const parsed = parsePlanRef(text);
  if (!parsed.years) throw failure();
  const years = parsed.years;

  let candidates = plans.filter((p) => p.kind === 'ORSE_WORK_PLAN');
  if (parsed.departmentQuery !== '') {
    const departments = await ctx.prisma.department.findMany({ select: { id: true, code: true, name: true } });
    const match = matchDepartment(parsed.departmentQuery, departments);
    if (!match.found) throw failure();
    const departmentId = match.found.id;
    candidates = plans.filter((p) => p.departmentId === departmentId && p.kind === 'DEPARTMENT_REAP');
    // ORSE's own REAP is its work plan.
    if (candidates.length === 0) candidates = plans.filter((p) => p.departmentId === departmentId);
  }
  const exact = candidates.find((p) => planMatchesYears(p, years) === 'exact');
  const covering = candidates.filter((p) => planMatchesYears(p, years) === 'covers').sort((a, b) => b.fiscalEndYear - a.fiscalEndYear);
  const plan = exact ?? covering[0];
  if (!plan) throw failure();
  return plan;
}

/** The table without an authorization check: for the operator CLI and scheduled jobs. */
export async function buildPlanTable(ctx: ServiceContext, ref: string | number): Promise<PlanTable> {
  const plan = await resolvePlan(ctx, ref);
  return tableFor(ctx, plan);
}

async function tableFor(ctx: ServiceContext, plan: Plan & { department: { code: string; slackChannelId: string | null } | null }): Promise<PlanTable> {
  const objectives = await ctx.prisma.objective.findMany({
    where: { planId: plan.id },
    orderBy: { number: 'asc' },
    select: {
      number: true,
      title: true,
      strategies: {
        where: { archivedAt: null },
        orderBy: { number: 'asc' },
        select: { number: true, text: true, status: true, performanceMeasures: true, outputs: true },
      },
    },
  });
  return {
    plan: {
      id: plan.id,
      key: plan.key,
      title: plan.title,
      kind: plan.kind,
      fiscalStartYear: plan.fiscalStartYear,
      fiscalEndYear: plan.fiscalEndYear,
      departmentCode: plan.department?.code ?? null,
      departmentChannelId: plan.department?.slackChannelId ?? null,
    },
    table: buildReportTable({ title: plan.title, objectives }),
  };
}

/**
 * The table for a reader. ORSE's work plan is published to Council, so every member may
 * read it; a department's REAP table is for those who may read that department.
 */
export async function workPlanTable(ctx: ServiceContext, actor: Actor, ref: string | number): Promise<PlanTable> {
  const plan = await resolvePlan(ctx, ref);
  if (plan.kind !== 'ORSE_WORK_PLAN') {
    await requireRead(ctx, actor, plan.departmentId, { action: 'report.table', entityType: 'plan', entityId: plan.id });
  }
  return tableFor(ctx, plan);
}

export function renderPlanTable(planTable: PlanTable, format: ReportFormat): RenderedReport {
  return format === 'csv'
    ? { filename: `${planTable.plan.key}.csv`, mimeType: 'text/csv', content: renderCsv(planTable.table) }
    : { filename: `${planTable.plan.key}.md`, mimeType: 'text/markdown', content: renderMarkdown(planTable.table) };
}

export async function exportPlanTable(ctx: ServiceContext, actor: Actor, ref: string | number, format: ReportFormat): Promise<RenderedReport> {
  return renderPlanTable(await workPlanTable(ctx, actor, ref), format);
}

/**
 * Where a report may be posted. ORSE's work plan is published to Council, so any channel;
 * a department's REAP holds that department's working content, so only its own channel,
 * and anywhere else it goes to the person who asked, in a direct message.
 */
export function reportDestination(plan: PlanTable['plan'], channelId: string): 'channel' | 'direct' {
  if (plan.kind === 'ORSE_WORK_PLAN') return 'channel';
  return plan.departmentChannelId !== null && plan.departmentChannelId === channelId ? 'channel' : 'direct';
}

/** "FY 2023-2024" or "FY 2024-2026", for titles and file names shown to people. */
export const planPeriodLabel = (p: { fiscalStartYear: number; fiscalEndYear: number }): string =>
  p.fiscalEndYear - p.fiscalStartYear === 1 ? fiscalYearLabel(p.fiscalEndYear) : `FY ${p.fiscalStartYear}-${p.fiscalEndYear}`;
