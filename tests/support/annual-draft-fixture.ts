// An annual report draft's input without a database: ORSE's FY 2023-2024 work plan from the
// seed's constant, with progress updates of every visibility, one of them hostile.
import { buildReportTable, renderMarkdown } from '../../src/domain/report-table.js';
import { ORSE_WORK_PLAN_FY2023_2024 as PLAN } from '../../src/db/seed/orse-work-plan-fy2023-2024.js';
import type { AnnualDraftInput, DraftUpdateRow } from '../../src/services/reports/annual-draft.js';

export const FIXTURE_NOW = new Date('2026-11-18T17:00:00Z');
export const FIXTURE_ZONE = 'America/Los_Angeles';

/** Strategy ids as the fixture numbers them: objective * 100 + strategy. */
export const strategyId = (objective: number, strategy: number) => objective * 100 + strategy;

const ORSE = { code: 'ORSE', name: 'Office of Racial and Social Equity' };
const LIB = { code: 'LIB', name: 'San José Public Library' };

function update(id: number, over: Partial<DraftUpdateRow>): DraftUpdateRow {
  return {
    id,
    strategyId: strategyId(1, 6),
    visibility: 'PUBLIC',
    createdAt: new Date('2024-01-10T18:00:00Z'),
    periodKey: 'FY2024-Q2',
    periodStart: '2023-10-01',
    periodEnd: '2023-12-31',
    narrative: '',
    measureValues: '',
    outputs: '',
    strategyRef: '1.6',
    planKey: PLAN.key,
    planKind: 'ORSE_WORK_PLAN',
    department: ORSE,
    ...over,
  };
}

export const FIXTURE_UPDATES: readonly DraftUpdateRow[] = [
  update(501, { narrative: 'Delivered 15 trainings to about 420 City staff.', measureValues: '4.7/5 rating', outputs: '15 trainings\n420 participants' }),
  update(502, { narrative: 'Internal note: the trainer contract is late.', visibility: 'INTERNAL' }),
  update(503, { narrative: 'REDI only: staffing gaps in two teams.', visibility: 'REDI' }),
  update(504, {
    strategyId: strategyId(2, 2),
    strategyRef: '2.2',
    createdAt: new Date('2024-04-15T18:00:00Z'),
    periodKey: 'FY2024-Q3',
    periodStart: '2024-01-01',
    periodEnd: '2024-03-31',
    narrative: '<script>alert("x")</script> Equity teams met 12 times & *grew*.',
  }),
  // Reported for the next fiscal year: not this report's.
  update(505, {
    narrative: 'Next year already.',
    periodKey: 'FY2025-Q1',
    periodStart: '2024-07-01',
    periodEnd: '2024-09-30',
    createdAt: new Date('2024-08-01T18:00:00Z'),
  }),
  update(601, {
    strategyId: 9001,
    strategyRef: '1.1',
    planKey: 'LIB-FY2024-2026',
    planKind: 'DEPARTMENT_REAP',
    department: LIB,
    createdAt: new Date('2024-05-02T18:00:00Z'),
    periodKey: 'FY2024-Q4',
    periodStart: '2024-04-01',
    periodEnd: '2024-06-30',
    narrative: 'Piloted the EDI quality assessments with four adult programs.',
  }),
  update(602, {
    strategyId: 9002,
    strategyRef: '1.2',
    planKey: 'LIB-FY2024-2026',
    planKind: 'DEPARTMENT_REAP',
    department: LIB,
    visibility: 'INTERNAL',
    narrative: 'Library internal: budget shortfall.',
  }),
];

export function annualDraftFixture(updates: readonly DraftUpdateRow[] = FIXTURE_UPDATES): AnnualDraftInput {
  const objectives = PLAN.objectives.map((o) => ({
    number: o.number,
    title: o.title,
    strategies: o.strategies.map((s) => ({ ...s, id: strategyId(o.number, s.number) })),
  }));
  const table = buildReportTable({ title: PLAN.title, objectives: PLAN.objectives });
  return {
    plan: { key: PLAN.key, title: PLAN.title, departmentName: ORSE.name },
    fiscalYearEnd: 2024,
    generatedAt: FIXTURE_NOW,
    timeZone: FIXTURE_ZONE,
    objectives,
    updates,
    counts: { departments: 11, departmentsWithPlan: 7, updatesInYear: 6, departmentsReporting: 2 },
    includesDemoData: false,
    table,
    tableMarkdown: renderMarkdown(table),
  };
}
