import { BodyError, decodeBody } from './http-body.js';
import { describeFault, type FaultInjector, type TerminalFault } from './faults.js';
import type { Journal } from './journal.js';
import { specificErrors } from './schema-engine.js';
import { RateLimitedError, SlackApiError, type MethodEnv, type MethodHandler } from './method-context.js';
import { jsonReply, type HttpReply, type IncomingCall } from './server.js';
import type { JsonObject, Violation } from './types.js';

/**
 * The /api/<method> surface: decode arguments, apply injected faults, check the token, run the
 * handler and shape the reply the way Slack does (HTTP 200 with ok true/false; 429 only for
 * rate limits), recording each call in the journal.
 */

export class TokenBook {
  private readonly tokens = new Map<string, 'active' | 'revoked'>();

  constructor(tokens: readonly string[]) {
    for (const token of tokens) this.tokens.set(token, 'active');
  }

  add(token: string): void {
    this.tokens.set(token, 'active');
  }

  revoke(token: string): void {
    this.tokens.set(token, 'revoked');
  }

  /** Slack: no token → not_authed; unknown → invalid_auth; revoked → token_revoked. */
  check(token: string | undefined): string | undefined {
    if (token === undefined || token === '') return 'not_authed';
    const state = this.tokens.get(token);
    if (state === undefined) return 'invalid_auth';
    return state === 'revoked' ? 'token_revoked' : undefined;
  }
}

export interface WebApiDeps {
  env: MethodEnv;
  tokens: TokenBook;
  faults: FaultInjector;
  journal: Journal;
  methods: Readonly<Record<string, MethodHandler>>;
}

interface Outcome {
  reply: HttpReply;
  body: unknown;
  violations: Violation[];
  fault?: string;
}

export async function handleWebApi(call: IncomingCall, method: string, deps: WebApiDeps): Promise<HttpReply> {
  const started = Date.now();
  const plan = deps.faults.plan(method);
  let args: JsonObject = Object.fromEntries(call.url.searchParams);
  let outcome: Outcome;
  try {
    args = { ...args, ...decodeBody(call.headers['content-type'], call.raw).args };
    outcome = plan.terminal ? faultOutcome(plan.terminal) : runMethod(method, args, bearer(call) ?? stringOrUndefined(args.token), deps);
  } catch (error) {
    if (!(error instanceof BodyError)) throw error;
    outcome = errorOutcome(method, new SlackApiError(error.code), deps.env.clock.now());
  }
  const { token: _token, ...loggedArgs } = args;
  deps.journal.recordCall({
    method,
    args: loggedArgs,
    httpStatus: outcome.reply.destroy ? 0 : outcome.reply.status,
    response: outcome.body,
    violations: outcome.violations,
    fault: outcome.fault,
    at: deps.env.clock.now(),
    durationMs: Date.now() - started + plan.latencyMs,
  });
  return { ...outcome.reply, delayMs: plan.latencyMs };
}

function runMethod(method: string, args: JsonObject, token: string | undefined, deps: WebApiDeps): Outcome {
  const now = deps.env.clock.now();
  const authError = deps.tokens.check(token);
  if (authError) return errorOutcome(method, new SlackApiError(authError), now);
  const handler = deps.methods[method];
  if (!handler) return errorOutcome(method, new SlackApiError('unknown_method'), now);
  try {
    const body = { ok: true, ...handler(args, deps.env) };
    return { reply: jsonReply(200, body), body, violations: [] };
  } catch (error) {
    if (error instanceof RateLimitedError) return rateLimitedOutcome(error.retryAfterSeconds);
    if (error instanceof SlackApiError) return errorOutcome(method, error, now);
    throw error;
  }
}

function errorOutcome(method: string, error: SlackApiError, now: number): Outcome {
  const body: JsonObject = { ok: false, error: error.code, ...error.extra };
  if (error.messages.length > 0) body.response_metadata = { messages: error.messages };
  return { reply: jsonReply(200, body), body, violations: error.violation ? violationsOf(method, error, now) : [] };
}

function violationsOf(method: string, error: SlackApiError, at: number): Violation[] {
  const blockErrors = specificErrors(error.blockErrors);
  if (blockErrors.length > 0) {
    return blockErrors.map((e) => ({ method, code: error.code, message: e.message, pointer: e.pointer, at }));
  }
  return [{ method, code: error.code, message: error.messages.join('; ') || error.code, at }];
}

function rateLimitedOutcome(retryAfterSeconds: number): Outcome {
  const body = { ok: false, error: 'ratelimited' };
  return { reply: jsonReply(429, body, { 'retry-after': String(retryAfterSeconds) }), body, violations: [] };
}

export function faultOutcome(fault: TerminalFault): Outcome {
  const name = describeFault(fault);
  switch (fault.kind) {
    case 'error': {
      const body = { ok: false, error: fault.error };
      return { reply: jsonReply(200, body), body, violations: [], fault: name };
    }
    case 'ratelimited':
      return { ...rateLimitedOutcome(fault.retryAfter), fault: name };
    case 'http': {
      const body = fault.body ?? `<html><body><h1>${fault.status}</h1><p>The server had a problem.</p></body></html>`;
      const reply = { status: fault.status, headers: { 'content-type': fault.contentType ?? 'text/html; charset=utf-8' }, body };
      return { reply, body, violations: [], fault: name };
    }
    case 'disconnect':
      return { reply: { status: 0, destroy: true }, body: undefined, violations: [], fault: name };
  }
}

function bearer(call: IncomingCall): string | undefined {
  const header = call.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1];
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
