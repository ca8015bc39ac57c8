// Charts whose Slack file outlives the run that uploaded it (App Home): each distinct chart
// is drawn and uploaded once, its file id kept in the database by the chart's hash
// (services/chart-files.ts), and every later view shows that file. Uploads of one chart
// asked for at once share one attempt; a failed chart is not tried again for a while, so a
// Slack outage does not turn every Home opening into a render.
import type { Logger } from '../logger.js';
import { rememberChartFile } from '../services/chart-files.js';
import type { ServiceContext } from '../services/service-context.js';
import type { Chart } from '../slack/ui/charts/chart-spec.js';
import { ChartUploads, type ChartUploadClient } from './chart-uploads.js';
import { chartHash, type ChartRenderer } from './renderer.js';

/** How long a chart that could not be made is left alone. */
export const FAILED_CHART_RETRY_MS = 10 * 60_000;

const inFlight = new Map<string, Promise<string | null>>();
const failedAt = new Map<string, number>();
/** Failures remembered at most; the oldest are forgotten first. */
const FAILED_MAX = 500;

function remember(hash: string, at: number): void {
  failedAt.delete(hash);
  failedAt.set(hash, at);
  if (failedAt.size > FAILED_MAX) failedAt.delete(failedAt.keys().next().value!);
}

export interface StoredChartOptions {
  client: ChartUploadClient;
  logger: Logger;
  renderer?: ChartRenderer;
  filePrefix?: string;
  now?: () => number;
}

/** Draws, uploads and remembers `chart`; its file id, or null when it could not be made (or failed lately). */
export function uploadStoredChart(ctx: Pick<ServiceContext, 'prisma'>, chart: Chart, options: StoredChartOptions): Promise<string | null> {
  const hash = chartHash(chart.spec);
  const pending = inFlight.get(hash);
  if (pending) return pending;
  const now = options.now ?? Date.now;
  const failed = failedAt.get(hash);
  if (failed !== undefined && now() - failed < FAILED_CHART_RETRY_MS) return Promise.resolve(null);
  const attempt = (async () => {
    const uploads = new ChartUploads({ client: options.client, logger: options.logger, renderer: options.renderer, filePrefix: options.filePrefix ?? 'chart' });
    const fileId = await uploads.fileFor(chart);
    if (!fileId) {
      remember(hash, now());
      return null;
    }
    failedAt.delete(hash);
    await rememberChartFile(ctx, hash, fileId);
    return fileId;
  })()
    .catch((e: unknown) => {
      options.logger.warn({ err: (e as Error).message }, 'chart file not remembered');
      remember(hash, now());
      return null;
    })
    .finally(() => inFlight.delete(hash));
  inFlight.set(hash, attempt);
  return attempt;
}
