// Loading a strategy together with where it sits (objective, plan, department), which is
// what authorization and the reporting period need. One statement, however deep.
import type { StrategyScope } from '../domain/permissions.js';
import { Prisma as PrismaNS, type Strategy } from '../generated/prisma/client.js';
import type { PlanKind } from '../generated/prisma/enums.js';
import type { Prisma } from '../db/client.js';
import { isoDateOf } from '../domain/calendar-dates.js';
import { notFound } from './errors.js';
import type { ServiceContext, Tx } from './service-context.js';

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
          department: { select: { id: true, code: true, name: true, reportingCadence: true, slackChannelId: true } },
        },
      },
    },
  },
  // A citywide strategy's department: its reporting cadence is the one its updates follow,
  // its channel the one they are posted in.
  leadDepartment: { select: { id: true, code: true, name: true, reportingCadence: true, slackChannelId: true } },
  owner: { select: { id: true, slackUserId: true, name: true, active: true } },
} satisfies PrismaNS.StrategyInclude;

export type StrategyRecord = PrismaNS.StrategyGetPayload<{ include: typeof strategyWithPlace }>;

/** The strategy's own columns, then where it sits and who owns it, as one flat row. */
type StrategyRecordRow = Strategy & {
  objectiveNumber: number;
  objectiveTitle: string;
  planId: number;
  planKey: string;
  planTitle: string;
  planKind: StrategyRecord['objective']['plan']['kind'];
  planDepartmentId: number | null;
  departmentId: number | null;
  departmentCode: string | null;
  departmentName: string | null;
  reportingCadence: NonNullable<StrategyRecord['objective']['plan']['department']>['reportingCadence'] | null;
  departmentChannel: string | null;
  leadCode: string | null;
  leadName: string | null;
  leadCadence: NonNullable<StrategyRecord['leadDepartment']>['reportingCadence'] | null;
  leadChannel: string | null;
  ownerSlackUserId: string | null;
  ownerName: string | null;
  ownerActive: boolean | null;
};

/**
 * The strategy with `strategyWithPlace`'s shape. SQL rather than that include: submissions,
 * forms and every managing action start here, and Prisma's compiling and mapping of a
 * three-level include costs several times the statement on the event loop Slack's
 * acknowledgements share. tests/integration/services/strategy-records.test.ts holds it to
 * the include's answer, field for field.
 */
export async function findStrategy(db: Prisma | Tx, strategyId: number): Promise<StrategyRecord | null> {
  const [r] = await db.$queryRaw<StrategyRecordRow[]>(strategyRecordSql(strategyId, PrismaNS.empty));
  return r ? toStrategyRecord(r) : null;
}

/**
 * `findStrategy` and one more column of the caller's, `extraColumn` (SQL for a JSON text
 * value, which may refer to the strategy as `s`), in the same statement; null when the
 * strategy does not exist. For a read that always follows the strategy's (a form's
 * defaults): one statement instead of two.
 */
export async function findStrategyWith(
  db: Prisma | Tx,
  strategyId: number,
  extraColumn: PrismaNS.Sql,
): Promise<{ strategy: StrategyRecord; extra: unknown } | null> {
  const [r] = await db.$queryRaw<(StrategyRecordRow & { extra: string | null })[]>(strategyRecordSql(strategyId, PrismaNS.sql`, ${extraColumn} AS extra`));
  if (!r) return null;
  const { extra, ...row } = r;
  return { strategy: toStrategyRecord(row), extra: extra === null ? null : JSON.parse(extra) };
}

const strategyRecordSql = (strategyId: number, extra: PrismaNS.Sql) => PrismaNS.sql`
    SELECT s.id, s."objectiveId", s.number, s.text, s.status::text AS status, s."ownerId", s."dueDate",
           s."performanceMeasures", s.outputs, s."languageAccess", s."disabilityAccess", s."genderEquity",
           s."priorityCommunities", s."deferredReason", s."needsReassignment", s."leadDepartmentId", s.version, s."archivedAt",
           s."createdAt", s."updatedAt",
           o.number AS "objectiveNumber", o.title AS "objectiveTitle",
           p.id AS "planId", p.key AS "planKey", p.title AS "planTitle", p.kind::text AS "planKind",
           p."departmentId" AS "planDepartmentId",
           d.id AS "departmentId", d.code AS "departmentCode", d.name AS "departmentName",
           d."reportingCadence"::text AS "reportingCadence", d."slackChannelId" AS "departmentChannel",
           ld.code AS "leadCode", ld.name AS "leadName", ld."reportingCadence"::text AS "leadCadence", ld."slackChannelId" AS "leadChannel",
           m."slackUserId" AS "ownerSlackUserId", m.name AS "ownerName", m.active AS "ownerActive"
           ${extra}
      FROM "Strategy" s
      JOIN "Objective" o ON o.id = s."objectiveId"
      JOIN "Plan" p ON p.id = o."planId"
      LEFT JOIN "Department" d ON d.id = p."departmentId"
      LEFT JOIN "Department" ld ON ld.id = s."leadDepartmentId"
      LEFT JOIN "Member" m ON m.id = s."ownerId"
     WHERE s.id = ${strategyId}`;

function toStrategyRecord(r: StrategyRecordRow): StrategyRecord {
  const {
    objectiveNumber,
    objectiveTitle,
    planId,
    planKey,
    planTitle,
    planKind,
    planDepartmentId,
    departmentId,
    departmentCode,
    departmentName,
    reportingCadence,
    departmentChannel,
    leadCode,
    leadName,
    leadCadence,
    leadChannel,
    ownerSlackUserId,
    ownerName,
    ownerActive,
    ...strategy
  } = r;
  return {
    ...strategy,
    objective: {
      id: strategy.objectiveId,
      number: objectiveNumber,
      title: objectiveTitle,
      plan: {
        id: planId,
        key: planKey,
        title: planTitle,
        kind: planKind,
        departmentId: planDepartmentId,
        department:
          departmentId !== null
            ? {
                id: departmentId,
                code: departmentCode ?? '',
                name: departmentName ?? '',
                reportingCadence: reportingCadence ?? 'QUARTERLY',
                slackChannelId: departmentChannel,
              }
            : null,
      },
    },
    leadDepartment:
      strategy.leadDepartmentId !== null
        ? {
            id: strategy.leadDepartmentId,
            code: leadCode ?? '',
            name: leadName ?? '',
            reportingCadence: leadCadence ?? 'QUARTERLY',
            slackChannelId: leadChannel,
          }
        : null,
    owner:
      strategy.ownerId !== null && ownerSlackUserId !== null
        ? { id: strategy.ownerId, slackUserId: ownerSlackUserId, name: ownerName ?? '', active: ownerActive ?? false }
        : null,
  };
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

/** `loadLiveStrategy` for a use case's caller: the same single statement. */
export const liveStrategy = (ctx: ServiceContext, strategyId: number): Promise<StrategyRecord> => loadLiveStrategy(ctx.prisma, strategyId);

/** The Slack id of a strategy's owner, if it has one (whoever a change takes it from). */
export async function strategyOwnerSlackId(ctx: ServiceContext, strategyId: number): Promise<string | null> {
  const s = await ctx.prisma.strategy.findUnique({ where: { id: strategyId }, select: { owner: { select: { slackUserId: true } } } });
  return s?.owner?.slackUserId ?? null;
}

/** The departments named as partners on a citywide strategy, by id. */
export async function strategyPartnerIds(ctx: ServiceContext, strategyId: number): Promise<number[]> {
  const rows = await ctx.prisma.strategyPartner.findMany({ where: { strategyId }, select: { departmentId: true }, orderBy: { departmentId: 'asc' } });
  return rows.map((r) => r.departmentId);
}

/** Whom a change to a strategy concerns: its owner and its department (strategyDepartmentId); null when it is gone. */
export async function strategyConcerns(ctx: ServiceContext, strategyId: number): Promise<{ ownerSlackId: string | null; departmentId: number | null } | null> {
  const s = await ctx.prisma.strategy.findUnique({
    where: { id: strategyId },
    select: {
      leadDepartmentId: true,
      owner: { select: { slackUserId: true } },
      objective: { select: { plan: { select: { departmentId: true } } } },
    },
  });
  if (!s) return null;
  return { ownerSlackId: s.owner?.slackUserId ?? null, departmentId: strategyDepartmentId(s) };
}

/**
 * Live strategies labelled `objective.number` in a place: a department code or plan key
 * (any case), or a department id. The first ten by id, each with its plan's key. A citywide
 * strategy is in its lead department's place (its plan has no department), as it is for
 * reporting on it; by its plan key it is found too.
 */
export async function findStrategiesByLabel(
  ctx: ServiceContext,
  place: { scope: string } | { departmentId: number | null },
  objective: number,
  number: number,
): Promise<{ id: number; planKey: string }[]> {
  let where: PrismaNS.StrategyWhereInput;
  if ('scope' in place) {
    const code = { code: { equals: place.scope, mode: 'insensitive' as const } };
    where = {
      OR: [
        { leadDepartment: code },
        { leadDepartmentId: null, objective: { plan: { department: code } } },
        { objective: { plan: { key: { equals: place.scope, mode: 'insensitive' as const } } } },
      ],
    };
  } else {
    where = place.departmentId === null ? { leadDepartmentId: null, objective: { plan: { departmentId: null } } } : inStrategyDepartments([place.departmentId]);
  }
  const matches = await ctx.prisma.strategy.findMany({
    where: { archivedAt: null, number, objective: { number: objective }, AND: [where] },
    select: { id: true, objective: { select: { plan: { select: { key: true } } } } },
    orderBy: { id: 'asc' },
    take: 10,
  });
  return matches.map((m) => ({ id: m.id, planKey: m.objective.plan.key }));
}

/**
 * The department a strategy belongs to: a citywide strategy's lead department, else its
 * plan's. Optional so that a select that leaves it out falls back to the plan, which for a
 * citywide plan (no department) leaves the strategy to ORSE: refusing, never granting.
 */
export const strategyDepartmentId = (s: { leadDepartmentId?: number | null; objective: { plan: { departmentId: number | null } } }): number | null =>
  s.leadDepartmentId ?? s.objective.plan.departmentId;

/**
 * `strategyDepartmentId` in SQL, for a query that names the strategy `s` and its plan `p`.
 * Department-scoped reads (digests, status, changes, coverage) select and group by it, so a
 * citywide strategy counts for its lead department, once. Partner departments only read
 * citywide strategies: they are never counted here. No index serves a filter on it: to
 * keep one department's strategies, filter with `strategyIdsInDepartmentsSql` instead.
 */
export const strategyDepartmentSql = PrismaNS.sql`coalesce(s."leadDepartmentId", p."departmentId")`;

/**
 * The ids of the strategies belonging to these departments (never empty), as a subquery
 * the database answers from indexes: citywide strategies by Strategy.leadDepartmentId,
 * the rest by Plan.departmentId. A filter on `strategyDepartmentSql`, or the Prisma
 * `OR` of `inStrategyDepartments` under another table, makes it read every strategy and,
 * joined, every update: a department's /reap status took 1.5× the CPU on 60 departments
 * × 30 strategies × 20 updates (bench/read-profile.bench.ts, PGlite with statistics).
 */
export const strategyIdsInDepartmentsSql = (departmentIds: readonly number[]) => {
  const ids = PrismaNS.join([...departmentIds]);
  return PrismaNS.sql`SELECT ls.id FROM "Strategy" ls WHERE ls."leadDepartmentId" IN (${ids})
    UNION ALL
    SELECT ds.id FROM "Plan" dp JOIN "Objective" dob ON dob."planId" = dp.id JOIN "Strategy" ds ON ds."objectiveId" = dob.id
     WHERE dp."departmentId" IN (${ids}) AND ds."leadDepartmentId" IS NULL`;
};

/**
 * The strategies of these departments (never empty), whole rows, as a subquery to select
 * from as `s`: `strategyIdsInDepartmentsSql` for a read that joins more to them. Selecting
 * from `Strategy` where the id is in that subquery lets the planner read every strategy
 * and keep the department's by hash (1,800 rows for 30 on the read benchmark's data);
 * these come straight from the two indexes.
 */
export const strategyRowsInDepartmentsSql = (departmentIds: readonly number[]) => {
  const ids = PrismaNS.join([...departmentIds]);
  return PrismaNS.sql`SELECT ls.* FROM "Strategy" ls WHERE ls."leadDepartmentId" IN (${ids})
    UNION ALL
    SELECT ds.* FROM "Plan" dp JOIN "Objective" dob ON dob."planId" = dp.id JOIN "Strategy" ds ON ds."objectiveId" = dob.id
     WHERE dp."departmentId" IN (${ids}) AND ds."leadDepartmentId" IS NULL`;
};

/**
 * `strategyDepartmentId` as a Prisma filter on Strategy: strategies belonging to one of
 * these departments (a citywide one by its lead, not its partners). For rows of another
 * table (updates, milestones), filter on the ids these strategies have instead: nested
 * under a relation, this `OR` cannot use an index (see strategyIdsInDepartmentsSql).
 */
export const inStrategyDepartments = (departmentIds: readonly number[]): PrismaNS.StrategyWhereInput => ({
  OR: [{ leadDepartmentId: { in: [...departmentIds] } }, { leadDepartmentId: null, objective: { plan: { departmentId: { in: [...departmentIds] } } } }],
});

/** The department a strategy belongs to, as selected: its lead department, else its plan's. */
export const strategyDepartment = <D>(s: { leadDepartment?: D | null; objective: { plan: { department: D | null } } }): D | null =>
  s.leadDepartment ?? s.objective.plan.department;

export const scopeOf = (s: {
  ownerId: number | null;
  leadDepartmentId?: number | null;
  partners?: readonly { departmentId: number }[];
  objective: { plan: { departmentId: number | null } };
}): StrategyScope => ({
  departmentId: strategyDepartmentId(s),
  ownerId: s.ownerId,
  ...(s.partners ? { partnerDepartmentIds: s.partners.map((p) => p.departmentId) } : {}),
});

/** "2.3": objective 2, strategy 3, as the plans and the annual report number them. */
export const strategyLabel = (s: { number: number; objective: { number: number } }): string => `${s.objective.number}.${s.number}`;

/**
 * The title of the citywide plan a strategy is in, or null for a department plan's: lists
 * under a department name the plan beside the label (slack/ui/strategy-label.ts), since
 * the department's own REAP may number a strategy the same.
 */
export const citywidePlanOf = (s: { objective: { plan: { kind: PlanKind; title: string } } }): string | null =>
  s.objective.plan.kind === 'CITYWIDE_PLAN' ? s.objective.plan.title : null;

/** `citywidePlanOf` in SQL, for a query that names the strategy's plan `p`. */
export const citywidePlanSql = PrismaNS.sql`CASE WHEN p.kind = 'CITYWIDE_PLAN' THEN p.title END`;

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
