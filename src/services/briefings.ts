// Quarterly briefings: ORSE admins compose a briefing for a fiscal quarter, schedule it for
// one or more channels, and edit or cancel it afterwards. The `briefings` job posts due
// briefings through the outbox and records where they landed (see jobs/composers/briefings.ts,
// which uses the job-side functions at the end of this file).
//
// Only ORSE admins may do any of this; every refusal is audited by requireOrseAdmin.
//
// A briefing's life: DRAFT (saved when the composer was closed) → SCHEDULED (channels and a
// time) → POSTED (every channel answered) — or CANCELLED while still scheduled. Once the job
// has handed a briefing to the outbox it can no longer be changed or cancelled as a
// scheduled one (the message is on its way); it is edited as a posted one afterwards.
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { Prisma as PrismaNS } from '../generated/prisma/client.js';
import type { BriefingStatus, Language } from '../generated/prisma/enums.js';
import { BRIEFING_LIMITS, buildBriefingDraft, type BriefingDraft, type DraftStrategyStatus, type UpdateVisibility } from '../domain/briefing-draft.js';
import { dbDate } from '../domain/calendar-dates.js';
import { parsePeriodKey, type FiscalPeriod } from '../domain/fiscal-calendar.js';
import type { Actor } from '../domain/permissions.js';
import { writeAudit } from './audit.js';
import { requireOrseAdmin } from './authz.js';
import { invalidFields, ServiceError, type FieldProblem, type MessageKey, type MessageParams } from './errors.js';
import { TX_OPTIONS, type ServiceContext, type Tx } from './service-context.js';
import { citywidePlanOf, strategyDepartment, strategyLabel } from './strategy-records.js';

/**
 * Message keys of briefing failures. They are translated by the briefings catalog
 * (slack/i18n/catalogs/briefings.ts); domain/messages.ts does not list them yet, hence the
 * cast in briefingError (see the report on issue 5).
 */
export const BRIEFING_MESSAGE_KEYS = [
  'briefings.errors.notFound', // params: briefingId
  'briefings.errors.notEditable', // params: status (POSTED or CANCELLED where a scheduled one is needed)
  'briefings.errors.notPosted', // an edit of posted messages for a briefing not posted
  'briefings.errors.alreadyPosting', // the job already handed it to the outbox
  'briefings.errors.timeInPast', // params: minutes
  'briefings.errors.channelId', // params: channelId
  'briefings.errors.tooManyChannels', // params: limit
  'briefings.errors.quarter', // params: quarterKey
  'briefings.errors.notMember', // params: channels ("#a, #b")
] as const;
export type BriefingMessageKey = (typeof BRIEFING_MESSAGE_KEYS)[number];

function briefingError(code: ServiceError['code'], key: BriefingMessageKey, params: MessageParams = {}, field?: string): ServiceError {
  return new ServiceError(code, key as unknown as MessageKey, params, field ? { field } : {});
}

const problem = (field: string, key: BriefingMessageKey | MessageKey, params: MessageParams = {}): FieldProblem => ({
  field,
  messageKey: key as MessageKey,
  params,
});

/** A briefing may be posted to this many channels at once. */
export const MAX_BRIEFING_CHANNELS = 10;
/** A "now" picked a little while ago in the time picker is still now. */
const PAST_TOLERANCE_MS = 10 * 60_000;
const CHANNEL_ID = /^[CGD][A-Z0-9]{2,}$/;

export interface BriefingPostRef {
  channelId: string;
  ts: string;
  permalink: string | null;
}

export interface BriefingRecord {
  id: number;
  quarterKey: string;
  title: string;
  body: string;
  status: BriefingStatus;
  channelIds: string[];
  scheduledFor: Date | null;
  /** Also published as a canvas shared to the channels; canvasId once made ("pending", "failed"). */
  asCanvas: boolean;
  canvasId: string | null;
  postedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  createdBy: { slackUserId: string; name: string; language: Language | null; slackLocale: string | null };
  posts: BriefingPostRef[];
  /** The charts it was posted with, in order: an edit shows them again. */
  charts: PostedChart[];
}

/** A chart as the job posted it: its uploaded file and the words of its image block. */
export interface PostedChart {
  blockId: string;
  fileId: string;
  title: string;
  alt: string;
}

const postedCharts = z.array(z.object({ blockId: z.string(), fileId: z.string().min(1), title: z.string(), alt: z.string() }));

/** The stored charts; anything else (a hand-edited row) is read as no charts, never as an error. */
function chartsOf(json: PrismaNS.JsonValue): PostedChart[] {
  const parsed = postedCharts.safeParse(json);
  return parsed.success ? parsed.data : [];
}

const briefingInclude = {
  createdBy: { select: { slackUserId: true, name: true, language: true, slackLocale: true } },
  posts: { select: { channelId: true, ts: true, permalink: true }, orderBy: { id: 'asc' } },
} satisfies PrismaNS.BriefingInclude;

type BriefingRow = PrismaNS.BriefingGetPayload<{ include: typeof briefingInclude }>;

function toRecord(b: BriefingRow): BriefingRecord {
  return {
    id: b.id,
    quarterKey: b.quarterKey,
    title: b.title,
    body: b.body,
    status: b.status,
    channelIds: [...b.channelIds],
    scheduledFor: b.scheduledFor,
    asCanvas: b.asCanvas,
    canvasId: b.canvasId,
    postedAt: b.postedAt,
    createdAt: b.createdAt,
    updatedAt: b.updatedAt,
    createdBy: b.createdBy,
    posts: b.posts,
    charts: chartsOf(b.charts),
  };
}

const snapshot = (b: {
  quarterKey: string;
  title: string;
  body: string;
  status: string;
  channelIds: string[];
  scheduledFor: Date | null;
  asCanvas: boolean;
}) => ({
  quarterKey: b.quarterKey,
  title: b.title,
  body: b.body,
  status: b.status,
  channelIds: b.channelIds,
  scheduledFor: b.scheduledFor,
  asCanvas: b.asCanvas,
});

async function requireAdmin(ctx: ServiceContext, actor: Actor, action: string, entityId: string | number): Promise<void> {
  await requireOrseAdmin(ctx, actor, { action, entityType: 'briefing', entityId });
}

/** The outbox key of a briefing's post to one channel: the job and the cancel use it. */
export const briefingPostKey = (briefingId: number, channelId: string): string => `briefings:${briefingId}:${channelId}`;

async function loadBriefing(db: ServiceContext['prisma'] | Tx, id: number): Promise<BriefingRow> {
  const b = Number.isInteger(id) && id > 0 ? await db.briefing.findUnique({ where: { id }, include: briefingInclude }) : null;
  if (!b) throw briefingError('not_found', 'briefings.errors.notFound', { briefingId: id });
  return b;
}

// ---------- reading ----------

/** May the actor compose briefings at all (for the command and buttons, before a modal opens). */
export async function requireBriefingComposer(ctx: ServiceContext, actor: Actor): Promise<void> {
  await requireAdmin(ctx, actor, 'briefing.compose', 'new');
}

/** The most recent briefings, newest first, for `/reap briefing`. */
export async function listBriefings(ctx: ServiceContext, actor: Actor, limit = 10): Promise<BriefingRecord[]> {
  await requireAdmin(ctx, actor, 'briefing.list', 'all');
  const rows = await ctx.prisma.briefing.findMany({
    include: briefingInclude,
    orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }],
    take: limit,
  });
  return rows.map(toRecord);
}

export async function getBriefing(ctx: ServiceContext, actor: Actor, id: number): Promise<BriefingRecord> {
  await requireAdmin(ctx, actor, 'briefing.view', id);
  return toRecord(await loadBriefing(ctx.prisma, id));
}

/**
 * What the quarter's progress updates say, for the composer's "Start from a draft". At most
 * three queries whatever the number of strategies and updates.
 */
export async function briefingDraftFor(ctx: ServiceContext, actor: Actor, quarterKey: string): Promise<BriefingDraft> {
  await requireAdmin(ctx, actor, 'briefing.draft', quarterKey);
  const quarter = requireQuarter(quarterKey);
  const place = {
    id: true,
    number: true,
    text: true,
    status: true,
    // A citywide strategy is told under its lead department, as in the weekly digest.
    leadDepartment: { select: { code: true, name: true } },
    objective: { select: { number: true, plan: { select: { kind: true, title: true, department: { select: { code: true, name: true } } } } } },
  } satisfies PrismaNS.StrategySelect;
  const [updates, closes] = await Promise.all([
    ctx.prisma.progressUpdate.findMany({
      where: {
        periodStart: { gte: dbDate(quarter.start) },
        periodEnd: { lte: dbDate(quarter.end) },
        strategy: { archivedAt: null },
      },
      select: {
        id: true,
        strategyId: true,
        visibility: true,
        statusFrom: true,
        statusTo: true,
        measureValues: true,
        outputs: true,
        roadblocks: true,
        createdAt: true,
        strategy: { select: place },
      },
    }),
    // Closed during the quarter through Manage → Close, which writes no progress update:
    // the audit log says when (a strategy's updatedAt moves with any later edit).
    ctx.prisma.auditLog.findMany({
      where: {
        action: 'strategy.close',
        entityType: 'strategy',
        at: { gte: quarterStartInstant(quarter, ctx.config.timeZone), lt: quarterEndInstant(quarter, ctx.config.timeZone) },
      },
      select: { entityId: true },
    }),
  ]);
  const closedIds = [...new Set(closes.map((c) => Number(c.entityId)).filter((id) => Number.isInteger(id) && id > 0))];
  const closed = closedIds.length
    ? await ctx.prisma.strategy.findMany({ where: { id: { in: closedIds }, archivedAt: null, status: 'COMPLETED' }, select: place })
    : [];
  const strategies = new Map<number, (typeof closed)[number]>();
  for (const u of updates) strategies.set(u.strategy.id, u.strategy);
  for (const s of closed) strategies.set(s.id, s);
  return buildBriefingDraft({
    quarter,
    strategies: [...strategies.values()].map((s) => ({
      id: s.id,
      label: strategyLabel(s),
      citywidePlan: citywidePlanOf(s),
      text: s.text,
      status: s.status as DraftStrategyStatus,
      department: strategyDepartment(s),
      planTitle: s.objective.plan.title,
    })),
    updates: updates.map((u) => ({
      id: u.id,
      strategyId: u.strategyId,
      visibility: u.visibility as UpdateVisibility,
      statusFrom: u.statusFrom as DraftStrategyStatus,
      statusTo: u.statusTo as DraftStrategyStatus,
      measureValues: u.measureValues,
      outputs: u.outputs,
      roadblocks: u.roadblocks,
      createdAt: u.createdAt,
    })),
    closedWithoutUpdate: closed.map((s) => s.id),
  });
}

/** The quarter's first and last instants in the City's zone (midnight to midnight). */
function quarterStartInstant(q: FiscalPeriod, zone: string): Date {
  return DateTime.fromISO(q.start, { zone }).startOf('day').toJSDate();
}

function quarterEndInstant(q: FiscalPeriod, zone: string): Date {
  return DateTime.fromISO(q.end, { zone }).plus({ days: 1 }).startOf('day').toJSDate();
}

// ---------- validation ----------

export interface BriefingContentInput {
  quarterKey: string;
  title: string;
  body: string;
}

export interface BriefingScheduleInput extends BriefingContentInput {
  /** An existing DRAFT, SCHEDULED or CANCELLED briefing; null or absent for a new one. */
  id?: number | null;
  channelIds: readonly string[];
  /** null: now. */
  scheduledFor: Date | null;
  /** Also publish it as a canvas shared to the channels. */
  asCanvas?: boolean;
  /**
   * Channels (by name, "#name") REAP Tracker is not a member of, as Slack told the caller:
   * refused here so the admin hears it now rather than in a failure notice later.
   */
  unreachableChannels?: readonly string[];
}

function requireQuarter(quarterKey: string): FiscalPeriod {
  const q = parsePeriodKey(quarterKey);
  if (!q || q.cadence !== 'QUARTERLY') throw briefingError('invalid', 'briefings.errors.quarter', { quarterKey, field: 'quarter' }, 'quarter');
  return q;
}

const chars = (s: string) => Array.from(s).length;

function contentProblems(input: BriefingContentInput): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const q = parsePeriodKey(input.quarterKey);
  if (!q || q.cadence !== 'QUARTERLY') problems.push(problem('quarter', 'briefings.errors.quarter', { quarterKey: input.quarterKey }));
  const title = input.title.trim();
  if (title === '') problems.push(problem('title', 'errors.invalid.required'));
  else if (chars(title) > BRIEFING_LIMITS.title)
    problems.push(problem('title', 'errors.invalid.tooLong', { limit: BRIEFING_LIMITS.title, length: chars(title) }));
  const body = input.body.trim();
  if (body === '') problems.push(problem('body', 'errors.invalid.required'));
  else if (chars(body) > BRIEFING_LIMITS.body) problems.push(problem('body', 'errors.invalid.tooLong', { limit: BRIEFING_LIMITS.body, length: chars(body) }));
  if ([input.title, input.body].some((s) => s.includes('\u0000')))
    problems.push(problem(input.title.includes('\u0000') ? 'title' : 'body', 'errors.invalid.characters'));
  return problems;
}

/** The content checks, for a listener that must answer a modal before doing slow work. */
export function checkBriefingContent(input: BriefingContentInput): void {
  const problems = contentProblems(input);
  if (problems.length) throw invalidFields(problems);
}

function scheduleProblems(input: BriefingScheduleInput, now: Date): FieldProblem[] {
  const problems = contentProblems(input);
  const channels = [...new Set(input.channelIds)];
  if (channels.length === 0) problems.push(problem('channels', 'errors.invalid.required'));
  else if (channels.length > MAX_BRIEFING_CHANNELS) problems.push(problem('channels', 'briefings.errors.tooManyChannels', { limit: MAX_BRIEFING_CHANNELS }));
  const bad = channels.find((c) => !CHANNEL_ID.test(c));
  if (bad) problems.push(problem('channels', 'briefings.errors.channelId', { channelId: bad }));
  else if (input.unreachableChannels?.length)
    problems.push(problem('channels', 'briefings.errors.notMember', { channels: input.unreachableChannels.join(', ') }));
  if (input.scheduledFor && input.scheduledFor.getTime() < now.getTime() - PAST_TOLERANCE_MS) {
    problems.push(problem('time', 'briefings.errors.timeInPast', { minutes: PAST_TOLERANCE_MS / 60_000 }));
  }
  return problems;
}

/** True when the job has already queued posts of this briefing (it can no longer be changed as scheduled). */
async function handedToOutbox(tx: Tx, b: { id: number; channelIds: string[] }): Promise<boolean> {
  if (b.channelIds.length === 0) return false;
  const n = await tx.outboxMessage.count({ where: { idempotencyKey: { in: b.channelIds.map((c) => briefingPostKey(b.id, c)) } } });
  return n > 0;
}

// ---------- writing ----------

/**
 * Creates or updates a briefing and schedules it: status SCHEDULED, the channels, and the
 * time (now when none was picked). The `briefings` job posts it on its first run after that.
 */
export async function scheduleBriefing(ctx: ServiceContext, actor: Actor, input: BriefingScheduleInput): Promise<BriefingRecord> {
  await requireAdmin(ctx, actor, input.id ? 'briefing.schedule' : 'briefing.create', input.id ?? 'new');
  const now = ctx.now();
  const problems = scheduleProblems(input, now);
  if (problems.length) throw invalidFields(problems);
  const data = {
    quarterKey: input.quarterKey,
    title: input.title.trim(),
    body: input.body.trim(),
    channelIds: [...new Set(input.channelIds)],
    scheduledFor: input.scheduledFor && input.scheduledFor > now ? input.scheduledFor : now,
    asCanvas: input.asCanvas ?? false,
    status: 'SCHEDULED' as const,
  };
  return ctx.prisma.$transaction(async (tx) => {
    let row: BriefingRow;
    if (input.id) {
      const before = await loadBriefing(tx, input.id);
      if (before.status === 'POSTED') throw briefingError('conflict', 'briefings.errors.notEditable', { status: before.status });
      if (before.status === 'SCHEDULED' && (await handedToOutbox(tx, before))) throw briefingError('conflict', 'briefings.errors.alreadyPosting');
      row = await tx.briefing.update({ where: { id: before.id }, data, include: briefingInclude });
      await writeAudit(tx, {
        actor: actor.slackUserId,
        action: 'briefing.schedule',
        entityType: 'briefing',
        entityId: String(row.id),
        before: snapshot(before),
        after: snapshot(row),
      });
    } else {
      row = await tx.briefing.create({ data: { ...data, createdById: actor.memberId }, include: briefingInclude });
      await writeAudit(tx, { actor: actor.slackUserId, action: 'briefing.schedule', entityType: 'briefing', entityId: String(row.id), after: snapshot(row) });
    }
    return toRecord(row);
  }, TX_OPTIONS);
}

/**
 * Keeps what was typed in a composer that was closed without scheduling: a new DRAFT, or
 * the DRAFT it was opened from. Scheduled, posted and cancelled briefings are left alone
 * (closing their form means "no change"). Returns null when there was nothing to keep.
 */
export async function saveBriefingDraft(
  ctx: ServiceContext,
  actor: Actor,
  input: BriefingContentInput & { id?: number | null },
): Promise<BriefingRecord | null> {
  await requireAdmin(ctx, actor, 'briefing.draft.save', input.id ?? 'new');
  const title = input.title.trim();
  const body = input.body.trim();
  if (title === '' && body === '') return null;
  const quarter = parsePeriodKey(input.quarterKey);
  // A draft is kept even when it would not pass as a briefing yet; only what the columns hold is cut.
  const data = {
    quarterKey: quarter?.cadence === 'QUARTERLY' ? quarter.key : input.quarterKey.slice(0, 16),
    title: Array.from(title).slice(0, BRIEFING_LIMITS.title).join('') || '—',
    // biome-ignore lint/suspicious/noControlCharactersInRegex: PostgreSQL text cannot hold NUL; it is removed on purpose.
    body: body.replace(/\u0000/g, ''),
  };
  return ctx.prisma.$transaction(async (tx) => {
    if (input.id) {
      const before = await loadBriefing(tx, input.id);
      if (before.status !== 'DRAFT') return null;
      const row = await tx.briefing.update({ where: { id: before.id }, data, include: briefingInclude });
      await writeAudit(tx, {
        actor: actor.slackUserId,
        action: 'briefing.draft',
        entityType: 'briefing',
        entityId: String(row.id),
        before: snapshot(before),
        after: snapshot(row),
      });
      return toRecord(row);
    }
    const row = await tx.briefing.create({ data: { ...data, status: 'DRAFT', createdById: actor.memberId }, include: briefingInclude });
    await writeAudit(tx, { actor: actor.slackUserId, action: 'briefing.draft', entityType: 'briefing', entityId: String(row.id), after: snapshot(row) });
    return toRecord(row);
  }, TX_OPTIONS);
}

/**
 * Cancels a scheduled briefing (or throws away a draft). Refused once the job has started
 * posting it: messages already in channels are not taken back here.
 */
export async function cancelBriefing(ctx: ServiceContext, actor: Actor, id: number): Promise<BriefingRecord> {
  await requireAdmin(ctx, actor, 'briefing.cancel', id);
  return ctx.prisma.$transaction(async (tx) => {
    const before = await loadBriefing(tx, id);
    if (before.status === 'CANCELLED') return toRecord(before);
    if (before.status === 'POSTED') throw briefingError('conflict', 'briefings.errors.notEditable', { status: before.status });
    if (before.status === 'SCHEDULED' && (await handedToOutbox(tx, before))) throw briefingError('conflict', 'briefings.errors.alreadyPosting');
    const row = await tx.briefing.update({ where: { id }, data: { status: 'CANCELLED' }, include: briefingInclude });
    await writeAudit(tx, {
      actor: actor.slackUserId,
      action: 'briefing.cancel',
      entityType: 'briefing',
      entityId: String(id),
      before: snapshot(before),
      after: snapshot(row),
    });
    return toRecord(row);
  }, TX_OPTIONS);
}

/**
 * Changes the text of a posted briefing (quarter, title, body) and audits it. The caller
 * then updates the messages with refreshPostedBriefing: this first step can answer the
 * modal with field errors before anything is sent to Slack.
 */
export async function editPostedBriefing(ctx: ServiceContext, actor: Actor, id: number, input: BriefingContentInput): Promise<BriefingRecord> {
  await requireAdmin(ctx, actor, 'briefing.edit', id);
  const problems = contentProblems(input);
  if (problems.length) throw invalidFields(problems);
  return ctx.prisma.$transaction(async (tx) => {
    const before = await loadBriefing(tx, id);
    if (before.status !== 'POSTED') throw briefingError('conflict', 'briefings.errors.notPosted', { status: before.status });
    const row = await tx.briefing.update({
      where: { id },
      data: { quarterKey: input.quarterKey, title: input.title.trim(), body: input.body.trim() },
      include: briefingInclude,
    });
    await writeAudit(tx, {
      actor: actor.slackUserId,
      action: 'briefing.edit',
      entityType: 'briefing',
      entityId: String(id),
      before: snapshot(before),
      after: snapshot(row),
    });
    return toRecord(row);
  }, TX_OPTIONS);
}

export interface RefreshResult {
  updated: BriefingPostRef[];
  failed: { post: BriefingPostRef; error: string }[];
}

/**
 * Puts the briefing's current text into every message it was posted as (chat.update, done
 * by `updateMessage`: an edit goes straight to Slack, not through the outbox) and audits
 * what happened, message by message.
 */
export async function refreshPostedBriefing(
  ctx: ServiceContext,
  actor: Actor,
  briefing: BriefingRecord,
  updateMessage: (post: BriefingPostRef) => Promise<void>,
): Promise<RefreshResult> {
  await requireAdmin(ctx, actor, 'briefing.edit', briefing.id);
  const result: RefreshResult = { updated: [], failed: [] };
  for (const post of briefing.posts) {
    try {
      await updateMessage(post);
      result.updated.push(post);
    } catch (e) {
      const error = (e as { data?: { error?: string } }).data?.error ?? (e as Error).message ?? 'unknown';
      result.failed.push({ post, error: String(error).slice(0, 200) });
    }
  }
  await writeAudit(ctx.prisma, {
    actor: actor.slackUserId,
    action: 'briefing.posts.update',
    entityType: 'briefing',
    entityId: String(briefing.id),
    after: {
      updated: result.updated.map((p) => ({ channelId: p.channelId, ts: p.ts })),
      failed: result.failed.map((f) => ({ channelId: f.post.channelId, error: f.error })),
    },
  });
  return result;
}

// ---------- for the `briefings` job ----------

export interface OutboxState {
  status: 'PENDING' | 'SENDING' | 'SENT' | 'FAILED';
  slackChannel: string | null;
  slackTs: string | null;
  lastError: string | null;
}

export interface DueBriefing {
  briefing: BriefingRecord;
  /** The outbox row of each channel's post, when the job queued it already. */
  outbox: Map<string, OutboxState>;
}

/** Scheduled briefings whose time has come, with their outbox rows: two queries in all. */
export async function loadDueBriefings(db: ServiceContext['prisma'], at: Date): Promise<DueBriefing[]> {
  const rows = await db.briefing.findMany({
    where: { status: 'SCHEDULED', scheduledFor: { lte: at } },
    include: briefingInclude,
    orderBy: [{ scheduledFor: 'asc' }, { id: 'asc' }],
  });
  const keys = rows.flatMap((b) => b.channelIds.map((c) => briefingPostKey(b.id, c)));
  const outbox = keys.length
    ? await db.outboxMessage.findMany({
        where: { idempotencyKey: { in: keys } },
        select: { idempotencyKey: true, status: true, slackChannel: true, slackTs: true, lastError: true },
      })
    : [];
  const byKey = new Map(outbox.map((o) => [o.idempotencyKey, o]));
  return rows.map((b) => {
    const states = new Map<string, OutboxState>();
    for (const c of b.channelIds) {
      const o = byKey.get(briefingPostKey(b.id, c));
      if (o) states.set(c, { status: o.status, slackChannel: o.slackChannel, slackTs: o.slackTs, lastError: o.lastError });
    }
    return { briefing: toRecord(b), outbox: states };
  });
}

/** Records posts (idempotent: one per briefing and channel). */
export async function recordBriefingPosts(tx: Tx, briefingId: number, posts: readonly BriefingPostRef[], at: Date): Promise<number> {
  if (posts.length === 0) return 0;
  const { count } = await tx.briefingPost.createMany({
    data: posts.map((p) => ({ briefingId, channelId: p.channelId, ts: p.ts, permalink: p.permalink, postedAt: at })),
    skipDuplicates: true,
  });
  return count;
}

/** Keeps the charts a briefing is being posted with, for an edit to show them again. */
export async function recordBriefingCharts(tx: Tx, briefingId: number, charts: readonly PostedChart[]): Promise<void> {
  await tx.briefing.update({ where: { id: briefingId }, data: { charts: charts.map((c) => ({ ...c })) } });
}

/**
 * SCHEDULED → POSTED, once, even with two instances finishing the same briefing: the
 * second sees count 0 and sends no second notice.
 */
export async function markBriefingPosted(tx: Tx, briefingId: number, at: Date, detail: string): Promise<boolean> {
  const { count } = await tx.briefing.updateMany({ where: { id: briefingId, status: 'SCHEDULED' }, data: { status: 'POSTED', postedAt: at } });
  if (count === 1) {
    await writeAudit(tx, { actor: 'system:briefings', action: 'briefing.posted', entityType: 'briefing', entityId: String(briefingId), detail });
  }
  return count === 1;
}

// ---------- the briefing as a canvas ----------

/**
 * Takes the making of a briefing's canvas, in one statement: true for the one caller that
 * should make it. Whoever loses (another instance, a later run) never makes a second; a run
 * that dies while making it leaves "pending", and the composer is told it is unconfirmed.
 */
export async function claimBriefingCanvas(ctx: ServiceContext, briefingId: number): Promise<boolean> {
  const n = await ctx.prisma.$executeRaw`
    /* briefing canvas: claim */ UPDATE "Briefing" SET "canvasId" = 'pending', "updatedAt" = ${ctx.now()}
     WHERE id = ${briefingId} AND "asCanvas" AND "canvasId" IS NULL`;
  return n === 1;
}

/** Records the canvas made for a briefing (its id), or that Slack refused ("failed:<code>"). */
export async function recordBriefingCanvas(ctx: ServiceContext, briefingId: number, canvasId: string): Promise<void> {
  await ctx.prisma.$executeRaw`
    /* briefing canvas: record */ UPDATE "Briefing" SET "canvasId" = ${canvasId.slice(0, 40)}, "updatedAt" = ${ctx.now()}
     WHERE id = ${briefingId} AND "canvasId" = 'pending'`;
}
