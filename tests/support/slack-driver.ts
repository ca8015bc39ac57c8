import type { BlockAction, MessageShortcut, SlashCommand, ViewOutput, ViewSubmitAction } from '@slack/bolt';
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
  type AssertOptions,
  type DeliveryOptions,
  type DeliveryResult,
  type FakeSlack,
  type FunctionExecution,
  type JsonObject,
  type MessageActionInput,
  type MessageShortcutInput,
  type SlashCommandInput,
  type SubmissionAck,
  type UserInput,
  type UserMessageInput,
  type ViewActionInput,
  type ViewRecord,
} from '../../src/sandbox/fake-slack/index.js';
import { readManifestFacts } from '../../src/sandbox/manifest-facts.js';

export { signRequest } from '../../src/sandbox/fake-slack/index.js';
export type { DeliveryOptions, DeliveryResult } from '../../src/sandbox/fake-slack/index.js';

/**
 * Plays Slack's part towards the app under test: sends correctly signed slash commands,
 * interactions and events over real HTTP to the app's request URL (or, in the listener
 * harness, straight to Bolt's processEvent: see SlackTransport), then does with the app's
 * answer what Slack's client would (show an ephemeral, close or update a modal…), using the
 * FakeSlack for trigger ids, response_urls and state.
 *
 * Strict mode (default) also checks what Slack checks silently: views returned in an ack,
 * `response_action: errors` keys, the 3-second ack deadline. Problems land in
 * `fake.violations()`; call `assertNoViolations()` (e.g. in afterEach) to fail the test with them.
 */

/**
 * How a request reaches the app and its answer comes back. Over HTTP (`httpTransport`) it is
 * signed and goes through the front door; the listener harness (listener-app.ts) hands it to
 * Bolt's processEvent instead. Either way the answer is what Slack would get back.
 */
export interface SlackTransport {
  send(body: string, contentType: string, delivery: DeliveryOptions): Promise<DeliveryResult>;
}

/** Signed requests over real HTTP to the app's request URL. */
export function httpTransport(appUrl: string, signingSecret: string): SlackTransport {
  return { send: (body, contentType, delivery) => deliver({ url: appUrl, secret: signingSecret, body, contentType }, delivery) };
}

export type SlackDriverOptions = (
  | {
      /** The app's request URL, e.g. http://127.0.0.1:PORT/slack/events */
      appUrl: string;
      signingSecret: string;
    }
  | { transport: SlackTransport }
) & {
  fake: FakeSlack;
  /** Default true. */
  strict?: boolean;
};

export interface SlashCommandResult extends DeliveryResult {
  payload: SlashCommand;
}

export interface BlockActionResult extends DeliveryResult {
  payload: BlockAction;
}

export interface MessageShortcutResult extends DeliveryResult {
  payload: MessageShortcut;
}

export interface ViewSubmissionResult extends DeliveryResult {
  payload: ViewSubmitAction;
  ack: SubmissionAck;
  violations: AckViolation[];
}

export interface ViewSubmissionInput {
  viewId: string;
  /** Values to type or pick, keyed by block_id (or action_id); unchanged inputs keep their state. */
  values?: Readonly<Record<string, UserInput>>;
  /** Defaults to the user the view is open for; must match it if given. */
  user?: string;
}

export interface WorkflowStepInput {
  callbackId: string;
  inputs?: JsonObject;
  /**
   * The person running the workflow: fills each user_id input left unset, as Workflow
   * Builder's "person who used this workflow" does.
   */
  user?: string;
  /** The workflow hands the step its interactivity (a pointer for `user`); the step may open a form. */
  interactive?: boolean;
}

export interface WorkflowStepResult {
  execution: FunctionExecution;
  delivery: DeliveryResult;
  /** How the app ended the run (functions.completeSuccess or completeError). */
  completion: { state: 'completed'; outputs: JsonObject } | { state: 'failed'; error: string };
}

export class SlackDriver {
  /** What was sent for each run, so a redelivery repeats it exactly (same event_id). */
  private readonly functionEnvelopes = new Map<string, JsonObject>();

  readonly fake: FakeSlack;
  readonly strict: boolean;
  readonly transport: SlackTransport;

  constructor(options: SlackDriverOptions) {
    this.fake = options.fake;
    this.strict = options.strict ?? true;
    this.transport = 'transport' in options ? options.transport : httpTransport(options.appUrl, options.signingSecret);
  }

  /** `/reap text` typed by `user` in `channel`. The ack is shown like Slack would (ephemeral/in_channel). */
  async slashCommand(input: SlashCommandInput, delivery: DeliveryOptions = {}): Promise<SlashCommandResult> {
    const payload = slashCommandPayload(this.fake, input);
    const result = await this.send(formBody(payload as Record<string, string>), FORM_CONTENT_TYPE, delivery);
    if (!isTampered(delivery)) this.record(applySlashCommandAck(this.fake, payload, result));
    return { ...result, payload };
  }

  /** A click or pick in a message (give `channel` + `messageTs`) or in a modal / App Home (give `viewId`). */
  async blockAction(input: MessageActionInput | ViewActionInput, delivery: DeliveryOptions = {}): Promise<BlockActionResult> {
    const payload = 'viewId' in input ? viewActionPayload(this.fake, input) : messageActionPayload(this.fake, input);
    const result = await this.send(payloadBody(payload), FORM_CONTENT_TYPE, delivery);
    this.checkAck(result, 'ack:block_actions', delivery);
    return { ...result, payload };
  }

  /**
   * The user runs a message shortcut on a message ("More actions" → the shortcut). Strict mode
   * refuses a callback_id the app's manifest does not declare: Slack's menu would not offer it.
   */
  async messageShortcut(input: MessageShortcutInput, delivery: DeliveryOptions = {}): Promise<MessageShortcutResult> {
    if (this.strict && !readManifestFacts().messageShortcuts.some((s) => s.callbackId === input.callbackId)) {
      throw new Error(`the app's manifest declares no message shortcut "${input.callbackId}", so Slack would not offer it`);
    }
    const payload = messageShortcutPayload(this.fake, input);
    const result = await this.send(payloadBody(payload), FORM_CONTENT_TYPE, delivery);
    this.checkAck(result, 'ack:message_action', delivery);
    return { ...result, payload };
  }

  /** The user fills in the top modal and presses Submit; the ack moves the modal stack like Slack. */
  async viewSubmission(input: ViewSubmissionInput, delivery: DeliveryOptions = {}): Promise<ViewSubmissionResult> {
    const view = this.topModal(input.viewId, input.user);
    enterViewValues(view, input.values ?? {});
    const missing = missingRequiredInputs(view);
    if (this.strict && missing.length > 0) {
      throw new Error(`Slack's client would not submit view ${view.id}: required inputs are empty: ${missing.join(', ')}`);
    }
    const payload = viewSubmissionPayload(this.fake, view);
    const result = await this.send(payloadBody(payload), FORM_CONTENT_TYPE, delivery);
    const ack = parseSubmissionAck(result);
    const violations = isTampered(delivery) ? [] : applySubmissionAck(this.fake, view, result, this.strict);
    this.record(violations);
    return { ...result, payload, ack, violations };
  }

  /**
   * The user closes the top modal (Cancel) or the whole stack (`isCleared`, the X button).
   * Slack tells the app only when the view set notify_on_close; otherwise this returns null.
   */
  async viewClosed(input: { viewId: string; user?: string; isCleared?: boolean }, delivery: DeliveryOptions = {}): Promise<DeliveryResult | null> {
    const view = this.topModal(input.viewId, input.user);
    const isCleared = input.isCleared ?? false;
    const payload = viewClosedPayload(this.fake, view, isCleared);
    if (isCleared) this.fake.workspace.clearModals(view.userId);
    else this.fake.workspace.popModal(view.userId);
    if (view.definition.notify_on_close !== true) return null;
    const result = await this.send(payloadBody(payload), FORM_CONTENT_TYPE, delivery);
    this.checkAck(result, 'ack:view_closed', delivery);
    return result;
  }

  async appHomeOpened(user: string, options: { tab?: 'home' | 'messages' } = {}, delivery: DeliveryOptions = {}): Promise<DeliveryResult> {
    return this.event(appHomeOpenedEvent(this.fake, user, options.tab ?? 'home'), delivery);
  }

  /**
   * A user posts a message (stored in the fake) and Slack sends the `message` event; when the
   * text mentions the bot, an `app_mention` event follows (its response is `mention`).
   */
  async messageEvent(input: UserMessageInput, delivery: DeliveryOptions = {}): Promise<DeliveryResult & { mention?: DeliveryResult }> {
    const [message, mention] = userMessageEvents(this.fake, input);
    const result = await this.event(message ?? {}, delivery);
    return mention ? { ...result, mention: await this.event(mention, delivery) } : result;
  }

  /** Any Events API event, wrapped in Slack's event_callback envelope. */
  async event(event: JsonObject, delivery: DeliveryOptions = {}): Promise<DeliveryResult> {
    const result = await this.send(JSON.stringify(eventEnvelope(this.fake, event)), JSON_CONTENT_TYPE, delivery);
    this.checkAck(result, `ack:event:${String(event.type)}`, delivery);
    return result;
  }

  /**
   * A workflow runs one of the app's custom steps: Slack starts a run, sends
   * `function_executed` and waits for the app to end it. Resolves with how it ended.
   */
  async runWorkflowStep(input: WorkflowStepInput, delivery: DeliveryOptions = {}, timeoutMs = 5000): Promise<WorkflowStepResult> {
    const execution = this.fake.startFunctionExecution(input.callbackId, input.inputs ?? {}, input.user, { interactive: input.interactive });
    const envelope = eventEnvelope(this.fake, functionExecutedEvent(this.fake, execution) as unknown as JsonObject);
    this.functionEnvelopes.set(execution.id, envelope);
    const result = await this.send(JSON.stringify(envelope), JSON_CONTENT_TYPE, delivery);
    this.checkAck(result, 'ack:event:function_executed', delivery);
    // A step that opened a form runs on until the person submits it: the caller drives that.
    if (input.interactive) {
      const user = input.user;
      await this.fake.waitFor(
        () => execution.state !== 'running' || (user !== undefined && this.fake.openViews(user).length > 0),
        timeoutMs,
        `the ${input.callbackId} step's end or form`,
      );
    } else {
      await this.fake.waitFor(() => execution.state !== 'running', timeoutMs, `the end of the ${input.callbackId} step`);
    }
    const completion: WorkflowStepResult['completion'] =
      execution.state === 'completed' ? { state: 'completed', outputs: execution.outputs ?? {} } : { state: 'failed', error: execution.error ?? '' };
    return { execution, delivery: result, completion };
  }

  /** Slack sends a run's `function_executed` again (it saw no answer in time): same event, retry headers. */
  async redeliverWorkflowStep(executionId: string, delivery: DeliveryOptions = { retryNum: 1, retryReason: 'http_timeout' }): Promise<DeliveryResult> {
    const envelope = this.functionEnvelopes.get(executionId);
    if (!envelope) throw new Error(`no function_executed was sent for ${executionId}`);
    const result = await this.send(JSON.stringify(envelope), JSON_CONTENT_TYPE, delivery);
    this.checkAck(result, 'ack:event:function_executed', delivery);
    return result;
  }

  /** Waits until `user` has a modal open (listeners often call views.open after acking). */
  /**
   * The user's top modal once there is one; with `callbackId`, once the top one is that view
   * (modals that open with a loading view are filled in by views.update a moment later).
   */
  async waitForModal(user: string, timeoutMs = 2000, callbackId?: string): Promise<ViewOutput> {
    return this.fake.waitFor(
      () => {
        const top = this.fake.openViews(user).at(-1);
        return top && (callbackId === undefined || top.callback_id === callbackId) ? top : undefined;
      },
      timeoutMs,
      callbackId ? `the ${callbackId} modal for ${user}` : `a modal for ${user}`,
    );
  }

  assertNoViolations(options?: AssertOptions): void {
    this.fake.assertNoViolations(options);
  }

  private send(body: string, contentType: string, delivery: DeliveryOptions): Promise<DeliveryResult> {
    return this.transport.send(body, contentType, delivery);
  }

  private topModal(viewId: string, user: string | undefined): ViewRecord {
    const view = this.fake.workspace.view(viewId);
    if (!view || view.type !== 'modal' || !this.fake.workspace.isLive(view)) throw new Error(`view ${viewId} is not an open modal`);
    if (user !== undefined && user !== view.userId) throw new Error(`view ${viewId} is open for ${view.userId}, not ${user}`);
    const top = this.fake.workspace.modalStack(view.userId).at(-1);
    if (top?.id !== view.id) throw new Error(`view ${viewId} is under ${top?.id ?? 'nothing'}; only the top view can be used`);
    return view;
  }

  private checkAck(result: DeliveryResult, method: string, delivery: DeliveryOptions): void {
    if (!this.strict || isTampered(delivery)) return;
    const failure = ackFailure(result, method);
    if (failure) this.record([failure]);
  }

  private record(violations: readonly AckViolation[]): void {
    if (!this.strict) return;
    for (const violation of violations) this.fake.recordViolation(violation);
  }
}

/** Requests Slack would never send are expected to fail; their answers are not the app's fault. */
function isTampered(delivery: DeliveryOptions): boolean {
  return (
    delivery.signature !== undefined ||
    delivery.secret !== undefined ||
    delivery.timestamp !== undefined ||
    delivery.rawBody !== undefined ||
    delivery.contentType !== undefined
  );
}
