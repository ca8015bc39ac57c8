// What the update-prompts job chooses from: every live strategy that expects progress
// reports and has an active owner, with its department's cadence and the latest period it
// was reported for. Two queries however many owners there are; domain/update-prompts.ts decides.
import { isoDateOf } from '../domain/calendar-dates.js';
import type { PromptStrategy } from '../domain/update-prompts.js';
import { REPORTING_STATUSES } from '../domain/status-summary.js';
import type { ServiceContext } from './service-context.js';
import { citywidePlanOf, strategyDepartment, strategyDepartmentId, strategyLabel } from './strategy-records.js';

/**
 * @param since only updates for periods starting on or after this ISO date matter (the
 *   start of the current quarter: a monthly period never starts before it).
 */
export async function loadPromptStrategies(ctx: ServiceContext, since: string): Promise<PromptStrategy[]> {
  const live = { archivedAt: null, status: { in: [...REPORTING_STATUSES] }, owner: { active: true } };
  const [strategies, reported] = await Promise.all([
    ctx.prisma.strategy.findMany({
      where: live,
      select: {
        id: true,
        number: true,
        text: true,
        status: true,
        dueDate: true,
        // A citywide strategy reports on its lead department's cadence (strategyDepartment).
        leadDepartmentId: true,
        leadDepartment: { select: { code: true, name: true, reportingCadence: true } },
        objective: {
          select: {
            number: true,
            plan: { select: { kind: true, title: true, departmentId: true, department: { select: { code: true, name: true, reportingCadence: true } } } },
          },
        },
        owner: { select: { id: true, slackUserId: true, name: true, language: true, slackLocale: true, departmentId: true, active: true } },
      },
      orderBy: { id: 'asc' },
    }),
    ctx.prisma.progressUpdate.groupBy({
      by: ['strategyId'],
      where: { periodStart: { gte: new Date(`${since}T00:00:00.000Z`) }, strategy: live },
      _max: { periodStart: true },
    }),
  ]);
  const last = new Map(reported.map((r) => [r.strategyId, r._max.periodStart ? isoDateOf(r._max.periodStart) : null]));
  const out: PromptStrategy[] = [];
  for (const s of strategies) {
    if (!s.owner) continue;
    const department = strategyDepartment(s);
    out.push({
      id: s.id,
      label: strategyLabel(s),
      citywidePlan: citywidePlanOf(s),
      text: s.text,
      status: s.status,
      dueDate: s.dueDate ? isoDateOf(s.dueDate) : null,
      departmentId: strategyDepartmentId(s),
      departmentCode: department?.code ?? null,
      departmentName: department?.name ?? null,
      cadence: department?.reportingCadence ?? 'QUARTERLY',
      lastPeriodStart: last.get(s.id) ?? null,
      owner: {
        memberId: s.owner.id,
        slackUserId: s.owner.slackUserId,
        name: s.owner.name,
        language: s.owner.language,
        slackLocale: s.owner.slackLocale,
        departmentId: s.owner.departmentId,
        active: s.owner.active,
      },
    });
  }
  return out;
}
