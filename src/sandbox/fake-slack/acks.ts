import type { SlashCommand } from '@slack/bolt';
import type { DeliveryResult } from './delivery.js';
import type { FakeSlack } from './fake-slack.js';
import { applyMessageResponse } from './message-responses.js';
import { MAX_MODAL_STACK } from './methods/views.js';
import { specificErrors } from './schema-engine.js';
import { isObject, type JsonObject, type Violation, type ViewRecord } from './types.js';
import { elementsOf, isEmptyStateValue, stateValueFromInput, type UserInput } from './view-state.js';
import { validateView } from './view-validator.js';

/**
 * What Slack's client does with the app's HTTP answer (the "ack") to an interaction, and with
 * what the user types into a modal. Slack reports problems here to the *user* ("We had some
 * trouble connecting"), never to the app, so the fake turns them into violations instead
 * (docs/slack-platform.md §4.3; slackapi/bolt-python#241).
 */

export type AckViolation = Omit<Violation, 'at'>;

/** Slack stops waiting for an ack after 3 seconds (docs.slack.dev/tools/bolt-js/concepts/acknowledge). */
export const ACK_DEADLINE_MS = 3000;

/** A non-2xx or late answer: Slack shows the user an error and ignores the body. */
export function ackFailure(result: DeliveryResult, method: string): AckViolation | undefined {
  if (result.status < 200 || result.status > 299) {
    return { method, code: 'ack_failed', message: `the app answered HTTP ${result.status}; Slack shows the user an error` };
  }
  if (result.ms > ACK_DEADLINE_MS) {
    const message = `the app answered after ${result.ms} ms; Slack gives up after ${ACK_DEADLINE_MS} ms`;
    return { method, code: 'operation_timeout', message };
  }
  return undefined;
}

// ---------- slash commands ----------

/**
 * The ack body of a slash command is a message response for the invoking user: empty → nothing,
 * plain text → an ephemeral, JSON {text, blocks, response_type} → ephemeral or in-channel.
 */
export function applySlashCommandAck(fake: FakeSlack, command: SlashCommand, result: DeliveryResult): AckViolation[] {
  const method = 'ack:slash_command';
  const failure = ackFailure(result, method);
  if (failure) return [failure];
  if (result.body.trim() === '') return [];
  const body: JsonObject = isObject(result.json) ? result.json : { text: result.body };
  const outcome = applyMessageResponse(fake.workspace, { channel: command.channel_id, user: command.user_id }, body, method);
  if (outcome.ok) return [];
  if (outcome.errors.length === 0) return [{ method, code: outcome.code, message: 'ack body has neither text nor blocks' }];
  return specificErrors(outcome.errors).map((e) => ({ method, code: outcome.code, message: e.message, pointer: e.pointer }));
}

// ---------- modal input ----------

/**
 * Types or picks values into a view's inputs, as the user would before pressing Submit. Keys
 * are block_ids, or action_ids when unambiguous (Slack generates block_ids the app did not set).
 */
export function enterViewValues(view: ViewRecord, values: Readonly<Record<string, UserInput>>): void {
  const blocks = Array.isArray(view.definition.blocks) ? view.definition.blocks.filter(isObject) : [];
  for (const [key, input] of Object.entries(values)) {
    const block = blocks.find((b) => b.block_id === key) ?? blocks.find((b) => elementsOf(b).some((e) => e.action_id === key));
    const element = block && elementsOf(block).find((e) => block.block_id === key || e.action_id === key);
    if (!block || !element || typeof element.action_id !== 'string') {
      throw new Error(`view ${view.id} has no input "${key}" (block_ids: ${blocks.map((b) => String(b.block_id)).join(', ')})`);
    }
    checkTypedText(element, input, key);
    (view.state[String(block.block_id)] ??= {})[element.action_id] = stateValueFromInput(element, input);
  }
}

/** A real text box cannot hold more than max_length characters nor submit fewer than min_length. */
function checkTypedText(element: JsonObject, input: UserInput, key: string): void {
  if (element.type !== 'plain_text_input' || typeof input !== 'string') return;
  const length = Array.from(input).length;
  if (typeof element.max_length === 'number' && length > element.max_length) {
    throw new Error(`"${key}" accepts at most ${element.max_length} characters; a user cannot type ${length}`);
  }
  if (typeof element.min_length === 'number' && length > 0 && length < element.min_length) {
    throw new Error(`"${key}" needs at least ${element.min_length} characters; Slack's client would not submit ${length}`);
  }
}

/** Input blocks that are not optional and still empty: Slack's client refuses to submit them. */
export function missingRequiredInputs(view: ViewRecord): string[] {
  const blocks = Array.isArray(view.definition.blocks) ? view.definition.blocks.filter(isObject) : [];
  return blocks
    .filter((b) => b.type === 'input' && b.optional !== true)
    .filter((b) => {
      const element = elementsOf(b)[0];
      const value = element && view.state[String(b.block_id)]?.[String(element.action_id)];
      return !value || isEmptyStateValue(value);
    })
    .map((b) => String(b.block_id));
}

// ---------- view_submission ----------

export type SubmissionAck =
  | { action: 'close' }
  | { action: 'clear' }
  | { action: 'errors'; errors: Record<string, string> }
  | { action: 'update' | 'push'; view: unknown }
  | { action: 'ignored'; reason: string };

export function parseSubmissionAck(result: DeliveryResult): SubmissionAck {
  const failure = ackFailure(result, 'ack:view_submission');
  if (failure) return { action: 'ignored', reason: failure.message };
  if (result.body.trim() === '') return { action: 'close' };
  const body = result.json;
  if (!isObject(body)) return { action: 'ignored', reason: 'the ack body is not a JSON object' };
  switch (body.response_action) {
    case 'clear':
      return { action: 'clear' };
    case 'errors':
      return isObject(body.errors)
        ? { action: 'errors', errors: Object.fromEntries(Object.entries(body.errors).map(([k, v]) => [k, String(v)])) }
        : { action: 'ignored', reason: 'response_action errors without an errors object' };
    case 'update':
    case 'push':
      return { action: body.response_action, view: body.view };
    default:
      return { action: 'ignored', reason: `unknown response_action ${JSON.stringify(body.response_action)}` };
  }
}

/**
 * Moves the user's modal stack the way Slack does for the ack, after checking it as Slack
 * would (views and error keys are validated; an invalid answer leaves the modal unchanged).
 */
export function applySubmissionAck(fake: FakeSlack, view: ViewRecord, result: DeliveryResult, validate = true): AckViolation[] {
  const method = 'ack:view_submission';
  const failure = ackFailure(result, method);
  if (failure) return [failure];
  const ack = parseSubmissionAck(result);
  const ws = fake.workspace;
  switch (ack.action) {
    case 'close':
      ws.popModal(view.userId);
      return [];
    case 'clear':
      ws.clearModals(view.userId);
      return [];
    case 'errors':
      return applyErrors(view, ack.errors, validate, method);
    case 'update':
    case 'push':
      return applyViewAck(fake, view, ack.action, ack.view, validate, method);
    case 'ignored':
      return [{ method, code: 'invalid_response_action', message: ack.reason }];
  }
}

/** `errors` keys must be block_ids of input blocks in the submitted view (docs.slack.dev/surfaces/modals). */
function applyErrors(view: ViewRecord, errors: Record<string, string>, validate: boolean, method: string): AckViolation[] {
  const blocks = Array.isArray(view.definition.blocks) ? view.definition.blocks.filter(isObject) : [];
  const inputIds = new Set(blocks.filter((b) => b.type === 'input').map((b) => String(b.block_id)));
  const unknown = validate ? Object.keys(errors).filter((key) => !inputIds.has(key)) : [];
  view.errors = errors;
  return unknown.map((key) => ({
    method,
    code: 'unknown_input_block',
    message: `response_action errors names "${key}", which is not an input block of view ${view.id} (inputs: ${[...inputIds].join(', ') || 'none'})`,
    pointer: `/errors/${key}`,
  }));
}

function applyViewAck(fake: FakeSlack, view: ViewRecord, action: 'update' | 'push', definition: unknown, validate: boolean, method: string): AckViolation[] {
  if (validate) {
    const result = validateView(definition, ['modal']);
    if (result.error) {
      if (result.errors.length === 0) return [{ method, code: result.error, message: `the ${action} view is too large` }];
      return specificErrors(result.errors).map((e) => ({ method, code: result.error ?? 'invalid_arguments', message: e.message, pointer: e.pointer }));
    }
  }
  if (!isObject(definition)) return [{ method, code: 'invalid_arguments', message: `response_action ${action} without a view` }];
  if (action === 'update') {
    fake.workspace.updateView(view, definition);
    return [];
  }
  if (fake.workspace.modalStack(view.userId).length >= MAX_MODAL_STACK) {
    return [{ method, code: 'push_limit_reached', message: `a modal stack holds at most ${MAX_MODAL_STACK} views` }];
  }
  fake.workspace.pushModal(view.userId, definition);
  return [];
}
