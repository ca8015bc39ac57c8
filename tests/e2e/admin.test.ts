// /reap admin end to end: ORSE admins assign roles and departments in a modal; everyone
// else is refused; someone new is created from their Slack profile.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startListenerApp, type ListenerApp } from '../support/listener-app.js';
import { ADMIN_LEAD, CHANNEL, LIB_LEAD, LIB_STAFF, NOW, audits, modalFor, textOf } from './manage-support.js';

describe('/reap admin', () => {
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

  async function openAdmin(user: string) {
    const before = app.fake.openViews(user).at(-1)?.id;
    const res = await app.driver.slashCommand({ user, channel: CHANNEL, text: 'admin' });
    expect(res.ms).toBeLessThan(3000);
    return modalFor(app, user, 'admin:roles', { notId: before });
  }

  async function pick(user: string, viewId: string, person: string) {
    await app.driver.blockAction({ user, viewId, actionId: 'admin:person', value: person });
    return app.fake.waitFor(
      () => {
        const v = app.fake.openViews(user).at(-1);
        return v && Object.keys(v.state.values).some((k) => k === `roles__${person}`) ? v : undefined;
      },
      4000,
      `the admin form for ${person}`,
    );
  }

  it('refuses equity leads and staff, with an audit row', async () => {
    for (const user of [LIB_LEAD, LIB_STAFF]) {
      const res = await app.driver.slashCommand({ user, channel: CHANNEL, text: 'admin' });
      expect(JSON.stringify(res.json)).toContain('Only ORSE admins can do this.');
      expect(app.fake.openViews(user)).toHaveLength(0);
      expect(await audits(app, { actor: user, action: 'authz.denied', detail: 'admin.open' })).toHaveLength(1);
    }
  });

  it('explains to someone unknown how to be added', async () => {
    app.fake.addUser({ id: 'U0STRANGER', name: 'stranger', real_name: 'Sam Stranger', tz: 'America/Los_Angeles', locale: 'es-ES' });
    const res = await app.driver.slashCommand({ user: 'U0STRANGER', channel: CHANNEL, text: 'admin' });
    // Nothing is stored about a stranger, not even their Slack locale: English.
    expect(JSON.stringify(res.json)).toContain('REAP Tracker doesn’t know you yet');
    expect(JSON.stringify(res.json)).toContain('<@U0ORSE01>');
  });

  it('prefills a member’s roles when picked, and saves the change with an audit row', async () => {
    const modal = await openAdmin(ADMIN_LEAD);
    const form = await pick(ADMIN_LEAD, modal.id, LIB_STAFF);
    // Daniel reads Vietnamese.
    expect(textOf(form.blocks)).toContain('đang có trong REAP Tracker với vai trò: Nhân viên');
    expect(form.state.values[`roles__${LIB_STAFF}`]?.value?.selected_options?.map((o) => o.value)).toEqual(['STAFF']);
    expect(form.state.values[`departmentCode__${LIB_STAFF}`]?.value?.selected_option?.value).toBe('LIB');

    const sub = await app.driver.viewSubmission({
      viewId: form.id,
      values: { [`roles__${LIB_STAFF}`]: ['STAFF', 'EQUITY_LEAD'] },
    });
    expect(sub.ack.action).toBe('update');
    const m = await app.db.prisma.member.findUniqueOrThrow({ where: { slackUserId: LIB_STAFF }, include: { department: true } });
    expect([...m.roles].sort()).toEqual(['EQUITY_LEAD', 'STAFF']);
    expect(m.department?.code).toBe('LIB');
    const [audit] = await audits(app, { action: 'role.assign', entityId: String(m.id) });
    expect(audit).toMatchObject({ actor: ADMIN_LEAD });
    expect(textOf(app.fake.openViews(ADMIN_LEAD).at(-1)!.blocks)).toContain(`<@${LIB_STAFF}>`);
  });

  it('adds someone new with their name, email, zone and locale from Slack', async () => {
    app.fake.addUser({
      id: 'U0NEWDOT',
      name: 'li.wei',
      real_name: 'Li Wei',
      email: 'Li.Wei@sanjoseca.gov.example',
      tz: 'America/Chicago',
      locale: 'es-LA',
    });
    const modal = await openAdmin(ADMIN_LEAD);
    const form = await pick(ADMIN_LEAD, modal.id, 'U0NEWDOT');
    expect(textOf(form.blocks)).toContain('chưa có trong REAP Tracker');
    const sub = await app.driver.viewSubmission({
      viewId: form.id,
      values: { [`roles__U0NEWDOT`]: ['STAFF', 'REDI_MEMBER'], [`departmentCode__U0NEWDOT`]: 'DOT' },
    });
    expect(sub.ack.action).toBe('update');
    // The profile is fetched right after the acknowledgement.
    await app.fake.waitForCall('users.info', (c) => JSON.stringify(c).includes('U0NEWDOT'), 4000);
    await expect
      .poll(async () => app.db.prisma.member.findUnique({ where: { slackUserId: 'U0NEWDOT' }, include: { department: true } }), { timeout: 4000 })
      .toMatchObject({ name: 'Li Wei', email: 'li.wei@sanjoseca.gov.example', timeZone: 'America/Chicago', slackLocale: 'es-LA', department: { code: 'DOT' } });
  });

  it('puts “choose a department” under the department input for an equity lead without one', async () => {
    const modal = await openAdmin(ADMIN_LEAD);
    const form = await pick(ADMIN_LEAD, modal.id, 'U0HR01');
    const sub = await app.driver.viewSubmission({
      viewId: form.id,
      values: { [`roles__U0HR01`]: ['EQUITY_LEAD'], [`departmentCode__U0HR01`]: null },
    });
    expect(sub.ack.action).toBe('errors');
    const errors = (sub.ack as { errors: Record<string, string> }).errors;
    expect(Object.keys(errors)).toEqual([`departmentCode__U0HR01`]);
    // Daniel reads Vietnamese; the message lists the departments to choose from.
    expect(errors[`departmentCode__U0HR01`]).toMatch(/^Vui lòng chọn sở: .*Library \(`LIB`\)/);
    expect((await app.db.prisma.member.findUniqueOrThrow({ where: { slackUserId: 'U0HR01' } })).roles).toEqual(['REDI_MEMBER']);
  });

  it('refuses a crafted submission from someone who is not an admin, and audits it', async () => {
    // A lead's client submits the admin form they were never shown.
    const { adminModal } = await import('../../src/slack/features/admin/ui/admin-modal.js');
    const { translator } = await import('../../src/slack/i18n/index.js');
    const view = adminModal(translator('en'), { departments: [{ code: 'LIB', name: 'Library' }], target: { slackUserId: LIB_LEAD, member: null } });
    const res = await fetch(`${app.fake.url}views.open`, {
      method: 'POST',
      headers: { authorization: `Bearer ${app.fake.botToken}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ trigger_id: app.fake.issueTriggerId(LIB_LEAD), view: JSON.stringify(view) }),
    });
    const opened = (await res.json()) as { view: { id: string } };
    const sub = await app.driver.viewSubmission({ viewId: opened.view.id, values: { [`roles__${LIB_LEAD}`]: ['ORSE_ADMIN'] } });
    expect(sub.ack.action).toBe('update');
    expect(textOf(app.fake.openViews(LIB_LEAD).at(-1)!.blocks)).toContain('Only ORSE admins can do this.');
    expect((await app.db.prisma.member.findUniqueOrThrow({ where: { slackUserId: LIB_LEAD } })).roles).toEqual(['EQUITY_LEAD']);
    expect(await audits(app, { actor: LIB_LEAD, action: 'authz.denied', detail: 'role.assign' })).toHaveLength(1);
  });
});
