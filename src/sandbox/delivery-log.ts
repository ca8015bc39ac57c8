// What the sandbox sent to the app and what came back: the other half of the inspector (the
// fake Slack's journal holds the app's Web API calls). Slack-side problems with an answer
// (a late ack, an invalid view in response_action) are listed with the delivery they belong to.
import { EventEmitter } from 'node:events';
import type { AckViolation } from './fake-slack/index.js';

export type DeliveryKind = 'slash_command' | 'block_actions' | 'message_action' | 'view_submission' | 'view_closed' | `event:${string}`;

export interface DeliveryRecord {
  seq: number;
  kind: DeliveryKind;
  /** Epoch ms when the request was sent. */
  at: number;
  user: string;
  /** The payload as the app receives it (after form or JSON decoding). */
  request: unknown;
  /** HTTP status of the app's answer; 0 when no answer came. */
  status: number;
  /** The answer body (parsed when JSON). */
  response: unknown;
  ms: number;
  /** Why no answer came, in words (e.g. "connection refused"). */
  transportError?: string;
  violations: AckViolation[];
}

export interface DeliveryLogEvents {
  delivery: [DeliveryRecord];
}

/** Old entries go first: a long session must not grow without bound. */
const MAX_RECORDS = 2000;

export class DeliveryLog extends EventEmitter<DeliveryLogEvents> {
  private readonly list: DeliveryRecord[] = [];
  private sequence = 0;

  record(entry: Omit<DeliveryRecord, 'seq'>): DeliveryRecord {
    this.sequence += 1;
    const record: DeliveryRecord = { ...entry, seq: this.sequence };
    this.list.push(record);
    if (this.list.length > MAX_RECORDS) this.list.splice(0, this.list.length - MAX_RECORDS);
    this.emit('delivery', record);
    return record;
  }

  all(): DeliveryRecord[] {
    return [...this.list];
  }
}
