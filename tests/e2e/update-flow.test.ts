// /reap update as Slack drives it: the modal opens inside the trigger window with the
// strategies the person may report on, picking another strategy refreshes what depends on
// it without losing typed text, Submit stores the update once and confirms it (DM with an
// Edit button, department channel post, App Home refresh), and Edit corrects it.
import type { ViewOutput } from '@slack/bolt';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadActor } from '../../src/services/authz.js';
import { readProgressUpdate } from '../../src/services/update-reading.js';
import { startTestApp, strategyIdsByLabel, type TestApp } from '../support/test-app.js';

const NOW = new Date('2026-11-18T17:00:00Z');
const CHANNEL = 'C0GENERAL';
const GRACE = 'U0LIB03'; // Grace Kim, Library staff, English (Slack locale en-GB), owns LIB 1.1 and 2.1
const MINH = 'U0LIB02'; // Minh Nguyen, Library staff, Vietnamese
const MARISOL = 'U0ORSE01'; // ORSE admin, Spanish
const PRIYA = 'U0LIB01'; // Library equity lead
const KEVIN = 'U0MGR01'; // manages Housing, Library and PRNS
const LIB_CHANNEL = 'C0LIBRARY';

type Block = { type: string; block_id?: string; element?: Record<string, unknown>; text?: { text: string }; elements?: { text?: string }[] };

/**
 * What Slack would have refused, except App Home's own overlapping refreshes: its publisher
 * answers a views.publish hash_conflict by publishing a fresh build (src/slack/home).
 */
function expectNoViolations(app: TestApp, allow: readonly string[] = []): void {
  const unexpected = app.fake.violations().filter((v) => !(v.method === 'views.publish' && v.code === 'hash_conflict') && !allow.includes(v.code));
  app.fake.clearViolations();
  expect(unexpected).toEqual([]);
}

describe('/reap update', () => {
  let app: TestApp;
  let ids: Record<string, number>;

  beforeAll(async () => {
    app = await startTestApp({ now: () => NOW });
    ids = await strategyIdsByLabel(app, 'LIB-FY2024-2026');
  });
  afterAll(async () => {
    await app?.stop();
  });
  afterEach(() => {
    expectNoViolations(app);
  });

  async function openUpdate(user: string, text = ''): Promise<ViewOutput> {
    const before = app.fake.calls('views.open').length;
    const res = await app.driver.slashCommand({ user, channel: CHANNEL, text: `update ${text}`.trim() });
    expect(res.status).toBe(200);
    expect(res.ms).toBeLessThan(3000);
    await app.fake.waitFor(() => app.fake.calls('views.open').length > before, 5000, 'views.open');
    return app.driver.waitForModal(user, 5000, 'reap.update');
  }

  /** The words shown in the modal instead of a form (it opened with a loading view). */
  async function modalMessage(user: string): Promise<string> {
    const modal = await app.driver.waitForModal(user, 5000, 'reap.update.message');
    expect(app.fake.openViews(user).map((v) => v.callback_id)).toEqual(['reap.update.message']);
    app.fake.workspace.clearModals(user);
    return JSON.stringify(modal.blocks);
  }

  const blocksOf = (v: ViewOutput | undefined) => (v?.blocks ?? []) as unknown as Block[];
  const block = (v: ViewOutput | undefined, id: string) => blocksOf(v).find((b) => b.block_id === id);
  const statusBlock = (v: ViewOutput | undefined) => blocksOf(v).find((b) => b.block_id?.startsWith('status.'));

  it('opens a modal listing the person’s department strategies, none preselected', async () => {
    const view = await openUpdate(GRACE);
    expect(view.callback_id).toBe('reap.update');
    expect(view.title.text).toBe('Report progress');
    const select = block(view, 'strategy')!.element as {
      options?: { value: string; text: { text: string } }[];
      option_groups?: { options: { value: string }[] }[];
    };
    const values = (select.option_groups ?? [{ options: select.options ?? [] }]).flatMap((g) => g.options.map((o) => Number(o.value)));
    expect(values.sort((a, b) => a - b)).toEqual(Object.values(ids).sort((a, b) => a - b));
    expect(JSON.stringify(view.blocks)).toContain('Choose a strategy above');
    expect(statusBlock(view)?.block_id).toBe('status.none');
    for (const id of [
      'narrative',
      'measure_values',
      'outputs',
      'roadblocks',
      'help_needed',
      'practices',
      'visibility',
      'evidence_url',
      'communities_reached',
      'languages_served',
      'accessibility_notes',
    ]) {
      expect(block(view, id), id).toBeDefined();
    }
    expect((block(view, 'narrative')!.element as { max_length: number }).max_length).toBe(3000);
    expect((block(view, 'evidence_url')!.element as { type: string }).type).toBe('url_text_input');
    expect(JSON.parse(view.private_metadata)).toMatchObject({ mode: 'new', channelId: CHANNEL });
    app.fake.workspace.clearModals(GRACE);
  });

  it('preselects the strategy named by its number, with its status, measures and last update', async () => {
    const view = await openUpdate(GRACE, '1.1');
    const select = block(view, 'strategy')!.element as { initial_option?: { value: string } };
    expect(select.initial_option?.value).toBe(String(ids['1.1']));
    const status = statusBlock(view)!;
    expect(status.block_id).toBe(`status.s${ids['1.1']}`);
    expect((status.element as { initial_option: { value: string } }).initial_option.value).toBe('IN_PROGRESS');
    const text = JSON.stringify(view.blocks);
    expect(text).toContain('Performance measures:');
    const stored = await app.db.prisma.strategy.findUniqueOrThrow({ where: { id: ids['1.1'] } });
    expect(stored.performanceMeasures.length).toBeGreaterThan(10);
    expect(text).toContain(JSON.stringify(stored.performanceMeasures.slice(0, 30)).slice(1, -1));
    expect(text).toContain('Last update');
    expect(text).toContain('Adapted the adult assessment rubric');
    expect(JSON.parse(view.private_metadata)).toMatchObject({ mode: 'new', strategyId: ids['1.1'], strategyVersion: 1 });
    app.fake.workspace.clearModals(GRACE);
  });

  it('also takes the strategy id, and a department code before the number', async () => {
    let view = await openUpdate(GRACE, `#${ids['2.1']}`);
    expect((block(view, 'strategy')!.element as { initial_option?: { value: string } }).initial_option?.value).toBe(String(ids['2.1']));
    app.fake.workspace.clearModals(GRACE);
    view = await openUpdate(GRACE, 'lib 1.2');
    expect((block(view, 'strategy')!.element as { initial_option?: { value: string } }).initial_option?.value).toBe(String(ids['1.2']));
    app.fake.workspace.clearModals(GRACE);
  });

  it('answers an unknown strategy number with how to find numbers instead of a form', async () => {
    const res = await app.driver.slashCommand({ user: GRACE, channel: CHANNEL, text: 'update 9.9' });
    expect(res.status).toBe(200);
    const text = await modalMessage(GRACE);
    expect(text).toContain('“9.9”');
    expect(text).toContain('`/reap plan`');
    // Said inside a modal, so it does not claim that none was opened.
    expect(text).not.toContain('didn’t open');
    // Another department's strategy id is just as unknown to a staff member.
    const dot = await app.db.prisma.strategy.findFirstOrThrow({ where: { objective: { plan: { key: 'DOT-FY2024-2026' } } } });
    await app.driver.slashCommand({ user: GRACE, channel: CHANNEL, text: `update ${dot.id}` });
    expect(await modalMessage(GRACE)).toContain('couldn’t find a strategy');
    // Text that cannot name a strategy is answered at once, without a modal.
    const opens = app.fake.calls('views.open').length;
    const word = await app.driver.slashCommand({ user: GRACE, channel: CHANNEL, text: 'update 2.3.4' });
    expect((word.json as { response_type: string; text: string }).response_type).toBe('ephemeral');
    expect((word.json as { text: string }).text).toContain('couldn’t find a strategy');
    // In the person's own language, even before REAP Tracker has answered them in it.
    const minh = await app.driver.slashCommand({ user: MINH, channel: CHANNEL, text: 'update 2.3.4' });
    expect((minh.json as { text: string }).text).toContain('Tôi không tìm thấy chiến lược');
    await new Promise((r) => setTimeout(r, 200));
    expect(app.fake.calls('views.open').length).toBe(opens);
    expect(app.fake.openViews(GRACE)).toEqual([]);
    expect(app.fake.openViews(MINH)).toEqual([]);
  });

  it('finds a strategy by words of its title, and says so when none or several match', async () => {
    const view = await openUpdate(GRACE, 'Storytime SPANISH');
    const storytimes = await app.db.prisma.strategy.findFirstOrThrow({ where: { text: { startsWith: 'Offer storytimes' } } });
    expect((block(view, 'strategy')!.element as { initial_option?: { value: string } }).initial_option?.value).toBe(String(storytimes.id));
    app.fake.workspace.clearModals(GRACE);

    await app.driver.slashCommand({ user: GRACE, channel: CHANNEL, text: 'update narnia' });
    const none = await modalMessage(GRACE);
    expect(none).toContain('No strategy you can report on has “narnia” in its title');

    await app.driver.slashCommand({ user: GRACE, channel: CHANNEL, text: 'update branches' });
    const several = await modalMessage(GRACE);
    expect(several).toMatch(/\d strategies you can report on match “branches”/);
    expect(several).toContain('Add assistive technology and sensory-friendly hours at four branches.');
    expect(several).toContain('Offer storytimes and programs in Spanish and Vietnamese at branches');

    // Only among what the person may report on: a Transportation title is not found for Library staff.
    await app.driver.slashCommand({ user: GRACE, channel: CHANNEL, text: 'update Vision Zero' });
    expect(await modalMessage(GRACE)).toContain('“Vision Zero”');
  });

  it('refreshes status, measures and last update when another strategy is picked, keeping typed text', async () => {
    const view = await openUpdate(GRACE, '1.1');
    // Grace types first, then changes her mind about the strategy.
    const typed = 'Story time ran at Tully and Alum Rock.';
    const record = app.fake.workspace.view(view.id)!;
    record.state.narrative = { narrative: { type: 'plain_text_input', value: typed } };
    const hash = app.fake.view(view.id)!.hash;
    const res = await app.driver.blockAction({ user: GRACE, viewId: view.id, actionId: 'update.strategy', value: String(ids['1.2']) });
    expect(res.status).toBe(200);
    const updated = await app.fake.waitFor(
      () => {
        const v = app.fake.view(view.id);
        return v && v.hash !== hash ? v : undefined;
      },
      5000,
      'the refreshed modal',
    );
    const update = app.fake.calls('views.update').at(-1)!;
    expect((update.args as { hash?: string }).hash).toBe(hash);
    expect(statusBlock(updated)!.block_id).toBe(`status.s${ids['1.2']}`);
    expect(updated.state.values[statusBlock(updated)!.block_id!]!.status!.selected_option?.value).toBe('ONGOING');
    expect(updated.state.values.narrative!.narrative!.value).toBe(typed);
    expect(JSON.parse(updated.private_metadata)).toMatchObject({ strategyId: ids['1.2'] });
    app.fake.workspace.clearModals(GRACE);
  });

  it('stores the update, confirms it by DM with an Edit button, posts in the department channel and refreshes App Home', async () => {
    // Grace and her equity lead look at their Home tab; Kevin, who manages the Library, never has.
    for (const user of [GRACE, PRIYA]) {
      const before = app.fake.calls('views.publish').length;
      await app.driver.appHomeOpened(user);
      await app.fake.waitFor(
        () =>
          app.fake
            .calls('views.publish')
            .slice(before)
            .some((c) => c.args.user_id === user),
        5000,
        `${user}'s Home`,
      );
    }
    const view = await openUpdate(GRACE, '2.1');
    const before = await app.db.prisma.progressUpdate.count({ where: { strategyId: ids['2.1'] } });
    const channelBefore = app.fake.messages(LIB_CHANNEL).length;
    const publishes = app.fake.calls('views.publish').length;
    const sub = await app.driver.viewSubmission({
      viewId: view.id,
      values: {
        [`status.s${ids['2.1']}`]: 'ONGOING',
        narrative: 'Sensory-friendly hours now run at all four branches.',
        measure_values: '4 of 4 branches',
        roadblocks: 'Staffing on Saturdays',
        visibility: 'PUBLIC',
        evidence_url: 'https://sjpl.org/sensory-hours',
        languages_served: 'English, Spanish, Vietnamese',
      },
    });
    expect(sub.ack).toEqual({ action: 'close' });
    expect(sub.ms).toBeLessThan(3000);
    const stored = await app.db.prisma.progressUpdate.findMany({ where: { strategyId: ids['2.1'] }, orderBy: { id: 'desc' } });
    expect(stored.length).toBe(before + 1);
    expect(stored[0]).toMatchObject({
      statusFrom: 'IN_PROGRESS',
      statusTo: 'ONGOING',
      narrative: 'Sensory-friendly hours now run at all four branches.',
      measureValues: '4 of 4 branches',
      roadblocks: 'Staffing on Saturdays',
      visibility: 'PUBLIC',
      evidenceUrl: 'https://sjpl.org/sensory-hours',
      languagesServed: 'English, Spanish, Vietnamese',
      idempotencyKey: `view:${view.id}:${view.hash}`,
    });
    const strategy = await app.db.prisma.strategy.findUniqueOrThrow({ where: { id: ids['2.1'] } });
    expect(strategy).toMatchObject({ status: 'ONGOING', version: 2 });

    const dm = app.fake.dmChannelId(GRACE);
    const confirmation = await app.fake.waitFor(() => app.fake.messages(dm).at(-1), 5000, 'the DM confirmation');
    const text = JSON.stringify(confirmation.blocks);
    expect(text).toContain('Progress update saved');
    expect(text).toContain('Sensory-friendly hours now run at all four branches.');
    expect(text).toContain('In Progress → Ongoing');
    expect(text).toContain(`Shared in <#${LIB_CHANNEL}>`);
    expect(text).toContain('"action_id":"update.edit"');

    const post = await app.fake.waitFor(() => app.fake.messages(LIB_CHANNEL)[channelBefore], 5000, 'the channel post');
    expect(JSON.stringify(post.blocks)).toContain(`<@${GRACE}>`);
    expect(JSON.stringify(post.blocks)).toContain('Sensory-friendly hours');
    // Where it was posted is kept, for an edit to change that post.
    await expect
      .poll(() => app.db.prisma.progressUpdate.findUniqueOrThrow({ where: { id: stored[0]!.id } }).then((u) => [u.channelPostChannel, u.channelPostTs]))
      .toEqual([LIB_CHANNEL, post.ts]);

    // App Home of the author and the department's equity lead is republished; the manager's,
    // never opened, is left for when he opens it.
    await app.fake.waitFor(
      () => {
        const users = app.fake
          .calls('views.publish')
          .slice(publishes)
          .map((c) => (c.args as { user_id: string }).user_id);
        return users.includes(GRACE) && users.includes(PRIYA);
      },
      8000,
      'App Home republished',
    );
    expect(
      app.fake
        .calls('views.publish')
        .slice(publishes)
        .map((c) => c.args.user_id),
    ).not.toContain(KEVIN);
  });

  it('reopens the saved update from the Edit button and stores the correction as a new revision', async () => {
    const dm = app.fake.dmChannelId(GRACE);
    const confirmation = app.fake.messages(dm).at(-1)!;
    const update = await app.db.prisma.progressUpdate.findFirstOrThrow({ where: { strategyId: ids['2.1'] }, orderBy: { id: 'desc' } });
    const opens = app.fake.calls('views.open').length;
    await app.driver.blockAction({ user: GRACE, channel: dm, messageTs: confirmation.ts, actionId: 'update.edit' });
    await app.fake.waitFor(() => app.fake.calls('views.open').length > opens, 5000, 'the edit modal');
    const view = await app.driver.waitForModal(GRACE, 5000, 'reap.update');
    expect(view.title.text).toBe('Edit progress update');
    expect(JSON.parse(view.private_metadata)).toMatchObject({
      mode: 'edit',
      updateId: update.id,
      revision: 1,
      confirmationChannel: dm,
      confirmationTs: confirmation.ts,
    });
    expect(view.state.values.narrative!.narrative!.value).toBe('Sensory-friendly hours now run at all four branches.');
    expect(view.state.values.visibility!.visibility!.selected_option?.value).toBe('PUBLIC');

    const sub = await app.driver.viewSubmission({
      viewId: view.id,
      values: { narrative: 'Sensory-friendly hours now run at all four branches, Saturdays included.' },
    });
    expect(sub.ack).toEqual({ action: 'close' });
    const after = await app.db.prisma.progressUpdate.findUniqueOrThrow({ where: { id: update.id }, include: { revisions: true } });
    expect(after.revision).toBe(2);
    expect(after.narrative).toBe('Sensory-friendly hours now run at all four branches, Saturdays included.');
    expect(after.revisions.map((r) => (r.snapshot as { narrative: string }).narrative)).toEqual(['Sensory-friendly hours now run at all four branches.']);
    // The confirmation is refreshed in place.
    await app.fake.waitFor(
      () => JSON.stringify(app.fake.messages(dm).find((m) => m.ts === confirmation.ts)?.blocks).includes('Saturdays included'),
      5000,
      'the refreshed confirmation',
    );
    // So is the department channel's post: same message, new text, and who changed it.
    const postTs = after.channelPostTs!;
    const posts = app.fake.messages(LIB_CHANNEL).length;
    const post = app.fake.messages(LIB_CHANNEL).find((m) => m.ts === postTs);
    expect(JSON.stringify(post?.blocks)).toContain('Saturdays included');
    expect(JSON.stringify(post?.blocks)).toContain(`Edited by <@${GRACE}> (revision 2)`);
    expect(JSON.stringify(post?.blocks)).not.toContain('all four branches.');
    expect(JSON.stringify(app.fake.messages(dm).find((m) => m.ts === confirmation.ts)?.blocks)).toContain(
      `The post in <#${LIB_CHANNEL}> now shows this version.`,
    );

    // Someone deleted the channel post: the next edit is still saved, and the author is told the post could not change.
    expect(app.fake.workspace.deleteMessage(LIB_CHANNEL, postTs)).toBe(true);
    const reopened = app.fake.messages(dm).find((m) => m.ts === confirmation.ts)!;
    await app.driver.blockAction({ user: GRACE, channel: dm, messageTs: reopened.ts, actionId: 'update.edit' });
    const again = await app.driver.waitForModal(GRACE, 5000, 'reap.update');
    expect(JSON.parse(again.private_metadata)).toMatchObject({ updateId: update.id, revision: 2 });
    expect(
      (await app.driver.viewSubmission({ viewId: again.id, values: { narrative: 'Sensory-friendly hours at all four branches, with quiet rooms.' } })).ack,
    ).toEqual({ action: 'close' });
    expect((await app.db.prisma.progressUpdate.findUniqueOrThrow({ where: { id: update.id } })).revision).toBe(3);
    await app.fake.waitFor(
      () =>
        JSON.stringify(app.fake.messages(dm).find((m) => m.ts === confirmation.ts)?.blocks).includes(
          `I couldn’t change the post in <#${LIB_CHANNEL}> (the post was deleted)`,
        ),
      5000,
      'the confirmation naming the deleted post',
    );
    expect(app.fake.messages(LIB_CHANNEL).length).toBe(posts - 1);
    // Slack's answer to the change of the deleted post, and nothing else.
    expect(app.fake.violations().map((v) => `${v.method} ${v.code}`)).toContain('chat.update message_not_found');
    expectNoViolations(app, ['message_not_found']);
  });

  it('opens the form from the Update button of other surfaces (value = strategy id)', async () => {
    const res = await app.driver.slashCommand({ user: GRACE, channel: CHANNEL, text: 'plan' });
    expect(res.status).toBe(200);
    const eph = await app.fake.waitFor(() => app.fake.ephemerals(GRACE).find((e) => JSON.stringify(e.blocks ?? []).includes('update:open')), 5000, 'the plan');
    const withButton = (eph.blocks as { accessory?: { action_id: string; value: string } }[]).find((b) => b.accessory?.action_id === 'update:open');
    const strategyId = Number(withButton!.accessory!.value);
    const opens = app.fake.calls('views.open').length;
    await app.driver.blockAction({ user: GRACE, channel: CHANNEL, messageTs: eph.ts, actionId: 'update:open' });
    await app.fake.waitFor(() => app.fake.calls('views.open').length > opens, 5000, 'views.open');
    const view = await app.driver.waitForModal(GRACE, 5000, 'reap.update');
    expect(JSON.parse(view.private_metadata)).toMatchObject({ mode: 'new', strategyId });
    app.fake.workspace.clearModals(GRACE);
  });

  it('posts a long update as a summary whose button opens the whole text, for those who may read it', async () => {
    const view = await openUpdate(GRACE, '1.1');
    const channelBefore = app.fake.messages(LIB_CHANNEL).length;
    const narrative = `${'Story time ran in Spanish and Vietnamese at Tully, Alum Rock and Seven Trees. '.repeat(30)}The end.`;
    const sub = await app.driver.viewSubmission({ viewId: view.id, values: { narrative, outputs: 'Twelve sessions, 340 children.', visibility: 'PUBLIC' } });
    expect(sub.ack).toEqual({ action: 'close' });
    const post = await app.fake.waitFor(() => app.fake.messages(LIB_CHANNEL)[channelBefore], 5000, 'the channel post');
    const posted = JSON.stringify(post.blocks);
    // A summary, not a wall of text: the start of the narrative, what else was filled in, a button.
    expect(posted).toContain('Story time ran in Spanish');
    expect(posted).not.toContain('The end.');
    expect(posted).toContain('Also filled in: Outputs');
    expect(posted).toContain('"action_id":"update:full"');

    // A Library colleague clicks it and reads everything, in her language.
    const opens = app.fake.calls('views.open').length;
    const click = await app.driver.blockAction({ user: MINH, channel: LIB_CHANNEL, messageTs: post.ts, actionId: 'update:full' });
    expect(click.status).toBe(200);
    expect(click.ms).toBeLessThan(3000);
    await app.fake.waitFor(() => app.fake.calls('views.open').length > opens, 5000, 'views.open');
    const full = await app.fake.waitFor(
      () => {
        const v = app.fake.openViews(MINH).at(-1);
        return v && JSON.stringify(v.blocks).includes('The end.') ? v : undefined;
      },
      5000,
      'the full update',
    );
    expect(full.title.text).toBe('Báo cáo tiến độ');
    const text = JSON.stringify(full.blocks);
    expect(text).toContain('Twelve sessions, 340 children.');
    expect(text.split('Seven Trees').length - 1).toBe(30);
    app.fake.workspace.clearModals(MINH);
    // Another department's people are refused by the service (and the refusal is audited).
    const id = Number(
      (
        JSON.parse((post.blocks as { block_id?: string; elements?: { value: string }[] }[]).find((b) => b.block_id === 'update_full')!.elements![0]!.value) as {
          u: number;
        }
      ).u,
    );
    const dot = await loadActor(app.server.ctx, 'U0DOT01');
    await expect(readProgressUpdate(app.server.ctx, dot, id)).rejects.toMatchObject({ code: 'forbidden', messageKey: 'errors.forbidden.read' });
    await expect(readProgressUpdate(app.server.ctx, dot, 999_999)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('lets an ORSE admin pick a department first, in their language', async () => {
    const view = await openUpdate(MARISOL);
    expect(view.title.text).toBe('Informar avance');
    const orse = await app.db.prisma.department.findUniqueOrThrow({ where: { code: 'ORSE' } });
    const lib = await app.db.prisma.department.findUniqueOrThrow({ where: { code: 'LIB' } });
    const dept = block(view, 'department')!;
    expect((dept.element as { initial_option: { value: string } }).initial_option.value).toBe(String(orse.id));
    expect(block(view, `strategy.d${orse.id}`)).toBeDefined();
    const hash = view.hash;
    await app.driver.blockAction({ user: MARISOL, viewId: view.id, actionId: 'update.department', value: String(lib.id) });
    const updated = await app.fake.waitFor(
      () => {
        const v = app.fake.view(view.id);
        return v && v.hash !== hash ? v : undefined;
      },
      5000,
      'the department switch',
    );
    const select = block(updated, `strategy.d${lib.id}`)!.element as { options?: { value: string }[]; option_groups?: { options: { value: string }[] }[] };
    const values = (select.option_groups ?? [{ options: select.options ?? [] }]).flatMap((g) => g.options.map((o) => Number(o.value)));
    expect(values.sort((a, b) => a - b)).toEqual(Object.values(ids).sort((a, b) => a - b));
    app.fake.workspace.clearModals(MARISOL);
  });

  it('speaks the member’s language in the modal', async () => {
    const view = await openUpdate(MINH, '1.3');
    expect(view.title.text).toBe('Báo cáo tiến độ');
    expect(JSON.stringify(view.blocks)).toContain('Đã làm được gì');
    app.fake.workspace.clearModals(MINH);
    // Once known, even the momentary loading view (opened before anything is read) is in it.
    const opens = app.fake.calls('views.open').length;
    await openUpdate(MINH, '1.3');
    const loading = JSON.parse((app.fake.calls('views.open')[opens]!.args as { view: string }).view) as ViewOutput;
    expect(loading.callback_id).toBe('reap.update.loading');
    expect(loading.title.text).toBe('Báo cáo tiến độ');
    app.fake.workspace.clearModals(MINH);
  });

  it('explains to someone REAP Tracker does not know how to be added, and whom to ask', async () => {
    app.fake.addUser({ id: 'U0NEWBIE', name: 'newbie', real_name: 'New Person' });
    app.fake.joinChannel(CHANNEL, 'U0NEWBIE');
    await app.driver.slashCommand({ user: 'U0NEWBIE', channel: CHANNEL, text: 'update' });
    const text = await modalMessage('U0NEWBIE');
    expect(text).toContain('doesn’t know you yet');
    expect(text).toContain(`<@${MARISOL}>`);
  });
});
