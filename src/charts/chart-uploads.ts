// Each distinct chart is rendered (renderer.ts) and uploaded once, and every message that
// shows it shares the one file. A chart that cannot be rendered or uploaded is null: the
// message goes without it, never later or not at all. A job makes one for its run; the
// outbox dispatcher keeps one for the process (pending-charts.ts), bounded by maxEntries.
import type { WebClient } from '@slack/web-api';
import { classifySlackError } from '../jobs/outbox/slack-errors.js';
import type { Logger } from '../logger.js';
import type { Chart } from '../slack/ui/charts/chart-spec.js';
import { type ChartRenderer, chartHash, chartRenderer } from './renderer.js';

export type ChartUploadClient = Pick<WebClient, 'files'>;

export interface ChartUploadsOptions {
  client: ChartUploadClient | null;
  logger: Logger;
  renderer?: ChartRenderer;
  /** How the files are named in Slack: "<prefix>-<hash>.png" (fileFor may name another). */
  filePrefix?: string;
  /** Renders and uploads at a time: PNG drawing runs on libuv's threads, uploads wait on Slack. */
  concurrency?: number;
  /** File ids remembered (least recently used forgotten first). */
  maxEntries?: number;
  /**
   * When Slack answers 429, reject with the error (its retryAfter says when to try again)
   * instead of leaving the chart out; nothing is remembered for that chart. For callers that
   * can wait, as the outbox dispatcher can.
   */
  rethrowRateLimits?: boolean;
}

export interface ChartUploadStats {
  uploaded: number;
  failed: number;
  shared: number;
}

export class ChartUploads {
  private readonly files = new Map<string, Promise<string | null>>();
  private readonly queue: (() => void)[] = [];
  private running = 0;
  private readonly stats_: ChartUploadStats = { uploaded: 0, failed: 0, shared: 0 };

  constructor(private readonly options: ChartUploadsOptions) {}

  stats(): ChartUploadStats {
    return { ...this.stats_ };
  }

  /** The Slack file id of the chart, or null when it could not be made. */
  fileFor(chart: Chart, filePrefix = this.options.filePrefix ?? 'chart'): Promise<string | null> {
    const key = chartHash(chart.spec);
    const known = this.files.get(key);
    if (known) {
      this.stats_.shared++;
      this.files.delete(key);
      this.files.set(key, known);
      return known;
    }
    const file = this.limited(() => this.upload(chart, key, filePrefix));
    this.files.set(key, file);
    // A rate-limited upload is not remembered: the next ask tries again.
    file.catch(() => this.files.get(key) === file && this.files.delete(key));
    const max = this.options.maxEntries ?? 1_000;
    while (this.files.size > max) this.files.delete(this.files.keys().next().value!);
    return file;
  }

  private async upload(chart: Chart, key: string, filePrefix: string): Promise<string | null> {
    const { client, logger } = this.options;
    if (!client) return null;
    try {
      const png = await (this.options.renderer ?? chartRenderer).render(chart.spec);
      const res = await client.files.uploadV2({
        file: png,
        filename: `${filePrefix}-${key.slice(0, 12)}.png`,
        title: chart.title,
        alt_text: chart.alt,
      });
      // uploadV2 resolves to one completeUploadExternal response per file (slack-platform.md §5.2).
      const id = (res as { files?: { files?: { id?: string }[] }[] }).files?.[0]?.files?.[0]?.id ?? null;
      if (!id) throw new Error('files.uploadV2 returned no file id');
      this.stats_.uploaded++;
      return id;
    } catch (e) {
      if (this.options.rethrowRateLimits && classifySlackError(e).code === 'ratelimited') throw e;
      this.stats_.failed++;
      logger.warn({ err: (e as { data?: { error?: string } }).data?.error ?? (e as Error).message }, 'chart left out: render or upload failed');
      return null;
    }
  }

  private async limited<T>(work: () => Promise<T>): Promise<T> {
    const limit = this.options.concurrency ?? 4;
    if (this.running >= limit) await new Promise<void>((resolve) => this.queue.push(resolve));
    this.running++;
    try {
      return await work();
    } finally {
      this.running--;
      this.queue.shift()?.();
    }
  }
}
