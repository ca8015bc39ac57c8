// The Slack side of a department channel's living canvas: making it, and bringing it up to
// date. A sync renders the plan, hashes the rendering and edits the canvas only when the hash
// differs from the one stored after the last complete write, so nothing needs to mark a canvas
// stale: the canvas-sync job simply looks every minute. Edits go through the idempotent
// syncCanvasSections under a claim on the row, so a section is never written twice.
import crypto from 'node:crypto';
import type { WebClient } from '@slack/web-api';
import { backoffDelay, retryAfterDelay } from '../../../jobs/outbox/backoff.js';
import { classifySlackError } from '../../../jobs/outbox/slack-errors.js';
import type { AppContext } from '../../../services/app-context.js';
import {
  claimDepartmentCanvas,
  departmentCanvasContent,
  failDepartmentCanvasSync,
  finishDepartmentCanvasSync,
  forgetDepartmentCanvas,
  type DepartmentCanvas,
  type DepartmentCanvasContent,
} from '../../../services/department-canvases.js';
import { syncCanvasSections, webClientCanvasApi } from './canvas-sync.js';
import { channelIsPrivate } from '../../channel-privacy.js';
import { translator } from '../../i18n/index.js';
import { planCanvasSections, planCanvasTitle, type CanvasSectionDraft, type PlanCanvasInput } from './ui/plan-canvas.js';

/** Like the department channel's posts: one language for everyone who reads the channel. */
export const CANVAS_LANGUAGE = 'en' as const;

/** Long enough for a plan of a hundred strategies at Slack's pace; a crashed sync frees it after. */
const SYNC_LEASE_MS = 5 * 60_000;

export interface RenderedCanvas {
  title: string;
  sections: CanvasSectionDraft[];
  /** Hash of the whole rendering, compared with DepartmentCanvas.contentHash. */
  hash: string;
  /** Section key → hash of its markdown, stored so unchanged sections are not rewritten. */
  sectionHashes: Record<string, string>;
}

const sha256 = (text: string) => crypto.createHash('sha256').update(text).digest('hex');

/**
 * Internal updates are for the department, its managers and ORSE: their text appears only in
 * the department's own private channel, as with the channel posts of updates.
 */
export function canvasInput(content: DepartmentCanvasContent, showInternal: boolean): PlanCanvasInput {
  return {
    department: content.department.name,
    plan: content.plan?.title ?? '',
    ...(content.citywide ? { citywide: content.citywide } : {}),
    objectives: content.objectives.map((o) => ({
      number: o.number,
      title: o.title,
      strategies: o.strategies.map((s) => {
        const u = s.lastUpdate;
        const hidden = u !== null && u.visibility === 'INTERNAL' && !showInternal;
        return {
          label: s.label,
          text: s.text,
          status: s.status,
          ownerSlackId: s.ownerSlackId,
          dueDate: s.dueDate,
          lastUpdateAt: u?.at ?? null,
          performanceMeasures: s.performanceMeasures,
          lastUpdateText: u && !hidden ? u.narrative : null,
          lastUpdateHidden: hidden,
        };
      }),
    })),
  };
}

export function renderCanvas(content: DepartmentCanvasContent, showInternal: boolean): RenderedCanvas {
  const t = translator(CANVAS_LANGUAGE);
  const input = canvasInput(content, showInternal);
  const title = planCanvasTitle(t, input);
  const sections = planCanvasSections(t, input);
  const sectionHashes = Object.fromEntries(sections.map((s) => [s.key, sha256(s.markdown)]));
  return { title, sections, hash: sha256(JSON.stringify([title, sections.map((s) => s.markdown)])), sectionHashes };
}

/** The intro line a canvas made by REAP Tracker holds, to tell it from one people made. */
export function canvasMarker(): string {
  return translator(CANVAS_LANGUAGE)('canvas.intro');
}

const slackCode = (e: unknown): string => classifySlackError(e).code;

/** Renders what the canvas of `channelId` should show, asking Slack about privacy only when it matters. */
export async function renderForChannel(ctx: AppContext, client: WebClient, content: DepartmentCanvasContent, channelId: string): Promise<RenderedCanvas> {
  const hasInternal = content.objectives.some((o) => o.strategies.some((s) => s.lastUpdate?.visibility === 'INTERNAL'));
  // Only the department's own channel may ever show Internal text, and only when private.
  const showInternal = hasInternal && channelId === content.department.slackChannelId && (await channelIsPrivate(ctx, client, channelId));
  return renderCanvas(content, showInternal);
}

export type SyncOutcome =
  | { kind: 'unchanged' }
  | { kind: 'synced'; edits: number }
  /** Another sync holds the canvas right now. */
  | { kind: 'busy' }
  | { kind: 'failed'; code: string; retryAt: Date }
  /** The canvas or its department is gone; the row was forgotten. */
  | { kind: 'gone'; code: string };

const GONE_CODES = new Set(['canvas_not_found', 'canvas_deleted', 'file_not_found', 'file_deleted', 'channel_not_found', 'is_archived']);

/**
 * Brings one canvas up to date. `force` rewrites every section even when the hashes say
 * nothing changed (a person may have edited the canvas by hand).
 */
export async function syncDepartmentCanvas(
  ctx: AppContext,
  client: WebClient,
  row: DepartmentCanvas,
  options: { instanceId: string; force?: boolean; random?: () => number },
): Promise<SyncOutcome> {
  const content = await departmentCanvasContent(ctx, row.departmentId);
  if (!content) {
    await forgetDepartmentCanvas(ctx, row.id, 'department deleted');
    return { kind: 'gone', code: 'department_deleted' };
  }
  const rendered = await renderForChannel(ctx, client, content, row.channelId);
  if (!options.force && rendered.hash === row.contentHash) return { kind: 'unchanged' };
  if (!(await claimDepartmentCanvas(ctx, row.id, options.instanceId, SYNC_LEASE_MS))) return { kind: 'busy' };
  const stored = options.force ? {} : ((row.sectionHashes ?? {}) as Record<string, string>);
  try {
    const edits = await syncCanvasSections(webClientCanvasApi(client), row.canvasId, rendered.sections, {
      unchanged: (s) => stored[s.key] === rendered.sectionHashes[s.key],
    });
    await finishDepartmentCanvasSync(ctx, row.id, options.instanceId, { contentHash: rendered.hash, sectionHashes: rendered.sectionHashes });
    return { kind: 'synced', edits };
  } catch (e) {
    const failure = classifySlackError(e);
    if (GONE_CODES.has(failure.code)) {
      ctx.logger.warn({ err: failure.code, channel: row.channelId, canvas: row.canvasId }, 'the department canvas is gone; forgetting it');
      await forgetDepartmentCanvas(ctx, row.id, failure.code);
      return { kind: 'gone', code: failure.code };
    }
    const delay =
      failure.retryAfterSeconds !== undefined
        ? retryAfterDelay(failure.retryAfterSeconds, options.random)
        : backoffDelay(row.attempts + 1, undefined, options.random);
    const retryAt = new Date(ctx.now().getTime() + delay);
    ctx.logger.warn({ err: failure.code, channel: row.channelId, canvas: row.canvasId, retryAt }, 'department canvas sync failed; will retry');
    // A half-done sync is safe to resume: the next one finds every section by lookup.
    await failDepartmentCanvasSync(ctx, row.id, options.instanceId, failure.code, retryAt);
    return { kind: 'failed', code: failure.code, retryAt };
  }
}

export type CreateOutcome =
  | { kind: 'created'; canvasId: string; rendered: RenderedCanvas }
  /** The channel has a canvas REAP Tracker made earlier (a crash lost its row): adopt it. */
  | { kind: 'adopted'; canvasId: string }
  /** The channel has a canvas people made; it is theirs. */
  | { kind: 'foreign' }
  | { kind: 'failed'; code: string };

/** Makes the channel's canvas with the plan in it, or finds the one a lost earlier attempt made. */
export async function createChannelCanvas(ctx: AppContext, client: WebClient, channelId: string, content: DepartmentCanvasContent): Promise<CreateOutcome> {
  const rendered = await renderForChannel(ctx, client, content, channelId);
  try {
    const res = await client.conversations.canvases.create({
      channel_id: channelId,
      title: rendered.title,
      document_content: { type: 'markdown', markdown: rendered.sections.map((s) => s.markdown).join('\n') },
    });
    if (!res.canvas_id) return { kind: 'failed', code: 'no_canvas_id' };
    return { kind: 'created', canvasId: res.canvas_id, rendered };
  } catch (e) {
    const code = slackCode(e);
    if (code !== 'channel_canvas_already_exists') return { kind: 'failed', code };
  }
  // Slack names a channel's canvas in conversations.info (channel.properties.canvas).
  try {
    const info = await client.conversations.info({ channel: channelId });
    const canvasId = (info.channel as { properties?: { canvas?: { file_id?: string } } } | undefined)?.properties?.canvas?.file_id;
    if (!canvasId) return { kind: 'foreign' };
    const ours = await client.canvases.sections.lookup({ canvas_id: canvasId, criteria: { contains_text: canvasMarker() } });
    return (ours.sections ?? []).length > 0 ? { kind: 'adopted', canvasId } : { kind: 'foreign' };
  } catch (e) {
    return { kind: 'failed', code: slackCode(e) };
  }
}
