// Loading a strategy together with where it sits (objective, plan, department), which is
// what authorization and the reporting period need. One findUnique, however deep.
import type { StrategyScope } from '../domain/permissions.js';
import type { Prisma as PrismaNS } from '../generated/prisma/client.js';
import type { Prisma } from '../db/client.js';
import { isoDateOf } from '../domain/calendar-dates.js';
import { notFound } from './errors.js';
import type { Tx } from './service-context.js';

export const strategyWithPlace = {
  objective: {
    select: {
      id: true,
      number: true,
      title: true,
      plan: {
        select: {
          id: true,
          key: true,
          title: true,
          kind: true,
          departmentId: true,
          department: { select: { id: true, code: true, name: true, reportingCadence: true } },
        },
      },
    },
  },
  owner: { select: { id: true, slackUserId: true, name: true, active: true } },
} satisfies PrismaNS.StrategyInclude;

export type StrategyRecord = PrismaNS.StrategyGetPayload<{ include: typeof strategyWithPlace }>;

export async function findStrategy(db: Prisma | Tx, strategyId: number): Promise<StrategyRecord | null> {
  return db.strategy.findUnique({ where: { id: strategyId }, include: strategyWithPlace });
}

/**
 * A strategy people can still work on. Deleted and archived ones are the same to the
 * user: the form they opened points at something that is gone.
 */
export async function loadLiveStrategy(db: Prisma | Tx, strategyId: number): Promise<StrategyRecord> {
  const s = await findStrategy(db, strategyId);
  if (!s || s.archivedAt !== null) throw notFound('errors.notFound.strategy', { strategyId });
  return s;
}

export const scopeOf = (s: { ownerId: number | null; objective: { plan: { departmentId: number | null } } }): StrategyScope => ({
  departmentId: s.objective.plan.departmentId,
  ownerId: s.ownerId,
});

/** "2.3": objective 2, strategy 3, as the plans and the annual report number them. */
export const strategyLabel = (s: { number: number; objective: { number: number } }): string => `${s.objective.number}.${s.number}`;

/** The fields of a strategy worth keeping in the audit log before and after a change. */
export function strategyAuditSnapshot(s: {
  text: string;
  status: string;
  ownerId: number | null;
  dueDate: Date | null;
  performanceMeasures: string;
  outputs: string;
  deferredReason: string | null;
  needsReassignment: boolean;
  languageAccess: boolean;
  disabilityAccess: boolean;
  genderEquity: boolean;
  priorityCommunities: boolean;
  version: number;
  archivedAt: Date | null;
}) {
  return {
    text: s.text,
    status: s.status,
    ownerId: s.ownerId,
    dueDate: s.dueDate ? isoDateOf(s.dueDate) : null,
    performanceMeasures: s.performanceMeasures,
    outputs: s.outputs,
    deferredReason: s.deferredReason,
    needsReassignment: s.needsReassignment,
    languageAccess: s.languageAccess,
    disabilityAccess: s.disabilityAccess,
    genderEquity: s.genderEquity,
    priorityCommunities: s.priorityCommunities,
    version: s.version,
    archivedAt: s.archivedAt,
  };
}
