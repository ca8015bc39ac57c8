// `/reap settings`: what ORSE admins may change without a deploy. Each job's schedule (a
// cron expression stored in JobSchedule; the running schedulers reload through
// jobs/schedule's scheduleChanges), the REDI network's channel and the days before a
// deadline on which reminders go out (AppSetting rows).
//
// Everything is checked before anything is written: an invalid cron, an unreadable list of
// days or a malformed channel leaves every setting as it was and comes back as per-field
// problems the modal shows under the right input.
import { JOB_NAMES, type Config, type JobName } from '../config.js';
import type { Prisma as PrismaNS } from '../generated/prisma/client.js';
import { checkCron } from '../jobs/schedule/cron-expression.js';
import { resolveSchedules, type ScheduleSource } from '../jobs/schedule/effective-schedule.js';
import { nextFireAfter } from '../jobs/schedule/fire-times.js';
import { cadenceProblem, isInternalJob, MAX_GAP_DAYS } from '../jobs/schedule/cadence.js';
import { clearJobSchedule, ScheduleRejectedError, setJobSchedule } from '../jobs/schedule/set-job-schedule.js';
import type { Actor } from '../domain/permissions.js';
import { DEFAULT_REMINDER_RULES, MAX_OFFSET_DAYS } from '../domain/reminders.js';
import { writeAudit } from './audit.js';
import { requireOrseAdmin } from './authz.js';
import { parseRediChannelSetting, REDI_CHANNEL_SETTING } from './digests.js';
import { invalidFields, type FieldProblem, type MessageKey, type MessageParams } from './errors.js';
import { REMINDER_SETTING_KEYS } from './reminder-settings.js';
import { TX_OPTIONS, type ServiceContext } from './service-context.js';

/**
 * AppSetting keys and the shape of their JSON values, as the jobs that read them expect
 * (services/digests.ts for the REDI channel, services/reminder-settings.ts for the days).
 */
export const SETTING_KEYS = {
  /** JSON string: the channel id the REDI digest and shared practices go to. */
  rediChannelId: REDI_CHANNEL_SETTING,
  /** JSON array of whole days before a due date, largest first, e.g. [7, 1]. */
  reminderOffsetDays: REMINDER_SETTING_KEYS.offsetDays,
} as const;

/** What the deadline reminders use when no admin has set reminders.offsetDays. */
export const DEFAULT_REMINDER_OFFSET_DAYS: readonly number[] = [...DEFAULT_REMINDER_RULES.offsetDays].sort((a, b) => b - a);
export const MAX_REMINDER_OFFSETS = 5;
export const MAX_REMINDER_OFFSET_DAY = MAX_OFFSET_DAYS;

/**
 * Message keys of settings problems, translated by slack/i18n/catalogs/settings.ts; not in
 * domain/messages.ts yet (see the report on issue 5).
 */
export const SETTINGS_MESSAGE_KEYS = [
  'settings.errors.cronEmpty', // params: job
  'settings.errors.cronFieldCount', // params: expression, count
  'settings.errors.cronInvalid', // params: expression
  'settings.errors.unknownJob', // params: job
  'settings.errors.internalJob', // params: job (outbox, briefings: not changed from Slack)
  'settings.errors.cronRare', // params: expression, from, next (YYYY-MM-DD, City time), days
  'settings.errors.cronNever', // params: expression, from, days
  'settings.errors.offsets', // params: value, max, count
  'settings.errors.channel', // params: channelId
] as const;
export type SettingsMessageKey = (typeof SETTINGS_MESSAGE_KEYS)[number];

const problem = (field: string, key: SettingsMessageKey, params: MessageParams = {}): FieldProblem => ({
  field,
  messageKey: key as unknown as MessageKey,
  params,
});

/** The field name of a job's cron in problems: `cron:<job>`. */
export const cronField = (job: JobName): string => `cron:${job}`;
export const REDI_CHANNEL_FIELD = 'rediChannelId';
export const OFFSETS_FIELD = 'reminderOffsetDays';

/** What the service needs beyond ServiceContext: the environment's cron overrides. */
export type SettingsContext = ServiceContext & { config: Pick<Config, 'timeZone' | 'cronOverrides'> };

export interface JobSettingView {
  job: JobName;
  cron: string;
  source: ScheduleSource;
  /** Who stored the database setting (their name, else their Slack id), when it is one. */
  updatedBy: string | null;
  enabled: boolean;
  /** Null when paused. */
  nextFire: Date | null;
  /** The next three runs (empty when paused), for the form to show in City time. */
  nextFires: Date[];
  /** Housekeeping every message depends on: shown, never changed from Slack. */
  internal: boolean;
  warnings: string[];
}

export interface SettingsView {
  timeZone: string;
  jobs: JobSettingView[];
  rediChannelId: string | null;
  reminderOffsetDays: number[];
  /** False when reminderOffsetDays is the built-in default. */
  reminderOffsetsSet: boolean;
}

type Db = ServiceContext['prisma'];

async function readSetting(db: Db, key: string): Promise<PrismaNS.JsonValue | undefined> {
  const row = await db.appSetting.findUnique({ where: { key } });
  return row?.value;
}

/** The REDI channel an admin chose, or null. For the REDI jobs and listeners. */
export async function getRediChannelId(db: Db): Promise<string | null> {
  return parseRediChannelSetting(await readSetting(db, SETTING_KEYS.rediChannelId));
}

/** Days before a due date on which reminders go out, largest first. For the reminder jobs. */
export async function getReminderOffsetDays(db: Db): Promise<number[]> {
  return offsetsFromJson(await readSetting(db, SETTING_KEYS.reminderOffsetDays)) ?? [...DEFAULT_REMINDER_OFFSET_DAYS];
}

function offsetsFromJson(v: PrismaNS.JsonValue | undefined): number[] | null {
  if (!Array.isArray(v) || v.length === 0) return null;
  const days = v.filter((d): d is number => typeof d === 'number' && Number.isInteger(d) && d >= 0 && d <= MAX_REMINDER_OFFSET_DAY);
  return days.length ? [...new Set(days)].sort((a, b) => b - a) : null;
}

/** "7, 1" or "7 1" → [7, 1]; null when it is not a short list of whole days. Empty → []. */
export function parseOffsetDays(text: string): number[] | null {
  const parts = text.split(/[\s,;]+/).filter((p) => p !== '');
  if (parts.length === 0) return [];
  if (parts.length > MAX_REMINDER_OFFSETS || parts.some((p) => !/^\d{1,3}$/.test(p))) return null;
  const days = parts.map(Number);
  if (days.some((d) => d > MAX_REMINDER_OFFSET_DAY)) return null;
  return [...new Set(days)].sort((a, b) => b - a);
}

export async function loadSettings(ctx: SettingsContext, actor: Actor): Promise<SettingsView> {
  await requireOrseAdmin(ctx, actor, { action: 'settings.view', entityType: 'settings', entityId: 'app' });
  return readSettings(ctx);
}

async function readSettings(ctx: SettingsContext): Promise<SettingsView> {
  const now = ctx.now();
  const [schedules, stored, settings] = await Promise.all([
    resolveSchedules(ctx.prisma, ctx.config as Config),
    ctx.prisma.jobSchedule.findMany({ select: { job: true, updatedBy: true } }),
    ctx.prisma.appSetting.findMany({ where: { key: { in: Object.values(SETTING_KEYS) } } }),
  ]);
  // Who set a schedule, by name: the modal's hints are plain text, where a mention shows as an id.
  const setters = [...new Set(stored.map((s) => s.updatedBy).filter((u): u is string => !!u))];
  const names = setters.length
    ? new Map(
        (await ctx.prisma.member.findMany({ where: { slackUserId: { in: setters } }, select: { slackUserId: true, name: true } })).map((m) => [
          m.slackUserId,
          m.name,
        ]),
      )
    : new Map<string, string>();
  const by = new Map(stored.map((s) => [s.job, s.updatedBy ? (names.get(s.updatedBy) ?? s.updatedBy) : null]));
  const value = (key: string) => settings.find((s) => s.key === key)?.value;
  const rediChannelId = parseRediChannelSetting(value(SETTING_KEYS.rediChannelId));
  const offsets = offsetsFromJson(value(SETTING_KEYS.reminderOffsetDays));
  return {
    timeZone: ctx.config.timeZone,
    jobs: schedules.map((s) => ({
      job: s.job,
      cron: s.cron.expression,
      source: s.source,
      updatedBy: s.source === 'setting' ? (by.get(s.job) ?? null) : null,
      enabled: s.enabled,
      nextFire: s.enabled ? nextFireAfter(s.cron, ctx.config.timeZone, now) : null,
      nextFires: s.enabled ? nextFires(s.cron, ctx.config.timeZone, now, 3) : [],
      internal: isInternalJob(s.job),
      warnings: s.warnings,
    })),
    rediChannelId,
    reminderOffsetDays: offsets ?? [...DEFAULT_REMINDER_OFFSET_DAYS],
    reminderOffsetsSet: offsets !== null,
  };
}

export interface SettingsInput {
  /** The text of each job's cron input; a job left out is not changed, an empty text clears the database setting. */
  crons: Partial<Record<string, string | null>>;
  /** Absent: unchanged; null: cleared. */
  rediChannelId?: string | null;
  /** Absent: unchanged; "" goes back to the default. */
  reminderOffsetDays?: string | null;
}

export type SettingsChange =
  | { kind: 'cron'; job: JobName; before: string; after: string | null }
  | { kind: 'rediChannel'; before: string | null; after: string | null }
  | { kind: 'reminderOffsets'; before: number[]; after: number[] | null };

const normalize = (cron: string) => cron.trim().replace(/\s+/g, ' ');

function nextFires(cron: Parameters<typeof nextFireAfter>[0], zone: string, now: Date, count: number): Date[] {
  const out: Date[] = [];
  let after = now;
  for (let i = 0; i < count; i++) out.push((after = nextFireAfter(cron, zone, after)));
  return out;
}

/**
 * The translated form of a refusal from checkCron / setJobSchedule, for one job's input;
 * given the City's zone and the time, also a schedule that would run less than monthly.
 */
export function cronProblem(job: JobName, raw: string, when?: { zone: string; now: Date }): FieldProblem | null {
  const expression = normalize(raw);
  if (expression === '') return problem(cronField(job), 'settings.errors.cronEmpty', { job });
  const checked = checkCron(expression);
  if (checked.ok) {
    const rare = when ? cadenceProblem(job, checked.compiled, when.zone, when.now) : null;
    if (rare?.kind !== 'rare') return null;
    return rare.next
      ? problem(cronField(job), 'settings.errors.cronRare', { expression, from: rare.from, next: rare.next, days: MAX_GAP_DAYS })
      : problem(cronField(job), 'settings.errors.cronNever', { expression, from: rare.from, days: MAX_GAP_DAYS });
  }
  const count = expression.split(' ').length;
  if (count !== 5 && count !== 6) return problem(cronField(job), 'settings.errors.cronFieldCount', { expression, count });
  return problem(cronField(job), 'settings.errors.cronInvalid', { expression });
}

/** setJobSchedule's refusal in catalog terms: the reason, the expression, how to write one. */
export function scheduleRejection(job: JobName, expression: string, e: ScheduleRejectedError): FieldProblem {
  if (e.reason === 'unknown_job') return problem(cronField(job), 'settings.errors.unknownJob', { job });
  return cronProblem(job, expression) ?? problem(cronField(job), 'settings.errors.cronInvalid', { expression: normalize(expression) });
}

/**
 * Saves what changed and returns the changes, with the settings as they now are. Nothing
 * is written when any field is refused.
 */
export async function saveSettings(ctx: SettingsContext, actor: Actor, input: SettingsInput): Promise<{ changes: SettingsChange[]; settings: SettingsView }> {
  await requireOrseAdmin(ctx, actor, { action: 'settings.save', entityType: 'settings', entityId: 'app' });
  const current = await readSettings(ctx);
  const problems: FieldProblem[] = [];

  const cronChanges: { job: JobName; before: string; after: string | null }[] = [];
  for (const [job, raw] of Object.entries(input.crons)) {
    if (!(JOB_NAMES as readonly string[]).includes(job)) {
      problems.push(problem(`cron:${job}`, 'settings.errors.unknownJob', { job }));
      continue;
    }
    const name = job as JobName;
    const shown = current.jobs.find((j) => j.job === name)!;
    const text = normalize(raw ?? '');
    if (shown.internal) {
      // The form has no input for these; a crafted payload still gets a clear refusal.
      if (text !== '' && text !== shown.cron) problems.push(problem(cronField(name), 'settings.errors.internalJob', { job: name }));
      continue;
    }
    if (text === '') {
      // Empty: back to REAP_CRON_<JOB> or the default; nothing to do unless a setting is stored.
      if (shown.source === 'setting') cronChanges.push({ job: name, before: shown.cron, after: null });
      continue;
    }
    if (text === shown.cron) continue;
    const refused = cronProblem(name, text, { zone: ctx.config.timeZone, now: ctx.now() });
    if (refused) problems.push(refused);
    else cronChanges.push({ job: name, before: shown.cron, after: text });
  }

  type AppChange = Exclude<SettingsChange, { kind: 'cron' }>;
  let redi: AppChange | null = null;
  if (input.rediChannelId !== undefined) {
    const next = input.rediChannelId?.trim() || null;
    if (next !== null && !/^[CG][A-Z0-9]{2,}$/.test(next)) problems.push(problem(REDI_CHANNEL_FIELD, 'settings.errors.channel', { channelId: next }));
    else if (next !== current.rediChannelId) redi = { kind: 'rediChannel', before: current.rediChannelId, after: next };
  }

  let offsets: AppChange | null = null;
  if (input.reminderOffsetDays !== undefined && input.reminderOffsetDays !== null) {
    const parsed = parseOffsetDays(input.reminderOffsetDays);
    if (parsed === null) {
      problems.push(
        problem(OFFSETS_FIELD, 'settings.errors.offsets', {
          value: input.reminderOffsetDays.trim(),
          max: MAX_REMINDER_OFFSET_DAY,
          count: MAX_REMINDER_OFFSETS,
        }),
      );
    } else if (parsed.length === 0) {
      if (current.reminderOffsetsSet) offsets = { kind: 'reminderOffsets', before: current.reminderOffsetDays, after: null };
    } else if (!current.reminderOffsetsSet || parsed.join(',') !== current.reminderOffsetDays.join(',')) {
      offsets = { kind: 'reminderOffsets', before: current.reminderOffsetDays, after: parsed };
    }
  }

  if (problems.length) throw invalidFields(problems);

  const changes: SettingsChange[] = [];
  for (const c of cronChanges) {
    try {
      // setJobSchedule checks again, writes, audits and tells this process's schedulers.
      if (c.after === null) await clearJobSchedule(ctx.prisma, c.job, actor.slackUserId);
      else await setJobSchedule(ctx.prisma, c.job, c.after, actor.slackUserId);
      changes.push({ kind: 'cron', ...c });
    } catch (e) {
      if (!(e instanceof ScheduleRejectedError)) throw e;
      // Only reachable if setJobSchedule's rules and checkCron's part ways: its refusal,
      // translated, still goes under the job's input (earlier jobs of this save are kept).
      throw invalidFields([scheduleRejection(c.job, c.after ?? '', e)]);
    }
  }

  const appChanges = [redi, offsets].filter((c): c is AppChange => c !== null);
  if (appChanges.length) {
    await ctx.prisma.$transaction(async (tx) => {
      for (const c of appChanges) {
        const key = c.kind === 'rediChannel' ? SETTING_KEYS.rediChannelId : SETTING_KEYS.reminderOffsetDays;
        if (c.after === null) await tx.appSetting.deleteMany({ where: { key } });
        else {
          const value = c.after as PrismaNS.InputJsonValue;
          await tx.appSetting.upsert({ where: { key }, create: { key, value, updatedBy: actor.slackUserId }, update: { value, updatedBy: actor.slackUserId } });
        }
        await writeAudit(tx, { actor: actor.slackUserId, action: 'setting.set', entityType: 'appSetting', entityId: key, before: c.before, after: c.after });
        changes.push(c);
      }
    }, TX_OPTIONS);
  }
  return { changes, settings: changes.length ? await readSettings(ctx) : current };
}
