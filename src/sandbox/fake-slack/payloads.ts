import type { FunctionExecutedEvent } from '@slack/types';
import type { BlockAction, MessageShortcut, SlashCommand, ViewClosedAction, ViewSubmitAction } from '@slack/bolt';
import type { FakeSlack } from './fake-slack.js';
import type { FunctionExecution, FunctionParameter } from './functions.js';
import { eventId } from './ids.js';
import type { FakeChannel, FakeUser, JsonObject, StoredMessage, ViewRecord } from './types.js';
import { toViewOutput } from './view-output.js';
import { findElement, initialState, stateValueFromInput, type UserInput } from './view-state.js';

/**
 * Builders for what Slack sends to the app, typed with Bolt's own payload types so they stay in
 * step with Bolt 5.1. Shapes follow Slack's fixtures: bolt-python tests/scenario_tests
 * (test_slash_command, test_block_actions, test_view_submission, test_events) and java-slack-sdk
 * json-logs/samples/app-backend. Each builder issues the trigger_id / response_url the real
 * payload would carry.
 */

/** The deprecated verification token Slack still puts in payloads; Bolt ignores it. */
export const VERIFICATION_TOKEN = 'fake-verification-token';

function requireUser(fake: FakeSlack, userId: string): FakeUser {
  const user = fake.workspace.users.get(userId);
  if (!user) throw new Error(`unknown user ${userId}: seed it with fake.addUser() first`);
  return user;
}

function requireChannel(fake: FakeSlack, channelId: string): FakeChannel {
  const channel = fake.workspace.resolveChannel(channelId);
  if (!channel) throw new Error(`unknown channel ${channelId}: seed it with fake.addChannel() first`);
  return channel;
}

function teamRef(fake: FakeSlack): { id: string; domain: string } {
  return { id: fake.team.id, domain: fake.team.domain };
}

function userRef(fake: FakeSlack, user: FakeUser): { id: string; username: string; name: string; team_id: string } {
  return { id: user.id, username: user.name, name: user.name, team_id: fake.team.id };
}

/** Slash commands name DMs "directmessage" and group DMs "privategroup". */
function channelName(channel: FakeChannel): string {
  if (channel.kind === 'im') return 'directmessage';
  if (channel.kind === 'mpim') return 'privategroup';
  return channel.name;
}

function nowTs(fake: FakeSlack): string {
  return (fake.clock.now() / 1000).toFixed(6);
}

export interface SlashCommandInput {
  user: string;
  channel: string;
  command?: string;
  text?: string;
}

/** Every field of Bolt's SlashCommand, in the order Slack sends them. */
export function slashCommandPayload(fake: FakeSlack, input: SlashCommandInput): SlashCommand {
  const user = requireUser(fake, input.user);
  const channel = requireChannel(fake, input.channel);
  return {
    token: VERIFICATION_TOKEN,
    team_id: fake.team.id,
    team_domain: fake.team.domain,
    channel_id: channel.id,
    channel_name: channelName(channel),
    user_id: user.id,
    user_name: user.name,
    command: input.command ?? '/reap',
    text: input.text ?? '',
    api_app_id: fake.bot.appId,
    is_enterprise_install: 'false',
    response_url: fake.issueResponseUrl({ channel: channel.id, user: user.id }),
    trigger_id: fake.issueTriggerId(user.id),
  };
}

export interface ActionTarget {
  user: string;
  actionId: string;
  /** Narrows the search when the same action_id appears in several blocks. */
  blockId?: string;
  /** What the user picked or typed, for elements that take input (ignored for buttons). */
  value?: UserInput;
}

export interface MessageActionInput extends ActionTarget {
  channel: string;
  /** ts of the message (or ephemeral) holding the element. */
  messageTs: string;
}

export interface ViewActionInput extends ActionTarget {
  viewId: string;
}

/** A click or pick in a message: container `message`, with a response_url for that message. */
export function messageActionPayload(fake: FakeSlack, input: MessageActionInput): BlockAction {
  const user = requireUser(fake, input.user);
  const channel = requireChannel(fake, input.channel);
  const stored = fake.workspace.findMessage(channel.id, input.messageTs);
  const ephemeral = stored ? undefined : fake.workspace.findEphemeral(input.messageTs);
  if (!stored && (!ephemeral || ephemeral.user !== user.id)) {
    throw new Error(`user ${user.id} cannot see a message ${input.messageTs} in ${channel.id}`);
  }
  const blocks = (stored ?? ephemeral)?.blocks ?? [];
  const { action, stateValue, blockId } = buildAction(fake, blocks, input);
  const state = initialState(blocks);
  if (stateValue) (state[blockId] ??= {})[input.actionId] = stateValue;
  const message = stored ? messageForPayload(stored) : { type: 'message', ts: input.messageTs, text: ephemeral?.text ?? '', blocks };
  return {
    type: 'block_actions',
    user: userRef(fake, user),
    api_app_id: fake.bot.appId,
    token: VERIFICATION_TOKEN,
    container: { type: 'message', message_ts: input.messageTs, channel_id: channel.id, is_ephemeral: !stored },
    trigger_id: fake.issueTriggerId(user.id),
    team: teamRef(fake),
    is_enterprise_install: false,
    channel: { id: channel.id, name: channelName(channel) },
    message: message as BlockAction['message'],
    state: { values: state as unknown as NonNullable<BlockAction['state']>['values'] },
    response_url: fake.issueResponseUrl({ channel: channel.id, user: user.id, messageTs: input.messageTs, isEphemeral: !stored }),
    actions: [action as unknown as BlockAction['actions'][number]],
  };
}

/**
 * A click or pick in a modal or App Home: container `view` and the whole current view. Slack
 * updates the view's stored state first, so later payloads (and the submission) see the pick.
 * No response_url: Slack sends none for view surfaces.
 */
export function viewActionPayload(fake: FakeSlack, input: ViewActionInput): BlockAction {
  const user = requireUser(fake, input.user);
  const view = fake.workspace.view(input.viewId);
  if (!view || !fake.workspace.isLive(view) || view.userId !== user.id) {
    throw new Error(`view ${input.viewId} is not open for ${user.id}`);
  }
  const blocks = Array.isArray(view.definition.blocks) ? view.definition.blocks : [];
  const { action, stateValue, blockId } = buildAction(fake, blocks, input);
  if (stateValue) (view.state[blockId] ??= {})[input.actionId] = stateValue;
  const payload: Omit<BlockAction, 'response_url'> = {
    type: 'block_actions',
    user: userRef(fake, user),
    api_app_id: fake.bot.appId,
    token: VERIFICATION_TOKEN,
    container: { type: 'view', view_id: view.id },
    trigger_id: fake.issueTriggerId(user.id),
    team: teamRef(fake),
    is_enterprise_install: false,
    view: toViewOutput(view, fake.team, fake.bot),
    actions: [action as unknown as BlockAction['actions'][number]],
  };
  // Bolt's type marks response_url required, but Slack omits it for view surfaces.
  return payload as BlockAction;
}

function buildAction(fake: FakeSlack, blocks: readonly unknown[], target: ActionTarget): { action: JsonObject; stateValue?: JsonObject; blockId: string } {
  const found = findElement(blocks, target);
  if (!found) throw new Error(`no element with action_id "${target.actionId}"${target.blockId ? ` in block "${target.blockId}"` : ''}`);
  const { block, element } = found;
  if (block.type === 'input' && block.dispatch_action !== true) {
    throw new Error(`input "${String(block.block_id)}" does not set dispatch_action, so Slack sends no block_actions for it`);
  }
  const blockId = String(block.block_id);
  const base: JsonObject = { type: element.type, block_id: blockId, action_id: target.actionId, action_ts: nowTs(fake) };
  if (element.type === 'button' || element.type === 'workflow_button') {
    return { action: { ...base, text: element.text, ...pick(element, ['value', 'url', 'style']) }, blockId };
  }
  const stateValue = stateValueFromInput(element, target.value ?? null);
  return { action: { ...stateValue, ...base }, stateValue: element.type === 'overflow' ? undefined : stateValue, blockId };
}

function pick(object: JsonObject, keys: string[]): JsonObject {
  return Object.fromEntries(keys.filter((key) => object[key] !== undefined).map((key) => [key, object[key]]));
}

function messageForPayload(message: StoredMessage): JsonObject {
  const { source: _source, channel: _channel, ...wire } = message;
  return Object.fromEntries(Object.entries(wire).filter(([, value]) => value !== undefined));
}

export interface MessageShortcutInput {
  user: string;
  channel: string;
  /** ts of the message the shortcut is run on. */
  messageTs: string;
  /** The shortcut's callback_id as the app's manifest declares it. */
  callbackId: string;
}

/**
 * A message shortcut picked from a message's "More actions" menu (type message_action,
 * Bolt's MessageShortcut; fixture: bolt-python tests/scenario_tests/test_shortcut.py). Slack
 * offers shortcuts on messages the person can see, not on ephemerals, and sends the payload
 * whether or not the app is in the conversation. The response_url answers in the
 * conversation, not in place of the message (it is someone else's).
 */
export function messageShortcutPayload(fake: FakeSlack, input: MessageShortcutInput): MessageShortcut {
  const user = requireUser(fake, input.user);
  const channel = requireChannel(fake, input.channel);
  if (!canRead(channel, user.id)) throw new Error(`user ${user.id} cannot see ${channel.id}`);
  const stored = fake.workspace.findMessage(channel.id, input.messageTs);
  if (!stored) throw new Error(`no message ${input.messageTs} in ${channel.id} (Slack offers no shortcuts on ephemerals)`);
  if (input.callbackId === '') throw new Error('a message shortcut needs its callback_id');
  return {
    type: 'message_action',
    token: VERIFICATION_TOKEN,
    action_ts: nowTs(fake),
    team: teamRef(fake),
    user: userRef(fake, user),
    channel: { id: channel.id, name: channelName(channel) },
    is_enterprise_install: false,
    callback_id: input.callbackId,
    trigger_id: fake.issueTriggerId(user.id),
    message_ts: stored.ts,
    message: messageForPayload(stored) as MessageShortcut['message'],
    response_url: fake.issueResponseUrl({ channel: channel.id, user: user.id }),
  };
}

/** Public channels can be read without joining; anything else only by its members. */
function canRead(channel: FakeChannel, userId: string): boolean {
  if (channel.kind === 'im') return channel.dmUser === userId;
  return channel.kind === 'channel' || channel.members.has(userId);
}

export function viewSubmissionPayload(fake: FakeSlack, view: ViewRecord): ViewSubmitAction {
  const user = requireUser(fake, view.userId);
  // A modal of a custom step's run carries the run and its workflow token, as Slack sends them.
  const run = view.functionExecutionId ? fake.functionExecution(view.functionExecutionId) : undefined;
  const functionData = run
    ? {
        function_data: { execution_id: run.id, function: { callback_id: run.callbackId }, inputs: run.inputs },
        bot_access_token: run.botAccessToken,
      }
    : {};
  return {
    ...functionData,
    type: 'view_submission',
    team: teamRef(fake),
    user: userRef(fake, user),
    api_app_id: fake.bot.appId,
    token: VERIFICATION_TOKEN,
    trigger_id: fake.issueTriggerId(user.id),
    view: toViewOutput(view, fake.team, fake.bot),
    // Non-empty only for conversation selects with response_url_enabled, which we do not model yet.
    response_urls: [],
    is_enterprise_install: false,
  };
}

export function viewClosedPayload(fake: FakeSlack, view: ViewRecord, isCleared: boolean): ViewClosedAction {
  const user = requireUser(fake, view.userId);
  return {
    type: 'view_closed',
    team: teamRef(fake),
    user: userRef(fake, user),
    api_app_id: fake.bot.appId,
    token: VERIFICATION_TOKEN,
    view: toViewOutput(view, fake.team, fake.bot),
    is_cleared: isCleared,
    is_enterprise_install: false,
  };
}

/** The Events API envelope (bolt-python tests/scenario_tests/test_events.py `valid_event_body`). */
export function eventEnvelope(fake: FakeSlack, event: JsonObject): JsonObject {
  return {
    token: VERIFICATION_TOKEN,
    team_id: fake.team.id,
    api_app_id: fake.bot.appId,
    event,
    type: 'event_callback',
    event_id: eventId(),
    event_time: Math.floor(fake.clock.now() / 1000),
    authorizations: [{ enterprise_id: null, team_id: fake.team.id, user_id: fake.bot.userId, is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
    event_context: `4-${Buffer.from(`${fake.team.id}:${String(event.type)}`).toString('base64url')}`,
  };
}

/**
 * function_executed for one run of a custom step (docs.slack.dev/reference/events/function_executed):
 * the function as the manifest declares it, parameters as a list with their names, the run's
 * inputs and its own workflow token, which Bolt uses for the listener's client.
 */
export function functionExecutedEvent(fake: FakeSlack, execution: FunctionExecution): FunctionExecutedEvent {
  const definition = fake.functions.definition(execution.callbackId);
  if (!definition) throw new Error(`no function "${execution.callbackId}" in the manifest`);
  const parameters = (declared: Record<string, FunctionParameter>) =>
    Object.entries(declared).map(([name, p]) => ({
      type: p.type,
      name,
      ...(p.title !== undefined ? { title: p.title } : {}),
      ...(p.description !== undefined ? { description: p.description } : {}),
      is_required: p.is_required ?? false,
    }));
  const created = Math.floor(fake.clock.now() / 1000);
  return {
    type: 'function_executed',
    function: {
      id: execution.functionId,
      callback_id: execution.callbackId,
      title: definition.title,
      ...(definition.description !== undefined ? { description: definition.description } : {}),
      type: 'app',
      input_parameters: parameters(definition.input_parameters),
      output_parameters: parameters(definition.output_parameters),
      app_id: fake.bot.appId,
      date_created: created,
      date_updated: created,
      date_deleted: 0,
    },
    inputs: execution.inputs,
    function_execution_id: execution.id,
    workflow_execution_id: execution.workflowExecutionId,
    event_ts: nowTs(fake),
    bot_access_token: execution.botAccessToken,
  };
}

/** app_home_opened: `view` is present only on the home tab once a Home view was published. */
export function appHomeOpenedEvent(fake: FakeSlack, userId: string, tab: 'home' | 'messages'): JsonObject {
  requireUser(fake, userId);
  const home = tab === 'home' ? fake.workspace.homeView(userId) : undefined;
  return {
    type: 'app_home_opened',
    user: userId,
    channel: fake.workspace.dmWith(userId).channel.id,
    tab,
    event_ts: nowTs(fake),
    ...(home ? { view: toViewOutput(home, fake.team, fake.bot) } : {}),
  };
}

export interface UserMessageInput {
  user: string;
  channel: string;
  text: string;
  threadTs?: string;
}

/**
 * A user's message: stored in the channel (as Slack would) and returned as the `message` event.
 * A mention of the bot (`<@U0BOT>`) also produces an `app_mention` event, returned second.
 */
export function userMessageEvents(fake: FakeSlack, input: UserMessageInput): JsonObject[] {
  const user = requireUser(fake, input.user);
  const channel = requireChannel(fake, input.channel);
  if (channel.kind !== 'im' && !channel.members.has(user.id)) throw new Error(`${user.id} is not a member of ${channel.id}`);
  const blocks = [{ type: 'rich_text', elements: [{ type: 'rich_text_section', elements: [{ type: 'text', text: input.text }] }] }];
  const stored = fake.workspace.addMessage({ channel: channel.id, user: user.id, text: input.text, blocks, thread_ts: input.threadTs, source: 'user' });
  const common = { user: user.id, text: input.text, ts: stored.ts, team: fake.team.id, channel: channel.id, event_ts: stored.ts, blocks: stored.blocks };
  const thread = input.threadTs === undefined ? {} : { thread_ts: input.threadTs };
  const message = { type: 'message', ...common, ...thread, channel_type: channelType(channel), client_msg_id: eventId() };
  const mentionsBot = input.text.includes(`<@${fake.bot.userId}>`);
  return mentionsBot && channel.kind !== 'im' ? [message, { type: 'app_mention', ...common, ...thread }] : [message];
}

function channelType(channel: FakeChannel): string {
  return { channel: 'channel', group: 'group', im: 'im', mpim: 'mpim' }[channel.kind];
}
