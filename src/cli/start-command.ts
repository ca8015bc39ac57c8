import type { Command } from 'commander';
import { loadConfig, type Config } from '../config.js';
import { createLogger } from '../logger.js';
import { startServer, type RunningServer } from '../server.js';
import { startSandbox } from '../sandbox/start-sandbox.js';

export const CREDENTIALS_HELP = [
  'No Slack credentials are set, so REAP Tracker runs the local sandbox. To serve a real Slack workspace instead, set either:',
  '  HTTP mode:   SLACK_BOT_TOKEN=xoxb-...  SLACK_SIGNING_SECRET=...',
  '  Socket Mode: SLACK_BOT_TOKEN=xoxb-...  SLACK_APP_TOKEN=xapp-...',
  'Create the app from manifests/ first (README, "Install in a Slack workspace"), then run npm start again.',
].join('\n');

export function registerStartCommand(program: Command): void {
  program
    .command('start')
    .description('serve Slack (HTTP or Socket Mode), or the local sandbox when no Slack credentials are set')
    .action(async () => {
      const config = loadConfig();
      const logger = createLogger(config.logLevel);
      if (config.slackMode === 'sandbox') {
        console.log(CREDENTIALS_HELP);
        const sandbox = await startSandbox({ config, logger });
        handleSignals(sandbox, logger);
        return;
      }
      const running = await startSlack(config, logger);
      handleSignals(running, logger);
    });
}

async function startSlack(config: Config, logger: ReturnType<typeof createLogger>): Promise<RunningServer> {
  const { botToken, signingSecret, appToken, apiUrl } = config.slack;
  return startServer({
    config,
    logger,
    slack: { mode: config.slackMode === 'socket' ? 'socket' : 'http', botToken: botToken!, signingSecret, appToken, apiUrl },
  });
}

export function handleSignals(running: { stop(): Promise<void> }, logger: ReturnType<typeof createLogger>): void {
  const onSignal = (signal: string) => {
    logger.info({ signal }, 'signal received');
    running
      .stop()
      .then(() => process.exit(0))
      .catch((e) => {
        logger.error({ err: e }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.once('SIGTERM', () => onSignal('SIGTERM'));
  process.once('SIGINT', () => onSignal('SIGINT'));
}
