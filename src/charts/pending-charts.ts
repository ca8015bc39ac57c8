// Charts drawn when a message is sent, not when it is queued. A job puts a pending chart
// block (the chart's spec, title and alt text) where the image goes; the outbox dispatcher
// renders and uploads it just before chat.postMessage and puts the real image block there.
//
// Why at send time: a fan-out (the weekly digest to every manager) then only writes rows,
// so its transaction is short and a re-run uploads nothing; the uploads go at the pace the
// sending goes, under the dispatcher's rate-limit handling (files.* is Tier 4, about 100
// a minute, so 200 uploads in a burst would be refused); and the same chart is uploaded
// once per process, whatever number of messages show it.
import { classifySlackError } from '../jobs/outbox/slack-errors.js';
import type { OutboxPayload } from '../jobs/outbox/enqueue.js';
import { chartImageBlock } from '../slack/ui/charts/chart-block.js';
import type { Chart } from '../slack/ui/charts/chart-spec.js';

export const PENDING_CHART = 'reap_pending_chart';

/** Stands in a message's blocks for a chart the dispatcher will draw and upload. */
export interface PendingChartBlock {
  type: typeof PENDING_CHART;
  block_id?: string;
  /** The image block's alt text to be, so a message's size is counted with it. */
  alt_text: string;
  chart: Chart;
  /** The uploaded file is named "<filePrefix>-<hash>.png", as people see it in Slack's files. */
  file_prefix?: string;
}

export function pendingChartBlock(chart: Chart, options: { blockId?: string; filePrefix?: string } = {}): PendingChartBlock {
  const image = chartImageBlock('pending', chart, options.blockId);
  return {
    type: PENDING_CHART,
    ...(options.blockId ? { block_id: options.blockId } : {}),
    alt_text: image.alt_text,
    chart,
    ...(options.filePrefix ? { file_prefix: options.filePrefix } : {}),
  };
}

export function isPendingChart(block: unknown): block is PendingChartBlock {
  return typeof block === 'object' && block !== null && (block as { type?: unknown }).type === PENDING_CHART;
}

/** Whatever turns a chart into an uploaded file's id (ChartUploads). */
export interface ChartFiles {
  fileFor(chart: Chart, filePrefix?: string): Promise<string | null>;
}

export type ResolvedPayload = { payload: OutboxPayload } | { retryAfterSeconds: number };

/**
 * The payload with each pending chart made an image block, or left out when it cannot be
 * drawn or uploaded (charts are extras; the message goes anyway). When Slack says to slow
 * down, the whole message waits instead: sent now it would lose its chart for nothing.
 */
export async function resolvePendingCharts(payload: OutboxPayload, files: ChartFiles | null): Promise<ResolvedPayload> {
  if (!payload.blocks?.some(isPendingChart)) return { payload };
  const blocks: unknown[] = [];
  for (const block of payload.blocks) {
    if (!isPendingChart(block)) {
      blocks.push(block);
      continue;
    }
    let fileId: string | null = null;
    try {
      fileId = files ? await files.fileFor(block.chart, block.file_prefix) : null;
    } catch (e) {
      const failure = classifySlackError(e);
      if (failure.kind === 'retry' && failure.retryAfterSeconds !== undefined) return { retryAfterSeconds: failure.retryAfterSeconds };
      fileId = null;
    }
    if (fileId) blocks.push(chartImageBlock(fileId, block.chart, block.block_id));
  }
  return { payload: { ...payload, blocks } };
}
