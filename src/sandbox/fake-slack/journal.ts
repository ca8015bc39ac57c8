import { EventEmitter } from 'node:events';
import type { CallRecord, Violation } from './types.js';

/**
 * Everything that happened, for tests and the sandbox's inspector: every Web API call (and
 * upload / response_url use) with its arguments, reply and rule violations, plus the list of
 * violations on their own. Emits `call` and `violation` as they happen.
 */
export interface JournalEvents {
  call: [CallRecord];
  violation: [Violation];
}

/** Calls kept by default: plenty for any test, and a bound for a sandbox left running for days. */
export const DEFAULT_JOURNAL_LIMIT = 10_000;

export class Journal extends EventEmitter<JournalEvents> {
  private callList: CallRecord[] = [];
  private violationList: Violation[] = [];
  private sequence = 0;

  /**
   * @param limit the most recent calls kept (each holds its arguments and reply, a modal's
   * view among them): a sandbox or benchmark that ran for hours kept every one, and its
   * process spent seconds in garbage collection.
   */
  constructor(private readonly limit = DEFAULT_JOURNAL_LIMIT) {
    super();
  }

  recordCall(call: Omit<CallRecord, 'seq'>): CallRecord {
    this.sequence += 1;
    const record: CallRecord = { ...call, seq: this.sequence };
    this.callList.push(record);
    // Forgets the oldest tenth at once rather than one call per call.
    if (this.callList.length > this.limit) this.callList = this.callList.slice(this.callList.length - Math.ceil(this.limit * 0.9));
    for (const violation of record.violations) this.recordViolation(violation);
    this.emit('call', record);
    return record;
  }

  recordViolation(violation: Violation): void {
    this.violationList.push(violation);
    this.emit('violation', violation);
  }

  calls(method?: string): CallRecord[] {
    return this.callList.filter((c) => method === undefined || c.method === method);
  }

  violations(): Violation[] {
    return [...this.violationList];
  }

  clearViolations(): void {
    this.violationList = [];
  }
}

export function describeViolation(v: Violation): string {
  const where = v.pointer === undefined ? '' : ` at ${v.pointer}`;
  return `${v.method}: ${v.code}${where}: ${v.message}`;
}

/**
 * Resolves with the first truthy value of `probe`, checked now, on every journal event and on
 * a short poll (state also changes through the response_url and upload endpoints).
 */
export function waitUntil<T>(probe: () => T | undefined | null | false, timeoutMs: number, describe: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const started = Date.now();
    const tick = (): void => {
      let value: T | undefined | null | false;
      try {
        value = probe();
      } catch (error) {
        clearInterval(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
        return;
      }
      if (value) {
        clearInterval(timer);
        resolve(value);
      } else if (Date.now() - started >= timeoutMs) {
        clearInterval(timer);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${describe}`));
      }
    };
    const timer = setInterval(tick, 10);
    tick();
  });
}
