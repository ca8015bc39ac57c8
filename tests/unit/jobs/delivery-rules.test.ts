import { WebAPIHTTPError, WebAPIPlatformError, WebAPIRateLimitedError, WebAPIRequestError } from '@slack/web-api';
import { describe, expect, it } from 'vitest';
import { backoffDelay, retryAfterDelay } from '../../../src/jobs/outbox/backoff.js';
import { ChannelPacer } from '../../../src/jobs/outbox/channel-pacer.js';
import { deliveryFailureText } from '../../../src/jobs/outbox/delivery-failure-text.js';
import { outboxKey } from '../../../src/jobs/outbox/enqueue.js';
import { classifySlackError } from '../../../src/jobs/outbox/slack-errors.js';
import { periodHelpers } from '../../../src/jobs/period.js';

const platform = (error: string) => new WebAPIPlatformError({ ok: false, error });

describe('what a Slack failure means for a message', () => {
  it('retries rate limits with Slack’s Retry-After', () => {
    expect(classifySlackError(new WebAPIRateLimitedError(7))).toEqual({ kind: 'retry', code: 'ratelimited', retryAfterSeconds: 7 });
    expect(classifySlackError(platform('rate_limited')).kind).toBe('retry');
  });

  it('gives up at once on recipients who are gone and on malformed messages', () => {
    for (const code of ['channel_not_found', 'not_in_channel', 'is_archived', 'account_inactive', 'user_not_found', 'invalid_blocks', 'msg_too_long']) {
      expect(classifySlackError(platform(code)), code).toEqual({ kind: 'permanent', code });
    }
    expect(classifySlackError(platform('brand_new_error')).kind).toBe('permanent');
  });

  it('pauses on token and workspace problems instead of failing every message', () => {
    expect(classifySlackError(platform('token_revoked')).kind).toBe('app-blocked');
    expect(classifySlackError(platform('missing_scope')).kind).toBe('app-blocked');
  });

  it('treats answers that may hide a posted message as unknown', () => {
    expect(classifySlackError(new WebAPIHTTPError(503, 'Service Unavailable', {}, '')).kind).toBe('unknown');
    expect(classifySlackError(platform('internal_error')).kind).toBe('unknown');
    const timeout = new DOMException('The operation was aborted due to timeout', 'TimeoutError');
    expect(classifySlackError(new WebAPIRequestError(timeout))).toEqual({ kind: 'unknown', code: 'timeout' });
    const reset = Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }) });
    expect(classifySlackError(new WebAPIRequestError(reset))).toEqual({ kind: 'unknown', code: 'network:ECONNRESET' });
  });

  it('retries a refused connection: nothing reached Slack', () => {
    const refused = Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) });
    expect(classifySlackError(new WebAPIRequestError(refused))).toEqual({ kind: 'retry', code: 'network:ECONNREFUSED' });
  });
});

describe('backoff and pacing', () => {
  it('grows exponentially with jitter, capped', () => {
    const policy = { baseMs: 1000, maxMs: 60_000 };
    expect(backoffDelay(1, policy, () => 0)).toBe(500);
    expect(backoffDelay(1, policy, () => 1)).toBe(1000);
    expect(backoffDelay(4, policy, () => 1)).toBe(8000);
    expect(backoffDelay(30, policy, () => 1)).toBe(60_000);
    expect(retryAfterDelay(3, () => 0.5)).toBe(3500);
  });

  it('spaces posts to one channel and honours Retry-After', () => {
    let now = 0;
    const pacer = new ChannelPacer(1000, () => now);
    expect(pacer.reserve('C1', 5000)).toBe(0);
    expect(pacer.reserve('C1', 5000)).toBe(1000);
    expect(pacer.reserve('C2', 5000)).toBe(0);
    pacer.defer('C2', 30_000);
    expect(pacer.reserve('C2', 5000)).toBeNull();
    now = 29_500;
    expect(pacer.reserve('C2', 5000)).toBe(500);
  });
});

describe('keys, periods and notices', () => {
  it('names periods in the City’s zone', () => {
    // Monday 2026-11-23 08:00 PST
    const p = periodHelpers(new Date('2026-11-23T16:00:00Z'), 'America/Los_Angeles');
    expect([p.day(), p.isoWeek(), p.month(), p.fiscalQuarter().key, p.fiscalMonth().key]).toEqual([
      '2026-11-23',
      '2026-W48',
      '2026-11',
      'FY2027-Q2',
      'FY2027-M05',
    ]);
    // 23:30 on Sunday in San José is already Monday in UTC; the week is still W48's predecessor.
    expect(periodHelpers(new Date('2026-11-23T07:30:00Z'), 'America/Los_Angeles').isoWeek()).toBe('2026-W47');
  });

  it('builds outbox keys and refuses empty parts', () => {
    expect(outboxKey('weekly-digest', '2026-W48', 'U123')).toBe('weekly-digest:2026-W48:U123');
    expect(() => outboxKey('weekly-digest', '', 'U123')).toThrow(/must not be empty/);
  });

  it('explains delivery failures in the admin’s language', () => {
    const facts = { cause: 'account_inactive', code: 'account_inactive', target: 'U0GONE', job: 'weekly-digest' };
    expect(deliveryFailureText('en', facts)).toMatch(/could not deliver a message \(weekly-digest\) to <@U0GONE>[\s\S]*deactivated/);
    expect(deliveryFailureText('es', facts)).toMatch(/no pudo entregar/);
    expect(deliveryFailureText('vi', { ...facts, target: 'C0REDI', cause: 'not_in_channel' })).toMatch(/<#C0REDI>/);
  });

  it('calls a lost DM a direct message, not a channel to fix in settings', () => {
    const dm = { cause: 'channel_not_found', code: 'channel_not_found', target: 'U0ANA', job: 'update-prompts' };
    expect(deliveryFailureText('en', dm)).toMatch(/direct message/);
    expect(deliveryFailureText('en', dm)).not.toMatch(/settings/);
    expect(deliveryFailureText('es', dm)).toMatch(/mensaje directo/);
    expect(deliveryFailureText('vi', dm)).toMatch(/tin nhắn trực tiếp/);
    expect(deliveryFailureText('en', { ...dm, target: 'C0REDI' })).toMatch(/settings/);
  });
});
