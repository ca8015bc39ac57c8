import { RESPONSE_URL_ENDPOINT, UPLOAD_ENDPOINT, type FaultInjector, type FaultSpec, type TerminalFault } from './faults.js';
import { BodyError, decodeBody, parseMultipart } from './http-body.js';
import type { ResponseUrlRegistry, TriggerRegistry } from './interactivity.js';
import type { Journal } from './journal.js';
import { applyMessageResponse } from './message-responses.js';
import { mimeOf } from './methods/files.js';
import { formatSlackError, specificErrors } from './schema-engine.js';
import { jsonReply, type HttpReply, type IncomingCall } from './server.js';
import type { Clock } from './clock.js';
import { isObject, type JsonObject, type Violation } from './types.js';
import { faultOutcome } from './web-api.js';
import type { Workspace } from './workspace.js';

/**
 * The /_fake/ surface: endpoints Slack itself hosts for an app (response_url, upload_url, file
 * downloads) and a control API for the sandbox page and out-of-process tests (state, call log,
 * violations, faults, issuing trigger ids and response_urls). Bound to loopback only.
 */

export interface ControlDeps {
  workspace: Workspace;
  triggers: TriggerRegistry;
  responseUrls: ResponseUrlRegistry;
  faults: FaultInjector;
  journal: Journal;
  clock: Clock;
  origin: () => string;
  snapshot: () => JsonObject;
}

type Handler = (call: IncomingCall, params: string[], deps: ControlDeps) => HttpReply | Promise<HttpReply>;

const ROUTES: [method: string, pattern: RegExp, handler: Handler][] = [
  ['POST', /^\/_fake\/response\/([\w-]+)$/, handleResponseUrl],
  ['POST', /^\/_fake\/upload\/(F\w+)$/, handleUpload],
  ['GET', /^\/_fake\/files\/(F\w+)(?:\/[^/]*)?$/, handleDownload],
  ['GET', /^\/_fake\/health$/, () => jsonReply(200, { ok: true })],
  ['GET', /^\/_fake\/state$/, (_c, _p, deps) => jsonReply(200, deps.snapshot())],
  ['GET', /^\/_fake\/calls$/, (_c, _p, deps) => jsonReply(200, { calls: deps.journal.calls() })],
  ['GET', /^\/_fake\/violations$/, (_c, _p, deps) => jsonReply(200, { violations: deps.journal.violations() })],
  ['DELETE', /^\/_fake\/violations$/, (_c, _p, deps) => (deps.journal.clearViolations(), jsonReply(200, { ok: true }))],
  ['GET', /^\/_fake\/faults$/, (_c, _p, deps) => jsonReply(200, { faults: deps.faults.list() })],
  ['POST', /^\/_fake\/faults$/, handleAddFault],
  ['DELETE', /^\/_fake\/faults$/, (_c, _p, deps) => (deps.faults.clear(), jsonReply(200, { ok: true }))],
  ['POST', /^\/_fake\/triggers$/, handleIssueTrigger],
  ['POST', /^\/_fake\/response-urls$/, handleIssueResponseUrl],
];

export async function handleControl(call: IncomingCall, deps: ControlDeps): Promise<HttpReply> {
  for (const [method, pattern, handler] of ROUTES) {
    const match = pattern.exec(call.url.pathname);
    if (match && call.method === method) return handler(call, match.slice(1), deps);
  }
  return jsonReply(404, { ok: false, error: 'not_found' });
}

// ---------- endpoints Slack hosts for the app ----------

interface EndpointResult {
  reply: HttpReply;
  /** What the call log shows as the response. */
  logged: unknown;
  args?: JsonObject;
  violations?: Omit<Violation, 'at'>[];
  fault?: string;
}

/**
 * Runs one call to a non-Web-API endpoint with the same fault injection and call logging as
 * /api/ methods, so tests can break respond() or uploads and see them in the log.
 */
function endpointCall(deps: ControlDeps, endpoint: string, run: () => EndpointResult): HttpReply {
  const started = Date.now();
  const at = deps.clock.now();
  const plan = deps.faults.plan(endpoint);
  const result: EndpointResult = plan.terminal ? faultResult(plan.terminal) : run();
  deps.journal.recordCall({
    method: endpoint,
    args: result.args ?? {},
    httpStatus: result.reply.destroy ? 0 : result.reply.status,
    response: result.logged,
    violations: (result.violations ?? []).map((v) => ({ ...v, at })),
    fault: result.fault,
    at,
    durationMs: Date.now() - started + plan.latencyMs,
  });
  return { ...result.reply, delayMs: plan.latencyMs };
}

function faultResult(fault: TerminalFault): EndpointResult {
  const outcome = faultOutcome(fault);
  return { reply: outcome.reply, logged: outcome.body, fault: outcome.fault };
}

function jsonResult(status: number, body: JsonObject, extra: Omit<EndpointResult, 'reply' | 'logged'> = {}): EndpointResult {
  return { reply: jsonReply(status, body), logged: body, ...extra };
}

const RESPONSE_URL_PROBLEMS: Readonly<Record<string, string>> = {
  used_url: 'response_url used more than 5 times',
  expired_url: 'response_url used after 30 minutes',
  not_found: 'unknown response_url',
};

/** Bolt's respond() POSTs JSON here and throws on any non-2xx status. */
function handleResponseUrl(call: IncomingCall, [token = '']: string[], deps: ControlDeps): HttpReply {
  return endpointCall(deps, RESPONSE_URL_ENDPOINT, () => {
    const method = RESPONSE_URL_ENDPOINT;
    const use = deps.responseUrls.use(token);
    if (!use.ok) {
      // Real Slack's status for a spent or expired response_url is unverified; any non-2xx makes respond() throw.
      const message = RESPONSE_URL_PROBLEMS[use.error] ?? use.error;
      return jsonResult(404, { ok: false, error: use.error }, { violations: [{ method, code: use.error, message }] });
    }
    let payload: JsonObject;
    try {
      payload = decodeBody(call.headers['content-type'] ?? 'application/json', call.raw).args;
    } catch (error) {
      if (!(error instanceof BodyError)) throw error;
      return jsonResult(400, { ok: false, error: 'invalid_payload' }, { violations: [{ method, code: 'invalid_payload', message: 'body is not JSON' }] });
    }
    const outcome = applyMessageResponse(deps.workspace, use.context, payload, method);
    if (outcome.ok) return jsonResult(200, { ok: true }, { args: payload });
    const messages = outcome.errors.map(formatSlackError);
    const body = { ok: false, error: outcome.code, ...(messages.length > 0 ? { response_metadata: { messages } } : {}) };
    const problems = outcome.errors.length > 0 ? specificErrors(outcome.errors) : [{ message: 'neither text nor blocks', pointer: undefined }];
    const violations = problems.map((e) => ({ method, code: outcome.code, message: e.message, pointer: e.pointer }));
    return jsonResult(400, body, { args: payload, violations });
  });
}

/** The upload_url from files.getUploadURLExternal: WebClient sends multipart with a `body` part. */
function handleUpload(call: IncomingCall, [fileId = '']: string[], deps: ControlDeps): HttpReply {
  return endpointCall(deps, UPLOAD_ENDPOINT, () => {
    const args = { file_id: fileId };
    const file = deps.workspace.files.get(fileId);
    if (!file) return { reply: { status: 404, headers: { 'content-type': 'text/plain' }, body: 'file_not_found' }, logged: 'file_not_found', args };
    file.content = uploadedBytes(call);
    file.uploaded = true;
    const text = `OK - ${file.content.length}`;
    return { reply: { status: 200, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: text }, logged: text, args };
  });
}

function uploadedBytes(call: IncomingCall): Buffer {
  const contentType = call.headers['content-type'] ?? '';
  if (!contentType.toLowerCase().startsWith('multipart/form-data')) return call.raw;
  const parts = parseMultipart(contentType, call.raw);
  const part = parts.find((p) => p.name === 'body' || p.name === 'file') ?? parts[0];
  return part?.data ?? Buffer.alloc(0);
}

function handleDownload(_call: IncomingCall, [fileId = '']: string[], deps: ControlDeps): HttpReply {
  const file = deps.workspace.files.get(fileId);
  if (!file?.content) return { status: 404, headers: { 'content-type': 'text/plain' }, body: 'file_not_found' };
  return { status: 200, headers: { 'content-type': mimeOf(file.name).mimetype }, body: file.content };
}

// ---------- control ----------

function handleAddFault(call: IncomingCall, _params: string[], deps: ControlDeps): HttpReply {
  const spec = parseJson(call);
  if (!isObject(spec) || typeof spec.method !== 'string' || typeof spec.kind !== 'string') {
    return jsonReply(400, { ok: false, error: 'invalid_fault', hint: 'expected {method, kind, ...} as in faults.ts FaultSpec' });
  }
  try {
    return jsonReply(200, { ok: true, id: deps.faults.add(spec as unknown as FaultSpec) });
  } catch (error) {
    return jsonReply(400, { ok: false, error: 'invalid_fault', hint: error instanceof Error ? error.message : String(error) });
  }
}

function handleIssueTrigger(call: IncomingCall, _params: string[], deps: ControlDeps): HttpReply {
  const body = parseJson(call);
  const userId = isObject(body) && typeof body.user_id === 'string' ? body.user_id : undefined;
  return jsonReply(200, { ok: true, trigger_id: deps.triggers.issue(userId) });
}

function handleIssueResponseUrl(call: IncomingCall, _params: string[], deps: ControlDeps): HttpReply {
  const body = parseJson(call);
  if (!isObject(body) || typeof body.channel !== 'string' || typeof body.user !== 'string') {
    return jsonReply(400, { ok: false, error: 'invalid_arguments', hint: 'expected {channel, user, message_ts?}' });
  }
  const messageTs = typeof body.message_ts === 'string' ? body.message_ts : undefined;
  const token = deps.responseUrls.issue({ channel: body.channel, user: body.user, messageTs, isEphemeral: body.is_ephemeral === true });
  return jsonReply(200, { ok: true, response_url: `${deps.origin()}/_fake/response/${token}` });
}

function parseJson(call: IncomingCall): unknown {
  try {
    return JSON.parse(call.raw.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}
