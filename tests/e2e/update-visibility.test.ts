// An Internal update ("your department, its managers and ORSE only") must not be posted in
// full where others read: a public department channel gets a short notice without the text,
// the department's own private channel gets the whole update, and edits follow the same rule.
import type { ViewOutput } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startListenerApp, type ListenerApp } from '../support/listener-app.js';

const NOW = new Date('2026-11-18T17:00:00Z');
const CHANNEL = 'C0GENERAL';
const GRACE = 'U0LIB03'; // Library staff, owns LIB 1.1 and 2.1
const LIB_CHANNEL = 'C0LIBRARY'; // public in the demo workspace
const LIB_PRIVATE = 'G0LIBPRIV';

describe('Internal updates in the department channel', () => {
  let app: ListenerApp;

  beforeAll(async () => {
    app = await startListenerApp({ now: () => NOW });
  });
  afterAll(async () => {
    await app?.stop();
  });

  async function openUpdate(text: string): Promise<ViewOutput> {
    const before = app.fake.calls('views.open').length;
    await app.driver.slashCommand({ user: GRACE, channel: CHANNEL, text: `update ${text}` });
    await app.fake.waitFor(() => app.fake.calls('views.open').length > before, 5000, 'views.open');
    return app.driver.waitForModal(GRACE, 5000, 'reap.update');
  }

  it('says in the form what the channel will get', async () => {
    const view = await openUpdate('1.1');
    const visibility = (view.blocks as unknown as { block_id?: string; hint?: { text: string } }[]).find((b) => b.block_id === 'visibility');
    expect(visibility?.hint?.text).toContain('Internal and the channel is public');
    app.fake.workspace.clearModals(GRACE);
  });

  it('posts only a notice in a public channel, also after an edit', async () => {
    const view = await openUpdate('1.1');
    const before = app.fake.messages(LIB_CHANNEL).length;
    const narrative = 'Confidential: staffing plan for the Tully branch.';
    const sub = await app.driver.viewSubmission({ viewId: view.id, values: { narrative, visibility: 'INTERNAL' } });
    expect(sub.ack).toEqual({ action: 'close' });
    const post = await app.fake.waitFor(() => app.fake.messages(LIB_CHANNEL)[before], 5000, 'the channel post');
    const posted = JSON.stringify(post.blocks) + post.text;
    expect(posted).not.toContain('staffing plan');
    expect(posted).toContain('Internal update: its text is shared only with the department');
    expect(posted).toContain(`<@${GRACE}>`);
    // The author still sees the whole update in the DM confirmation.
    const dm = app.fake.dmChannelId(GRACE);
    const confirmation = await app.fake.waitFor(() => app.fake.messages(dm).find((m) => JSON.stringify(m.blocks).includes('staffing plan')), 5000, 'the DM');

    // Edited: the post changes in place and still carries no text.
    await app.driver.blockAction({ user: GRACE, channel: dm, messageTs: confirmation.ts, actionId: 'update.edit' });
    const edit = await app.driver.waitForModal(GRACE, 5000, 'reap.update');
    const edited = await app.driver.viewSubmission({ viewId: edit.id, values: { narrative: 'Confidential: revised staffing plan.' } });
    expect(edited.ack).toEqual({ action: 'close' });
    await app.fake.waitFor(
      () => JSON.stringify(app.fake.messages(LIB_CHANNEL).find((m) => m.ts === post.ts)?.blocks).includes('Edited by'),
      5000,
      'the edited post',
    );
    expect(JSON.stringify(app.fake.messages(LIB_CHANNEL).find((m) => m.ts === post.ts)?.blocks)).not.toContain('staffing plan');
  });

  it('posts the whole update in the department’s private channel', async () => {
    app.fake.addChannel({ id: LIB_PRIVATE, name: 'lib-equity-private', is_private: true, members: [GRACE, app.fake.workspace.bot.userId] });
    await app.db.prisma.department.updateMany({ where: { slackChannelId: LIB_CHANNEL }, data: { slackChannelId: LIB_PRIVATE } });
    const view = await openUpdate('2.1');
    const sub = await app.driver.viewSubmission({
      viewId: view.id,
      values: { narrative: 'Sensory hours pilot: internal budget notes.', visibility: 'INTERNAL' },
    });
    expect(sub.ack).toEqual({ action: 'close' });
    const post = await app.fake.waitFor(() => app.fake.messages(LIB_PRIVATE)[0], 5000, 'the private channel post');
    expect(JSON.stringify(post.blocks)).toContain('internal budget notes');
    expect(JSON.stringify(post.blocks)).not.toContain('Internal update: its text');
  });
});
