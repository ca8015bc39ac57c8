// Closing and deferring a strategy are its equity lead's decisions: /reap update offers staff
// neither, refuses a forged one with a clear message, and an edit by staff after the lead
// closed the strategy leaves it closed.
import type { ViewOutput } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadActor } from '../../src/services/authz.js';
import { closeStrategy } from '../../src/services/strategies.js';
import { startListenerApp, type ListenerApp } from '../support/listener-app.js';
import { strategyIdsByLabel } from '../support/test-app.js';

const NOW = new Date('2026-11-18T17:00:00Z');
const CHANNEL = 'C0GENERAL';
const GRACE = 'U0LIB03'; // Library staff, owns LIB 1.1 and 2.1
const PRIYA = 'U0LIB01'; // Library equity lead

type Block = { block_id?: string; element?: { options?: { value: string }[] } };

describe('lead decisions in /reap update', () => {
  let app: ListenerApp;
  let ids: Record<string, number>;

  beforeAll(async () => {
    app = await startListenerApp({ now: () => NOW });
    ids = await strategyIdsByLabel(app, 'LIB-FY2024-2026');
  });
  afterAll(async () => {
    await app?.stop();
  });

  async function openUpdate(user: string, text: string): Promise<ViewOutput> {
    const before = app.fake.calls('views.open').length;
    await app.driver.slashCommand({ user, channel: CHANNEL, text: `update ${text}` });
    await app.fake.waitFor(() => app.fake.calls('views.open').length > before, 5000, 'views.open');
    return app.driver.waitForModal(user, 5000, 'reap.update');
  }
  /** A tampered client: the open form's status menu gains an option the app never offered. */
  function forgeStatusOption(user: string, value: string): void {
    const top = app.fake.workspace.modalStack(user).at(-1)!;
    const status = (top.definition.blocks as unknown as Block[]).find((b) => b.block_id?.startsWith('status.'))!;
    status.element!.options!.push({ text: { type: 'plain_text', text: value }, value } as never);
  }
  const statusOptions = (v: ViewOutput) =>
    ((v.blocks as unknown as Block[]).find((b) => b.block_id?.startsWith('status.'))?.element?.options ?? []).map((o) => o.value);

  const statusHint = (v: ViewOutput) =>
    (v.blocks as unknown as (Block & { hint?: { text: string } })[]).find((b) => b.block_id?.startsWith('status.'))?.hint?.text;

  it('offers staff no Completed or Deferred, and refuses a forged one', async () => {
    const view = await openUpdate(GRACE, '1.1');
    expect(statusOptions(view)).toEqual(['IN_PROGRESS', 'ONGOING', 'NOT_STARTED']);
    expect(statusHint(view)).toBe('Completed and Deferred are your equity lead’s decisions. If it is done or on hold, say so in your update.');
    const before = await app.db.prisma.progressUpdate.count({ where: { strategyId: ids['1.1'] } });
    forgeStatusOption(GRACE, 'COMPLETED');
    const sub = await app.driver.viewSubmission({ viewId: view.id, values: { [`status.s${ids['1.1']}`]: 'COMPLETED', narrative: 'All done, I think.' } });
    expect(JSON.stringify(sub.ack)).toContain('Only your department’s equity lead or an ORSE admin can mark a strategy Completed or Deferred');
    expect(await app.db.prisma.progressUpdate.count({ where: { strategyId: ids['1.1'] } })).toBe(before);
    expect((await app.db.prisma.strategy.findUniqueOrThrow({ where: { id: ids['1.1'] } })).status).toBe('IN_PROGRESS');
    app.fake.workspace.clearModals(GRACE);
  });

  it('lets the lead close through /reap update, but defer only through Manage', async () => {
    const view = await openUpdate(PRIYA, '1.2');
    expect(statusOptions(view)).toContain('COMPLETED');
    expect(statusOptions(view)).not.toContain('DEFERRED');
    expect(statusHint(view)).toContain('To defer a strategy, use Manage → Defer in `/reap plan`');
    forgeStatusOption(PRIYA, 'DEFERRED');
    const forged = await app.driver.viewSubmission({ viewId: view.id, values: { [`status.s${ids['1.2']}`]: 'DEFERRED', narrative: 'Paused.' } });
    expect(JSON.stringify(forged.ack)).toContain('To defer, use Manage');
    app.fake.workspace.clearModals(PRIYA);
    const again = await openUpdate(PRIYA, '1.2');
    const sub = await app.driver.viewSubmission({
      viewId: again.id,
      values: { [`status.s${ids['1.2']}`]: 'COMPLETED', narrative: 'Finished at every branch.' },
    });
    expect(sub.ack).toEqual({ action: 'close' });
    expect((await app.db.prisma.strategy.findUniqueOrThrow({ where: { id: ids['1.2'] } })).status).toBe('COMPLETED');
  });

  it('keeps a strategy closed by the lead when staff edit their earlier update', async () => {
    const view = await openUpdate(GRACE, '2.1');
    expect(
      (await app.driver.viewSubmission({ viewId: view.id, values: { [`status.s${ids['2.1']}`]: 'IN_PROGRESS', narrative: 'Two branches left.' } })).ack,
    ).toEqual({ action: 'close' });
    const update = await app.db.prisma.progressUpdate.findFirstOrThrow({ where: { strategyId: ids['2.1'] }, orderBy: { id: 'desc' } });
    const strategy = await app.db.prisma.strategy.findUniqueOrThrow({ where: { id: ids['2.1'] } });
    // The lead closes it from the Manage menu (its service), which writes no progress update.
    const ctx = { prisma: app.db.prisma, config: { timeZone: 'America/Los_Angeles' }, now: () => NOW };
    await closeStrategy(ctx, await loadActor(ctx, PRIYA), ids['2.1']!, strategy.version);

    const dm = app.fake.dmChannelId(GRACE);
    const confirmation = await app.fake.waitFor(
      () => app.fake.messages(dm).find((m) => JSON.stringify(m.blocks).includes('Two branches left.')),
      5000,
      'the DM',
    );
    await app.driver.blockAction({ user: GRACE, channel: dm, messageTs: confirmation.ts, actionId: 'update.edit' });
    const edit = await app.driver.waitForModal(GRACE, 5000, 'reap.update');
    // Her own status stays choosable; the lead's decision is shown, not one she can make.
    expect(statusOptions(edit)).toEqual(['IN_PROGRESS', 'COMPLETED']);
    const sub = await app.driver.viewSubmission({ viewId: edit.id, values: { narrative: 'Two branches left, corrected.' } });
    expect(sub.ack).toEqual({ action: 'close' });
    expect((await app.db.prisma.progressUpdate.findUniqueOrThrow({ where: { id: update.id } })).narrative).toBe('Two branches left, corrected.');
    expect((await app.db.prisma.strategy.findUniqueOrThrow({ where: { id: ids['2.1'] } })).status).toBe('COMPLETED');
  });
});
