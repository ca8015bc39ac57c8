// One REAP Tracker instance as a separate process, for the multi-instance and kill tests:
// database, scheduler and outbox dispatcher as in production, with test jobs.
//
//   JOBS_TEST_INSTANCE  instance id
//   JOBS_TEST_MODE      "ticker" (see tickerRegistry) or "fanout" (fanoutRegistry)
//   JOBS_TEST_FANOUT    recipients of the fan-out; JOBS_TEST_RUN_FANOUT=1 runs it at start
// Prints "ready" when the scheduler runs; stops cleanly on SIGTERM.
import { loadConfig } from '../../../../src/config.js';
import { openDatabase } from '../../../../src/db/client.js';
import { migrate } from '../../../../src/db/migrate.js';
import { createDispatcherClient } from '../../../../src/jobs/slack-client.js';
import { startScheduler } from '../../../../src/jobs/start-scheduler.js';
import { createLogger } from '../../../../src/logger.js';
import { createAppContext } from '../../../../src/services/app-context.js';
import { FAST_CLIENT_TIMEOUT_MS, FAST_RECOVERY, fanoutRegistry, tickerRegistry } from './test-jobs.js';

const instanceId = process.env.JOBS_TEST_INSTANCE ?? 'child';
const config = loadConfig();
const logger = createLogger(process.env.TEST_LOG_LEVEL ?? 'silent').child({ instanceId });
const db = await openDatabase(config.database);
await migrate(db);
const ctx = createAppContext(config, db, logger);
const registry = process.env.JOBS_TEST_MODE === 'fanout' ? fanoutRegistry(Number(process.env.JOBS_TEST_FANOUT ?? '100')) : tickerRegistry(instanceId);

const client = createDispatcherClient(config.slack.botToken!, { apiUrl: config.slack.apiUrl, timeoutMs: FAST_CLIENT_TIMEOUT_MS });
const jobs = await startScheduler(ctx, { instanceId, registry, client, ...FAST_RECOVERY });
if (process.env.JOBS_TEST_RUN_FANOUT === '1') await jobs.runNow('weekly-digest');
process.stdout.write('ready\n');

process.once('SIGTERM', () => {
  void (async () => {
    await jobs.stop();
    await db.close();
    process.exit(0);
  })();
});
