import { pointerJoin, report, type ObjectCheck, type Spec } from './schema-engine.js';
import { isObject } from './types.js';

/**
 * Block Kit as data: which blocks, elements and composition objects exist, their fields and
 * Slack's limits. Limits come from docs.slack.dev (block and element reference pages) and the
 * JSDoc of @slack/types 3.2.0, as collected in docs/slack-platform.md §4.2. Where the two
 * disagree we follow the docs (option `value` is 150 characters, not 75).
 *
 * Unknown fields are rejected everywhere (Slack answers "invalid additional property"), except
 * inside rich text and the newer agent blocks, whose nested schemas we do not model.
 */

// ---------- primitives ----------

const str = (max?: number, min?: number): Spec => ({ kind: 'string', max, min });
const oneOf = (...values: string[]): Spec => ({ kind: 'string', values });
const bool: Spec = { kind: 'boolean' };
const int = (min?: number, max?: number): Spec => ({ kind: 'number', integer: true, min, max });
const any: Spec = { kind: 'any' };
const arr = (items: Spec, max?: number, min?: number): Spec => ({ kind: 'array', items, max, min });
const obj = (props: Record<string, Spec>, required: string[] = [], checks: ObjectCheck[] = []): Spec => ({
  kind: 'object',
  props,
  required,
  checks,
});
const openObj = (props: Record<string, Spec>, required: string[] = []): Spec => ({ kind: 'object', props, required, open: true });
const typed = (variants: () => Record<string, Spec>, wrap = false): Spec => ({ kind: 'typed', variants, wrap });

// ---------- composition objects ----------

const plainTextObject = (max: number): Spec => obj({ type: oneOf('plain_text'), text: str(max, 1), emoji: bool }, ['type', 'text']);
const mrkdwnObject = (max: number): Spec => obj({ type: oneOf('mrkdwn'), text: str(max, 1), verbatim: bool }, ['type', 'text']);

/** A text object restricted to plain_text, e.g. header text, modal title, button text. */
export const plainText = (max: number): Spec => typed(() => ({ plain_text: plainTextObject(max) }), true);
/** A text object that may be plain_text or mrkdwn, e.g. section text. */
export const textObject = (max: number): Spec => typed(() => ({ plain_text: plainTextObject(max), mrkdwn: mrkdwnObject(max) }), true);

/**
 * Confirmation dialog. docs.slack.dev marks title, text, confirm and deny as required while
 * @slack/types marks three of them optional; the stricter reading keeps the app safe either way.
 */
const confirm = obj({ title: plainText(100), text: textObject(300), confirm: plainText(30), deny: plainText(30), style: oneOf('primary', 'danger') }, [
  'title',
  'text',
  'confirm',
  'deny',
]);

/** Options in selects and overflow menus: plain_text only. */
const plainOption = obj({ text: plainText(75), value: str(150), description: plainText(75), url: str(3000) }, ['text', 'value']);
/** Options in checkboxes and radio buttons may use mrkdwn. */
const richOption = obj({ text: textObject(75), value: str(150), description: textObject(75) }, ['text', 'value']);
const optionGroup = obj({ label: plainText(75), options: arr(plainOption, 100, 1) }, ['label', 'options']);

const dispatchActionConfig = obj({ trigger_actions_on: arr(oneOf('on_enter_pressed', 'on_character_entered'), 2, 1) });
const conversationFilter = obj({
  include: arr(oneOf('im', 'mpim', 'private', 'public'), 4, 1),
  exclude_external_shared_channels: bool,
  exclude_bot_users: bool,
});
const slackFile = obj({ url: str(3000), id: str() }, [], [exactlyOneOf(['url', 'id'])]);

// ---------- cross-field checks ----------

function exactlyOneOf(keys: string[]): ObjectCheck {
  return (value, pointer, ctx) => {
    const present = keys.filter((key) => value[key] !== undefined);
    if (present.length === 0) report(ctx, pointer, `missing required field: ${keys.join(' or ')}`);
    if (present.length > 1) report(ctx, pointer, `must provide only one of ${keys.join(', ')}`);
  };
}

const uniqueActionId: ObjectCheck = (value, pointer, ctx) => {
  const id = value.action_id;
  if (typeof id !== 'string') return;
  if (ctx.actionIds.has(id)) report(ctx, pointerJoin(pointer, 'action_id'), `duplicate action_id: ${id}`);
  ctx.actionIds.add(id);
};

const focusOnLoad: ObjectCheck = (value, _pointer, ctx) => {
  if (value.focus_on_load === true) ctx.focusOnLoad += 1;
};

const uniqueBlockId: ObjectCheck = (value, pointer, ctx) => {
  const id = value.block_id;
  if (typeof id !== 'string') return;
  if (ctx.blockIds.has(id)) report(ctx, pointerJoin(pointer, 'block_id'), `duplicate block_id: ${id}`);
  ctx.blockIds.add(id);
};

const minNotAboveMax: ObjectCheck = (value, pointer, ctx) => {
  const { min_length: min, max_length: max } = value;
  if (typeof min === 'number' && typeof max === 'number' && min > max) {
    report(ctx, pointerJoin(pointer, 'min_length'), 'must be less than or equal to max_length');
  }
};

const sectionNeedsContent: ObjectCheck = (value, pointer, ctx) => {
  if (value.text === undefined && value.fields === undefined) report(ctx, pointer, 'must provide either text or fields');
};

// ---------- elements ----------

/** Fields every interactive element accepts. */
function element(props: Record<string, Spec>, required: string[] = [], checks: ObjectCheck[] = []): Spec {
  return obj({ type: str(), action_id: str(255, 1), ...props }, ['type', ...required], [uniqueActionId, focusOnLoad, ...checks]);
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const placeholder = plainText(150);

const select = {
  static_select: element(
    { options: arr(plainOption, 100, 1), option_groups: arr(optionGroup, 100, 1), initial_option: plainOption, confirm, focus_on_load: bool, placeholder },
    [],
    [exactlyOneOf(['options', 'option_groups'])],
  ),
  multi_static_select: element(
    {
      options: arr(plainOption, 100, 1),
      option_groups: arr(optionGroup, 100, 1),
      initial_options: arr(plainOption, 100),
      max_selected_items: int(1),
      confirm,
      focus_on_load: bool,
      placeholder,
    },
    [],
    [exactlyOneOf(['options', 'option_groups'])],
  ),
  external_select: element({ initial_option: plainOption, min_query_length: int(0), confirm, focus_on_load: bool, placeholder }),
  multi_external_select: element({
    initial_options: arr(plainOption, 100),
    min_query_length: int(0),
    max_selected_items: int(1),
    confirm,
    focus_on_load: bool,
    placeholder,
  }),
  users_select: element({ initial_user: str(), confirm, focus_on_load: bool, placeholder }),
  multi_users_select: element({ initial_users: arr(str()), max_selected_items: int(1), confirm, focus_on_load: bool, placeholder }),
  conversations_select: element({
    initial_conversation: str(),
    default_to_current_conversation: bool,
    filter: conversationFilter,
    response_url_enabled: bool,
    confirm,
    focus_on_load: bool,
    placeholder,
  }),
  multi_conversations_select: element({
    initial_conversations: arr(str()),
    default_to_current_conversation: bool,
    filter: conversationFilter,
    max_selected_items: int(1),
    confirm,
    focus_on_load: bool,
    placeholder,
  }),
  channels_select: element({ initial_channel: str(), response_url_enabled: bool, confirm, focus_on_load: bool, placeholder }),
  multi_channels_select: element({ initial_channels: arr(str()), max_selected_items: int(1), confirm, focus_on_load: bool, placeholder }),
} satisfies Record<string, Spec>;

const textInputs = {
  plain_text_input: element(
    {
      placeholder,
      initial_value: str(3000),
      multiline: bool,
      min_length: int(0, 3000),
      max_length: int(1, 3000),
      dispatch_action_config: dispatchActionConfig,
      focus_on_load: bool,
    },
    [],
    [minNotAboveMax],
  ),
  email_text_input: element({ initial_value: str(), dispatch_action_config: dispatchActionConfig, focus_on_load: bool, placeholder }),
  url_text_input: element({ initial_value: str(), dispatch_action_config: dispatchActionConfig, focus_on_load: bool, placeholder }),
  number_input: element(
    {
      is_decimal_allowed: bool,
      initial_value: str(),
      min_value: str(),
      max_value: str(),
      dispatch_action_config: dispatchActionConfig,
      focus_on_load: bool,
      placeholder,
    },
    ['is_decimal_allowed'],
  ),
  rich_text_input: element({
    initial_value: any,
    dispatch_action_config: dispatchActionConfig,
    focus_on_load: bool,
    placeholder,
    min_lines: int(1),
    max_lines: int(1),
  }),
} satisfies Record<string, Spec>;

const choices = {
  checkboxes: element({ options: arr(richOption, 10, 1), initial_options: arr(richOption, 10), confirm, focus_on_load: bool }, ['options']),
  radio_buttons: element({ options: arr(richOption, 10, 1), initial_option: richOption, confirm, focus_on_load: bool }, ['options']),
  datepicker: element({ initial_date: { kind: 'string', pattern: DATE }, confirm, focus_on_load: bool, placeholder }),
  timepicker: element({ initial_time: { kind: 'string', pattern: TIME }, timezone: str(), confirm, focus_on_load: bool, placeholder }),
  datetimepicker: element({ initial_date_time: int(0), confirm, focus_on_load: bool }),
} satisfies Record<string, Spec>;

const button = element(
  {
    text: plainText(75),
    url: str(3000),
    value: str(2000),
    style: oneOf('primary', 'danger'),
    confirm,
    accessibility_label: str(75),
  },
  ['text'],
);
const overflow = element({ options: arr(plainOption, 5, 1), confirm }, ['options']);
const workflowButton = element({ text: plainText(75), workflow: any, style: oneOf('primary', 'danger'), accessibility_label: str(75) }, ['text', 'workflow']);
const imageElement = obj(
  { type: str(), alt_text: str(2000), image_url: str(3000), slack_file: slackFile },
  ['type', 'alt_text'],
  [exactlyOneOf(['image_url', 'slack_file'])],
);
const fileInput = element({ filetypes: arr(str()), max_files: int(1, 10) });

const actionsElements = (): Record<string, Spec> => ({
  button,
  overflow,
  workflow_button: workflowButton,
  rich_text_input: textInputs.rich_text_input,
  ...select,
  ...choices,
});
const accessoryElements = (): Record<string, Spec> => ({
  button,
  overflow,
  workflow_button: workflowButton,
  image: imageElement,
  ...select,
  ...choices,
});
const inputElements = (): Record<string, Spec> => ({ ...select, ...textInputs, ...choices, file_input: fileInput });

// ---------- blocks ----------

function block(props: Record<string, Spec>, required: string[] = [], checks: ObjectCheck[] = []): Spec {
  return obj({ type: str(), block_id: str(255, 1), ...props }, ['type', ...required], [uniqueBlockId, ...checks]);
}

/**
 * Where input blocks may go. Modals take any input; App Home takes inputs except file_input
 * (file uploads are modal-only per the file input element page). Messages have no submit button,
 * so Slack only accepts inputs there that dispatch a block_actions payload themselves
 * (`dispatch_action: true`); this last rule is inferred from the docs, not seen in an error reply.
 */
const inputSurfaceRules: ObjectCheck = (value, pointer, ctx) => {
  ctx.inputBlocks += 1;
  const elementType = isObject(value.element) ? value.element.type : undefined;
  if (elementType === 'file_input' && ctx.surface !== 'modal') {
    report(ctx, pointerJoin(pointerJoin(pointer, 'element'), 'type'), `unsupported type: file_input`);
  }
  if (elementType === 'file_input' && value.dispatch_action === true) {
    report(ctx, pointerJoin(pointer, 'dispatch_action'), 'dispatch_action is not supported with file_input');
  }
  if (ctx.surface === 'message' && value.dispatch_action !== true) {
    report(ctx, pointer, 'input blocks in messages must set dispatch_action to true');
  }
};

const messageOnly =
  (name: string): ObjectCheck =>
  (_value, pointer, ctx) => {
    if (ctx.surface !== 'message') report(ctx, pointerJoin(pointer, 'type'), `unsupported type: ${name}`);
  };

const richTextElement = typed(() => ({
  rich_text_section: openObj({ type: str(), elements: arr(any) }, ['type', 'elements']),
  rich_text_list: openObj({ type: str(), elements: arr(any), style: oneOf('bullet', 'ordered') }, ['type', 'elements', 'style']),
  rich_text_quote: openObj({ type: str(), elements: arr(any) }, ['type', 'elements']),
  rich_text_preformatted: openObj({ type: str(), elements: arr(any) }, ['type', 'elements']),
}));

export const BLOCKS: Readonly<Record<string, Spec>> = {
  actions: block({ elements: arr(typed(actionsElements), 25, 1) }, ['elements']),
  context: block(
    {
      elements: arr(
        typed(() => ({ image: imageElement, plain_text: plainTextObject(3000), mrkdwn: mrkdwnObject(3000) })),
        10,
        1,
      ),
    },
    ['elements'],
  ),
  context_actions: block(
    {
      elements: arr(
        typed(() => ({ feedback_buttons: openObj({ type: str() }), icon_button: openObj({ type: str() }) })),
        5,
        1,
      ),
    },
    ['elements'],
  ),
  divider: block({}),
  header: block({ text: plainText(150) }, ['text']),
  image: block(
    { image_url: str(3000), slack_file: slackFile, alt_text: str(2000), title: plainText(2000) },
    ['alt_text'],
    [exactlyOneOf(['image_url', 'slack_file'])],
  ),
  input: block(
    { label: plainText(2000), element: typed(inputElements), dispatch_action: bool, hint: plainText(2000), optional: bool },
    ['label', 'element'],
    [inputSurfaceRules],
  ),
  markdown: block({ text: str(12000, 1) }, ['text']),
  rich_text: block({ elements: arr(richTextElement) }, ['elements']),
  section: block(
    { text: textObject(3000), fields: arr(textObject(2000), 10, 1), accessory: typed(accessoryElements), expand: bool },
    [],
    [sectionNeedsContent],
  ),
  video: block(
    {
      alt_text: str(),
      video_url: str(3000),
      thumbnail_url: str(3000),
      title: plainText(199),
      title_url: str(3000),
      author_name: str(49),
      provider_name: str(),
      provider_icon_url: str(3000),
      description: plainText(3000),
    },
    ['alt_text', 'video_url', 'thumbnail_url', 'title'],
  ),
  // Table blocks are documented for messages only: 100 rows of at most 20 cells.
  table: block(
    { rows: arr(arr(any, 20, 1), 100, 1), column_settings: arr(obj({ align: oneOf('left', 'center', 'right'), is_wrapped: bool }), 20) },
    ['rows'],
    [messageOnly('table')],
  ),
  // Agent-era blocks from @slack/types 3.2: accepted with their required fields, not deeply checked.
  alert: openObj({ type: str(), block_id: str(255, 1) }, ['type']),
  card: openObj({ type: str(), block_id: str(255, 1) }, ['type']),
  carousel: openObj({ type: str(), block_id: str(255, 1) }, ['type']),
  container: openObj({ type: str(), block_id: str(255, 1) }, ['type']),
  data_table: openObj({ type: str(), block_id: str(255, 1) }, ['type', 'rows', 'caption']),
  task_card: openObj({ type: str(), block_id: str(255, 1) }, ['type', 'task_id', 'title', 'status']),
  plan: openObj({ type: str(), block_id: str(255, 1) }, ['type', 'title']),
};

export const blockSpec: Spec = typed(() => BLOCKS);

/** Element types that carry user input and therefore appear in `view.state.values`. */
export const STATEFUL_ELEMENT_TYPES: ReadonlySet<string> = new Set([...Object.keys(select), ...Object.keys(textInputs), ...Object.keys(choices), 'file_input']);
