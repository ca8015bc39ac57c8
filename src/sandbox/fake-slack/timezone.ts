/**
 * users.info reports `tz_offset` (seconds east of UTC, following DST at the time of the call)
 * and `tz_label` (e.g. "Pacific Daylight Time"); both are derived from the IANA zone so tests
 * that move the clock across a DST change see what Slack would report.
 */
export function tzOffsetSeconds(timeZone: string, at: Date): number {
  const name = zoneName(timeZone, at, 'longOffset'); // "GMT-07:00", or "GMT" for UTC
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (!match) return 0;
  const [, sign, hours, minutes] = match;
  const seconds = Number(hours) * 3600 + Number(minutes) * 60;
  return sign === '-' ? -seconds : seconds;
}

export function tzLabel(timeZone: string, at: Date): string {
  return zoneName(timeZone, at, 'long');
}

function zoneName(timeZone: string, at: Date, style: 'long' | 'longOffset'): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: style }).formatToParts(at);
  return parts.find((part) => part.type === 'timeZoneName')?.value ?? '';
}
