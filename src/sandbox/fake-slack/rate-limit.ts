import type { Clock } from './clock.js';

/**
 * chat.postMessage's "special" limit: about one message per second per channel, with short
 * bursts allowed (docs.slack.dev/apis/web-api/rate-limits). Modelled as a token bucket per
 * channel; Slack does not publish the burst size, so it is configurable.
 */
export interface RateLimitOptions {
  perSecond: number;
  burst: number;
}

export const DEFAULT_POSTING_RATE: RateLimitOptions = { perSecond: 1, burst: 4 };

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export class PostingRateLimiter {
  private readonly buckets = new Map<string, { tokens: number; updatedAt: number }>();

  constructor(
    private readonly clock: Clock,
    private readonly options: RateLimitOptions,
  ) {}

  take(key: string): RateDecision {
    const now = this.clock.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.options.burst, updatedAt: now };
    const refilled = Math.min(this.options.burst, bucket.tokens + ((now - bucket.updatedAt) / 1000) * this.options.perSecond);
    if (refilled < 1) {
      this.buckets.set(key, { tokens: refilled, updatedAt: now });
      // Retry-After is whole seconds; never 0, which WebClient would treat as "retry at once".
      const retryAfterSeconds = Math.max(1, Math.ceil((1 - refilled) / this.options.perSecond));
      return { allowed: false, retryAfterSeconds };
    }
    this.buckets.set(key, { tokens: refilled - 1, updatedAt: now });
    return { allowed: true };
  }

  reset(): void {
    this.buckets.clear();
  }
}
