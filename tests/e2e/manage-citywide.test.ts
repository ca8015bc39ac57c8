// Managing a citywide strategy: the Welcoming San José Plan has no department of its own,
// so its strategy led by the Library is the Library's to manage. The Library's equity lead
// picks new owners and milestone owners from the Library's people, not from everyone.
// ORSE admins add the plan's strategies, naming the lead and partners, and only they may
// move a strategy to another lead.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WELCOMING_SAN_JOSE_PLAN } from '../../src/db/seed/welcoming-san-jose-plan.js';
import { enterViewValues } from '../../src/sandbox/fake-slack/index.js';
import { addWelcomingStrategy } from '../support/citywide-strategy.js';
import { startListenerApp, type ListenerApp } from '../support/listener-app.js';
import { ADMIN, CHANNEL, HSG_LEAD, LIB_LEAD, NOW, audits, craftedSubmission, manage, modalFor, textOf } from './manage-support.js';

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

    // Someone from outside the Library, in a crafted payload (or a picker of over 100 people), is refused.
    app.fake.workspace.view(modal.id)!.state.ownerSlackId = {
      owner: { type: 'static_select', selected_option: { text: { type: 'plain_text', text: 'Housing' }, value: HSG_LEAD } },
    };
    expect(await craftedSubmission(app, modal.id)).toEqual({
      action: 'errors',
      errors: { ownerSlackId: expect.stringContaining(LIBRARY) },
    });
    expect((await app.db.prisma.strategy.findUniqueOrThrow({ where: { id: strategyId }, include: { owner: true } })).owner?.slackUserId).toBe('U0LIB03');

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

  const departments = async () => {
    const [lib, prns, housing] = await Promise.all(['LIB', 'PRNS', 'HOUSING'].map((code) => app.db.prisma.department.findUniqueOrThrow({ where: { code } })));
    return { lib: lib!, prns: prns!, housing: housing! };
  };

  /** The user's top modal once `ready` holds for it (listeners replace views after acking). */
  const modalWhen = (user: string, ready: (blocks: { block_id?: string }[], metadata: string) => boolean, what: string) =>
    app.fake.waitFor(
      () => {
        const v = app.fake.openViews(user).at(-1);
        return v && ready(v.blocks as { block_id?: string }[], v.private_metadata) ? v : undefined;
      },
      4000,
      what,
    );

  it('lets an ORSE admin add a strategy to the plan, naming its lead and partners', async () => {
    const plan = await app.db.prisma.plan.findUniqueOrThrow({ where: { key: WELCOMING_SAN_JOSE_PLAN.key } });
    const { lib, prns, housing } = await departments();
    const pillar = await app.db.prisma.objective.findFirstOrThrow({ where: { planId: plan.id, number: 1 } });
    await app.driver.slashCommand({ user: ADMIN, channel: CHANNEL, text: 'add' });
    const first = await modalFor(app, ADMIN, 'manage:add');
    await app.driver.blockAction({ user: ADMIN, viewId: first.id, actionId: 'manage:add:department', value: `plan:${plan.id}` });
    const citywide = await modalWhen(ADMIN, (_, m) => m.includes(`"planId":${plan.id}`), 'the add form of the citywide plan');
    // No owner until the lead is chosen: the owners are the lead's people.
    expect(citywide.blocks.some((b) => b.block_id === 'ownerSlackId')).toBe(false);

    // Partners picked before the lead stay picked, except the lead itself.
    enterViewValues(app.fake.workspace.view(citywide.id)!, { partnerDepartmentIds: [String(prns.id), String(lib.id)] });
    await app.driver.blockAction({ user: ADMIN, viewId: citywide.id, actionId: 'manage:add:lead', value: String(lib.id) });
    const led = await modalWhen(ADMIN, (blocks) => blocks.some((b) => b.block_id === 'ownerSlackId'), 'the add form with the Library as lead');
    const partnerPicker = (led.blocks as { block_id?: string; element?: { initial_options?: { value: string }[] } }[]).find(
      (b) => b.block_id === 'partnerDepartmentIds',
    );
    expect(partnerPicker?.element?.initial_options?.map((o) => o.value)).toEqual([String(prns.id)]);
    expect(
      ownerPicker(led.blocks)
        .options?.map((o) => o.value)
        .sort(),
    ).toEqual(LIBRARY_PEOPLE);

    const count = await app.db.prisma.strategy.count();
    // The lead cannot also be a partner: Slack's client does not offer it, a crafted payload is refused.
    const view = app.fake.workspace.view(led.id)!;
    enterViewValues(view, { objectiveId: String(pillar.id), text: 'Library cards at every welcome center' });
    const asOption = (value: string) => ({ text: { type: 'plain_text' as const, text: value }, value });
    view.state.partnerDepartmentIds = { [`partners:${lib.id}`]: { type: 'multi_static_select', selected_options: [asOption(String(lib.id))] } };
    const refused = await craftedSubmission(app, led.id);
    // Marisol reads Spanish.
    expect(refused).toEqual({
      action: 'errors',
      errors: { partnerDepartmentIds: 'San José Public Library dirige esta estrategia, así que no puede ser también asociado. Quítelo de los asociados.' },
    });
    expect(await app.db.prisma.strategy.count()).toBe(count);

    // The owner is one of the lead's people; with more than a select holds, Slack offers anyone.
    view.state.partnerDepartmentIds = { [`partners:${lib.id}`]: { type: 'multi_static_select', selected_options: [] } };
    view.state.ownerSlackId = { [`owner:lead:${lib.id}`]: { type: 'static_select', selected_option: asOption(HSG_LEAD) } };
    expect(await craftedSubmission(app, led.id)).toEqual({
      action: 'errors',
      errors: {
        ownerSlackId:
          'Esta persona no está en San José Public Library. La persona responsable de una estrategia municipal es del departamento líder: elija a alguien de San José Public Library, u otro departamento líder.',
      },
    });
    expect(await app.db.prisma.strategy.count()).toBe(count);

    const added = await app.driver.viewSubmission({
      viewId: led.id,
      values: {
        objectiveId: String(pillar.id),
        text: 'Library cards at every welcome center',
        partnerDepartmentIds: [String(prns.id), String(housing.id)],
        ownerSlackId: 'U0LIB02',
      },
    });
    expect(added.ack.action).toBe('update');
    const row = await app.db.prisma.strategy.findFirstOrThrow({
      where: { objectiveId: pillar.id, text: 'Library cards at every welcome center' },
      include: { owner: true, partners: true },
    });
    expect(row.leadDepartmentId).toBe(lib.id);
    expect(row.partners.map((p) => p.departmentId).sort((a, b) => a - b)).toEqual([prns.id, housing.id].sort((a, b) => a - b));
    expect(row.owner?.slackUserId).toBe('U0LIB02');
    const [audit] = await audits(app, { action: 'strategy.add', entityId: String(row.id) });
    expect(audit?.after).toMatchObject({ leadDepartmentId: lib.id, partnerDepartmentIds: [prns.id, housing.id].sort((a, b) => a - b) });
  });

  it("refuses the Library's equity lead moving the strategy to another lead, and lets them change its partners", async () => {
    const { lib, prns, housing } = await departments();
    const modal = await manage(app, LIB_LEAD, 'edit', strategyId, 'manage:edit');
    // Only ORSE admins get a lead picker; the lead's equity lead reads which department leads.
    expect(modal.blocks.some((b) => b.block_id === 'leadDepartmentId')).toBe(false);
    expect(textOf(modal.blocks)).toContain(LIBRARY);

    // A crafted payload naming another lead is refused, and the refusal is audited.
    const view = app.fake.workspace.view(modal.id)!;
    view.state.leadDepartmentId = {
      value: { type: 'static_select', selected_option: { text: { type: 'plain_text', text: 'Housing' }, value: String(housing.id) } },
    };
    const refused = await craftedSubmission(app, modal.id);
    expect(refused.action).toBe('update');
    expect(textOf((refused as { view: { blocks: unknown } }).view.blocks)).toContain(
      'Only an ORSE admin can move this strategy to another lead department. Nothing was saved',
    );
    const unchanged = await app.db.prisma.strategy.findUniqueOrThrow({ where: { id: strategyId }, include: { partners: true } });
    expect(unchanged.leadDepartmentId).toBe(lib.id);
    expect((await audits(app, { action: 'authz.denied', actor: LIB_LEAD, detail: 'strategy.moveLead' })).length).toBe(1);

    delete view.state.leadDepartmentId;
    const saved = await app.driver.viewSubmission({ viewId: modal.id, values: { partnerDepartmentIds: [String(prns.id), String(housing.id)] } });
    expect(saved.ack.action).toBe('update');
    const after = await app.db.prisma.strategy.findUniqueOrThrow({ where: { id: strategyId }, include: { partners: true } });
    expect(after.leadDepartmentId).toBe(lib.id);
    expect(after.partners.map((p) => p.departmentId).sort((a, b) => a - b)).toEqual([prns.id, housing.id].sort((a, b) => a - b));
    expect(after.version).toBe(unchanged.version + 1);
    const edits = await audits(app, { action: 'strategy.edit', entityId: String(strategyId) });
    expect(edits.at(-1)?.before).toMatchObject({ leadDepartmentId: lib.id, partnerDepartmentIds: [prns.id] });
    expect(edits.at(-1)?.after).toMatchObject({ leadDepartmentId: lib.id, partnerDepartmentIds: [prns.id, housing.id].sort((a, b) => a - b) });
  });

  it('lets an ORSE admin move the strategy to another lead, saying plainly that its owner left with the old one', async () => {
    const { lib, prns, housing } = await departments();
    const id = await addWelcomingStrategy(app.db.prisma, {
      pillar: 3,
      number: 1,
      text: 'Welcome desks at branches',
      lead: 'LIB',
      partners: ['PRNS'],
      owner: 'U0LIB03',
    });
    const modal = await manage(app, ADMIN, 'edit', id, 'manage:edit');
    // A partner made the lead is still listed as a partner: the form says which to change.
    const asPartner = await app.driver.viewSubmission({ viewId: modal.id, values: { leadDepartmentId: String(prns.id) } });
    expect(asPartner.ack).toEqual({
      action: 'errors',
      errors: {
        partnerDepartmentIds:
          'Parks, Recreation and Neighborhood Services dirige esta estrategia, así que no puede ser también asociado. Quítelo de los asociados.',
      },
    });

    // The Library's equity lead has been looking at their Home: it must drop the strategy.
    await app.db.prisma.member.update({ where: { slackUserId: LIB_LEAD }, data: { homeOpenedAt: NOW } });
    const publishes = () => app.fake.calls('views.publish').filter((c) => c.args.user_id === LIB_LEAD).length;
    const publishedBefore = publishes();
    const moved = await app.driver.viewSubmission({
      viewId: modal.id,
      values: { leadDepartmentId: String(housing.id), partnerDepartmentIds: [String(lib.id)] },
    });
    expect(moved.ack.action).toBe('update');
    expect(textOf((moved.ack as { view: { blocks: unknown } }).view.blocks)).toContain('<@U0LIB03> no está en Housing Department');
    const after = await app.db.prisma.strategy.findUniqueOrThrow({ where: { id }, include: { partners: true } });
    expect(after.leadDepartmentId).toBe(housing.id);
    expect(after.ownerId).toBeNull();
    expect(after.partners.map((p) => p.departmentId)).toEqual([lib.id]);

    // Housing's equity lead now manages it, the Library's no longer does, and the owner
    // taken off hears why; each once, in the same transaction as the move.
    const notices = await app.db.prisma.outboxMessage.findMany({
      where: { job: 'change-notice', idempotencyKey: { startsWith: `change-notice:strategy:${id}:v` } },
    });
    const told = new Map(notices.map((n) => [n.userId, (n.payload as { text: string }).text]));
    expect([...told.keys()].sort()).toEqual([HSG_LEAD, LIB_LEAD, 'U0LIB03'].sort());
    expect(told.get(HSG_LEAD)).toContain(`made Housing Department the lead department of strategy 3.1 (Welcoming San José Plan 2.0) (before: ${LIBRARY}).`);
    expect(told.get(LIB_LEAD)).toContain(`moved strategy 3.1 (Welcoming San José Plan 2.0) from ${LIBRARY} to Housing Department`);
    expect(told.get('U0LIB03')).toContain('You are not in Housing Department, so you are no longer its owner');
    await app.fake.waitFor(() => publishes() > publishedBefore || undefined, 5000, 'the former lead’s App Home refreshed');
  });

  it('opens the citywide form from /reap add WSJ for ORSE admins only', async () => {
    await app.driver.slashCommand({ user: ADMIN, channel: CHANNEL, text: 'add WSJ' });
    const form = await modalWhen(ADMIN, (blocks) => blocks.some((b) => b.block_id === 'leadDepartmentId'), 'the citywide add form');
    expect(textOf(form.blocks)).toContain('Welcoming San José');

    const before = app.fake.openViews(LIB_LEAD).length;
    const refused = await app.driver.slashCommand({ user: LIB_LEAD, channel: CHANNEL, text: 'add WSJ' });
    expect(JSON.stringify(refused.json)).toContain('Only your department’s equity lead or an ORSE admin can change strategies');
    expect(app.fake.openViews(LIB_LEAD)).toHaveLength(before);
  });

  it('saves no partners when someone changed the strategy since the form opened', async () => {
    const { housing } = await departments();
    const id = await addWelcomingStrategy(app.db.prisma, { pillar: 4, number: 1, text: 'Citizenship clinics', lead: 'LIB', partners: ['PRNS'] });
    const modal = await manage(app, LIB_LEAD, 'edit', id, 'manage:edit');
    await app.db.prisma.strategy.update({ where: { id }, data: { version: { increment: 1 } } });
    const stale = await app.driver.viewSubmission({ viewId: modal.id, values: { partnerDepartmentIds: [String(housing.id)] } });
    expect(stale.ack.action).toBe('update');
    expect(textOf((stale.ack as { view: { blocks: unknown } }).view.blocks)).toContain('Someone changed this strategy while you were editing');
    const partners = await app.db.prisma.strategyPartner.findMany({ where: { strategyId: id }, include: { department: true } });
    expect(partners.map((p) => p.department.code)).toEqual(['PRNS']);
  });
});
