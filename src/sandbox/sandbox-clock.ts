// "Today is…" on the sandbox page: the app's clock in the sandbox, which a person can move to
// another day to try what only happens on some days (weekday-only reminders on a weekend,
// the start of a reporting period). Only the sandbox creates one; `npm start` with Slack
// credentials never does, so production always runs on the real clock.
import { DateTime } from 'luxon';
import { HttpError } from './http-json.js';

/** How far the page may move the day, either way: enough for a quarter's start or end. */
export const MAX_SHIFT_DAYS = 366;

export class SandboxClock {
  private offsetMs = 0;

  constructor(
    private readonly zone: string,
    private readonly base: () => Date = () => new Date(),
  ) {}

  /** The app's now: the real time, moved by whole days. */
  readonly now = (): Date => new Date(this.base().getTime() + this.offsetMs);

  /** What the page shows: the City's date the app believes it is, and whether that is the real one. */
  today(): { date: string; real: boolean } {
    return { date: DateTime.fromJSDate(this.now(), { zone: this.zone }).toISODate()!, real: this.offsetMs === 0 };
  }

  /** Makes it `isoDate` in the City at the same time of day; null goes back to the real day. */
  setToday(isoDate: string | null): { date: string; real: boolean } {
    if (isoDate === null || isoDate === '') {
      this.offsetMs = 0;
      return this.today();
    }
    const target = DateTime.fromISO(isoDate, { zone: this.zone });
    if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate) || !target.isValid) throw new HttpError(400, `"${isoDate}" is not a date (YYYY-MM-DD)`);
    const real = DateTime.fromJSDate(this.base(), { zone: this.zone });
    const days = Math.round(target.diff(real.startOf('day'), 'days').days);
    if (Math.abs(days) > MAX_SHIFT_DAYS) throw new HttpError(400, `choose a day within ${MAX_SHIFT_DAYS} days of today`);
    // Whole days in the City's calendar, so the time of day stays (across a DST change too).
    this.offsetMs = real.plus({ days }).toMillis() - real.toMillis();
    return this.today();
  }
}
