// Deadline reminders as people meet them in Slack: the job runs on the seeded demo data,
// each person finds one DM, and its buttons work in place: Snooze a week hides the item
// from the next reminders, Mark done completes a milestone for its owner (or closes a
// strategy for an equity lead), Submit update opens the update form, and a crafted click by
// someone else is refused, audited, and changes nothing.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { registerDeadlineReminders } from '../../src/jobs/composers/deadline-reminders.js';
import { JobRegistry, OutboxDispatcher, RunCoordinator, createDispatcherClient } from '../../src/jobs/index.js';
import type { StoredMessage } from '../../src/sandbox/fake-slack/types.js';
import { startListenerApp, type ListenerApp } from '../support/listener-app.js';

const GRACE = 'U0LIB03'; // Library staff, English
const MINH = 'U0LIB02'; // Library staff, Vietnamese
const PRIYA = 'U0LIB01'; // Library equity lead, English

type Block = { type: string; block_id?: string; elements?: { action_id?: string; value?: string; text?: string | { text: string } }[] };

describe('reminder buttons', () => {
  let app: ListenerApp;
  let now = new Date('2026-11-18T16:00:00Z'); // Wednesday 08:00 in San José
  let ids: { graceStrategy: number; graceMilestone: number; graceSnooze: number; minhMilestone: number; priyaStrategy: number };

  beforeAll(async () => {
    // Days pass on the test clock within real seconds; Slack's per-channel posting rate
    // (real time) would hold back the later days' DMs, which this test is not about.
    app = await startListenerApp({ now: () => now, fake: { postingRate: false } });
    const p = app.db.prisma;
    const member = async (slackUserId: string) => (await p.member.findUniqueOrThrow({ where: { slackUserId } })).id;
    const objective = await p.objective.findFirstOrThrow({ where: { plan: { key: 'LIB-FY2024-2026' }, number: 1 } });
    const strategy = async (number: number, ownerSlackId: string, text: string, due: string | null) =>
      (
        await p.strategy.create({
          data: {
            objectiveId: objective.id,
            number,
            text,
            status: 'IN_PROGRESS',
            ownerId: await member(ownerSlackId),
            dueDate: due ? new Date(`${due}T00:00:00Z`) : null,
          },
        })
      ).id;
    const graceStrategy = await strategy(90, GRACE, 'Teen advisory board for branch programming', '2026-11-25'); // reminder: 7 days
    const minhStrategy = await strategy(91, MINH, 'Vietnamese-language homework help', null);
    const priyaStrategy = await strategy(92, PRIYA, 'Staff learning circle on the EDI toolkit', '2026-11-19'); // 1 day
    const milestone = async (strategyId: number, title: string, due: string) =>
      (await p.milestone.create({ data: { strategyId, title, dueDate: new Date(`${due}T00:00:00Z`) } })).id;
    ids = {
      graceStrategy,
      graceMilestone: await milestone(graceStrategy, 'Recruit ten teen advisors', '2026-11-19'),
      graceSnooze: await milestone(graceStrategy, 'Draft the advisory board charter', '2026-11-10'), // overdue, weekly
      minhMilestone: await milestone(minhStrategy, 'Find two volunteer tutors', '2026-11-19'),
      priyaStrategy,
    };
    await runReminders();
  });
  afterAll(async () => {
    await app?.stop();
  });
  afterEach(() => {
    app.driver.assertNoViolations();
  });

  async function runReminders(): Promise<void> {
    const ctx = app.ctx;
    const registry = new JobRegistry();
    registerDeadlineReminders(registry);
    const outcome = await new RunCoordinator({ ctx, registry, instanceId: 'e2e' }).runManually('deadline-reminders');
    expect(outcome.outcome).toBe('succeeded');
    const client = createDispatcherClient(app.fake.botToken, { apiUrl: app.fake.url });
    await new OutboxDispatcher({ prisma: ctx.prisma, client, instanceId: 'e2e', logger: ctx.logger, now: ctx.now, perChannelIntervalMs: 0 }).drain();
  }

  const dm = (user: string) => app.fake.dmChannelId(user);
  const reminders = (user: string) => app.fake.messages(dm(user));
  const blocksOf = (m: StoredMessage) => (m.blocks ?? []) as Block[];
  const block = (m: StoredMessage, id: string) => blocksOf(m).find((b) => b.block_id === id);
  const buttons = (m: StoredMessage, id: string) => (block(m, id)?.elements ?? []).map((e) => [e.action_id, e.value]);

  async function click(user: string, message: StoredMessage, actionId: string, blockId: string): Promise<StoredMessage> {
    const before = JSON.stringify(message.blocks);
    const res = await app.driver.blockAction({ user, channel: dm(user), messageTs: message.ts, actionId, blockId });
    expect(res.status).toBe(200);
    expect(res.ms).toBeLessThan(3000);
    return app.fake.waitFor(
      () => {
        const now = reminders(user).find((m) => m.ts === message.ts);
        return now && JSON.stringify(now.blocks) !== before ? now : undefined;
      },
      5000,
      `the reminder for ${user} to change`,
    );
  }

  it('sends each person one DM listing their items with Submit update, Snooze and Mark done', () => {
    const grace = reminders(GRACE);
    expect(grace).toHaveLength(1);
    expect(grace[0]!.text).toMatch(/^REAP reminder: \d+ deadlines need attention\.$/);
    expect(buttons(grace[0]!, `reminder:m:${ids.graceMilestone}`)).toEqual([
      ['update:open', String(ids.graceStrategy)],
      ['reminder:snooze', `m:${ids.graceMilestone}`],
      ['reminder:done', `m:${ids.graceMilestone}`],
    ]);
    // Staff do not get Mark done on a strategy; the department's equity lead does.
    expect(buttons(grace[0]!, `reminder:s:${ids.graceStrategy}`)).toEqual([
      ['update:open', String(ids.graceStrategy)],
      ['reminder:snooze', `s:${ids.graceStrategy}`],
    ]);
    expect(buttons(reminders(PRIYA)[0]!, `reminder:s:${ids.priyaStrategy}`).map(([a]) => a)).toEqual(['update:open', 'reminder:snooze', 'reminder:done']);
    expect(JSON.stringify(reminders(MINH)[0]!.blocks)).toContain('Hạn chót REAP của bạn');
  });

  it('marks a milestone done for its owner and says so in place', async () => {
    const message = reminders(GRACE)[0]!;
    const after = await click(GRACE, message, 'reminder:done', `reminder:m:${ids.graceMilestone}`);
    const line = block(after, `reminder:m:${ids.graceMilestone}`)! as Block & { accessory?: { action_id: string; value: string } };
    expect(line.type).toBe('section');
    expect(JSON.stringify(line)).toContain(`Marked done by <@${GRACE}>.`);
    // Undo is offered beside it, for a few minutes.
    expect(JSON.stringify(line)).toContain('Undo works for 10 minutes.');
    expect(line.accessory).toMatchObject({ action_id: 'reminder:undo', value: `m:${ids.graceMilestone}` });
    // The other items keep their buttons.
    expect(block(after, `reminder:s:${ids.graceStrategy}`)!.type).toBe('actions');
    const m = await app.db.prisma.milestone.findUniqueOrThrow({ where: { id: ids.graceMilestone } });
    expect(m.completedAt).toEqual(now);
    expect(await app.db.prisma.auditLog.count({ where: { action: 'milestone.complete', entityId: String(ids.graceMilestone), actor: GRACE } })).toBe(1);
  });

  it('asks before marking done, as the Manage menu does', () => {
    const done = (block(reminders(PRIYA)[0]!, `reminder:s:${ids.priyaStrategy}`)!.elements ?? []).find((e) => e.action_id === 'reminder:done') as
      | { confirm?: { title: { text: string }; confirm: { text: string }; deny: { text: string } } }
      | undefined;
    expect(done?.confirm?.title.text).toBe('Mark this done?');
    expect(done?.confirm?.confirm.text).toBe('Mark done');
    expect(done?.confirm?.deny.text).toBe('Cancel');
  });

  it('refuses a crafted Mark done from an unrelated staff member, changing nothing', async () => {
    // Minh edits the Mark done button in his own reminder to name Grace's other milestone.
    const message = reminders(MINH)[0]!;
    const target = blocksOf(message).find((b) => b.block_id === `reminder:m:${ids.minhMilestone}`)!;
    target.elements!.find((e) => e.action_id === 'reminder:done')!.value = `m:${ids.graceSnooze}`;
    const after = await click(MINH, message, 'reminder:done', `reminder:m:${ids.minhMilestone}`);
    const note = block(after, `reminder-note:m:${ids.minhMilestone}`);
    expect(JSON.stringify(note)).toContain('Chỉ người phụ trách công bằng của sở bạn hoặc quản trị viên ORSE');
    expect(block(after, `reminder:m:${ids.minhMilestone}`)!.type).toBe('actions'); // his own buttons stay
    expect((await app.db.prisma.milestone.findUniqueOrThrow({ where: { id: ids.graceSnooze } })).completedAt).toBeNull();
    const audit = await app.db.prisma.auditLog.findFirstOrThrow({ where: { actor: MINH, action: 'authz.denied' }, orderBy: { id: 'desc' } });
    expect(audit).toMatchObject({ entityType: 'milestone', entityId: String(ids.graceSnooze), detail: 'milestone.complete' });
  });

  it('refuses a crafted close of a strategy by its owner who is not a lead', async () => {
    const message = reminders(GRACE)[0]!;
    const target = blocksOf(message).find((b) => b.block_id === `reminder:m:${ids.graceSnooze}`)!;
    const done = target.elements!.find((e) => e.action_id === 'reminder:done')!;
    done.value = `s:${ids.graceStrategy}`;
    const after = await click(GRACE, message, 'reminder:done', `reminder:m:${ids.graceSnooze}`);
    expect(JSON.stringify(after.blocks)).toContain('Only your department’s equity lead or an ORSE admin can change strategies and milestones.');
    expect((await app.db.prisma.strategy.findUniqueOrThrow({ where: { id: ids.graceStrategy } })).status).toBe('IN_PROGRESS');
    const audit = await app.db.prisma.auditLog.findFirstOrThrow({ where: { actor: GRACE, action: 'authz.denied' }, orderBy: { id: 'desc' } });
    expect(audit.detail).toBe('strategy.close');
    done.value = `m:${ids.graceSnooze}`; // put the button back for the next test
  });

  it('snoozes an item for a week: the next reminders leave it out until the snooze is over', async () => {
    const message = reminders(GRACE).at(-1)!;
    const after = await click(GRACE, message, 'reminder:snooze', `reminder:m:${ids.graceSnooze}`);
    const line = JSON.stringify(block(after, `reminder:m:${ids.graceSnooze}`));
    expect(line).toContain(`Snoozed by <@${GRACE}>: no reminders about this until <!date^`);
    expect(line).toContain('|2026-11-25>');
    const m = await app.db.prisma.milestone.findUniqueOrThrow({ where: { id: ids.graceSnooze } });
    expect(m.snoozedUntil).toEqual(new Date('2026-11-25T08:00:00Z'));
    expect(await app.db.prisma.auditLog.count({ where: { action: 'milestone.snooze', actor: GRACE } })).toBe(1);

    // Next Wednesday (the 25th) the snooze is over; in between nothing about it.
    for (const day of ['2026-11-19', '2026-11-20', '2026-11-23', '2026-11-24']) {
      now = new Date(`${day}T16:00:00Z`);
      const before = reminders(GRACE).length;
      await runReminders();
      const fresh = reminders(GRACE).slice(before);
      for (const msg of fresh) expect(block(msg, `reminder:m:${ids.graceSnooze}`), day).toBeUndefined();
    }
    now = new Date('2026-11-25T16:00:00Z');
    const before = reminders(GRACE).length;
    await runReminders();
    const back = reminders(GRACE).slice(before);
    expect(back).toHaveLength(1);
    // Due Nov 10, it is weekly overdue again on the 25th.
    expect(block(back[0]!, `reminder:m:${ids.graceSnooze}`)?.type).toBe('actions');
  });

  it('closes a strategy as completed when its equity lead presses Mark done', async () => {
    const message = reminders(PRIYA)[0]!;
    const after = await click(PRIYA, message, 'reminder:done', `reminder:s:${ids.priyaStrategy}`);
    expect(JSON.stringify(block(after, `reminder:s:${ids.priyaStrategy}`))).toContain(`Strategy closed as completed by <@${PRIYA}>.`);
    expect((await app.db.prisma.strategy.findUniqueOrThrow({ where: { id: ids.priyaStrategy } })).status).toBe('COMPLETED');
  });

  it('undoes Mark done within minutes, back to the status the strategy had', async () => {
    const message = reminders(PRIYA)[0]!;
    const after = await click(PRIYA, message, 'reminder:undo', `reminder:s:${ids.priyaStrategy}`);
    const line = block(after, `reminder:s:${ids.priyaStrategy}`)!;
    expect(line.type).toBe('context');
    expect(JSON.stringify(line)).toContain(`<@${PRIYA}> undid Mark done: this is open again.`);
    expect((await app.db.prisma.strategy.findUniqueOrThrow({ where: { id: ids.priyaStrategy } })).status).toBe('IN_PROGRESS');
    expect(await app.db.prisma.auditLog.count({ where: { action: 'strategy.reopen', entityId: String(ids.priyaStrategy), actor: PRIYA } })).toBe(1);
  });

  it('answers a button it cannot read with a clear message instead of guessing', async () => {
    const message = reminders(MINH)[0]!;
    const target = blocksOf(message).find((b) => b.block_id === `reminder:m:${ids.minhMilestone}`)!;
    target.elements!.find((e) => e.action_id === 'reminder:snooze')!.value = 'not-an-item';
    const count = app.fake.ephemerals(MINH).length;
    await app.driver.blockAction({
      user: MINH,
      channel: dm(MINH),
      messageTs: message.ts,
      actionId: 'reminder:snooze',
      blockId: `reminder:m:${ids.minhMilestone}`,
    });
    const answer = await app.fake.waitFor(() => app.fake.ephemerals(MINH)[count], 5000, 'the answer');
    expect(answer.text).toBe('Nút này không còn dùng được. `/reap deadlines` cho biết những việc đến hạn hiện nay.');
  });

  it('says an item is gone when its strategy was archived since the reminder', async () => {
    const milestone = await app.db.prisma.milestone.findUniqueOrThrow({ where: { id: ids.minhMilestone } });
    await app.db.prisma.strategy.update({ where: { id: milestone.strategyId }, data: { archivedAt: now } });
    const message = reminders(MINH)[0]!;
    const target = blocksOf(message).find((b) => b.block_id === `reminder:m:${ids.minhMilestone}`)!;
    target.elements!.find((e) => e.action_id === 'reminder:done')!.value = `m:${ids.minhMilestone}`;
    const after = await click(MINH, message, 'reminder:done', `reminder:m:${ids.minhMilestone}`);
    const line = block(after, `reminder:m:${ids.minhMilestone}`)!;
    expect(line.type).toBe('context'); // no buttons left for something that is gone
    expect(JSON.stringify(line)).toContain('Mốc đó không còn nữa.');
    expect((await app.db.prisma.milestone.findUniqueOrThrow({ where: { id: ids.minhMilestone } })).completedAt).toBeNull();
  });

  it('opens the update form from Submit update', async () => {
    const message = reminders(GRACE)[0]!;
    await app.driver.blockAction({
      user: GRACE,
      channel: dm(GRACE),
      messageTs: message.ts,
      actionId: 'update:open',
      blockId: `reminder:s:${ids.graceStrategy}`,
    });
    const view = await app.driver.waitForModal(GRACE, 5000, 'reap.update');
    expect(view.type).toBe('modal');
    app.fake.workspace.clearModals(GRACE);
  });

  it('says when Undo has expired, and leaves the item done', async () => {
    // Grace marked her milestone done above; eleven minutes pass (its audit row is dated back).
    const row = await app.db.prisma.auditLog.findFirstOrThrow({
      where: { action: 'milestone.complete', entityId: String(ids.graceMilestone) },
      orderBy: { id: 'desc' },
    });
    await app.db.prisma.auditLog.update({ where: { id: row.id }, data: { at: new Date(row.at.getTime() - 11 * 60_000) } });
    const after = await click(GRACE, reminders(GRACE)[0]!, 'reminder:undo', `reminder:m:${ids.graceMilestone}`);
    expect(JSON.stringify(after.blocks)).toContain('Undo works for 10 minutes after Mark done, and that time has passed.');
    const m = await app.db.prisma.milestone.findUniqueOrThrow({ where: { id: ids.graceMilestone } });
    expect(m.completedAt).not.toBeNull();
  });
});
