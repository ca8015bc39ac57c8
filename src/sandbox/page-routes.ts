// The sandbox page and its API, served on the app's own HTTP server (startServer's `extra`):
//   GET  /                          the page
//   GET  /sandbox/assets/<file>     its scripts and styles
//   GET  /sandbox/events            Server-Sent Events (journal, deliveries, app status)
//   GET  /sandbox/api/bootstrap     personas, commands, jobs: what does not change
//   GET  /sandbox/api/state?user=   what that person's Slack client shows
//   GET  /sandbox/api/inspector     every Web API call and delivery so far
//   POST /sandbox/api/<gesture>     what the person did (command, message, action, shortcut, view-*, workflow-step)
//   POST /sandbox/jobs/<name>/run   run a scheduled job now
import type http from 'node:http';
import type { ExtraHandler } from '../http/server.js';
import type { Logger } from '../logger.js';
import type { AppHealth } from './app-health.js';
import type { DeliveryLog } from './delivery-log.js';
import type { EventStreamHub } from './event-stream.js';
import type { FakeSlack, UserInput } from './fake-slack/index.js';
import { HttpError, optionalStringField, readJson, sendJson, stringField } from './http-json.js';
import { inspectorEntries } from './inspector-entries.js';
import { jobControlInfo, runJobNow, type RunJob } from './job-control.js';
import type { ManifestFacts } from './manifest-facts.js';
import { pageState } from './page-state.js';
import { isPersona, personaCards } from './persona-directory.js';
import type { SandboxClock } from './sandbox-clock.js';
import { isAllowedHost, isAllowedOrigin } from './request-guard.js';
import type { SlackClientSimulator } from './slack-client-simulator.js';
import { serveWebFile } from './static-files.js';

export interface PageRouteDeps {
  fake: FakeSlack;
  simulator: SlackClientSimulator;
  log: DeliveryLog;
  health: AppHealth;
  hub: EventStreamHub;
  manifest: ManifestFacts;
  assets: ReadonlySet<string>;
  /** Read per request: the app (and its scheduler) may have restarted. */
  jobRunner: () => RunJob | undefined;
  /** Changes when the sandbox process starts again, so an open page knows its history was reset. */
  instanceId: string;
  port: () => number;
  logger: Logger;
  /** The app's clock, which "Today is…" moves (absent: the page hides that control). */
  clock?: SandboxClock;
}

type Body = Record<string, unknown>;
type PostHandler = (body: Body, deps: PageRouteDeps) => Promise<unknown> | unknown;

const POST_ROUTES: Readonly<Record<string, PostHandler>> = {
  command: async (body, { simulator }) => ({
    ok: true,
    sent: await simulator.slashCommand(persona(body), stringField(body, 'channel'), stringField(body, 'text')),
  }),
  message: async (body, { simulator }) => ({
    ok: true,
    sent: await simulator.postMessage(persona(body), stringField(body, 'channel'), stringField(body, 'text')),
  }),
  action: async (body, { simulator }) => {
    const user = persona(body);
    const common = { user, actionId: stringField(body, 'actionId'), blockId: optionalStringField(body, 'blockId'), value: userInput(body.value) };
    const viewId = optionalStringField(body, 'viewId');
    const sent = viewId
      ? await simulator.viewAction({ ...common, viewId })
      : await simulator.messageAction({ ...common, channel: stringField(body, 'channel'), messageTs: stringField(body, 'messageTs') });
    return { ok: true, sent };
  },
  shortcut: async (body, { simulator }) => ({
    ok: true,
    sent: await simulator.messageShortcut({
      user: persona(body),
      channel: stringField(body, 'channel'),
      messageTs: stringField(body, 'messageTs'),
      callbackId: stringField(body, 'callbackId'),
    }),
  }),
  'view-values': (body, { simulator }) => {
    simulator.setViewValue(
      persona(body),
      stringField(body, 'viewId'),
      stringField(body, 'blockId'),
      stringField(body, 'actionId'),
      userInput(body.value) ?? null,
    );
    return { ok: true };
  },
  'view-submit': async (body, { simulator }) => ({
    ok: true,
    outcome: await simulator.submitView(persona(body), stringField(body, 'viewId'), valuesField(body.values)),
  }),
  'view-close': async (body, { simulator }) => ({ ok: true, sent: await simulator.closeView(persona(body), stringField(body, 'viewId'), body.all === true) }),
  'home-opened': async (body, { simulator }) => ({ ok: true, sent: await simulator.openAppHome(persona(body), body.tab === 'messages' ? 'messages' : 'home') }),
  today: (body, { clock }) => {
    if (!clock) throw new HttpError(501, 'this sandbox runs on a fixed clock');
    return { ok: true, today: clock.setToday(typeof body.date === 'string' ? body.date : null) };
  },
  'workflow-step': async (body, { simulator }) => ({
    ok: true,
    run: await simulator.runWorkflowStep(persona(body), stringField(body, 'callbackId'), stepInputs(body.inputs)),
  }),
  'ephemeral-dismiss': (body, { simulator }) => {
    simulator.dismissEphemeral(persona(body), stringField(body, 'ts'));
    return { ok: true };
  },
};

export function createPageRoutes(deps: PageRouteDeps): ExtraHandler {
  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
    const path = url.pathname;
    if (path !== '/' && path !== '/index.html' && !path.startsWith('/sandbox/')) return false;
    if (!isAllowedHost(req, deps.port()) || !isAllowedOrigin(req, deps.port())) {
      sendJson(res, 403, { ok: false, error: 'the sandbox answers pages it served itself, on localhost only' });
      return true;
    }
    try {
      return await route(req, res, url, deps);
    } catch (error) {
      if (error instanceof HttpError) {
        sendJson(res, error.status, { ok: false, error: error.message });
      } else {
        deps.logger.error({ err: error, path }, 'sandbox page request failed');
        sendJson(res, 500, { ok: false, error: error instanceof Error ? error.message : String(error) });
      }
      return true;
    }
  };
}

async function route(req: http.IncomingMessage, res: http.ServerResponse, url: URL, deps: PageRouteDeps): Promise<boolean> {
  const path = url.pathname;
  const method = req.method ?? 'GET';
  if (method === 'GET' || method === 'HEAD') {
    if (path === '/' || path === '/index.html') return serveWebFile(res, 'index.html', deps.assets, method);
    if (path.startsWith('/sandbox/assets/')) return serveWebFile(res, path.slice('/sandbox/assets/'.length), deps.assets, method);
    if (path === '/sandbox/events') {
      deps.hub.open(req, res, { instanceId: deps.instanceId, appStatus: deps.health.status });
      return true;
    }
    if (path === '/sandbox/api/bootstrap') return reply(res, bootstrap(deps));
    if (path === '/sandbox/api/state') return reply(res, pageState(deps.fake, personaId(url.searchParams.get('user') ?? ''), deps.manifest.displayName));
    if (path === '/sandbox/api/inspector') {
      return reply(res, { entries: inspectorEntries(deps.fake.calls(), deps.log.all()), violations: deps.fake.violations().length });
    }
    const file = /^\/sandbox\/files\/(F\w+)$/.exec(path);
    if (file) return serveUploadedFile(res, deps.fake, file[1] ?? '');
    const image = /^\/sandbox\/images\/(F\w+)$/.exec(path);
    if (image) return serveUploadedImage(res, deps.fake, image[1] ?? '');
    return false;
  }
  if (method !== 'POST') return false;
  const job = /^\/sandbox\/jobs\/([\w-]+)\/run$/.exec(path);
  if (job) return reply(res, { ok: true, ...(await runJobNow(deps.jobRunner(), job[1] ?? '')) });
  const gesture = /^\/sandbox\/api\/([\w-]+)$/.exec(path)?.[1];
  const handler = gesture === undefined ? undefined : POST_ROUTES[gesture];
  if (!handler) return false;
  return reply(res, await handler(await readJson(req), deps));
}

function reply(res: http.ServerResponse, body: unknown): true {
  sendJson(res, 200, body);
  return true;
}

function bootstrap(deps: PageRouteDeps): Record<string, unknown> {
  const { fake, manifest } = deps;
  return {
    instanceId: deps.instanceId,
    team: fake.team,
    app: { name: manifest.displayName, userId: fake.bot.userId, botId: fake.bot.botId, homeTabEnabled: manifest.homeTabEnabled },
    personas: personaCards(),
    commands: manifest.commands,
    workflowSteps: Object.entries(manifest.functions).map(([callbackId, f]) => ({
      callbackId,
      title: f.title,
      // The runner fills user_id inputs; the page asks for the others.
      inputs: Object.entries(f.input_parameters)
        .filter(([, p]) => p.type !== 'slack#/types/user_id' && p.type !== 'slack#/types/interactivity')
        .map(([name, p]) => ({ name, title: p.title ?? name, hint: p.description ?? '' })),
    })),
    messageShortcuts: manifest.messageShortcuts,
    jobs: jobControlInfo(deps.jobRunner()),
    today: deps.clock?.today() ?? null,
    appStatus: deps.health.status,
  };
}

function serveUploadedFile(res: http.ServerResponse, fake: FakeSlack, fileId: string): true {
  const file = fake.workspace.files.get(fileId);
  if (!file?.content) throw new HttpError(404, 'no such file, or its bytes never arrived');
  // Always a download: an uploaded file must never be rendered as part of the page.
  res.writeHead(200, {
    'content-type': 'application/octet-stream',
    'content-disposition': `attachment; filename="${file.name.replace(/[^\w.-]/g, '_')}"`,
    'x-content-type-options': 'nosniff',
  });
  res.end(file.content);
  return true;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * What an image block's slack_file shows in the page. Only bytes that are a PNG are served
 * as an image (the app's charts); anything else stays a download from /sandbox/files/.
 */
function serveUploadedImage(res: http.ServerResponse, fake: FakeSlack, fileId: string): true {
  const file = fake.workspace.files.get(fileId);
  if (!file?.content || !file.content.subarray(0, 8).equals(PNG_SIGNATURE)) throw new HttpError(404, 'no such PNG image');
  res.writeHead(200, {
    'content-type': 'image/png',
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'",
    'cache-control': 'private, max-age=3600',
  });
  res.end(file.content);
  return true;
}

function personaId(value: string): string {
  if (!isPersona(value)) throw new HttpError(400, `"${value}" is not one of the demo personas`);
  return value;
}

function persona(body: Body): string {
  return personaId(stringField(body, 'user'));
}

/** What a person can enter: text, a number, a pick (option value / user / channel id), several picks, or nothing. */
function userInput(value: unknown): UserInput | undefined {
  if (value === undefined) return undefined;
  if (value === null || typeof value === 'string' || typeof value === 'number') return value;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  throw new HttpError(400, 'value must be a string, a number, a list of strings or null');
}

/** A step's inputs as the page typed them: text only (the runner fills user_id inputs). */
function stepInputs(value: unknown): Record<string, string> {
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new HttpError(400, '"inputs" must be an object keyed by input name');
  const typed = Object.entries(value).filter(([, v]) => typeof v === 'string' && v.trim() !== '');
  return Object.fromEntries(typed) as Record<string, string>;
}

function valuesField(value: unknown): Record<string, UserInput> {
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new HttpError(400, '"values" must be an object keyed by block_id');
  return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, userInput(v) ?? null]));
}
