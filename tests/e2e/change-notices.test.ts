// People hear about changes someone else made to their work: a direct message to the new
// and former owner and the department's equity leads, in each one's language, never to
// the person who made the change, and exactly once however often the change is retried.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addWelcomingStrategy } from '../support/citywide-strategy.js';
import { OutboxDispatcher, createDispatcherClient } from '../../src/jobs/index.js';
import { startListenerApp, type ListenerApp } from '../support/listener-app.js';
import { ADMIN, CHANNEL, HSG_LEAD, LIB_LEAD, NOW, manage, modalFor, strategyOf, textOf } from './manage-support.js';

describe('change notices', () => {
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

  async function deliver(): Promise<void> {
    const ctx = app.ctx;
    const client = createDispatcherClient(app.fake.botToken, { apiUrl: app.fake.url });
    await new OutboxDispatcher({ prisma: ctx.prisma, client, instanceId: 'e2e', logger: ctx.logger, now: ctx.now, perChannelIntervalMs: 0 }).drain();
  }
  const dms = (user: string) => app.fake.messages(app.fake.dmChannelId(user));
  const dmText = (user: string) => dms(user).map((m) => `${m.text}\n${textOf(m.blocks)}`);

  it('tells the new owner, the former owner and the lead about a reassignment, each in their language, and not the admin who did it', async () => {
    // A Library strategy owned by Linh (Vietnamese), given by Marisol (ORSE admin) to Sam (English by Slack locale).
    const s = await strategyOf(app, 'LIB', { owner: { slackUserId: 'U0LIB02' } });
    const before = { sam: dms('U0LIB03').length, linh: dms('U0LIB02').length, lead: dms(LIB_LEAD).length, admin: dms(ADMIN).length };
    const modal = await manage(app, ADMIN, 'reassign', s.id, 'manage:reassign');
    // The lead opened the same form meanwhile and submits it after the admin.
    const late = await manage(app, LIB_LEAD, 'reassign', s.id, 'manage:reassign');
    const ok = await app.driver.viewSubmission({ viewId: modal.id, values: { ownerSlackId: 'U0LIB03' } });
    expect(ok.ack.action).toBe('update');
    await app.driver.viewSubmission({ viewId: late.id, values: { ownerSlackId: 'U0LIB03' } });
    expect(textOf(app.fake.openViews(LIB_LEAD).at(-1)!.blocks)).toContain('Someone changed this strategy');
    await deliver();
    await deliver();

    const label = `${(await app.db.prisma.objective.findUniqueOrThrow({ where: { id: s.objectiveId } })).number}.${s.number}`;
    const sam = dmText('U0LIB03').slice(before.sam);
    expect(sam).toHaveLength(1);
    expect(sam[0]).toContain(`<@${ADMIN}> made you the owner of strategy ${label} (San José Public Library)`);
    expect(sam[0]).toContain(s.text.slice(0, 40));
    const linh = dmText('U0LIB02').slice(before.linh);
    expect(linh).toHaveLength(1);
    expect(linh[0]).toContain(`đã giao chiến lược ${label} (San José Public Library) cho <@U0LIB03>`);
    const lead = dmText(LIB_LEAD).slice(before.lead);
    expect(lead).toHaveLength(1);
    expect(lead[0]).toContain(`to <@U0LIB03> (before: <@U0LIB02>)`);
    expect(dms(ADMIN)).toHaveLength(before.admin);
  });

  it('tells the owner and not the deferring lead, with the reason and the new date', async () => {
    const s = await strategyOf(app, 'LIB', { owner: { slackUserId: 'U0LIB03' } });
    const before = dms('U0LIB03').length;
    const leadBefore = dms(LIB_LEAD).length;
    const modal = await manage(app, LIB_LEAD, 'defer', s.id, 'manage:defer');
    const ok = await app.driver.viewSubmission({ viewId: modal.id, values: { reason: 'Waiting for the <FY27> budget', newDueDate: '2027-09-30' } });
    expect(ok.ack.action).toBe('update');
    await deliver();
    const sam = dmText('U0LIB03').slice(before);
    expect(sam).toHaveLength(1);
    expect(sam[0]).toContain(`<@${LIB_LEAD}> deferred strategy`);
    expect(sam[0]).toContain('which you own, to <!date^');
    expect(sam[0]).toContain('|2027-09-30>');
    // What the lead typed is shown as text, not as Slack markup.
    expect(sam[0]).toContain('Reason: Waiting for the &lt;FY27&gt; budget');
    expect(dms(LIB_LEAD)).toHaveLength(leadBefore);
  });

  it('tells a new milestone’s owner and the strategy’s owner, in their languages', async () => {
    const s = await strategyOf(app, 'PRNS');
    const lead = 'U0PRNS01';
    const before = dms('U0PRNS02').length;
    const leadBefore = dms(lead).length;
    const modal = await manage(app, lead, 'milestone:add', s.id, 'manage:milestones');
    const add = await app.driver.viewSubmission({
      viewId: modal.id,
      values: { title: 'Publish the booking calendar', dueDate: '2027-01-15', ownerSlackId: 'U0PRNS02' },
    });
    expect(add.ack.action).toBe('update');
    await deliver();
    const owner = dmText('U0PRNS02').slice(before);
    expect(owner).toHaveLength(1);
    expect(owner[0]).toContain(`<@${lead}> added the milestone “Publish the booking calendar”`);
    expect(owner[0]).toContain('and made you its owner');
    expect(dms(lead)).toHaveLength(leadBefore);
  });

  it('tells the lead department’s equity lead about a citywide strategy, not its partner’s', async () => {
    // Welcoming plan 2.1, led by the Library with Housing as partner, owned by Linh.
    const prisma = app.db.prisma;
    const s = {
      id: await addWelcomingStrategy(prisma, {
        pillar: 2,
        number: 1,
        text: 'Library cards at every community center',
        lead: 'LIB',
        partners: ['HOUSING'],
        owner: 'U0LIB02',
      }),
    };
    const before = { sam: dms('U0LIB03').length, lead: dms(LIB_LEAD).length, partner: dms(HSG_LEAD).length };
    const modal = await manage(app, ADMIN, 'reassign', s.id, 'manage:reassign');
    const ok = await app.driver.viewSubmission({ viewId: modal.id, values: { ownerSlackId: 'U0LIB03' } });
    expect(ok.ack.action).toBe('update');
    await deliver();

    const sam = dmText('U0LIB03').slice(before.sam);
    expect(sam).toHaveLength(1);
    expect(sam[0]).toContain(`<@${ADMIN}> made you the owner of strategy 2.1 (San José Public Library)`);
    const lead = dmText(LIB_LEAD).slice(before.lead);
    expect(lead).toHaveLength(1);
    expect(lead[0]).toContain('to <@U0LIB03> (before: <@U0LIB02>)');
    expect(dms(HSG_LEAD)).toHaveLength(before.partner);
  });

  it('tells the owner and the lead about a strategy an ORSE admin added', async () => {
    const before = { linh: dms('U0LIB02').length, lead: dms(LIB_LEAD).length };
    await app.driver.slashCommand({ user: ADMIN, channel: CHANNEL, text: 'add LIB' });
    const modal = await modalFor(app, ADMIN, 'manage:add');
    const objective = await app.db.prisma.objective.findFirstOrThrow({ where: { plan: { department: { code: 'LIB' } } }, orderBy: { number: 'asc' } });
    const sub = await app.driver.viewSubmission({
      viewId: modal.id,
      values: { objectiveId: String(objective.id), text: 'Tutoring in Vietnamese at two branches', ownerSlackId: 'U0LIB02', dueDate: '2027-03-31' },
    });
    expect(sub.ack.action).toBe('update');
    await deliver();
    const linh = dmText('U0LIB02').slice(before.linh);
    expect(linh).toHaveLength(1);
    expect(linh[0]).toContain('và giao cho bạn phụ trách');
    expect(linh[0]).toContain('Tutoring in Vietnamese at two branches');
    const lead = dmText(LIB_LEAD).slice(before.lead);
    expect(lead).toHaveLength(1);
    expect(lead[0]).toContain('Owner: <@U0LIB02>');
    const rows = await app.db.prisma.outboxMessage.findMany({ where: { job: 'change-notice', idempotencyKey: { contains: ':added:' } } });
    expect(rows.filter((r) => r.userId === ADMIN)).toHaveLength(0);
  });
});
