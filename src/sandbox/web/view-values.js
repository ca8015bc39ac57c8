// What a person has typed or picked in a modal or the Home tab, kept here while they type and
// mirrored to the fake Slack's view state (debounced), so the app sees it in block_actions and
// views.update keeps it, as Slack's client does.
import { inputFromState } from './elements.js';

const SYNC_DELAY_MS = 250;

export class ViewValues {
  /** @param {(path: string, body: Record<string, unknown>) => Promise<unknown>} post @param {() => string} userId */
  constructor(post, userId) {
    this.post = post;
    this.userId = userId;
    /** @type {Map<string, Map<string, unknown>>} viewId → "blockId/actionId" → value */
    this.local = new Map();
    /** @type {Map<string, {timer: ReturnType<typeof setTimeout>, send: () => Promise<unknown>}>} */
    this.pending = new Map();
  }

  /** @param {any} view a ViewOutput */
  hooks(view) {
    const local = this.local.get(view.id) ?? new Map();
    this.local.set(view.id, local);
    return {
      /** @param {string} blockId @param {string} actionId */
      readValue: (blockId, actionId) => {
        const key = `${blockId}/${actionId}`;
        if (local.has(key)) return local.get(key);
        return inputFromState(view.state?.values?.[blockId]?.[actionId]);
      },
      /** @param {string} blockId @param {string} actionId @param {unknown} value */
      setValue: (blockId, actionId, value) => {
        local.set(`${blockId}/${actionId}`, value);
        this.schedule(view.id, blockId, actionId, value);
      },
    };
  }

  /** @param {string} viewId @param {string} blockId @param {string} actionId @param {unknown} value */
  schedule(viewId, blockId, actionId, value) {
    const key = `${viewId}/${blockId}/${actionId}`;
    clearTimeout(this.pending.get(key)?.timer);
    const send = () => {
      this.pending.delete(key);
      return this.post('/sandbox/api/view-values', { user: this.userId(), viewId, blockId, actionId, value }).catch(() => {});
    };
    this.pending.set(key, { timer: setTimeout(send, SYNC_DELAY_MS), send });
  }

  /** Sends what is still waiting, before a submission or an action reads the view's state. */
  async flush() {
    const waiting = [...this.pending.values()];
    for (const p of waiting) clearTimeout(p.timer);
    await Promise.all(waiting.map((p) => p.send()));
  }

  /** @param {string} viewId */
  forget(viewId) {
    this.local.delete(viewId);
  }

  clear() {
    for (const p of this.pending.values()) clearTimeout(p.timer);
    this.pending.clear();
    this.local.clear();
  }
}
