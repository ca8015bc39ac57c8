// The update-prompts job (daily, 07:30 by default). It decides itself what today is: in a
// reporting period's start phase (first business day up to the nudge day) each owner gets
// one prompt listing their unreported strategies; from the nudge day (the 5th-last business
// day by default, AppSetting prompts.nudgeBusinessDaysBeforeEnd) those who still have not
// reported get one nudge with how many colleagues in their department already have.
// Weekends and City holidays: nothing. See domain/update-prompts.ts for the rules, including
// owners with strategies in monthly and quarterly departments.
//
// Keys: "update-prompts:<period>:<user>:start" and "…:nudge", so a catch-up later in the
// phase sends a missed prompt once and any further run sends nothing. Fixed number of
// queries: holidays, settings, strategies, updates; one transaction for the outbox.
import { isBusinessDay } from '../../domain/business-days.js';
import { periodOfDate, planUpdatePrompts } from '../../domain/update-prompts.js';
import { holidaysAround } from '../../services/holidays.js';
import { loadPromptStrategies } from '../../services/prompt-candidates.js';
import { loadReminderSettings } from '../../services/reminder-settings.js';
import { TX_OPTIONS } from '../../services/service-context.js';
import { resolveLanguage, translator } from '../../slack/i18n/index.js';
import { updatePromptMessage } from '../../slack/features/update/ui/update-prompt-message.js';
import { outboxKey, type OutboxMessageInput } from '../outbox/enqueue.js';
import type { JobRegistry, JobResult, JobRunContext } from '../registry.js';

export function registerUpdatePrompts(registry: JobRegistry): void {
  registry.register('update-prompts', runUpdatePrompts);
}

export async function runUpdatePrompts(run: JobRunContext): Promise<JobResult> {
  const { ctx } = run;
  const today = run.period.day();
  const holidays = await holidaysAround(ctx.prisma, today);
  if (!isBusinessDay(today, holidays)) return { detail: `${today} is not a City business day: no prompts`, enqueued: 0 };

  const settings = await loadReminderSettings(ctx.prisma);
  for (const problem of settings.problems) run.logger.warn({ problem }, 'ignoring a prompt setting; using the default');
  const strategies = await loadPromptStrategies(ctx, periodOfDate(today, 'QUARTERLY').start);
  const planned = planUpdatePrompts(strategies, today, holidays, settings.nudgeBusinessDays);
  if (run.signal.aborted) return { detail: 'stopped before queuing prompts', enqueued: 0 };

  const messages: OutboxMessageInput[] = planned.map((p) => {
    const lang = resolveLanguage(p.recipient.language, p.recipient.slackLocale);
    return {
      idempotencyKey: outboxKey(run.job, p.period.key, p.recipient.slackUserId, p.phase),
      userId: p.recipient.slackUserId,
      payload: updatePromptMessage(translator(lang), lang, p, today),
    };
  });
  const result = await ctx.prisma.$transaction((tx) => run.enqueue(tx, messages), TX_OPTIONS);
  const starts = planned.filter((p) => p.phase === 'start').length;
  return {
    detail: `${result.created} prompts queued for ${today} (${starts} start, ${planned.length - starts} nudge planned; ${result.duplicates} already sent this period)`,
    enqueued: result.created,
  };
}
