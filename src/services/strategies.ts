// Managing strategies: add, edit, reassign, defer, close, archive. Equity leads do this for
// their own department, ORSE admins anywhere (domain/permissions.ts).
//
// Every change to an existing strategy names the version the editor saw and is written
// with `updateMany where {id, version}`, bumping the version: of two people editing at
// once, the second gets `conflict` instead of silently overwriting the first. The audit
// record (before and after) is written in the same transaction as the change.
import { isoDateOf, dbDate } from '../domain/calendar-dates.js';
import type { Actor } from '../domain/permissions.js';
import {
  SLACK_USER_ID,
  deferSchema,
  dueDateMoveProblem,
  newStrategySchema,
  strategyFieldsSchema,
  type DeferInput,
  type NewStrategyInput,
  type StrategyFields,
  type StrategyFieldsInput,
} from '../domain/strategy-input.js';
import { parseFields } from '../domain/validation.js';
import type { Prisma as PrismaNS, Strategy } from '../generated/prisma/client.js';
import type { StrategyStatus } from '../generated/prisma/enums.js';
import { writeAudit } from './audit.js';
import { noticeStrategy, queueChangeNotices, type ChangeNotice, type NoticeAudience } from './change-notices.js';
import { requireManage } from './authz.js';
import { isUniqueViolationOn } from './db-errors.js';
import { type ServiceError, conflict, invalidField, invalidFields, notFound } from './errors.js';
import { summarizeStrategy, type StrategySummary } from './progress-updates.js';
import { activeMemberId } from './member-refs.js';
import { TX_OPTIONS, cityToday, type ServiceContext, type Tx } from './service-context.js';
import { findStrategy, loadLiveStrategy, strategyAuditSnapshot, strategyDepartmentId, type StrategyRecord } from './strategy-records.js';

export { addMilestone, editMilestone, completeMilestone, type MilestoneView, type MilestoneResult } from './milestones.js';

/**
 * The strategy, if `actor` may manage it: what a management form loads before it opens. A
 * refusal is audited (authz.denied) and thrown as `forbidden`, so a crafted menu value gets
 * a clear answer.
 */
export async function loadManagedStrategy(ctx: ServiceContext, actor: Actor, strategyId: number, action: string): Promise<StrategyRecord> {
  const s = await loadLiveStrategy(ctx.prisma, strategyId);
  await requireManage(ctx, actor, strategyDepartmentId(s), { action, entityType: 'strategy', entityId: s.id });
  return s;
}

export interface StrategyResult {
  strategy: StrategySummary;
  /** False when the request asked for what was already the case (e.g. closing a closed strategy). */
  changed: boolean;
}

function parseOrThrow<T>(parsed: { ok: true; data: T } | { ok: false; problems: Parameters<typeof invalidFields>[0] }): T {
  if (!parsed.ok) throw invalidFields(parsed.problems);
  return parsed.data;
}

/** A due date may stay where it is; moving it into the past makes no sense. */
function checkDueDateMove(dueDate: string | null, current: Date | null, today: string): void {
  const problem = dueDateMoveProblem('dueDate', dueDate, current ? isoDateOf(current) : null, today);
  if (problem) throw invalidFields([problem]);
}

const fieldColumns = (f: StrategyFields) => ({
  text: f.text,
  dueDate: f.dueDate === null ? null : dbDate(f.dueDate),
  performanceMeasures: f.performanceMeasures,
  outputs: f.outputs,
  languageAccess: f.languageAccess,
  disabilityAccess: f.disabilityAccess,
  genderEquity: f.genderEquity,
  priorityCommunities: f.priorityCommunities,
});

export async function addStrategy(ctx: ServiceContext, actor: Actor, input: NewStrategyInput): Promise<StrategyResult> {
  const today = cityToday(ctx);
  const data = parseOrThrow(parseFields(newStrategySchema(today), input));
  checkDueDateMove(data.dueDate, null, today);
  const objective = await ctx.prisma.objective.findUnique({
    where: { id: data.objectiveId },
    select: { id: true, number: true, plan: { select: { departmentId: true, department: { select: { name: true } } } } },
  });
  if (!objective) throw notFound('errors.notFound.objective', { objectiveId: data.objectiveId });
  await requireManage(ctx, actor, objective.plan.departmentId, { action: 'strategy.add', entityType: 'objective', entityId: objective.id });
  const ownerId = data.ownerSlackId ? await activeMemberId(ctx.prisma, data.ownerSlackId, 'ownerSlackId') : null;

  // Numbers are per objective; two leads adding at once both pick the next number and
  // one hits the unique key. Trying again with a fresh number is the right answer there.
  for (let attempt = 1; ; attempt++) {
    try {
      const id = await ctx.prisma.$transaction(async (tx) => {
        const last = await tx.strategy.aggregate({ where: { objectiveId: objective.id }, _max: { number: true } });
        const created = await tx.strategy.create({
          data: { objectiveId: objective.id, number: (last._max.number ?? 0) + 1, ownerId, ...fieldColumns(data) },
        });
        await writeAudit(tx, {
          actor: actor.slackUserId,
          action: 'strategy.add',
          entityType: 'strategy',
          entityId: String(created.id),
          after: strategyAuditSnapshot(created),
        });
        const place = { ...created, objective: { number: objective.number, plan: objective.plan } };
        await queueChangeNotices(
          ctx,
          tx,
          {
            kind: 'strategyAdded',
            changeKey: `strategy:${created.id}:added`,
            actorSlackId: actor.slackUserId,
            strategy: noticeStrategy(place, created.dueDate),
            ownerSlackId: data.ownerSlackId ?? null,
          },
          { people: [{ memberId: ownerId, role: 'owner' }], departmentId: objective.plan.departmentId },
        );
        return created.id;
      }, TX_OPTIONS);
      return { strategy: summarizeStrategy((await findStrategy(ctx.prisma, id))!), changed: true };
    } catch (e) {
      if (attempt < 5 && isUniqueViolationOn(e, 'number')) continue;
      throw e;
    }
  }
}

type Change = PrismaNS.StrategyUpdateManyMutationInput;

/**
 * The one way an existing strategy is changed: authorize, then write `change` only if the
 * version is still the one the editor saw, and audit before/after in the same transaction.
 */
async function changeStrategy(
  ctx: ServiceContext,
  actor: Actor,
  strategyId: number,
  expectedVersion: number,
  action: string,
  prepare: (s: StrategyRecord) => Promise<Change | null> | Change | null,
  notice?: (s: StrategyRecord, after: Strategy) => { notice: ChangeNotice; audience: NoticeAudience } | null,
): Promise<StrategyResult> {
  const s = await loadLiveStrategy(ctx.prisma, strategyId);
  await requireManage(ctx, actor, strategyDepartmentId(s), { action, entityType: 'strategy', entityId: s.id });
  const change = await prepare(s);
  // Asking for what is already so (closing a closed strategy, a double click) changes nothing.
  if (change === null) return { strategy: summarizeStrategy(s), changed: false };

  const id = await ctx.prisma.$transaction(async (tx) => {
    const written = await tx.strategy.updateMany({
      where: { id: s.id, version: expectedVersion, archivedAt: null },
      data: { ...change, version: { increment: 1 } },
    });
    if (written.count !== 1) throw await whyNotWritten(tx, s.id, expectedVersion);
    const after = await tx.strategy.findUniqueOrThrow({ where: { id: s.id } });
    await writeAudit(tx, {
      actor: actor.slackUserId,
      action,
      entityType: 'strategy',
      entityId: String(s.id),
      before: strategyAuditSnapshot(s),
      after: strategyAuditSnapshot(after),
    });
    const told = notice?.(s, after);
    if (told) await queueChangeNotices(ctx, tx, told.notice, told.audience);
    return s.id;
  }, TX_OPTIONS);
  return { strategy: summarizeStrategy((await findStrategy(ctx.prisma, id))!), changed: true };
}

async function whyNotWritten(tx: Tx, strategyId: number, expectedVersion: number): Promise<ServiceError> {
  const now = await tx.strategy.findUnique({ where: { id: strategyId }, select: { version: true, archivedAt: true } });
  if (!now || now.archivedAt !== null) return notFound('errors.notFound.strategy', { strategyId });
  return conflict('errors.conflict.strategyChanged', { strategyId, expectedVersion, currentVersion: now.version });
}

export async function editStrategy(
  ctx: ServiceContext,
  actor: Actor,
  strategyId: number,
  expectedVersion: number,
  input: StrategyFieldsInput,
): Promise<StrategyResult> {
  const today = cityToday(ctx);
  return changeStrategy(ctx, actor, strategyId, expectedVersion, 'strategy.edit', (s) => {
    const data = parseOrThrow(parseFields(strategyFieldsSchema(today), input));
    checkDueDateMove(data.dueDate, s.dueDate, today);
    return fieldColumns(data);
  });
}

/** Gives the strategy to another active member, which also settles a pending reassignment. */
export async function reassignStrategy(
  ctx: ServiceContext,
  actor: Actor,
  strategyId: number,
  expectedVersion: number,
  newOwnerSlackId: string,
): Promise<StrategyResult> {
  return changeStrategy(
    ctx,
    actor,
    strategyId,
    expectedVersion,
    'strategy.reassign',
    async () => {
      if (typeof newOwnerSlackId !== 'string' || !SLACK_USER_ID.test(newOwnerSlackId)) {
        throw invalidField('ownerSlackId', 'errors.invalid.required');
      }
      const ownerId = await activeMemberId(ctx.prisma, newOwnerSlackId, 'ownerSlackId');
      return { ownerId, needsReassignment: false };
    },
    (s, after) =>
      // Giving it to the person who has it already (settling a pending reassignment) is news to no one.
      s.ownerId === after.ownerId
        ? null
        : {
            notice: {
              kind: 'strategyReassigned',
              changeKey: `strategy:${s.id}:v${after.version}`,
              actorSlackId: actor.slackUserId,
              strategy: noticeStrategy(s, after.dueDate),
              previousOwnerSlackId: s.owner?.slackUserId ?? null,
              ownerSlackId: newOwnerSlackId,
            },
            audience: {
              people: [
                { memberId: after.ownerId, role: 'newOwner' },
                { memberId: s.ownerId, role: 'previousOwner' },
              ],
              departmentId: strategyDepartmentId(s),
            },
          },
  );
}

/** Puts a strategy on hold: a reason and a new due date after today are required. */
export async function deferStrategy(
  ctx: ServiceContext,
  actor: Actor,
  strategyId: number,
  expectedVersion: number,
  input: DeferInput,
): Promise<StrategyResult> {
  const today = cityToday(ctx);
  return changeStrategy(
    ctx,
    actor,
    strategyId,
    expectedVersion,
    'strategy.defer',
    () => {
      const data = parseOrThrow(parseFields(deferSchema(today), input));
      return { status: 'DEFERRED', deferredReason: data.reason, dueDate: dbDate(data.newDueDate) };
    },
    (s, after) => ({
      notice: {
        kind: 'strategyDeferred',
        changeKey: `strategy:${s.id}:v${after.version}`,
        actorSlackId: actor.slackUserId,
        strategy: noticeStrategy(s, after.dueDate),
        reason: after.deferredReason ?? '',
      },
      audience: { people: [{ memberId: after.ownerId, role: 'owner' }], departmentId: strategyDepartmentId(s) },
    }),
  );
}

export async function closeStrategy(ctx: ServiceContext, actor: Actor, strategyId: number, expectedVersion: number): Promise<StrategyResult> {
  return changeStrategy(ctx, actor, strategyId, expectedVersion, 'strategy.close', (s) => (s.status === 'COMPLETED' ? null : { status: 'COMPLETED' }));
}

/**
 * Puts a closed strategy back to the status it had (Undo after "Mark done"). Only from
 * COMPLETED: anything else means someone changed it since, and nothing is written.
 */
export async function reopenStrategy(
  ctx: ServiceContext,
  actor: Actor,
  strategyId: number,
  expectedVersion: number,
  status: StrategyStatus,
): Promise<StrategyResult> {
  return changeStrategy(ctx, actor, strategyId, expectedVersion, 'strategy.reopen', (s) => (s.status === 'COMPLETED' ? { status } : null));
}

/** Takes a strategy out of the plan; its updates stay for the record. */
export async function archiveStrategy(ctx: ServiceContext, actor: Actor, strategyId: number, expectedVersion: number): Promise<StrategyResult> {
  const now = ctx.now();
  return changeStrategy(ctx, actor, strategyId, expectedVersion, 'strategy.archive', () => ({ archivedAt: now }));
}
