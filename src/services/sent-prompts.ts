// Update prompts already delivered (outbox rows of the update-prompts job that Slack
// accepted, with the message's channel and ts). After someone reports on a strategy, the
// prompts that still offer its Update button are redrawn as "Reported ✓"; the row keeps
// the message as it now reads, so the next report builds on it.
import { Prisma as PrismaNS } from '../generated/prisma/client.js';
import type { ServiceContext } from './service-context.js';

export const UPDATE_PROMPTS_JOB = 'update-prompts';

export interface SentPrompt {
  id: number;
  channel: string;
  ts: string;
  payload: unknown;
  /** The recipient's language choice and Slack locale: the words added are in theirs. */
  language: string | null;
  slackLocale: string | null;
}

/** Prompts sent since `since` that offer the Update button of `strategyId`; one statement. */
export async function sentPromptsOffering(ctx: ServiceContext, strategyId: number, since: Date): Promise<SentPrompt[]> {
  const vars = JSON.stringify({ v: String(strategyId) });
  return ctx.prisma.$queryRaw<SentPrompt[]>(PrismaNS.sql`
    /* sent prompts offering a strategy */
    SELECT o.id, o."slackChannel" AS channel, o."slackTs" AS ts, o.payload,
           m."language"::text AS "language", m."slackLocale"
      FROM "OutboxMessage" o
      LEFT JOIN "Member" m ON m."slackUserId" = o."userId"
     WHERE o.job = ${UPDATE_PROMPTS_JOB} AND o.status = 'SENT'
       AND o."slackChannel" IS NOT NULL AND o."slackTs" IS NOT NULL
       AND o."createdAt" >= ${since}
       AND jsonb_path_exists(o.payload, '$.blocks[*].accessory ? (@.action_id == "update:open" && @.value == $v)', ${vars}::jsonb)
     ORDER BY o.id`);
}

/**
 * Stores the redrawn message, only if the row still holds `before`: of two reports at the
 * same moment, the second reads again instead of undoing the first's mark.
 */
export async function replaceSentPrompt(ctx: ServiceContext, id: number, before: unknown, after: unknown): Promise<boolean> {
  const n = await ctx.prisma.$executeRaw(PrismaNS.sql`
    /* redraw a sent prompt */
    UPDATE "OutboxMessage" SET payload = ${JSON.stringify(after)}::jsonb
     WHERE id = ${id} AND payload = ${JSON.stringify(before)}::jsonb`);
  return n === 1;
}
