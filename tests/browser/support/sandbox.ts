// A sandbox for one test file: the real app on a free port, an in-memory embedded database
// seeded with the demo data, and the fake Slack. Quiet logs unless LOG_LEVEL is set.
import { WebClient } from '@slack/web-api';
import { loadConfig } from '../../../src/config.js';
import { createLogger } from '../../../src/logger.js';
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../../../src/sandbox/start-sandbox.js';

export async function startTestSandbox(options: Partial<Omit<SandboxOptions, 'config' | 'logger'>> = {}): Promise<RunningSandbox> {
  const level = process.env.LOG_LEVEL ?? 'silent';
  const config = loadConfig({ DATABASE_URL: 'pglite:memory', PORT: '0', LOG_LEVEL: level } as NodeJS.ProcessEnv);
  return startSandbox({ config, logger: createLogger(level), print: () => {}, ...options });
}

/** The app's own Web API client would do; this one posts as the bot without going through a listener. */
export function botClient(sandbox: RunningSandbox): WebClient {
  return new WebClient(sandbox.fake.botToken, { slackApiUrl: sandbox.fake.url, retryConfig: { retries: 0 } });
}
