// /reap status as people use it: their own department, another by name, a typo, and the
// citywide view for ORSE admins; every list item they may report on carries an Update button.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addWelcomingStrategy } from '../support/citywide-strategy.js';
import { startListenerApp, type ListenerApp } from '../support/listener-app.js';

const NOW = new Date('2026-11-18T17:00:00Z');
const CHANNEL = 'C0GENERAL';
const LIB_LEAD = 'U0LIB01';
const LIB_STAFF = 'U0LIB03';
const ADMIN_ES = 'U0ORSE01';
const DOT_LEAD = 'U0DOT01';
const BOOTSTRAP_ADMIN = 'U0ITADMIN'; // an ORSE admin from REAP_ADMIN_USER_IDS, with no department

type Block = { type: string; text?: { text: string }; accessory?: { action_id: string; value: string }; fields?: { text: string }[] };

describe('/reap status', () => {
  let app: ListenerApp;
  beforeAll(async () => {
    app = await startListenerApp({ now: () => NOW, adminUserIds: [BOOTSTRAP_ADMIN] });
    app.fake.addUser({ id: BOOTSTRAP_ADMIN, name: 'it.admin', real_name: 'IT Admin', tz: 'America/Los_Angeles', locale: 'en-US' });
    app.fake.joinChannel(CHANNEL, BOOTSTRAP_ADMIN);
  });
  afterAll(async () => {
    await app?.stop();
  });
  afterEach(() => {
    app.driver.assertNoViolations();
  });

  async function status(user: string, text: string) {
    const before = app.fake.ephemerals(user).length;
    const res = await app.driver.slashCommand({ user, channel: CHANNEL, text: `status ${text}`.trim() });
    expect(res.status).toBe(200);
    expect(res.ms).toBeLessThan(3000);
    const shown = await app.fake.waitFor(() => app.fake.ephemerals(user)[before], 5000, 'the status ephemeral');
    return { text: shown.text, blocks: (shown.blocks ?? []) as Block[], all: JSON.stringify(shown.blocks ?? []) };
  }

  it('shows the caller’s department: counts by status, overdue, due soon, silent, last update', async () => {
    const r = await status(LIB_LEAD, '');
    expect(r.all).toContain('San José Public Library: where things stand');
    expect(r.all).toMatch(/Overdue:\* \d+/);
    expect(r.all).toMatch(/Due in the next 14 days:\* \d+/);
    expect(r.all).toMatch(/No update this quarter:\* \d+/);
    expect(r.all).toMatch(/Last progress update: <!date\^\d+\^/);
    // Counts by status in the section fields, with the DB's numbers.
    const lib = await app.db.prisma.department.findUniqueOrThrow({ where: { code: 'LIB' } });
    const inProgress = await app.db.prisma.strategy.count({
      where: { status: 'IN_PROGRESS', archivedAt: null, objective: { plan: { departmentId: lib.id } } },
    });
    const fields = r.blocks.flatMap((b) => b.fields ?? []).map((f) => f.text);
    expect(fields).toContain(`:large_blue_circle: In Progress: *${inProgress}*`);
    // The lead may report on every Library strategy: each listed item has an Update button.
    const items = r.blocks.filter((b) => b.accessory);
    expect(items.length).toBeGreaterThan(0);
    for (const b of items) {
      expect(b.accessory!.action_id).toBe('update:open');
      const s = await app.db.prisma.strategy.findUniqueOrThrow({
        where: { id: Number(b.accessory!.value) },
        include: { objective: { include: { plan: true } } },
      });
      expect(s.objective.plan.departmentId).toBe(lib.id);
    }
  });

  it('finds another department by name and answers in the reader’s language', async () => {
    const r = await status(ADMIN_ES, 'transportation');
    expect(r.all).toContain('Department of Transportation: situación actual');
    expect(r.all).toContain('Vencidas:');
  });

  it('answers a typo with the not-found message and suggestions', async () => {
    const r = await status(LIB_STAFF, 'libary');
    expect(r.text).toContain('I couldn’t find a department called “libary”');
    expect(r.text).toContain('LIB');
  });

  it('answers a name close to no department with the departments that exist, never an empty list', async () => {
    const r = await status(LIB_STAFF, 'narnia');
    expect(r.text).toContain('I couldn’t find a department called “narnia”');
    expect(r.text).not.toMatch(/these: \./);
    expect(r.text).toContain('San José Public Library (`LIB`)');
    expect(r.text).toContain('(`DOT`)');
  });

  it('refuses another department to staff, in words', async () => {
    const r = await status(LIB_STAFF, 'DOT');
    expect(r.text).toContain('You can see only your own department’s plan');
  });

  it('gives ORSE admins the citywide view with `all`, and refuses it to others', async () => {
    const r = await status(ADMIN_ES, 'all');
    expect(r.all).toContain('Situación de los REAP en toda la Ciudad');
    for (const code of ['LIB', 'DOT', 'SJCE', 'HOUSING', 'PRNS', 'SJPD']) expect(r.all).toContain(`*${code}*`);
    const refused = await status(DOT_LEAD, 'all');
    expect(refused.text).toContain('Only ORSE admins can do this.');
  });

  it('gives an ORSE admin without a department the citywide view when they name none', async () => {
    const r = await status(BOOTSTRAP_ADMIN, '');
    expect(r.all).toContain('Citywide REAP status');
    // An admin with a department sees it, and is told how to reach the citywide view.
    const own = await status(ADMIN_ES, '');
    expect(own.all).toContain('Office of Racial and Social Equity: situación actual');
    expect(own.all).toContain('`/reap status all`');
  });

  it('shows staff Update buttons only on what they may report on', async () => {
    const r = await status(LIB_STAFF, '');
    for (const b of r.blocks.filter((x) => x.accessory)) expect(b.accessory!.action_id).toBe('update:open');
    expect(r.blocks.length).toBeLessThanOrEqual(50);
  });

  it('names a citywide strategy’s plan beside its number, in the reader’s language', async () => {
    // DOT leads a Welcoming San José strategy 2.1, overdue: listed with DOT's own.
    const id = await addWelcomingStrategy(app.db.prisma, { pillar: 2, number: 1, text: 'Translate transit notices', lead: 'DOT', partners: ['LIB'] });
    await app.db.prisma.strategy.update({ where: { id }, data: { dueDate: new Date('2026-11-02') } });
    const r = await status(ADMIN_ES, 'DOT');
    expect(r.all).toContain('*2.1 (Welcoming San José Plan 2.0)* Translate transit notices');
  });
});
