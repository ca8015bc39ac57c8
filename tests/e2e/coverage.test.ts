// Owner coverage as ORSE uses it: /reap status coverage lists a strategy whose owner left
// under the right heading, its Reassign button opens the usual modal and the new owner is
// saved; the same section sits on ORSE admins' App Home; everyone else is refused.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startListenerApp, type ListenerApp } from '../support/listener-app.js';
import { ADMIN, CHANNEL, LIB_LEAD, LIB_STAFF, LIB_STAFF_VI, NOW, audits, modalFor, textOf } from './manage-support.js';

const GONE = 'U0GONE01'; // a Library member who left: not in Slack any more

type Block = { type: string; block_id?: string; text?: { text: string }; accessory?: { action_id: string; value: string } };

describe('owner coverage', () => {
  let app: ListenerApp;
  let strategyId: number;
  beforeAll(async () => {
    app = await startListenerApp({ now: () => NOW });
    const lib = await app.db.prisma.department.findUniqueOrThrow({ where: { code: 'LIB' } });
    const gone = await app.db.prisma.member.create({
      data: { slackUserId: GONE, name: 'Former Owner', departmentId: lib.id, roles: ['STAFF'], active: false, deactivatedAt: NOW },
    });
    const s = await app.db.prisma.strategy.findFirstOrThrow({
      where: { archivedAt: null, status: { not: 'COMPLETED' }, objective: { plan: { departmentId: lib.id } } },
      orderBy: [{ objectiveId: 'asc' }, { number: 'asc' }],
    });
    await app.db.prisma.strategy.update({ where: { id: s.id }, data: { ownerId: gone.id } });
    strategyId = s.id;
  });
  afterAll(async () => {
    await app?.stop();
  });
  afterEach(() => {
    app.driver.assertNoViolations();
  });

  async function coverage(user: string, text = '') {
    const before = app.fake.ephemerals(user).length;
    const res = await app.driver.slashCommand({ user, channel: CHANNEL, text: `status coverage ${text}`.trim() });
    expect(res.status).toBe(200);
    expect(res.ms).toBeLessThan(3000);
    const shown = await app.fake.waitFor(() => app.fake.ephemerals(user)[before], 5000, 'the coverage ephemeral');
    return { ts: shown.ts, text: shown.text, blocks: (shown.blocks ?? []) as Block[] };
  }

  /** The blocks between a reason's heading and the next heading. */
  function underHeading(blocks: Block[], heading: string): Block[] {
    const start = blocks.findIndex((b) => b.text?.text.includes(heading));
    expect(start, heading).toBeGreaterThanOrEqual(0);
    const rest = blocks.slice(start + 1);
    const end = rest.findIndex((b) => !b.accessory && b.type === 'section');
    return end < 0 ? rest : rest.slice(0, end);
  }

  it('shows an ORSE admin the strategy whose owner left, and reassigns it from its button', async () => {
    const r = await coverage(ADMIN); // reads Spanish
    expect(r.blocks[0]?.text?.text).toBe('Cobertura de responsables');
    expect(r.blocks.length).toBeLessThanOrEqual(50);
    const s = await app.db.prisma.strategy.findUniqueOrThrow({ where: { id: strategyId }, include: { objective: true } });
    const label = `${s.objective.number}.${s.number}`;
    const row = underHeading(r.blocks, '*La persona responsable se fue o debe ser reemplazada*').find((b) => b.accessory?.value === String(strategyId));
    expect(row?.text?.text).toContain(`*LIB* · *${label}*`);
    expect(row?.text?.text).toContain(`Responsable: <@${GONE}> (ya no está activa)`);
    expect(row?.accessory?.action_id).toBe('strategy:reassign');
    // The counts on top agree with the database.
    const noOwner = await app.db.prisma.strategy.count({ where: { archivedAt: null, status: { not: 'COMPLETED' }, ownerId: null } });
    expect(JSON.stringify(r.blocks)).toContain(`Sin responsable: *${noOwner}*`);

    const before = app.fake.openViews(ADMIN).at(-1)?.id;
    await app.driver.blockAction({ user: ADMIN, channel: CHANNEL, messageTs: r.ts, actionId: 'strategy:reassign', blockId: row!.block_id! });
    const modal = await modalFor(app, ADMIN, 'manage:reassign', { notId: before });
    expect(textOf(modal.blocks)).toContain(label);
    const done = await app.driver.viewSubmission({ viewId: modal.id, values: { ownerSlackId: LIB_STAFF } });
    expect(done.ack.action).toBe('update');
    const after = await app.db.prisma.strategy.findUniqueOrThrow({ where: { id: strategyId }, include: { owner: true } });
    expect(after.owner?.slackUserId).toBe(LIB_STAFF);
    expect(await audits(app, { action: 'strategy.reassign', entityId: String(strategyId) })).toHaveLength(1);

    // Asked again, the strategy is no longer under that heading.
    const again = await coverage(ADMIN);
    expect(JSON.stringify(again.blocks)).not.toContain(`coverage_inactiveOwner_${strategyId}`);
  });

  it('narrows to one department, and answers a typo with suggestions', async () => {
    const r = await coverage(ADMIN, 'library');
    expect(r.blocks[0]?.text?.text).toBe('Cobertura de responsables: San José Public Library');
    for (const b of r.blocks.filter((x) => x.accessory)) expect(b.text?.text).toMatch(/^\*LIB\* · /);
    const typo = await coverage(ADMIN, 'libary');
    expect(typo.text).toContain('LIB');
  });

  it('refuses staff and equity leads in their own language, with an audit row', async () => {
    const vi = await coverage(LIB_STAFF_VI);
    expect(vi.text).toBe('Chỉ quản trị viên ORSE mới làm được việc này.');
    expect(vi.blocks).toEqual([]);
    const lead = await coverage(LIB_LEAD, 'LIB');
    expect(lead.text).toBe('Only ORSE admins can do this.');
    expect(await audits(app, { actor: LIB_STAFF_VI, action: 'authz.denied', detail: 'status.coverage' })).toHaveLength(1);
    expect(await audits(app, { actor: LIB_LEAD, action: 'authz.denied', detail: 'status.coverage' })).toHaveLength(1);
  });

  it('lists the coverage command in help for ORSE admins only', async () => {
    const helpFor = async (user: string) => JSON.stringify((await app.driver.slashCommand({ user, channel: CHANNEL, text: 'help' })).json);
    expect(await helpFor(ADMIN)).toContain('/reap status coverage [department]');
    expect(await helpFor(LIB_STAFF)).not.toContain('/reap status coverage');
  });

  describe('on the App Home', () => {
    async function home(user: string) {
      const published = app.fake.calls('views.publish').length;
      await app.driver.appHomeOpened(user);
      // Another person's Home may be published meanwhile (a chart drawn after the first publish).
      await app.fake.waitFor(
        () =>
          app.fake
            .calls('views.publish')
            .slice(published)
            .some((c) => c.args.user_id === user),
        5000,
        `a views.publish for ${user}`,
      );
      const view = app.fake.homeView(user)!;
      return { view, blocks: view.blocks as Block[], text: JSON.stringify(view.blocks) };
    }

    it('shows ORSE admins the section with Reassign buttons that open the modal, and staff nothing of it', async () => {
      const admin = await home(ADMIN);
      expect(admin.text).toContain('*Cobertura de responsables*');
      expect(admin.blocks.length).toBeLessThanOrEqual(100);
      const row = admin.blocks.find((b) => b.accessory?.action_id === 'strategy:reassign');
      expect(row).toBeTruthy();
      const before = app.fake.openViews(ADMIN).at(-1)?.id;
      await app.driver.blockAction({ user: ADMIN, viewId: admin.view.id, actionId: 'strategy:reassign', blockId: row!.block_id! });
      const modal = await modalFor(app, ADMIN, 'manage:reassign', { notId: before });
      expect(modal.type).toBe('modal');

      const staff = await home(LIB_STAFF);
      expect(staff.text).not.toContain('Owner coverage');
      expect(staff.text).not.toContain('strategy:reassign');
    });
  });
});
