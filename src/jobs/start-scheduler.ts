// Wiring for src/server.ts: the scheduler, run coordinator and outbox dispatcher of one
// instance.
//
//   const jobs = await startScheduler(ctx, { client: createDispatcherClient(botToken, { apiUrl }) });
//   …
//   await jobs.stop();   // before closing the database
import crypto from 'node:crypto';
import os from 'node:os';
import type { WebClient } from '@slack/web-api';
import type { JobName } from '../config.js';
import type { AppContext } from '../services/app-context.js';
import { registerComposers } from './composers/index.js';
import { OutboxDispatcher, type DispatcherOptions } from './outbox/dispatcher.js';
import { outboxJob } from './outbox/outbox-job.js';
import { defaultRegistry, type JobRegistry } from './registry.js';
import { RunCoordinator, type RunOutcome } from './run-coordinator.js';
import { assertValidCronOverrides } from './schedule/effective-schedule.js';
import { Scheduler, type ScheduledJobView, type SchedulerOptions } from './scheduler.js';
import { createDispatcherClient } from './slack-client.js';

export interface StartSchedulerOptions {
  /** For the outbox; createDispatcherClient(token) when omitted (needs SLACK_BOT_TOKEN). */
  client?: WebClient;
  /** Names this process in JobRun and outbox locks; host:pid:random by default. */
  instanceId?: string;
  /** Job handlers; the default registry plus registerComposers() when omitted. */
  registry?: JobRegistry;
  dispatcher?: Partial<Omit<DispatcherOptions, 'prisma' | 'client' | 'instanceId' | 'logger'>>;
  scheduler?: Partial<Omit<SchedulerOptions, 'ctx' | 'coordinator'>>;
  leaseMs?: Partial<Record<JobName, number>>;
}

export interface RunningScheduler {
  instanceId: string;
  scheduler: Scheduler;
  dispatcher: OutboxDispatcher | null;
  /** Runs a job now, recorded with manual=true. */
  runNow(job: JobName): Promise<RunOutcome>;
  reload(): Promise<void>;
  list(): ScheduledJobView[];
  stop(): Promise<void>;
}

export function defaultInstanceId(): string {
  return `${os.hostname()}:${process.pid}:${crypto.randomBytes(3).toString('hex')}`.slice(0, 100);
}

/** The registry a process should use: handlers registered with registerJob plus the composers. */
export function createJobRegistry(): JobRegistry {
  const registry = defaultRegistry.clone();
  registerComposers(registry);
  return registry;
}

export function createOutboxDispatcher(
  ctx: AppContext,
  client: WebClient,
  instanceId: string,
  options: StartSchedulerOptions['dispatcher'] = {},
): OutboxDispatcher {
  return new OutboxDispatcher({
    prisma: ctx.prisma,
    client,
    instanceId,
    logger: ctx.logger.child({ component: 'outbox' }),
    now: ctx.now,
    ...options,
  });
}

export async function startScheduler(ctx: AppContext, options: StartSchedulerOptions = {}): Promise<RunningScheduler> {
  assertValidCronOverrides(ctx.config);
  const instanceId = options.instanceId ?? defaultInstanceId();
  const registry = (options.registry ?? createJobRegistry()).clone();
  const token = ctx.config.slack.botToken;
  const client = options.client ?? (token ? createDispatcherClient(token, { apiUrl: ctx.config.slack.apiUrl, logger: ctx.logger }) : null);
  let dispatcher: OutboxDispatcher | null = null;
  if (!registry.has('outbox')) {
    if (client) {
      dispatcher = createOutboxDispatcher(ctx, client, instanceId, options.dispatcher);
      registry.register('outbox', outboxJob(dispatcher));
    } else {
      ctx.logger.warn('no Slack client and no SLACK_BOT_TOKEN: the outbox job will not send anything');
      registry.register('outbox', async () => ({ detail: 'no Slack client: nothing sent' }));
    }
  }
  const coordinator = new RunCoordinator({ ctx, registry, instanceId, leaseMs: options.leaseMs });
  const scheduler = new Scheduler({ ctx, coordinator, ...options.scheduler });
  await scheduler.start();
  return {
    instanceId,
    scheduler,
    dispatcher,
    runNow: (job) => coordinator.runManually(job),
    reload: () => scheduler.reload(),
    list: () => scheduler.list(),
    stop: () => scheduler.stop(),
  };
}
