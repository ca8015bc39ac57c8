import { opaqueToken } from './ids.js';
import type { ViewOutput } from '@slack/bolt';
import { EventEmitter } from 'node:events';
import { systemClock, type Clock } from './clock.js';
import { handleControl } from './control.js';
import { FaultInjector, type FaultSpec } from './faults.js';
import { FunctionRegistry, type FunctionDefinition, type FunctionExecution } from './functions.js';
import { ResponseUrlRegistry, TriggerRegistry, type ResponseUrlContext } from './interactivity.js';
import { Journal, describeViolation, waitUntil, type JournalEvents } from './journal.js';
import type { FakeSlackSettings, MethodEnv } from './method-context.js';
import { METHODS } from './methods/index.js';
import { DEFAULT_POSTING_RATE, PostingRateLimiter, type RateLimitOptions } from './rate-limit.js';
import { HttpServer, jsonReply, type HttpReply, type IncomingCall } from './server.js';
import type {
  BotIdentity,
  CallRecord,
  ChannelSeed,
  EphemeralMessage,
  FakeChannel,
  FakeUser,
  JsonObject,
  StoredFile,
  StoredMessage,
  TeamInfo,
  UserSeed,
  Violation,
} from './types.js';
import { toViewOutput } from './view-output.js';
import { TokenBook, handleWebApi } from './web-api.js';
import { Workspace } from './workspace.js';

export interface FakeSlackOptions {
  /** Default 127.0.0.1: the fake is for this machine only. */
  host?: string;
  /** Default 0 (a free port, so parallel test files never collide). */
  port?: number;
  /** The bot token the app uses; default `xoxb-fake-bot-token`. */
  botToken?: string;
  /** More tokens to accept (e.g. a second installation). */
  extraTokens?: string[];
  team?: Partial<TeamInfo>;
  bot?: Partial<BotIdentity>;
  /** Time source for expiry and rate rules; pass a ManualClock to move time in tests. */
  clock?: Clock;
  /** chat.postMessage posting rate per channel; `false` turns the limit off. */
  postingRate?: RateLimitOptions | false;
  /** Whether the app has chat:write.public (post in public channels without joining). Default false. */
  chatWritePublic?: boolean;
  /** Whether the app's manifest enables the Home tab. Default true. */
  homeTabEnabled?: boolean;
  /** The manifest's `functions` (custom workflow steps), by callback_id. */
  functions?: Record<string, FunctionDefinition>;
  /** The most recent calls `calls()` keeps; default DEFAULT_JOURNAL_LIMIT (10,000). */
  journalLimit?: number;
  users?: UserSeed[];
  channels?: ChannelSeed[];
}

export const DEFAULT_BOT_TOKEN = 'xoxb-fake-bot-token';
export const DEFAULT_TEAM: TeamInfo = { id: 'T0CITY', name: 'City of San José', domain: 'sanjose-city', email_domain: 'sanjoseca.gov' };
export const DEFAULT_BOT: BotIdentity = { userId: 'U0BOT', botId: 'B0BOT', appId: 'A0REAP', name: 'reap' };

export interface AssertOptions {
  /** Error codes the test expects (e.g. it provoked hash_conflict on purpose). */
  allow?: string[];
}

/**
 * A strict local stand-in for Slack's Web API. Start it, point the app's
 * `clientOptions.slackApiUrl` at `fake.url`, seed users and channels, then watch what the app
 * does through the accessors, the call log (`calls()`, `on('call')`) and `violations()`.
 */
export class FakeSlack extends EventEmitter<JournalEvents> {
  readonly clock: Clock;
  readonly workspace: Workspace;
  readonly triggers: TriggerRegistry;
  readonly responseUrls: ResponseUrlRegistry;
  readonly faults = new FaultInjector();
  readonly functions: FunctionRegistry;
  readonly journal: Journal;
  readonly botToken: string;
  private readonly tokens: TokenBook;
  private readonly server: HttpServer;
  private readonly env: MethodEnv;

  constructor(options: FakeSlackOptions = {}) {
    super();
    this.journal = new Journal(options.journalLimit);
    // Re-emit so callers can write fake.on('call', …) and fake.on('violation', …).
    this.journal.on('call', (call) => this.emit('call', call));
    this.journal.on('violation', (violation) => this.emit('violation', violation));
    this.clock = options.clock ?? systemClock;
    this.botToken = options.botToken ?? DEFAULT_BOT_TOKEN;
    this.tokens = new TokenBook([this.botToken, ...(options.extraTokens ?? [])]);
    this.workspace = new Workspace({ ...DEFAULT_TEAM, ...options.team }, { ...DEFAULT_BOT, ...options.bot }, this.clock);
    this.triggers = new TriggerRegistry(this.clock);
    this.responseUrls = new ResponseUrlRegistry(this.clock);
    this.functions = new FunctionRegistry(this.clock);
    this.defineFunctions(options.functions ?? {});
    const settings: FakeSlackSettings = {
      chatWritePublic: options.chatWritePublic ?? false,
      homeTabEnabled: options.homeTabEnabled ?? true,
    };
    const rate = options.postingRate === false ? null : new PostingRateLimiter(this.clock, options.postingRate ?? DEFAULT_POSTING_RATE);
    this.env = {
      workspace: this.workspace,
      triggers: this.triggers,
      responseUrls: this.responseUrls,
      postingRate: rate,
      functions: this.functions,
      clock: this.clock,
      origin: '',
      settings,
    };
    for (const user of options.users ?? []) this.addUser(user);
    for (const channel of options.channels ?? []) this.addChannel(channel);
    this.server = new HttpServer(options.host ?? '127.0.0.1', options.port ?? 0, (call) => this.route(call));
  }

  // ---------- lifecycle ----------

  async start(): Promise<this> {
    const port = await this.server.start();
    this.env.origin = `http://127.0.0.1:${port}`;
    return this;
  }

  async stop(): Promise<void> {
    await this.server.stop();
  }

  /** `http://127.0.0.1:PORT` */
  get origin(): string {
    return `http://127.0.0.1:${this.server.listeningPort}`;
  }

  /** The Web API base URL for `slackApiUrl`: `http://127.0.0.1:PORT/api/`. */
  get url(): string {
    return `${this.origin}/api/`;
  }

  get team(): TeamInfo {
    return this.workspace.team;
  }

  get bot(): BotIdentity {
    return this.workspace.bot;
  }

  private route(call: IncomingCall): Promise<HttpReply> {
    const path = call.url.pathname;
    if (path.startsWith('/api/')) {
      const deps = { env: this.env, tokens: this.tokens, faults: this.faults, journal: this.journal, methods: METHODS };
      return handleWebApi(call, decodeURIComponent(path.slice('/api/'.length)), deps);
    }
    if (path.startsWith('/_fake/')) {
      return handleControl(call, {
        workspace: this.workspace,
        triggers: this.triggers,
        responseUrls: this.responseUrls,
        faults: this.faults,
        journal: this.journal,
        clock: this.clock,
        origin: () => this.origin,
        snapshot: () => this.snapshot(),
      });
    }
    return Promise.resolve(jsonReply(404, { ok: false, error: 'not_found' }));
  }

  // ---------- seeding ----------

  addUser(seed: UserSeed): FakeUser {
    return this.workspace.addUser(seed);
  }

  addChannel(seed: ChannelSeed): FakeChannel {
    return this.workspace.addChannel(seed);
  }

  joinChannel(channelId: string, userId: string = this.bot.userId): void {
    this.requireChannel(channelId).members.add(userId);
  }

  leaveChannel(channelId: string, userId: string = this.bot.userId): void {
    this.requireChannel(channelId).members.delete(userId);
  }

  archiveChannel(channelId: string): void {
    this.requireChannel(channelId).is_archived = true;
  }

  deactivateUser(userId: string): void {
    const user = this.workspace.users.get(userId);
    if (!user) throw new Error(`no user ${userId}`);
    user.deleted = true;
  }

  addToken(token: string): void {
    this.tokens.add(token);
  }

  revokeToken(token: string = this.botToken): void {
    this.tokens.revoke(token);
  }

  private requireChannel(channelId: string): FakeChannel {
    const channel = this.workspace.channels.get(channelId);
    if (!channel) throw new Error(`no channel ${channelId}`);
    return channel;
  }

  // ---------- what Slack hands the app with an interaction ----------

  /** A trigger_id for `userId`'s client: single use, valid for 3 s of the fake's clock. */
  issueTriggerId(userId: string): string {
    return this.triggers.issue(userId);
  }

  /**
   * A response_url on this fake (5 uses within 30 minutes). Pass the message the interaction
   * came from (`messageTs`) to let replace_original / delete_original act on it.
   */
  issueResponseUrl(channel: string, user: string): string;
  issueResponseUrl(context: ResponseUrlContext): string;
  issueResponseUrl(channelOrContext: string | ResponseUrlContext, user?: string): string {
    const context = typeof channelOrContext === 'string' ? { channel: channelOrContext, user: user ?? '' } : channelOrContext;
    return `${this.origin}/_fake/response/${this.responseUrls.issue(context)}`;
  }

  // ---------- custom workflow steps ----------

  /** Declares the manifest's custom steps (its `functions` object), as saving the manifest would. */
  defineFunctions(functions: Record<string, FunctionDefinition>): void {
    for (const [callbackId, definition] of Object.entries(functions)) this.functions.define(callbackId, definition);
  }

  /**
   * A workflow reaches one of the app's steps: a new run with its own workflow token, which
   * the Web API accepts from now on. `runner`, the person running the workflow, fills each
   * user_id input left unset, as Workflow Builder's "person who used this workflow" does.
   * Send the `function_executed` event with the driver.
   */
  /**
   * `interactive`: the workflow passes the step its interactivity (the step follows one a
   * person started), so an interactivity input gets a pointer for `runner`.
   */
  startFunctionExecution(callbackId: string, inputs: JsonObject, runner?: string, options: { interactive?: boolean } = {}): FunctionExecution {
    const filled: JsonObject = { ...inputs };
    const declared = this.functions.definition(callbackId)?.input_parameters ?? {};
    if (runner !== undefined) {
      for (const [name, p] of Object.entries(declared)) if (p.type === 'slack#/types/user_id' && filled[name] === undefined) filled[name] = runner;
    }
    // An input of type interactivity gets a pointer: a trigger, usable once within 3 s, that
    // opens a modal belonging to this run (docs.slack.dev, "Adding interactivity to custom steps").
    const interactive = Object.entries(declared).find(([, p]) => p.type === 'slack#/types/interactivity');
    let pointer: string | undefined;
    if (options.interactive && interactive && runner !== undefined && filled[interactive[0]] === undefined) {
      pointer = this.triggers.issue(runner);
      filled[interactive[0]] = { interactivity_pointer: pointer, interactor: { id: runner, secret: opaqueToken() } };
    }
    const execution = this.functions.start(callbackId, filled);
    if (pointer) execution.interactivityPointer = pointer;
    this.tokens.add(execution.botAccessToken);
    return execution;
  }

  functionExecution(id: string): FunctionExecution | undefined {
    return this.functions.execution(id);
  }

  // ---------- observing ----------

  messages(channelId: string): StoredMessage[] {
    return this.workspace.messages(channelId);
  }

  /** The bot's DM with a user (created if needed), to read what the app sent there. */
  dmChannelId(userId: string): string {
    return this.workspace.dmWith(userId).channel.id;
  }

  /**
   * Slack forgets the bot's DM with a user (it happens after long silence or a workspace
   * migration): the old D… id answers channel_not_found, conversations.open makes a new one.
   */
  forgetDm(userId: string): string | null {
    const dm = [...this.workspace.channels.values()].find((c) => c.kind === 'im' && c.dmUser === userId);
    if (!dm) return null;
    this.workspace.channels.delete(dm.id);
    return dm.id;
  }

  ephemerals(userId?: string): EphemeralMessage[] {
    return this.workspace.ephemerals(userId);
  }

  /** The user's open modal stack as Slack would describe it, root first. */
  openViews(userId: string): ViewOutput[] {
    return this.workspace.modalStack(userId).map((v) => toViewOutput(v, this.team, this.bot));
  }

  homeView(userId: string): ViewOutput | undefined {
    const view = this.workspace.homeView(userId);
    return view && toViewOutput(view, this.team, this.bot);
  }

  view(viewId: string): ViewOutput | undefined {
    const view = this.workspace.view(viewId);
    return view && toViewOutput(view, this.team, this.bot);
  }

  /** Errors shown under a modal's inputs after `response_action: errors`, if any. */
  viewErrors(viewId: string): Record<string, string> | null {
    return this.workspace.view(viewId)?.errors ?? null;
  }

  files(): StoredFile[] {
    return [...this.workspace.files.values()];
  }

  /** The text of an uploaded file (e.g. a CSV export), or undefined before its bytes arrive. */
  fileText(fileId: string): string | undefined {
    return this.workspace.files.get(fileId)?.content?.toString('utf8');
  }

  calls(method?: string): CallRecord[] {
    return this.journal.calls(method);
  }

  violations(): Violation[] {
    return this.journal.violations();
  }

  clearViolations(): void {
    this.journal.clearViolations();
  }

  recordViolation(violation: Omit<Violation, 'at'>): void {
    this.journal.recordViolation({ ...violation, at: this.clock.now() });
  }

  /** Throws listing every rule the app broke, so a test fails with Slack's own words. */
  assertNoViolations(options: AssertOptions = {}): void {
    const allowed = new Set(options.allow ?? []);
    const unexpected = this.violations().filter((v) => !allowed.has(v.code));
    if (unexpected.length === 0) return;
    throw new Error(`Slack would have rejected ${unexpected.length} request(s):\n${unexpected.map((v) => `  - ${describeViolation(v)}`).join('\n')}`);
  }

  waitFor<T>(probe: () => T | undefined | null | false, timeoutMs = 2000, description = 'a condition'): Promise<T> {
    return waitUntil(probe, timeoutMs, description);
  }

  /** Waits for a (successful, unless `predicate` says otherwise) Web API call. */
  waitForCall(method: string, predicate: (call: CallRecord) => boolean = isOk, timeoutMs = 2000): Promise<CallRecord> {
    return waitUntil(() => this.calls(method).find(predicate), timeoutMs, `a ${method} call`);
  }

  // ---------- faults ----------

  /** Make the next `times` calls to `method` answer HTTP 200 `{ok:false, error}`. */
  failNext(method: string, error: string, times: FaultSpec['times'] = 1): string {
    return this.faults.add({ method, kind: 'error', error, times });
  }

  /** Make the next calls answer HTTP 429 with `Retry-After: retryAfterSeconds`. */
  rateLimitNext(method: string, retryAfterSeconds = 1, times: FaultSpec['times'] = 1): string {
    return this.faults.add({ method, kind: 'ratelimited', retryAfter: retryAfterSeconds, times });
  }

  /** Make the next calls answer with an HTTP error status (an HTML error page by default). */
  httpErrorNext(method: string, status = 500, body?: string, times: FaultSpec['times'] = 1): string {
    return this.faults.add({ method, kind: 'http', status, body, times });
  }

  /** Delay the next calls by `ms` of real time. */
  delayNext(method: string, ms: number, times: FaultSpec['times'] = 1): string {
    return this.faults.add({ method, kind: 'latency', ms, times });
  }

  /** Drop the connection on the next calls (the client sees a network error). */
  disconnectNext(method: string, times: FaultSpec['times'] = 1): string {
    return this.faults.add({ method, kind: 'disconnect', times });
  }

  clearFaults(): void {
    this.faults.clear();
  }

  // ---------- snapshot for the sandbox page ----------

  snapshot(): JsonObject {
    const ws = this.workspace;
    const users = [...ws.users.values()];
    return {
      team: ws.team,
      bot: ws.bot,
      users,
      channels: [...ws.channels.values()].map((c) => ({ ...c, members: [...c.members] })),
      messages: ws.allMessages(),
      ephemerals: ws.ephemerals(),
      modals: Object.fromEntries(users.flatMap((u) => (ws.modalStack(u.id).length > 0 ? [[u.id, this.openViews(u.id)]] : []))),
      home: Object.fromEntries(users.flatMap((u) => (ws.homeView(u.id) ? [[u.id, this.homeView(u.id)]] : []))),
      files: this.files().map(({ content, ...file }) => ({ ...file, size: content?.length ?? 0 })),
    };
  }
}

function isOk(call: CallRecord): boolean {
  return call.httpStatus === 200 && typeof call.response === 'object' && call.response !== null && (call.response as JsonObject).ok === true;
}

export function createFakeSlack(options?: FakeSlackOptions): FakeSlack {
  return new FakeSlack(options);
}
