// Every environment variable the app reads, parsed once. Nothing else reads process.env.
import { z } from 'zod';

export const JOB_NAMES = [
  'deadline-reminders',
  'update-prompts',
  'weekly-digest',
  'redi-digest',
  'briefing-reminder',
  'briefings',
  'outbox',
  'canvas-sync',
  'period-snapshots',
] as const;
export type JobName = (typeof JOB_NAMES)[number];

/** `weekly-digest` → `REAP_CRON_WEEKLY_DIGEST` */
export function cronEnvName(job: JobName): string {
  return `REAP_CRON_${job.toUpperCase().replace(/-/g, '_')}`;
}

const slackId = (prefix: string) => z.string().regex(new RegExp(`^${prefix}[A-Z0-9]{2,}$`), `a Slack id starting with ${prefix}`);

const optionalNonEmpty = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export type DatabaseTarget =
  // dataDir null = in memory; fromDump = a new database starts from a PGlite.dumpDataDir() tarball
  { kind: 'pglite'; dataDir: string | null; fromDump?: string } | { kind: 'postgres'; url: string };

export function parseDatabaseUrl(raw: string | undefined): DatabaseTarget {
  if (raw === undefined || raw.trim() === '') return { kind: 'pglite', dataDir: './data' };
  const value = raw.trim();
  if (value === 'pglite:memory') return { kind: 'pglite', dataDir: null };
  if (value.startsWith('pglite:')) {
    const dir = value.slice('pglite:'.length);
    if (dir === '') throw new Error('a directory after pglite:, e.g. pglite:./data, or pglite:memory');
    return { kind: 'pglite', dataDir: dir };
  }
  if (/^postgres(ql)?:\/\//.test(value)) {
    try {
      new URL(value);
    } catch {
      throw new Error('a valid postgres://user@host:port/db URL');
    }
    return { kind: 'postgres', url: value };
  }
  throw new Error('unset, pglite:<dir>, pglite:memory or postgres://user@host:port/db');
}

const schema = z.object({
  SLACK_BOT_TOKEN: optionalNonEmpty.pipe(
    z
      .string()
      .regex(/^xoxb-/, 'a bot token starting with xoxb-')
      .optional(),
  ),
  SLACK_SIGNING_SECRET: optionalNonEmpty,
  SLACK_APP_TOKEN: optionalNonEmpty.pipe(
    z
      .string()
      .regex(/^xapp-/, 'an app-level token starting with xapp-')
      .optional(),
  ),
  SLACK_API_URL: optionalNonEmpty.pipe(
    z
      .string()
      .url('an http(s) URL ending in /api/, e.g. https://slack.com/api/')
      .transform((u) => (u.endsWith('/') ? u : `${u}/`))
      .optional(),
  ),
  PORT: z.coerce.number().int('a whole number').min(0).max(65535, 'a port number 0-65535').default(3000),
  HOST: optionalNonEmpty,
  DATABASE_URL: z
    .string()
    .optional()
    .transform((v, ctx) => {
      try {
        return parseDatabaseUrl(v);
      } catch (e) {
        ctx.addIssue({ code: 'custom', message: (e as Error).message });
        return z.NEVER;
      }
    }),
  REAP_TIMEZONE: z.string().default('America/Los_Angeles').refine(isValidTimeZone, 'an IANA time zone such as America/Los_Angeles'),
  REAP_ADMIN_USER_IDS: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(slackId('[UW]'))),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // Seeds demo data on start when the database is empty (the sandbox always does).
  REAP_SEED_DEMO: z
    .enum(['true', 'false', '1', '0', ''])
    .default('')
    .transform((v) => v === 'true' || v === '1'),
  // Lets the sandbox run on a PostgreSQL server or a database that served real Slack.
  REAP_SANDBOX_ALLOW_DATABASE: z
    .enum(['true', 'false', '1', '0', ''])
    .default('')
    .transform((v) => v === 'true' || v === '1'),
  ...Object.fromEntries(JOB_NAMES.map((job) => [cronEnvName(job), optionalNonEmpty])),
});

export type SlackMode = 'http' | 'socket' | 'sandbox';

export interface Config {
  slack: {
    botToken?: string;
    signingSecret?: string;
    appToken?: string;
    apiUrl?: string;
  };
  /** http when token + signing secret are set, socket when an app token is set, sandbox when none. */
  slackMode: SlackMode;
  port: number;
  host?: string;
  database: DatabaseTarget;
  timeZone: string;
  adminUserIds: string[];
  logLevel: string;
  seedDemo: boolean;
  /** REAP_SANDBOX_ALLOW_DATABASE: the sandbox may use a database it would otherwise refuse. */
  sandboxAllowDatabase: boolean;
  cronOverrides: Partial<Record<JobName, string>>;
}

export class ConfigError extends Error {}

/** Parses the environment; throws ConfigError whose message is one line naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = schema.safeParse(env);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const name = String(issue.path[0] ?? 'environment');
    const got = env[name];
    throw new ConfigError(`${name} is invalid: expected ${issue.message}${got !== undefined ? ` (got "${redactIfSecret(name, got)}")` : ''}`);
  }
  const e = result.data as z.infer<typeof schema> & Record<string, string | undefined>;
  const slack = {
    botToken: e.SLACK_BOT_TOKEN,
    signingSecret: e.SLACK_SIGNING_SECRET,
    appToken: e.SLACK_APP_TOKEN,
    apiUrl: e.SLACK_API_URL,
  };
  let slackMode: SlackMode = 'sandbox';
  if (slack.botToken && slack.appToken) slackMode = 'socket';
  else if (slack.botToken && slack.signingSecret) slackMode = 'http';
  else if (slack.botToken || slack.signingSecret || slack.appToken) {
    const missing = !slack.botToken ? 'SLACK_BOT_TOKEN' : 'SLACK_SIGNING_SECRET (HTTP mode) or SLACK_APP_TOKEN (Socket Mode)';
    throw new ConfigError(`${missing} is missing: set it too, or unset all SLACK_* variables to run the local sandbox`);
  }
  const cronOverrides: Partial<Record<JobName, string>> = {};
  for (const job of JOB_NAMES) {
    const v = e[cronEnvName(job)];
    if (v) cronOverrides[job] = v;
  }
  return {
    slack,
    slackMode,
    port: e.PORT,
    host: e.HOST,
    database: e.DATABASE_URL,
    timeZone: e.REAP_TIMEZONE,
    adminUserIds: e.REAP_ADMIN_USER_IDS,
    logLevel: e.LOG_LEVEL,
    seedDemo: e.REAP_SEED_DEMO,
    sandboxAllowDatabase: e.REAP_SANDBOX_ALLOW_DATABASE,
    cronOverrides,
  };
}

function redactIfSecret(name: string, value: string): string {
  if (/TOKEN|SECRET/.test(name)) return value.length > 6 ? `${value.slice(0, 5)}…` : '…';
  if (name === 'DATABASE_URL') return value.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
  return value.length > 80 ? `${value.slice(0, 80)}…` : value;
}
