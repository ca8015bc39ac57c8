// Typed measures from a strategy's Manage menu: an equity lead adds one (problems under the
// input, in their language), edits and archives it, each audited; the update form then asks
// for what is active; staff of the department cannot manage them.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startListenerApp, type ListenerApp } from '../support/listener-app.js';
import { LIB_LEAD, LIB_STAFF, NOW, audits, manage, modalFor, strategyOf, textOf, CHANNEL } from './manage-support.js';

describe('Manage → Measures', () => {
  let app: ListenerApp;

  beforeAll(async () => {
    app = await startListenerApp({ now: () => NOW });
  });
  afterAll(async () => {
    await app?.stop();
  });
  afterEach(() => {
    for (const u of [LIB_LEAD, LIB_STAFF]) app.fake.workspace.clearModals(u);
    app.driver.assertNoViolations();
  });

  it('adds, edits and archives a typed measure, with an audit row for each', async () => {
    const s = await strategyOf(app, 'LIB');
    // Manage → Edit strategy → Typed measures… (Slack allows five options in the menu).
    const editStrategy = await manage(app, LIB_LEAD, 'edit', s.id, 'manage:edit');
    await app.fake.waitFor(() => app.fake.view(editStrategy.id)?.blocks.some((b) => b.block_id === 'typed_measures'), 4000, 'the edit form');
    await app.driver.blockAction({ user: LIB_LEAD, viewId: editStrategy.id, actionId: 'measures:open', blockId: 'typed_measures', value: String(s.id) });
    const modal = await modalFor(app, LIB_LEAD, 'manage:measures');
    await app.fake.waitFor(() => textOf(app.fake.view(modal.id)?.blocks).includes('no typed measures yet'), 4000, 'the measures list');

    // A percentage target over 100 is refused under the target input; nothing is stored.
    const bad = await app.driver.viewSubmission({ viewId: modal.id, values: { label: 'Branch staff trained', kind: 'PERCENT', target: '120' } });
    expect(bad.ack).toEqual({ action: 'errors', errors: { target: 'Please enter a percentage from 0 to 100 (at most 2 decimals).' } });
    expect(await app.db.prisma.measure.count({ where: { strategyId: s.id } })).toBe(0);

    const add = await app.driver.viewSubmission({
      viewId: modal.id,
      values: { label: 'Branch staff trained', kind: 'PERCENT', target: '90', dataSource: 'Training roster', splitBy: ['LANGUAGE', 'GENDER'] },
    });
    expect(add.ack.action).toBe('update');
    const m = await app.db.prisma.measure.findFirstOrThrow({ where: { strategyId: s.id } });
    expect(m).toMatchObject({
      label: 'Branch staff trained',
      kind: 'PERCENT',
      direction: 'INCREASE',
      dataSource: 'Training roster',
      splitBy: ['LANGUAGE', 'GENDER'],
      isPublic: true,
    });
    expect(Number(m.target)).toBe(90);
    const list = await modalFor(app, LIB_LEAD, 'manage:measures');
    expect(textOf(list.blocks)).toContain('Added the measure “Branch staff trained”');
    expect(textOf(list.blocks)).toContain('Percent · target 90% (higher is better) · source: Training roster · can be split by language, gender');
    // The add form starts empty for the next measure.
    expect(Object.values(list.state.values.label ?? {})[0]?.value ?? null).toBeNull();

    // The same label again is refused under the label.
    const twice = await app.driver.viewSubmission({ viewId: list.id, values: { label: 'Branch staff trained', kind: 'COUNT' } });
    expect(twice.ack).toEqual({ action: 'errors', errors: { label: 'This strategy already has a measure called “Branch staff trained”.' } });

    await app.driver.blockAction({ user: LIB_LEAD, viewId: list.id, actionId: 'measure:menu', blockId: `measure_${m.id}`, value: `edit:${m.id}` });
    const edit = await modalFor(app, LIB_LEAD, 'manage:measure-edit');
    expect(Object.values(edit.state.values.target ?? {})[0]?.value).toBe('90');
    await app.driver.viewSubmission({ viewId: edit.id, values: { target: '95', isPublic: [] } });
    await app.fake.waitFor(() => textOf(app.fake.openViews(LIB_LEAD).at(-1)?.blocks).includes('target 95%'), 4000, 'the refreshed list');
    const edited = await app.db.prisma.measure.findUniqueOrThrow({ where: { id: m.id } });
    expect(Number(edited.target)).toBe(95);
    expect(edited.isPublic).toBe(false);

    const refreshed = app.fake.openViews(LIB_LEAD).at(-1)!;
    await app.driver.blockAction({ user: LIB_LEAD, viewId: refreshed.id, actionId: 'measure:menu', blockId: `measure_${m.id}`, value: `archive:${m.id}` });
    const confirm = await modalFor(app, LIB_LEAD, 'manage:measure-archive');
    expect(textOf(confirm.blocks)).toContain('The values already reported stay in the history');
    await app.driver.viewSubmission({ viewId: confirm.id });
    expect((await app.db.prisma.measure.findUniqueOrThrow({ where: { id: m.id } })).archivedAt).not.toBeNull();

    const rows = await audits(app, { entityType: 'measure', entityId: String(m.id) });
    expect(rows.map((r) => r.action)).toEqual(['measure.add', 'measure.edit', 'measure.archive']);
    expect(rows.every((r) => r.actor === LIB_LEAD)).toBe(true);

    // The update form no longer asks for the archived measure.
    const objective = await app.db.prisma.objective.findUniqueOrThrow({ where: { id: s.objectiveId } });
    await app.driver.slashCommand({ user: LIB_LEAD, channel: CHANNEL, text: `update ${objective.number}.${s.number}` });
    const form = await app.fake.waitFor(
      () => {
        const top = app.fake.openViews(LIB_LEAD).at(-1);
        return top?.callback_id === 'reap.update' && top.blocks.some((b) => b.block_id === 'narrative') ? top : undefined;
      },
      5000,
      'the update form',
    );
    expect(JSON.parse(form.private_metadata).strategyId).toBe(s.id);
    expect(form.blocks.some((b) => b.block_id === `measure.${m.id}`)).toBe(false);
  });

  it('refuses staff who press a Typed measures button they were never shown, with an audit row', async () => {
    const s = await strategyOf(app, 'LIB');
    // A crafted message carrying the button, as a forged payload would.
    const message = app.fake.workspace.addMessage({
      channel: CHANNEL,
      user: app.fake.bot.userId,
      bot_id: app.fake.bot.botId,
      text: 'Measures',
      blocks: [
        {
          type: 'actions',
          block_id: 'typed_measures',
          elements: [{ type: 'button', action_id: 'measures:open', text: { type: 'plain_text', text: 'Typed measures…' }, value: String(s.id) }],
        },
      ],
      source: 'chat.postMessage',
    });
    await app.driver.blockAction({ user: LIB_STAFF, channel: CHANNEL, messageTs: message.ts, actionId: 'measures:open', value: String(s.id) });
    await modalFor(app, LIB_STAFF, 'manage:info');
    await app.fake.waitFor(() => textOf(app.fake.openViews(LIB_STAFF).at(-1)?.blocks).includes('Only your department'), 4000, 'the refusal');
    const [audit] = await audits(app, { actor: LIB_STAFF, action: 'authz.denied', detail: 'measure.list' });
    expect(audit).toMatchObject({ entityType: 'strategy', entityId: String(s.id) });
  });
});
