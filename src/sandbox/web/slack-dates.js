// Slack's date tokens (<!date^1392734382^{date_short} at {time}|fallback>) as each reader sees
// them: in their own time zone (docs.slack.dev/messaging/formatting-message-text, "Date
// formatting"). Pure functions, so the browser tests can check them directly.

const SIX_MONTHS_MS = 182.5 * 24 * 3600 * 1000;
const DAY_MS = 24 * 3600 * 1000;

/**
 * @param {Date} date
 * @param {string} timeZone
 */
function parts(date, timeZone) {
  const fmt = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    weekday: 'long',
    hour: 'numeric',
    minute: '2-digit',
    second: '2-digit',
    hour12: true,
  });
  /** @type {Record<string, string>} */
  const p = {};
  for (const part of fmt.formatToParts(date)) p[part.type] = part.value;
  const monthNumber = new Intl.DateTimeFormat('en-US', { timeZone, month: '2-digit' }).format(date);
  const dayNumber = new Intl.DateTimeFormat('en-US', { timeZone, day: '2-digit' }).format(date);
  return {
    year: p.year ?? '',
    month: p.month ?? '',
    monthShort: (p.month ?? '').slice(0, 3),
    day: Number(p.day),
    weekday: p.weekday ?? '',
    hour: p.hour ?? '',
    minute: p.minute ?? '',
    second: p.second ?? '',
    dayPeriod: p.dayPeriod ?? '',
    mm: monthNumber,
    dd: dayNumber,
  };
}

/** @param {number} n */
function ordinal(n) {
  const rem100 = n % 100;
  if (rem100 >= 11 && rem100 <= 13) return `${n}th`;
  return `${n}${{ 1: 'st', 2: 'nd', 3: 'rd' }[n % 10] ?? 'th'}`;
}

/** Calendar day number in the zone, for today/yesterday/tomorrow. @param {Date} date @param {string} timeZone */
function dayIndex(date, timeZone) {
  const p = parts(date, timeZone);
  return Math.round(Date.UTC(Number(p.year), Number(p.mm) - 1, Number(p.dd)) / DAY_MS);
}

/**
 * @param {number} unixSeconds
 * @param {string} token e.g. date_short
 * @param {string} timeZone IANA zone of the reader
 * @param {number} nowMs
 * @returns {string | undefined} undefined for a token Slack does not know
 */
export function formatDateToken(unixSeconds, token, timeZone, nowMs) {
  const date = new Date(unixSeconds * 1000);
  const p = parts(date, timeZone);
  const withinSixMonths = Math.abs(date.getTime() - nowMs) < SIX_MONTHS_MS;
  const year = withinSixMonths ? '' : `, ${p.year}`;
  const relative = () => {
    const diff = dayIndex(date, timeZone) - dayIndex(new Date(nowMs), timeZone);
    return diff === 0 ? 'today' : diff === -1 ? 'yesterday' : diff === 1 ? 'tomorrow' : undefined;
  };
  switch (token) {
    case 'date_num':
      return `${p.year}-${p.mm}-${p.dd}`;
    case 'date_slash':
      return `${p.mm}/${p.dd}/${p.year}`;
    case 'date':
      return `${p.month} ${ordinal(p.day)}${year}`;
    case 'date_short':
      return `${p.monthShort} ${p.day}${year}`;
    case 'date_long':
      return `${p.weekday}, ${p.month} ${ordinal(p.day)}${year}`;
    case 'date_long_full':
      return `${p.weekday}, ${p.month} ${ordinal(p.day)}, ${p.year}`;
    case 'date_pretty':
      return relative() ?? `${p.month} ${ordinal(p.day)}${year}`;
    case 'date_short_pretty':
      return relative() ?? `${p.monthShort} ${p.day}${year}`;
    case 'date_long_pretty':
      return relative() ?? `${p.weekday}, ${p.month} ${ordinal(p.day)}${year}`;
    case 'day_divider_pretty': {
      const r = relative();
      return r ? r[0].toUpperCase() + r.slice(1) : `${p.weekday}, ${p.month} ${ordinal(p.day)}${year}`;
    }
    case 'time':
      return `${p.hour}:${p.minute} ${p.dayPeriod}`;
    case 'time_secs':
      return `${p.hour}:${p.minute}:${p.second} ${p.dayPeriod}`;
    case 'ago':
      return ago(date.getTime() - nowMs);
    default:
      return undefined;
  }
}

/** @param {number} deltaMs */
function ago(deltaMs) {
  const seconds = Math.round(Math.abs(deltaMs) / 1000);
  const units = /** @type {const} */ ([
    ['year', 31536000],
    ['month', 2592000],
    ['day', 86400],
    ['hour', 3600],
    ['minute', 60],
  ]);
  for (const [unit, size] of units) {
    if (seconds >= size) {
      const n = Math.floor(seconds / size);
      const text = `${n} ${unit}${n === 1 ? '' : 's'}`;
      return deltaMs < 0 ? `${text} ago` : `in ${text}`;
    }
  }
  return 'just now';
}

/**
 * Fills every {token} of a Slack date format; an unknown token makes Slack show the fallback,
 * which the caller does when this returns undefined.
 * @param {number} unixSeconds
 * @param {string} format
 * @param {string} timeZone
 * @param {number} [nowMs]
 */
export function formatSlackDate(unixSeconds, format, timeZone, nowMs = Date.now()) {
  if (!Number.isFinite(unixSeconds)) return undefined;
  let unknown = false;
  const text = format.replace(/\{(\w+)\}/g, (whole, token) => {
    const value = formatDateToken(unixSeconds, token, timeZone, nowMs);
    if (value === undefined) unknown = true;
    return value ?? whole;
  });
  return unknown ? undefined : text;
}

/** "10:42 AM" for message headers. @param {string} ts @param {string} timeZone */
export function messageTime(ts, timeZone) {
  return new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', minute: '2-digit' }).format(new Date(Number(ts) * 1000));
}
