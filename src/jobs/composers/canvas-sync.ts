// The `canvas-sync` job (every minute): keeps every department channel's canvas equal to its
// plan. It needs no hook in the services that change strategies and updates: each run renders
// each canvas, compares the rendering's hash with the one stored after the last complete
// write, and edits only when they differ. A failed sync waits out its backoff (Slack's
// Retry-After on a 429) in the row's nextAttemptAt; a half-done one is resumed by lookup,
// so no section is written twice.
import type { WebClient } from '@slack/web-api';
import { dueDepartmentCanvases } from '../../services/department-canvases.js';
import { syncDepartmentCanvas } from '../../slack/features/plan/department-canvas.js';
import type { JobHandler, JobRegistry } from '../registry.js';
import { createDispatcherClient } from '../slack-client.js';

export interface CanvasSyncJobOptions {
  /** Built from SLACK_BOT_TOKEN (and SLACK_API_URL) when omitted: no client retries, the job backs off itself. */
  client?: WebClient | null;
}

export function registerCanvasSync(registry: JobRegistry, options: CanvasSyncJobOptions = {}): void {
  registry.register('canvas-sync', canvasSyncJob(options));
}

export function canvasSyncJob(options: CanvasSyncJobOptions = {}): JobHandler {
  let client = options.client;
  return async (run) => {
    const { ctx } = run;
    const rows = await dueDepartmentCanvases(ctx, ctx.now());
    if (rows.length === 0) return {};
    if (client === undefined) {
      const token = ctx.config.slack.botToken;
      client = token ? createDispatcherClient(token, { apiUrl: ctx.config.slack.apiUrl, logger: ctx.logger }) : null;
    }
    if (!client) return { detail: 'no Slack client: no canvas synced' };
    const counts = { unchanged: 0, synced: 0, busy: 0, failed: 0, gone: 0 };
    for (const row of rows) {
      if (run.signal.aborted) break;
      const outcome = await syncDepartmentCanvas(ctx, client, row, { instanceId: run.instanceId });
      counts[outcome.kind] += 1;
    }
    // Quiet when nothing changed, as most minutes are.
    if (counts.synced + counts.failed + counts.gone + counts.busy === 0) return {};
    return { detail: `canvases: ${counts.synced} synced, ${counts.unchanged} unchanged, ${counts.busy} busy, ${counts.failed} failed, ${counts.gone} gone` };
  };
}
