// The deadline-reminders job (daily, 08:00 by default): on City business days, one DM per
// person listing the milestones and strategies they own that are due a reminder today
// (7 and 1 days before, weekly when overdue, when a snooze ends; see domain/reminders.ts).
// On weekends and holidays it does nothing; reminders falling on those days come early
// ("due in …") or late ("overdue") on a business day instead.
//
// Fixed number of queries whatever the number of people: holidays, settings (with
// strategy snoozes), milestones, strategies, and this period's updates; then one
// transaction writes every DM to the outbox. The key "deadline-reminders:<City date>:<user>"
// makes a second run the same day (a catch-up, a manual run, another instance) send nothing.
import { latestDueDateToLoad, selectReminders } from '../../domain/reminders.js';
import { isBusinessDay } from '../../domain/business-days.js';
import { holidaysAround } from '../../services/holidays.js';
import { loadReminderCandidates } from '../../services/reminder-candidates.js';
import { loadReminderSettings } from '../../services/reminder-settings.js';
import { TX_OPTIONS } from '../../services/service-context.js';
import { resolveLanguage, translator } from '../../slack/i18n/index.js';
import { reminderMessage } from '../../slack/features/reminders/ui/reminder-message.js';
import { outboxKey, type OutboxMessageInput } from '../outbox/enqueue.js';
import type { JobRegistry, JobResult, JobRunContext } from '../registry.js';

export function registerDeadlineReminders(registry: JobRegistry): void {
  registry.register('deadline-reminders', runDeadlineReminders);
}

export async function runDeadlineReminders(run: JobRunContext): Promise<JobResult> {
  const { ctx } = run;
  const today = run.period.day();
  const holidays = await holidaysAround(ctx.prisma, today);
  if (!isBusinessDay(today, holidays)) return { detail: `${today} is not a City business day: no reminders`, enqueued: 0 };

  const settings = await loadReminderSettings(ctx.prisma);
  for (const problem of settings.problems) run.logger.warn({ problem }, 'ignoring a reminder setting; using the default');
  const candidates = await loadReminderCandidates(ctx, {
    today,
    latestDueDate: latestDueDateToLoad(today, holidays, settings.rules),
    at: run.fireTime,
    strategySnoozes: settings.strategySnoozes,
  });
  const due = selectReminders(candidates, today, holidays, settings.rules);
  if (run.signal.aborted) return { detail: 'stopped before queuing reminders', enqueued: 0 };

  const messages: OutboxMessageInput[] = due.map(({ recipient, items }) => ({
    idempotencyKey: outboxKey(run.job, today, recipient.slackUserId),
    userId: recipient.slackUserId,
    payload: reminderMessage(translator(resolveLanguage(recipient.language, recipient.slackLocale)), items),
  }));
  const result = await ctx.prisma.$transaction((tx) => run.enqueue(tx, messages), TX_OPTIONS);
  const items = due.reduce((n, r) => n + r.items.length, 0);
  return {
    detail: `${result.created} reminder DMs queued for ${today} (${items} items, ${due.length} people; ${result.duplicates} already queued)`,
    enqueued: result.created,
  };
}
