// Plays the part of Slack's client and servers for a person using the sandbox page: a typed
// `/reap …` becomes a signed slash command, a click a block_actions payload, a modal's Submit
// a view_submission, and the app's answer is applied the way Slack applies it (ephemeral,
// modal stack, inline errors). Payloads and ack handling come from the fake Slack, so the
// page and the end-to-end tests exercise the app identically.
import {
  FORM_CONTENT_TYPE,
  JSON_CONTENT_TYPE,
  ackFailure,
  appHomeOpenedEvent,
  applySlashCommandAck,
  applySubmissionAck,
  deliver,
  enterViewValues,
  eventEnvelope,
  formBody,
  functionExecutedEvent,
  messageActionPayload,
  messageShortcutPayload,
  missingRequiredInputs,
  parseSubmissionAck,
  payloadBody,
  slashCommandPayload,
  userMessageEvents,
  viewActionPayload,
  viewClosedPayload,
  viewSubmissionPayload,
  type AckViolation,
  type DeliveryResult,
  type FakeSlack,
  type JsonObject,
  type UserInput,
  type ViewRecord,
} from './fake-slack/index.js';
import { findElement, stateValueFromInput } from './fake-slack/view-state.js';
import type { AppHealth } from './app-health.js';
import { transportErrorText } from './app-health.js';
import type { DeliveryKind, DeliveryLog } from './delivery-log.js';
import { HttpError } from './http-json.js';
import type { ManifestFacts } from './manifest-facts.js';

/** Marks ephemerals the sandbox itself shows as Slackbot (unknown command, dispatch_failed…). */
export const SLACKBOT_SOURCE = 'sandbox:slackbot';

/** Bolt answers an unacknowledged request itself after 3 s; waiting longer only hides a hang. */
const DELIVERY_TIMEOUT_MS = 10_000;

export interface SimulatorDeps {
  fake: FakeSlack;
  signingSecret: string;
  /** The app's request URL; read per delivery because the app may restart on a new server. */
  appUrl: () => string;
  manifest: ManifestFacts;
  log: DeliveryLog;
  health: AppHealth;
  /** Called after anything that may have changed what the page shows. */
  changed: () => void;
}

export interface SendOutcome {
  status: number;
  ms: number;
  transportError?: string;
}

export interface WorkflowStepOutcome extends SendOutcome {
  executionId: string;
  /** `running` when the app has not ended the run yet (the page says so). */
  state: 'running' | 'completed' | 'failed';
  outputs?: JsonObject;
  error?: string;
}

/** How long the page waits for the app to end a workflow step it ran. */
const STEP_WAIT_MS = 5_000;

export type SubmitOutcome =
  | { kind: 'delivered'; ack: string }
  | { kind: 'incomplete'; errors: Record<string, string> }
  | { kind: 'unreachable'; message: string };

interface Sent {
  result?: DeliveryResult;
  transportError?: string;
  at: number;
  ms: number;
}

export class SlackClientSimulator {
  constructor(private readonly deps: SimulatorDeps) {}

  private get fake(): FakeSlack {
    return this.deps.fake;
  }

  // ---------- the composer ----------

  /** A line starting with `/`: Slack runs the command if the app declares it, else Slackbot says it is not valid. */
  async slashCommand(user: string, channel: string, line: string): Promise<SendOutcome | null> {
    this.requireMember(user, channel);
    const match = /^(\/\S+)\s*([\s\S]*)$/.exec(line.trim());
    const command = match?.[1]?.toLowerCase() ?? '';
    if (!this.deps.manifest.commands.some((c) => c.command === command)) {
      this.slackbot(
        user,
        channel,
        `\`${command || line}\` is not a valid command. In Slack, all messages that start with the "/" character are interpreted as commands.`,
      );
      return null;
    }
    const payload = slashCommandPayload(this.fake, { user, channel, command, text: match?.[2]?.trim() ?? '' });
    const sent = await this.send(formBody(payload as unknown as Record<string, string>), FORM_CONTENT_TYPE);
    const violations = sent.result ? applySlashCommandAck(this.fake, payload, sent.result) : [];
    // Slack's own wording when a command's request URL fails or answers late.
    if (sent.transportError !== undefined) this.slackbot(user, channel, `${command} failed with the error "dispatch_failed"`);
    else if (sent.result && ackFailure(sent.result, '')) this.slackbot(user, channel, `${command} failed with the error "operation_timeout"`);
    return this.finish('slash_command', user, payload, sent, violations);
  }

  /** Plain text: stored as the user's message, then the `message` (and `app_mention`) events. */
  async postMessage(user: string, channel: string, text: string): Promise<SendOutcome | null> {
    this.requireMember(user, channel);
    const target = this.fake.workspace.channels.get(channel);
    if (target?.kind === 'im' && this.deps.manifest.messagesTabReadOnly) {
      this.slackbot(
        user,
        channel,
        `Sending messages to this app has been turned off (its manifest sets messages_tab_read_only_enabled). Slash commands still work here.`,
      );
      return null;
    }
    let last: SendOutcome | null = null;
    for (const event of userMessageEvents(this.fake, { user, channel, text })) {
      last = await this.event(user, event);
    }
    return last;
  }

  // ---------- interactivity ----------

  async messageAction(input: {
    user: string;
    channel: string;
    messageTs: string;
    actionId: string;
    blockId?: string;
    value?: UserInput;
  }): Promise<SendOutcome> {
    const payload = this.buildPayload(() => messageActionPayload(this.fake, input));
    return this.interaction('block_actions', input.user, payload);
  }

  /** "More actions" on a message → one of the app's message shortcuts; Slack offers only those the manifest declares. */
  async messageShortcut(input: { user: string; channel: string; messageTs: string; callbackId: string }): Promise<SendOutcome> {
    this.requireUser(input.user);
    if (!this.deps.manifest.messageShortcuts.some((s) => s.callbackId === input.callbackId)) {
      throw new HttpError(400, `the app's manifest declares no message shortcut "${input.callbackId}"`);
    }
    const payload = this.buildPayload(() => messageShortcutPayload(this.fake, input));
    return this.interaction('message_action', input.user, payload);
  }

  async viewAction(input: { user: string; viewId: string; actionId: string; blockId?: string; value?: UserInput }): Promise<SendOutcome> {
    this.requireOwnView(input.user, input.viewId);
    const payload = this.buildPayload(() => viewActionPayload(this.fake, input));
    return this.interaction('block_actions', input.user, payload);
  }

  /**
   * Keeps what the user typed or picked in a modal or the Home tab, as Slack's client does,
   * so views.update keeps it and block_actions payloads carry it. Unlike a submission this
   * does not check min_length: the user is still typing.
   */
  setViewValue(user: string, viewId: string, blockId: string, actionId: string, value: UserInput): void {
    const view = this.requireOwnView(user, viewId);
    const blocks = Array.isArray(view.definition.blocks) ? view.definition.blocks : [];
    const found = findElement(blocks, { actionId, blockId });
    if (!found) throw new HttpError(404, `view ${viewId} has no element ${blockId}/${actionId}`);
    const stateValue = this.buildPayload(() => stateValueFromInput(found.element, value));
    (view.state[blockId] ??= {})[actionId] = stateValue;
  }

  async submitView(user: string, viewId: string, values: Record<string, UserInput>): Promise<SubmitOutcome> {
    const view = this.requireTopModal(user, viewId);
    this.buildPayload(() => enterViewValues(view, values));
    const missing = missingRequiredInputs(view);
    if (missing.length > 0) {
      // Slack's client refuses to submit and says so under each empty required input.
      return { kind: 'incomplete', errors: Object.fromEntries(missing.map((id) => [id, 'Please complete this required field.'])) };
    }
    const payload = viewSubmissionPayload(this.fake, view);
    const sent = await this.send(payloadBody(payload), FORM_CONTENT_TYPE);
    const violations = sent.result ? applySubmissionAck(this.fake, view, sent.result, true) : [];
    this.finish('view_submission', user, payload, sent, violations);
    if (!sent.result) return { kind: 'unreachable', message: 'We had some trouble connecting. Try again?' };
    if (ackFailure(sent.result, ''))
      return {
        kind: 'unreachable',
        message: `We had some trouble connecting. Try again? (the app answered HTTP ${sent.result.status} after ${sent.result.ms} ms)`,
      };
    return { kind: 'delivered', ack: parseSubmissionAck(sent.result).action };
  }

  /** Cancel (top view) or the X (whole stack); the app hears of it only with notify_on_close. */
  async closeView(user: string, viewId: string, all: boolean): Promise<SendOutcome | null> {
    const view = this.requireTopModal(user, viewId);
    const payload = viewClosedPayload(this.fake, view, all);
    if (all) this.fake.workspace.clearModals(user);
    else this.fake.workspace.popModal(user);
    this.deps.changed();
    if (view.definition.notify_on_close !== true) return null;
    return this.interaction('view_closed', user, payload);
  }

  async openAppHome(user: string, tab: 'home' | 'messages'): Promise<SendOutcome> {
    this.requireUser(user);
    return this.event(user, appHomeOpenedEvent(this.fake, user, tab));
  }

  /** A workflow the person runs reaches one of the app's custom steps; resolves when the app ended it (or after 5 s). */
  async runWorkflowStep(user: string, callbackId: string, inputs: JsonObject): Promise<WorkflowStepOutcome> {
    this.requireUser(user);
    if (!this.fake.functions.definition(callbackId)) throw new HttpError(404, `the manifest declares no step "${callbackId}"`);
    const execution = this.fake.startFunctionExecution(callbackId, inputs, user);
    const sent = await this.event(user, functionExecutedEvent(this.fake, execution) as unknown as JsonObject);
    await this.fake.waitFor(() => execution.state !== 'running', STEP_WAIT_MS, 'the step to end').catch(() => undefined);
    this.deps.changed();
    return { ...sent, executionId: execution.id, state: execution.state, outputs: execution.outputs, error: execution.error };
  }

  dismissEphemeral(user: string, ts: string): void {
    const ephemeral = this.fake.workspace.findEphemeral(ts);
    if (!ephemeral || ephemeral.user !== user) throw new HttpError(404, 'no such ephemeral message for this user');
    this.fake.workspace.removeEphemeral(ts);
    this.deps.changed();
  }

  // ---------- plumbing ----------

  private async event(user: string, event: JsonObject): Promise<SendOutcome> {
    const envelope = eventEnvelope(this.fake, event);
    const sent = await this.send(JSON.stringify(envelope), JSON_CONTENT_TYPE);
    const failure = sent.result ? ackFailure(sent.result, `ack:event:${String(event.type)}`) : undefined;
    return this.finish(`event:${String(event.type)}`, user, envelope, sent, failure ? [failure] : []);
  }

  private async interaction(kind: DeliveryKind, user: string, payload: unknown): Promise<SendOutcome> {
    const sent = await this.send(payloadBody(payload), FORM_CONTENT_TYPE);
    const failure = sent.result ? ackFailure(sent.result, `ack:${kind}`) : undefined;
    return this.finish(kind, user, payload, sent, failure ? [failure] : []);
  }

  private async send(body: string, contentType: string): Promise<Sent> {
    const at = Date.now();
    const started = performance.now();
    try {
      const result = await deliver({ url: this.deps.appUrl(), secret: this.deps.signingSecret, body, contentType }, { timeoutMs: DELIVERY_TIMEOUT_MS });
      return { result, at, ms: result.ms };
    } catch (error) {
      return { transportError: transportErrorText(error), at, ms: Math.round(performance.now() - started) };
    }
  }

  private finish(kind: DeliveryKind, user: string, request: unknown, sent: Sent, violations: AckViolation[]): SendOutcome {
    for (const violation of violations) this.fake.recordViolation(violation);
    const status = sent.result?.status ?? 0;
    this.deps.log.record({
      kind,
      at: sent.at,
      user,
      request,
      status,
      response: sent.result ? (sent.result.json ?? sent.result.body) : undefined,
      ms: sent.ms,
      transportError: sent.transportError,
      violations,
    });
    const outcome = { status, ms: sent.ms, transportError: sent.transportError };
    this.deps.health.observe(outcome);
    this.deps.changed();
    return outcome;
  }

  /** The fake's builders throw plain Errors for gestures a real user could not make; those are the page's mistake. */
  private buildPayload<T>(build: () => T): T {
    try {
      return build();
    } catch (error) {
      throw new HttpError(400, error instanceof Error ? error.message : String(error));
    }
  }

  private slackbot(user: string, channel: string, text: string): void {
    this.fake.workspace.addEphemeral({ channel, user, text, source: SLACKBOT_SOURCE });
    this.deps.changed();
  }

  private requireUser(user: string): void {
    const known = this.fake.workspace.users.get(user);
    if (!known || known.is_bot) throw new HttpError(400, `unknown user ${user}`);
  }

  private requireMember(user: string, channel: string): void {
    this.requireUser(user);
    const target = this.fake.workspace.channels.get(channel);
    if (!target) throw new HttpError(404, `unknown channel ${channel}`);
    const member = target.kind === 'im' ? target.dmUser === user : target.members.has(user);
    if (!member) throw new HttpError(403, `${user} is not in ${channel}`);
  }

  private requireOwnView(user: string, viewId: string): ViewRecord {
    this.requireUser(user);
    const view = this.fake.workspace.view(viewId);
    if (!view || view.userId !== user || !this.fake.workspace.isLive(view)) throw new HttpError(409, `view ${viewId} is not open for ${user}`);
    return view;
  }

  private requireTopModal(user: string, viewId: string): ViewRecord {
    const view = this.requireOwnView(user, viewId);
    const top = this.fake.workspace.modalStack(user).at(-1);
    if (view.type !== 'modal' || top?.id !== viewId) throw new HttpError(409, `view ${viewId} is not the modal on top`);
    return view;
  }
}
