// Update prompts as owners meet them in Slack: on the first business day of a reporting
// period the job (on the seeded demo data) sends each owner one prompt in their language
// with an Update button per strategy that opens the update form; running it again that day
// or later in the start phase sends nothing more.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { registerUpdatePrompts } from '../../src/jobs/composers/update-prompts.js';
import { JobRegistry, OutboxDispatcher, RunCoordinator, createDispatcherClient } from '../../src/jobs/index.js';
import type { StoredMessage } from '../../src/sandbox/fake-slack/types.js';
import { startListenerApp, type ListenerApp } from '../support/listener-app.js';

const TOMAS = 'U0HSG02'; // Housing staff, Spanish; Housing reports monthly

type Block = { type: string; accessory?: { action_id: string; value: string } };

describe('update prompts', () => {
  let app: ListenerApp;
  let now = new Date('2026-11-02T15:30:00Z'); // Monday November 2nd, 07:30 in San José
  let strategyId: number;

  beforeAll(async () => {
    app = await startListenerApp({ now: () => now });
    const p = app.db.prisma;
    const objective = await p.objective.findFirstOrThrow({ where: { plan: { key: 'HOUSING-FY2024-2026' }, number: 1 } });
    const tomas = await p.member.findUniqueOrThrow({ where: { slackUserId: TOMAS } });
    strategyId = (
      await p.strategy.create({
        data: { objectiveId: objective.id, number: 90, text: 'Tenant rights workshops at community centers', status: 'NOT_STARTED', ownerId: tomas.id },
      })
    ).id;
  });
  afterAll(async () => {
    await app?.stop();
  });
  afterEach(() => {
    app.driver.assertNoViolations();
  });

  async function runPrompts(): Promise<number> {
    const ctx = app.ctx;
    const registry = new JobRegistry();
    registerUpdatePrompts(registry);
    const outcome = await new RunCoordinator({ ctx, registry, instanceId: 'e2e' }).runManually('update-prompts');
    if (outcome.outcome !== 'succeeded') throw new Error(JSON.stringify(outcome));
    const client = createDispatcherClient(app.fake.botToken, { apiUrl: app.fake.url });
    await new OutboxDispatcher({ prisma: ctx.prisma, client, instanceId: 'e2e', logger: ctx.logger, now: ctx.now, perChannelIntervalMs: 0 }).drain();
    return outcome.enqueued ?? 0;
  }

  const prompts = (user: string) => app.fake.messages(app.fake.dmChannelId(user));
  const updateButtons = (m: StoredMessage) =>
    ((m.blocks ?? []) as Block[]).filter((b) => b.accessory?.action_id === 'update:open').map((b) => Number(b.accessory!.value));

  it('sends one prompt per owner at the start of the period, in their language, and nothing more on later runs', async () => {
    const sent = await runPrompts();
    expect(sent).toBeGreaterThan(0);
    const tomas = prompts(TOMAS);
    expect(tomas).toHaveLength(1);
    expect(tomas[0]!.text).toBe('Es hora de informar el avance de AF 2026-27 noviembre.');
    expect(updateButtons(tomas[0]!)).toContain(strategyId);
    const keys = await app.db.prisma.outboxMessage.findMany({ where: { job: 'update-prompts' }, select: { idempotencyKey: true } });
    expect(keys.map((k) => k.idempotencyKey)).toContain(`update-prompts:FY2027-M05:${TOMAS}:start`);
    expect(keys.every((k) => k.idempotencyKey.endsWith(':start'))).toBe(true);

    now = new Date('2026-11-02T20:00:00Z');
    expect(await runPrompts()).toBe(0);
    now = new Date('2026-11-03T15:30:00Z');
    expect(await runPrompts()).toBe(0);
    expect(prompts(TOMAS)).toHaveLength(1);
  });

  it('opens the update form for the strategy from its Update button', async () => {
    const message = prompts(TOMAS)[0]!;
    const blockId = ((message.blocks ?? []) as (Block & { block_id: string })[]).find((b) => b.accessory?.value === String(strategyId))!.block_id;
    await app.driver.blockAction({ user: TOMAS, channel: app.fake.dmChannelId(TOMAS), messageTs: message.ts, actionId: 'update:open', blockId });
    const view = await app.driver.waitForModal(TOMAS, 5000, 'reap.update');
    expect(view.type).toBe('modal');
    expect(JSON.stringify(view.blocks)).toContain('Tenant rights workshops');
    app.fake.workspace.clearModals(TOMAS);
  });
  it('says "Reported ✓" in the prompt instead of its Update button once the strategy is reported', async () => {
    const message = prompts(TOMAS)[0]!;
    const blockId = ((message.blocks ?? []) as (Block & { block_id: string })[]).find((b) => b.accessory?.value === String(strategyId))!.block_id;
    await app.driver.blockAction({ user: TOMAS, channel: app.fake.dmChannelId(TOMAS), messageTs: message.ts, actionId: 'update:open', blockId });
    const view = await app.driver.waitForModal(TOMAS, 5000, 'reap.update');
    const sub = await app.driver.viewSubmission({
      viewId: view.id,
      values: { [`status.s${strategyId}`]: 'ONGOING', narrative: 'Dos talleres en el centro comunitario de Mayfair.' },
    });
    expect(sub.ack).toEqual({ action: 'close' });
    const redrawn = await app.fake.waitFor(
      () => prompts(TOMAS).find((m) => m.ts === message.ts && !updateButtons(m).includes(strategyId)),
      5000,
      'the prompt without the reported strategy’s Update button',
    );
    const text = JSON.stringify(redrawn.blocks);
    expect(text).toContain('Tenant rights workshops');
    expect(text).toContain('Informado ✓');
    // Still one prompt (besides the confirmation): redrawn in place, not sent again.
    expect(prompts(TOMAS).filter((m) => m.text === message.text)).toHaveLength(1);
    // The stored prompt reads the same, so a later report builds on it.
    const row = await app.db.prisma.outboxMessage.findFirstOrThrow({ where: { job: 'update-prompts', userId: TOMAS } });
    expect(JSON.stringify(row.payload)).toContain('Informado ✓');
  });
});
