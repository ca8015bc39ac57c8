// Row claims for the dispatcher. A claim sets lockedBy/lockedUntil on rows picked with
// FOR UPDATE SKIP LOCKED, so dispatchers on several instances never pick the same row; on
// PGlite (one connection, statements serialized) the same SQL simply never meets a lock.
// Status tells what happened to a row; the lock only says who is working on it:
//   PENDING + lock   claimed, not yet handed to Slack
//   SENDING          handed to Slack (or about to be): may have been posted
//   SENT / FAILED    final
import type { Prisma } from '../../db/client.js';
import { Prisma as PrismaNS, type OutboxMessage } from '../../generated/prisma/client.js';

export interface ClaimOptions {
  instanceId: string;
  now: Date;
  leaseMs: number;
  limit: number;
  /** At most this many rows per channel (or per DM recipient) in one claim. */
  perRecipient: number;
}

async function rowsById(prisma: Prisma, ids: { id: number }[]): Promise<OutboxMessage[]> {
  if (ids.length === 0) return [];
  return prisma.outboxMessage.findMany({ where: { id: { in: ids.map((r) => r.id) } }, orderBy: [{ nextAttemptAt: 'asc' }, { id: 'asc' }] });
}

/** A timestamptz parameter that does not depend on the session's time zone. */
function at(d: Date): PrismaNS.Sql {
  return PrismaNS.sql`${d.toISOString()}::timestamptz`;
}

/**
 * Due PENDING rows, a few per recipient, oldest first. Each recipient's messages go out in
 * the order they were queued: a row is claimable only when every earlier open row of the
 * same recipient is claimable too, so a message put back after a 429 (or one whose fate is
 * being checked) holds back the ones queued after it, and a chunked briefing never arrives
 * out of order. (Two instances claiming in the same instant could still split a
 * recipient's rows between them; within an instance the order is strict.)
 *
 * Two statements: the window query picks candidates without locking (FOR UPDATE is not
 * allowed next to window functions, and as one statement the planner re-ran the window
 * per row); the UPDATE re-checks every condition on the rows it locks.
 */
export async function claimDue(prisma: Prisma, o: ClaimOptions): Promise<OutboxMessage[]> {
  const now = at(o.now);
  const until = at(new Date(o.now.getTime() + o.leaseMs));
  const candidates = await prisma.$queryRaw<{ id: number }[]>(PrismaNS.sql`
    SELECT "id" FROM (
      SELECT "id", "nextAttemptAt",
             ROW_NUMBER() OVER "recipient" AS "position",
             COUNT(*) FILTER (WHERE NOT ("status" = 'PENDING' AND "nextAttemptAt" <= ${now}
                                         AND ("lockedUntil" IS NULL OR "lockedUntil" < ${now}))) OVER "recipient" AS "blocked"
      FROM "OutboxMessage"
      WHERE "status" IN ('PENDING', 'SENDING')
      WINDOW "recipient" AS (PARTITION BY COALESCE("channelId", 'user:' || "userId") ORDER BY "id"
                             ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
    ) "queue"
    WHERE "blocked" = 0 AND "position" <= ${o.perRecipient}
    ORDER BY "nextAttemptAt", "id"
    LIMIT ${o.limit * 2}`);
  if (candidates.length === 0) return [];
  // LIMIT after SKIP LOCKED: a dispatcher claiming at the same moment as another gets the
  // next candidates, not an empty batch. The repeated conditions matter under READ
  // COMMITTED: a row claimed and committed by another dispatcher meanwhile is re-checked.
  const ids = await prisma.$queryRaw<{ id: number }[]>(PrismaNS.sql`
    UPDATE "OutboxMessage" SET "lockedBy" = ${o.instanceId}, "lockedUntil" = ${until}
    WHERE "id" IN (
      SELECT "id" FROM "OutboxMessage"
      WHERE "id" IN (${PrismaNS.join(candidates.map((c) => c.id))})
        AND "status" = 'PENDING' AND "nextAttemptAt" <= ${now}
        AND ("lockedUntil" IS NULL OR "lockedUntil" < ${now})
      ORDER BY "nextAttemptAt", "id"
      LIMIT ${o.limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING "id"`);
  return rowsById(prisma, ids);
}

/**
 * SENDING rows nobody is working on: their sender crashed, or Slack's answer was lost
 * (timeout, 5xx). They must be checked against Slack before anything is sent again.
 */
export async function claimUnconfirmed(prisma: Prisma, o: Omit<ClaimOptions, 'perRecipient'>): Promise<OutboxMessage[]> {
  const now = at(o.now);
  const until = at(new Date(o.now.getTime() + o.leaseMs));
  const ids = await prisma.$queryRaw<{ id: number }[]>(PrismaNS.sql`
    UPDATE "OutboxMessage" SET "lockedBy" = ${o.instanceId}, "lockedUntil" = ${until}
    WHERE "id" IN (
      SELECT "id" FROM "OutboxMessage"
      WHERE "status" = 'SENDING' AND ("lockedUntil" IS NULL OR "lockedUntil" < ${now})
      ORDER BY "id"
      LIMIT ${o.limit}
      FOR UPDATE SKIP LOCKED
    )
    AND "status" = 'SENDING' AND ("lockedUntil" IS NULL OR "lockedUntil" < ${now})
    RETURNING "id"`);
  return rowsById(prisma, ids);
}

/** The DM channel each user last received a message in, so conversations.open is not repeated. */
export async function knownDmChannels(prisma: Prisma, userIds: string[]): Promise<Map<string, string>> {
  if (userIds.length === 0) return new Map();
  const rows = await prisma.$queryRaw<{ userId: string; slackChannel: string }[]>(PrismaNS.sql`
    SELECT DISTINCT ON ("userId") "userId", "slackChannel" FROM "OutboxMessage"
    WHERE "userId" IN (${PrismaNS.join(userIds)}) AND "status" = 'SENT' AND "slackChannel" IS NOT NULL
    ORDER BY "userId", "id" DESC`);
  return new Map(rows.map((r) => [r.userId, r.slackChannel]));
}
