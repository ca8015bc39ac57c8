// Wall-clock time in a person's zone <-> Unix seconds, for the datetimepicker, which Slack
// shows in the user's own time zone.

/** @param {number} epochMs @param {string} timeZone @returns {number} offset of the zone at that instant, in ms */
function zoneOffsetMs(epochMs, timeZone) {
  const p = /** @type {Record<string, string>} */ ({});
  const fmt = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  for (const part of fmt.formatToParts(new Date(epochMs))) p[part.type] = part.value;
  const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return asUtc - Math.floor(epochMs / 1000) * 1000;
}

/** "2026-11-23T09:30" in `timeZone` → Unix seconds. @param {string} wall @param {string} timeZone */
export function wallTimeToUnix(wall, timeZone) {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(wall);
  if (!m) return null;
  const guess = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  const first = guess - zoneOffsetMs(guess, timeZone);
  return Math.round((guess - zoneOffsetMs(first, timeZone)) / 1000);
}

/** Unix seconds → "2026-11-23T09:30" in `timeZone`. @param {number} unix @param {string} timeZone */
export function unixToWallTime(unix, timeZone) {
  const local = new Date(unix * 1000 + zoneOffsetMs(unix * 1000, timeZone));
  return local.toISOString().slice(0, 16);
}
