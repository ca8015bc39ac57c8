// Marks a database that has served a real Slack workspace, so the local sandbox (which
// talks to a fake Slack) refuses it: the sandbox's outbox would send that database's
// pending messages to the fake and mark them FAILED, and its scheduler would fire real jobs.
import type { PrismaClient } from '../generated/prisma/client.js';

const KEY = 'deployment.servedSlack';

/** Called when the app starts against real Slack; one statement, once per start. */
export async function markServedBySlack(prisma: PrismaClient, mode: 'http' | 'socket', now: Date): Promise<void> {
  await prisma.appSetting.upsert({
    where: { key: KEY },
    create: { key: KEY, value: { mode, firstServedAt: now.toISOString(), lastStartedAt: now.toISOString() } },
    update: { value: { mode, lastStartedAt: now.toISOString() } },
  });
}

/** When the database last started against real Slack, or null for a sandbox-only database. */
export async function servedBySlack(prisma: PrismaClient): Promise<string | null> {
  const row = await prisma.appSetting.findUnique({ where: { key: KEY }, select: { value: true } });
  const value = row?.value as { lastStartedAt?: string } | undefined;
  return value ? (value.lastStartedAt ?? 'an earlier start') : null;
}

/** The one-line refusals, for `reap start` without Slack credentials. */
export const SANDBOX_ON_POSTGRES =
  "DATABASE_URL names a PostgreSQL server but no Slack credentials are set, so the sandbox would send that database's pending messages to its fake Slack: set the SLACK_* variables to serve Slack, unset DATABASE_URL for the sandbox's own ./data, or set REAP_SANDBOX_ALLOW_DATABASE=true for a throwaway database";

export const sandboxOnSlackDatabase = (since: string): string =>
  `this database served a real Slack workspace (last start ${since}) and no Slack credentials are set, so the sandbox would send its pending messages to a fake Slack: set the SLACK_* variables, point DATABASE_URL elsewhere, or set REAP_SANDBOX_ALLOW_DATABASE=true for a copy you mean to try things on`;
