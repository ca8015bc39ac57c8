import { ErrorCode, type WebAPIPlatformError } from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock, RESPONSE_URL_TTL_MS, type FakeSlack } from '../../../src/sandbox/fake-slack/index.js';
import { CHANNELS, PEOPLE, startFakeSlack, webClient } from '../../support/fake-slack-fixture.js';

let fake: FakeSlack;
let clock: ManualClock;

beforeEach(async () => {
  clock = new ManualClock(new Date('2026-05-04T15:00:00Z'));
  fake = await startFakeSlack({ clock });
});

afterEach(async () => {
  await fake.stop();
});

/** What Bolt's respond() does: POST JSON, and throw on a non-2xx status. */
function respond(url: string, body: unknown): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

describe('file uploads (files.uploadV2 in @slack/web-api 8)', () => {
  it('stores the bytes and shares the file to the channel with the comment', async () => {
    const csv = 'department,actions\nLibrary,4\nParks,7\n';
    const res = await webClient(fake).files.uploadV2({
      channel_id: CHANNELS.reap.id,
      filename: 'fy2026-q3.csv',
      title: 'FY2026 Q3 progress',
      content: csv,
      initial_comment: 'Quarterly export attached',
    });
    const [file] = fake.files();
    expect(file).toMatchObject({ name: 'fy2026-q3.csv', title: 'FY2026 Q3 progress', completed: true, channels: [CHANNELS.reap.id] });
    expect(fake.fileText(file?.id ?? '')).toBe(csv);
    expect(JSON.stringify(res)).toContain(file?.id ?? 'missing');
    expect(fake.messages(CHANNELS.reap.id)).toMatchObject([{ text: 'Quarterly export attached', files: [{ id: file?.id, name: 'fy2026-q3.csv' }] }]);
    expect(fake.calls().map((c) => c.method)).toEqual(['files.getUploadURLExternal', 'upload', 'files.completeUploadExternal']);
  });

  it('serves the uploaded bytes at url_private', async () => {
    const md = '# REAP report\n\n- Parks: on track\n';
    const res = await webClient(fake).files.uploadV2({ channel_id: CHANNELS.reap.id, filename: 'report.md', content: md });
    const url = JSON.stringify(res).match(/"url_private":"([^"]+)"/)?.[1] ?? '';
    const download = await fetch(url);
    expect(download.headers.get('content-type')).toBe('text/markdown');
    expect(await download.text()).toBe(md);
  });

  it('refuses to share into a channel the bot is not in', async () => {
    const error = (await webClient(fake)
      .files.uploadV2({ channel_id: CHANNELS.general.id, filename: 'x.csv', content: 'a' })
      .catch((e: unknown) => e)) as WebAPIPlatformError;
    expect(error.code).toBe(ErrorCode.PlatformError);
    expect(error.data.error).toBe('not_in_channel');
    expect(fake.messages(CHANNELS.general.id)).toEqual([]);
    fake.clearViolations();
  });

  it('refuses to complete an upload whose bytes never arrived', async () => {
    const client = webClient(fake);
    const url = await client.files.getUploadURLExternal({ filename: 'empty.csv', length: 10 });
    const error = (await client.files
      .completeUploadExternal({ files: [{ id: url.file_id ?? '' }], channel_id: CHANNELS.reap.id })
      .catch((e: unknown) => e)) as WebAPIPlatformError;
    expect(error.data.error).toBe('file_not_found');
    fake.clearViolations();
  });
});

describe('images from uploaded files (slack_file)', () => {
  const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64)]);
  const imageBlock = (id: string) => [{ type: 'image', slack_file: { id }, alt_text: 'Library: 3 completed' }];
  const uploadedId = (res: unknown) => (res as { files: { files: { id: string }[] }[] }).files[0]!.files[0]!.id;

  it('posts an image block naming a PNG the bot uploaded without sharing it', async () => {
    const client = webClient(fake);
    const id = uploadedId(await client.files.uploadV2({ file: PNG, filename: 'chart.png', alt_text: 'Library: 3 completed' }));
    const posted = await client.chat.postMessage({ channel: CHANNELS.reap.id, text: 'chart', blocks: imageBlock(id) });
    expect(posted.ok).toBe(true);
    expect(fake.files()[0]).toMatchObject({ id, channels: [], alt_txt: 'Library: 3 completed' });
    expect(fake.violations()).toEqual([]);
  });

  it('refuses a slack_file that is unknown, not yet uploaded or not an image, as Slack does', async () => {
    const client = webClient(fake);
    const pending = await client.files.getUploadURLExternal({ filename: 'chart.png', length: PNG.length });
    const csv = uploadedId(await client.files.uploadV2({ content: 'a,b', filename: 'data.csv' }));
    for (const id of ['F0NOSUCHFILE', pending.file_id ?? '', csv]) {
      const error = (await client.chat
        .postMessage({ channel: CHANNELS.reap.id, text: 'chart', blocks: imageBlock(id) })
        .catch((e: unknown) => e)) as WebAPIPlatformError;
      expect(error.data.error, id).toBe('invalid_blocks');
      expect(JSON.stringify(error.data), id).toContain('invalid slack file [json-pointer:/blocks/0/slack_file]');
    }
    expect(fake.messages(CHANNELS.reap.id)).toEqual([]);
    fake.clearViolations();
  });
});

describe('response_url', () => {
  it('posts an ephemeral by default and an in-channel message on request', async () => {
    const url = fake.issueResponseUrl({ channel: CHANNELS.reap.id, user: PEOPLE.ana.id });
    expect((await respond(url, { text: 'Only Ana sees this' })).status).toBe(200);
    expect((await respond(url, { text: 'Everyone sees this', response_type: 'in_channel' })).status).toBe(200);
    expect(fake.ephemerals(PEOPLE.ana.id).map((e) => e.text)).toEqual(['Only Ana sees this']);
    expect(fake.messages(CHANNELS.reap.id).map((m) => m.text)).toEqual(['Everyone sees this']);
  });

  it('replaces or deletes the message the interaction came from', async () => {
    const posted = await webClient(fake).chat.postMessage({ channel: CHANNELS.reap.id, text: 'Approve the plan?' });
    const url = fake.issueResponseUrl({ channel: CHANNELS.reap.id, user: PEOPLE.ana.id, messageTs: posted.ts ?? '' });
    await respond(url, { replace_original: true, text: 'Approved by Ana' });
    expect(fake.messages(CHANNELS.reap.id)).toMatchObject([{ ts: posted.ts, text: 'Approved by Ana' }]);
    await respond(url, { delete_original: true });
    expect(fake.messages(CHANNELS.reap.id)).toEqual([]);
  });

  it('works 5 times, then fails so that respond() throws', async () => {
    const url = fake.issueResponseUrl({ channel: CHANNELS.reap.id, user: PEOPLE.ana.id });
    const statuses: number[] = [];
    for (let i = 1; i <= 6; i += 1) statuses.push((await respond(url, { text: `update ${i}` })).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 404]);
    expect(fake.ephemerals(PEOPLE.ana.id)).toHaveLength(5);
    expect(fake.violations()).toMatchObject([{ method: 'response_url', code: 'used_url' }]);
  });

  it('expires after 30 minutes', async () => {
    const url = fake.issueResponseUrl({ channel: CHANNELS.reap.id, user: PEOPLE.ana.id });
    clock.advance(RESPONSE_URL_TTL_MS + 1);
    const res = await respond(url, { text: 'too late' });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ ok: false, error: 'expired_url' });
  });

  it('rejects invalid blocks with a 400 and Slack’s messages', async () => {
    const url = fake.issueResponseUrl({ channel: CHANNELS.reap.id, user: PEOPLE.ana.id });
    const res = await respond(url, { text: 'x', blocks: [{ type: 'header', text: { type: 'plain_text', text: 'h'.repeat(151) } }] });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      ok: false,
      error: 'invalid_blocks',
      response_metadata: { messages: expect.arrayContaining(['[ERROR] must be less than 151 characters [json-pointer:/blocks/0/text/text]']) },
    });
    expect(fake.violations()).toMatchObject([{ method: 'response_url', pointer: '/blocks/0/text/text' }]);
  });
});
