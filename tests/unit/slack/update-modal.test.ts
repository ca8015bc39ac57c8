// The /reap update modal builder against Slack's rules (validated by the fake's Block Kit
// schema), in every language, with more strategies and longer texts than Slack allows in
// one select; and the parsing of what comes back.
import { describe, expect, it } from 'vitest';
import { expectLimitHints } from './limit-hints.js';
import type { ModalView } from '@slack/types';
import { UPDATE_FIELD_LIMITS } from '../../../src/domain/progress-update-input.js';
import type { ProgressUpdateView, ReportableStrategy, UpdateFormDefaults } from '../../../src/services/progress-updates.js';
import type { MeasureView } from '../../../src/services/measures.js';
import { MAX_FORM_MEASURES } from '../../../src/domain/measures.js';
import { validateView } from '../../../src/sandbox/fake-slack/index.js';
import { LANGUAGES, translator } from '../../../src/slack/i18n/index.js';
import { UPDATE_ACTION_ID } from '../../../src/slack/ui/status-parts.js';
import { MAX_PRIVATE_METADATA, UPDATE_OPEN_ACTION, decodeMeta, encodeMeta } from '../../../src/slack/features/update/ui/update-ids.js';
import type { ViewValues } from '../../../src/slack/view-state.js';
import { blockIdForField, generalErrorBlock, readFormValues, submittedBlocks } from '../../../src/slack/features/update/ui/update-form-state.js';
import { buildUpdateModal, type NewUpdateModel } from '../../../src/slack/features/update/ui/update-modal.js';
import { loadingView, messageView } from '../../../src/slack/features/update/ui/update-message-views.js';

const LONG = 'Expand culturally responsive programming in every branch with partners & <community> groups — '.repeat(30);

function strategy(i: number, over: Partial<ReportableStrategy> = {}): ReportableStrategy {
  const objective = Math.floor(i / 40) + 1;
  const plan = i < 120 ? { id: 1, key: 'LIB-FY2024-2026', title: 'Library REAP' } : { id: 2, key: 'LIB-FY2026-2028', title: 'Library REAP 2' };
  return {
    id: 1000 + i,
    label: `${objective}.${(i % 40) + 1}`,
    text: `${i} ${LONG}`,
    status: (['COMPLETED', 'IN_PROGRESS', 'ONGOING', 'NOT_STARTED', 'DEFERRED'] as const)[i % 5]!,
    version: 3,
    dueDate: '2027-06-30',
    owner: { slackUserId: 'U0LIB03', name: 'Grace <Kim> & co' },
    needsReassignment: false,
    objective: { id: objective, number: objective, title: `Objective title that is rather long and keeps going ${LONG}` },
    plan,
    department: { id: 3, code: 'LIB', name: 'San José Public Library' },
    ownedByActor: i % 7 === 0,
    reportedThisPeriod: i % 3 === 0,
    periodKey: 'FY2027-Q2',
    ...over,
  };
}

const update = (over: Partial<ProgressUpdateView> = {}): ProgressUpdateView => ({
  id: 77,
  strategyId: 1005,
  periodKey: 'FY2027-Q2',
  periodStart: '2026-10-01',
  periodEnd: '2026-12-31',
  statusFrom: 'NOT_STARTED',
  statusTo: 'IN_PROGRESS',
  narrative: 'n'.repeat(UPDATE_FIELD_LIMITS.narrative),
  measureValues: 'm'.repeat(UPDATE_FIELD_LIMITS.measureValues),
  outputs: 'o',
  roadblocks: 'r',
  helpNeeded: 'h',
  practices: 'p',
  visibility: 'REDI',
  evidenceUrl: 'https://example.org/evidence',
  communitiesReached: 'c',
  languagesServed: 'l',
  accessibilityNotes: 'a',
  authorId: 1,
  onBehalfOfId: null,
  revision: 4,
  createdAt: new Date('2026-11-02T18:00:00Z'),
  editedAt: null,
  channelPost: null,
  ...over,
});

function defaults(s: ReportableStrategy): UpdateFormDefaults {
  return {
    strategy: s,
    measures: { performanceMeasures: '% of participants who rate the sessions as good or better', outputs: 'Sessions held', typed: [] },
    period: { key: 'FY2027-Q2', fiscalYearEnd: 2027, cadence: 'QUARTERLY', index: 2, start: '2026-10-01', end: '2026-12-31' },
    defaults: { status: s.status, visibility: 'REDI' },
    lastUpdate: { ...update({ narrative: LONG }), author: { slackUserId: 'U0LIB02', name: 'Minh Nguyen' } },
    ownUpdateThisPeriod: { id: 9, revision: 1 },
    onBehalfOf: { slackUserId: 'U0LIB02', name: 'Minh Nguyen' },
    limits: UPDATE_FIELD_LIMITS,
    statuses: ['COMPLETED', 'IN_PROGRESS', 'ONGOING', 'NOT_STARTED', 'DEFERRED'],
    visibilities: ['INTERNAL', 'REDI', 'PUBLIC'],
    canManage: false,
  } as UpdateFormDefaults;
}

const departments = Array.from({ length: 11 }, (_, i) => ({
  id: i + 1,
  code: `D${i}`,
  name: `Department of Very Long Names Number ${i} ${LONG}`.slice(0, 200),
}));

function bigModel(selectedIndex = 149): NewUpdateModel {
  const strategies = Array.from({ length: 150 }, (_, i) => strategy(i));
  const selected = strategies[selectedIndex]!;
  return {
    mode: 'new',
    meta: { mode: 'new', channelId: 'C0GENERAL', strategyId: selected.id, strategyVersion: selected.version, lastUpdateId: 12, departmentId: 3 },
    timeZone: 'America/Los_Angeles',
    departments,
    departmentId: 3,
    strategies,
    selected: { defaults: defaults(selected), extras: { performanceMeasures: LONG, outputs: LONG } },
    banner: `:warning: ${LONG}`,
  };
}

type Select = {
  options?: { text: { text: string }; value: string; description?: { text: string } }[];
  option_groups?: { label: { text: string }; options: { text: { text: string }; value: string }[] }[];
  initial_option?: { value: string };
};
const inputs = (v: ModalView) =>
  v.blocks.filter((b) => b.type === 'input') as unknown as { block_id: string; element: Select & { type: string; max_length?: number } }[];
const allOptions = (s: Select) => [...(s.options ?? []), ...(s.option_groups ?? []).flatMap((g) => g.options)];

function expectValid(view: unknown): void {
  expectLimitHints(view);
  const result = validateView(view, ['modal']);
  expect(result.errors, JSON.stringify(result.errors.slice(0, 3))).toEqual([]);
  expect(result.error).toBeUndefined();
}

describe('the update modal', () => {
  for (const lang of LANGUAGES) {
    const t = translator(lang);

    it(`stays within Slack's limits with 150 strategies and long texts (${lang})`, () => {
      const view = buildUpdateModal(t, bigModel());
      expectValid(view);
      expect(view.blocks.length).toBeLessThanOrEqual(100);
      const select = inputs(view).find((b) => b.block_id === 'strategy.d3')!.element;
      const options = allOptions(select);
      expect(options.length).toBe(100);
      for (const o of options) expect(Array.from(o.text.text).length).toBeLessThanOrEqual(75);
      for (const g of select.option_groups ?? []) expect(Array.from(g.label.text).length).toBeLessThanOrEqual(75);
      // The preselected one (last of 150) and every one the person owns are kept.
      expect(select.initial_option?.value).toBe('1149');
      const kept = new Set(options.map((o) => Number(o.value)));
      for (let i = 0; i < 150; i += 7) expect(kept.has(1000 + i)).toBe(true);
      expect(JSON.stringify(view.blocks)).toContain('100');
      expect(Array.from(view.title.text).length).toBeLessThanOrEqual(24);
    });

    it(`sets max_length on every text input to the service's limits (${lang})`, () => {
      const view = buildUpdateModal(t, bigModel());
      const max = Object.fromEntries(
        inputs(view)
          .filter((b) => b.element.type === 'plain_text_input')
          .map((b) => [b.block_id, b.element.max_length]),
      );
      expect(max).toEqual({
        narrative: UPDATE_FIELD_LIMITS.narrative,
        measure_values: UPDATE_FIELD_LIMITS.measureValues,
        outputs: UPDATE_FIELD_LIMITS.outputs,
        roadblocks: UPDATE_FIELD_LIMITS.roadblocks,
        help_needed: UPDATE_FIELD_LIMITS.helpNeeded,
        practices: UPDATE_FIELD_LIMITS.practices,
        communities_reached: UPDATE_FIELD_LIMITS.communitiesReached,
        languages_served: UPDATE_FIELD_LIMITS.languagesServed,
        accessibility_notes: UPDATE_FIELD_LIMITS.accessibilityNotes,
      });
      const visibility = inputs(view).find((b) => b.block_id === 'visibility')!.element;
      expect(visibility.type).toBe('radio_buttons');
      expect(visibility.options!.map((o) => o.value)).toEqual(['INTERNAL', 'REDI', 'PUBLIC']);
      for (const o of visibility.options!) expect(o.description?.text.length).toBeGreaterThan(10);
      const status = inputs(view).find((b) => b.block_id.startsWith('status.'))!;
      expect(status.block_id).toBe('status.s1149');
      expect(status.element.options!.map((o) => o.text.text)).toEqual(
        ['COMPLETED', 'IN_PROGRESS', 'ONGOING', 'NOT_STARTED', 'DEFERRED'].map((s) => t(`status.${s}`)),
      );
    });

    it(`builds the edit form prefilled, the loading view and a message view (${lang})`, () => {
      const s = strategy(5);
      const edit = buildUpdateModal(t, {
        mode: 'edit',
        meta: { mode: 'edit', updateId: 77, revision: 4, channelId: 'D0X', confirmationChannel: 'D0X', confirmationTs: '1700000000.000100' },
        timeZone: 'America/Los_Angeles',
        update: update(),
        strategy: s,
        extras: { performanceMeasures: '', outputs: '' },
        theirs: update({ narrative: LONG }),
        banner: t('update.errors.editConflict', { who: 'Priya' }),
      });
      expectValid(edit);
      const narrative = inputs(edit).find((b) => b.block_id === 'narrative')!.element as { initial_value?: string };
      expect(narrative.initial_value).toBe('n'.repeat(3000));
      expect(inputs(edit).some((b) => b.block_id.startsWith('strategy'))).toBe(false);
      expectValid(loadingView(t));
      expectValid(messageView(t, LONG.repeat(5)));
    });
  }

  it('lists a small department as plain options, nothing preselected, status without a choice', () => {
    const t = translator('en');
    const strategies = [strategy(0), strategy(1)];
    const view = buildUpdateModal(t, { mode: 'new', meta: { mode: 'new' }, timeZone: 'UTC', departments: null, departmentId: 3, strategies, selected: null });
    expectValid(view);
    const select = inputs(view).find((b) => b.block_id === 'strategy')!.element;
    expect(select.options?.map((o) => o.value)).toEqual(['1000', '1001']);
    expect(select.initial_option).toBeUndefined();
    expect(inputs(view).find((b) => b.block_id === 'status.none')!.element.initial_option).toBeUndefined();
  });

  it('does not put back a value Slack would refuse as initial_value', () => {
    const t = translator('en');
    const view = buildUpdateModal(t, {
      ...bigModel(),
      values: { narrative: 'x'.repeat(10_000), evidenceUrl: 'javascript:alert(1)', outputs: 'kept' },
    });
    expectValid(view);
    const el = (id: string) => inputs(view).find((b) => b.block_id === id)!.element as { initial_value?: string };
    expect(el('narrative').initial_value).toBeUndefined();
    expect(el('evidence_url').initial_value).toBeUndefined();
    expect(el('outputs').initial_value).toBe('kept');
  });

  it('serves the app-wide Update button contract', () => {
    expect(UPDATE_OPEN_ACTION).toBe(UPDATE_ACTION_ID);
  });
});

describe('reading a submission', () => {
  const state: ViewValues = {
    'strategy.d3': { 'update.strategy': { type: 'static_select', selected_option: { value: '42' } } },
    department: { 'update.department': { type: 'static_select', selected_option: { value: '3' } } },
    'status.s42': { status: { type: 'static_select', selected_option: { value: 'ONGOING' } } },
    narrative: { narrative: { type: 'plain_text_input', value: '  spaces kept 📚 \n' } },
    visibility: { visibility: { type: 'radio_buttons', selected_option: { value: 'REDI' } } },
    evidence_url: { evidence_url: { type: 'url_text_input', value: null } },
    languages_served: { languages_served: { type: 'plain_text_input', value: 'Tiếng Việt' } },
    'measure.7': { value: { type: 'number_input', value: '92.5' } },
    'measure_note.7': { note: { type: 'plain_text_input', value: 'Two branches closed' } },
    'measure.8': { value: { type: 'static_select', selected_option: { value: '1' } } },
    'measure.9': { value: { type: 'number_input', value: null } },
  };

  it('takes every value as typed and finds the blocks whose ids vary', () => {
    expect(readFormValues(state)).toEqual({
      strategyId: 42,
      departmentId: 3,
      status: 'ONGOING',
      narrative: '  spaces kept 📚 \n',
      measureValues: null,
      outputs: null,
      roadblocks: null,
      helpNeeded: null,
      practices: null,
      visibility: 'REDI',
      evidenceUrl: null,
      communitiesReached: null,
      languagesServed: 'Tiếng Việt',
      accessibilityNotes: null,
      measures: [
        { measureId: 7, value: '92.5', note: 'Two branches closed' },
        { measureId: 8, value: '1', note: null },
        { measureId: 9, value: null, note: null },
      ],
    });
    expect(submittedBlocks(state)).toEqual({ status: 'status.s42', strategy: 'strategy.d3' });
    expect(readFormValues(undefined).strategyId).toBeNull();
    expect(readFormValues({ strategy: { 'update.strategy': { selected_option: { value: '-1' } } } }).strategyId).toBeNull();
  });

  it('maps service fields to the inputs they belong to', () => {
    const submitted = submittedBlocks(state);
    expect(blockIdForField('status', submitted, 'new')).toBe('status.s42');
    expect(blockIdForField('strategyId', submitted, 'new')).toBe('strategy.d3');
    expect(blockIdForField('strategyId', submitted, 'edit')).toBeUndefined();
    expect(blockIdForField('helpNeeded', submitted, 'new')).toBe('help_needed');
    expect(blockIdForField('idempotencyKey', submitted, 'new')).toBeUndefined();
    // A typed measure's problems go under its value or its note.
    expect(blockIdForField('measure.7', submitted, 'new')).toBe('measure.7');
    expect(blockIdForField('measureNote.7', submitted, 'edit')).toBe('measure_note.7');
    expect(generalErrorBlock('new', submitted)).toBe('strategy.d3');
    expect(generalErrorBlock('edit', submitted)).toBe('narrative');
  });

  it('reads private_metadata defensively and keeps it small', () => {
    expect(decodeMeta(undefined)).toMatchObject({ mode: 'new', strategyId: null });
    expect(decodeMeta('not json')).toMatchObject({ mode: 'new' });
    expect(decodeMeta('[1,2]')).toMatchObject({ mode: 'new' });
    expect(decodeMeta(JSON.stringify({ mode: 'edit', updateId: 5, revision: 2, strategyId: -3, channelId: '<script>' }))).toMatchObject({
      mode: 'edit',
      updateId: 5,
      revision: 2,
      strategyId: null,
      channelId: undefined,
    });
    const full = encodeMeta({
      mode: 'edit',
      channelId: 'C0123456789',
      strategyId: 999999999,
      strategyVersion: 999999999,
      lastUpdateId: 999999999,
      departmentId: 999999999,
      updateId: 999999999,
      revision: 999999999,
      confirmationChannel: 'D0123456789',
      confirmationTs: '1700000000.123456',
    });
    expect(full.length).toBeLessThan(MAX_PRIVATE_METADATA / 10);
  });
});

describe('the update modal with typed measures', () => {
  const kinds = ['PERCENT', 'COUNT', 'CURRENCY', 'RATING', 'YES_NO'] as const;
  const measure = (i: number): MeasureView => ({
    id: 500 + i,
    strategyId: 1149,
    position: i + 1,
    label: `Measure ${i + 1}: ${LONG}`.slice(0, 200),
    kind: kinds[i % kinds.length]!,
    unit: i % kinds.length === 1 ? 'trainings' : '',
    baseline: null,
    target: i % 2 === 0 ? 10 : null,
    direction: 'INCREASE',
    dataSource: 'Learning management system',
    splitBy: ['RACE_ETHNICITY', 'LANGUAGE', 'DISABILITY', 'GENDER'],
    isPublic: true,
    archived: false,
  });
  const withMeasures = (n: number): NewUpdateModel => {
    const model = bigModel();
    return {
      ...model,
      selected: { ...model.selected!, extras: { performanceMeasures: '', outputs: LONG, typed: Array.from({ length: n }, (_, i) => measure(i)) } },
    };
  };

  for (const lang of LANGUAGES) {
    const t = translator(lang);
    it(`caps 40 measures at ${MAX_FORM_MEASURES} within Slack's 100 blocks and says so (${lang})`, () => {
      const view = buildUpdateModal(t, withMeasures(40));
      expectValid(view);
      expect(view.blocks.length).toBeLessThanOrEqual(100);
      const valueInputs = inputs(view).filter((b) => /^measure\.\d+$/.test(b.block_id));
      expect(valueInputs.length).toBe(MAX_FORM_MEASURES);
      expect(inputs(view).filter((b) => b.block_id.startsWith('measure_note.')).length).toBe(MAX_FORM_MEASURES);
      const more = view.blocks.find((b) => b.block_id === 'measures_more') as { elements: { text: string }[] };
      expect(more.elements[0]!.text).toContain('40');
      // Strategies with typed measures and no free-text ones are not asked for free-text values.
      expect(inputs(view).some((b) => b.block_id === 'measure_values')).toBe(false);
    });
  }

  it('fits each kind with the right input and bounds', () => {
    const view = buildUpdateModal(translator('en'), withMeasures(5));
    const byId = Object.fromEntries(inputs(view).map((b) => [b.block_id, b.element as unknown as Record<string, unknown>]));
    expect(byId['measure.500']).toMatchObject({ type: 'number_input', is_decimal_allowed: true, min_value: '0', max_value: '100' });
    expect(byId['measure.501']).toMatchObject({ type: 'number_input', is_decimal_allowed: false, min_value: '0' });
    expect(byId['measure.502']).toMatchObject({ type: 'number_input', is_decimal_allowed: true, min_value: '0' });
    expect(byId['measure.503']).toMatchObject({ type: 'number_input', is_decimal_allowed: true, min_value: '1', max_value: '5' });
    expect(byId['measure.504']).toMatchObject({ type: 'static_select' });
  });

  it('keeps the free-text values field beside typed measures when the strategy also has free-text measures', () => {
    const model = withMeasures(2);
    const view = buildUpdateModal(translator('en'), {
      ...model,
      selected: { ...model.selected!, extras: { ...model.selected!.extras, performanceMeasures: 'Sessions rated good' } },
    });
    expect(inputs(view).some((b) => b.block_id === 'measure_values')).toBe(true);
  });
});
