// The `briefing-reminder` job (daily): two weeks before a fiscal quarter ends, each active
// ORSE admin gets a DM to prepare the quarter's briefing, with a "Compose briefing" button
// that opens the composer on that quarter.
//
// Once per quarter and admin, whatever the schedule: any run from the reminder date to the
// quarter's end sends (so a run missed on that day, a weekend or holiday schedule, or a
// stopped server is made up by the next one), and the outbox key
// briefing-reminder:<quarterKey>:<adminSlackId> keeps every later run from sending again.
// Nobody is reminded when the quarter's briefing is already scheduled or posted.
import { briefingReminderDate, briefingReminderDue } from '../../domain/briefing-draft.js';
import { resolveLanguage, translator } from '../../slack/i18n/index.js';
import { briefingReminderMessage } from '../../slack/features/briefing/ui/briefing-message.js';
import { TX_OPTIONS } from '../../services/service-context.js';
import { outboxKey } from '../outbox/enqueue.js';
import type { JobHandler, JobRegistry } from '../registry.js';

export function registerBriefingReminder(registry: JobRegistry): void {
  registry.register('briefing-reminder', briefingReminderJob);
}

export const briefingReminderJob: JobHandler = async (run) => {
  const quarter = run.period.fiscalQuarter();
  const today = run.period.day();
  if (!briefingReminderDue(quarter, today)) {
    return { detail: `${quarter.key}: reminders start ${briefingReminderDate(quarter)}`, enqueued: 0 };
  }
  const { prisma } = run.ctx;
  const [admins, done] = await Promise.all([
    // Raw because Prisma's `has` on an enum array is not supported through the PGlite adapter.
    prisma.$queryRaw<{ slackUserId: string; language: string | null; slackLocale: string | null }[]>`
      SELECT "slackUserId", language::text AS language, "slackLocale" FROM "Member"
      WHERE active AND 'ORSE_ADMIN' = ANY(roles::text[]) ORDER BY id`,
    prisma.briefing.findFirst({ where: { quarterKey: quarter.key, status: { in: ['SCHEDULED', 'POSTED'] } }, select: { id: true, status: true } }),
  ]);
  if (done) return { detail: `${quarter.key}: briefing ${done.id} is already ${done.status.toLowerCase()}`, enqueued: 0 };
  const messages = admins.map((a) => ({
    idempotencyKey: outboxKey(run.job, quarter.key, a.slackUserId),
    userId: a.slackUserId,
    payload: briefingReminderMessage(translator(resolveLanguage(a.language, a.slackLocale)), quarter),
  }));
  const result = await prisma.$transaction((tx) => run.enqueue(tx, messages), TX_OPTIONS);
  return { detail: `${quarter.key}: ${result.created} reminders queued, ${result.duplicates} already sent`, enqueued: result.created };
};
