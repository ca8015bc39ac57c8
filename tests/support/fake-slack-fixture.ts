import { WebClient } from '@slack/web-api';
import { FakeSlack, type FakeSlackOptions } from '../../src/sandbox/fake-slack/index.js';

/**
 * A small standard workspace for tests: three people in different time zones (one deactivated),
 * a public channel the bot has joined, one it has not, a private channel and an archived one.
 */
export const PEOPLE = {
  ana: { id: 'U0ANA', name: 'ana', real_name: 'Ana Ortiz', email: 'ana.ortiz@sanjoseca.gov', tz: 'America/Los_Angeles', locale: 'es-ES' },
  ben: { id: 'U0BEN', name: 'ben', real_name: 'Ben Tran', email: 'ben.tran@sanjoseca.gov', tz: 'America/New_York', locale: 'en-US' },
  gone: { id: 'U0GONE', name: 'gone', real_name: 'Former Employee', email: 'former@sanjoseca.gov', tz: 'UTC', deleted: true },
} as const;

export const CHANNELS = {
  /** Public, bot and Ana are members. */
  reap: { id: 'C0REAP', name: 'reap-updates', members: ['U0BOT', 'U0ANA'] },
  /** Public, the bot has not joined. */
  general: { id: 'C0GENERAL', name: 'general', members: ['U0ANA', 'U0BEN'] },
  /** Private, bot and Ben are members. */
  leads: { id: 'G0LEADS', name: 'dept-leads', is_private: true, members: ['U0BOT', 'U0BEN'] },
  /** Archived, bot was a member. */
  old: { id: 'C0OLD', name: 'fy2023', is_archived: true, members: ['U0BOT', 'U0ANA'] },
} as const;

export async function startFakeSlack(options: FakeSlackOptions = {}): Promise<FakeSlack> {
  const fake = new FakeSlack({
    users: Object.values(PEOPLE).map((p) => ({ ...p })),
    channels: Object.values(CHANNELS).map((c) => ({ ...c, members: [...c.members] })),
    ...options,
  });
  return fake.start();
}

/** Slack's official client pointed at the fake; no retries so errors surface at once. */
export function webClient(fake: FakeSlack, token: string = fake.botToken, options: { rejectRateLimitedCalls?: boolean } = {}): WebClient {
  return new WebClient(token, { slackApiUrl: fake.url, retryConfig: { retries: 0 }, ...options });
}

/** POSTs raw bytes to the fake's Web API, for checks the official client cannot express. */
export async function rawCall(
  fake: FakeSlack,
  method: string,
  body: string,
  headers: Record<string, string>,
): Promise<{ status: number; headers: Headers; json: Record<string, unknown> }> {
  const response = await fetch(`${fake.url}${method}`, { method: 'POST', body, headers });
  return { status: response.status, headers: response.headers, json: (await response.json()) as Record<string, unknown> };
}
