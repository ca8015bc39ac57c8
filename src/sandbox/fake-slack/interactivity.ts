import type { Clock } from './clock.js';
import { TRIGGER_ID_PATTERN, opaqueToken, triggerId } from './ids.js';

/**
 * The two short-lived capabilities Slack hands an app with each interaction:
 * - trigger_id: lets the app open or push a modal; single use, dead after 3 s
 *   (REF(views.open) errors; bolt-js docs "within 3 seconds of receiving it").
 * - response_url: lets the app answer in the conversation; 5 uses within 30 minutes
 *   (slash-command docs, "used up to 5 times within 30 minutes").
 */

export const TRIGGER_TTL_MS = 3_000;
export const RESPONSE_URL_TTL_MS = 30 * 60_000;
export const RESPONSE_URL_MAX_USES = 5;

export type TriggerError = 'invalid_trigger_id' | 'expired_trigger_id' | 'exchanged_trigger_id';

interface TriggerRecord {
  userId?: string;
  issuedAt: number;
  used: boolean;
}

export class TriggerRegistry {
  private readonly triggers = new Map<string, TriggerRecord>();
  private sequence = 0;

  constructor(private readonly clock: Clock) {}

  /** @param userId the user whose client will show the modal opened with it. */
  issue(userId?: string): string {
    this.sequence += 1;
    const id = triggerId(this.sequence);
    this.triggers.set(id, { userId, issuedAt: this.clock.now(), used: false });
    return id;
  }

  /** Checks without using it, so a call that fails for another reason leaves it usable. */
  check(id: string): { ok: true; userId?: string } | { ok: false; error: TriggerError } {
    const record = TRIGGER_ID_PATTERN.test(id) ? this.triggers.get(id) : undefined;
    if (!record) return { ok: false, error: 'invalid_trigger_id' };
    if (record.used) return { ok: false, error: 'exchanged_trigger_id' };
    if (this.clock.now() - record.issuedAt > TRIGGER_TTL_MS) return { ok: false, error: 'expired_trigger_id' };
    return { ok: true, userId: record.userId };
  }

  markUsed(id: string): void {
    const record = this.triggers.get(id);
    if (record) record.used = true;
  }
}

export interface ResponseUrlContext {
  channel: string;
  user: string;
  /** The message the interaction came from, for replace_original / delete_original. */
  messageTs?: string;
  /** Whether that message is an ephemeral (it then lives only in the user's client). */
  isEphemeral?: boolean;
}

export type ResponseUrlError = 'not_found' | 'expired_url' | 'used_url';

interface ResponseUrlRecord extends ResponseUrlContext {
  issuedAt: number;
  uses: number;
}

export class ResponseUrlRegistry {
  private readonly urls = new Map<string, ResponseUrlRecord>();

  constructor(private readonly clock: Clock) {}

  issue(context: ResponseUrlContext): string {
    const token = opaqueToken();
    this.urls.set(token, { ...context, issuedAt: this.clock.now(), uses: 0 });
    return token;
  }

  use(token: string): { ok: true; context: ResponseUrlContext; use: number } | { ok: false; error: ResponseUrlError } {
    const record = this.urls.get(token);
    if (!record) return { ok: false, error: 'not_found' };
    if (this.clock.now() - record.issuedAt > RESPONSE_URL_TTL_MS) return { ok: false, error: 'expired_url' };
    if (record.uses >= RESPONSE_URL_MAX_USES) return { ok: false, error: 'used_url' };
    record.uses += 1;
    return { ok: true, context: record, use: record.uses };
  }
}
