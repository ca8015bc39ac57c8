import { randomBytes } from 'node:crypto';

/**
 * Identifier factories with Slack's shapes: prefixed upper-case ids (V… views, F… files, D… DMs),
 * `seconds.micros` message timestamps, `12345.98765.abcdef…` trigger ids and
 * `1596530361.3wRYuk3R`-style view hashes. Realistic shapes matter because apps sometimes parse
 * or pattern-match them (e.g. a `ts` turned into a permalink).
 */

const ALPHANUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const MIXED = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

function randomFrom(alphabet: string, length: number): string {
  const bytes = randomBytes(length);
  let out = '';
  for (const byte of bytes) out += alphabet[byte % alphabet.length];
  return out;
}

export function slackId(prefix: string): string {
  return prefix + randomFrom(ALPHANUM, 10);
}

export function viewHash(nowMs: number): string {
  return `${Math.floor(nowMs / 1000)}.${randomFrom(MIXED, 8)}`;
}

export function triggerId(sequence: number): string {
  return `${10000 + sequence}.${Math.floor(Math.random() * 9e10 + 1e10)}.${randomBytes(16).toString('hex')}`;
}

/** Matches what we issue and what Slack documents ("132456.7890123.abcdef"). */
export const TRIGGER_ID_PATTERN = /^\d+\.\d+\.[0-9a-f]+$/;

export function opaqueToken(): string {
  return randomBytes(18).toString('base64url');
}

export function eventId(): string {
  return 'Ev' + randomFrom(ALPHANUM, 10);
}

/**
 * Issues message timestamps that are unique and strictly increasing across the workspace,
 * even when many messages land in the same millisecond, like Slack's.
 */
export class TimestampSequence {
  private lastMicros = 0;

  next(nowMs: number): string {
    const micros = Math.max(nowMs * 1000, this.lastMicros + 1);
    this.lastMicros = micros;
    const seconds = Math.floor(micros / 1e6);
    const fraction = String(micros % 1e6).padStart(6, '0');
    return `${seconds}.${fraction}`;
  }
}

export function tsToMillis(ts: string): number {
  return Math.round(Number(ts) * 1000);
}
