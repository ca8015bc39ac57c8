import { STATEFUL_ELEMENT_TYPES } from './block-kit-schema.js';
import { slackId } from './ids.js';
import { isObject, type JsonObject, type StateValues } from './types.js';

/**
 * How Slack's client keeps input state: every stateful element of a view (or message) has an
 * entry `state.values[block_id][action_id]`, seeded from the element's initial_* fields and
 * updated as the user types or picks. Shared by the test driver and the sandbox page.
 */

/**
 * Slack fills in block_id/action_id when the app leaves them out and returns the filled-in
 * blocks in payloads, so state keys always line up with the blocks the app sees.
 */
export function withGeneratedIds(blocks: unknown): unknown[] {
  if (!Array.isArray(blocks)) return [];
  return blocks.map((block) => {
    if (!isObject(block)) return block;
    const copy: JsonObject = structuredClone(block);
    if (copy.block_id === undefined) copy.block_id = slackId('').slice(0, 5);
    for (const element of elementsOf(copy)) {
      if (element.action_id === undefined && typeof element.type === 'string' && element.type !== 'image') {
        element.action_id = slackId('').slice(0, 5);
      }
    }
    return copy;
  });
}

/** The interactive elements of a block: input element, section accessory, actions elements. */
export function elementsOf(block: JsonObject): JsonObject[] {
  if (block.type === 'input' && isObject(block.element)) return [block.element];
  if (block.type === 'section' && isObject(block.accessory)) return [block.accessory];
  if (block.type === 'actions' && Array.isArray(block.elements)) return block.elements.filter(isObject);
  return [];
}

export function initialStateValue(element: JsonObject): JsonObject {
  const type = String(element.type);
  const pick = (key: string, fallback: unknown = null): unknown => (element[key] === undefined ? fallback : element[key]);
  switch (type) {
    case 'plain_text_input':
    case 'email_text_input':
    case 'url_text_input':
    case 'number_input':
      return { type, value: pick('initial_value') };
    case 'rich_text_input':
      return { type, rich_text_value: pick('initial_value') };
    case 'static_select':
    case 'external_select':
    case 'radio_buttons':
      return { type, selected_option: pick('initial_option') };
    case 'multi_static_select':
    case 'multi_external_select':
    case 'checkboxes':
      return { type, selected_options: pick('initial_options', []) };
    case 'users_select':
      return { type, selected_user: pick('initial_user') };
    case 'multi_users_select':
      return { type, selected_users: pick('initial_users', []) };
    case 'conversations_select':
      return { type, selected_conversation: pick('initial_conversation') };
    case 'multi_conversations_select':
      return { type, selected_conversations: pick('initial_conversations', []) };
    case 'channels_select':
      return { type, selected_channel: pick('initial_channel') };
    case 'multi_channels_select':
      return { type, selected_channels: pick('initial_channels', []) };
    case 'datepicker':
      return { type, selected_date: pick('initial_date') };
    case 'timepicker':
      return { type, selected_time: pick('initial_time') };
    case 'datetimepicker':
      return { type, selected_date_time: pick('initial_date_time') };
    case 'file_input':
      return { type, files: [] };
    default:
      return { type };
  }
}

export function initialState(blocks: readonly unknown[]): StateValues {
  const values: StateValues = {};
  for (const block of blocks) {
    if (!isObject(block) || typeof block.block_id !== 'string') continue;
    for (const element of elementsOf(block)) {
      if (!STATEFUL_ELEMENT_TYPES.has(String(element.type)) || typeof element.action_id !== 'string') continue;
      (values[block.block_id] ??= {})[element.action_id] = initialStateValue(element);
    }
  }
  return values;
}

/**
 * views.update keeps what the user typed when block_id, action_id and element type stay the
 * same (docs.slack.dev/reference/views/modal-views, "Preserving input").
 */
export function carryOverState(next: StateValues, previous: StateValues): StateValues {
  const merged: StateValues = {};
  for (const [blockId, actions] of Object.entries(next)) {
    merged[blockId] = {};
    for (const [actionId, fresh] of Object.entries(actions)) {
      const old = previous[blockId]?.[actionId];
      merged[blockId][actionId] = old && old.type === fresh.type ? old : fresh;
    }
  }
  return merged;
}

export function findElement(blocks: readonly unknown[], where: { actionId: string; blockId?: string }): { block: JsonObject; element: JsonObject } | undefined {
  for (const block of blocks) {
    if (!isObject(block)) continue;
    if (where.blockId !== undefined && block.block_id !== where.blockId) continue;
    const element = elementsOf(block).find((candidate) => candidate.action_id === where.actionId);
    if (element) return { block, element };
  }
  return undefined;
}

/** What a user can enter: text, a chosen option value (or several), a user/channel id, a date. */
export type UserInput = string | number | null | readonly string[];

/**
 * Turns what a user picked into Slack's state value for the element, checking that the choice
 * is one the element offers. Throws when a real user could not have produced the input.
 */
export function stateValueFromInput(element: JsonObject, input: UserInput): JsonObject {
  const type = String(element.type);
  const single = (): string | null => (input === null ? null : Array.isArray(input) ? String(input[0]) : String(input));
  const many = (): string[] => (input === null ? [] : Array.isArray(input) ? input.map(String) : [String(input)]);
  switch (type) {
    case 'static_select':
    case 'radio_buttons':
    case 'overflow':
      return { type, selected_option: input === null ? null : findOption(element, single() ?? '') };
    case 'external_select':
      return { type, selected_option: input === null ? null : { text: { type: 'plain_text', text: single() }, value: single() } };
    case 'multi_static_select':
    case 'checkboxes':
      return { type, selected_options: many().map((value) => findOption(element, value)) };
    case 'multi_external_select':
      return { type, selected_options: many().map((value) => ({ text: { type: 'plain_text', text: value }, value })) };
    case 'datetimepicker':
      return { type, selected_date_time: input === null ? null : Number(single()) };
    default: {
      const template = initialStateValue(element);
      const key = Object.keys(template).find((candidate) => candidate !== 'type');
      if (!key) throw new Error(`element type ${type} does not take input`);
      return { type, [key]: Array.isArray(template[key]) ? many() : single() };
    }
  }
}

function findOption(element: JsonObject, value: string): JsonObject {
  const groups = Array.isArray(element.option_groups) ? element.option_groups.filter(isObject) : [];
  const options = [
    ...(Array.isArray(element.options) ? element.options : []),
    ...groups.flatMap((group) => (Array.isArray(group.options) ? group.options : [])),
  ].filter(isObject);
  const match = options.find((option) => option.value === value);
  if (!match) {
    const offered = options.map((option) => String(option.value)).join(', ');
    throw new Error(`option "${value}" is not offered by ${String(element.action_id)} (offers: ${offered})`);
  }
  return { text: match.text, value: match.value };
}

/** True when the state value holds nothing (what Slack's client refuses for required inputs). */
export function isEmptyStateValue(value: JsonObject): boolean {
  return Object.entries(value)
    .filter(([key]) => key !== 'type')
    .every(([, v]) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0));
}
