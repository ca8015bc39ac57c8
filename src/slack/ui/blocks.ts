// The Block Kit pieces every builder uses. Each one cuts its text to what Slack accepts
// there, because a view or message with one field too long is refused whole.
import type { KnownBlock, MrkdwnElement, PlainTextElement, PlainTextOption, SectionBlock } from '@slack/types';
import { truncate } from './mrkdwn.js';

/** Section and context text may hold 3000 characters. */
export const SECTION_TEXT_MAX = 3000;

/** Plain text; 24 characters fits a modal's title and its buttons, the commonest use. */
export const plain = (text: string, max = 24): PlainTextElement => ({ type: 'plain_text', text: truncate(text, max), emoji: true });

/** A mrkdwn text object, as typed (the caller keeps it within its block's limit). */
export const mrkdwn = (text: string): MrkdwnElement => ({ type: 'mrkdwn', text });

export function mrkdwnSection(text: string, blockId?: string): SectionBlock {
  return { type: 'section', ...(blockId ? { block_id: blockId } : {}), text: { type: 'mrkdwn', text: truncate(text, SECTION_TEXT_MAX) } };
}

/** One line of small grey mrkdwn. */
export function context(text: string, blockId?: string): KnownBlock {
  return { type: 'context', ...(blockId ? { block_id: blockId } : {}), elements: [{ type: 'mrkdwn', text: truncate(text, SECTION_TEXT_MAX) }] };
}

export function header(text: string, blockId?: string): KnownBlock {
  return { type: 'header', ...(blockId ? { block_id: blockId } : {}), text: { type: 'plain_text', text: truncate(text, 150), emoji: true } };
}

export const divider: KnownBlock = { type: 'divider' };

/** Option text is plain text of at most 75 characters. */
export const option = (text: string, value: string, description?: string): PlainTextOption => ({
  text: { type: 'plain_text', text: truncate(text, 75), emoji: true },
  value,
  ...(description ? { description: { type: 'plain_text', text: truncate(description, 75), emoji: true } } : {}),
});

/** Characters of text in a block, as Slack counts them toward a message's size. */
export function blockTextLength(block: unknown): number {
  if (Array.isArray(block)) return block.reduce((n: number, b) => n + blockTextLength(b), 0);
  if (!block || typeof block !== 'object') return 0;
  let n = 0;
  for (const [key, value] of Object.entries(block)) {
    if (typeof value === 'string') {
      if (key === 'text' || key === 'alt_text') n += value.length;
    } else n += blockTextLength(value);
  }
  return n;
}
