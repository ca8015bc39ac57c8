import type { WebAPIPlatformError } from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FakeSlack } from '../../../src/sandbox/fake-slack/index.js';
import { canvasMarkdown, canvasStore, channelCanvas } from '../../../src/sandbox/fake-slack/methods/canvases.js';
import { pageState } from '../../../src/sandbox/page-state.js';
import { CHANNELS, PEOPLE, startFakeSlack, webClient } from '../../support/fake-slack-fixture.js';

let fake: FakeSlack;

beforeEach(async () => {
  fake = await startFakeSlack({});
});

afterEach(async () => {
  await fake.stop();
});

const md = (markdown: string) => ({ type: 'markdown' as const, markdown });

async function slackError(promise: Promise<unknown>): Promise<string> {
  const error = (await promise.catch((e: unknown) => e)) as WebAPIPlatformError;
  fake.clearViolations();
  return error.data.error;
}

describe('canvases in the fake Slack', () => {
  it('gives a channel one canvas, split into sections at headers', async () => {
    const client = webClient(fake);
    await client.conversations.canvases.create({
      channel_id: CHANNELS.reap.id,
      document_content: md('# Parks REAP\nIntro\n## Objective 1\n- a\n## Objective 2\n- b'),
    });
    const canvas = channelCanvas(fake.workspace, CHANNELS.reap.id);
    expect(canvas?.sections.map((s) => s.markdown)).toEqual(['# Parks REAP\nIntro', '## Objective 1\n- a', '## Objective 2\n- b']);
    expect(await slackError(client.conversations.canvases.create({ channel_id: CHANNELS.reap.id }))).toBe('channel_canvas_already_exists');
    expect(await slackError(client.conversations.canvases.create({ channel_id: CHANNELS.general.id }))).toBe('not_in_channel');
  });

  it('edits one section in place, found by sections.lookup', async () => {
    const client = webClient(fake);
    const { canvas_id } = await client.canvases.create({ title: 'Plan', document_content: md('## A\none\n## B\ntwo') });
    const id = canvas_id ?? '';
    const found = await client.canvases.sections.lookup({ canvas_id: id, criteria: { section_types: ['h2'], contains_text: '## B' } });
    expect(found.sections).toHaveLength(1);
    const sectionId = found.sections?.[0]?.id ?? '';
    await client.canvases.edit({ canvas_id: id, changes: [{ operation: 'replace', section_id: sectionId, document_content: md('## B\nthree') }] });
    await client.canvases.edit({ canvas_id: id, changes: [{ operation: 'insert_at_end', document_content: md('## C\nfour') }] });
    const canvas = canvasStore(fake.workspace).get(id);
    expect(canvas && canvasMarkdown(canvas)).toBe('## A\none\n## B\nthree\n## C\nfour');
  });

  it('refuses what Slack refuses and leaves the canvas unchanged', async () => {
    const client = webClient(fake);
    const { canvas_id } = await client.canvases.create({ document_content: md('## A\none') });
    const id = canvas_id ?? '';
    const edit = (changes: unknown) => client.apiCall('canvases.edit', { canvas_id: id, changes });
    expect(await slackError(edit([]))).toBe('invalid_arguments');
    expect(
      await slackError(
        edit([
          { operation: 'insert_at_end', document_content: md('x') },
          { operation: 'insert_at_end', document_content: md('y') },
        ]),
      ),
    ).toBe('invalid_arguments');
    expect(await slackError(edit([{ operation: 'upsert', document_content: md('x') }]))).toBe('invalid_arguments');
    expect(await slackError(edit([{ operation: 'insert_at_end', document_content: { type: 'html', markdown: 'x' } }]))).toBe('invalid_arguments');
    expect(await slackError(edit([{ operation: 'delete' }]))).toBe('invalid_arguments');
    expect(await slackError(edit([{ operation: 'delete', section_id: 'temp:C:NOPE' }]))).toBe('canvas_editing_failed');
    expect(await slackError(client.canvases.edit({ canvas_id: 'F404', changes: [{ operation: 'delete', section_id: 'x' }] }))).toBe('canvas_not_found');
    const canvas = canvasStore(fake.workspace).get(id);
    expect(canvas && canvasMarkdown(canvas)).toBe('## A\none');
    await client.canvases.delete({ canvas_id: id });
    expect(canvasStore(fake.workspace).has(id)).toBe(false);
  });

  it('shows a channel canvas on the sandbox page to members of the channel only', async () => {
    await webClient(fake).conversations.canvases.create({ channel_id: CHANNELS.reap.id, title: 'REAP: Parks', document_content: md('## A\none') });
    expect(pageState(fake, PEOPLE.ana.id, 'REAP Tracker').canvases).toEqual({ [CHANNELS.reap.id]: { title: 'REAP: Parks', markdown: '## A\none' } });
    expect(pageState(fake, PEOPLE.ben.id, 'REAP Tracker').canvases).toEqual({});
  });
});
