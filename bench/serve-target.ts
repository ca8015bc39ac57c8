// One app under test, alone in its own process, so that the load generator and the fake
// Slack (in the benchmark's process) do not take CPU from it and skew its figures.
//
//   BENCH_TARGET=reap   REAP Tracker itself (DATABASE_URL, SLACK_API_URL, BENCH_NOW)
//   BENCH_TARGET=bare   the floor: a bare Bolt app on the same receiver that acks
//                       `/reap status`, opens a fixed modal for `/reap update`, acks that
//                       modal's Submit and publishes a fixed App Home
//
// Prints `READY <port>` on stdout once it accepts requests; SIGTERM stops it.
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { startServer } from '../src/server.js';
import { serveReceiver } from './lib.js';

const SECRET = process.env.SLACK_SIGNING_SECRET!;
const TOKEN = process.env.SLACK_BOT_TOKEN!;
const API_URL = process.env.SLACK_API_URL!;
const identity = { botId: 'B0BOT', botUserId: 'U0BOT' };

const fixedModal = {
  type: 'modal' as const,
  callback_id: 'reap.update',
  title: { type: 'plain_text' as const, text: 'Report progress' },
  submit: { type: 'plain_text' as const, text: 'Submit' },
  blocks: [
    {
      type: 'input' as const,
      block_id: 'narrative',
      label: { type: 'plain_text' as const, text: 'What was done' },
      element: { type: 'plain_text_input' as const, action_id: 'narrative' },
    },
  ],
};

async function bare(): Promise<{ port: number; stop: () => Promise<void> }> {
  const receiver = new HTTPReceiver({ signingSecret: SECRET, logLevel: LogLevel.ERROR });
  const app = new App({ token: TOKEN, receiver, ...identity, clientOptions: { slackApiUrl: API_URL, retryConfig: { retries: 0 } } });
  app.command('/reap', async ({ ack, client, command }) => {
    await ack();
    if (command.text.startsWith('update')) await client.views.open({ trigger_id: command.trigger_id, view: fixedModal });
  });
  app.view('reap.update', async ({ ack }) => {
    await ack();
  });
  app.event('app_home_opened', async ({ event, client }) => {
    await client.views.publish({ user_id: event.user, view: { type: 'home', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'Hello' } }] } });
  });
  const served = await serveReceiver(receiver);
  return { port: Number(new URL(served.url).port), stop: served.stop };
}

async function reap(): Promise<{ port: number; stop: () => Promise<void> }> {
  const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent' });
  const now = process.env.BENCH_NOW ? new Date(process.env.BENCH_NOW) : null;
  const running = await startServer({
    config,
    logger: createLogger('silent'),
    now: now ? () => now : undefined,
    port: 0,
    host: '127.0.0.1',
    // Only the requests under test: no reminders or outbox work in the background.
    scheduler: false,
    slack: { mode: 'http', botToken: TOKEN, signingSecret: SECRET, apiUrl: API_URL, identity },
  });
  return { port: running.port, stop: running.stop };
}

const target = process.env.BENCH_TARGET === 'bare' ? await bare() : await reap();
process.stdout.write(`READY ${target.port}\n`);
process.once('SIGTERM', () => {
  void target.stop().then(() => process.exit(0));
});
