// Slack accepts about one message per second per channel (chat.postMessage "special" tier).
// The pacer spaces posts to the same channel by an interval and remembers a channel's
// Retry-After, so the dispatcher waits its turn instead of collecting 429s. It is per
// process: several instances posting to one channel may still meet a 429 now and then,
// which the dispatcher handles like any other.

export class ChannelPacer {
  private readonly nextSlot = new Map<string, number>();

  constructor(
    private readonly intervalMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Reserves the channel's next slot and returns how long to wait for it, or null when the
   * wait would exceed maxWaitMs (then nothing is reserved; use `availableAt`).
   */
  reserve(key: string, maxWaitMs: number): number | null {
    const now = this.now();
    const slot = Math.max(now, this.nextSlot.get(key) ?? 0);
    if (slot - now > maxWaitMs) return null;
    this.nextSlot.set(key, slot + this.intervalMs);
    return slot - now;
  }

  /** Slack said "Retry-After": no post to this channel before then. */
  defer(key: string, untilMs: number): void {
    this.nextSlot.set(key, Math.max(this.nextSlot.get(key) ?? 0, untilMs));
  }

  availableAt(key: string): number {
    return Math.max(this.now(), this.nextSlot.get(key) ?? 0);
  }

  /** Forgets channels idle for a while, so a long-running process does not grow the map. */
  prune(): void {
    const now = this.now();
    for (const [key, slot] of this.nextSlot) if (slot < now - 60_000) this.nextSlot.delete(key);
  }
}
