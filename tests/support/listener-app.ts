// The Slack app without its HTTP server, for tests of what listeners do: the same Bolt app,
// AppContext, database and fake Slack as startTestApp (test-app.ts), but each request is
// handed straight to Bolt's `processEvent`, as bolt-js's own tests do. No signature, no
// front-door thread, no sockets to the app; its Web API calls still go to the fake Slack
// over HTTP. The driver is the same SlackDriver, so a test reads the same either way.
//
// Use startTestApp instead for what happens before a listener runs: signatures, the front
// door and its early `/reap update` modal under load, HTTP status codes, retry headers.
import type { ServerResponse } from 'node:http';
import {
  HTTPModuleFunctions,
  HTTPResponseAck,
  ReceiverMultipleAckError,
  type App,
  type BufferedIncomingMessage,
  type Receiver,
  type ReceiverEvent,
} from '@slack/bolt';
import type { ModalView } from '@slack/types';
import { migrate } from '../../src/db/migrate.js';
import { seedDatabase } from '../../src/db/seed/index.js';
import { openLoadingView, opensLoadingView } from '../../src/http/front-door/early-open.js';
import { LOADING_VIEW_CONTEXT_KEY } from '../../src/http/front-door/index.js';
import { createLogger } from '../../src/logger.js';
import { populateDemoWorkspace } from '../../src/sandbox/demo-workspace.js';
import {
  createFakeSlack,
  type DeliveryOptions,
  type DeliveryResult,
  type FakeSlack,
  FORM_CONTENT_TYPE,
  JSON_CONTENT_TYPE,
  parseJson,
} from '../../src/sandbox/fake-slack/index.js';
import { readManifestFacts } from '../../src/sandbox/manifest-facts.js';
import { createAppContext, type AppContext } from '../../src/services/app-context.js';
import { bootstrapAdmins } from '../../src/services/members.js';
import { createSlackApp } from '../../src/slack/app.js';
import { boltLogger } from '../../src/slack/bolt-logger.js';
import { closeHomeRefreshes } from '../../src/slack/features/home/refresh-queue.js';
import { LANGUAGES, translator, type Lang } from '../../src/slack/i18n/index.js';
import { lookupBotIdentity } from '../../src/slack/identity.js';
import { watchRememberedLanguages } from '../../src/slack/recent-languages.js';
import { changeNoticeMessage } from '../../src/slack/features/digests/ui/change-notice.js';
import { loadingView } from '../../src/slack/features/update/ui/update-message-views.js';
import { SlackDriver, type SlackTransport } from './slack-driver.js';
import { createTestDatabase, dropTestDatabase, type TestDatabase } from './test-db.js';
import { seededCopy, TEST_SIGNING_SECRET, testAppConfig, type TestAppOptions } from './test-app.js';

export interface ListenerApp {
  fake: FakeSlack;
  driver: SlackDriver;
  db: TestDatabase;
  /** The app's context, as startServer builds it. */
  ctx: AppContext;
  app: App;
  stop(): Promise<void>;
}

/** Options as for startTestApp. */
export type ListenerAppOptions = TestAppOptions;

/** Slack's requests go to the app as they do behind the front door (src/server.ts), minus HTTP. */
export async function startListenerApp(opts: ListenerAppOptions = {}): Promise<ListenerApp> {
  // The custom workflow steps Slack knows of are the ones the manifest declares.
  const fake = await createFakeSlack({ functions: readManifestFacts().functions, ...opts.fake }).start();
  populateDemoWorkspace(fake);
  let db: TestDatabase | undefined;
  try {
    const now = opts.now ?? (() => new Date());
    db = await createTestDatabase(seededCopy(opts, now));
    const config = testAppConfig(fake, opts);
    const logger = createLogger(config.logLevel);
    // What startServer does before Slack traffic is accepted, in the same order.
    const appDb = opts.prisma ? { ...db, prisma: opts.prisma(db.prisma) } : db;
    await migrate(appDb);
    const ctx = createAppContext(config, appDb, logger, now);
    ctx.renderChangeNotice = changeNoticeMessage;
    await bootstrapAdmins(ctx.prisma, config.adminUserIds);
    if ((opts.seed ?? true) && !db.seededAt) await seedDatabase(ctx.prisma, { now: now() });
    const identity = await lookupBotIdentity(fake.botToken, fake.url, logger);
    const receiver = new ProcessEventReceiver(fake);
    const app = createSlackApp(ctx, { mode: 'http', botToken: fake.botToken, signingSecret: TEST_SIGNING_SECRET, apiUrl: fake.url, identity }, receiver);
    watchRememberedLanguages(ctx, (user, lang) => receiver.tellLanguage(user, lang));
    const driver = new SlackDriver({ transport: receiver, fake });
    const testDb = db;
    return {
      fake,
      driver,
      db: testDb,
      ctx,
      app,
      stop: async () => {
        await closeHomeRefreshes(ctx);
        await fake.stop();
        await dropTestDatabase(testDb);
      },
    };
  } catch (e) {
    await fake.stop();
    await dropTestDatabase(db);
    throw e;
  }
}

/**
 * A Bolt receiver that is also the driver's transport: a request goes to `app.processEvent`
 * with Bolt's own HTTPResponseAck, so the ack is written, timed out (404 after 3 s, 5 s for
 * function_executed) and refused twice exactly as Bolt's HTTPReceiver does. Only the socket
 * is missing: the "response" records what would have been written to it.
 */
class ProcessEventReceiver implements Receiver, SlackTransport {
  private app: App | null = null;
  private readonly logger = boltLogger(createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'));
  /** The language each person was last answered in, as the front door keeps it. */
  private readonly languages = new Map<string, Lang>();
  private readonly loadingViews = Object.fromEntries(LANGUAGES.map((lang) => [lang, loadingView(translator(lang))])) as Record<Lang, ModalView>;

  constructor(private readonly fake: FakeSlack) {}

  init(app: App): void {
    this.app = app;
  }

  start(): Promise<void> {
    return Promise.resolve();
  }

  stop(): Promise<void> {
    return Promise.resolve();
  }

  tellLanguage(user: string, lang: Lang): void {
    this.languages.set(user, lang);
  }

  async send(text: string, contentType: string, delivery: DeliveryOptions): Promise<DeliveryResult> {
    const app = this.app;
    if (!app) throw new Error('the Slack app is not ready');
    const beforeBolt = (['signature', 'secret', 'timestamp', 'rawBody', 'contentType', 'headers'] as const).filter((k) => delivery[k] !== undefined);
    if (beforeBolt.length > 0) {
      throw new Error(`${beforeBolt.join(', ')}: the listener harness has no HTTP; test this with startTestApp`);
    }
    if (contentType !== FORM_CONTENT_TYPE && contentType !== JSON_CONTENT_TYPE) throw new Error(`unexpected content type ${contentType}`);
    const request = { rawBody: Buffer.from(text), headers: { 'content-type': contentType } } as unknown as BufferedIncomingMessage;
    const body = HTTPModuleFunctions.parseHTTPRequestBody(request) as ReceiverEvent['body'];
    const started = performance.now();
    const response = new RecordedResponse(started);
    const ack = new HTTPResponseAck({
      logger: this.logger,
      processBeforeResponse: false,
      httpRequest: request,
      httpRequestBody: body,
      httpResponse: response.asServerResponse(),
    });
    const customProperties: Record<string, unknown> = {};
    let boltAck = ack.bind();
    // The front door answers `/reap update` at once and opens its loading view (src/http/front-door);
    // the listener's ack is then a no-op, though a second one is still an error.
    const early = opensLoadingView(body);
    if (early) {
      await boltAck();
      let acks = 0;
      boltAck = async () => {
        if (acks++ > 0) throw new ReceiverMultipleAckError();
      };
      const view = this.loadingViews[this.languages.get(early.userId) ?? 'en'];
      customProperties[LOADING_VIEW_CONTEXT_KEY] = openLoadingView({ apiUrl: this.fake.url, botToken: this.fake.botToken }, early.triggerId, view);
    }
    const event: ReceiverEvent = { body, ack: boltAck, retryNum: delivery.retryNum, retryReason: delivery.retryReason, customProperties };
    app.processEvent(event).catch(async (error: unknown) => {
      const acknowledgedByHandler = await HTTPModuleFunctions.defaultProcessEventErrorHandler({
        error: error as Error,
        logger: this.logger,
        request: request as unknown as ReceiverEventRequest,
        response: response.asServerResponse(),
        storedResponse: ack.storedResponse,
      });
      if (acknowledgedByHandler) ack.ack();
    });
    return response.answer;
  }
}

type ReceiverEventRequest = Parameters<typeof HTTPModuleFunctions.defaultProcessEventErrorHandler>[0]['request'];

/** The little of a ServerResponse Bolt's ack and error handlers write to. */
class RecordedResponse {
  headersSent = false;
  private status = 0;
  private headers: Record<string, string> = {};
  private settle!: (result: DeliveryResult) => void;
  readonly answer = new Promise<DeliveryResult>((resolve) => {
    this.settle = resolve;
  });

  constructor(private readonly started: number) {}

  writeHead(status: number, headers: Record<string, string> = {}): this {
    if (this.headersSent) throw Object.assign(new Error('Cannot write headers after they are sent to the client'), { code: 'ERR_HTTP_HEADERS_SENT' });
    this.headersSent = true;
    this.status = status;
    this.headers = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
    return this;
  }

  end(chunk?: string): this {
    const text = chunk ?? '';
    const ms = Math.round(performance.now() - this.started);
    this.settle({ status: this.status, body: text, json: parseJson(text), headers: this.headers, ms });
    return this;
  }

  asServerResponse(): ServerResponse {
    return this as unknown as ServerResponse;
  }
}
