// Managing strategies: add, edit, reassign, defer, close, archive. Equity leads do this for
// their own department, ORSE admins anywhere (domain/permissions.ts).
//
// Every change to an existing strategy names the version the editor saw and is written
// with `updateMany where {id, version}`, bumping the version: of two people editing at
// once, the second gets `conflict` instead of silently overwriting the first. The audit
// record (before and after) is written in the same transaction as the change.
import { isoDateOf, dbDate } from '../domain/calendar-dates.js';
import { checkCitywideDepartments, type CitywideDepartments, type CitywideDepartmentsInput } from '../domain/citywide-departments.js';
import type { FieldProblem } from '../domain/messages.js';
import { isOrseAdmin, type Actor } from '../domain/permissions.js';
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
import { listDepartments } from './departments.js';
import { noticeStrategy, queueChangeNotices, type ChangeNotice, type NoticeAudience } from './change-notices.js';
import { refuse, requireManage } from './authz.js';
import { isUniqueViolationOn } from './db-errors.js';
import { type ServiceError, conflict, invalidField, invalidFields, notFound } from './errors.js';
import { summarizeStrategy, type StrategySummary } from './progress-updates.js';
import { activeMemberId } from './member-refs.js';
import { TX_OPTIONS, cityToday, type ServiceContext, type Tx } from './service-context.js';
import type { Prisma } from '../db/client.js';
import {
  citywidePlanOf,
  findStrategy,
  loadLiveStrategy,
  strategyAuditSnapshot,
  strategyDepartmentId,
  strategyPartnerIds,
  type StrategyRecord,
} from './strategy-records.js';

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
  /** A citywide strategy moved to a lead its owner is not in: the owner it no longer has. */
  ownerRemoved?: { slackUserId: string; leadName: string };
  /** A citywide strategy moved to another lead: the department that led it before. */
  previousLeadDepartmentId?: number;
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

/** Department names by id: what a citywide lead or partner may be. */
async function departmentNames(ctx: ServiceContext): Promise<Map<number, string>> {
  return new Map((await listDepartments(ctx)).map((d) => [d.id, d.name]));
}

/** A citywide choice, or every problem with it and with the other fields at once. */
function citywideOrThrow(input: CitywideDepartmentsInput, names: ReadonlyMap<number, string>, others: readonly FieldProblem[] = []): CitywideDepartments {
  const checked = checkCitywideDepartments(input, names);
  if (!checked.ok || others.length > 0) throw invalidFields([...others, ...(checked.ok ? [] : checked.problems)]);
  return checked.data;
}

/** An owner of a citywide strategy is one of its lead department's active people. */
async function citywideOwnerId(db: Prisma | Tx, slackUserId: string, lead: { id: number; name: string }): Promise<number> {
  const m = await db.member.findUnique({ where: { slackUserId }, select: { id: true, active: true, departmentId: true } });
  if (!m?.active) throw invalidField('ownerSlackId', 'errors.invalid.ownerInactive', { slackUserId });
  if (m.departmentId !== lead.id) throw invalidField('ownerSlackId', 'errors.invalid.ownerNotInLead', { slackUserId, department: lead.name });
  return m.id;
}

/** What the audit keeps of a citywide strategy beyond its own columns. */
const citywideAudit = (c: { leadDepartmentId: number | null; partnerDepartmentIds: readonly number[] }) => ({
  leadDepartmentId: c.leadDepartmentId,
  partnerDepartmentIds: c.partnerDepartmentIds,
});

/**
 * Adds a strategy at the end of its objective. A citywide plan's strategy also names its
 * lead department (required) and partners, and its owner must be one of the lead's people;
 * only ORSE admins manage a citywide plan (it has no department).
 */
export async function addStrategy(
  ctx: ServiceContext,
  actor: Actor,
  input: NewStrategyInput & { citywide?: CitywideDepartmentsInput },
): Promise<StrategyResult> {
  const today = cityToday(ctx);
  const data = parseOrThrow(parseFields(newStrategySchema(today), input));
  checkDueDateMove(data.dueDate, null, today);
  const objective = await ctx.prisma.objective.findUnique({
    where: { id: data.objectiveId },
    select: { id: true, number: true, plan: { select: { kind: true, departmentId: true, department: { select: { name: true } } } } },
  });
  if (!objective) throw notFound('errors.notFound.objective', { objectiveId: data.objectiveId });
  await requireManage(ctx, actor, objective.plan.departmentId, { action: 'strategy.add', entityType: 'objective', entityId: objective.id });
  // A department plan's strategies belong to its department: lead and partners are not asked for there.
  let citywide: CitywideDepartments | null = null;
  let ownerId: number | null;
  if (objective.plan.kind === 'CITYWIDE_PLAN') {
    const names = await departmentNames(ctx);
    citywide = citywideOrThrow(input.citywide ?? { leadDepartmentId: null, partnerDepartmentIds: [] }, names);
    const lead = { id: citywide.leadDepartmentId, name: names.get(citywide.leadDepartmentId) ?? '' };
    ownerId = data.ownerSlackId ? await citywideOwnerId(ctx.prisma, data.ownerSlackId, lead) : null;
  } else {
    ownerId = data.ownerSlackId ? await activeMemberId(ctx.prisma, data.ownerSlackId, 'ownerSlackId') : null;
  }
  const departmentId = citywide?.leadDepartmentId ?? objective.plan.departmentId;

  // Numbers are per objective; two leads adding at once both pick the next number and
  // one hits the unique key. Trying again with a fresh number is the right answer there.
  for (let attempt = 1; ; attempt++) {
    try {
      const id = await ctx.prisma.$transaction(async (tx) => {
        const last = await tx.strategy.aggregate({ where: { objectiveId: objective.id }, _max: { number: true } });
        const created = await tx.strategy.create({
          data: {
            objectiveId: objective.id,
            number: (last._max.number ?? 0) + 1,
            ownerId,
            ...fieldColumns(data),
            ...(citywide
              ? {
                  leadDepartmentId: citywide.leadDepartmentId,
                  partners: { create: citywide.partnerDepartmentIds.map((departmentId) => ({ departmentId })) },
                }
              : {}),
          },
        });
        await writeAudit(tx, {
          actor: actor.slackUserId,
          action: 'strategy.add',
          entityType: 'strategy',
          entityId: String(created.id),
          after: { ...strategyAuditSnapshot(created), ...(citywide ? citywideAudit(citywide) : {}) },
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
          { people: [{ memberId: ownerId, role: 'owner' }], departmentId },
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
  // Writes what lives beside the strategy's row (a citywide strategy's partners) after the
  // version check, and returns what the audit should add before and after.
  alsoWrite?: (tx: Tx, s: StrategyRecord) => Promise<{ before: object; after: object }>,
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
    const extra = await alsoWrite?.(tx, s);
    await writeAudit(tx, {
      actor: actor.slackUserId,
      action,
      entityType: 'strategy',
      entityId: String(s.id),
      before: { ...strategyAuditSnapshot(s), ...extra?.before },
      after: { ...strategyAuditSnapshot(after), ...extra?.after },
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

/**
 * Saves the Edit form. A citywide strategy's form also sends its partners and, for ORSE
 * admins, its lead (`leadDepartmentId` left out keeps it): only an ORSE admin may move a
 * strategy to another lead, since that hands it to another department's equity lead. An
 * owner who is not in the new lead department is taken off, and the result says so.
 */
export async function editStrategy(
  ctx: ServiceContext,
  actor: Actor,
  strategyId: number,
  expectedVersion: number,
  input: StrategyFieldsInput,
  citywideInput?: { leadDepartmentId?: number | null; partnerDepartmentIds: readonly number[] },
): Promise<StrategyResult> {
  const today = cityToday(ctx);
  let ownerRemoved: StrategyResult['ownerRemoved'];
  let citywide: { before: { leadDepartmentId: number | null; partnerDepartmentIds: number[] }; after: CitywideDepartments } | null = null;
  /** Set when the lead moves: the departments' names, for the notices. */
  let move: { fromId: number | null; from: string | null; to: string } | undefined;
  const result = await changeStrategy(
    ctx,
    actor,
    strategyId,
    expectedVersion,
    'strategy.edit',
    async (s) => {
      const parsed = parseFields(strategyFieldsSchema(today), input);
      const isCitywide = s.objective.plan.kind === 'CITYWIDE_PLAN' && citywideInput !== undefined;
      if (!isCitywide) {
        const data = parseOrThrow(parsed);
        checkDueDateMove(data.dueDate, s.dueDate, today);
        return fieldColumns(data);
      }
      const [names, partnersBefore] = await Promise.all([departmentNames(ctx), strategyPartnerIds(ctx, s.id)]);
      const choice = citywideOrThrow(
        {
          leadDepartmentId: citywideInput.leadDepartmentId === undefined ? s.leadDepartmentId : citywideInput.leadDepartmentId,
          partnerDepartmentIds: citywideInput.partnerDepartmentIds,
        },
        names,
        parsed.ok ? [] : parsed.problems,
      );
      const data = parseOrThrow(parsed);
      checkDueDateMove(data.dueDate, s.dueDate, today);
      const moved = choice.leadDepartmentId !== s.leadDepartmentId;
      if (moved && !isOrseAdmin(actor)) {
        throw await refuse(ctx, actor, { action: 'strategy.moveLead', entityType: 'strategy', entityId: s.id }, 'errors.forbidden.moveLead', {
          departmentId: choice.leadDepartmentId,
        });
      }
      citywide = { before: { leadDepartmentId: s.leadDepartmentId, partnerDepartmentIds: partnersBefore }, after: choice };
      if (moved) {
        const fromId = s.leadDepartmentId;
        move = { fromId, from: fromId === null ? null : (names.get(fromId) ?? null), to: names.get(choice.leadDepartmentId) ?? '' };
      }
      let ownerColumns = {};
      if (moved && s.owner) {
        const owner = await ctx.prisma.member.findUnique({ where: { id: s.owner.id }, select: { departmentId: true } });
        if (owner?.departmentId !== choice.leadDepartmentId) {
          ownerRemoved = { slackUserId: s.owner.slackUserId, leadName: names.get(choice.leadDepartmentId) ?? '' };
          ownerColumns = { ownerId: null, needsReassignment: false };
        }
      }
      return { ...fieldColumns(data), ...ownerColumns, leadDepartmentId: choice.leadDepartmentId };
    },
    // A move hands the strategy to another department: its equity leads, the former lead's,
    // and the owner (kept, or taken off) are told.
    (s, after) =>
      move && after.leadDepartmentId !== null
        ? {
            notice: {
              kind: 'strategyLeadMoved',
              changeKey: `strategy:${s.id}:v${after.version}`,
              actorSlackId: actor.slackUserId,
              strategy: { ...noticeStrategy(s, after.dueDate), departmentName: move.to, citywidePlan: citywidePlanOf(s) },
              previousDepartmentName: move.from,
              previousOwnerSlackId: ownerRemoved ? ownerRemoved.slackUserId : null,
              ownerSlackId: after.ownerId === null ? null : (s.owner?.slackUserId ?? null),
            },
            audience: {
              people: [{ memberId: s.owner?.id ?? null, role: ownerRemoved ? 'previousOwner' : 'owner' }],
              departmentId: after.leadDepartmentId,
              previousDepartmentId: s.leadDepartmentId,
            },
          }
        : null,
    async (tx, s) => {
      if (!citywide) return { before: {}, after: {} };
      const after = citywide.after;
      await tx.strategyPartner.deleteMany({ where: { strategyId: s.id } });
      if (after.partnerDepartmentIds.length > 0) {
        await tx.strategyPartner.createMany({ data: after.partnerDepartmentIds.map((departmentId) => ({ strategyId: s.id, departmentId })) });
      }
      return { before: citywideAudit(citywide.before), after: citywideAudit(after) };
    },
  );
  const movedFrom = move?.fromId ?? null;
  return { ...result, ...(ownerRemoved ? { ownerRemoved } : {}), ...(movedFrom !== null ? { previousLeadDepartmentId: movedFrom } : {}) };
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
    async (s) => {
      if (typeof newOwnerSlackId !== 'string' || !SLACK_USER_ID.test(newOwnerSlackId)) {
        throw invalidField('ownerSlackId', 'errors.invalid.required');
      }
      // A citywide strategy's owner is one of its lead department's people, as when added.
      const lead = s.objective.plan.kind === 'CITYWIDE_PLAN' ? s.leadDepartment : null;
      const ownerId = lead ? await citywideOwnerId(ctx.prisma, newOwnerSlackId, lead) : await activeMemberId(ctx.prisma, newOwnerSlackId, 'ownerSlackId');
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
