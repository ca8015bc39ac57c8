// The annual report draft (issue #16 item 5): what the draft is built from, read from the
// database, and the two files ORSE edits before publishing. The words and layout are in
// services/reports/annual-draft.ts; the attachment is `/reap report`'s own table.
import { reportedMeasures } from './measures.js';
import { fiscalYearLabel, fiscalYearRange, parseFiscalYears } from '../domain/fiscal-calendar.js';
import { dbDate, isoDateOf } from '../domain/calendar-dates.js';
import type { Actor } from '../domain/permissions.js';
import { requireOrseAdmin } from './authz.js';
import { notFound } from './errors.js';
import { buildPlanTable, renderPlanTable, type RenderedReport } from './reports.js';
import {
  buildAnnualDraft,
  renderAnnualHtml,
  renderAnnualMarkdown,
  type AnnualDraftInput,
  type DraftChart,
  type DraftUpdateRow,
} from './reports/annual-draft.js';
import type { DraftLang } from './reports/annual-words.js';
import type { ServiceContext } from './service-context.js';
import { strategyDepartment, strategyDepartmentSql } from './strategy-records.js';

export interface AnnualDraftFiles {
  title: string;
  /** "FY 2023-2024" */
  period: string;
  markdown: RenderedReport;
  html: RenderedReport;
}

/** The fiscal year's end year from "FY2023-2024", "FY 2023-24" or "FY24"; a multi-year span is refused. */
async function reportYear(ctx: ServiceContext, ref: string): Promise<number> {
  const years = parseFiscalYears(ref);
  if (years && years.endYear - years.startYear === 1) return years.endYear;
  const plans = await ctx.prisma.plan.findMany({ where: { kind: 'ORSE_WORK_PLAN' }, select: { fiscalEndYear: true }, orderBy: { fiscalEndYear: 'asc' } });
  throw notFound('errors.notFound.plan', { query: ref, suggestions: [...new Set(plans.map((p) => fiscalYearLabel(p.fiscalEndYear).replace(' ', '')))] });
}

interface YearCounts {
  updates: number;
  departments: number;
  demo: boolean;
}

/**
 * What the draft is made of, for the fiscal year `ref` names. No authorization: for the
 * operator CLI; people in Slack go through `annualReportDraft`.
 */
export async function loadAnnualDraftInput(ctx: ServiceContext, ref: string): Promise<AnnualDraftInput> {
  const fiscalYearEnd = await reportYear(ctx, ref);
  const planTable = await buildPlanTable(ctx, fiscalYearLabel(fiscalYearEnd));
  if (planTable.plan.kind !== 'ORSE_WORK_PLAN') throw notFound('errors.notFound.plan', { query: ref, suggestions: [] });
  const year = fiscalYearRange(fiscalYearEnd);
  const inYear = { periodStart: { gte: dbDate(year.start) }, periodEnd: { lte: dbDate(year.end) } };

  const [plan, [counts], updates, departments, departmentsWithPlan, demoDepartments] = await Promise.all([
    ctx.prisma.plan.findUniqueOrThrow({
      where: { id: planTable.plan.id },
      select: {
        department: { select: { name: true } },
        objectives: {
          orderBy: { number: 'asc' },
          select: {
            number: true,
            title: true,
            strategies: {
              where: { archivedAt: null },
              orderBy: { number: 'asc' },
              select: { id: true, number: true, text: true, status: true, performanceMeasures: true, outputs: true },
            },
          },
        },
      },
    }),
    // Counts over every update of the year: a number reveals nothing an INTERNAL note says.
    // A citywide strategy's updates count for its lead department (its plan has none).
    // The dates go as text so the server's time zone cannot move a date compared with them.
    ctx.prisma.$queryRaw<YearCounts[]>`
      /* annual report: updates of the fiscal year */
      SELECT count(*)::int AS updates, count(DISTINCT ${strategyDepartmentSql})::int AS departments, coalesce(bool_or(u."isDemo"), false) AS demo
        FROM "ProgressUpdate" u
        JOIN "Strategy" s ON s.id = u."strategyId"
        JOIN "Objective" o ON o.id = s."objectiveId"
        JOIN "Plan" p ON p.id = o."planId"
       WHERE u."periodStart" >= ${year.start}::date AND u."periodEnd" <= ${year.end}::date`,
    // Words only from PUBLIC updates: nothing else is ever read into memory here.
    ctx.prisma.progressUpdate.findMany({
      where: { ...inYear, visibility: 'PUBLIC', strategy: { archivedAt: null } },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      select: {
        id: true,
        strategyId: true,
        visibility: true,
        createdAt: true,
        periodKey: true,
        periodStart: true,
        periodEnd: true,
        narrative: true,
        measureValues: true,
        outputs: true,
        strategy: {
          select: {
            number: true,
            // A citywide strategy's highlights are its lead department's.
            leadDepartment: { select: { code: true, name: true } },
            objective: { select: { number: true, plan: { select: { key: true, kind: true, department: { select: { code: true, name: true } } } } } },
          },
        },
      },
    }),
    ctx.prisma.department.count(),
    ctx.prisma.department.count({ where: { plans: { some: {} } } }),
    ctx.prisma.department.count({ where: { isDemo: true, plans: { some: {} } } }),
  ]);

  // Figures of the typed measures marked for open data, from the same PUBLIC updates.
  const typed = await reportedMeasures(
    ctx.prisma,
    updates.map((u) => u.id),
    { publicOnly: true },
  );
  return {
    plan: { key: planTable.plan.key, title: planTable.plan.title, departmentName: plan.department?.name ?? null },
    fiscalYearEnd,
    generatedAt: ctx.now(),
    timeZone: ctx.config.timeZone,
    objectives: plan.objectives,
    updates: updates.map(
      (u): DraftUpdateRow => ({
        id: u.id,
        strategyId: u.strategyId,
        visibility: u.visibility,
        createdAt: u.createdAt,
        periodKey: u.periodKey,
        periodStart: isoDateOf(u.periodStart),
        periodEnd: isoDateOf(u.periodEnd),
        narrative: u.narrative,
        measureValues: u.measureValues,
        outputs: u.outputs,
        strategyRef: `${u.strategy.objective.number}.${u.strategy.number}`,
        planKey: u.strategy.objective.plan.key,
        planKind: u.strategy.objective.plan.kind,
        department: strategyDepartment(u.strategy),
        typedValues: typed.get(u.id) ?? [],
      }),
    ),
    counts: {
      departments,
      departmentsWithPlan,
      updatesInYear: counts?.updates ?? 0,
      departmentsReporting: counts?.departments ?? 0,
    },
    includesDemoData: (counts?.demo ?? false) || demoDepartments > 0,
    table: planTable.table,
    tableMarkdown: renderPlanTable(planTable, 'markdown').content,
  };
}

/** The draft for an ORSE admin; anyone else is refused, and the refusal is audited. */
export async function annualReportDraft(ctx: ServiceContext, actor: Actor, ref: string): Promise<AnnualDraftInput> {
  await requireOrseAdmin(ctx, actor, { action: 'report.annual', entityType: 'plan', entityId: ref.trim() || '*' });
  return loadAnnualDraftInput(ctx, ref);
}

/** `charts`: the typed measures' charts by strategy id (charts/annual-measure-charts.ts), drawn in the HTML. */
export function renderAnnualDraft(input: AnnualDraftInput, lang: DraftLang, charts?: ReadonlyMap<number, readonly DraftChart[]>): AnnualDraftFiles {
  const draft = buildAnnualDraft(input, lang, charts);
  const base = `${input.plan.key}-annual-report-draft.${lang}`;
  return {
    title: draft.title,
    period: fiscalYearLabel(input.fiscalYearEnd),
    markdown: { filename: `${base}.md`, mimeType: 'text/markdown', content: renderAnnualMarkdown(draft) },
    html: { filename: `${base}.html`, mimeType: 'text/html', content: renderAnnualHtml(draft) },
  };
}
