// /reap plan: a department's strategies grouped by objective, a page at a time. Next and
// Previous replace the same ephemeral with the neighbouring page; a crafted button naming a
// department the clicker may not read is refused in words and leaves the page alone.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startListenerApp, type ListenerApp } from '../support/listener-app.js';

const NOW = new Date('2026-11-18T17:00:00Z');
const CHANNEL = 'C0GENERAL';
const ORSE_STAFF = 'U0ORSE03'; // Aisha Bello, ORSE staff, English (Slack locale)
const LIB_STAFF = 'U0LIB02'; // Minh Nguyen, Library staff, Vietnamese

type Block = {
  type: string;
  block_id?: string;
  text?: { text: string };
  accessory?: { action_id: string; value: string };
  elements?: { action_id: string; value: string; text: { text: string } }[];
};

describe('/reap plan', () => {
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

  async function plan(user: string, text: string) {
    const before = app.fake.ephemerals(user).length;
    const res = await app.driver.slashCommand({ user, channel: CHANNEL, text: `plan ${text}`.trim() });
    expect(res.status).toBe(200);
    return app.fake.waitFor(() => app.fake.ephemerals(user)[before], 5000, 'the plan ephemeral');
  }

  const labels = (blocks: Block[]) => blocks.filter((b) => b.accessory).map((b) => /^\*(\d+\.\d+)\*/.exec(b.text!.text)?.[1]);
  const nav = (blocks: Block[]) => blocks.find((b) => b.block_id === 'plan_nav')?.elements ?? [];

  it('pages through the ORSE work plan with Next and Previous, replacing the same message', async () => {
    const first = await plan(ORSE_STAFF, '');
    const blocks1 = first.blocks as Block[];
    const all = JSON.stringify(blocks1);
    expect(all).toContain('Office of Racial Equity Work Plan July 2023-June 2024');
    expect(all).toContain('Strategies 1–10 of 26 · page 1 of 3');
    expect(all).toContain('*Objective 1:* Normalize and culturalize racial equity');
    expect(labels(blocks1)).toEqual(['1.1', '1.2', '1.3', '1.4', '1.5', '1.6', '1.7', '2.1', '2.2', '2.3']);
    expect(blocks1.length).toBeLessThanOrEqual(50);
    expect(nav(blocks1).map((e) => e.action_id)).toEqual(['plan:next']);
    // Staff of ORSE may report on ORSE's strategies: every item has the shared Update button.
    for (const b of blocks1.filter((x) => x.accessory)) expect(b.accessory!.action_id).toBe('update:open');

    const count = app.fake.ephemerals(ORSE_STAFF).length;
    const click = await app.driver.blockAction({ user: ORSE_STAFF, channel: CHANNEL, messageTs: first.ts, actionId: 'plan:next' });
    expect(click.status).toBe(200);
    const second = await app.fake.waitFor(
      () => app.fake.ephemerals(ORSE_STAFF).find((e) => e.ts === first.ts && JSON.stringify(e.blocks).includes('page 2 of 3')),
      5000,
      'page 2 in place of page 1',
    );
    expect(app.fake.ephemerals(ORSE_STAFF).length).toBe(count);
    expect(labels(second.blocks as Block[])).toEqual(['2.4', '2.5', '2.6', '3.1', '3.2', '3.3', '3.4', '3.5', '3.6', '4.1']);
    expect(JSON.stringify(second.blocks)).toContain('*Objective 2:*');
    expect(nav(second.blocks as Block[]).map((e) => e.action_id)).toEqual(['plan:previous', 'plan:next']);

    await app.driver.blockAction({ user: ORSE_STAFF, channel: CHANNEL, messageTs: first.ts, actionId: 'plan:next' });
    const third = await app.fake.waitFor(
      () => app.fake.ephemerals(ORSE_STAFF).find((e) => e.ts === first.ts && JSON.stringify(e.blocks).includes('page 3 of 3')),
      5000,
      'page 3',
    );
    expect(labels(third.blocks as Block[])).toEqual(['4.2', '4.3', '4.4', '4.5', '4.6', '4.7']);
    expect(JSON.stringify(third.blocks)).toContain('Strategies 21–26 of 26');
    expect(nav(third.blocks as Block[]).map((e) => e.action_id)).toEqual(['plan:previous']);

    await app.driver.blockAction({ user: ORSE_STAFF, channel: CHANNEL, messageTs: first.ts, actionId: 'plan:previous' });
    await app.fake.waitFor(
      () => app.fake.ephemerals(ORSE_STAFF).find((e) => e.ts === first.ts && JSON.stringify(e.blocks).includes('page 2 of 3')),
      5000,
      'back to page 2',
    );
  });

  it('shows another department’s plan only to those who may read it; a crafted page button is refused', async () => {
    const own = await plan(LIB_STAFF, '');
    expect(JSON.stringify(own.blocks)).toContain('San José Public Library Racial Equity Action Plan FY 2024-2026');
    // Vietnamese reader.
    expect(JSON.stringify(own.blocks)).toContain('Chiến lược 1–5 trên tổng số 5');

    const refused = await plan(LIB_STAFF, 'transportation');
    expect(refused.text).toContain('Bạn chỉ xem được kế hoạch của sở mình');

    // Someone edits the button value to page through Transportation's plan.
    const page = await plan(ORSE_STAFF, '');
    const stored = app.fake.ephemerals(ORSE_STAFF).find((e) => e.ts === page.ts)!;
    const next = nav(stored.blocks as Block[])[0]!;
    next.value = JSON.stringify({ d: 'DOT', k: 'DOT-FY2024-2026', p: 1, s: 10 });
    const before = JSON.stringify(stored.blocks);
    const count = app.fake.ephemerals(ORSE_STAFF).length;
    await app.driver.blockAction({ user: ORSE_STAFF, channel: CHANNEL, messageTs: page.ts, actionId: 'plan:next' });
    const answer = await app.fake.waitFor(() => app.fake.ephemerals(ORSE_STAFF)[count], 5000, 'the refusal');
    expect(answer.text).toContain('You can see only your own department’s plan');
    expect(JSON.stringify(app.fake.ephemerals(ORSE_STAFF).find((e) => e.ts === page.ts)!.blocks)).toBe(before);
    const audit = await app.db.prisma.auditLog.findFirst({ where: { actor: ORSE_STAFF, action: 'authz.denied' }, orderBy: { id: 'desc' } });
    expect(audit?.detail).toBe('plan.view');
  });

  it('opens a named plan by key and answers an unknown department with suggestions', async () => {
    const byKey = await plan(ORSE_STAFF, 'ORSE-FY2023-2024');
    expect(JSON.stringify(byKey.blocks)).toContain('page 1 of 3');
    const typo = await plan(ORSE_STAFF, 'transportaton');
    expect(typo.text).toContain('I couldn’t find a department called “transportaton”');
    expect(typo.text).toContain('DOT');
  });
  it('redraws its row after a change made from the row’s Manage menu', async () => {
    const lead = 'U0LIB01'; // Library equity lead, English
    const page = await plan(lead, '');
    const blocks = page.blocks as Block[];
    const manageBlock = blocks.find((b) => b.type === 'actions' && b.block_id?.startsWith('manage:'))!;
    const strategyId = Number(/^manage:(\d+):/.exec(manageBlock.block_id!)![1]);
    const row = (bs: Block[]) => bs[bs.indexOf(bs.find((b) => b.block_id === manageBlock.block_id)!) - 1]!.text!.text;
    const next = row(blocks).includes('<@U0LIB03>') ? 'U0LIB02' : 'U0LIB03';
    await app.driver.blockAction({
      user: lead,
      channel: CHANNEL,
      messageTs: page.ts,
      actionId: 'strategy:manage',
      blockId: manageBlock.block_id!,
      value: `reassign:${strategyId}`,
    });
    const modal = await app.fake.waitFor(
      () => {
        const v = app.fake.openViews(lead).at(-1);
        return v?.callback_id === 'manage:reassign' ? v : undefined;
      },
      5000,
      'the reassign modal',
    );
    await app.driver.viewSubmission({ viewId: modal.id, values: { ownerSlackId: next } });
    const redrawn = await app.fake.waitFor(
      () => app.fake.ephemerals(lead).find((e) => e.ts === page.ts && row(e.blocks as Block[]).includes(`<@${next}>`)),
      5000,
      'the plan page showing the new owner',
    );
    // The same page, in place: the row moved nowhere and no second message appeared.
    expect((redrawn.blocks as Block[]).length).toBe(blocks.length);
    expect(app.fake.ephemerals(lead).filter((e) => JSON.stringify(e.blocks).includes('Strategies 1–')).length).toBe(1);
  });
});
