// One app under test, alone in its own process, so that the load generator and the fake
// Slack (in the benchmark's process) do not take CPU from it and skew its figures.
//
//   BENCH_TARGET=reap   REAP Tracker itself (DATABASE_URL, SLACK_API_URL, BENCH_NOW)
//   BENCH_TARGET=bare   the floor: a bare Bolt app on the same receiver making the same
//                       Slack calls with fixed content (issue 14: "a bare Bolt app doing
//                       the same Slack calls"): `/reap status` is acked and answered by
//                       response_url; `/reap update` opens a loading modal and fills it
//                       with views.update; its Submit is acked, then a DM and a channel
//                       post go out; App Home gets a fixed view
//
// Prints `READY <port>` on stdout once it accepts requests; SIGTERM stops it.
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';
import { loadConfig } from '../src/config.js';
import pino from 'pino';
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

const loadingModal = {
  type: 'modal' as const,
  callback_id: 'reap.update.loading',
  title: { type: 'plain_text' as const, text: 'Report progress' },
  blocks: [{ type: 'section' as const, text: { type: 'mrkdwn' as const, text: 'Loading…' } }],
};

async function bare(): Promise<{ port: number; stop: () => Promise<void> }> {
  const receiver = new HTTPReceiver({ signingSecret: SECRET, logLevel: LogLevel.ERROR });
  const app = new App({ token: TOKEN, receiver, ...identity, clientOptions: { slackApiUrl: API_URL, retryConfig: { retries: 0 } } });
  app.command('/reap', async ({ ack, client, command, respond }) => {
    await ack();
    if (command.text.startsWith('update')) {
      const opened = await client.views.open({ trigger_id: command.trigger_id, view: loadingModal });
      await client.views.update({ view_id: opened.view!.id!, view: fixedModal });
    } else {
      await respond({ response_type: 'ephemeral', text: 'Department of Benchmarks: 30 strategies, 12 in progress.' });
    }
  });
  app.view('reap.update', async ({ ack, body, client }) => {
    await ack();
    await client.chat.postMessage({ channel: body.user.id, text: 'Your update is saved.' });
    await client.chat.postMessage({ channel: process.env.BENCH_CHANNEL ?? body.user.id, text: 'A progress update was posted.' });
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
    // BENCH_LOG=<file>: the app's warnings and errors, to find out why a request failed.
    logger: process.env.BENCH_LOG ? createLogger('warn', pino.destination({ dest: process.env.BENCH_LOG, append: true, sync: true })) : createLogger('silent'),
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
