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
// A briefing opens with a chart of every department's status mix, one of reporting
// coverage over the last four quarters (from the quarters' snapshots) and up to three of the
// ORSE work plan's public measures against their targets, each uploaded once per language
// in a run; a chart that cannot be made is left out and the briefing goes. The charts posted
// are kept with the briefing, so that an edit shows the same files again.
import type { WebClient } from '@slack/web-api';
import { ChartUploads, type ChartUploadClient } from '../../charts/chart-uploads.js';
import { computeCitywideStatus } from '../../services/status.js';
import type { Translate } from '../../slack/i18n/index.js';
import { statusMixChart, type StatusMixRow } from '../../slack/ui/charts/status-mix.js';
import { reportingCoverageChart, type CoverageRow } from '../../slack/ui/charts/reporting-coverage.js';
import { reportingCoverage } from '../../services/reporting-coverage.js';
import { workPlanMeasureTrends, type MeasureTrend } from '../../services/measure-trends.js';
import { measureTrendChart } from '../../slack/ui/charts/measure-trend.js';
import {
  claimBriefingCanvas,
  loadDueBriefings,
  recordBriefingCanvas,
  markBriefingPosted,
  recordBriefingPosts,
  recordBriefingCharts,
  briefingPostKey,
  type PostedChart,
  type BriefingPostRef,
  type DueBriefing,
} from '../../services/briefings.js';
import { TX_OPTIONS } from '../../services/service-context.js';
import { resolveLanguage, translator } from '../../slack/i18n/index.js';
import { canvasLink } from '../../slack/canvas-link.js';
import { briefingCanvasMarkdown, briefingCanvasTitle } from '../../slack/features/briefing/ui/briefing-canvas.js';
import { briefingMessage, briefingPostedMessage, postedChartBlocks, type PostedNotice } from '../../slack/features/briefing/ui/briefing-message.js';
import { outboxKey, type OutboxMessageInput } from '../outbox/enqueue.js';
import type { JobHandler, JobRegistry, JobRunContext } from '../registry.js';
import { createDispatcherClient } from '../slack-client.js';

/** The Web API calls the job makes itself: permalinks, and a briefing's canvas. */
export type PermalinkClient = Pick<WebClient, 'chat'> & Partial<Pick<WebClient, 'canvases' | 'auth'>>;

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
          run.logger.warn(
            { err: (e as { data?: { error?: string } }).data?.error ?? (e as Error).message, channel: r.channelId },
            'no permalink for a briefing post',
          );
        }
        refs.push({ channelId: r.channelId, ts: r.ts, permalink });
      }
      posts.set(p.due.briefing.id, refs);
    }

    // A briefing asked for as a canvas gets it before its messages are queued, so they link to it.
    // Read here, not in the transaction below: on PGlite it holds the only connection.
    const canvasUrls = new Map<number, string | null>();
    const canvasNotices = new Map<number, PostedNotice['canvas']>();
    for (const p of plans) {
      const b = p.due.briefing;
      if (!b.asCanvas) continue;
      if (b.canvasId === null && p.enqueue.length && client) await makeBriefingCanvas(run, client, b);
      const url = await canvasUrlOf(run, client, b.id);
      canvasUrls.set(b.id, url);
      if (p.finished) canvasNotices.set(b.id, await canvasOutcome(run, b.id, url));
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
          const shown = charts.get(b.id) ?? [];
          const message = briefingMessage(t, { ...b, canvasUrl: canvasUrls.get(b.id) ?? null }, postedChartBlocks(shown));
          // Kept so that an edit of the posted briefing shows the same charts again.
          if (shown.length) await recordBriefingCharts(tx, b.id, shown);
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
          payload: briefingPostedMessage(t, { title: b.title, quarterKey: b.quarterKey, posts: all, failed, canvas: canvasNotices.get(b.id) ?? null }),
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

/**
 * The charts each briefing about to be posted opens with, by briefing id (missing: none):
 * every department's status mix, reporting coverage over the last quarters, and the work
 * plan's public measures against their targets.
 */
async function briefingCharts(run: JobRunContext, plans: readonly Plan[], client: ChartUploadClient | null): Promise<Map<number, PostedChart[]>> {
  const out = new Map<number, PostedChart[]>();
  const posting = plans.filter((p) => p.enqueue.length > 0).map((p) => p.due.briefing);
  if (!client || posting.length === 0) return out;
  let rows: StatusMixRow[] = [];
  try {
    const status = await computeCitywideStatus(run.ctx, run.fireTime);
    rows = status.departments.filter((d) => d.total > 0).map((d) => ({ name: d.department.name, byStatus: d.byStatus }));
  } catch (e) {
    run.logger.warn({ err: (e as Error).message }, 'briefing chart left out: no status counts');
  }
  let coverage: CoverageRow[] = [];
  try {
    coverage = (await reportingCoverage(run.ctx, 'citywide', run.fireTime)).map((c) => ({
      period: c.period,
      reported: c.reported,
      notReported: c.notReported,
    }));
  } catch (e) {
    run.logger.warn({ err: (e as Error).message }, 'briefing coverage chart left out: no snapshots read');
  }
  // Each briefing's measures up to the end of its own quarter: read once per quarter.
  const trends = new Map<string, MeasureTrend[]>();
  for (const quarterKey of new Set(posting.map((b) => b.quarterKey))) {
    try {
      trends.set(quarterKey, await workPlanMeasureTrends(run.ctx, quarterKey));
    } catch (e) {
      run.logger.warn({ err: (e as Error).message, quarterKey }, 'briefing measure charts left out: no values read');
    }
  }
  const anyTrend = [...trends.values()].some((list) => list.length > 0);
  if (rows.length === 0 && coverage.length === 0 && !anyTrend) return out;
  const uploads = new ChartUploads({ client, logger: run.logger, filePrefix: 'briefing' });
  await Promise.all(
    posting.map(async (b) => {
      const t: Translate = translator(resolveLanguage(b.createdBy.language, b.createdBy.slackLocale));
      // A measure with a single quarter's value is charted too: its first figure against the
      // target already tells Council and the community how far there is to go, and leaving it
      // out would hide every new measure until its second quarter.
      const measures = (trends.get(b.quarterKey) ?? []).map((m, i) => ({ chart: measureTrendChart(t, m), blockId: `briefing_measure_chart_${i + 1}` }));
      const charts = [
        ...(rows.length ? [{ chart: statusMixChart(t, rows), blockId: 'briefing_chart' }] : []),
        ...(coverage.length ? [{ chart: reportingCoverageChart(t, coverage), blockId: 'briefing_coverage_chart' }] : []),
        ...measures,
      ];
      const blocks = await Promise.all(
        charts.map(async ({ chart, blockId }) => {
          const fileId = await uploads.fileFor(chart);
          return fileId ? { blockId, fileId, title: chart.title, alt: chart.alt } : null;
        }),
      );
      const shown = blocks.filter((x): x is PostedChart => x !== null);
      if (shown.length) out.set(b.id, shown);
    }),
  );
  return out;
}

/** Slack's error code from the dispatcher's lastError ("not_in_channel", "expired: ratelimited"). */
function shortReason(lastError: string | null): string {
  if (!lastError) return 'failed';
  return (lastError.split(': ').at(-1) ?? lastError).trim().slice(0, 60) || 'failed';
}

// ---------- the briefing as a canvas ----------

type RunOf = Parameters<JobHandler>[0];

/**
 * Makes the briefing's canvas once: the claim in the database decides who makes it, so a
 * second run or instance never makes another. Shared read-only with the briefing's channels,
 * in the composing admin's language. A refusal is recorded and the posts go without it.
 */
async function makeBriefingCanvas(run: RunOf, client: PermalinkClient, b: DueBriefing['briefing']): Promise<void> {
  const { ctx } = run;
  if (!client.canvases || !(await claimBriefingCanvas(ctx, b.id))) return;
  const t = translator(resolveLanguage(b.createdBy.language, b.createdBy.slackLocale));
  try {
    const made = await client.canvases.create({
      title: briefingCanvasTitle(b),
      document_content: { type: 'markdown', markdown: briefingCanvasMarkdown(t, b) },
    });
    if (!made.canvas_id) throw Object.assign(new Error('no canvas id'), { data: { error: 'no_canvas_id' } });
    // Recorded before sharing: a failed share must not make a second canvas on the next run.
    await recordBriefingCanvas(ctx, b.id, made.canvas_id);
    const [first, ...rest] = b.channelIds;
    if (first) await client.canvases.access.set({ canvas_id: made.canvas_id, access_level: 'read', channel_ids: [first, ...rest] });
  } catch (e) {
    const code = (e as { data?: { error?: string } }).data?.error ?? (e as Error).message;
    run.logger.warn({ err: code, briefing: b.id }, 'could not make or share the briefing canvas');
    await recordBriefingCanvas(ctx, b.id, `failed:${code}`.slice(0, 40));
  }
}

/** The briefing's canvas link, once the canvas is made. */
async function canvasUrlOf(run: RunOf, client: PermalinkClient | null | undefined, briefingId: number): Promise<string | null> {
  const row = await run.ctx.prisma.briefing.findUnique({ where: { id: briefingId }, select: { canvasId: true } });
  const id = row?.canvasId;
  if (!id || id === 'pending' || id.startsWith('failed') || !client?.auth) return null;
  return canvasLink(client as Pick<WebClient, 'auth'>, id);
}

async function canvasOutcome(run: RunOf, briefingId: number, url: string | null): Promise<PostedNotice['canvas']> {
  const row = await run.ctx.prisma.briefing.findUnique({ where: { id: briefingId }, select: { asCanvas: true, canvasId: true } });
  if (!row?.asCanvas) return null;
  if (row.canvasId === 'pending') return { kind: 'unconfirmed' };
  if (row.canvasId?.startsWith('failed')) return { kind: 'failed', code: row.canvasId.slice('failed:'.length) || 'unknown' };
  return url ? { kind: 'made', url } : null;
}
