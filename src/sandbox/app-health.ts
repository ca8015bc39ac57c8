// Whether the app answers what the sandbox sends it, in words the page can show. Slack itself
// only tells the user "dispatch_failed" or "operation_timeout"; a developer wants to know the
// app is restarting or crashed, and that the sandbox is fine.
import { EventEmitter } from 'node:events';
import { ACK_DEADLINE_MS } from './fake-slack/index.js';

export interface AppStatus {
  state: 'up' | 'down' | 'failing';
  /** One sentence for the banner; empty when up. */
  message: string;
  since: number;
}

export interface AppHealthEvents {
  change: [AppStatus];
}

/** What went wrong with one delivery, or undefined when the app answered in time with a 2xx. */
export function describeDeliveryProblem(outcome: { status: number; ms: number; transportError?: string }): AppStatus | undefined {
  const since = Date.now();
  if (outcome.transportError !== undefined) {
    return { state: 'down', message: `The app is not answering (${outcome.transportError}) — it may be restarting.`, since };
  }
  if (outcome.status === 401) {
    return { state: 'failing', message: 'The app rejected the request signature (HTTP 401): it is not using the sandbox signing secret.', since };
  }
  if (outcome.status === 404 && outcome.ms >= ACK_DEADLINE_MS) {
    return {
      state: 'failing',
      message: `The app did not acknowledge within 3 seconds (HTTP 404 after ${outcome.ms} ms) — a listener may have crashed or be missing.`,
      since,
    };
  }
  if (outcome.status < 200 || outcome.status > 299) {
    return { state: 'failing', message: `The app answered HTTP ${outcome.status}.`, since };
  }
  if (outcome.ms > ACK_DEADLINE_MS) {
    return { state: 'failing', message: `The app took ${outcome.ms} ms to answer; Slack gives up after 3 seconds.`, since };
  }
  return undefined;
}

export class AppHealth extends EventEmitter<AppHealthEvents> {
  private current: AppStatus = { state: 'up', message: '', since: Date.now() };

  get status(): AppStatus {
    return this.current;
  }

  observe(outcome: { status: number; ms: number; transportError?: string }): void {
    const problem = describeDeliveryProblem(outcome);
    const next = problem ?? { state: 'up' as const, message: '', since: Date.now() };
    if (next.state === this.current.state && next.message === this.current.message) return;
    this.current = next;
    this.emit('change', next);
  }
}

/** Node's fetch hides the socket error in `cause`; name it the way a developer knows it. */
export function transportErrorText(error: unknown): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return 'no answer within 10 seconds';
  const cause = error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
  switch (cause?.code) {
    case 'ECONNREFUSED':
      return 'connection refused';
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
      return 'connection reset';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'host not found';
    default:
      return error instanceof Error ? (cause?.code ?? cause?.message ?? error.message) : String(error);
  }
}
