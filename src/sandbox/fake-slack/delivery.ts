import { signatureHeaders } from './signing.js';

/**
 * Sends one request the way Slack's servers do: signed, over real HTTP, to the app's request
 * URL. Options exist to send what Slack would never send (stale or forged signatures, other
 * content types) so tests can check the app refuses it.
 */

/** Slash commands and interactivity: Bolt compares this header by strict equality. */
export const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded';
export const JSON_CONTENT_TYPE = 'application/json';

export interface DeliveryOptions {
  /** Adds x-slack-retry-num (Slack retries events that were not acked within 3 s). */
  retryNum?: number;
  /** x-slack-retry-reason, e.g. http_timeout. */
  retryReason?: string;
  /** Unix seconds to sign with instead of now (e.g. now - 600 for a stale request). */
  timestamp?: number;
  /** Send this x-slack-signature instead of the correct one. */
  signature?: string;
  /** Sign with this secret instead of the app's. */
  secret?: string;
  /** Override the content-type header. */
  contentType?: string;
  /** Send these bytes instead of the encoded payload (still signed unless `signature` is set). */
  rawBody?: string;
  headers?: Record<string, string>;
  /** Give up waiting for the app after this long; default 10 s (Bolt answers 404 itself after 3 s). */
  timeoutMs?: number;
}

export interface DeliveryResult {
  status: number;
  /** The response body as text ('' for an empty ack). */
  body: string;
  /** The body parsed as JSON when it is JSON. */
  json: unknown;
  headers: Record<string, string>;
  /** Wall time until the app answered: Slack gives up after 3000 ms. */
  ms: number;
}

export interface SignedRequest {
  url: string;
  secret: string;
  body: string;
  contentType: string;
}

export async function deliver(request: SignedRequest, options: DeliveryOptions = {}): Promise<DeliveryResult> {
  const body = options.rawBody ?? request.body;
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const signed = signatureHeaders(options.secret ?? request.secret, body, timestamp);
  const headers: Record<string, string> = {
    'content-type': options.contentType ?? request.contentType,
    'user-agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
    ...signed,
    ...(options.signature !== undefined ? { 'x-slack-signature': options.signature } : {}),
    ...(options.retryNum !== undefined ? { 'x-slack-retry-num': String(options.retryNum) } : {}),
    ...(options.retryReason !== undefined ? { 'x-slack-retry-reason': options.retryReason } : {}),
    ...options.headers,
  };
  const started = performance.now();
  const response = await fetch(request.url, {
    method: 'POST',
    headers,
    body,
    signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
  });
  const text = await response.text();
  const ms = Math.round(performance.now() - started);
  return { status: response.status, body: text, json: parseJson(text), headers: Object.fromEntries(response.headers), ms };
}

export function formBody(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString();
}

/** Interactivity payloads travel as a single form field `payload` holding JSON. */
export function payloadBody(payload: unknown): string {
  return formBody({ payload: JSON.stringify(payload) });
}

/** A body as JSON, or undefined when it is empty or not JSON (what Slack's clients tolerate). */
export function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
