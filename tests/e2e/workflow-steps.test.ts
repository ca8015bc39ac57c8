// The two Workflow Builder steps as Slack runs them: a function_executed event, then the
// app ends the run with functions.completeSuccess or completeError.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addWelcomingStrategy } from '../support/citywide-strategy.js';
import { loadActor } from '../../src/services/authz.js';
import { departmentStatus } from '../../src/services/status.js';
import { departmentStatusOutputs } from '../../src/slack/features/status/listeners/department-status-step.js';
import { idempotencyKeyForRun } from '../../src/slack/features/update/listeners/submit-update-step.js';
import { startListenerApp, type ListenerApp } from '../support/listener-app.js';
import { strategyIdsByLabel } from '../support/test-app.js';

const NOW = new Date('2026-11-18T17:00:00Z');
const LIB_LEAD = 'U0LIB01';
const LIB_STAFF = 'U0LIB03';
const ADMIN_ES = 'U0ORSE01';

describe('Workflow Builder steps', () => {
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

  it('Get department status outputs the numbers /reap status shows', async () => {
    const run = await app.driver.runWorkflowStep({ callbackId: 'get_department_status', inputs: { department: 'LIB' }, user: LIB_LEAD });
    expect(run.delivery.status).toBe(200);
    expect(run.completion.state).toBe('completed');
    const ctx = app.ctx;
    const expected = await departmentStatus(ctx, await loadActor(ctx, LIB_LEAD), 'LIB');
    expect(run.completion.state === 'completed' && run.completion.outputs).toEqual(departmentStatusOutputs(expected));
    expect(run.completion.state === 'completed' && run.completion.outputs).toMatchObject({
      department_code: 'LIB',
      total: expected.total,
      in_progress: expected.byStatus.IN_PROGRESS,
      reported_this_period: expected.summary.reported,
      not_reported: expected.summary.notReported,
      overdue: expected.summary.overdue,
    });
  });

  it('Get department status refuses a department the runner may not read, in their language', async () => {
    const run = await app.driver.runWorkflowStep({ callbackId: 'get_department_status', inputs: { department: 'DOT' }, user: LIB_STAFF });
    expect(run.completion).toEqual({ state: 'failed', error: expect.stringContaining('You can see only your own department’s plan') });
  });

  it('Submit REAP update stores one update, posts it, and a redelivered event stores nothing more', async () => {
    const ids = await strategyIdsByLabel(app, 'LIB-FY2024-2026');
    const strategyId = ids['1.1']!;
    const run = await app.driver.runWorkflowStep({
      callbackId: 'submit_reap_update',
      inputs: { strategy: 'LIB 1.1', status: 'In progress', narrative: 'Bilingual storytimes ran at six branches.' },
      user: LIB_LEAD,
    });
    expect(run.completion.state).toBe('completed');
    const key = idempotencyKeyForRun(run.execution.id);
    const stored = await app.db.prisma.progressUpdate.findMany({ where: { idempotencyKey: key } });
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ strategyId, statusTo: 'IN_PROGRESS', narrative: 'Bilingual storytimes ran at six branches.' });
    const outputs = run.completion.state === 'completed' ? run.completion.outputs : {};
    expect(outputs).toMatchObject({ update_id: stored[0]!.id, strategy_label: 'LIB-FY2024-2026 1.1', period: stored[0]!.periodKey });
    // Posted in the department's channel like a /reap update, and the link is an output.
    expect(stored[0]!.channelPostTs).not.toBeNull();
    expect(outputs.permalink).toContain(stored[0]!.channelPostTs!.replace('.', ''));

    const before = app.fake.calls('functions.completeSuccess').length;
    const again = await app.driver.redeliverWorkflowStep(run.execution.id);
    expect(again.status).toBe(200);
    // The redelivery ends the run with what was stored; Slack says it already ended.
    const second = await app.fake.waitFor(() => app.fake.calls('functions.completeSuccess')[before], 5000, 'the redelivery’s completion');
    expect(second.response).toMatchObject({ ok: false, error: 'execution_not_in_running_state' });
    expect(await app.db.prisma.progressUpdate.count({ where: { idempotencyKey: key } })).toBe(1);
    expect(await app.db.prisma.progressUpdate.count({ where: { strategyId, narrative: 'Bilingual storytimes ran at six branches.' } })).toBe(1);
    expect(app.fake.functionExecution(run.execution.id)?.outputs).toEqual(outputs);
    app.driver.assertNoViolations({ allow: ['execution_not_in_running_state'] });
    app.fake.clearViolations();
  });

  it('refuses staff reporting on another department’s strategy, and audits it', async () => {
    const dot = await strategyIdsByLabel(app, 'DOT-FY2024-2026');
    const auditsBefore = await app.db.prisma.auditLog.count({ where: { actor: LIB_STAFF } });
    const run = await app.driver.runWorkflowStep({
      callbackId: 'submit_reap_update',
      inputs: { strategy: 'DOT 1.1', status: 'in_progress', narrative: 'Not mine to report.' },
      user: LIB_STAFF,
    });
    expect(run.completion).toEqual({ state: 'failed', error: 'You can report progress only on your own strategies and your department’s.' });
    expect(await app.db.prisma.progressUpdate.count({ where: { strategyId: dot['1.1']!, narrative: 'Not mine to report.' } })).toBe(0);
    expect(await app.db.prisma.auditLog.count({ where: { actor: LIB_STAFF } })).toBeGreaterThan(auditsBefore);
  });

  it('names the choices for a status it does not know, in the runner’s language', async () => {
    const run = await app.driver.runWorkflowStep({
      callbackId: 'submit_reap_update',
      inputs: { strategy: 'LIB 1.2', status: 'done', narrative: 'Finished.' },
      user: LIB_LEAD,
    });
    expect(run.completion).toEqual({
      state: 'failed',
      error:
        '“done” is not a status. Use one of: completed (Completed), in_progress (In Progress), ongoing (Ongoing), not_started (Not Started), deferred (Deferred).',
    });
    const es = await app.driver.runWorkflowStep({
      callbackId: 'submit_reap_update',
      inputs: { strategy: 'LIB 1.2', status: 'hecho', narrative: 'Terminado.' },
      user: ADMIN_ES,
    });
    expect(es.completion).toEqual({
      state: 'failed',
      error: expect.stringContaining('“hecho” no es un estado. Use uno de estos: completed (Completado), in_progress (En curso)'),
    });
  });

  it('says which input is missing or which strategy it could not find', async () => {
    const missing = await app.driver.runWorkflowStep({ callbackId: 'submit_reap_update', inputs: { strategy: 'LIB 1.2', status: 'ongoing' }, user: LIB_LEAD });
    expect(missing.completion).toEqual({ state: 'failed', error: expect.stringContaining('The step has no “narrative”') });
    const unknown = await app.driver.runWorkflowStep({
      callbackId: 'submit_reap_update',
      inputs: { strategy: 'LIB 9.9', status: 'ongoing', narrative: 'x' },
      user: LIB_LEAD,
    });
    expect(unknown.completion).toEqual({ state: 'failed', error: expect.stringContaining('No strategy matches “LIB 9.9”') });
  });

  it("finds a citywide strategy by its lead department's label", async () => {
    // The Library leads strategy 4.9 of the Welcoming San José Plan, Parks is a partner.
    const prisma = app.db.prisma;
    const s = {
      id: await addWelcomingStrategy(prisma, { pillar: 4, number: 9, text: 'Citizenship corners in every branch', lead: 'LIB', partners: ['PRNS'] }),
    };
    for (const [strategy, narrative] of [
      ['LIB 4.9', 'Two branches opened a citizenship corner.'],
      ['4.9', 'A third branch opened one.'],
    ]) {
      const run = await app.driver.runWorkflowStep({
        callbackId: 'submit_reap_update',
        inputs: { strategy, status: 'in_progress', narrative },
        user: LIB_LEAD,
      });
      expect(run.completion).toMatchObject({ state: 'completed', outputs: { strategy_label: 'WSJ-2021-2024 4.9' } });
      expect(await prisma.progressUpdate.count({ where: { strategyId: s.id, narrative } })).toBe(1);
    }
    // The partner's label does not name it: Parks only reads it.
    const partner = await app.driver.runWorkflowStep({
      callbackId: 'submit_reap_update',
      inputs: { strategy: 'PRNS 4.9', status: 'in_progress', narrative: 'x' },
      user: LIB_LEAD,
    });
    expect(partner.completion).toEqual({ state: 'failed', error: expect.stringContaining('No strategy matches “PRNS 4.9”') });
  });

  it('opens the update form for what the workflow left out, and ends the run when the person submits it', async () => {
    const ids = await strategyIdsByLabel(app, 'LIB-FY2024-2026');
    app.fake.workspace.clearModals(LIB_STAFF);
    // The workflow names the strategy and the text, but no status: the person chooses it.
    const run = await app.driver.runWorkflowStep({
      callbackId: 'submit_reap_update',
      inputs: { strategy: 'LIB 2.1', narrative: 'Sensory-friendly hours at two more branches.' },
      user: LIB_STAFF,
      interactive: true,
    });
    expect(run.execution.state).toBe('running');
    const form = await app.driver.waitForModal(LIB_STAFF, 5000, 'reap.update');
    const narrative = form.state.values.narrative?.narrative?.value;
    expect(narrative).toBe('Sensory-friendly hours at two more branches.');
    expect(JSON.stringify(form.blocks)).toContain('Sensory-friendly');
    const sub = await app.driver.viewSubmission({ viewId: form.id, values: { [`status.s${ids['2.1']}`]: 'ONGOING' } });
    expect(sub.ack).toEqual({ action: 'close' });
    await app.fake.waitFor(() => run.execution.state !== 'running', 5000, 'the end of the run');
    expect(run.execution.state).toBe('completed');
    const update = await app.db.prisma.progressUpdate.findFirstOrThrow({ where: { strategyId: ids['2.1']! }, orderBy: { id: 'desc' } });
    expect(update).toMatchObject({ narrative: 'Sensory-friendly hours at two more branches.', statusTo: 'ONGOING' });
    expect(run.execution.outputs).toMatchObject({ update_id: update.id, strategy_label: 'LIB-FY2024-2026 2.1' });
  });

  it('without interactivity, still ends with the reason instead of a form', async () => {
    app.fake.workspace.clearModals(LIB_STAFF);
    const run = await app.driver.runWorkflowStep({ callbackId: 'submit_reap_update', inputs: { strategy: 'LIB 2.1', narrative: 'x' }, user: LIB_STAFF });
    expect(run.completion).toEqual({ state: 'failed', error: expect.stringContaining('status') });
    expect(app.fake.openViews(LIB_STAFF)).toHaveLength(0);
  });
});
