// One list for the inspector pane: the app's Web API calls (from the fake Slack's journal)
// and the sandbox's deliveries to the app, in the same shape, oldest first.
import type { CallRecord } from './fake-slack/index.js';
import type { DeliveryRecord } from './delivery-log.js';

export interface InspectorEntry {
  id: string;
  /** to-slack: the app called Slack; to-app: Slack (the sandbox) called the app. */
  direction: 'to-slack' | 'to-app';
  at: number;
  name: string;
  ok: boolean;
  /** "ok", Slack's error code, "HTTP 404" or the transport error. */
  outcome: string;
  ms: number;
  request: unknown;
  response: unknown;
  violations: { code: string; message: string; pointer?: string }[];
  fault?: string;
}

export function callEntry(call: CallRecord): InspectorEntry {
  const body = typeof call.response === 'object' && call.response !== null ? (call.response as Record<string, unknown>) : undefined;
  // The upload URL (files.getUploadURLExternal) answers plain text ("OK - 1234"), not
  // {ok: true}: for it, as for Slack's own client, HTTP 200 is success.
  const plainText = typeof call.response === 'string';
  const slackOk = plainText ? call.httpStatus === 200 : body?.ok === true;
  const outcome =
    call.httpStatus === 0 ? 'connection dropped' : call.httpStatus !== 200 ? `HTTP ${call.httpStatus}` : slackOk ? 'ok' : String(body?.error ?? 'error');
  return {
    id: `call-${call.seq}`,
    direction: 'to-slack',
    at: call.at,
    name: call.method,
    ok: call.httpStatus === 200 && slackOk && call.violations.length === 0,
    outcome,
    ms: call.durationMs,
    request: call.args,
    response: call.response,
    violations: call.violations.map(({ code, message, pointer }) => ({ code, message, pointer })),
    fault: call.fault,
  };
}

export function deliveryEntry(delivery: DeliveryRecord): InspectorEntry {
  const httpOk = delivery.status >= 200 && delivery.status <= 299;
  return {
    id: `delivery-${delivery.seq}`,
    direction: 'to-app',
    at: delivery.at,
    name: delivery.kind,
    ok: httpOk && delivery.violations.length === 0 && delivery.transportError === undefined,
    outcome: delivery.transportError ?? `HTTP ${delivery.status}`,
    ms: delivery.ms,
    request: delivery.request,
    response: delivery.response,
    violations: delivery.violations.map(({ code, message, pointer }) => ({ code, message, pointer })),
  };
}

export function inspectorEntries(calls: readonly CallRecord[], deliveries: readonly DeliveryRecord[]): InspectorEntry[] {
  return [...calls.map(callEntry), ...deliveries.map(deliveryEntry)].sort((a, b) => a.at - b.at);
}
