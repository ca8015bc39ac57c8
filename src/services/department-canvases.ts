// The living canvas of a department channel (issue #17): who may create it, where it is
// recorded, what it shows, and the claims that keep two syncs off one canvas. Slack calls
// stay in the Slack layer (src/slack/features/plan/department-canvas.ts); this is the database side.
import type { StrategyStatus, Visibility } from '../generated/prisma/enums.js';
import { Prisma as PrismaNS, type DepartmentCanvas } from '../generated/prisma/client.js';
import { isoDateOf } from '../domain/calendar-dates.js';
import { fiscalYearOf } from '../domain/fiscal-calendar.js';
import { canManageDepartment, type Actor } from '../domain/permissions.js';
import { requireManage } from './authz.js';
import { writeAudit } from './audit.js';
import { currentPlan } from './plans.js';
import { computeCitywideStatus } from './status.js';
import type { ServiceContext } from './service-context.js';
import { strategyLabel } from './strategy-records.js';

export type { DepartmentCanvas } from '../generated/prisma/client.js';

export interface CanvasDepartment {
  id: number;
  code: string;
  name: string;
  slackChannelId: string | null;
}

export type CanvasRequest =
  /** Not a department's channel: where the person could type it instead (null: we cannot tell). */
  { kind: 'elsewhere'; ownChannelId: string | null } | { kind: 'department'; department: CanvasDepartment; canvas: DepartmentCanvas | null };

const departmentSelect = { id: true, code: true, name: true, slackChannelId: true } as const;

/**
 * What `/reap canvas` typed in `channelId` may do. Only the department's equity lead or an
 * ORSE admin may put the plan in the channel's canvas; anyone else is refused and audited.
 */
export async function channelCanvasRequest(ctx: ServiceContext, actor: Actor, channelId: string): Promise<CanvasRequest> {
  const department = await ctx.prisma.department.findFirst({ where: { slackChannelId: channelId }, select: departmentSelect });
  if (!department) {
    // Point people only at a channel where the command would work for them.
    const own =
      actor.departmentId !== null && canManageDepartment(actor, actor.departmentId)
        ? await ctx.prisma.department.findUnique({ where: { id: actor.departmentId }, select: { slackChannelId: true } })
        : null;
    return { kind: 'elsewhere', ownChannelId: own?.slackChannelId ?? null };
  }
  await requireManage(ctx, actor, department.id, { action: 'canvas.create', entityType: 'department', entityId: department.id });
  const canvas = await ctx.prisma.departmentCanvas.findUnique({ where: { channelId } });
  return { kind: 'department', department, canvas };
}

/**
 * Remembers the canvas Slack made for the channel. A second request that raced this one
 * finds the row already there and gets it back unchanged.
 */
export async function recordDepartmentCanvas(
  ctx: ServiceContext,
  actor: Actor,
  canvas: { departmentId: number; channelId: string; canvasId: string; contentHash: string | null; sectionHashes: Record<string, string> | null },
): Promise<DepartmentCanvas> {
  const now = ctx.now();
  const inserted = await ctx.prisma.$executeRaw`
    INSERT INTO "DepartmentCanvas" ("departmentId", "channelId", "canvasId", "contentHash", "sectionHashes", "syncedAt", "nextAttemptAt", "createdBy", "createdAt", "updatedAt")
    VALUES (${canvas.departmentId}, ${canvas.channelId}, ${canvas.canvasId}, ${canvas.contentHash},
            ${canvas.sectionHashes ? JSON.stringify(canvas.sectionHashes) : null}::jsonb,
            ${canvas.contentHash ? now : null}, ${now}, ${actor.slackUserId}, ${now}, ${now})
    ON CONFLICT DO NOTHING`;
  if (inserted > 0) {
    await writeAudit(ctx.prisma, {
      actor: actor.slackUserId,
      action: 'canvas.create',
      entityType: 'department',
      entityId: String(canvas.departmentId),
      after: { channelId: canvas.channelId, canvasId: canvas.canvasId },
    });
  }
  return ctx.prisma.departmentCanvas.findUniqueOrThrow({ where: { channelId: canvas.channelId } });
}

export interface CanvasStrategyContent {
  label: string;
  text: string;
  status: StrategyStatus;
  ownerSlackId: string | null;
  dueDate: string | null;
  performanceMeasures: string;
  lastUpdate: { at: Date; narrative: string; visibility: Visibility } | null;
}

/** One department's line in ORSE's citywide summary. */
export interface CitywideCanvasRow {
  code: string;
  name: string;
  total: number;
  byStatus: Record<StrategyStatus, number>;
  overdue: number;
  /** Expects reports and filed none this quarter. */
  silent: boolean;
}

export interface DepartmentCanvasContent {
  department: CanvasDepartment;
  /** Null when the department has no plan yet. */
  plan: { title: string } | null;
  objectives: { number: number; title: string; strategies: CanvasStrategyContent[] }[];
  /** ORSE's canvas (the department whose plan is the ORSE work plan) also sums up every department. */
  citywide?: { asOf: string; departments: CitywideCanvasRow[] };
}

/** Departments with a plan, as /reap status citywide counts them (three queries). */
async function citywideRows(ctx: ServiceContext): Promise<DepartmentCanvasContent['citywide']> {
  const city = await computeCitywideStatus(ctx);
  return {
    asOf: city.today,
    departments: city.departments
      .filter((d) => d.total > 0)
      .map((d) => ({ code: d.department.code, name: d.department.name, total: d.total, byStatus: d.byStatus, overdue: d.overdue, silent: d.silent })),
  };
}

/** The department's current plan with each strategy's latest update, in plan order. Three queries. */
export async function departmentCanvasContent(ctx: ServiceContext, departmentId: number): Promise<DepartmentCanvasContent | null> {
  const department = await ctx.prisma.department.findUnique({
    where: { id: departmentId },
    select: { ...departmentSelect, plans: { select: { id: true, key: true, title: true, kind: true, fiscalStartYear: true, fiscalEndYear: true } } },
  });
  if (!department) return null;
  const { plans, ...dept } = department;
  const plan = currentPlan(plans, fiscalYearOf(ctx.now(), ctx.config.timeZone));
  if (!plan) return { department: dept, plan: null, objectives: [] };
  const objectives = await ctx.prisma.objective.findMany({
    where: { planId: plan.id },
    orderBy: { number: 'asc' },
    select: {
      number: true,
      title: true,
      strategies: {
        where: { archivedAt: null },
        orderBy: { number: 'asc' },
        select: { id: true, number: true, text: true, status: true, dueDate: true, performanceMeasures: true, owner: { select: { slackUserId: true } } },
      },
    },
  });
  const ids = objectives.flatMap((o) => o.strategies.map((s) => s.id));
  const latest = ids.length
    ? await ctx.prisma.$queryRaw<{ strategyId: number; createdAt: Date; narrative: string; visibility: Visibility }[]>`
        /* canvas: latest update per strategy */
        SELECT DISTINCT ON ("strategyId") "strategyId", "createdAt", "narrative", "visibility"::text AS "visibility"
          FROM "ProgressUpdate" WHERE "strategyId" IN (${PrismaNS.join(ids)})
         ORDER BY "strategyId", "createdAt" DESC, "id" DESC`
    : [];
  const latestBy = new Map(latest.map((u) => [u.strategyId, u]));
  return {
    department: dept,
    plan: { title: plan.title },
    ...(plan.kind === 'ORSE_WORK_PLAN' ? { citywide: await citywideRows(ctx) } : {}),
    objectives: objectives.map((o) => ({
      number: o.number,
      title: o.title,
      strategies: o.strategies.map((s) => {
        const u = latestBy.get(s.id);
        return {
          label: strategyLabel({ number: s.number, objective: { number: o.number } }),
          text: s.text,
          status: s.status,
          ownerSlackId: s.owner?.slackUserId ?? null,
          dueDate: s.dueDate ? isoDateOf(s.dueDate) : null,
          performanceMeasures: s.performanceMeasures,
          lastUpdate: u ? { at: u.createdAt, narrative: u.narrative, visibility: u.visibility } : null,
        };
      }),
    })),
  };
}

/** Canvases the sync job should look at now: not waiting out a failure, not being synced. */
export async function dueDepartmentCanvases(ctx: ServiceContext, now: Date): Promise<DepartmentCanvas[]> {
  return ctx.prisma.departmentCanvas.findMany({
    where: { nextAttemptAt: { lte: now }, OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] },
    orderBy: { id: 'asc' },
  });
}

/**
 * Takes the canvas for one sync, in one statement. False when another sync holds it: two
 * syncs editing one canvas could each insert a section the other had not yet seen.
 */
export async function claimDepartmentCanvas(ctx: ServiceContext, id: number, instanceId: string, leaseMs: number): Promise<boolean> {
  const now = ctx.now();
  const until = new Date(now.getTime() + leaseMs);
  const claimed = await ctx.prisma.$executeRaw`
    /* canvas: claim */ UPDATE "DepartmentCanvas" SET "lockedBy" = ${instanceId}, "lockedUntil" = ${until}
     WHERE "id" = ${id} AND ("lockedUntil" IS NULL OR "lockedUntil" < ${now})`;
  return claimed > 0;
}

/** The canvas now shows this rendering; the claim is released. */
export async function finishDepartmentCanvasSync(
  ctx: ServiceContext,
  id: number,
  instanceId: string,
  written: { contentHash: string; sectionHashes: Record<string, string> },
): Promise<void> {
  const now = ctx.now();
  await ctx.prisma.$executeRaw`
    /* canvas: synced */ UPDATE "DepartmentCanvas"
       SET "contentHash" = ${written.contentHash}, "sectionHashes" = ${JSON.stringify(written.sectionHashes)}::jsonb,
           "syncedAt" = ${now}, "attempts" = 0, "nextAttemptAt" = ${now}, "lastError" = NULL,
           "lockedBy" = NULL, "lockedUntil" = NULL, "updatedAt" = ${now}
     WHERE "id" = ${id} AND "lockedBy" = ${instanceId}`;
}

/** The sync failed; it is tried again from `retryAt`. The claim is released. */
export async function failDepartmentCanvasSync(ctx: ServiceContext, id: number, instanceId: string, error: string, retryAt: Date): Promise<void> {
  const now = ctx.now();
  await ctx.prisma.$executeRaw`
    /* canvas: failed */ UPDATE "DepartmentCanvas"
       SET "attempts" = "attempts" + 1, "nextAttemptAt" = ${retryAt}, "lastError" = ${error.slice(0, 500)},
           "lockedBy" = NULL, "lockedUntil" = NULL, "updatedAt" = ${now}
     WHERE "id" = ${id} AND "lockedBy" = ${instanceId}`;
}

/** Someone deleted the canvas in Slack: forget it, so `/reap canvas` can make a new one. */
export async function forgetDepartmentCanvas(ctx: ServiceContext, id: number, reason: string): Promise<void> {
  const row = await ctx.prisma.departmentCanvas.findUnique({ where: { id } });
  if (!row) return;
  await ctx.prisma.$executeRaw`/* canvas: forget */ DELETE FROM "DepartmentCanvas" WHERE "id" = ${id}`;
  await writeAudit(ctx.prisma, {
    actor: 'system:canvas-sync',
    action: 'canvas.forget',
    entityType: 'department',
    entityId: String(row.departmentId),
    before: { channelId: row.channelId, canvasId: row.canvasId },
    detail: reason,
  });
}
