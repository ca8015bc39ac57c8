// Slack can refuse an image block naming an uploaded file ("invalid slack file") when the
// file is still being processed or the app cannot see it. Charts are extras: the message
// then goes once more without its uploaded images rather than not at all.
import type { OutboxPayload } from './enqueue.js';

const isSlackFileImage = (b: unknown) => typeof b === 'object' && b !== null && (b as { type?: unknown }).type === 'image' && 'slack_file' in b;

/** True when Slack's answer blames a slack_file (its messages carry the JSON pointer). */
export function refusesSlackFile(error: unknown): boolean {
  const data = (error as { data?: { error?: string; response_metadata?: { messages?: unknown } } }).data;
  if (data?.error !== 'invalid_blocks') return false;
  const messages = data.response_metadata?.messages;
  return Array.isArray(messages) && messages.some((m) => typeof m === 'string' && m.includes('slack_file'));
}

/** The payload without its slack_file image blocks, or null when it has none. */
export function withoutSlackFileImages(payload: OutboxPayload): OutboxPayload | null {
  if (!payload.blocks?.some(isSlackFileImage)) return null;
  return { ...payload, blocks: payload.blocks.filter((b) => !isSlackFileImage(b)) };
}
