// The Web API client the dispatcher sends with. The outbox owns retries for scheduled
// messages (architecture.md: do not retry twice), so this client does not retry, turns a
// 429 into an error carrying Retry-After at once instead of pausing its whole queue, and
// gives up on a call after a timeout so a hung connection cannot hold a claim forever.
import { WebClient } from '@slack/web-api';
import type { Logger } from '../logger.js';
import { boltLogger } from '../slack/bolt-logger.js';

export interface DispatcherClientOptions {
  /** Base URL of the Web API (ends with /api/); Slack's own when unset. */
  apiUrl?: string;
  timeoutMs?: number;
  logger?: Logger;
}

export function createDispatcherClient(token: string, options: DispatcherClientOptions = {}): WebClient {
  return new WebClient(token, {
    slackApiUrl: options.apiUrl,
    timeout: options.timeoutMs ?? 10_000,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    ...(options.logger ? { logger: boltLogger(options.logger) } : {}),
  });
}
