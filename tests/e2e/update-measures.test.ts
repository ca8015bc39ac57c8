// /reap update for a strategy with typed performance measures: the form asks for each
// measure's value with an input that fits its kind, refuses what the kind cannot be and a
// value off target without a note (under the right input, in the person's language), stores
// the values with the update exactly once, shows them in the confirmation and the channel
// post, and an edit changes them while the revision keeps the old ones. Slack retrying the
// submission is in update-http.test.ts.
import type { ViewOutput } from '@slack/bolt';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startListenerApp, type ListenerApp } from '../support/listener-app.js';
import { strategyIdsByLabel } from '../support/test-app.js';
import { addTypedMeasures, CHANNEL, GRACE, LIB_CHANNEL, MINH, NOW, measuresSubmission, openUpdateForm } from './update-support.js';

describe('/reap update with typed measures', () => {
  let app: ListenerApp;
  let ids: Record<string, number>;
  let trained: number;
  let sessions: number;
  let adopted: number;
  let strategyId: number;

  beforeAll(async () => {
    app = await startListenerApp({ now: () => NOW });
    ids = await strategyIdsByLabel(app, 'LIB-FY2024-2026');
    strategyId = ids['1.2']!;
    ({ trained, sessions, adopted } = await addTypedMeasures(app, strategyId));
  });
  afterAll(async () => {
    await app?.stop();
  });
  afterEach(() => {
    for (const u of [GRACE, MINH]) app.fake.workspace.clearModals(u);
    app.driver.assertNoViolations();
  });

  const openUpdate = (user: string, text: string) => openUpdateForm(app, user, text);

  const element = (view: ViewOutput, blockId: string) =>
    view.blocks.find((b) => b.block_id === blockId) as { element?: Record<string, unknown>; label?: { text: string }; hint?: { text: string } } | undefined;

  it('asks for each measure with an input that fits its kind', async () => {
    const view = await openUpdate(GRACE, '1.2');
    expect(view.blocks.find((b) => b.block_id === 'measures_header')).toBeDefined();
    const percent = element(view, `measure.${trained}`)!;
    expect(percent.label?.text).toBe('Branch staff trained');
    expect(percent.element).toMatchObject({ type: 'number_input', is_decimal_allowed: true, min_value: '0', max_value: '100' });
    expect(percent.hint?.text).toBe('Percent · target 90% (higher is better) · source: Training roster · can be split by language');
    expect(element(view, `measure.${sessions}`)!.element).toMatchObject({ type: 'number_input', is_decimal_allowed: false, min_value: '0' });
    const yesNo = element(view, `measure.${adopted}`)!.element as { type: string; options: { text: { text: string }; value: string }[] };
    expect(yesNo.type).toBe('static_select');
    expect(yesNo.options.map((o) => [o.text.text, o.value])).toEqual([
      ['Yes', '1'],
      ['No', '0'],
    ]);
    expect(element(view, `measure_note.${trained}`)!.label?.text).toBe('Note on “Branch staff trained”');
  });

  it('refuses a value off target without a note, and a percentage over 100, under their inputs', async () => {
    const view = await openUpdate(GRACE, '1.2');
    const before = await app.db.prisma.progressUpdate.count({ where: { strategyId } });
    // Slack's number input would stop 120 in the browser; a forged payload still gets a clear answer.
    app.fake.workspace.view(view.id)!.state[`measure.${trained}`] = { value: { type: 'number_input', value: '120' } };
    const sub = await app.driver.viewSubmission({ viewId: view.id, values: { narrative: 'Two sessions at Biblioteca.', [`measure.${sessions}`]: '8' } });
    expect(sub.ack.action).toBe('errors');
    const errors = (sub.ack as { errors: Record<string, string> }).errors;
    expect(errors[`measure.${trained}`]).toBe('Please enter a percentage from 0 to 100 (at most 2 decimals).');
    expect(errors[`measure_note.${sessions}`]).toBe('This is off the target of 12 sessions. Please add a note saying why.');
    // The form stays open with what was typed; nothing was stored.
    expect(app.fake.openViews(GRACE).at(-1)?.id).toBe(view.id);
    expect(app.fake.view(view.id)!.state.values.narrative!.narrative!.value).toBe('Two sessions at Biblioteca.');
    expect(await app.db.prisma.progressUpdate.count({ where: { strategyId } })).toBe(before);
    expect(await app.db.prisma.measureValue.count()).toBe(0);
  });

  it('says what is missing in the person’s language', async () => {
    const view = await openUpdate(MINH, '1.2');
    const sub = await app.driver.viewSubmission({ viewId: view.id, values: { narrative: 'Hai buổi tại Biblioteca.', [`measure.${sessions}`]: '8' } });
    expect((sub.ack as { errors: Record<string, string> }).errors[`measure_note.${sessions}`]).toBe(
      'Giá trị này chưa đạt mục tiêu 12 sessions. Vui lòng thêm ghi chú giải thích lý do.',
    );
  });

  it('stores the values with the update once and shows them', async () => {
    const view = await openUpdate(GRACE, '1.2');
    const dm = app.fake.dmChannelId(GRACE);
    const channelBefore = app.fake.messages(LIB_CHANNEL).length;
    const before = await app.db.prisma.progressUpdate.count({ where: { strategyId } });
    const first = await app.driver.viewSubmission({
      viewId: view.id,
      values: measuresSubmission({ trained, sessions, adopted }),
    });
    expect(first.ack).toEqual({ action: 'close' });

    const update = await app.db.prisma.progressUpdate.findFirstOrThrow({ where: { strategyId }, orderBy: { id: 'desc' }, include: { values: true } });
    expect(await app.db.prisma.progressUpdate.count({ where: { strategyId } })).toBe(before + 1);
    expect(await app.db.prisma.measureValue.count()).toBe(3);
    expect(update.values.map((v) => [v.measureId, Number(v.value), v.note]).sort((a, b) => Number(a[0]) - Number(b[0]))).toEqual([
      [trained, 92.5, null],
      [sessions, 8, 'Alum Rock closed for repairs in October.'],
      [adopted, 1, null],
    ]);

    const confirmation = await app.fake.waitFor(
      () => app.fake.messages(dm).find((m) => JSON.stringify(m.blocks).includes('Eight bilingual sessions')),
      5000,
      'the confirmation',
    );
    const text = JSON.stringify(confirmation.blocks);
    expect(text).toContain('*Branch staff trained:* 92.5% · on target (90%)');
    expect(text).toContain('*Bilingual sessions held:* 8 sessions · :warning: off target (12 sessions)');
    expect(text).toContain('Alum Rock closed for repairs in October.');
    expect(text).toContain('*Language access policy adopted:* Yes · on target (Yes)');
    const post = await app.fake.waitFor(
      () => (app.fake.messages(LIB_CHANNEL).length > channelBefore ? app.fake.messages(LIB_CHANNEL).at(-1) : undefined),
      5000,
      'the channel post',
    );
    expect(JSON.stringify(post.blocks)).toContain('*Bilingual sessions held:* 8 sessions');
    const audit = await app.db.prisma.auditLog.findFirstOrThrow({ where: { action: 'progress.submit', entityId: String(update.id) } });
    expect((audit.after as { typedValues: unknown[] }).typedValues).toHaveLength(3);
  });

  it('edits the values from the Edit button; the revision keeps the old ones', async () => {
    const dm = app.fake.dmChannelId(GRACE);
    const confirmation = app.fake.messages(dm).find((m) => JSON.stringify(m.blocks).includes('Eight bilingual sessions'))!;
    const update = await app.db.prisma.progressUpdate.findFirstOrThrow({ where: { strategyId }, orderBy: { id: 'desc' } });
    await app.driver.blockAction({ user: GRACE, channel: dm, messageTs: confirmation.ts, actionId: 'update.edit' });
    const view = await app.driver.waitForModal(GRACE, 5000, 'reap.update');
    await app.fake.waitFor(() => app.fake.view(view.id)?.blocks.some((b) => b.block_id === `measure.${sessions}`), 5000, 'the edit form');
    const form = app.fake.view(view.id)!;
    expect(form.state.values[`measure.${sessions}`]!.value!.value).toBe('8');
    expect(form.state.values[`measure_note.${sessions}`]!.note!.value).toBe('Alum Rock closed for repairs in October.');
    expect(form.state.values[`measure.${adopted}`]!.value!.selected_option?.value).toBe('1');

    // The sessions figure is corrected to 12, the note cleared, the training figure left out.
    const sub = await app.driver.viewSubmission({
      viewId: view.id,
      values: { [`measure.${sessions}`]: '12', [`measure_note.${sessions}`]: '', [`measure.${trained}`]: '' },
    });
    expect(sub.ack).toEqual({ action: 'close' });
    const after = await app.db.prisma.progressUpdate.findUniqueOrThrow({
      where: { id: update.id },
      include: { values: { orderBy: { measureId: 'asc' } }, revisions: true },
    });
    expect(after.revision).toBe(2);
    expect(after.values.map((v) => [v.measureId, Number(v.value), v.note])).toEqual([
      [sessions, 12, null],
      [adopted, 1, null],
    ]);
    const snapshot = after.revisions[0]!.snapshot as { typedValues: { measureId: number; value: number; note: string | null }[] };
    expect(snapshot.typedValues).toEqual([
      { measureId: trained, value: 92.5, note: null },
      { measureId: sessions, value: 8, note: 'Alum Rock closed for repairs in October.' },
      { measureId: adopted, value: 1, note: null },
    ]);
    await app.fake.waitFor(
      () =>
        JSON.stringify(app.fake.messages(dm).find((m) => m.ts === confirmation.ts)?.blocks).includes(
          '*Bilingual sessions held:* 12 sessions · on target (12 sessions)',
        ),
      5000,
      'the refreshed confirmation',
    );
  });

  it('shows each measure’s latest value against its target on the /reap plan page', async () => {
    const before = app.fake.ephemerals(GRACE).length;
    await app.driver.slashCommand({ user: GRACE, channel: CHANNEL, text: 'plan' });
    const page = await app.fake.waitFor(
      () => (app.fake.ephemerals(GRACE).length > before ? app.fake.ephemerals(GRACE).at(-1) : undefined),
      5000,
      'the plan page',
    );
    const text = JSON.stringify(page.blocks);
    // The edit corrected the sessions to 12 and left the training figure out.
    expect(text).toContain(
      '*Measures:* Branch staff trained not reported yet · Bilingual sessions held latest 12 sessions (FY 2026-27 Q2, on target (12 sessions)) · Language access policy adopted latest Yes (FY 2026-27 Q2, on target (Yes))',
    );
  });
});
