// Slack drops a modal's Submit that is not answered within 3 s, so the database work each
// Submit's answer waits on runs inside urgently() (src/db/urgency.ts): the embedded
// database serves it before queued form reads (on PostgreSQL the mark changes nothing). Work
// after the answer (posting to channels, App Home) runs unhurried. Under load a
// Submit outside urgently() waits behind every form being filled in; nothing else shows it,
// so these tests watch every database operation the app makes and check its lane.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isUrgent } from '../../src/db/urgency.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const NOW = new Date('2026-11-18T17:00:00Z'); // Wednesday 09:00 in San José
const CHANNEL = 'C0GENERAL';
const REDI = 'C0REDI';
const GRACE = 'U0LIB03'; // Library staff, owns LIB 1.1
const MARISOL = 'U0ORSE01'; // ORSE admin
const PRIYA = 'U0LIB01'; // Library equity lead

interface Operation {
  /** model.operation, or the leading comment of a raw statement. */
  what: string;
  urgent: boolean;
}

/** A raw statement's name: the app's raw SQL starts with a comment naming it. */
function rawName(args: unknown): string {
  const sql = args as { sql?: string; strings?: readonly string[] } | readonly unknown[] | undefined;
  const text = Array.isArray(sql)
    ? String((sql[0] as { sql?: string })?.sql ?? (sql[0] as readonly string[])?.[0] ?? '')
    : ((sql as { sql?: string })?.sql ?? '');
  return /\/\*\s*(.+?)\s*\*\//.exec(text)?.[1] ?? text.trim().slice(0, 40);
}

const seen: Operation[] = [];

describe('the lane of each Submit’s database work', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({
      now: () => NOW,
      prisma: (prisma) =>
        prisma.$extends({
          query: {
            $allOperations({ model, operation, args, query }) {
              seen.push({ what: model ? `${model}.${operation}` : `${operation} ${rawName(args)}`, urgent: isUrgent() });
              return query(args);
            },
          },
        }) as unknown as typeof prisma,
    });
  });
  afterAll(async () => {
    await app?.stop();
  });
  beforeEach(() => {
    app.fake.clearViolations();
  });

  /** Operations from now until `settled` says the work after the answer is done too. */
  async function watch(act: () => Promise<void>, settled: () => boolean): Promise<Operation[]> {
    // Work from earlier steps (a form being filled in) finishes first.
    await new Promise((r) => setTimeout(r, 300));
    seen.length = 0;
    await act();
    await app.fake.waitFor(settled, 5000, 'the work after the answer');
    return [...seen];
  }

  it('saves a progress update urgently and posts about it unhurried', async () => {
    const strategy = await app.db.prisma.strategy.findFirstOrThrow({
      where: { objective: { number: 1, plan: { key: 'LIB-FY2024-2026' } }, number: 1 },
      select: { id: true },
    });
    await app.driver.slashCommand({ user: GRACE, channel: CHANNEL, text: 'update 1.1' });
    const form = await app.driver.waitForModal(GRACE, 5000, 'reap.update');
    const posts = app.fake.messages('C0LIBRARY').length;
    const ops = await watch(
      async () => {
        const sub = await app.driver.viewSubmission({
          viewId: form.id,
          values: { [`status.s${strategy.id}`]: 'IN_PROGRESS', narrative: 'Two story times in Vietnamese at the Tully branch.' },
        });
        expect(sub.ack).toEqual({ action: 'close' });
      },
      // Its last step: remembering where the department channel's post went.
      () => app.fake.messages('C0LIBRARY').length > posts && seen.some((o) => o.what.includes('remember channel post')),
    );
    const save = ops.filter((o) => o.what.includes('store progress update'));
    expect(save).toEqual([{ what: expect.stringContaining('store progress update'), urgent: true }]);
    // Remembering where the channel post went happens after the answer, at the normal pace.
    expect(ops.filter((o) => o.what.includes('remember channel post'))).toEqual([{ what: expect.any(String), urgent: false }]);
  });

  it('adds a strategy urgently, as every manage and admin modal does (they share one Submit wrapper)', async () => {
    await app.driver.slashCommand({ user: PRIYA, channel: CHANNEL, text: 'add' });
    const form = await app.driver.waitForModal(PRIYA, 5000, 'manage:add');
    const objective = await app.db.prisma.objective.findFirstOrThrow({ where: { plan: { department: { code: 'LIB' } } }, orderBy: { number: 'asc' } });
    const ops = await watch(
      async () => {
        const sub = await app.driver.viewSubmission({ viewId: form.id, values: { objectiveId: String(objective.id), text: 'Story times in Tagalog' } });
        expect(sub.ack.action).toBe('update');
      },
      () => true,
    );
    const writes = ops.filter((o) => o.what === 'Strategy.create' || o.what.startsWith('AuditLog.'));
    expect(writes.map((o) => o.what)).toEqual(expect.arrayContaining(['Strategy.create', expect.stringMatching(/^AuditLog\./)]));
    expect(writes.every((o) => o.urgent)).toBe(true);
  });

  it('saves job schedules from /reap settings urgently', async () => {
    await app.driver.slashCommand({ user: MARISOL, channel: CHANNEL, text: 'settings' });
    const form = await app.driver.waitForModal(MARISOL, 5000, 'settings:save');
    const ops = await watch(
      async () => {
        const sub = await app.driver.viewSubmission({ viewId: form.id, values: { 'cron__weekly-digest': '0 7 * * 1' } });
        expect(sub.ack.action).toBe('update');
      },
      () => true,
    );
    const writes = ops.filter((o) => o.what.startsWith('JobSchedule.') || o.what.startsWith('AuditLog.'));
    expect(writes.map((o) => o.what)).toEqual(expect.arrayContaining([expect.stringMatching(/^JobSchedule\./), expect.stringMatching(/^AuditLog\./)]));
    expect(ops.filter((o) => !o.urgent)).toEqual([]);
  });

  it('schedules a briefing urgently', async () => {
    await app.driver.slashCommand({ user: MARISOL, channel: CHANNEL, text: 'briefing' });
    const form = await app.driver.waitForModal(MARISOL, 5000, 'briefing:compose');
    const ops = await watch(
      async () => {
        const sub = await app.driver.viewSubmission({
          viewId: form.id,
          values: { title: 'Avances de equidad racial', body__0__0: 'Las bibliotecas ampliaron sus horarios.', channels: [CHANNEL, REDI] },
        });
        expect(sub.ack.action).toBe('update');
      },
      () => true,
    );
    const saved = ops.filter((o) => o.what.startsWith('Briefing.'));
    expect(saved.length).toBeGreaterThan(0);
    expect(ops.filter((o) => !o.urgent)).toEqual([]);
    expect(await app.db.prisma.briefing.count({ where: { title: 'Avances de equidad racial', status: 'SCHEDULED' } })).toBe(1);
  });
});
