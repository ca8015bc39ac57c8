// Telling ORSE admins about a message that could not be delivered: once per cause and
// recipient (DeliveryFailureNotice's unique key), as ordinary outbox messages to each
// admin's DM, keyed by the notice so a retried transaction queues nothing twice.
import { Prisma as PrismaNS } from '../../generated/prisma/client.js';
import { enqueueOutbox } from './enqueue.js';
import { adminLanguage, deliveryFailureText, type FailureNoticeFacts } from './delivery-failure-text.js';

export const NOTICE_JOB = 'delivery-failure-notice';

/** Returns how many admins will be told (0 when they already were, or there are none). */
export async function noticeDeliveryFailure(tx: PrismaNS.TransactionClient, facts: FailureNoticeFacts, now: Date): Promise<number> {
  const cause = facts.cause.slice(0, 64);
  const inserted = await tx.deliveryFailureNotice.createMany({
    data: [{ cause, target: facts.target, createdAt: now }],
    skipDuplicates: true,
  });
  if (inserted.count === 0) return 0;
  const notice = await tx.deliveryFailureNotice.findUniqueOrThrow({ where: { cause_target: { cause, target: facts.target } } });
  // Raw SQL: Prisma's `roles: { has: … }` on an enum array fails on the PGlite adapter.
  const admins = await tx.$queryRaw<{ slackUserId: string; language: string | null; slackLocale: string | null }[]>(PrismaNS.sql`
    SELECT "slackUserId", "language"::text AS "language", "slackLocale" FROM "Member"
    WHERE "active" AND 'ORSE_ADMIN' = ANY("roles"::text[]) AND "slackUserId" <> ${facts.target}
    ORDER BY "id"`);
  const result = await enqueueOutbox(
    tx,
    NOTICE_JOB,
    admins.map((admin) => ({
      idempotencyKey: `${NOTICE_JOB}:${notice.id}:${admin.slackUserId}`,
      userId: admin.slackUserId,
      payload: { text: deliveryFailureText(adminLanguage(admin), facts) },
    })),
    now,
  );
  return result.created;
}
