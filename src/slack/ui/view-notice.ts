// A form sent back with a notice at its top, for a problem no single input owns.
import type { View } from '@slack/types';
import { mrkdwnSection } from './blocks.js';

/** The notice's block; its id (from before it was shared) keeps earlier views readable. */
export const NOTICE_BLOCK_ID = 'manage_notice';

/**
 * The submitted form again, with `notice` at the top. Block and action ids are unchanged,
 * so Slack keeps everything the person typed (views keep input whose ids stay the same).
 */
export function withNotice(
  view: { type: string; title: unknown; submit?: unknown; close?: unknown; callback_id?: string; private_metadata?: string; blocks: readonly unknown[] },
  notice: string,
): View {
  const blocks = view.blocks.filter((b) => !(b && typeof b === 'object' && (b as { block_id?: unknown }).block_id === NOTICE_BLOCK_ID));
  const noticeBlock = mrkdwnSection(`:warning: ${notice}`, NOTICE_BLOCK_ID);
  const out: Record<string, unknown> = {
    type: 'modal',
    title: stripOutput(view.title),
    blocks: [noticeBlock, ...blocks.slice(0, 99)],
  };
  if (view.submit) out.submit = stripOutput(view.submit);
  if (view.close) out.close = stripOutput(view.close);
  if (view.callback_id) out.callback_id = view.callback_id;
  if (view.private_metadata) out.private_metadata = view.private_metadata;
  return out as unknown as View;
}

/** Slack echoes text objects with extra fields; keep what a view definition takes. */
function stripOutput(text: unknown): unknown {
  if (!text || typeof text !== 'object') return text;
  const { type, text: value, emoji } = text as { type?: unknown; text?: unknown; emoji?: unknown };
  return { type, text: value, ...(emoji === undefined ? {} : { emoji }) };
}
