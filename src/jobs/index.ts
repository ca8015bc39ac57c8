// Public API of the scheduling and delivery backbone.
//
// For wiring (server.ts, CLI): startScheduler, createDispatcherClient, registerJobsCommand
// (in src/cli/jobs-command.ts).
// For job authors: registerJob / JobRegistry, JobRunContext (ctx, fireTime, period helpers,
// enqueue), outboxKey, OutboxMessageInput.
// For settings screens: setJobSchedule, setJobEnabled, clearJobSchedule, jobsOverview.
export { startScheduler, createJobRegistry, createOutboxDispatcher, defaultInstanceId } from './start-scheduler.js';
export type { RunningScheduler, StartSchedulerOptions } from './start-scheduler.js';
export { createDispatcherClient } from './slack-client.js';
export { registerJob, defaultRegistry, JobRegistry } from './registry.js';
export type { JobHandler, JobResult, JobRunContext, RegisteredJob } from './registry.js';
export type { PeriodHelpers } from './period.js';
export { enqueueOutbox, outboxKey } from './outbox/enqueue.js';
export type { EnqueueResult, OutboxMessageInput, OutboxPayload, OutboxWriter } from './outbox/enqueue.js';
export { OutboxDispatcher, OUTBOX_METADATA_EVENT } from './outbox/dispatcher.js';
export type { DispatchStats, DispatcherOptions } from './outbox/dispatcher.js';
export { RunCoordinator } from './run-coordinator.js';
export type { RunOutcome, FireSource } from './run-coordinator.js';
export { Scheduler } from './scheduler.js';
export { setJobSchedule, setJobEnabled, clearJobSchedule, ScheduleRejectedError, scheduleChanges } from './schedule/set-job-schedule.js';
export { checkCron, CRON_HELP } from './schedule/cron-expression.js';
export { JOB_DEFAULTS } from './schedule/defaults.js';
export { resolveSchedules, assertValidCronOverrides } from './schedule/effective-schedule.js';
export type { EffectiveSchedule, ScheduleSource } from './schedule/effective-schedule.js';
export { nextFireAfter, latestFireBetween, firesBetween } from './schedule/fire-times.js';
export { jobsOverview, formatJobsTable } from './jobs-overview.js';
