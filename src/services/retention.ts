// How long REAP Tracker keeps records that only exist to run the app, not to tell the
// story of a plan. Progress updates, revisions, briefings and the audit trail of people who
// use the app are kept for good (they are public records); these go:
// - delivered or failed outbox messages after OUTBOX_KEPT_DAYS. Their idempotency keys name
//   a day, week, month or quarter long past, so no job can enqueue them again;
// - audit rows of Slack ids that are not members (a stranger's forged or stray request,
//   refused and audited) after UNKNOWN_AUDIT_KEPT_DAYS, so anyone in the workspace cannot
//   grow the table for ever.
// The scheduler calls pruneExpiredRecords once an hour (README, "Retention").
import type { ServiceContext } from './service-context.js';

export const OUTBOX_KEPT_DAYS = 180;
export const UNKNOWN_AUDIT_KEPT_DAYS = 90;
const DAY_MS = 86_400_000;

export interface Pruned {
  outboxMessages: number;
  unknownAuditRows: number;
}

/** One statement per table, so neither holds the embedded database's only connection long. */
export async function pruneExpiredRecords(prisma: ServiceContext['prisma'], now: Date): Promise<Pruned> {
  const outboxBefore = new Date(now.getTime() - OUTBOX_KEPT_DAYS * DAY_MS);
  const auditBefore = new Date(now.getTime() - UNKNOWN_AUDIT_KEPT_DAYS * DAY_MS);
  const outboxMessages = await prisma.$executeRaw`
    /* retention: outbox */ DELETE FROM "OutboxMessage"
    WHERE status IN ('SENT', 'FAILED') AND "createdAt" < ${outboxBefore}`;
  // Actors that look like Slack user ids (U…/W…) with no member row; "system:…" and "cli" stay.
  const unknownAuditRows = await prisma.$executeRaw`
    /* retention: audit */ DELETE FROM "AuditLog" a
    WHERE a.at < ${auditBefore} AND a.actor ~ '^[UW][A-Z0-9]{2,}$'
      AND NOT EXISTS (SELECT 1 FROM "Member" m WHERE m."slackUserId" = a.actor)`;
  return { outboxMessages, unknownAuditRows };
}
