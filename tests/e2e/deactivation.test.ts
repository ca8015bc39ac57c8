// Slack's user_change event end to end: profile changes reach the member row; a deleted
// account deactivates the member, flags their strategies, and DMs the equity lead one
// Reassign button per strategy, once, however often Slack delivers the event.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { JsonObject } from '../../src/sandbox/fake-slack/index.js';
import { startListenerApp, type ListenerApp } from '../support/listener-app.js';
import { CHANNEL, LIB_LEAD, LIB_STAFF, LIB_STAFF_VI, NOW, audits, craftInput, modalFor, textOf } from './manage-support.js';

/** The user object Slack puts in user_change (the fields REAP Tracker reads, and some it does not). */
function slackUser(
  app: ListenerApp,
  id: string,
  changes: Partial<{ real_name: string; email: string; tz: string; locale: string; deleted: boolean }> = {},
): JsonObject {
  const u = app.fake.workspace.users.get(id)!;
  const realName = changes.real_name ?? u.real_name;
  return {
    id,
    team_id: app.fake.team.id,
    name: u.name,
    deleted: changes.deleted ?? false,
    color: '9f69e7',
    real_name: realName,
    tz: changes.tz ?? u.tz,
    tz_label: 'Pacific Standard Time',
    tz_offset: -28800,
    ...(changes.locale ? { locale: changes.locale } : {}),
    profile: { real_name: realName, display_name: u.name, email: changes.email ?? u.email, status_text: '', team: app.fake.team.id },
    is_admin: false,
    is_bot: false,
    is_app_user: false,
    updated: Math.floor(NOW.getTime() / 1000),
  };
}

describe('user_change', () => {
  let app: ListenerApp;
  beforeAll(async () => {
    app = await startListenerApp({ now: () => NOW });
  });
  afterAll(async () => {
    await app?.stop();
  });
  afterEach(() => {
    app.driver.assertNoViolations();
  });

  const dmOf = (user: string) => app.fake.messages(app.fake.dmChannelId(user));

  it('keeps the name, email, time zone and locale in step with Slack', async () => {
    const res = await app.driver.event({
      type: 'user_change',
      user: slackUser(app, LIB_STAFF, { real_name: 'Grace Kim-Park', email: 'Grace.KimPark@sanjoseca.gov.example', tz: 'America/New_York', locale: 'es-ES' }),
      cache_ts: Math.floor(NOW.getTime() / 1000),
      event_ts: `${NOW.getTime() / 1000}`,
    });
    expect(res.status).toBe(200);
    await expect
      .poll(() => app.db.prisma.member.findUnique({ where: { slackUserId: LIB_STAFF } }), { timeout: 4000 })
      .toMatchObject({
        name: 'Grace Kim-Park',
        email: 'grace.kimpark@sanjoseca.gov.example',
        timeZone: 'America/New_York',
        slackLocale: 'es-ES',
        active: true,
      });
    expect(await audits(app, { action: 'member.profile', actor: 'system:slack' })).toHaveLength(1);
  });

  it('ignores Slack users REAP Tracker does not know', async () => {
    app.fake.addUser({ id: 'U0VISITOR', name: 'visitor', real_name: 'Val Visitor' });
    await app.driver.event({ type: 'user_change', user: slackUser(app, 'U0VISITOR', { deleted: true }) });
    await new Promise((r) => setTimeout(r, 200));
    expect(await app.db.prisma.member.findUnique({ where: { slackUserId: 'U0VISITOR' } })).toBeNull();
  });

  it('deactivates a deleted account, flags their strategies and DMs the lead once, even when Slack retries', async () => {
    const owned = await app.db.prisma.strategy.findMany({
      where: { owner: { slackUserId: LIB_STAFF_VI }, archivedAt: null, status: { not: 'COMPLETED' } },
      include: { objective: true },
      orderBy: { id: 'asc' },
    });
    expect(owned.length).toBeGreaterThan(0);
    const before = dmOf(LIB_LEAD).length;

    const event = { type: 'user_change', user: slackUser(app, LIB_STAFF_VI, { deleted: true }) };
    await app.driver.event(event);
    const dm = await app.fake.waitFor(() => dmOf(LIB_LEAD).slice(before).at(0), 4000, 'the DM to the Library lead');
    expect(dm.text).toContain(`<@${LIB_STAFF_VI}>`);
    const shown = textOf(dm.blocks);
    expect(shown).toContain('San José Public Library');
    const buttons = (dm.blocks ?? []).flatMap((b) => {
      const accessory = (b as { accessory?: { action_id?: string; value?: string } }).accessory;
      return accessory?.action_id === 'strategy:reassign' ? [Number(accessory.value)] : [];
    });
    expect(buttons).toEqual(owned.map((s) => s.id));
    for (const s of owned) expect(shown).toContain(`${s.objective.number}.${s.number}`);

    const member = await app.db.prisma.member.findUniqueOrThrow({ where: { slackUserId: LIB_STAFF_VI } });
    expect(member.active).toBe(false);
    expect(await app.db.prisma.strategy.count({ where: { id: { in: owned.map((s) => s.id) }, needsReassignment: true } })).toBe(owned.length);

    // Slack delivers the same event again (it thought we were slow), and once more later.
    await app.driver.event(event, { retryNum: 1, retryReason: 'http_timeout' });
    await app.driver.event(event);
    await new Promise((r) => setTimeout(r, 300));
    expect(dmOf(LIB_LEAD).length).toBe(before + 1);
    expect(await audits(app, { action: 'member.deactivate', entityId: String(member.id) })).toHaveLength(1);
  });

  it('tells a deactivated member who runs /reap add whom to ask', async () => {
    const res = await app.driver.slashCommand({ user: LIB_STAFF_VI, channel: CHANNEL, text: 'add' });
    const text = JSON.stringify(res.json);
    expect(text).toContain(`<@${LIB_LEAD}>`);
    expect(app.fake.openViews(LIB_STAFF_VI)).toHaveLength(0);
  });

  it('reassigns from the DM’s button, refusing the deactivated person, and clears the flag', async () => {
    const dm = dmOf(LIB_LEAD).at(-1)!;
    const strategyId = Number(
      (dm.blocks ?? []).map((b) => (b as { accessory?: { action_id?: string; value?: string } }).accessory).find((a) => a?.action_id === 'strategy:reassign')!
        .value,
    );
    const before = app.fake.openViews(LIB_LEAD).at(-1)?.id;
    await app.driver.blockAction({
      user: LIB_LEAD,
      channel: app.fake.dmChannelId(LIB_LEAD),
      messageTs: dm.ts,
      actionId: 'strategy:reassign',
      blockId: `reassign_${strategyId}`,
    });
    const modal = await modalFor(app, LIB_LEAD, 'manage:reassign', { notId: before });
    expect(textOf(modal.blocks)).toContain('no longer active; please choose a new one');
    // Only active Library members are offered; a crafted payload naming the departed one is refused.
    const input = modal.blocks.find((b) => b.block_id === 'ownerSlackId') as { element: { options: { value: string }[] } };
    expect(input.element.options.map((o) => o.value).sort()).toEqual([LIB_LEAD, LIB_STAFF]);
    craftInput(app, modal.id, 'ownerSlackId', { selected_option: { text: { type: 'plain_text', text: 'Minh Nguyen' }, value: LIB_STAFF_VI } });
    const refused = await app.driver.viewSubmission({ viewId: modal.id });
    expect(refused.ack).toEqual({ action: 'errors', errors: { ownerSlackId: 'That person is no longer active in Slack; please choose someone else.' } });

    const ok = await app.driver.viewSubmission({ viewId: modal.id, values: { ownerSlackId: LIB_STAFF } });
    expect(ok.ack.action).toBe('update');
    const after = await app.db.prisma.strategy.findUniqueOrThrow({ where: { id: strategyId }, include: { owner: true } });
    expect(after.owner?.slackUserId).toBe(LIB_STAFF);
    expect(after.needsReassignment).toBe(false);
    const [audit] = await audits(app, { action: 'strategy.reassign', entityId: String(strategyId) });
    expect(audit).toMatchObject({ actor: LIB_LEAD });
  });

  it('makes a member active again when Slack restores the account', async () => {
    await app.driver.event({ type: 'user_change', user: slackUser(app, LIB_STAFF_VI, { deleted: false }) });
    await expect
      .poll(async () => (await app.db.prisma.member.findUniqueOrThrow({ where: { slackUserId: LIB_STAFF_VI } })).active, { timeout: 4000 })
      .toBe(true);
  });

  it('keeps a member an admin deactivated inactive when they edit their Slack profile', async () => {
    // What `reap import` with active=false writes: the member row, no Slack audit row.
    const adminTime = new Date(NOW.getTime() + 60_000);
    await app.db.prisma.member.update({ where: { slackUserId: LIB_STAFF_VI }, data: { active: false, deactivatedAt: adminTime } });
    await app.driver.event({ type: 'user_change', user: slackUser(app, LIB_STAFF_VI, { real_name: 'Renamed In Slack', deleted: false }) });
    await expect
      .poll(async () => (await app.db.prisma.member.findUniqueOrThrow({ where: { slackUserId: LIB_STAFF_VI } })).name, { timeout: 4000 })
      .toBe('Renamed In Slack');
    const member = await app.db.prisma.member.findUniqueOrThrow({ where: { slackUserId: LIB_STAFF_VI } });
    expect(member).toMatchObject({ active: false, deactivatedAt: adminTime });
  });
});
