// /reap plan for the Welcoming San José Plan 2.0: its pillars, verbatim, even before any
// strategy is recorded; then a strategy led by the Library with Parks as partner. Parks'
// staff read it in full (owner, due date), Transportation's staff see only what the City
// published (text, status, lead, partners), and the Library's staff may report on it, in the
// Library's channel.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WELCOMING_SAN_JOSE_PLAN } from '../../src/db/seed/index.js';
import { escapeMrkdwn } from '../../src/slack/ui/mrkdwn.js';
import { startListenerApp, type ListenerApp } from '../support/listener-app.js';

const NOW = new Date('2026-11-18T17:00:00Z');
const CHANNEL = 'C0GENERAL';
const LIB_STAFF = 'U0LIB02'; // Minh Nguyen, Library staff, Vietnamese
const LIB_OWNER = 'U0LIB03'; // Grace Kim, Library staff
const PRNS_STAFF = 'U0PRNS02'; // Parks staff: the partner
const DOT_STAFF = 'U0DOT02'; // Transportation staff, Spanish: neither lead nor partner

type Block = { type: string; text?: { text: string }; accessory?: { action_id: string; value: string } };

describe('/reap plan for a citywide plan', () => {
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
  const textOf = (blocks: unknown) => (blocks as Block[]).map((b) => b.text?.text ?? JSON.stringify(b)).join('\n');

  it('shows the four pillars with their descriptions before any strategy is recorded', async () => {
    const msg = await plan(DOT_STAFF, 'WSJ');
    const text = textOf(msg.blocks);
    expect(text).toContain(escapeMrkdwn(WELCOMING_SAN_JOSE_PLAN.title));
    for (const p of WELCOMING_SAN_JOSE_PLAN.pillars) {
      expect(text).toContain(`*Pilar ${p.number}: ${escapeMrkdwn(p.title)}*`);
      expect(text).toContain(escapeMrkdwn(p.description));
    }
    expect(text).toContain('Todavía no hay estrategias registradas.');
    expect(text).toContain('/reap plan WSJ pilar <número>');
  });

  describe('with a strategy led by the Library, Parks as partner', () => {
    beforeAll(async () => {
      const prisma = app.db.prisma;
      const pillar = await prisma.objective.findFirstOrThrow({ where: { number: 2, plan: { key: WELCOMING_SAN_JOSE_PLAN.key } } });
      const [lib, prns, owner] = await Promise.all([
        prisma.department.findUniqueOrThrow({ where: { code: 'LIB' } }),
        prisma.department.findUniqueOrThrow({ where: { code: 'PRNS' } }),
        prisma.member.findUniqueOrThrow({ where: { slackUserId: LIB_OWNER } }),
      ]);
      await prisma.strategy.create({
        data: {
          objectiveId: pillar.id,
          number: 1,
          text: 'Test strategy: multilingual library and park programs',
          status: 'IN_PROGRESS',
          ownerId: owner.id,
          dueDate: new Date('2026-12-15T00:00:00Z'),
          leadDepartmentId: lib.id,
          partners: { create: [{ departmentId: prns.id }] },
        },
      });
    });

    it("lets the partner department's staff read the strategy in full, on its pillar", async () => {
      const msg = await plan(PRNS_STAFF, 'WSJ pillar 2');
      const text = textOf(msg.blocks);
      expect(text).toContain('*Pillar 2: Access and Engagement*');
      expect(text).not.toContain('Pillar 1:');
      expect(text).toContain('*2.1* Test strategy: multilingual library and park programs');
      expect(text).toContain('lead: San José Public Library');
      expect(text).toContain('partners: Parks, Recreation and Neighborhood Services');
      expect(text).toContain(`<@${LIB_OWNER}>`);
      expect(text).toContain('2026-12-15');
      // A partner reads; reporting is the lead department's.
      expect((msg.blocks as Block[]).some((b) => b.accessory?.action_id === 'update:open')).toBe(false);
    });

    it('shows a department that is not a partner the published facts, not the owner or dates', async () => {
      const msg = await plan(DOT_STAFF, 'wsj-2021-2024');
      const text = textOf(msg.blocks);
      expect(text).toContain('*2.1* Test strategy: multilingual library and park programs');
      expect(text).toContain('departamento líder: San José Public Library');
      expect(text).toContain('asociados: Parks, Recreation and Neighborhood Services');
      expect(text).not.toContain(LIB_OWNER);
      expect(text).not.toContain('2026-12-15');
      expect(text).toContain('responsable y fechas: solo para los departamentos líder y asociados');
    });

    it("gives the lead department's staff the Update button, in their language", async () => {
      const msg = await plan(LIB_STAFF, 'WSJ');
      const text = textOf(msg.blocks);
      expect(text).toContain('*Trụ cột 2: Access and Engagement*');
      expect(text).toContain('sở chủ trì: San José Public Library');
      const buttons = (msg.blocks as Block[]).filter((b) => b.accessory?.action_id === 'update:open');
      expect(buttons).toHaveLength(1);
    });

    it("posts an update on it in the lead department's channel", async () => {
      const msg = await plan(LIB_STAFF, 'WSJ');
      const block = (msg.blocks as (Block & { block_id: string })[]).find((b) => b.accessory?.action_id === 'update:open')!;
      await app.driver.blockAction({ user: LIB_STAFF, channel: CHANNEL, messageTs: msg.ts, actionId: 'update:open', blockId: block.block_id });
      const view = await app.driver.waitForModal(LIB_STAFF, 5000, 'reap.update');
      const before = app.fake.messages('C0LIBRARY').length;
      const narrative = 'Library cards handed out at two park programs.';
      const sub = await app.driver.viewSubmission({ viewId: view.id, values: { narrative, visibility: 'PUBLIC' } });
      expect(sub.ack).toEqual({ action: 'close' });
      const post = await app.fake.waitFor(() => app.fake.messages('C0LIBRARY')[before], 5000, 'the Library channel post');
      expect(JSON.stringify(post.blocks) + post.text).toContain(narrative);
    });
  });
});
