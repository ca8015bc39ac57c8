import { randomUUID } from 'node:crypto';

/**
 * Fault injection: make a Web API method (or the upload / response_url endpoints) misbehave a
 * given number of times, to test the app's error paths. Kinds mirror what Slack and its edge
 * really do: `ok:false` errors (HTTP 200), 429 with Retry-After, 5xx or HTML error pages,
 * slow answers and dropped connections.
 */

/** Pseudo-method names for the two non-Web-API endpoints the fake hosts. */
export const UPLOAD_ENDPOINT = 'upload';
export const RESPONSE_URL_ENDPOINT = 'response_url';

interface FaultBase {
  /** Web API method name, `upload`, `response_url`, or `*` for every call. */
  method: string;
  /** How many calls it affects; default 1. `'always'` until cleared. */
  times?: number | 'always';
}

export type FaultSpec = FaultBase &
  (
    | { kind: 'error'; error: string }
    | { kind: 'ratelimited'; retryAfter: number }
    | { kind: 'http'; status: number; body?: string; contentType?: string }
    | { kind: 'latency'; ms: number }
    | { kind: 'disconnect' }
  );

export type ActiveFault = FaultSpec & { id: string; remaining: number };

/** A fault that decides the response (everything except latency). */
export type TerminalFault = Exclude<ActiveFault, { kind: 'latency' }>;

export interface FaultPlan {
  latencyMs: number;
  terminal?: TerminalFault;
}

export class FaultInjector {
  private faults: ActiveFault[] = [];

  add(spec: FaultSpec): string {
    const remaining = spec.times === 'always' ? Number.POSITIVE_INFINITY : (spec.times ?? 1);
    if (!(remaining > 0)) throw new Error(`fault times must be positive, got ${String(spec.times)}`);
    const fault = { ...spec, id: randomUUID(), remaining } as ActiveFault;
    this.faults.push(fault);
    return fault.id;
  }

  remove(id: string): void {
    this.faults = this.faults.filter((f) => f.id !== id);
  }

  clear(): void {
    this.faults = [];
  }

  list(): ActiveFault[] {
    return this.faults.map((f) => ({ ...f }));
  }

  /**
   * Consumes the faults that apply to one call: every matching latency fault adds its delay,
   * and the first matching terminal fault (in the order added) decides the answer.
   */
  plan(method: string): FaultPlan {
    const matching = this.faults.filter((f) => f.method === method || f.method === '*');
    let latencyMs = 0;
    let terminal: TerminalFault | undefined;
    for (const fault of matching) {
      if (fault.kind === 'latency') {
        latencyMs += fault.ms;
        this.consume(fault);
      } else if (!terminal) {
        terminal = fault;
        this.consume(fault);
      }
    }
    return { latencyMs, terminal };
  }

  private consume(fault: ActiveFault): void {
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.remove(fault.id);
  }
}

export function describeFault(fault: TerminalFault): string {
  switch (fault.kind) {
    case 'error':
      return `error:${fault.error}`;
    case 'ratelimited':
      return `ratelimited:${fault.retryAfter}s`;
    case 'http':
      return `http:${fault.status}`;
    case 'disconnect':
      return 'disconnect';
  }
}
