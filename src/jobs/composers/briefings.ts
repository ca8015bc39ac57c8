// The `briefings` job (every minute): posts scheduled briefings whose time has come, and
// afterwards records where they landed.
//
// Each run, for every SCHEDULED briefing due by the fire time:
//  1. channels without an outbox row get one (key briefings:<briefingId>:<channelId>), so a
//     briefing is posted once per channel however often the job runs;
//  2. rows the dispatcher has SENT become BriefingPost rows (ts, and a permalink from
//     chat.getPermalink), once per channel;
//  3. when every channel has answered (SENT or FAILED), the briefing becomes POSTED and its
//     composer gets a DM with the links (and the channels that failed, with why).
// Steps 2-3 see what the dispatcher did since the previous run, so a briefing queued at one
// fire is normally POSTED by the next. Two queries read everything; the writes of one run
// share a transaction.
//
// A briefing opens with a chart of every department's status mix, uploaded once per
// language in a run; if it cannot be made the briefing is posted without it.
import type { ImageBlock } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import { ChartUploads, type ChartUploadClient } from '../../charts/chart-uploads.js';
import { computeCitywideStatus } from '../../services/status.js';
import type { Translate } from '../../slack/i18n/index.js';
import { chartImageBlock } from '../../slack/ui/charts/chart-block.js';
import { statusMixChart, type StatusMixRow } from '../../slack/ui/charts/status-mix.js';
import {
  loadDueBriefings,
  markBriefingPosted,
  recordBriefingPosts,
  briefingPostKey,
  type BriefingPostRef,
  type DueBriefing,
} from '../../services/briefings.js';
import { TX_OPTIONS } from '../../services/service-context.js';
import { resolveLanguage, translator } from '../../slack/i18n/index.js';
import { briefingMessage, briefingPostedMessage } from '../../slack/ui/briefing-message.js';
import { outboxKey, type OutboxMessageInput } from '../outbox/enqueue.js';
import type { JobHandler, JobRegistry, JobRunContext } from '../registry.js';
import { createDispatcherClient } from '../slack-client.js';

/** The one Web API call the job makes itself. */
export type PermalinkClient = Pick<WebClient, 'chat'>;

export interface BriefingsJobOptions {
  /** For chat.getPermalink; built from SLACK_BOT_TOKEN (and SLACK_API_URL) when omitted. */
  client?: PermalinkClient | null;
  /** Where charts are uploaded; built like `client` when omitted; null leaves charts out. */
  chartClient?: ChartUploadClient | null;
}

export function registerBriefings(registry: JobRegistry, options: BriefingsJobOptions = {}): void {
  registry.register('briefings', briefingsJob(options));
}

interface Plan {
  due: DueBriefing;
  /** Channels to queue now. */
  enqueue: string[];
  /** SENT rows not yet recorded as posts. */
  record: { channelId: string; ts: string }[];
  /** Every channel answered: mark POSTED and tell the composer. */
  finished: boolean;
}

function planFor(due: DueBriefing): Plan {
  const { briefing, outbox } = due;
  const recorded = new Set(briefing.posts.map((p) => p.channelId));
  const enqueue: string[] = [];
  const record: Plan['record'] = [];
  let open = 0;
  for (const channelId of briefing.channelIds) {
    const row = outbox.get(channelId);
    if (!row) {
      enqueue.push(channelId);
      open++;
    } else if (row.status === 'SENT' && row.slackTs) {
      if (!recorded.has(channelId)) record.push({ channelId, ts: row.slackTs });
    } else if (row.status !== 'FAILED' && row.status !== 'SENT') open++;
  }
  return { due, enqueue, record, finished: open === 0 && briefing.channelIds.length > 0 };
}

export function briefingsJob(options: BriefingsJobOptions = {}): JobHandler {
  let client = options.client;
  let chartClient = options.chartClient;
  return async (run) => {
    const { ctx } = run;
    const dues = await loadDueBriefings(ctx.prisma, run.fireTime);
    if (dues.length === 0) return { enqueued: 0 };
    const plans = dues.map(planFor);

    if (client === undefined || chartClient === undefined) {
      const token = ctx.config.slack.botToken;
      const made = token ? createDispatcherClient(token, { apiUrl: ctx.config.slack.apiUrl, logger: ctx.logger }) : null;
      if (client === undefined) client = made;
      if (chartClient === undefined) chartClient = made;
    }
    const charts = await briefingCharts(run, plans, chartClient);
    // Permalinks before the transaction: Slack calls do not belong inside one.
    const posts = new Map<number, BriefingPostRef[]>();
    for (const p of plans) {
      const refs: BriefingPostRef[] = [];
      for (const r of p.record) {
        let permalink: string | null = null;
        try {
          permalink = client ? ((await client.chat.getPermalink({ channel: r.channelId, message_ts: r.ts })).permalink ?? null) : null;
        } catch (e) {
          run.logger.warn({ err: (e as { data?: { error?: string } }).data?.error ?? (e as Error).message, channel: r.channelId }, 'no permalink for a briefing post');
        }
        refs.push({ channelId: r.channelId, ts: r.ts, permalink });
      }
      posts.set(p.due.briefing.id, refs);
    }

    const now = ctx.now();
    let recorded = 0;
    let finished = 0;
    const result = await ctx.prisma.$transaction(async (tx) => {
      const messages: OutboxMessageInput[] = [];
      for (const p of plans) {
        const b = p.due.briefing;
        const t = translator(resolveLanguage(b.createdBy.language, b.createdBy.slackLocale));
        if (p.enqueue.length) {
          const message = briefingMessage(t, b, charts.get(b.id));
          for (const channelId of p.enqueue) {
            messages.push({ idempotencyKey: briefingPostKey(b.id, channelId), channelId, payload: { ...message, unfurl_links: false, unfurl_media: false } });
          }
        }
        const fresh = posts.get(b.id) ?? [];
        recorded += await recordBriefingPosts(tx, b.id, fresh, now);
        if (!p.finished) continue;
        const all = [...b.posts, ...fresh];
        const failed = b.channelIds
          .filter((c) => p.due.outbox.get(c)?.status === 'FAILED')
          .map((c) => ({ channelId: c, reason: shortReason(p.due.outbox.get(c)?.lastError ?? null) }));
        const marked = await markBriefingPosted(tx, b.id, now, `posted in ${all.length} of ${b.channelIds.length} channels`);
        if (!marked) continue;
        finished++;
        messages.push({
          idempotencyKey: outboxKey(run.job, String(b.id), 'posted', b.createdBy.slackUserId),
          userId: b.createdBy.slackUserId,
          payload: briefingPostedMessage(t, { title: b.title, quarterKey: b.quarterKey, posts: all, failed }),
        });
      }
      return run.enqueue(tx, messages);
    }, TX_OPTIONS);
    const queued = plans.reduce((n, p) => n + p.enqueue.length, 0);
    return {
      detail: `${dues.length} due: ${queued} posts queued, ${recorded} recorded, ${finished} finished`,
      enqueued: result.created,
    };
  };
}

/** The chart each briefing about to be posted opens with, by briefing id (missing: none). */
async function briefingCharts(run: JobRunContext, plans: readonly Plan[], client: ChartUploadClient | null): Promise<Map<number, ImageBlock>> {
  const out = new Map<number, ImageBlock>();
  const posting = plans.filter((p) => p.enqueue.length > 0).map((p) => p.due.briefing);
  if (!client || posting.length === 0) return out;
  let rows: StatusMixRow[];
  try {
    const status = await computeCitywideStatus(run.ctx, run.fireTime);
    rows = status.departments.filter((d) => d.total > 0).map((d) => ({ name: d.department.name, byStatus: d.byStatus }));
  } catch (e) {
    run.logger.warn({ err: (e as Error).message }, 'briefing chart left out: no status counts');
    return out;
  }
  if (rows.length === 0) return out;
  const uploads = new ChartUploads({ client, logger: run.logger, filePrefix: 'briefing' });
  await Promise.all(
    posting.map(async (b) => {
      const t: Translate = translator(resolveLanguage(b.createdBy.language, b.createdBy.slackLocale));
      const chart = statusMixChart(t, rows);
      const fileId = await uploads.fileFor(chart);
      if (fileId) out.set(b.id, chartImageBlock(fileId, chart, 'briefing_chart'));
    }),
  );
  return out;
}

/** Slack's error code from the dispatcher's lastError ("not_in_channel", "expired: ratelimited"). */
function shortReason(lastError: string | null): string {
  if (!lastError) return 'failed';
  return (lastError.split(': ').at(-1) ?? lastError).trim().slice(0, 60) || 'failed';
}
