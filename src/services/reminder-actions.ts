// The buttons on a deadline reminder: Snooze a week and Mark done.
//
// Snooze: the people a reminder goes to (the milestone's owner, the strategy's owner) and
// whoever manages the department. A milestone's snooze is Milestone.snoozedUntil; a
// strategy has no snooze column, so its snooze is an AppSetting row
// (reminder-settings.ts). Both end at City midnight a week later and are audited.
//
// Mark done reuses the use cases that authorize and audit: completeMilestone (owners and
// leads) and closeStrategy (equity leads and ORSE admins only). Closing names the
// strategy's current version: the click is the lead's decision now, not an edit of what
// the reminder showed. Refusals are audited by the services (authz.denied).
import { canCompleteMilestone, canManageDepartment, type Actor } from '../domain/permissions.js';
import { REMINDER_SNOOZE_DAYS, snoozeUntil } from '../domain/reminders.js';
import { writeAudit } from './audit.js';
import { refuse } from './authz.js';
import { conflict, notFound } from './errors.js';
import { completeMilestone, reopenMilestone } from './milestones.js';
import { strategySnoozeKey } from './reminder-settings.js';
import { TX_OPTIONS, cityToday, type ServiceContext } from './service-context.js';
import { closeStrategy, reopenStrategy } from './strategies.js';
import { loadLiveStrategy, scopeOf, strategyLabel, strategyWithPlace } from './strategy-records.js';

export interface ReminderItemRef {
  kind: 'milestone' | 'strategy';
  id: number;
}

export interface SnoozeResult {
  item: ReminderItemRef;
  title: string;
  /** Reminders for the item start again at this instant (City midnight). */
  until: Date;
  /** False when it was already snoozed at least that long (a double click). */
  changed: boolean;
  /** The item was completed meanwhile: nothing was snoozed. */
  alreadyDone: boolean;
}

export interface DoneResult {
  item: ReminderItemRef;
  title: string;
  /** False when it was already done. */
  changed: boolean;
}

async function loadMilestone(ctx: ServiceContext, milestoneId: number) {
  const m = await ctx.prisma.milestone.findUnique({ where: { id: milestoneId }, include: { strategy: { include: strategyWithPlace } } });
  if (!m || m.strategy.archivedAt !== null) throw notFound('errors.notFound.milestone', { milestoneId });
  return m;
}

export async function snoozeReminder(ctx: ServiceContext, actor: Actor, ref: ReminderItemRef, days: number = REMINDER_SNOOZE_DAYS): Promise<SnoozeResult> {
  const until = snoozeUntil(cityToday(ctx), ctx.config.timeZone, days);
  if (ref.kind === 'milestone') {
    const m = await loadMilestone(ctx, ref.id);
    const scope = scopeOf(m.strategy);
    if (!canCompleteMilestone(actor, m, scope)) {
      throw await refuse(ctx, actor, { action: 'milestone.snooze', entityType: 'milestone', entityId: m.id }, 'errors.forbidden.manage', scope);
    }
    const base = { item: ref, title: m.title, until };
    if (m.completedAt !== null) return { ...base, until: m.snoozedUntil ?? until, changed: false, alreadyDone: true };
    if (m.snoozedUntil && m.snoozedUntil >= until) return { ...base, until: m.snoozedUntil, changed: false, alreadyDone: false };
    await ctx.prisma.$transaction(async (tx) => {
      await tx.milestone.update({ where: { id: m.id }, data: { snoozedUntil: until } });
      await writeAudit(tx, {
        actor: actor.slackUserId,
        action: 'milestone.snooze',
        entityType: 'milestone',
        entityId: String(m.id),
        before: { snoozedUntil: m.snoozedUntil },
        after: { snoozedUntil: until },
      });
    }, TX_OPTIONS);
    return { ...base, changed: true, alreadyDone: false };
  }

  const s = await loadLiveStrategy(ctx.prisma, ref.id);
  const scope = scopeOf(s);
  const mayManage = canManageDepartment(actor, scope.departmentId);
  if (!mayManage && !(actor.active && s.ownerId !== null && s.ownerId === actor.memberId)) {
    throw await refuse(ctx, actor, { action: 'strategy.snooze', entityType: 'strategy', entityId: s.id }, 'errors.forbidden.manage', scope);
  }
  const title = `${strategyLabel(s)} ${s.text}`;
  if (s.status === 'COMPLETED') return { item: ref, title, until, changed: false, alreadyDone: true };
  const key = strategySnoozeKey(s.id);
  const outcome = await ctx.prisma.$transaction(async (tx) => {
    const row = await tx.appSetting.findUnique({ where: { key } });
    const previous = row?.value && typeof row.value === 'object' && !Array.isArray(row.value) ? (row.value as { until?: string }).until : undefined;
    if (previous && new Date(previous) >= until) return { changed: false, until: new Date(previous) };
    const value = { until: until.toISOString(), by: actor.slackUserId };
    await tx.appSetting.upsert({ where: { key }, create: { key, value, updatedBy: actor.slackUserId }, update: { value, updatedBy: actor.slackUserId } });
    await writeAudit(tx, {
      actor: actor.slackUserId,
      action: 'strategy.snooze',
      entityType: 'strategy',
      entityId: String(s.id),
      before: { snoozedUntil: previous ?? null },
      after: { snoozedUntil: value.until },
    });
    return { changed: true, until };
  }, TX_OPTIONS);
  return { item: ref, title, ...outcome, alreadyDone: false };
}

export async function markReminderDone(ctx: ServiceContext, actor: Actor, ref: ReminderItemRef): Promise<DoneResult> {
  if (ref.kind === 'milestone') {
    const { milestone, changed } = await completeMilestone(ctx, actor, ref.id);
    return { item: ref, title: milestone.title, changed };
  }
  const s = await loadLiveStrategy(ctx.prisma, ref.id);
  const { strategy, changed } = await closeStrategy(ctx, actor, s.id, s.version);
  return { item: ref, title: `${strategy.label} ${strategy.text}`, changed };
}

/** How long after "Mark done" its Undo button works. */
export const UNDO_WINDOW_MS = 10 * 60_000;

export interface UndoResult {
  item: ReminderItemRef;
  /** False when it was not done any more (a second click on Undo). */
  changed: boolean;
}

/**
 * Undo of "Mark done", for the person who did it, within UNDO_WINDOW_MS: the milestone is
 * open again, or the strategy gets back the status it had. What it had is read from the
 * audit row the click wrote, not from the button, so a crafted value cannot choose it; and
 * when anyone changed the item after the click, nothing is undone.
 */
export async function undoReminderDone(ctx: ServiceContext, actor: Actor, ref: ReminderItemRef): Promise<UndoResult> {
  const action = ref.kind === 'milestone' ? 'milestone.complete' : 'strategy.close';
  const [last] = await ctx.prisma.auditLog.findMany({
    where: { entityType: ref.kind, entityId: String(ref.id), action: { not: 'authz.denied' } },
    orderBy: { id: 'desc' },
    take: 1,
  });
  const reopened = ref.kind === 'milestone' ? 'milestone.reopen' : 'strategy.reopen';
  if (last && last.action === reopened && last.actor === actor.slackUserId) return { item: ref, changed: false };
  if (!last || last.action !== action || last.actor !== actor.slackUserId) throw conflict('errors.conflict.undoChanged');
  // The audit row is stamped by the database's clock, so the window is measured on the
  // wall clock too (the sandbox can move the app's "today", not the database's now()).
  if (Date.now() - last.at.getTime() > UNDO_WINDOW_MS) throw conflict('errors.conflict.undoExpired', { minutes: UNDO_WINDOW_MS / 60_000 });
  if (ref.kind === 'milestone') {
    const { changed } = await reopenMilestone(ctx, actor, ref.id);
    return { item: ref, changed };
  }
  const before = last.before as { status?: string } | null;
  const status = before?.status;
  if (!status || status === 'COMPLETED') throw conflict('errors.conflict.undoChanged');
  const s = await loadLiveStrategy(ctx.prisma, ref.id);
  const { changed } = await reopenStrategy(ctx, actor, s.id, s.version, status as Parameters<typeof reopenStrategy>[4]);
  return { item: ref, changed };
}
