// Submit of the briefing composer. A new, draft or scheduled briefing is scheduled (channels
// REAP Tracker is not in are refused under the channel input first); a posted one has its
// text saved and then every posted message updated with chat.update (keeping the charts it
// was posted with), which runs after the acknowledgement and reports back in the same
// modal. Closing a new briefing or a draft keeps what was typed as a draft (view_closed),
// so nothing typed is lost silently.
//
// Problems with an input go under it (response_action: errors); anything else (a refusal,
// a conflict) goes at the top of the same form, rebuilt with what was typed.
import type { ViewOutput, ViewResponseAction } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Actor } from '../../../../domain/permissions.js';
import type { AppContext } from '../../../../services/app-context.js';
import { loadActor } from '../../../../services/authz.js';
import { editPostedBriefing, refreshPostedBriefing, saveBriefingDraft, scheduleBriefing, type BriefingRecord } from '../../../../services/briefings.js';
import { isServiceError } from '../../../../services/errors.js';
import type { Translate } from '../../../i18n/index.js';
import { problemText } from '../../../service-errors.js';
import { submissionHandler, type UnplacedProblem } from '../../../submission.js';
import type { SubmitListener, ViewClosedListener } from '../../../listener-types.js';
import { canvasLink } from '../../../canvas-link.js';
import { briefingCanvasMarkdown, briefingCanvasTitle } from '../ui/briefing-canvas.js';
import { briefingMessage, channelList, postLinks, postedChartBlocks } from '../ui/briefing-message.js';
import { briefingComposerModal, briefingNoticeModal, composerBlockFor, decodeComposerMeta, readComposerValues } from '../ui/briefing-modal.js';
import { escapeMrkdwn } from '../../../ui/mrkdwn.js';
import { slackDateTime } from '../../../ui/status-parts.js';
import { briefingTranslator, channelsWithoutBot, composerFromValues } from '../briefing-support.js';
import { replaceView } from '../../../loading-modal.js';

/** A problem no input owns: the composer again, rebuilt with what was typed, the problem on top. */
function composerWithNotice(ctx: AppContext) {
  return ({ notice, t, view }: UnplacedProblem): ViewResponseAction => {
    const meta = decodeComposerMeta(view.private_metadata);
    const values = readComposerValues(view.state.values, meta);
    return { response_action: 'update', view: briefingComposerModal(t, composerFromValues(ctx, meta, values, `:warning: ${notice}`)) };
  };
}

/** Schedule (or, for a posted briefing, Save) in the composer. */
export function briefingSubmission(ctx: AppContext): SubmitListener {
  const form = {
    blockIdFor: (field: string, view: ViewOutput) => composerBlockFor(field, decodeComposerMeta(view.private_metadata)),
    what: 'saving the briefing composer failed',
    unplaced: composerWithNotice(ctx),
  };
  return submissionHandler(ctx, form, async ({ actor, t, view, values: state, client }) => {
    const meta = decodeComposerMeta(view.private_metadata);
    const values = readComposerValues(state, meta);

    if (meta.mode === 'posted' && meta.id !== null) {
      const saved = await editPostedBriefing(ctx, actor, meta.id, values);
      return {
        view: briefingNoticeModal(t, 'titleUpdated', t('briefings.result.updating')),
        // After the acknowledgement, at the normal pace: the edit goes straight to Slack
        // (chat.update), not the outbox, and the modal then says how it went.
        after: () => updatePostedMessages(ctx, client, t, actor, saved, view.id),
      };
    }

    const unreachableChannels = await channelsWithoutBot(ctx, client, values.channelIds);
    const scheduled = await scheduleBriefing(ctx, actor, { ...values, id: meta.id, unreachableChannels });
    const title = escapeMrkdwn(scheduled.title);
    const channels = channelList(scheduled.channelIds);
    const soon = !scheduled.scheduledFor || scheduled.scheduledFor.getTime() <= ctx.now().getTime() + 60_000;
    const text = soon
      ? t('briefings.result.scheduledNow', { title, channels })
      : t('briefings.result.scheduled', { title, channels, when: slackDateTime(scheduled.scheduledFor!) });
    return { view: briefingNoticeModal(t, 'titleScheduled', `:calendar: ${text}`) };
  });
}

/** The composer closed without scheduling: what was typed is kept as a draft. */
export function briefingClosed(ctx: AppContext): ViewClosedListener {
  return async ({ ack, body, view }) => {
    await ack();
    const meta = decodeComposerMeta(view.private_metadata);
    if (meta.mode === 'posted') return;
    const values = readComposerValues(view.state.values, meta);
    try {
      const actor = await loadActor(ctx, body.user.id);
      const draft = await saveBriefingDraft(ctx, actor, { id: meta.id, quarterKey: values.quarterKey, title: values.title, body: values.body });
      if (draft) ctx.logger.info({ briefingId: draft.id, user: body.user.id }, 'kept a closed briefing composer as a draft');
    } catch (e) {
      if (!isServiceError(e)) ctx.logger.error({ err: e, user: body.user.id }, 'could not keep a closed briefing composer as a draft');
    }
  };
}

/** Updates every posted message of an edited briefing, then says in the modal how it went. */
async function updatePostedMessages(ctx: AppContext, client: WebClient, t: Translate, actor: Actor, saved: BriefingRecord, viewId: string): Promise<void> {
  let text: string;
  try {
    const speaks = briefingTranslator(saved);
    const canvasId = madeCanvasId(saved);
    // The charts it was posted with, from their uploaded files: nothing is drawn again.
    const charts = postedChartBlocks(saved.charts);
    const message = briefingMessage(speaks, { ...saved, canvasUrl: canvasId ? await canvasLink(client, canvasId) : null }, charts);
    const result = await refreshPostedBriefing(ctx, actor, saved, async (post) => {
      await client.chat.update({ channel: post.channelId, ts: post.ts, text: message.text, blocks: message.blocks });
    });
    const lines: string[] = [];
    if (result.updated.length) lines.push(`:white_check_mark: ${t('briefings.result.updated', { links: postLinks(t, result.updated) })}`);
    if (result.failed.length) {
      lines.push(
        `:warning: ${t('briefings.result.updateFailed', {
          channels: channelList(result.failed.map((f) => f.post.channelId)),
          errors: [...new Set(result.failed.map((f) => `\`${escapeMrkdwn(f.error)}\``))].join(', '),
        })}`,
      );
    }
    // The canvas shows the same briefing: it changes with the messages.
    if (canvasId) {
      try {
        await client.canvases.edit({
          canvas_id: canvasId,
          changes: [{ operation: 'replace', document_content: { type: 'markdown', markdown: briefingCanvasMarkdown(speaks, saved) } }],
        });
        // "rename" is documented for canvases.edit but missing from @slack/web-api's types.
        await client.apiCall('canvases.edit', {
          canvas_id: canvasId,
          changes: [{ operation: 'rename', title_content: { type: 'markdown', markdown: briefingCanvasTitle(saved) } }],
        });
        lines.push(`:page_facing_up: ${t('briefings.result.canvasUpdated')}`);
      } catch (e) {
        const code = (e as { data?: { error?: string } }).data?.error ?? (e as Error).message;
        ctx.logger.warn({ err: code, briefing: saved.id }, 'could not update the briefing canvas');
        lines.push(`:warning: ${t('briefings.result.canvasUpdateFailed', { error: escapeMrkdwn(code) })}`);
      }
    }
    text = lines.join('\n\n') || t('briefings.result.nothingPosted');
  } catch (e) {
    text = problemText(ctx, t, e, 'updating posted briefing messages failed');
  }
  await replaceView(ctx, client, { viewId }, briefingNoticeModal(t, 'titleUpdated', text));
}

/** The briefing's canvas, once made ("pending" and "failed:…" are not canvases). */
function madeCanvasId(b: BriefingRecord): string | null {
  return b.asCanvas && b.canvasId && b.canvasId !== 'pending' && !b.canvasId.startsWith('failed') ? b.canvasId : null;
}
