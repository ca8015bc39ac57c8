// Cron expressions as REAP Tracker accepts them: node-cron syntax with 5 fields
// (minute hour day-of-month month day-of-week) or 6 (a leading seconds field). node-cron
// also takes nicknames such as "@daily"; we refuse them so every schedule an admin sees
// reads the same way and the field count check stays meaningful.
import cron from 'node-cron';

export interface CompiledCron {
  /** The expression as given, trimmed, single-spaced. */
  expression: string;
  seconds: number[];
  minutes: number[];
  hours: number[];
  /** Numbers, or node-cron's tokens: L, L-n, nW, LW. */
  daysOfMonth: (number | string)[];
  months: number[];
  /** 0 = Sunday; or node-cron's tokens: d#n, dL. */
  daysOfWeek: (number | string)[];
  /**
   * True when the hour field is a wildcard ("*" or "* /n"): the job repeats through the day,
   * so across DST it follows real time (Vixie cron's rule for "wildcard" jobs). Fixed-hour
   * jobs instead fire once per wall-clock time, see fire-times.ts.
   */
  followsRealTime: boolean;
}

export type CronCheck = { ok: true; compiled: CompiledCron } | { ok: false; message: string };

export const CRON_HELP =
  'a cron expression with 5 fields (minute hour day-of-month month day-of-week) or 6 (seconds first), e.g. "0 8 * * 1" for Mondays at 08:00';

/** Validates with node-cron plus our own 5-or-6-field rule; the message says what is wrong in plain words. */
export function checkCron(raw: string): CronCheck {
  const expression = raw.trim().replace(/\s+/g, ' ');
  if (expression === '') return { ok: false, message: `the schedule is empty; expected ${CRON_HELP}` };
  const fields = expression.split(' ');
  if (fields.length !== 5 && fields.length !== 6) {
    return {
      ok: false,
      message: `"${expression}" has ${fields.length} field${fields.length === 1 ? '' : 's'}; expected ${CRON_HELP}`,
    };
  }
  // validate() is the documented check; validateDetailed() says which field is wrong.
  const detailed = cron.validateDetailed(expression);
  if (!cron.validate(expression) || !detailed.valid || !detailed.fields) {
    const why = detailed.errors.map((e) => e.message.replace(' is a invalid ', ' is not a valid ')).join('; ');
    return { ok: false, message: `"${expression}" is not a valid schedule (${why || 'rejected by node-cron'}); expected ${CRON_HELP}` };
  }
  const f = detailed.fields;
  const hourField = fields.length === 6 ? fields[2]! : fields[1]!;
  return {
    ok: true,
    compiled: {
      expression,
      seconds: [...f.second].sort((a, b) => a - b),
      minutes: [...f.minute].sort((a, b) => a - b),
      hours: [...f.hour].sort((a, b) => a - b),
      daysOfMonth: f.dayOfMonth,
      months: f.month,
      daysOfWeek: f.dayOfWeek,
      followsRealTime: hourField.startsWith('*'),
    },
  };
}

export class InvalidCronError extends Error {}

export function compileCron(raw: string): CompiledCron {
  const checked = checkCron(raw);
  if (!checked.ok) throw new InvalidCronError(checked.message);
  return checked.compiled;
}
