// Learns the bot's own ids with auth.test once at start. Bolt would otherwise do it in
// its constructor and crash the process on a network error; here a bad token is a clear
// one-line error and an unreachable Slack only delays the lookup to the first request.
import { WebClient, type WebAPICallError } from '@slack/web-api';
import type { Logger } from '../logger.js';
import { boltLogger } from './bolt-logger.js';

export interface BotIdentity {
  botId: string;
  botUserId: string;
  teamId?: string;
}

export class SlackCredentialsError extends Error {}

const FATAL_AUTH_ERRORS = new Set(['invalid_auth', 'not_authed', 'account_inactive', 'token_revoked', 'token_expired']);

export async function lookupBotIdentity(token: string, apiUrl: string | undefined, logger: Logger): Promise<BotIdentity | null> {
  const client = new WebClient(token, { slackApiUrl: apiUrl, timeout: 5_000, retryConfig: { retries: 1 }, logger: boltLogger(logger) });
  try {
    const res = await client.auth.test();
    if (!res.bot_id || !res.user_id) throw new SlackCredentialsError('SLACK_BOT_TOKEN is not a bot token (auth.test returned no bot_id)');
    return { botId: res.bot_id, botUserId: res.user_id, teamId: res.team_id };
  } catch (e) {
    const code = (e as WebAPICallError & { data?: { error?: string } }).data?.error;
    if (e instanceof SlackCredentialsError) throw e;
    if (code && FATAL_AUTH_ERRORS.has(code)) {
      throw new SlackCredentialsError(`Slack rejected SLACK_BOT_TOKEN (${code}): check the token of the installed app`);
    }
    logger.warn({ err: (e as Error).message }, 'Slack did not answer auth.test; will retry on the first request');
    return null;
  }
}
