// "Report as REAP update" as Slack drives it: the shortcut on a channel message opens the
// /reap update form (a loading view first, with the trigger), prefilled with the message's
// text and permalink; the person picks the strategy and submits, and the update is stored
// once. People REAP Tracker does not know, messages it cannot read and messages longer than
// a narrative get a clear answer instead of a silent loss. Slack retrying the Submit is in
// update-http.test.ts.
import type { ViewOutput } from '@slack/bolt';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startListenerApp, type ListenerApp } from '../support/listener-app.js';
import { strategyIdsByLabel } from '../support/test-app.js';
import { GRACE, LIB_CHANNEL, MINH, NOW, pickUpdateStrategy, postMessage, runReportShortcut } from './update-support.js';

const MARISOL = 'U0ORSE01'; // ORSE admin, Spanish
const GENERAL = 'C0GENERAL';

type Block = { type: string; block_id?: string; element?: { initial_value?: string; initial_option?: { value: string } }; elements?: { text?: string }[] };

describe('the "Report as REAP update" message shortcut', () => {
  let app: ListenerApp;
  let ids: Record<string, number>;

  beforeAll(async () => {
    app = await startListenerApp({ now: () => NOW });
    ids = await strategyIdsByLabel(app, 'LIB-FY2024-2026');
  });
  afterAll(async () => {
    await app?.stop();
  });
  afterEach(() => {
    app.fake.clearViolations();
  });

  const post = (user: string, channel: string, text: string) => postMessage(app, user, channel, text);
  const runShortcut = (user: string, channel: string, messageTs: string) => runReportShortcut(app, user, channel, messageTs);
  const pickStrategy = (user: string, view: ViewOutput, strategyId: number) => pickUpdateStrategy(app, user, view, strategyId);

  const blocksOf = (v: ViewOutput | undefined) => (v?.blocks ?? []) as unknown as Block[];
  const block = (v: ViewOutput | undefined, id: string) => blocksOf(v).find((b) => b.block_id === id);

  /** The words shown in the modal instead of a form. */
  async function modalMessage(user: string): Promise<string> {
    const modal = await app.driver.waitForModal(user, 5000, 'reap.update.message');
    app.fake.workspace.clearModals(user);
    return JSON.stringify(modal.blocks);
  }

  it('opens the update form prefilled with the message and its link, and stores the update once', async () => {
    const text = 'Story time ran at <https://sjpl.org/tully|Tully branch> with <@U0LIB02>: 42 families &amp; 3 languages.';
    const ts = post(GRACE, LIB_CHANNEL, text);
    const callsBefore = app.fake.calls().length;
    await runShortcut(GRACE, LIB_CHANNEL, ts);
    const view = await app.driver.waitForModal(GRACE, 5000, 'reap.update');

    // The trigger was used before any other Slack call the shortcut made.
    const calls = app.fake
      .calls()
      .slice(callsBefore)
      .map((c) => c.method);
    expect(calls[0]).toBe('views.open');
    expect(calls.indexOf('chat.getPermalink')).toBeGreaterThan(0);

    const narrative = 'Story time ran at Tully branch (https://sjpl.org/tully) with @Minh Nguyen: 42 families & 3 languages.';
    const permalink = `https://${app.fake.team.domain}.slack.com/archives/${LIB_CHANNEL}/p${ts.replace('.', '')}`;
    expect(block(view, 'narrative')!.element!.initial_value).toBe(narrative);
    expect(block(view, 'evidence_url')!.element!.initial_value).toBe(permalink);
    expect(block(view, 'shortened')).toBeUndefined();
    expect(JSON.parse(view.private_metadata)).toMatchObject({ mode: 'new', channelId: LIB_CHANNEL });
    // Grace picks the strategy as in /reap update; her prefilled text stays.
    expect(block(view, 'strategy')!.element!.initial_option).toBeUndefined();
    const picked = await pickStrategy(GRACE, view, ids['1.1']!);
    expect(picked.state.values.narrative!.narrative!.value).toBe(narrative);
    expect(picked.state.values.evidence_url!.evidence_url!.value).toBe(permalink);

    const before = await app.db.prisma.progressUpdate.count({ where: { strategyId: ids['1.1'] } });
    const first = await app.driver.viewSubmission({ viewId: view.id, values: { [`status.s${ids['1.1']}`]: 'IN_PROGRESS' } });
    expect(first.ack).toEqual({ action: 'close' });
    const stored = await app.db.prisma.progressUpdate.findMany({
      where: { strategyId: ids['1.1'] },
      orderBy: { id: 'desc' },
      take: 1,
      include: { author: true },
    });
    expect(stored[0]).toMatchObject({ narrative, evidenceUrl: permalink, statusTo: 'IN_PROGRESS' });
    expect(stored[0]!.author.slackUserId).toBe(GRACE);
    expect(await app.db.prisma.progressUpdate.count({ where: { strategyId: ids['1.1'] } })).toBe(before + 1);
    // The confirmation reaches Grace as for /reap update.
    const dm = app.fake.dmChannelId(GRACE);
    await app.fake.waitFor(() => app.fake.messages(dm).some((m) => JSON.stringify(m.blocks).includes('42 families')), 5000, 'the confirmation');
    app.driver.assertNoViolations();
  });

  it('shortens a message longer than a narrative, says so in the form, and keeps saying so after the strategy is picked', async () => {
    const sentence = 'Volunteers read bilingual stories to families at the Alum Rock branch every Saturday. ';
    const text = sentence.repeat(45).trim();
    expect(text.length).toBeGreaterThan(3000);
    const ts = post(GRACE, LIB_CHANNEL, text);
    await runShortcut(GRACE, LIB_CHANNEL, ts);
    const view = await app.driver.waitForModal(GRACE, 5000, 'reap.update');
    const prefilled = block(view, 'narrative')!.element!.initial_value!;
    expect(Array.from(prefilled).length).toBeLessThanOrEqual(3000);
    expect(prefilled.endsWith('…')).toBe(true);
    expect(text.startsWith(prefilled.slice(0, -1))).toBe(true);
    const notice = JSON.stringify(block(view, 'shortened'));
    expect(notice).toContain(`The message has ${text.length.toLocaleString('en-US')} characters`);
    expect(notice).toContain('at most 3,000');
    expect(notice).toContain('Evidence link');
    expect(block(view, 'evidence_url')!.element!.initial_value).toMatch(/^https:\/\/.+\/archives\/C0LIBRARY\/p\d+$/);

    const picked = await pickStrategy(GRACE, view, ids['2.1']!);
    expect(JSON.stringify(block(picked, 'shortened'))).toContain('at most 3,000');
    expect(picked.state.values.narrative!.narrative!.value).toBe(prefilled);
    app.fake.workspace.clearModals(GRACE);
    app.driver.assertNoViolations();
  });

  it('opens the form without the evidence link when Slack gives no permalink', async () => {
    const ts = post(GRACE, LIB_CHANNEL, 'Book club met twice.');
    app.fake.failNext('chat.getPermalink', 'fatal_error');
    await runShortcut(GRACE, LIB_CHANNEL, ts);
    const view = await app.driver.waitForModal(GRACE, 5000, 'reap.update');
    expect(block(view, 'narrative')!.element!.initial_value).toBe('Book club met twice.');
    expect(block(view, 'evidence_url')!.element!.initial_value).toBeUndefined();
    app.fake.workspace.clearModals(GRACE);
    app.driver.assertNoViolations({ allow: ['fatal_error'] });
  });

  it('starts an ORSE admin on the department whose channel it is, in their language', async () => {
    const ts = post(GRACE, LIB_CHANNEL, 'Grace: the Spanish storytime flyer is ready.');
    await runShortcut(MARISOL, LIB_CHANNEL, ts);
    const view = await app.driver.waitForModal(MARISOL, 5000, 'reap.update');
    const library = await app.db.prisma.department.findFirstOrThrow({ where: { slackChannelId: LIB_CHANNEL } });
    expect(block(view, 'department')!.element!.initial_option?.value).toBe(String(library.id));
    expect(view.title.text).toBe('Informar avance');
    expect(block(view, 'narrative')!.element!.initial_value).toBe('Grace: the Spanish storytime flyer is ready.');
    app.fake.workspace.clearModals(MARISOL);
    app.driver.assertNoViolations();
  });

  it('tells someone REAP Tracker does not know, or no longer knows, why there is no form, in their language', async () => {
    app.fake.addUser({ id: 'U0VISITOR', name: 'visitor', real_name: 'Visiting Contractor', email: 'visitor@example.org' });
    const ts = post(GRACE, GENERAL, 'Thanks everyone for the equity training!');
    await runShortcut('U0VISITOR', GENERAL, ts);
    expect(await modalMessage('U0VISITOR')).toContain('REAP Tracker doesn’t know you yet');

    await app.db.prisma.member.update({ where: { slackUserId: MINH }, data: { active: false, deactivatedAt: NOW } });
    try {
      await runShortcut(MINH, GENERAL, ts);
      // Minh reads Vietnamese: the same reason, in his language.
      expect(await modalMessage(MINH)).toContain('REAP Tracker chưa có thông tin về bạn');
    } finally {
      await app.db.prisma.member.update({ where: { slackUserId: MINH }, data: { active: true, deactivatedAt: null } });
    }
    app.driver.assertNoViolations();
  });

  it('says so in a modal when the app cannot read the conversation', async () => {
    app.fake.addChannel({ id: 'G0LIBSTAFF', name: 'lib-staff-private', is_private: true, members: [GRACE, MINH] });
    const ts = post(GRACE, 'G0LIBSTAFF', 'Private planning notes.');
    await runShortcut(GRACE, 'G0LIBSTAFF', ts);
    const text = await modalMessage(GRACE);
    expect(text).toContain('REAP Tracker can’t read this conversation');
    expect(text).toContain('/invite @REAP Tracker');
    // Asking Slack for the link is how the app finds out; Slack answers channel_not_found.
    app.driver.assertNoViolations({ allow: ['channel_not_found'] });
  });
});
