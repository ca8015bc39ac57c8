import { describe, expect, it } from 'vitest';
import { toSlackMessages, validateBlocks, validateView, type BlockKitError } from '../../../src/sandbox/fake-slack/index.js';

const plain = (text: string) => ({ type: 'plain_text', text });
const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } });
const messages = (errors: BlockKitError[]) => toSlackMessages(errors);

// The modal from docs.slack.dev/surfaces/modals ("My App", single- and multi-line inputs).
const docsModal = {
  type: 'modal',
  title: { type: 'plain_text', text: 'My App', emoji: true },
  submit: { type: 'plain_text', text: 'Submit', emoji: true },
  close: { type: 'plain_text', text: 'Cancel', emoji: true },
  blocks: [
    {
      type: 'input',
      element: { type: 'plain_text_input', action_id: 'sl_input', placeholder: plain('Placeholder text for single-line input') },
      label: plain('Label'),
      hint: plain('Hint text'),
    },
    {
      type: 'input',
      element: { type: 'plain_text_input', action_id: 'ml_input', multiline: true, placeholder: plain('Placeholder text for multi-line input') },
      label: plain('Label'),
      hint: plain('Hint text'),
    },
  ],
};

// The Home tab from docs.slack.dev/surfaces/app-home ("A simple stack of blocks…"), buttons without action_ids.
const docsHome = {
  type: 'home',
  blocks: [
    section('A simple stack of blocks for the simple sample Block Kit Home tab.'),
    {
      type: 'actions',
      elements: [
        { type: 'button', text: { type: 'plain_text', text: 'Action A', emoji: true } },
        { type: 'button', text: { type: 'plain_text', text: 'Action B', emoji: true } },
      ],
    },
  ],
};

// The approval message from Block Kit Builder's templates (section, fields, actions, context).
const docsApprovalMessage = [
  section('You have a new request:\n*<fakeLink.toEmployeeProfile.com|Fred Enriquez - New device request>*'),
  {
    type: 'section',
    fields: [
      { type: 'mrkdwn', text: '*Type:*\nComputer (laptop)' },
      { type: 'mrkdwn', text: '*When:*\nSubmitted Aug 10' },
      { type: 'mrkdwn', text: '*Last Update:*\nMar 10, 2015 (3 years, 5 months)' },
      { type: 'mrkdwn', text: "*Reason:*\nAll vowel keys aren't working." },
    ],
  },
  {
    type: 'actions',
    elements: [
      { type: 'button', text: { type: 'plain_text', emoji: true, text: 'Approve' }, style: 'primary', value: 'click_me_123', action_id: 'approve' },
      { type: 'button', text: { type: 'plain_text', emoji: true, text: 'Deny' }, style: 'danger', value: 'click_me_123', action_id: 'deny' },
    ],
  },
  {
    type: 'context',
    elements: [
      { type: 'image', image_url: 'https://image.freepik.com/free-photo/red-drawing-pin_1156-445.jpg', alt_text: 'images' },
      { type: 'mrkdwn', text: 'Location: **Dogpatch**' },
    ],
  },
];

const textInput = (blockId: string, actionId: string) => ({
  type: 'input',
  block_id: blockId,
  label: plain('Label'),
  element: { type: 'plain_text_input', action_id: actionId },
});

describe('Block Kit validation accepts Slack documentation examples', () => {
  it('accepts the docs modal with two input blocks', () => {
    expect(validateView(docsModal, ['modal'])).toEqual({ errors: [] });
  });

  it('accepts the docs Home tab whose buttons have no action_id', () => {
    expect(validateView(docsHome, ['home'])).toEqual({ errors: [] });
  });

  it('accepts the approval message with section fields, buttons and a context image', () => {
    expect(validateBlocks(docsApprovalMessage, 'message')).toEqual([]);
  });

  it('accepts a modal with selects, date picker, checkboxes and a confirm dialog', () => {
    const view = {
      type: 'modal',
      callback_id: 'report_progress',
      private_metadata: JSON.stringify({ planId: 42 }),
      title: plain('Report progress'),
      submit: plain('Save'),
      blocks: [
        {
          type: 'input',
          block_id: 'status',
          label: plain('Status'),
          element: {
            type: 'static_select',
            action_id: 'pick',
            options: [
              { text: plain('On track'), value: 'on_track' },
              { text: plain('At risk'), value: 'at_risk' },
            ],
            initial_option: { text: plain('On track'), value: 'on_track' },
          },
        },
        { type: 'input', block_id: 'due', optional: true, label: plain('Due'), element: { type: 'datepicker', action_id: 'd', initial_date: '2026-06-30' } },
        {
          type: 'input',
          block_id: 'flags',
          optional: true,
          label: plain('Flags'),
          element: { type: 'checkboxes', action_id: 'c', options: [{ text: { type: 'mrkdwn', text: '*Blocked*' }, value: 'blocked' }] },
        },
        {
          type: 'actions',
          elements: [
            {
              type: 'button',
              action_id: 'delete',
              style: 'danger',
              text: plain('Delete'),
              confirm: { title: plain('Sure?'), text: plain('This cannot be undone.'), confirm: plain('Delete'), deny: plain('Keep') },
            },
          ],
        },
      ],
    };
    expect(validateView(view, ['modal']).errors).toEqual([]);
  });
});

describe('Block Kit validation rejects what Slack rejects, in Slack’s words', () => {
  it('rejects 51 blocks in a message but allows 100 in a modal', () => {
    const blocks = Array.from({ length: 51 }, (_, i) => section(`line ${i}`));
    expect(messages(validateBlocks(blocks, 'message'))).toEqual(['[ERROR] no more than 50 items allowed [json-pointer:/blocks]']);
    expect(validateBlocks(blocks, 'modal')).toEqual([]);
  });

  it('rejects 101 blocks in a view with the pointer Slack reports', () => {
    const view = { type: 'home', blocks: Array.from({ length: 101 }, () => ({ type: 'divider' })) };
    expect(messages(validateView(view, ['home']).errors)).toEqual([
      '[ERROR] failed to match all allowed schemas [json-pointer:/view]',
      '[ERROR] no more than 100 items allowed [json-pointer:/view/blocks]',
    ]);
  });

  it('rejects section text of 3001 characters exactly as in yonicd/slackreprex#3', () => {
    expect(messages(validateBlocks([section('x'.repeat(3001))], 'message'))).toEqual([
      '[ERROR] failed to match all allowed schemas [json-pointer:/blocks/0/text]',
      '[ERROR] must be less than 3001 characters [json-pointer:/blocks/0/text/text]',
    ]);
    expect(validateBlocks([section('x'.repeat(3000))], 'message')).toEqual([]);
  });

  it('rejects a 25-character modal title exactly as in slackapi/bolt-js#2282', () => {
    const view = { ...docsModal, title: plain('x'.repeat(25)) };
    const result = validateView(view, ['modal']);
    expect(result.error).toBe('invalid_arguments');
    expect(messages(result.errors)).toEqual([
      '[ERROR] failed to match all allowed schemas [json-pointer:/view]',
      '[ERROR] failed to match all allowed schemas [json-pointer:/view/title]',
      '[ERROR] must be less than 25 characters [json-pointer:/view/title/text]',
    ]);
  });

  it('rejects a duplicate action_id within one block', () => {
    const button = (text: string) => ({ type: 'button', action_id: 'open', text: plain(text) });
    const errors = validateBlocks([{ type: 'actions', elements: [button('A'), button('B')] }], 'message');
    expect(messages(errors)).toEqual(['[ERROR] duplicate action_id: open [json-pointer:/blocks/0/elements/1/action_id]']);
  });

  it('allows the same action_id in two different blocks but not the same block_id twice', () => {
    const block = (blockId: string) => ({ type: 'actions', block_id: blockId, elements: [{ type: 'button', action_id: 'open', text: plain('Open') }] });
    expect(validateBlocks([block('a'), block('b')], 'message')).toEqual([]);
    expect(messages(validateBlocks([block('a'), block('a')], 'message'))).toEqual(['[ERROR] duplicate block_id: a [json-pointer:/blocks/1/block_id]']);
  });

  it('rejects an input block in a message unless it dispatches its own action', () => {
    expect(messages(validateBlocks([textInput('note', 'n')], 'message'))).toEqual([
      '[ERROR] input blocks in messages must set dispatch_action to true [json-pointer:/blocks/0]',
    ]);
    expect(validateBlocks([{ ...textInput('note', 'n'), dispatch_action: true }], 'message')).toEqual([]);
    expect(validateBlocks([textInput('note', 'n')], 'home')).toEqual([]);
  });

  it('rejects a modal with inputs and no submit button', () => {
    const { submit: _submit, ...noSubmit } = docsModal;
    expect(messages(validateView(noSubmit, ['modal']).errors)).toEqual([
      '[ERROR] failed to match all allowed schemas [json-pointer:/view]',
      '[ERROR] must provide a submit property when using input blocks [json-pointer:/view]',
    ]);
  });

  it('rejects a 76-character option text in a select', () => {
    const select = {
      type: 'section',
      text: { type: 'mrkdwn', text: 'Pick one' },
      accessory: { type: 'static_select', action_id: 'p', options: [{ text: plain('o'.repeat(76)), value: 'v' }] },
    };
    expect(messages(validateBlocks([select], 'message'))).toEqual([
      '[ERROR] failed to match all allowed schemas [json-pointer:/blocks/0/accessory/options/0/text]',
      '[ERROR] must be less than 76 characters [json-pointer:/blocks/0/accessory/options/0/text/text]',
    ]);
  });

  it('rejects unknown properties as in nicklambourne/slackblocks#36', () => {
    const view = { ...docsModal, submit_disabled: true };
    expect(messages(validateView(view, ['modal']).errors)).toContain('[ERROR] invalid additional property: submit_disabled [json-pointer:/view]');
    const disabledButton = { type: 'actions', elements: [{ type: 'button', text: plain('Go'), disabled: true }] };
    expect(messages(validateBlocks([disabledButton], 'message'))).toEqual([
      '[ERROR] invalid additional property: disabled [json-pointer:/blocks/0/elements/0]',
    ]);
  });

  it('rejects unknown block and element types and elements in the wrong place', () => {
    const errors = validateBlocks([{ type: 'paragraph' }, { type: 'actions', elements: [{ type: 'plain_text_input', action_id: 'x' }] }], 'message');
    expect(messages(errors)).toEqual([
      '[ERROR] unsupported type: paragraph [json-pointer:/blocks/0/type]',
      '[ERROR] unsupported type: plain_text_input [json-pointer:/blocks/1/elements/0/type]',
    ]);
  });

  it('rejects mrkdwn in a header and a header over 150 characters', () => {
    const errors = validateBlocks(
      [
        { type: 'header', text: { type: 'mrkdwn', text: '*bold*' } },
        { type: 'header', text: plain('h'.repeat(151)) },
      ],
      'message',
    );
    expect(messages(errors)).toEqual([
      '[ERROR] failed to match all allowed schemas [json-pointer:/blocks/0/text]',
      '[ERROR] unsupported type: mrkdwn [json-pointer:/blocks/0/text/type]',
      '[ERROR] failed to match all allowed schemas [json-pointer:/blocks/1/text]',
      '[ERROR] must be less than 151 characters [json-pointer:/blocks/1/text/text]',
    ]);
  });

  it('enforces the per-block item limits: 10 fields of 2000, 10 context elements, 25 actions', () => {
    const mrkdwn = { type: 'mrkdwn', text: 'x' };
    const button = (i: number) => ({ type: 'button', action_id: `b${i}`, text: plain(`B${i}`) });
    const errors = validateBlocks(
      [
        { type: 'section', fields: [...Array.from({ length: 10 }, () => mrkdwn), mrkdwn] },
        { type: 'section', fields: [{ type: 'mrkdwn', text: 'f'.repeat(2001) }] },
        { type: 'context', elements: Array.from({ length: 11 }, () => mrkdwn) },
        { type: 'actions', elements: Array.from({ length: 26 }, (_, i) => button(i)) },
      ],
      'message',
    );
    expect(messages(errors)).toEqual([
      '[ERROR] no more than 10 items allowed [json-pointer:/blocks/0/fields]',
      '[ERROR] failed to match all allowed schemas [json-pointer:/blocks/1/fields/0]',
      '[ERROR] must be less than 2001 characters [json-pointer:/blocks/1/fields/0/text]',
      '[ERROR] no more than 10 items allowed [json-pointer:/blocks/2/elements]',
      '[ERROR] no more than 25 items allowed [json-pointer:/blocks/3/elements]',
    ]);
  });

  it('enforces button text 75, value 2000 and url 3000', () => {
    const button = { type: 'button', action_id: 'b', text: plain('t'.repeat(76)), value: 'v'.repeat(2001), url: `https://x.gov/${'u'.repeat(3000)}` };
    expect(messages(validateBlocks([{ type: 'actions', elements: [button] }], 'message'))).toEqual([
      '[ERROR] failed to match all allowed schemas [json-pointer:/blocks/0/elements/0/text]',
      '[ERROR] must be less than 76 characters [json-pointer:/blocks/0/elements/0/text/text]',
      '[ERROR] must be less than 2001 characters [json-pointer:/blocks/0/elements/0/value]',
      '[ERROR] must be less than 3001 characters [json-pointer:/blocks/0/elements/0/url]',
    ]);
  });

  it('enforces option value 150, at most 100 options, placeholder 150 and id lengths 255', () => {
    const option = (value: string) => ({ text: plain('o'), value });
    const select = {
      type: 'static_select',
      action_id: 'a'.repeat(256),
      placeholder: plain('p'.repeat(151)),
      options: [option('v'.repeat(151)), ...Array.from({ length: 100 }, (_, i) => option(`v${i}`))],
    };
    const errors = validateBlocks([{ type: 'actions', block_id: 'b'.repeat(256), elements: [select] }], 'message');
    expect(messages(errors)).toEqual([
      '[ERROR] must be less than 256 characters [json-pointer:/blocks/0/block_id]',
      '[ERROR] must be less than 256 characters [json-pointer:/blocks/0/elements/0/action_id]',
      '[ERROR] failed to match all allowed schemas [json-pointer:/blocks/0/elements/0/placeholder]',
      '[ERROR] must be less than 151 characters [json-pointer:/blocks/0/elements/0/placeholder/text]',
      '[ERROR] no more than 100 items allowed [json-pointer:/blocks/0/elements/0/options]',
      '[ERROR] must be less than 151 characters [json-pointer:/blocks/0/elements/0/options/0/value]',
    ]);
  });

  it('requires complete confirm dialogs within their limits', () => {
    const button = {
      type: 'button',
      action_id: 'del',
      text: plain('Delete'),
      confirm: { title: plain('t'.repeat(101)), text: plain('Sure?'), confirm: plain('Yes') },
    };
    expect(messages(validateBlocks([{ type: 'actions', elements: [button] }], 'message'))).toEqual([
      '[ERROR] missing required field: deny [json-pointer:/blocks/0/elements/0/confirm]',
      '[ERROR] failed to match all allowed schemas [json-pointer:/blocks/0/elements/0/confirm/title]',
      '[ERROR] must be less than 101 characters [json-pointer:/blocks/0/elements/0/confirm/title/text]',
    ]);
  });

  it('limits plain_text_input max_length to 3000 and keeps file_input in modals', () => {
    const tooLong = { ...textInput('n', 'n'), element: { type: 'plain_text_input', action_id: 'n', max_length: 3001 } };
    const file = { type: 'input', block_id: 'f', label: plain('File'), element: { type: 'file_input', action_id: 'f' } };
    expect(messages(validateBlocks([tooLong], 'modal'))).toEqual(['[ERROR] must be less than or equal to 3000 [json-pointer:/blocks/0/element/max_length]']);
    expect(validateBlocks([file], 'modal')).toEqual([]);
    expect(messages(validateBlocks([file], 'home'))).toEqual(['[ERROR] unsupported type: file_input [json-pointer:/blocks/0/element/type]']);
  });

  it('checks modal envelope limits: submit/close 24, private_metadata 3000, callback_id 255', () => {
    const view = {
      ...docsModal,
      submit: plain('s'.repeat(25)),
      private_metadata: 'm'.repeat(3001),
      callback_id: 'c'.repeat(256),
    };
    expect(messages(validateView(view, ['modal']).errors)).toEqual([
      '[ERROR] failed to match all allowed schemas [json-pointer:/view]',
      '[ERROR] failed to match all allowed schemas [json-pointer:/view/submit]',
      '[ERROR] must be less than 25 characters [json-pointer:/view/submit/text]',
      '[ERROR] must be less than 3001 characters [json-pointer:/view/private_metadata]',
      '[ERROR] must be less than 256 characters [json-pointer:/view/callback_id]',
    ]);
  });

  it('allows focus_on_load on one element only', () => {
    const focused = (id: string) => ({ ...textInput(id, id), element: { type: 'plain_text_input', action_id: id, focus_on_load: true } });
    const view = { ...docsModal, blocks: [focused('a'), focused('b')] };
    expect(messages(validateView(view, ['modal']).errors)).toContain('[ERROR] only one element may set focus_on_load to true [json-pointer:/view/blocks]');
  });

  it('reports view_too_large above 250 kB and wrong view types per method', () => {
    const huge = { type: 'home', private_metadata: '', blocks: Array.from({ length: 100 }, () => section('x'.repeat(2999))) };
    expect(validateView(huge, ['home']).error).toBe('view_too_large');
    expect(messages(validateView(docsHome, ['modal']).errors)).toEqual([
      '[ERROR] failed to match all allowed schemas [json-pointer:/view]',
      '[ERROR] must be a valid enum value [json-pointer:/view/type]',
    ]);
  });
});
