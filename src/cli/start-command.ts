import type { Command } from 'commander';
import { ConfigError, loadConfig, type Config } from '../config.js';
import { markServedBySlack, SANDBOX_ON_POSTGRES } from '../services/slack-served-marker.js';
import { createLogger } from '../logger.js';
import { endOfLifeWarning } from '../node-version-check.js';
import { startServer, type RunningServer } from '../server.js';

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
      // Installed before anything listens: a load balancer may see /healthz answer (and an
      // orchestrator may send SIGTERM) while the scheduler is still starting.
      const shutdown = handleSignals(logger);
      const eol = endOfLifeWarning(process.versions.node, new Date());
      if (eol) logger.warn({ node: process.version }, eol);
      if (config.slackMode === 'sandbox') {
        if (config.database.kind === 'postgres' && !config.sandboxAllowDatabase) throw new ConfigError(SANDBOX_ON_POSTGRES);
        console.log(CREDENTIALS_HELP);
        // Loaded only here: a start that serves Slack never needs the sandbox (and its fake Slack).
        const { startSandbox } = await import('../sandbox/start-sandbox.js');
        shutdown.started(await startSandbox({ config, logger }));
        return;
      }
      shutdown.started(await startSlack(config, logger));
    });
}

async function startSlack(config: Config, logger: ReturnType<typeof createLogger>): Promise<RunningServer> {
  const { botToken, signingSecret, appToken, apiUrl } = config.slack;
  return startServer({
    config,
    logger,
    slack: { mode: config.slackMode === 'socket' ? 'socket' : 'http', botToken: botToken!, signingSecret, appToken, apiUrl },
    beforeListen: async (ctx) => {
      await markServedBySlack(ctx.prisma, config.slackMode === 'socket' ? 'socket' : 'http', ctx.now());
      // REAP_SEED_DEMO lets a City try the app in a test workspace with the demo data; a
      // database that already has departments is never touched.
      if (!config.seedDemo || (await ctx.prisma.department.count()) > 0) return;
      // Loaded only here: the demo data is a large module a normal start never needs.
      const { seedDatabase } = await import('../db/seed/index.js');
      const summary = await seedDatabase(ctx.prisma, { now: ctx.now(), timeZone: config.timeZone });
      logger.info({ created: summary.created }, 'REAP_SEED_DEMO: loaded the demo data into the empty database');
    },
  });
}

/** Longer than the shutdown's own steps (5 s for requests in flight, then jobs and the database). */
const SHUTDOWN_LIMIT_MS = 30_000;

export interface Shutdown {
  /** Hands over what to stop; stops it at once if a signal came during start-up. */
  started(running: { stop(): Promise<void> }): void;
}

export function handleSignals(logger: ReturnType<typeof createLogger>): Shutdown {
  let running: { stop(): Promise<void> } | undefined;
  let requested = false;
  const stop = () => {
    if (!running) return;
    running
      .stop()
      .then(() => process.exit(0))
      .catch((e) => {
        logger.error({ err: e }, 'shutdown failed');
        process.exit(1);
      });
  };
  const onSignal = (signal: string) => {
    // A signal often comes twice: Ctrl-C reaches every process in the terminal's group, and
    // npm and tsx pass theirs on too. A second one must not kill the shutdown under way
    // (Node's default once no handler is left), which would skip closing the database.
    if (requested) {
      logger.info({ signal }, 'signal received; already shutting down');
      return;
    }
    logger.info({ signal }, 'signal received');
    requested = true;
    // Every step of the shutdown has its own limit; this one is for the step that has none.
    setTimeout(() => {
      logger.error({ ms: SHUTDOWN_LIMIT_MS }, 'shutdown did not finish in time; exiting');
      process.exit(1);
    }, SHUTDOWN_LIMIT_MS).unref();
    stop();
  };
  process.on('SIGTERM', () => onSignal('SIGTERM'));
  process.on('SIGINT', () => onSignal('SIGINT'));
  return {
    started(r) {
      running = r;
      if (requested) stop();
    },
  };
}
