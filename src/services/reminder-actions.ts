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
import { notFound } from './errors.js';
import { completeMilestone } from './milestones.js';
import { strategySnoozeKey } from './reminder-settings.js';
import { TX_OPTIONS, cityToday, type ServiceContext } from './service-context.js';
import { closeStrategy } from './strategies.js';
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

export async function snoozeReminder(
  ctx: ServiceContext,
  actor: Actor,
  ref: ReminderItemRef,
  days: number = REMINDER_SNOOZE_DAYS,
): Promise<SnoozeResult> {
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
