// Progress reporting: which strategies someone may report on, what the form starts with,
// and submitting or correcting an update.
//
// Guarantees the Slack layer relies on:
// - A submission is stored exactly once per idempotency key. Slack retries a modal
//   submission it thinks timed out; the unique column decides (a racing retry hits the
//   constraint), and the retry gets the first result back with `duplicate: true`.
// - The update, the strategy's new status and the audit record are written in one
//   transaction: a failure half-way leaves nothing behind.
// - No lost updates: the strategy's version (from the form) must still be current when the
//   status is written (`updateMany where {id, version}`), and an edit names the revision
//   it started from. The loser of a race gets `conflict` and can reload.
import { periodContaining, type FiscalPeriod } from '../domain/fiscal-calendar.js';
import { isoDateOf, dbDate } from '../domain/calendar-dates.js';
import { canEditUpdate, canManageDepartment, canReportOn, type Actor } from '../domain/permissions.js';
import {
  newUpdateSchema,
  updateContentSchema,
  isLeadDecision,
  reportableStatuses,
  UPDATE_FIELD_LIMITS,
  VISIBILITIES,
  type NewUpdateFields,
  type UpdateContent,
  type UpdateContentFields,
} from '../domain/progress-update-input.js';
import { parseFields } from '../domain/validation.js';
import { Prisma as PrismaNS, type Measure, type ProgressUpdate } from '../generated/prisma/client.js';
import type { StrategyStatus, Visibility } from '../generated/prisma/enums.js';
import { writeAudit } from './audit.js';
import { refuse, requireReport } from './authz.js';
import { resolveDepartment } from './departments.js';
import { isUniqueViolationOn } from './db-errors.js';
import { ServiceError, conflict, invalidField, invalidFields, notFound } from './errors.js';
import { TX_OPTIONS, type ServiceContext, type Tx } from './service-context.js';
import { reportableStrategyRows } from './reportable-strategy-rows.js';
import { writeNewUpdate } from './progress-update-write.js';
import { refreshLiveSnapshot } from './period-snapshots.js';
import { checkMeasureEntries, listMeasures, measureView, type MeasureEntry, type MeasureValueWrite, type MeasureView } from './measures.js';

/** A JSON number as measureView reads a Decimal column (anything with toString). */
const decimalOf = (v: unknown): Measure['baseline'] => (typeof v === 'number' ? ({ toString: () => String(v) } as Measure['baseline']) : null);
import {
  citywidePlanOf,
  findStrategyWith,
  loadLiveStrategy,
  scopeOf,
  strategyDepartment,
  strategyDepartmentId,
  strategyLabel,
  strategyWithPlace,
  type StrategyRecord,
} from './strategy-records.js';

export interface PersonRef {
  slackUserId: string;
  name: string;
}

export interface StrategySummary {
  id: number;
  /** "2.3" */
  label: string;
  /** The citywide plan's title, which the label names; null for a department plan's. */
  citywidePlan?: string | null;
  text: string;
  status: StrategyStatus;
  /** Pass back as expectedVersion when submitting. */
  version: number;
  dueDate: string | null;
  owner: PersonRef | null;
  needsReassignment: boolean;
  objective: { id: number; number: number; title: string };
  plan: { id: number; key: string; title: string };
  department: { id: number; code: string; name: string } | null;
}

export interface ReportableStrategy extends StrategySummary {
  ownedByActor: boolean;
  /** An update exists for the department's current reporting period. */
  reportedThisPeriod: boolean;
  periodKey: string;
}

export interface ProgressUpdateView {
  id: number;
  strategyId: number;
  periodKey: string;
  periodStart: string;
  periodEnd: string;
  statusFrom: StrategyStatus;
  statusTo: StrategyStatus;
  narrative: string;
  measureValues: string;
  outputs: string;
  roadblocks: string;
  helpNeeded: string;
  practices: string;
  visibility: Visibility;
  evidenceUrl: string | null;
  communitiesReached: string;
  languagesServed: string;
  accessibilityNotes: string;
  authorId: number;
  onBehalfOfId: number | null;
  revision: number;
  createdAt: Date;
  editedAt: Date | null;
  /** The department channel's post of this update, once it was posted. */
  channelPost: { channel: string; ts: string } | null;
}

export interface UpdateFormDefaults {
  strategy: StrategySummary;
  /**
   * What the strategy measures and produces, shown above the fields that report on them:
   * the free-text measures and outputs, and the typed measures the form asks a value for.
   */
  measures: { performanceMeasures: string; outputs: string; typed: MeasureView[] };
  /** The reporting period a submission now would be filed under. */
  period: FiscalPeriod;
  defaults: { status: StrategyStatus; visibility: Visibility };
  lastUpdate: (ProgressUpdateView & { author: PersonRef }) | null;
  /** The actor's own update for this period, if any, so the UI can offer to edit it instead. */
  ownUpdateThisPeriod: { id: number; revision: number } | null;
  /** Set when the actor reports for the strategy's owner. */
  onBehalfOf: PersonRef | null;
  limits: typeof UPDATE_FIELD_LIMITS;
  statuses: readonly StrategyStatus[];
  visibilities: readonly Visibility[];
  canManage: boolean;
}

/** What the form sends for the strategy's typed measures, one entry per measure shown. */
export interface MeasureEntries {
  measures?: readonly MeasureEntry[];
}

const typed = (entries: readonly MeasureEntry[] | undefined): MeasureEntry[] =>
  (entries ?? []).filter((e) => Number.isSafeInteger(e.measureId) && e.measureId > 0);
const hasContent = (e: MeasureEntry) => (e.value ?? '').trim() !== '' || (e.note ?? '').trim() !== '';

/**
 * The problems with what was typed for a strategy's measures, looked up only for someone
 * who may report on it, so that a form with other problems shows all of them at once.
 */
async function measureProblemsFor(ctx: ServiceContext, actor: Actor, strategyId: number, entries: readonly MeasureEntry[]) {
  if (!entries.some(hasContent) || !Number.isSafeInteger(strategyId) || strategyId <= 0) return [];
  const s = await loadLiveStrategy(ctx.prisma, strategyId).catch(() => null);
  if (!s || !canReportOn(actor, scopeOf(s))) return [];
  return checkMeasureEntries(await listMeasures(ctx.prisma, s.id), entries).problems;
}

export interface SubmitResult {
  update: ProgressUpdateView;
  strategy: { id: number; status: StrategyStatus; version: number };
  /** True when this key was already stored: nothing was written this time. */
  duplicate: boolean;
  /**
   * What is known without reading again, for the steps after a new update (its channel
   * post, the confirmation): the strategy as it was just before this update was stored
   * (same version; only its status changes), and whether typed measure values were
   * stored. Absent for a repeat.
   */
  stored?: { strategy: StrategyRecord; measureValues: boolean };
}

export interface EditResult {
  update: ProgressUpdateView;
  strategy: { id: number; status: StrategyStatus; version: number };
}

const IDEMPOTENCY_KEY_MAX = 200;

export function summarizeStrategy(s: StrategyRecord): StrategySummary {
  const plan = s.objective.plan;
  const department = strategyDepartment(s);
  return {
    id: s.id,
    label: strategyLabel(s),
    citywidePlan: citywidePlanOf(s),
    text: s.text,
    status: s.status,
    version: s.version,
    dueDate: s.dueDate ? isoDateOf(s.dueDate) : null,
    owner: s.owner ? { slackUserId: s.owner.slackUserId, name: s.owner.name } : null,
    needsReassignment: s.needsReassignment,
    objective: { id: s.objective.id, number: s.objective.number, title: s.objective.title },
    plan: { id: plan.id, key: plan.key, title: plan.title },
    department: department ? { id: department.id, code: department.code, name: department.name } : null,
  };
}

export function viewOfUpdate(u: ProgressUpdate): ProgressUpdateView {
  return {
    id: u.id,
    strategyId: u.strategyId,
    periodKey: u.periodKey,
    periodStart: isoDateOf(u.periodStart),
    periodEnd: isoDateOf(u.periodEnd),
    statusFrom: u.statusFrom,
    statusTo: u.statusTo,
    narrative: u.narrative,
    measureValues: u.measureValues,
    outputs: u.outputs,
    roadblocks: u.roadblocks,
    helpNeeded: u.helpNeeded,
    practices: u.practices,
    visibility: u.visibility,
    evidenceUrl: u.evidenceUrl,
    communitiesReached: u.communitiesReached,
    languagesServed: u.languagesServed,
    accessibilityNotes: u.accessibilityNotes,
    authorId: u.authorId,
    onBehalfOfId: u.onBehalfOfId,
    revision: u.revision,
    createdAt: u.createdAt,
    editedAt: u.editedAt,
    channelPost: u.channelPostChannel && u.channelPostTs ? { channel: u.channelPostChannel, ts: u.channelPostTs } : null,
  };
}

/**
 * The strategy's department's reporting period now (a citywide strategy's lead department,
 * as the prompts and reminders use); a strategy without a department reports quarterly.
 */
function reportingPeriod(ctx: ServiceContext, s: StrategyRecord, now: Date): FiscalPeriod {
  return periodContaining(now, ctx.config.timeZone, strategyDepartment(s)?.reportingCadence ?? 'QUARTERLY');
}

/**
 * Strategies the actor may report on: the ones they own and their department's. An ORSE
 * admin may name another department (as typed, or by id from a select menu) to report on
 * its strategies; for anyone else another department only adds what they own there. One
 * statement, however many strategies there are (two when a department is named by code).
 */
export async function listReportableStrategies(
  ctx: ServiceContext,
  actor: Actor,
  options: { department?: string; departmentId?: number } = {},
): Promise<ReportableStrategy[]> {
  const departmentId = options.department ? (await resolveDepartment(ctx, options.department)).id : (options.departmentId ?? actor.departmentId);
  const rows = await reportableStrategyRows(ctx, { departmentId, ownerId: actor.memberId });
  const now = ctx.now();
  // One period per cadence: working it out in the City's zone is costly, and a department
  // has one cadence however many strategies it lists.
  const periods = new Map<string, FiscalPeriod>();
  const out: ReportableStrategy[] = [];
  for (const row of rows) {
    if (!canReportOn(actor, { departmentId: row.departmentId, ownerId: row.ownerId })) continue;
    const cadence = row.reportingCadence ?? 'QUARTERLY';
    let period = periods.get(cadence);
    if (!period) periods.set(cadence, (period = periodContaining(now, ctx.config.timeZone, cadence)));
    const { ownerId, departmentId: _department, reportingCadence: _cadence, lastPeriodStart, ...summary } = row;
    out.push({
      ...summary,
      ownedByActor: ownerId === actor.memberId,
      reportedThisPeriod: lastPeriodStart !== null && lastPeriodStart >= period.start,
      periodKey: period.key,
    });
  }
  return out;
}

export async function getUpdateFormDefaults(ctx: ServiceContext, actor: Actor, strategyId: number): Promise<UpdateFormDefaults> {
  const now = ctx.now();
  // The period depends on the strategy's department, read in the same statement: ask for
  // the actor's update under either cadence's period and keep the strategy's below.
  const cadences = (['QUARTERLY', 'MONTHLY'] as const).map((c) => periodContaining(now, ctx.config.timeZone, c).key);
  const found = await findStrategyWith(ctx.prisma, strategyId, latestUpdatesSql(actor.memberId, cadences));
  if (!found || found.strategy.archivedAt !== null) throw notFound('errors.notFound.strategy', { strategyId });
  const s = found.strategy;
  await requireReport(ctx, actor, scopeOf(s), { action: 'progress.form', entityType: 'strategy', entityId: s.id });
  const period = reportingPeriod(ctx, s, now);
  const { last, own, measures } = latestUpdatesOf(found.extra as LatestUpdatesJson, period.key);
  const reportsForOwner = s.owner !== null && s.owner.id !== actor.memberId;
  return {
    strategy: summarizeStrategy(s),
    measures: { performanceMeasures: s.performanceMeasures, outputs: s.outputs, typed: measures },
    period,
    defaults: { status: s.status, visibility: last?.visibility ?? 'INTERNAL' },
    lastUpdate: last ? { ...viewOfUpdate(last), author: last.author } : null,
    ownUpdateThisPeriod: own,
    onBehalfOf: reportsForOwner && s.owner ? { slackUserId: s.owner.slackUserId, name: s.owner.name } : null,
    limits: UPDATE_FIELD_LIMITS,
    statuses: reportableStatuses(s.status, canManageDepartment(actor, strategyDepartmentId(s))),
    visibilities: VISIBILITIES,
    canManage: canManageDepartment(actor, strategyDepartmentId(s)),
  };
}

interface LatestUpdatesJson {
  last: (Record<string, unknown> & { authorSlackUserId: string; authorName: string }) | null;
  own: { id: number; revision: number; periodKey: string }[] | null;
  measures: Record<string, unknown>[] | null;
}

/**
 * The strategy's latest update (with its author), the actor's latest update in each of
 * `periodKeys` and the strategy's active typed measures, as one JSON value of the strategy
 * read (`findStrategyWith`): every preselected form and every form opened before a Submit
 * reads them.
 */
const latestUpdatesSql = (memberId: number, periodKeys: readonly string[]) => PrismaNS.sql`
    /* form defaults: latest updates */
    json_build_object(
      'last', (SELECT row_to_json(l) FROM (
                 SELECT pu.*, m."slackUserId" AS "authorSlackUserId", m.name AS "authorName"
                   FROM "ProgressUpdate" pu JOIN "Member" m ON m.id = pu."authorId"
                  WHERE pu."strategyId" = s.id
                  ORDER BY pu."createdAt" DESC, pu.id DESC LIMIT 1) l),
      'own', (SELECT json_agg(o) FROM (
                 SELECT DISTINCT ON ("periodKey") id, revision, "periodKey" FROM "ProgressUpdate"
                  WHERE "strategyId" = s.id AND "authorId" = ${memberId}::int AND "periodKey" = ANY(${[...periodKeys]}::text[])
                  ORDER BY "periodKey", id DESC) o),
      'measures', (SELECT json_agg(m ORDER BY m.position, m.id) FROM (
                 SELECT id, "strategyId", position, label, kind::text AS kind, unit, baseline::float8 AS baseline,
                        target::float8 AS target, direction::text AS direction, "dataSource", "splitBy"::text[] AS "splitBy",
                        "isPublic", "archivedAt", "createdAt", "updatedAt"
                   FROM "Measure" WHERE "strategyId" = s.id AND "archivedAt" IS NULL) m))::text`;

function latestUpdatesOf(
  json: LatestUpdatesJson,
  periodKey: string,
): { last: (ProgressUpdate & { author: PersonRef }) | null; own: { id: number; revision: number } | null; measures: MeasureView[] } {
  const mine = json.own?.find((o) => o.periodKey === periodKey);
  const own = mine ? { id: mine.id, revision: mine.revision } : null;
  const measures = (json.measures ?? []).map((m) =>
    measureView({ ...(m as unknown as Measure), archivedAt: null, baseline: decimalOf(m.baseline), target: decimalOf(m.target) }),
  );
  if (!json.last) return { last: null, own, measures };
  const { authorSlackUserId, authorName, ...columns } = json.last;
  // JSON carries dates as text: back to the Date values Prisma gives (dates at UTC midnight).
  const last = {
    ...(columns as unknown as ProgressUpdate),
    periodStart: new Date(`${String(columns.periodStart)}T00:00:00Z`),
    periodEnd: new Date(`${String(columns.periodEnd)}T00:00:00Z`),
    createdAt: new Date(String(columns.createdAt)),
    editedAt: columns.editedAt ? new Date(String(columns.editedAt)) : null,
    author: { slackUserId: authorSlackUserId, name: authorName },
  };
  return { last, own, measures };
}

function checkIdempotencyKey(key: string): void {
  if (typeof key !== 'string' || key.trim() === '') throw invalidField('idempotencyKey', 'errors.invalid.required');
  if (key.length > IDEMPOTENCY_KEY_MAX) {
    throw invalidField('idempotencyKey', 'errors.invalid.tooLong', { limit: IDEMPOTENCY_KEY_MAX, length: key.length });
  }
}

/** The stored result for a key, if this actor already submitted it. */
async function priorSubmission(ctx: ServiceContext, actor: Actor, idempotencyKey: string): Promise<SubmitResult | null> {
  const prior = await ctx.prisma.progressUpdate.findUnique({
    where: { idempotencyKey },
    include: { strategy: { select: { id: true, status: true, version: true } } },
  });
  if (!prior) return null;
  // Keys are per submission (view id + hash); another person's key is a crafted payload.
  if (prior.authorId !== actor.memberId) throw conflict('errors.conflict.idempotencyKeyReused', {}, 'idempotencyKey');
  return { update: viewOfUpdate(prior), strategy: prior.strategy, duplicate: true };
}

const contentColumns = (c: UpdateContent) => ({
  narrative: c.narrative,
  measureValues: c.measureValues,
  outputs: c.outputs,
  roadblocks: c.roadblocks,
  helpNeeded: c.helpNeeded,
  practices: c.practices,
  visibility: c.visibility,
  evidenceUrl: c.evidenceUrl,
  communitiesReached: c.communitiesReached,
  languagesServed: c.languagesServed,
  accessibilityNotes: c.accessibilityNotes,
});

export async function submitUpdate(
  ctx: ServiceContext,
  actor: Actor,
  input: NewUpdateFields & MeasureEntries,
  options: {
    idempotencyKey: string;
    /**
     * `loadLiveStrategy` of `input.strategyId`, started by a caller that knew the id before
     * it knew the actor (a Submit reads both at once: Slack waits for the answer).
     */
    strategy?: Promise<StrategyRecord>;
  },
): Promise<SubmitResult> {
  const { idempotencyKey } = options;
  checkIdempotencyKey(idempotencyKey);
  const parsed = parseFields(newUpdateSchema, input);
  const entries = typed(input.measures);
  if (!parsed.ok) throw invalidFields([...parsed.problems, ...(await measureProblemsFor(ctx, actor, Number(input.strategyId), entries))]);
  const data = parsed.data;

  // A retry of a submission that was stored is answered with what was stored, without
  // storing anything. It is not looked up first: Slack waits for this answer, and a retry is
  // rare and always ends in one of the failures caught below (the strategy archived since,
  // its version moved on by the stored update, or the key's unique index).
  let s: StrategyRecord;
  try {
    s = await (options.strategy ?? loadLiveStrategy(ctx.prisma, data.strategyId));
    if (s.id !== data.strategyId) throw new Error(`strategy ${s.id} was loaded for a submission on ${data.strategyId}`);
  } catch (e) {
    const prior = e instanceof ServiceError && e.code === 'not_found' ? await priorSubmission(ctx, actor, idempotencyKey) : null;
    if (prior) return prior;
    throw e;
  }
  await requireReport(ctx, actor, scopeOf(s), { action: 'progress.submit', entityType: 'strategy', entityId: s.id });
  if (!reportableStatuses(s.status, canManageDepartment(actor, strategyDepartmentId(s))).includes(data.status)) {
    throw await refuse(ctx, actor, { action: 'progress.submit.status', entityType: 'strategy', entityId: s.id }, 'errors.forbidden.leadStatus', scopeOf(s));
  }

  // The typed measures' values: read only when something was typed for them.
  let typedValues: MeasureValueWrite[] = [];
  if (entries.some(hasContent)) {
    const checked = checkMeasureEntries(await listMeasures(ctx.prisma, s.id), entries);
    if (checked.problems.length) throw invalidFields(checked.problems);
    typedValues = checked.values;
  }

  const now = ctx.now();
  const period = reportingPeriod(ctx, s, now);
  const content = contentColumns(data);
  try {
    // One atomic statement (progress-update-write.ts): version check, insert, status, audit.
    const outcome = await writeNewUpdate(ctx, {
      strategyId: s.id,
      expectedVersion: data.expectedVersion,
      status: data.status,
      period: { key: period.key, start: period.start, end: period.end },
      content,
      typedValues,
      authorId: actor.memberId,
      idempotencyKey,
      createdAt: now,
      audit: {
        actor: actor.slackUserId,
        // The update as viewOfUpdate shows it everywhere else; what only the database knows
        // (id, statusFrom, onBehalfOfId) the statement merges in.
        after: {
          ...(JSON.parse(
            JSON.stringify(
              viewOfUpdate({
                id: 0,
                strategyId: s.id,
                periodKey: period.key,
                periodStart: dbDate(period.start),
                periodEnd: dbDate(period.end),
                statusFrom: data.status,
                statusTo: data.status,
                ...content,
                authorId: actor.memberId,
                onBehalfOfId: null,
                idempotencyKey,
                revision: 1,
                isDemo: false,
                createdAt: now,
                editedAt: null,
                channelPostChannel: null,
                channelPostTs: null,
              }),
            ),
          ) as Record<string, unknown>),
          ...(typedValues.length ? { typedValues } : {}),
        },
        detail: `strategy ${s.id} (${strategyLabel(s)}) ${period.key}`,
      },
    });
    if (outcome.kind === 'gone') throw notFound('errors.notFound.strategy', { strategyId: s.id });
    if (outcome.kind === 'changed') throw strategyChanged(s.id, data.expectedVersion, outcome.currentVersion);
    return {
      update: viewOfUpdate(outcome.update),
      strategy: { id: s.id, status: data.status, version: outcome.version },
      duplicate: false,
      stored: { strategy: s, measureValues: typedValues.length > 0 },
    };
  } catch (e) {
    // Lost a race with a retry of the same submission: the other one stored it.
    if (isUniqueViolationOn(e, 'idempotencyKey') || (e instanceof ServiceError && e.code === 'conflict')) {
      const stored = await priorSubmission(ctx, actor, idempotencyKey);
      if (stored) return stored;
    }
    throw e;
  }
}

function strategyChanged(strategyId: number, expectedVersion: number, currentVersion: number | null): ServiceError {
  return conflict('errors.conflict.strategyChanged', { strategyId, expectedVersion, currentVersion });
}

type RevisionSnapshot = ReturnType<typeof contentColumns> & { statusTo: StrategyStatus; revision: number; editedAt: string | null };

function snapshotOf(u: ProgressUpdate): RevisionSnapshot {
  return {
    ...contentColumns({ ...u, status: u.statusTo }),
    statusTo: u.statusTo,
    revision: u.revision,
    editedAt: u.editedAt?.toISOString() ?? null,
  };
}

/**
 * Corrects a submitted update. The previous content is kept as a ProgressUpdateRevision;
 * `expectedRevision` must be the revision the editor loaded, else `conflict`. When the
 * status changes and this is the strategy's latest update, the strategy follows.
 */
export async function editUpdate(
  ctx: ServiceContext,
  actor: Actor,
  updateId: number,
  input: UpdateContentFields & MeasureEntries,
  expectedRevision: number,
): Promise<EditResult> {
  const parsed = parseFields(updateContentSchema, input);
  const entries = typed(input.measures);
  const data = parsed.ok ? parsed.data : null;

  const existing = await ctx.prisma.progressUpdate.findUnique({
    where: { id: updateId },
    include: { strategy: { include: strategyWithPlace } },
  });
  if (!existing || existing.strategy.archivedAt !== null) throw notFound('errors.notFound.update', { updateId });
  const scope = scopeOf(existing.strategy);
  if (!canEditUpdate(actor, existing, scope)) {
    throw await refuse(ctx, actor, { action: 'progress.edit', entityType: 'progressUpdate', entityId: updateId }, 'errors.forbidden.editUpdate', scope);
  }
  // Every measure the form showed has an entry; an emptied one loses its value for the period.
  const measures: MeasureView[] = entries.length ? await listMeasures(ctx.prisma, existing.strategyId) : [];
  const checked = checkMeasureEntries(measures, entries);
  if (!parsed.ok || checked.problems.length) throw invalidFields([...(parsed.ok ? [] : parsed.problems), ...checked.problems]);
  if (!data) throw new Error('unreachable: parsed without data');
  const shownIds = measures.filter((m) => entries.some((e) => e.measureId === m.id)).map((m) => m.id);
  const isLead = canManageDepartment(actor, scope.departmentId);
  // Keeping the status the update already had is always allowed; it will not move a lead's decision (followStatus).
  if (data.status !== existing.statusTo && !reportableStatuses(existing.strategy.status, isLead).includes(data.status)) {
    throw await refuse(ctx, actor, { action: 'progress.edit.status', entityType: 'progressUpdate', entityId: updateId }, 'errors.forbidden.leadStatus', scope);
  }

  const now = ctx.now();
  try {
    return await ctx.prisma.$transaction(async (tx) => {
      const before = await tx.progressUpdate.findUnique({ where: { id: updateId } });
      if (!before) throw notFound('errors.notFound.update', { updateId });
      if (before.revision !== expectedRevision) throw updateChanged(updateId, expectedRevision, before.revision);

      const valuesBefore = await typedValuesOf(tx, updateId);
      await tx.progressUpdateRevision.create({
        data: {
          updateId,
          revision: before.revision,
          snapshot: { ...snapshotOf(before), typedValues: valuesBefore } as unknown as PrismaNS.InputJsonObject,
          editedById: actor.memberId,
          createdAt: now,
        },
      });
      const written = await tx.progressUpdate.updateMany({
        where: { id: updateId, revision: expectedRevision },
        data: { ...contentColumns(data), statusTo: data.status, revision: { increment: 1 }, editedAt: now },
      });
      if (written.count !== 1) throw updateChanged(updateId, expectedRevision, null);
      if (shownIds.length) {
        await tx.measureValue.deleteMany({ where: { progressUpdateId: updateId, measureId: { in: shownIds } } });
        if (checked.values.length) {
          await tx.measureValue.createMany({
            data: checked.values.map((v) => ({ progressUpdateId: updateId, measureId: v.measureId, value: v.value, note: v.note, createdAt: now })),
          });
        }
      }
      const valuesAfter = shownIds.length ? await typedValuesOf(tx, updateId) : valuesBefore;
      const after = await tx.progressUpdate.findUniqueOrThrow({ where: { id: updateId } });
      const strategy = await followStatus(tx, actor, after, isLead);
      await refreshLiveSnapshot(tx, ctx.config.timeZone, after.strategyId, now);

      await writeAudit(tx, {
        actor: actor.slackUserId,
        action: 'progress.edit',
        entityType: 'progressUpdate',
        entityId: String(updateId),
        before: { ...viewOfUpdate(before), typedValues: valuesBefore },
        after: { ...viewOfUpdate(after), typedValues: valuesAfter },
      });
      return { update: viewOfUpdate(after), strategy };
    }, TX_OPTIONS);
  } catch (e) {
    // Two editors of the same revision: the second one's revision row collides.
    if (isUniqueViolationOn(e, 'revision')) throw updateChanged(updateId, expectedRevision, null);
    throw e;
  }
}

/** An update's typed values as plain data (revision snapshots, the audit log). */
async function typedValuesOf(tx: Tx, updateId: number): Promise<MeasureValueWrite[]> {
  const rows = await tx.measureValue.findMany({
    where: { progressUpdateId: updateId },
    orderBy: { measureId: 'asc' },
    select: { measureId: true, value: true, note: true },
  });
  return rows.map((r) => ({ measureId: r.measureId, value: Number(r.value.toString()), note: r.note }));
}

function updateChanged(updateId: number, expectedRevision: number, currentRevision: number | null): ServiceError {
  return conflict('errors.conflict.updateChanged', { updateId, expectedRevision, currentRevision });
}

/** Moves the strategy's status with an edited update, if that update is its latest. */
async function followStatus(tx: Tx, actor: Actor, update: ProgressUpdate, isLead: boolean): Promise<EditResult['strategy']> {
  const strategy = await tx.strategy.findUniqueOrThrow({
    where: { id: update.strategyId },
    select: { id: true, status: true, version: true },
  });
  const latest = await tx.progressUpdate.findFirst({
    where: { strategyId: update.strategyId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: { id: true },
  });
  if (latest?.id !== update.id || strategy.status === update.statusTo) return strategy;
  // A lead closed or deferred the strategy after this update: staff correcting their words do not reopen it.
  if (!isLead && isLeadDecision(strategy.status)) return strategy;
  const written = await tx.strategy.updateMany({
    where: { id: strategy.id, version: strategy.version },
    data: { status: update.statusTo, version: { increment: 1 } },
  });
  if (written.count !== 1) throw strategyChanged(strategy.id, strategy.version, null);
  await writeAudit(tx, {
    actor: actor.slackUserId,
    action: 'strategy.status',
    entityType: 'strategy',
    entityId: String(strategy.id),
    before: { status: strategy.status, version: strategy.version },
    after: { status: update.statusTo, version: strategy.version + 1 },
    detail: `edit of progress update ${update.id}`,
  });
  return { id: strategy.id, status: update.statusTo, version: strategy.version + 1 };
}
