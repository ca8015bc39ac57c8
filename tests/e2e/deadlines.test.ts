// /reap deadlines: what the caller owns that is overdue or due within two weeks, each with
// an Update button for its strategy; people REAP Tracker does not know are told whom to ask.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startListenerApp, type ListenerApp } from '../support/listener-app.js';

const NOW = new Date('2026-11-18T17:00:00Z');
const CHANNEL = 'C0GENERAL';
const LIB_STAFF = 'U0LIB03';
const LIB_STAFF_VI = 'U0LIB02';
const STRANGER = 'U0VISITOR';

type Block = { type: string; text?: { text: string }; accessory?: { action_id: string; value: string } };

describe('/reap deadlines', () => {
  let app: ListenerApp;
  beforeAll(async () => {
    app = await startListenerApp({ now: () => NOW });
    app.fake.addUser({ id: STRANGER, name: 'visitor', real_name: 'Visiting Analyst' });
    app.fake.joinChannel(CHANNEL, STRANGER);
  });
  afterAll(async () => {
    await app?.stop();
  });
  afterEach(() => {
    app.driver.assertNoViolations();
  });

  async function deadlines(user: string) {
    const before = app.fake.ephemerals(user).length;
    const res = await app.driver.slashCommand({ user, channel: CHANNEL, text: 'deadlines' });
    expect(res.status).toBe(200);
    expect(res.ms).toBeLessThan(3000);
    const shown = await app.fake.waitFor(() => app.fake.ephemerals(user)[before], 5000, 'the deadlines ephemeral');
    return { text: shown.text, blocks: (shown.blocks ?? []) as Block[], all: JSON.stringify(shown.blocks ?? []) };
  }

  it('lists the caller’s overdue and upcoming milestones and strategies, as the database has them', async () => {
    const r = await deadlines(LIB_STAFF);
    const me = await app.db.prisma.member.findUniqueOrThrow({ where: { slackUserId: LIB_STAFF } });
    const overdueStrategies = await app.db.prisma.strategy.findMany({
      where: { ownerId: me.id, archivedAt: null, status: { not: 'COMPLETED' }, dueDate: { lt: new Date('2026-11-18T00:00:00Z') } },
      include: { objective: true },
    });
    expect(overdueStrategies.length).toBeGreaterThan(0);
    expect(r.all.indexOf('*Overdue*')).toBeLessThan(r.all.indexOf('*Coming up*'));
    for (const s of overdueStrategies) expect(r.all).toContain(`Strategy *${s.objective.number}.${s.number}*`);
    const milestones = await app.db.prisma.milestone.findMany({
      where: {
        completedAt: null,
        dueDate: { lte: new Date('2026-12-02T00:00:00Z') },
        OR: [{ ownerId: me.id }, { ownerId: null, strategy: { ownerId: me.id } }],
      },
    });
    for (const m of milestones) expect(r.all).toContain(`Milestone *${m.title}*`);
    // Every item's button opens the update form for its strategy.
    for (const b of r.blocks.filter((x) => x.accessory)) {
      expect(b.accessory!.action_id).toBe('update:open');
      const s = await app.db.prisma.strategy.findUnique({ where: { id: Number(b.accessory!.value) } });
      expect(s).not.toBeNull();
    }
    expect(r.all).toMatch(/\(\d+ days overdue\)/);
  });

  it('answers in Vietnamese for a Vietnamese reader', async () => {
    const r = await deadlines(LIB_STAFF_VI);
    expect(r.all).toContain('Hạn chót của bạn');
  });

  it('tells someone REAP Tracker does not know whom to ask', async () => {
    const r = await deadlines(STRANGER);
    expect(r.text).toContain('REAP Tracker doesn’t know you yet');
    expect(r.text).toContain('<@U0ORSE01>');
  });
});
