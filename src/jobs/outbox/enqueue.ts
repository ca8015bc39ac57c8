// Writing outbox rows. Jobs call this inside their own transaction, so "the digest was
// composed" and "the digest will be sent" commit together. The idempotency key is unique
// in the table: a row whose key exists is skipped, which is what makes a re-run of a fire
// (after a crash, a lease takeover or a manual run) send nothing twice.
import type { Prisma } from '../../db/client.js';
import type { Prisma as PrismaNS } from '../../generated/prisma/client.js';

/** What chat.postMessage receives besides the channel. */
export interface OutboxPayload {
  /** Fallback text for notifications and screen readers; required by Slack with blocks. */
  text: string;
  blocks?: unknown[];
  attachments?: unknown[];
  thread_ts?: string;
  unfurl_links?: boolean;
  unfurl_media?: boolean;
}

export interface OutboxMessageInput {
  /** Recipient + job + period, e.g. outboxKey('weekly-digest', '2026-W48', 'U123'). Max 300 chars. */
  idempotencyKey: string;
  /** Exactly one of channelId / userId. A user id gets a DM (opened at send time). */
  channelId?: string;
  userId?: string;
  payload: OutboxPayload;
  /** Not sent before this time (default: now). */
  notBefore?: Date;
}

export interface EnqueueResult {
  created: number;
  /** Rows skipped because their key already existed. */
  duplicates: number;
}

export type OutboxWriter = Pick<Prisma, '$executeRaw'> | PrismaNS.TransactionClient;

export const MAX_KEY_LENGTH = 300;

/** Builds "job:period:recipient[:extra]"; parts must not be empty. */
export function outboxKey(job: string, period: string, recipient: string, ...extra: string[]): string {
  const parts = [job, period, recipient, ...extra];
  if (parts.some((p) => p === '')) throw new Error(`outbox key parts must not be empty: ${JSON.stringify(parts)}`);
  const key = parts.join(':');
  if (key.length > MAX_KEY_LENGTH) throw new Error(`outbox key longer than ${MAX_KEY_LENGTH} characters: ${key.slice(0, 80)}…`);
  return key;
}

function validate(m: OutboxMessageInput): void {
  if (!m.idempotencyKey || m.idempotencyKey.length > MAX_KEY_LENGTH) {
    throw new Error(`outbox message needs an idempotency key of 1-${MAX_KEY_LENGTH} characters`);
  }
  if ((m.channelId ? 1 : 0) + (m.userId ? 1 : 0) !== 1) {
    throw new Error(`outbox message ${m.idempotencyKey} needs exactly one of channelId or userId`);
  }
  if (typeof m.payload?.text !== 'string' || m.payload.text.trim() === '') {
    throw new Error(`outbox message ${m.idempotencyKey} needs payload.text (Slack's fallback text)`);
  }
}

export async function enqueueOutbox(tx: OutboxWriter, job: string | null, messages: readonly OutboxMessageInput[], now: Date): Promise<EnqueueResult> {
  if (messages.length === 0) return { created: 0, duplicates: 0 };
  messages.forEach(validate);
  const keys = new Set(messages.map((m) => m.idempotencyKey));
  if (keys.size !== messages.length) throw new Error('the same idempotency key appears twice in one enqueue call');
  // One INSERT … SELECT FROM jsonb_to_recordset … ON CONFLICT DO NOTHING: safe against a
  // concurrent run of the same fire on another instance without aborting the transaction,
  // and one statement for the whole fan-out (Prisma's createMany costs ~1 ms a row on
  // PGlite, which made 700 digests take over a second just to queue).
  const rows = messages.map((m) => ({
    idempotencyKey: m.idempotencyKey,
    job,
    channelId: m.channelId ?? null,
    userId: m.userId ?? null,
    payload: m.payload,
    nextAttemptAt: (m.notBefore ?? now).toISOString(),
    createdAt: now.toISOString(),
  }));
  const count = await tx.$executeRaw`
    INSERT INTO "OutboxMessage" ("idempotencyKey", "job", "channelId", "userId", "payload", "nextAttemptAt", "createdAt")
    SELECT r."idempotencyKey", r."job", r."channelId", r."userId", r."payload", r."nextAttemptAt", r."createdAt"
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(
        "idempotencyKey" varchar(300), "job" varchar(64), "channelId" varchar(32), "userId" varchar(32),
        "payload" jsonb, "nextAttemptAt" timestamptz(3), "createdAt" timestamptz(3))
    ON CONFLICT ("idempotencyKey") DO NOTHING`;
  return { created: count, duplicates: messages.length - count };
}
