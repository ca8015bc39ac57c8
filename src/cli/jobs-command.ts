// `reap jobs list` and `reap jobs run <job>`: what is scheduled, and running a job by hand.
import { InvalidArgumentError, type Command } from 'commander';
import { JOB_NAMES, type JobName } from '../config.js';
import { createAppContext } from '../services/app-context.js';
import { jobsOverview, formatJobsTable } from '../jobs/jobs-overview.js';
import { outboxJob } from '../jobs/outbox/outbox-job.js';
import { RunCoordinator } from '../jobs/run-coordinator.js';
import { isJobName } from '../jobs/schedule/defaults.js';
import { assertValidCronOverrides } from '../jobs/schedule/effective-schedule.js';
import { createJobRegistry, createOutboxDispatcher, defaultInstanceId } from '../jobs/start-scheduler.js';
import { createDispatcherClient } from '../jobs/slack-client.js';
import { withCliContext } from './context.js';

export function parseJobName(value: string): JobName {
  if (!isJobName(value)) throw new InvalidArgumentError(`unknown job "${value}". Valid jobs: ${JOB_NAMES.join(', ')}.`);
  return value;
}

export function registerJobsCommand(program: Command): void {
  const jobs = program.command('jobs').description('scheduled jobs: reminders, digests, briefings and the outbox');

  jobs
    .command('list')
    .description("each job's schedule, where it comes from, its next fire and its last run")
    .action(async () => {
      await withCliContext(async ({ config, db, logger }) => {
        const ctx = createAppContext(config, db, logger);
        const rows = await jobsOverview(ctx.prisma, config, createJobRegistry(), ctx.now());
        console.log(formatJobsTable(rows, config.timeZone));
      });
    });

  jobs
    .command('run')
    .description('run a job now (recorded as a manual run); the outbox job needs SLACK_BOT_TOKEN')
    .argument('<job>', `one of: ${JOB_NAMES.join(', ')}`, parseJobName)
    .action(async (job: JobName) => {
      await withCliContext(async ({ config, db, logger }) => {
        assertValidCronOverrides(config);
        const ctx = createAppContext(config, db, logger);
        const instanceId = `cli:${defaultInstanceId()}`;
        const registry = createJobRegistry();
        if (job === 'outbox' && !registry.has('outbox')) {
          const token = config.slack.botToken;
          if (!token) {
            console.error('reap: the outbox job sends to Slack: set SLACK_BOT_TOKEN (and SLACK_API_URL for a test Slack).');
            process.exitCode = 1;
            return;
          }
          const client = createDispatcherClient(token, { apiUrl: config.slack.apiUrl, logger });
          registry.register('outbox', outboxJob(createOutboxDispatcher(ctx, client, instanceId)));
        }
        const outcome = await new RunCoordinator({ ctx, registry, instanceId }).runManually(job);
        switch (outcome.outcome) {
          case 'succeeded':
            console.log(`${job}: done (run ${outcome.runId})${outcome.detail ? `: ${outcome.detail}` : ''}`);
            break;
          case 'failed':
            console.error(`${job}: failed (run ${outcome.runId}): ${outcome.error}`);
            process.exitCode = 1;
            break;
          case 'not-claimed':
            console.error(`${job}: not run: ${outcome.reason}; try again in a second`);
            process.exitCode = 1;
            break;
          case 'lost-lease':
            console.error(`${job}: finished, but another instance took the run over meanwhile (run ${outcome.runId})`);
            process.exitCode = 1;
            break;
        }
      });
    });
}
