// Retry delays: exponential, capped, with jitter so a burst of failures (Slack down for a
// minute) does not come back as a synchronized burst of retries.

export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 5_000, maxMs: 15 * 60_000 };

/** Delay before retry number `attempt` (1 = first retry): half fixed, half random ("equal jitter"). */
export function backoffDelay(attempt: number, policy: BackoffPolicy = DEFAULT_BACKOFF, random: () => number = Math.random): number {
  const exponent = Math.max(0, Math.min(attempt - 1, 30));
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** exponent);
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** Slack's Retry-After, plus up to a second of jitter so instances do not retry in lockstep. */
export function retryAfterDelay(retryAfterSeconds: number, random: () => number = Math.random): number {
  return Math.max(1, retryAfterSeconds) * 1000 + Math.round(random() * 1000);
}
