// Managing a citywide strategy: the Welcoming San José Plan has no department of its own,
// so its strategy led by the Library is the Library's to manage. The Library's equity lead
// picks new owners and milestone owners from the Library's people, not from everyone.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addWelcomingStrategy } from '../support/citywide-strategy.js';
import { startListenerApp, type ListenerApp } from '../support/listener-app.js';
import { LIB_LEAD, NOW, manage, modalFor, textOf } from './manage-support.js';

const LIBRARY = 'San José Public Library';
const LIBRARY_PEOPLE = ['U0LIB01', 'U0LIB02', 'U0LIB03'];

type Element = { type: string; action_id?: string; options?: { value: string }[]; initial_option?: { value: string } };

/** The owner picker in a modal's blocks (action id `owner`, `owner…` in the milestone forms). */
function ownerPicker(blocks: unknown): Element {
  const elements = (blocks as { element?: Element }[]).map((b) => b.element).filter((e): e is Element => !!e?.action_id?.startsWith('owner'));
  expect(elements).toHaveLength(1);
  return elements[0]!;
}

describe('managing a citywide strategy led by the Library', () => {
  let app: ListenerApp;
  let strategyId: number;
  beforeAll(async () => {
    app = await startListenerApp({ now: () => NOW });
    strategyId = await addWelcomingStrategy(app.db.prisma, {
      pillar: 2,
      number: 1,
      text: 'Library cards at every park program',
      lead: 'LIB',
      partners: ['PRNS'],
      owner: 'U0LIB03',
    });
  });
  afterAll(async () => {
    await app?.stop();
  });
  afterEach(() => {
    app.driver.assertNoViolations();
  });

  it("offers the Library's people as new owners, under the Library's name", async () => {
    const modal = await manage(app, LIB_LEAD, 'reassign', strategyId, 'manage:reassign');
    expect(textOf(modal.blocks)).toContain(LIBRARY);
    const picker = ownerPicker(modal.blocks);
    expect(picker.type).toBe('static_select');
    expect(picker.options?.map((o) => o.value).sort()).toEqual(LIBRARY_PEOPLE);

    const ok = await app.driver.viewSubmission({ viewId: modal.id, values: { ownerSlackId: 'U0LIB02' } });
    expect(ok.ack.action).toBe('update');
    const after = await app.db.prisma.strategy.findUniqueOrThrow({ where: { id: strategyId }, include: { owner: true } });
    expect(after.owner?.slackUserId).toBe('U0LIB02');
  });

  it("offers the Library's people as milestone owners, when adding and when editing", async () => {
    const modal = await manage(app, LIB_LEAD, 'milestone:add', strategyId, 'manage:milestones');
    const addPicker = ownerPicker(modal.blocks);
    expect(addPicker.type).toBe('static_select');
    expect(addPicker.options?.map((o) => o.value).sort()).toEqual(LIBRARY_PEOPLE);

    const add = await app.driver.viewSubmission({
      viewId: modal.id,
      values: { title: 'Sign up readers at the summer fair', dueDate: '2027-01-15', ownerSlackId: 'U0LIB03' },
    });
    expect(add.ack.action).toBe('update');
    const m = await app.db.prisma.milestone.findFirstOrThrow({ where: { strategyId, title: 'Sign up readers at the summer fair' } });
    const list = await modalFor(app, LIB_LEAD, 'manage:milestones');

    await app.driver.blockAction({ user: LIB_LEAD, viewId: list.id, actionId: 'milestone:edit', blockId: `milestone_${m.id}` });
    const edit = await modalFor(app, LIB_LEAD, 'manage:milestone-edit');
    const editPicker = ownerPicker(edit.blocks);
    expect(editPicker.type).toBe('static_select');
    expect(editPicker.options?.map((o) => o.value).sort()).toEqual(LIBRARY_PEOPLE);
    // The milestone's owner is already chosen.
    expect(editPicker.initial_option?.value).toBe('U0LIB03');
  });
});
