// Buttons inside the briefing composer. "Start from a draft" fills the message with what the
// chosen quarter's updates say (PUBLIC text only, see domain/briefing-draft.ts) in the
// composer's language; "More space" adds a message input; "Preview" pushes the message
// exactly as it will be posted. Each refresh rebuilds the form from what is in it now and
// passes the view's hash, so a stale refresh fails instead of overwriting newer typing.
import type { BlockButtonAction } from '@slack/bolt';
import type { ImageBlock } from '@slack/types';
import type { ActionListener } from '../../../listener-types.js';
import { BRIEFING_LIMITS, renderBriefingDraft, splitForInputs } from '../../../../domain/briefing-draft.js';
import { parsePeriodKey } from '../../../../domain/fiscal-calendar.js';
import type { AppContext } from '../../../../services/app-context.js';
import { loadActor } from '../../../../services/authz.js';
import { briefingDraftFor, getBriefing } from '../../../../services/briefings.js';
import { draftLabels, postedChartBlocks } from '../ui/briefing-message.js';
import { periodName } from '../../../ui/period-name.js';
import { briefingComposerModal, briefingPreviewModal, decodeComposerMeta, readComposerValues } from '../ui/briefing-modal.js';
import { composerFromValues } from '../briefing-support.js';
import { openView, replaceView } from '../../../loading-modal.js';
import { speakerFor } from '../../../caller.js';
import { problemText } from '../../../service-errors.js';

/** A click inside the composer: who clicked, in which language, and what the form holds now. */
async function composerClick(ctx: AppContext, body: BlockButtonAction) {
  const view = body.view;
  if (!view) return null;
  const { t } = await speakerFor(ctx, body.user.id);
  const meta = decodeComposerMeta(view.private_metadata);
  return { view, t, meta, values: readComposerValues(view.state.values, meta) };
}

/** "Start from a draft": the message filled from the chosen quarter's updates. */
export function startFromDraftButton(ctx: AppContext): ActionListener<BlockButtonAction> {
  return async ({ ack, body, client }) => {
    await ack();
    const click = await composerClick(ctx, body);
    if (!click) return;
    const { view, t, meta, values } = click;
    let next;
    try {
      const actor = await loadActor(ctx, body.user.id);
      const base = composerFromValues(ctx, meta, values);
      const quarter = parsePeriodKey(base.quarterKey)!;
      const draft = await briefingDraftFor(ctx, actor, quarter.key);
      const parts = splitForInputs(renderBriefingDraft(draft, draftLabels(t, quarter)));
      // New block ids (gen + 1): Slack would otherwise keep the old text in the inputs.
      next = {
        ...base,
        meta: { ...meta, gen: meta.gen + 1, parts: Math.min(BRIEFING_LIMITS.bodyParts, Math.max(1, parts.length)) },
        bodyParts: parts,
        notice: t('briefings.modal.draftDone', { quarter: periodName(t, quarter) }),
      };
    } catch (e) {
      next = composerFromValues(ctx, meta, values, `:warning: ${problemText(ctx, t, e, 'could not build a briefing draft')}`);
    }
    await replaceView(ctx, client, { viewId: view.id, hash: view.hash }, briefingComposerModal(t, next));
  };
}

/** "Add a part": one more 3,000-character input for a long message. */
export function addPartButton(ctx: AppContext): ActionListener<BlockButtonAction> {
  return async ({ ack, body, client }) => {
    await ack();
    const click = await composerClick(ctx, body);
    if (!click) return;
    const { view, t, meta, values } = click;
    const parts = Math.min(BRIEFING_LIMITS.bodyParts, meta.parts + 1);
    await replaceView(ctx, client, { viewId: view.id, hash: view.hash }, briefingComposerModal(t, composerFromValues(ctx, { ...meta, parts }, values)));
  };
}

/** "Preview": the briefing as it will be posted. */
export function previewButton(ctx: AppContext): ActionListener<BlockButtonAction> {
  return async ({ ack, body, client }) => {
    await ack();
    // What the person typed is shown back to them, and for a posted briefing the charts it
    // was posted with: one indexed read before the push (the trigger lives 3 seconds).
    const click = await composerClick(ctx, body);
    if (!click) return;
    const { t, meta, values } = click;
    const content = { title: values.title.trim() || '…', body: values.body, quarterKey: values.quarterKey };
    const charts = meta.mode === 'posted' && meta.id !== null ? await postedCharts(ctx, body.user.id, meta.id) : 'when-posted';
    await openView(ctx, client, { triggerId: body.trigger_id, push: true }, briefingPreviewModal(t, content, charts));
  };
}

/** The charts a posted briefing shows; none when they cannot be read (the preview still opens). */
async function postedCharts(ctx: AppContext, slackUserId: string, briefingId: number): Promise<ImageBlock[]> {
  try {
    const briefing = await getBriefing(ctx, await loadActor(ctx, slackUserId), briefingId);
    return postedChartBlocks(briefing.charts);
  } catch (e) {
    ctx.logger.warn({ err: (e as Error).message, briefingId }, 'briefing preview shown without its charts');
    return [];
  }
}
