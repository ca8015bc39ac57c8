// Every post carries its row's idempotency key in Slack message metadata, so that a post
// whose answer was lost can be found again in the channel's history (history-check.ts)
// instead of being sent twice.

/** Slack message metadata event type that marks our posts; the payload holds the row's key. */
export const OUTBOX_METADATA_EVENT = 'reap_outbox';

/** The `metadata` of a chat.postMessage for the row with this key. */
export function outboxMetadata(idempotencyKey: string) {
  return { event_type: OUTBOX_METADATA_EVENT, event_payload: { outbox_key: idempotencyKey } };
}

/** True when a message read from conversations.history is our post of the row with this key. */
export function carriesOutboxKey(message: unknown, idempotencyKey: string): boolean {
  const meta = (message as { metadata?: { event_type?: string; event_payload?: Record<string, unknown> } }).metadata;
  return meta?.event_type === OUTBOX_METADATA_EVENT && meta.event_payload?.outbox_key === idempotencyKey;
}
