// `weekly-digest` (Mondays 08:00 by default): a DM to every department manager about the
// week in the departments they manage. Loaded for all managers in a fixed number of
// queries (services/digests.ts), composed by pure code, and queued in one transaction.
//
// Idempotency: one outbox row per message, keyed weekly-digest:<ISO week>:<manager>:<part>.
// A manager who already has any part queued this week is skipped as a whole, so a re-run
// whose data changed meanwhile (and would split differently) cannot add a stray part.
//
// Each digest opens with a chart of its departments' status mix. The job queues it as a
// pending chart (charts/pending-charts.ts): the dispatcher draws and uploads it when it
// sends the message, so the fan-out stays a few queries and one insert. Managers with the
// same departments and language share one file; a chart that fails to render or upload is
// left out and the digest goes anyway.
import type { WebAPICallError } from '@slack/web-api';
import { pendingChartBlock, type PendingChartBlock } from '../../charts/pending-charts.js';
import { emptyStatusCounts } from '../../domain/status-summary.js';
import type { StrategyStatus } from '../../generated/prisma/enums.js';
import { loadChangesByDepartment, type ChangesSinceLastQuarter } from '../../services/period-changes.js';
import { computeCitywideStatus } from '../../services/status.js';
import { statusMixChart } from '../../slack/ui/charts/status-mix.js';
import { weeklyDigestWindow } from '../../domain/weekly-digest.js';
import { loadWeeklyDigests } from '../../services/digests.js';
import { TX_OPTIONS } from '../../services/service-context.js';
import { resolveLanguage, translator } from '../../slack/i18n/index.js';
import type { Lang } from '../../slack/i18n/index.js';
import { appHomeUrl, weeklyDigestRenderer } from '../../slack/features/digests/ui/weekly-digest.js';
import { outboxKey, type OutboxMessageInput } from '../outbox/enqueue.js';
import type { JobHandler, JobRegistry, JobRunContext } from '../registry.js';
import { createDispatcherClient } from '../slack-client.js';

/** What the App Home link needs. */
export interface AppIdentity {
  teamId: string;
  appId: string;
}

export interface WeeklyDigestOptions {
  /** Team and app ids for the App Home link; default lookupAppIdentity. Null: no link. */
  appIdentity?: (run: JobRunContext) => Promise<AppIdentity | null>;
  /** False leaves the charts out (default true). */
  charts?: boolean;
}

export function registerWeeklyDigest(registry: JobRegistry, options: WeeklyDigestOptions = {}): void {
  registry.register('weekly-digest', weeklyDigestJob(options));
}

export function weeklyDigestJob(options: WeeklyDigestOptions = {}): JobHandler {
  return async (run) => {
    const { ctx } = run;
    const week = run.period.isoWeek();
    const window = weeklyDigestWindow(run.fireTime, ctx.config.timeZone);
    // The status counts behind the charts are the citywide ones (three grouped queries),
    // read alongside the digests' own.
    const [data, byStatus, changes] = await Promise.all([
      loadWeeklyDigests(ctx, window),
      options.charts !== false ? statusCountsByDepartment(run) : null,
      changesByDepartment(run, window.until),
    ]);
    if (data.digests.length === 0) return { detail: `${week}: no manager to send a digest to`, enqueued: 0 };

    const identity = await (options.appIdentity ?? lookupAppIdentity)(run);
    const homeUrl = identity ? appHomeUrl(identity.teamId, identity.appId) : null;
    // One renderer per language: each department is rendered once per language and
    // shared by all its managers.
    const renderers = new Map<Lang, ReturnType<typeof weeklyDigestRenderer>>();
    const renderer = (lang: Lang) => {
      let r = renderers.get(lang);
      if (!r)
        renderers.set(lang, (r = weeklyDigestRenderer(translator(lang), { from: window.from, to: window.until, homeUrl, zone: ctx.config.timeZone, changes })));
      return r;
    };
    const charts: (PendingChartBlock | undefined)[] = byStatus
      ? data.digests.map(({ manager, departments }) =>
          pendingChartBlock(
            statusMixChart(
              translator(resolveLanguage(manager.language, manager.slackLocale)),
              departments.map((w) => ({ name: w.department.name, byStatus: byStatus.get(w.department.id) ?? emptyStatusCounts() })),
            ),
            { blockId: 'digest_chart', filePrefix: `weekly-digest-${week}` },
          ),
        )
      : [];
    const byManager = new Map<string, OutboxMessageInput[]>();
    for (const [index, digest] of data.digests.entries()) {
      const { manager } = digest;
      const parts = renderer(resolveLanguage(manager.language, manager.slackLocale))(digest, charts[index]);
      byManager.set(
        manager.slackUserId,
        parts.map((payload, i) => ({
          idempotencyKey: outboxKey(run.job, week, manager.slackUserId, String(i + 1)),
          userId: manager.slackUserId,
          payload,
        })),
      );
    }

    const prefix = `${run.job}:${week}:`;
    const { result, served } = await ctx.prisma.$transaction(async (tx) => {
      const existing = await tx.outboxMessage.findMany({ where: { idempotencyKey: { startsWith: prefix } }, select: { idempotencyKey: true } });
      const served = new Set(existing.map((r) => r.idempotencyKey.slice(prefix.length).split(':')[0]));
      const fresh = [...byManager].filter(([id]) => !served.has(id)).flatMap(([, messages]) => messages);
      return { result: await run.enqueue(tx, fresh), served: [...byManager.keys()].filter((id) => served.has(id)).length };
    }, TX_OPTIONS);

    const sentTo = byManager.size - served;
    return {
      detail:
        `${week}: ${result.created} messages to ${sentTo} managers` +
        (served ? `, ${served} already had theirs` : '') +
        (data.optedOut ? `, ${data.optedOut} opted out` : '') +
        (homeUrl ? '' : ' (no App Home link: app id unknown)') +
        (byStatus ? '; charts drawn when sent' : ''),
      enqueued: result.created,
    };
  };
}

/** Strategies by status per department id, at the fire time; null (no charts) if unreadable. */
async function statusCountsByDepartment(run: JobRunContext): Promise<Map<number, Record<StrategyStatus, number>> | null> {
  try {
    const status = await computeCitywideStatus(run.ctx, run.fireTime);
    return new Map(status.departments.map((d) => [d.department.id, d.byStatus]));
  } catch (e) {
    run.logger.warn({ err: (e as Error).message }, 'digest charts left out: no status counts');
    return null;
  }
}

/** Each department's changes since last quarter; none (no such line) if unreadable. */
async function changesByDepartment(run: JobRunContext, at: Date): Promise<Map<number, ChangesSinceLastQuarter>> {
  try {
    return await loadChangesByDepartment(run.ctx, 'all', at);
  } catch (e) {
    run.logger.warn({ err: (e as Error).message }, 'digest left without changes since last quarter');
    return new Map();
  }
}

const identities = new Map<string, Promise<AppIdentity | null>>();

/**
 * The workspace and app ids, from auth.test (which returns app_id for bot tokens) or, when
 * it does not say, bots.info for the bot. Asked once per process and token; a failed
 * lookup is not remembered, so the next run tries again. Never fails the digest: without
 * the ids the App Home button is left out.
 */
export function lookupAppIdentity(run: JobRunContext): Promise<AppIdentity | null> {
  const { botToken, apiUrl } = run.ctx.config.slack;
  if (!botToken) return Promise.resolve(null);
  const key = `${apiUrl ?? ''}|${botToken}`;
  const cached = identities.get(key);
  if (cached) return cached;
  const lookup = (async () => {
    const client = createDispatcherClient(botToken, { apiUrl, timeoutMs: 5_000, logger: run.logger });
    const auth = await client.auth.test();
    const teamId = auth.team_id;
    let appId = auth.app_id;
    if (!appId && auth.bot_id) {
      appId = await client.bots
        .info({ bot: auth.bot_id })
        .then((r) => r.bot?.app_id)
        .catch((e: WebAPICallError) => {
          run.logger.debug({ err: e.message }, 'bots.info did not give the app id');
          return undefined;
        });
    }
    return teamId && appId ? { teamId, appId } : null;
  })().catch((e: unknown) => {
    identities.delete(key);
    run.logger.warn({ err: (e as Error).message }, 'could not look up the app id for the App Home link');
    return null;
  });
  identities.set(key, lookup);
  return lookup;
}
