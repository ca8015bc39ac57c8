// /reap update against what goes wrong: text past the limits, unusual characters, empty
// fields, a strategy archived under an open form, the database failing half-way, two people
// reporting at once, a forged submission and a channel the app cannot post in. In every case
// the person's typed text survives and nothing is stored twice or half. Slack retrying and a
// database too slow for Slack's 3 seconds are in update-http.test.ts.
import type { ViewOutput } from '@slack/bolt';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Prisma } from '../../src/db/client.js';
import { loadActor } from '../../src/services/authz.js';
import { editUpdate } from '../../src/services/progress-updates.js';
import { startListenerApp, type ListenerApp } from '../support/listener-app.js';
import { SlackDriver } from '../support/slack-driver.js';
import { strategyIdsByLabel } from '../support/test-app.js';
import { CHANNEL, expectNoViolations, GRACE, LIB_CHANNEL, MINH, NOW, openUpdateForm, sabotageSql } from './update-support.js';

const PRIYA = 'U0LIB01'; // Library equity lead

describe('/reap update with bad input and bad luck', () => {
  let app: ListenerApp;
  let ids: Record<string, number>;
  let dotId: number;
  let realPrisma: Prisma;

  beforeAll(async () => {
    app = await startListenerApp({ now: () => NOW });
    realPrisma = app.ctx.prisma;
    ids = await strategyIdsByLabel(app, 'LIB-FY2024-2026');
    dotId = (await app.db.prisma.strategy.findFirstOrThrow({ where: { objective: { plan: { key: 'DOT-FY2024-2026' } } } })).id;
  });
  afterAll(async () => {
    await app?.stop();
  });
  afterEach(() => {
    app.ctx.prisma = realPrisma;
    app.fake.clearFaults();
    for (const u of [GRACE, MINH, PRIYA]) app.fake.workspace.clearModals(u);
    expectNoViolations(app);
  });

  const openUpdate = (user: string, text: string) => openUpdateForm(app, user, text);

  /** What a person could not type (past max_length) or a crafted payload carries. */
  function setText(viewId: string, blockId: string, value: string | null): void {
    app.fake.workspace.view(viewId)!.state[blockId] = { [blockId]: { type: blockId === 'evidence_url' ? 'url_text_input' : 'plain_text_input', value } };
  }

  const statusOf = (view: ViewOutput) => Object.keys(view.state.values).find((k) => k.startsWith('status.'))!;
  const count = (strategyId: number) => app.db.prisma.progressUpdate.count({ where: { strategyId } });

  /** The SQL that lists the strategies a form offers (reportable-strategy-rows.ts). */
  const sabotageStrategyList = (behave: () => Promise<void>) => sabotageSql(app.ctx, realPrisma, 'reportable strategies', behave);

  it('refuses a 10,000-character narrative under the field, cutting nothing and storing nothing', async () => {
    const view = await openUpdate(GRACE, '1.3');
    const long = 'Ñ'.repeat(9_999) + '📚';
    setText(view.id, 'narrative', long);
    setText(view.id, 'evidence_url', `https://example.org/${'a'.repeat(2_100)}`);
    setText(view.id, 'languages_served', 'x'.repeat(501));
    const before = await count(ids['1.3']!);
    const sub = await app.driver.viewSubmission({ viewId: view.id });
    expect(sub.ack.action).toBe('errors');
    const errors = (sub.ack as { errors: Record<string, string> }).errors;
    expect(errors.narrative).toBe('10,000 characters; the limit is 3,000. Nothing was cut or saved: please shorten it.');
    expect(errors.evidence_url).toContain('2,120 characters; the limit is 2,000.');
    expect(errors.languages_served).toContain('501 characters; the limit is 500.');
    expect(app.fake.viewErrors(view.id)).toEqual(errors);
    // The modal is still open with every character still there.
    expect(app.fake.openViews(GRACE).at(-1)?.id).toBe(view.id);
    expect(app.fake.view(view.id)!.state.values.narrative!.narrative!.value).toBe(long);
    expect(await count(ids['1.3']!)).toBe(before);
    expect(await app.db.prisma.auditLog.count({ where: { action: 'progress.submit' } })).toBe(0);
  });

  it('tells the limit in the person’s language', async () => {
    const view = await openUpdate(MINH, '1.3');
    setText(view.id, 'narrative', 'a'.repeat(3_001));
    const sub = await app.driver.viewSubmission({ viewId: view.id });
    expect((sub.ack as { errors: Record<string, string> }).errors.narrative).toBe(
      '3.001 ký tự; giới hạn là 3.000. Không có gì bị cắt hay được lưu: vui lòng rút gọn.',
    );
  });

  it('stores emoji and right-to-left text byte for byte and shows them back', async () => {
    const narrative = 'Story time 📚👩🏽‍🏫 with families — مرحبا بكم في المكتبة — שלום — Tiếng Việt 🇻🇳\nSecond line & <tags> stay literal.';
    const communities = 'عائلات 👨‍👩‍👧 · Đồng bào Việt';
    const view = await openUpdate(GRACE, '1.3');
    const sub = await app.driver.viewSubmission({
      viewId: view.id,
      values: { [statusOf(view)]: 'IN_PROGRESS', narrative, communities_reached: communities },
    });
    expect(sub.ack).toEqual({ action: 'close' });
    const stored = await app.db.prisma.progressUpdate.findFirstOrThrow({ where: { strategyId: ids['1.3'] }, orderBy: { id: 'desc' } });
    expect(Buffer.from(stored.narrative, 'utf8').equals(Buffer.from(narrative, 'utf8'))).toBe(true);
    expect(stored.communitiesReached).toBe(communities);

    const dm = app.fake.dmChannelId(GRACE);
    const confirmation = await app.fake.waitFor(() => app.fake.messages(dm).find((m) => JSON.stringify(m.blocks).includes('مرحبا')), 5000, 'the confirmation');
    const shown = (confirmation.blocks as { block_id?: string; text?: { text: string } }[]).find((b) => b.block_id === 'narrative')!.text!.text;
    // Only &, < and > are escaped for Slack; everything else comes back as typed.
    expect(shown).toContain('Story time 📚👩🏽‍🏫 with families — مرحبا بكم في المكتبة — שלום — Tiếng Việt 🇻🇳\nSecond line &amp; &lt;tags&gt; stay literal.');

    // And the Edit form gives it back unchanged.
    await app.driver.blockAction({ user: GRACE, channel: dm, messageTs: confirmation.ts, actionId: 'update.edit' });
    const edit = await app.fake.waitFor(() => app.fake.openViews(GRACE).find((v) => v.title.text === 'Edit progress update'), 5000, 'the edit form');
    expect(edit.state.values.narrative!.narrative!.value).toBe(narrative);
    expect(edit.state.values.communities_reached!.communities_reached!.value).toBe(communities);
  });

  it('asks for the required fields when they are blank', async () => {
    const view = await openUpdate(GRACE, '1.3');
    const before = await count(ids['1.3']!);
    // Slack's client submits spaces in a required box; only the service can refuse them.
    let sub = await app.driver.viewSubmission({ viewId: view.id, values: { narrative: '   \n  ' } });
    expect((sub.ack as { errors: Record<string, string> }).errors).toEqual({ narrative: 'Please fill this in.' });
    // A crafted submission with nothing picked and nothing typed.
    const loose = new SlackDriver({ transport: app.driver.transport, fake: app.fake, strict: false });
    app.fake.workspace.view(view.id)!.state[statusOf(view)] = { status: { type: 'static_select', selected_option: null } };
    setText(view.id, 'narrative', null);
    sub = await loose.viewSubmission({ viewId: view.id });
    const errors = (sub.ack as { errors: Record<string, string> }).errors;
    expect(errors.narrative).toBe('Please fill this in.');
    expect(errors[statusOf(view)]).toBe('Please fill this in.');
    expect(await count(ids['1.3']!)).toBe(before);
  });

  it('says clearly when the strategy was archived or deleted after the form opened, and stores nothing', async () => {
    const view = await openUpdate(GRACE, '3.1');
    await app.db.prisma.strategy.update({ where: { id: ids['3.1'] }, data: { archivedAt: NOW } });
    const sub = await app.driver.viewSubmission({ viewId: view.id, values: { narrative: 'Index refreshed with ACS 2025 data.' } });
    expect((sub.ack as { errors: Record<string, string> }).errors).toEqual({
      strategy: 'This strategy no longer exists or was archived, so nothing was saved. Please pick another one.',
    });
    expect(await app.db.prisma.progressUpdate.count({ where: { strategyId: ids['3.1'], narrative: { contains: 'ACS 2025' } } })).toBe(0);
    expect(app.fake.view(view.id)!.state.values.narrative!.narrative!.value).toBe('Index refreshed with ACS 2025 data.');

    // Deleted outright: the same answer.
    const temp = await app.db.prisma.strategy.create({
      data: {
        objectiveId: (await app.db.prisma.strategy.findUniqueOrThrow({ where: { id: ids['1.1']! } })).objectiveId,
        number: 99,
        text: 'Temporary strategy',
      },
    });
    const view2 = await openUpdate(GRACE, String(temp.id));
    await app.db.prisma.strategy.delete({ where: { id: temp.id } });
    const sub2 = await app.driver.viewSubmission({ viewId: view2.id, values: { narrative: 'Gone already' } });
    expect((sub2.ack as { errors: Record<string, string> }).errors.strategy).toContain('no longer exists');
  });

  it('shows a database failure half-way through in the modal, keeps the text, writes nothing, and saves on retry', async () => {
    const view = await openUpdate(GRACE, '1.1');
    const text = 'Teen Advisory Board reviewed the rubric twice.';
    const before = await count(ids['1.1']!);
    const audits = await app.db.prisma.auditLog.count();
    // The database fails after the update row is inserted, as it moves the strategy's status.
    await app.db.prisma.$executeRawUnsafe(`
      CREATE FUNCTION fail_status() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'Connection terminated unexpectedly (simulated)'; END $$`);
    await app.db.prisma.$executeRawUnsafe(`CREATE TRIGGER fail_status BEFORE UPDATE ON "Strategy" FOR EACH ROW EXECUTE FUNCTION fail_status()`);
    let sub: Awaited<ReturnType<typeof app.driver.viewSubmission>>;
    try {
      sub = await app.driver.viewSubmission({ viewId: view.id, values: { narrative: text, [statusOf(view)]: 'ONGOING' } });
    } finally {
      await app.db.prisma.$executeRawUnsafe(`DROP TRIGGER fail_status ON "Strategy"`);
      await app.db.prisma.$executeRawUnsafe(`DROP FUNCTION fail_status()`);
    }
    expect(sub.ack.action).toBe('errors');
    expect((sub.ack as { errors: Record<string, string> }).errors.narrative).toContain('nothing was saved');
    expect(app.fake.view(view.id)!.state.values.narrative!.narrative!.value).toBe(text);
    expect(await count(ids['1.1']!)).toBe(before);
    expect(await app.db.prisma.auditLog.count()).toBe(audits);
    expect((await app.db.prisma.strategy.findUniqueOrThrow({ where: { id: ids['1.1'] } })).status).toBe('IN_PROGRESS');

    // The database is back: Submit again, same form, stored once.
    app.ctx.prisma = realPrisma;
    const again = await app.driver.viewSubmission({ viewId: view.id });
    expect(again.ack).toEqual({ action: 'close' });
    expect(await count(ids['1.1']!)).toBe(before + 1);
    expect((await app.db.prisma.strategy.findUniqueOrThrow({ where: { id: ids['1.1'] } })).status).toBe('ONGOING');
  });

  it('gives the second of two people reporting at once the conflict, keeps their text, and loses neither update', async () => {
    const graceView = await openUpdate(GRACE, '2.1');
    const minhView = await openUpdate(MINH, '2.1');
    const before = await count(ids['2.1']!);
    const g = await app.driver.viewSubmission({
      viewId: graceView.id,
      values: { narrative: 'Grace: sensory hours at Tully.', [statusOf(graceView)]: 'ONGOING' },
    });
    expect(g.ack).toEqual({ action: 'close' });

    const minhText = 'Minh: công nghệ hỗ trợ tại chi nhánh Alum Rock.';
    const m = await app.driver.viewSubmission({ viewId: minhView.id, values: { narrative: minhText, [statusOf(minhView)]: 'NOT_STARTED' } });
    expect(m.ack.action).toBe('update');
    const shown = app.fake.view(minhView.id)!;
    const banner = (shown.blocks as unknown as { block_id?: string; text?: { text: string } }[]).find((b) => b.block_id === 'banner')!.text!.text;
    expect(banner).toContain('Grace Kim đã báo cáo chiến lược này');
    expect(banner).toContain('Liên tục'); // its status now: Ongoing, in Vietnamese
    expect(shown.state.values.narrative!.narrative!.value).toBe(minhText);
    expect(shown.state.values[statusOf(shown)]!.status!.selected_option?.value).toBe('NOT_STARTED');
    const { version } = await app.db.prisma.strategy.findUniqueOrThrow({ where: { id: ids['2.1'] } });
    expect(JSON.parse(shown.private_metadata)).toMatchObject({ strategyId: ids['2.1'], strategyVersion: version });
    expect(await count(ids['2.1']!)).toBe(before + 1);

    // Having read the banner, Minh submits again: both updates are kept.
    const again = await app.driver.viewSubmission({ viewId: minhView.id });
    expect(again.ack).toEqual({ action: 'close' });
    const rows = await app.db.prisma.progressUpdate.findMany({ where: { strategyId: ids['2.1'] }, orderBy: { id: 'asc' } });
    expect(rows.slice(-2).map((r) => [r.narrative, r.statusFrom, r.statusTo])).toEqual([
      ['Grace: sensory hours at Tully.', 'IN_PROGRESS', 'ONGOING'],
      [minhText, 'ONGOING', 'NOT_STARTED'],
    ]);
  });

  it('shows the conflict when an update was edited meanwhile, with their version, and keeps every revision', async () => {
    const view = await openUpdate(GRACE, '2.1');
    await app.driver.viewSubmission({ viewId: view.id, values: { narrative: 'First version.' } });
    const dm = app.fake.dmChannelId(GRACE);
    const confirmation = await app.fake.waitFor(
      () => app.fake.messages(dm).find((x) => JSON.stringify(x.blocks).includes('First version.')),
      5000,
      'confirmation',
    );
    await app.driver.blockAction({ user: GRACE, channel: dm, messageTs: confirmation.ts, actionId: 'update.edit' });
    const edit = await app.fake.waitFor(() => app.fake.openViews(GRACE).find((v) => v.title.text === 'Edit progress update'), 5000, 'edit form');
    const { updateId } = JSON.parse(edit.private_metadata) as { updateId: number };

    // Meanwhile the equity lead corrects it.
    const ctx = { prisma: app.db.prisma, config: { timeZone: 'America/Los_Angeles' }, now: () => NOW };
    await editUpdate(ctx, await loadActor(ctx, PRIYA), updateId, { status: 'ONGOING', narrative: 'First version, fixed by Priya.' }, 1);

    const sub = await app.driver.viewSubmission({ viewId: edit.id, values: { narrative: 'Grace’s own correction.' } });
    expect(sub.ack.action).toBe('update');
    const shown = app.fake.view(edit.id)!;
    const text = JSON.stringify(shown.blocks);
    expect(text).toContain('Priya Raman edited this update while you were working on it');
    expect(text).toContain('First version, fixed by Priya.');
    expect(shown.state.values.narrative!.narrative!.value).toBe('Grace’s own correction.');
    expect(JSON.parse(shown.private_metadata)).toMatchObject({ mode: 'edit', updateId, revision: 2 });

    const again = await app.driver.viewSubmission({ viewId: edit.id });
    expect(again.ack).toEqual({ action: 'close' });
    const stored = await app.db.prisma.progressUpdate.findUniqueOrThrow({ where: { id: updateId }, include: { revisions: { orderBy: { revision: 'asc' } } } });
    expect(stored.revision).toBe(3);
    expect(stored.narrative).toBe('Grace’s own correction.');
    expect(stored.revisions.map((r) => (r.snapshot as { narrative: string }).narrative)).toEqual(['First version.', 'First version, fixed by Priya.']);
  });

  it('refuses a forged submission naming another department’s strategy, and audits it', async () => {
    const view = await openUpdate(GRACE, '1.3');
    const record = app.fake.workspace.view(view.id)!;
    const forged = { text: { type: 'plain_text', text: 'DOT 1.1' }, value: String(dotId) };
    record.state.strategy = { 'update.strategy': { type: 'static_select', selected_option: forged } };
    record.definition.private_metadata = JSON.stringify({ mode: 'new', channelId: CHANNEL, strategyId: dotId, strategyVersion: 1 });
    const before = await count(dotId);
    const sub = await app.driver.viewSubmission({ viewId: view.id, values: { narrative: 'Not mine to report.' } });
    expect((sub.ack as { errors: Record<string, string> }).errors).toEqual({
      strategy: 'You can report progress only on your own strategies and your department’s.',
    });
    expect(await count(dotId)).toBe(before);
    const audit = await app.db.prisma.auditLog.findFirst({
      where: { action: 'authz.denied', actor: GRACE, entityType: 'strategy', entityId: String(dotId) },
      orderBy: { id: 'desc' },
    });
    expect(audit).toMatchObject({ detail: 'progress.submit' });
    expect(audit?.after).toMatchObject({ attempted: 'progress.submit' });

    // Only the pick forged (the form was built for another strategy): refused and audited too.
    record.definition.private_metadata = JSON.stringify({ mode: 'new', channelId: CHANNEL, strategyId: ids['1.3'], strategyVersion: 1 });
    const sub2 = await app.driver.viewSubmission({ viewId: view.id });
    expect((sub2.ack as { errors: Record<string, string> }).errors.strategy).toContain('only on your own strategies');
    expect(await app.db.prisma.auditLog.count({ where: { action: 'authz.denied', actor: GRACE, entityId: String(dotId), detail: 'progress.form' } })).toBe(1);
    expect(await count(dotId)).toBe(before);
  });

  it('still saves when the department channel cannot be posted in, and says so', async () => {
    app.fake.leaveChannel(LIB_CHANNEL);
    try {
      const view = await openUpdate(GRACE, '1.1');
      const sub = await app.driver.viewSubmission({ viewId: view.id, values: { narrative: 'Saved even without the channel.' } });
      expect(sub.ack).toEqual({ action: 'close' });
      const dm = app.fake.dmChannelId(GRACE);
      const confirmation = await app.fake.waitFor(
        () => app.fake.messages(dm).find((m) => JSON.stringify(m.blocks).includes('Saved even without the channel.')),
        5000,
        'confirmation',
      );
      expect(JSON.stringify(confirmation.blocks)).toContain(
        `I couldn’t post it in <#${LIB_CHANNEL}> (the app is not a member of it), but your update is saved.`,
      );
      expect(await app.db.prisma.progressUpdate.count({ where: { narrative: 'Saved even without the channel.' } })).toBe(1);

      await app.db.prisma.department.update({ where: { code: 'LIB' }, data: { slackChannelId: 'C0DELETED' } });
      const view2 = await openUpdate(GRACE, '1.1');
      await app.driver.viewSubmission({ viewId: view2.id, values: { narrative: 'Channel deleted meanwhile.' } });
      const second = await app.fake.waitFor(
        () => app.fake.messages(dm).find((m) => JSON.stringify(m.blocks).includes('Channel deleted meanwhile.')),
        5000,
        'confirmation',
      );
      expect(JSON.stringify(second.blocks)).toContain('the channel was not found or is private');
      expectNoViolations(app, ['not_in_channel', 'channel_not_found']);
    } finally {
      app.fake.joinChannel(LIB_CHANNEL);
      await app.db.prisma.department.update({ where: { code: 'LIB' }, data: { slackChannelId: LIB_CHANNEL } });
    }
  });

  it('says so in the modal, instead of a form, when the database is down as the form opens', async () => {
    sabotageStrategyList(async () => {
      throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
    });
    const res = await app.driver.slashCommand({ user: GRACE, channel: CHANNEL, text: 'update 1.2' });
    expect(res.ms).toBeLessThan(3000);
    const modal = await app.driver.waitForModal(GRACE, 5000, 'reap.update.message');
    expect(JSON.stringify(modal.blocks)).toContain('Something went wrong on our side and nothing was saved. Please try again in a minute.');
    expect(app.fake.openViews(GRACE).map((v) => v.callback_id)).toEqual(['reap.update.message']);
  });
});
