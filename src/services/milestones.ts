// Milestones of a strategy: add and edit (strategy managers), mark done (managers and the
// people the reminder goes to).
//
// Milestone has no version column, so an edit names the updatedAt it loaded and is written
// with `updateMany where {id, updatedAt}` (Prisma moves updatedAt on every write): a stale
// form gets `conflict` rather than undoing someone else's change.
import { dbDate, isoDateOf } from '../domain/calendar-dates.js';
import { canCompleteMilestone, type Actor } from '../domain/permissions.js';
import { dueDateMoveProblem, milestoneFieldsSchema, type MilestoneFieldsInput } from '../domain/strategy-input.js';
import { parseFields } from '../domain/validation.js';
import type { Milestone } from '../generated/prisma/client.js';
import { writeAudit } from './audit.js';
import { noticeStrategy, queueChangeNotices } from './change-notices.js';
import { refuse, requireManage } from './authz.js';
import { isUniqueViolationOn } from './db-errors.js';
import { conflict, invalidFields, notFound } from './errors.js';
import { activeMemberId } from './member-refs.js';
import { TX_OPTIONS, cityToday, type ServiceContext } from './service-context.js';
import { loadLiveStrategy, scopeOf, strategyDepartmentId, strategyWithPlace } from './strategy-records.js';

export interface MilestoneView {
  id: number;
  strategyId: number;
  title: string;
  dueDate: string;
  ownerId: number | null;
  completedAt: Date | null;
  /** Pass back as expectedUpdatedAt when editing. */
  updatedAt: Date;
}

export interface MilestoneResult {
  milestone: MilestoneView;
  changed: boolean;
}

export const viewOfMilestone = (m: Milestone): MilestoneView => ({
  id: m.id,
  strategyId: m.strategyId,
  title: m.title,
  dueDate: isoDateOf(m.dueDate),
  ownerId: m.ownerId,
  completedAt: m.completedAt,
  updatedAt: m.updatedAt,
});

const auditSnapshot = (m: Milestone) => ({ ...viewOfMilestone(m), snoozedUntil: m.snoozedUntil });

function parseMilestone(input: MilestoneFieldsInput, today: string, currentDueDate: string | null) {
  const parsed = parseFields(milestoneFieldsSchema(today), input);
  if (!parsed.ok) throw invalidFields(parsed.problems);
  const problem = dueDateMoveProblem('dueDate', parsed.data.dueDate, currentDueDate, today);
  if (problem) throw invalidFields([problem]);
  return parsed.data;
}

function titleTaken(e: unknown, title: string): never {
  if (isUniqueViolationOn(e, 'title')) throw conflict('errors.conflict.milestoneTitleTaken', { title }, 'title');
  throw e;
}

/** A milestone with its owner's Slack id, or null when there is none. */
export async function findMilestone(ctx: ServiceContext, milestoneId: number) {
  return ctx.prisma.milestone.findUnique({ where: { id: milestoneId }, include: { owner: { select: { slackUserId: true } } } });
}

export interface OpenMilestone {
  id: number;
  title: string;
  dueDate: string;
  owner: { slackUserId: string } | null;
}

/** A strategy's milestones still to do, soonest first. */
export async function openMilestones(ctx: ServiceContext, strategyId: number): Promise<OpenMilestone[]> {
  const rows = await ctx.prisma.milestone.findMany({
    where: { strategyId, completedAt: null },
    select: { id: true, title: true, dueDate: true, owner: { select: { slackUserId: true } } },
    orderBy: [{ dueDate: 'asc' }, { id: 'asc' }],
  });
  return rows.map((m) => ({ id: m.id, title: m.title, dueDate: m.dueDate.toISOString().slice(0, 10), owner: m.owner }));
}

export async function addMilestone(ctx: ServiceContext, actor: Actor, strategyId: number, input: MilestoneFieldsInput): Promise<MilestoneResult> {
  const s = await loadLiveStrategy(ctx.prisma, strategyId);
  await requireManage(ctx, actor, strategyDepartmentId(s), { action: 'milestone.add', entityType: 'strategy', entityId: s.id });
  const data = parseMilestone(input, cityToday(ctx), null);
  const ownerId = data.ownerSlackId ? await activeMemberId(ctx.prisma, data.ownerSlackId, 'ownerSlackId') : null;
  try {
    const created = await ctx.prisma.$transaction(async (tx) => {
      const m = await tx.milestone.create({ data: { strategyId: s.id, title: data.title, dueDate: dbDate(data.dueDate), ownerId } });
      await writeAudit(tx, { actor: actor.slackUserId, action: 'milestone.add', entityType: 'milestone', entityId: String(m.id), after: auditSnapshot(m) });
      await queueChangeNotices(
        ctx,
        tx,
        {
          kind: 'milestoneAdded',
          changeKey: `milestone:${m.id}:added`,
          actorSlackId: actor.slackUserId,
          strategy: noticeStrategy(s, s.dueDate),
          milestone: { title: m.title, dueDate: data.dueDate, ownerSlackId: data.ownerSlackId ?? null },
        },
        {
          people: [
            { memberId: ownerId, role: 'milestoneOwner' },
            { memberId: s.ownerId, role: 'owner' },
          ],
          departmentId: strategyDepartmentId(s),
        },
      );
      return m;
    }, TX_OPTIONS);
    return { milestone: viewOfMilestone(created), changed: true };
  } catch (e) {
    return titleTaken(e, data.title);
  }
}

async function loadMilestone(ctx: ServiceContext, milestoneId: number) {
  const m = await ctx.prisma.milestone.findUnique({ where: { id: milestoneId }, include: { strategy: { include: strategyWithPlace } } });
  if (!m || m.strategy.archivedAt !== null) throw notFound('errors.notFound.milestone', { milestoneId });
  return m;
}

export async function editMilestone(
  ctx: ServiceContext,
  actor: Actor,
  milestoneId: number,
  expectedUpdatedAt: Date | string,
  input: MilestoneFieldsInput,
): Promise<MilestoneResult> {
  const m = await loadMilestone(ctx, milestoneId);
  await requireManage(ctx, actor, strategyDepartmentId(m.strategy), { action: 'milestone.edit', entityType: 'milestone', entityId: m.id });
  const data = parseMilestone(input, cityToday(ctx), isoDateOf(m.dueDate));
  const ownerId = data.ownerSlackId ? await activeMemberId(ctx.prisma, data.ownerSlackId, 'ownerSlackId') : null;
  const expected = new Date(expectedUpdatedAt);
  try {
    const after = await ctx.prisma.$transaction(async (tx) => {
      const written = await tx.milestone.updateMany({
        where: { id: m.id, updatedAt: expected },
        data: { title: data.title, dueDate: dbDate(data.dueDate), ownerId },
      });
      if (written.count !== 1) throw conflict('errors.conflict.milestoneChanged', { milestoneId: m.id });
      const fresh = await tx.milestone.findUniqueOrThrow({ where: { id: m.id } });
      await writeAudit(tx, {
        actor: actor.slackUserId,
        action: 'milestone.edit',
        entityType: 'milestone',
        entityId: String(m.id),
        before: auditSnapshot(m),
        after: auditSnapshot(fresh),
      });
      return fresh;
    }, TX_OPTIONS);
    return { milestone: viewOfMilestone(after), changed: true };
  } catch (e) {
    return titleTaken(e, data.title);
  }
}

/** Marks a milestone done. Doing it twice (two clicks, a retried request) changes nothing. */
export async function completeMilestone(ctx: ServiceContext, actor: Actor, milestoneId: number): Promise<MilestoneResult> {
  return setCompletion(ctx, actor, milestoneId, true);
}

/** Marks a completed milestone not done again (Undo after "Mark done"). */
export async function reopenMilestone(ctx: ServiceContext, actor: Actor, milestoneId: number): Promise<MilestoneResult> {
  return setCompletion(ctx, actor, milestoneId, false);
}

/** Who may complete a milestone may also reopen it; each change is audited once. */
async function setCompletion(ctx: ServiceContext, actor: Actor, milestoneId: number, done: boolean): Promise<MilestoneResult> {
  const action = done ? 'milestone.complete' : 'milestone.reopen';
  const m = await loadMilestone(ctx, milestoneId);
  const scope = scopeOf(m.strategy);
  if (!canCompleteMilestone(actor, m, scope)) {
    throw await refuse(ctx, actor, { action, entityType: 'milestone', entityId: m.id }, 'errors.forbidden.manage', scope);
  }
  const now = ctx.now();
  const after = await ctx.prisma.$transaction(async (tx) => {
    const written = await tx.milestone.updateMany({
      where: { id: m.id, completedAt: done ? null : { not: null } },
      data: { completedAt: done ? now : null },
    });
    if (written.count === 0) return null;
    const fresh = await tx.milestone.findUniqueOrThrow({ where: { id: m.id } });
    await writeAudit(tx, {
      actor: actor.slackUserId,
      action,
      entityType: 'milestone',
      entityId: String(m.id),
      before: auditSnapshot(m),
      after: auditSnapshot(fresh),
    });
    return fresh;
  }, TX_OPTIONS);
  if (after) return { milestone: viewOfMilestone(after), changed: true };
  return { milestone: viewOfMilestone(await ctx.prisma.milestone.findUniqueOrThrow({ where: { id: m.id } })), changed: false };
}
