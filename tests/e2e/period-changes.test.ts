// "Since the end of last quarter" where people look: /reap status and App Home show what
// moved since the close of FY 2026-27 Q1 (the demo's snapshots of it are rebuilt from its
// history when it is seeded), in the reader's language, naming the strategy that moved.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startListenerApp, type ListenerApp } from '../support/listener-app.js';

const NOW = new Date('2026-11-18T17:00:00Z');
const CHANNEL = 'C0GENERAL';
const LIB_LEAD = 'U0LIB01';
const ADMIN_ES = 'U0ORSE01';

describe('changes since last quarter', () => {
  let app: ListenerApp;
  let moved: { label: string; text: string };
  beforeAll(async () => {
    app = await startListenerApp({ now: () => NOW });
    // A Library strategy that was in progress when Q1 closed is completed now.
    const p = app.db.prisma;
    const snap = await p.periodSnapshot.findFirstOrThrow({
      where: { periodKey: 'FY2027-Q1', status: { in: ['IN_PROGRESS', 'ONGOING'] }, strategy: { objective: { plan: { department: { code: 'LIB' } } } } },
      include: { strategy: { include: { objective: true } } },
      orderBy: { strategyId: 'asc' },
    });
    await p.strategy.update({ where: { id: snap.strategyId }, data: { status: 'COMPLETED' } });
    moved = { label: `${snap.strategy.objective.number}.${snap.strategy.number}`, text: snap.strategy.text.slice(0, 30) };
  });
  afterAll(async () => {
    await app?.stop();
  });
  afterEach(() => {
    app.driver.assertNoViolations();
  });

  async function status(user: string, text: string) {
    const before = app.fake.ephemerals(user).length;
    await app.driver.slashCommand({ user, channel: CHANNEL, text: `status ${text}`.trim() });
    const shown = await app.fake.waitFor(() => app.fake.ephemerals(user)[before], 5000, 'the status ephemeral');
    return JSON.stringify(shown.blocks ?? []);
  }

  it('/reap status names the strategy completed since the end of last quarter', async () => {
    const all = await status(LIB_LEAD, '');
    expect(all).toMatch(/\*Since the end of FY 2026-27 Q1:\* \d+ completed/);
    expect(all).toContain(`*${moved.label}* ${moved.text}`);
    expect(all).toMatch(/→ :white_check_mark: Completed/);
  });

  it('the citywide view sums up every department, in Spanish for a Spanish reader', async () => {
    const all = await status(ADMIN_ES, 'all');
    expect(all).toMatch(/\*Desde el cierre de AF 2026-27 T1:\* \d+ completadas?/);
  });

  it('a lead’s App Home shows the same section under the department’s counts', async () => {
    const published = app.fake.calls('views.publish').length;
    await app.driver.appHomeOpened(LIB_LEAD);
    await app.fake.waitFor(
      () =>
        app.fake
          .calls('views.publish')
          .slice(published)
          .some((c) => c.args.user_id === LIB_LEAD),
      5000,
      'the Home publish',
    );
    const blocks = app.fake.homeView(LIB_LEAD)!.blocks as { block_id?: string; text?: { text: string } }[];
    const section = blocks.find((b) => b.block_id === 'home_changes');
    expect(section?.text?.text).toMatch(/^\*Since the end of FY 2026-27 Q1:\* \d+ completed/);
    expect(section?.text?.text).toContain(`*${moved.label}*`);
  });
});
