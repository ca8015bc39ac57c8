// The /reap update modal, as pure functions of what the services returned. One builder
// serves the first open, every refresh (strategy or department picked, a conflict, a
// strategy that changed under the form) and the edit of a stored update, so block_ids and
// action_ids never drift between versions of the view: Slack keeps what the person typed
// only while they stay the same.
//
// The status input is the exception on purpose: its block_id names the strategy (or the
// update) it was built for, so picking another strategy preselects *that* strategy's
// current status instead of carrying over a choice made for a different one.
import type { KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import { z } from 'zod';
import { isHttpUrl, charCount } from '../../../../domain/validation.js';
import { todayIn } from '../../../../domain/calendar-dates.js';
import { UPDATE_FIELD_LIMITS, STRATEGY_STATUSES, VISIBILITIES, isLeadDecision } from '../../../../domain/progress-update-input.js';
import type { StrategyStatus } from '../../../../domain/enums.js';
import type { ProgressUpdateView, ReportableStrategy, StrategySummary, UpdateFormDefaults, PersonRef } from '../../../../services/progress-updates.js';
import type { MeasureEntry, MeasureView, ReportedMeasure } from '../../../../services/measures.js';
import { MAX_FORM_MEASURES, MEASURE_LIMITS, kindBounds } from '../../../../domain/measures.js';
import { measureFacts, measureValueText } from '../../../ui/measure-text.js';
import type { Translate } from '../../../i18n/index.js';
import { escapeMrkdwn, truncate } from '../../../ui/mrkdwn.js';
import { periodName } from '../../../ui/period-name.js';
import { mrkdwn, plain } from '../../../ui/blocks.js';
import { selectedOf, typedOf, type ViewValues } from '../../../view-state.js';
import { limitHint } from '../../../ui/limit-hint.js';
import { MAX_PRIVATE_METADATA, metadataCodec, metadataId, slackRef } from '../../../ui/private-metadata.js';

export const UPDATE_CALLBACK_ID = 'reap.update';
export const UPDATE_LOADING_CALLBACK_ID = 'reap.update.loading';
export const UPDATE_MESSAGE_CALLBACK_ID = 'reap.update.message';

/**
 * The app-wide Update button beside a strategy (/reap plan, status, deadlines, App Home):
 * its value is the strategy id. Must equal UPDATE_ACTION_ID in ui/status-parts.ts.
 */
export const UPDATE_OPEN_ACTION = 'update:open';

export const UPDATE_ACTIONS = {
  strategy: 'update.strategy',
  department: 'update.department',
  /** The Edit button on a confirmation message. */
  edit: 'update.edit',
} as const;

/** block_id of each input; text inputs use the same string as action_id. */
export const UPDATE_BLOCKS = {
  department: 'department',
  strategy: 'strategy',
  narrative: 'narrative',
  measureValues: 'measure_values',
  outputs: 'outputs',
  roadblocks: 'roadblocks',
  helpNeeded: 'help_needed',
  practices: 'practices',
  visibility: 'visibility',
  evidenceUrl: 'evidence_url',
  communitiesReached: 'communities_reached',
  languagesServed: 'languages_served',
  accessibilityNotes: 'accessibility_notes',
} as const;

const STATUS_BLOCK_PREFIX = 'status.';

/** A typed measure's value input and note input: block_id names the measure, action_id is fixed. */
export const MEASURE_VALUE_BLOCK = 'measure.';
export const MEASURE_NOTE_BLOCK = 'measure_note.';
export const MEASURE_VALUE_ACTION = 'value';
export const MEASURE_NOTE_ACTION = 'note';
const measureValueBlock = (id: number) => `${MEASURE_VALUE_BLOCK}${id}`;
const measureNoteBlock = (id: number) => `${MEASURE_NOTE_BLOCK}${id}`;
const STATUS_ACTION = 'status';

/**
 * The strategy select's block_id. For ORSE admins it names the listed department, so a
 * switch of department starts with nothing picked instead of an option no longer offered.
 */
export function strategyBlockId(departmentId: number | null, admin: boolean): string {
  return admin ? `${UPDATE_BLOCKS.strategy}.d${departmentId ?? 0}` : UPDATE_BLOCKS.strategy;
}

const isStrategyBlock = (k: string) => k === UPDATE_BLOCKS.strategy || /^strategy\.d\d+$/.test(k);

/** The status input's block_id: per strategy (new update) or per update (edit). */
export function statusBlockId(target: { strategyId?: number | null; updateId?: number }): string {
  if (target.updateId !== undefined) return `${STATUS_BLOCK_PREFIX}u${target.updateId}`;
  return `${STATUS_BLOCK_PREFIX}${target.strategyId ? `s${target.strategyId}` : 'none'}`;
}

/** Slack's per-select option limit; longer lists are cut, keeping the likeliest choices. */
export const MAX_SELECT_OPTIONS = 100;
/** Slack's option text and description limit. */
export const MAX_OPTION_TEXT = 75;

// ---------- private_metadata ----------

/** What the modal remembers between requests (Slack keeps it; ≤ 3000 characters). */
export interface UpdateModalMeta {
  mode: 'new' | 'edit';
  /** Channel the command came from (fallback for the confirmation). */
  channelId?: string;
  /** Strategy the view was built for, its version then and its latest update's id (new updates). */
  strategyId?: number | null;
  strategyVersion?: number | null;
  lastUpdateId?: number | null;
  /** Department whose strategies are listed (ORSE admins can switch). */
  departmentId?: number | null;
  /** Update being edited and the revision it was loaded at. */
  updateId?: number;
  revision?: number;
  /** The confirmation message to refresh after an edit. */
  confirmationChannel?: string;
  confirmationTs?: string;
  /**
   * Prefilled from a message too long for the narrative ("Report as REAP update"): its
   * length, and whether the message is linked as evidence. Kept here so the notice
   * survives every rebuild of the form.
   */
  prefilledLength?: number;
  linkedAsEvidence?: true;
}

export { MAX_PRIVATE_METADATA };

// Each field is read on its own: one forged or stale value falls back to "not known"
// (an empty new-update form at worst) instead of losing the rest.
const idOrNull = metadataId.nullable().catch(null);
const idOrUnset = metadataId.optional().catch(undefined);
const refOrUnset = slackRef.optional().catch(undefined);

const updateMetaSchema = z.object({
  mode: z.enum(['new', 'edit']).catch('new'),
  channelId: refOrUnset,
  strategyId: idOrNull,
  strategyVersion: idOrNull,
  lastUpdateId: idOrNull,
  departmentId: idOrNull,
  updateId: idOrUnset,
  revision: idOrUnset,
  confirmationChannel: refOrUnset,
  confirmationTs: refOrUnset,
  prefilledLength: z.number().int().positive().optional().catch(undefined),
  linkedAsEvidence: z.literal(true).optional().catch(undefined),
});

const updateMetadata = metadataCodec<typeof updateMetaSchema, UpdateModalMeta>(updateMetaSchema);

/** The modal's private_metadata. Ids and Slack ids only, so it never nears Slack's limit (the codec throws if it did). */
export function encodeMeta(meta: UpdateModalMeta): string {
  return updateMetadata.encode(meta);
}

/** Reads private_metadata defensively: a payload could carry anything; what is not ours reads as a new-update form. */
export function decodeMeta(raw: string | undefined): UpdateModalMeta {
  return updateMetadata.decode(raw) ?? updateMetaSchema.parse({});
}

/** What a rebuilt new-update form keeps of the one it replaces (the rest is rebuilt). */
export function carriedMeta(meta: UpdateModalMeta): Pick<UpdateModalMeta, 'channelId' | 'prefilledLength' | 'linkedAsEvidence'> {
  return {
    channelId: meta.channelId,
    ...(meta.prefilledLength !== undefined ? { prefilledLength: meta.prefilledLength } : {}),
    ...(meta.linkedAsEvidence !== undefined ? { linkedAsEvidence: meta.linkedAsEvidence } : {}),
  };
}

// ---------- reading a submission ----------

export interface UpdateFormValues {
  strategyId: number | null;
  departmentId: number | null;
  status: string | null;
  narrative: string | null;
  measureValues: string | null;
  outputs: string | null;
  roadblocks: string | null;
  helpNeeded: string | null;
  practices: string | null;
  visibility: string | null;
  evidenceUrl: string | null;
  communitiesReached: string | null;
  languagesServed: string | null;
  accessibilityNotes: string | null;
  /** One entry per typed measure shown, its value and note as typed. */
  measures: MeasureEntry[];
}

export type ViewStateValues = ViewValues;

const TEXT_FIELDS = [
  'narrative',
  'measureValues',
  'outputs',
  'roadblocks',
  'helpNeeded',
  'practices',
  'evidenceUrl',
  'communitiesReached',
  'languagesServed',
  'accessibilityNotes',
] as const;
type TextField = (typeof TEXT_FIELDS)[number];

const positiveInt = (v: string | undefined | null): number | null => (v && /^\d{1,9}$/.test(v) && Number(v) > 0 ? Number(v) : null);

/** The values as typed: nothing trimmed, nothing cut (the service decides what is too long). */
export function readFormValues(values: ViewStateValues | undefined): UpdateFormValues {
  const v = values ?? {};
  const { status: statusKey, strategy: strategyKey } = submittedBlocks(v);
  return {
    strategyId: strategyKey ? positiveInt(selectedOf(v, strategyKey)) : null,
    departmentId: positiveInt(selectedOf(v, UPDATE_BLOCKS.department)),
    status: (statusKey && selectedOf(v, statusKey)) || null,
    visibility: selectedOf(v, UPDATE_BLOCKS.visibility),
    ...(Object.fromEntries(TEXT_FIELDS.map((f) => [f, typedOf(v, UPDATE_BLOCKS[f])])) as Record<TextField, string | null>),
    measures: readMeasureEntries(v),
  };
}

/** The typed measures' inputs as submitted (a yes/no measure's select gives "1" or "0"). */
function readMeasureEntries(v: ViewStateValues): MeasureEntry[] {
  const entries = new Map<number, MeasureEntry>();
  const entry = (id: number) => {
    let e = entries.get(id);
    if (!e) entries.set(id, (e = { measureId: id, value: null, note: null }));
    return e;
  };
  for (const [blockId, actions] of Object.entries(v)) {
    const value = /^measure\.(\d{1,9})$/.exec(blockId);
    const note = /^measure_note\.(\d{1,9})$/.exec(blockId);
    if (value?.[1]) {
      const a = actions?.[MEASURE_VALUE_ACTION];
      const typed = a?.selected_option?.value ?? a?.value;
      entry(Number(value[1])).value = typeof typed === 'string' ? typed : null;
    } else if (note?.[1]) {
      const typed = actions?.[MEASURE_NOTE_ACTION]?.value;
      entry(Number(note[1])).note = typeof typed === 'string' ? typed : null;
    }
  }
  return [...entries.values()].filter((e) => e.measureId > 0);
}

/** The block_ids that vary (status per strategy, strategy per department) as submitted. */
export function submittedBlocks(values: ViewStateValues | undefined): { status?: string; strategy?: string } {
  const keys = Object.keys(values ?? {});
  return { status: keys.find((k) => k.startsWith(STATUS_BLOCK_PREFIX)), strategy: keys.find(isStrategyBlock) };
}

/** Maps a service field name to the modal's input block_id. */
export function blockIdForField(field: string, submitted: { status?: string; strategy?: string }, mode: 'new' | 'edit'): string | undefined {
  if (field === 'status') return submitted.status;
  if (field === 'strategyId' || field === 'expectedVersion') return mode === 'new' ? submitted.strategy : undefined;
  if (field === 'strategy' || field === 'department') return undefined;
  const measure = /^measure(Note)?\.(\d+)$/.exec(field);
  if (measure?.[2]) return measure[1] ? measureNoteBlock(Number(measure[2])) : measureValueBlock(Number(measure[2]));
  return (UPDATE_BLOCKS as Record<string, string>)[field];
}

/** Where a message that belongs to no single input goes: the top input of the form. */
export function generalErrorBlock(mode: 'new' | 'edit', submitted: { strategy?: string }): string {
  return mode === 'new' && submitted.strategy ? submitted.strategy : UPDATE_BLOCKS.narrative;
}

// ---------- models ----------

export interface StrategyExtras {
  performanceMeasures: string;
  outputs: string;
  /** The typed measures the form asks a value for (active ones, in order). */
  typed?: readonly MeasureView[];
}

export interface DepartmentChoice {
  id: number;
  code: string;
  name: string;
}

interface CommonModel {
  meta: UpdateModalMeta;
  /** City time zone, for the dates of past updates. */
  timeZone: string;
  /** Values to put back in the inputs (a refresh after a conflict); Slack also keeps typed ones. */
  values?: Partial<UpdateFormValues>;
  /** A warning shown at the top (mrkdwn, already translated). */
  banner?: string;
}

export interface NewUpdateModel extends CommonModel {
  mode: 'new';
  /** Set for ORSE admins: the department select is shown. */
  departments: DepartmentChoice[] | null;
  departmentId: number | null;
  strategies: readonly ReportableStrategy[];
  selected: { defaults: UpdateFormDefaults; extras: StrategyExtras } | null;
}

export interface EditUpdateModel extends CommonModel {
  mode: 'edit';
  update: ProgressUpdateView;
  strategy: StrategySummary;
  extras: StrategyExtras;
  /** What the editor may choose (services decide); the update's own status is always kept. */
  statuses?: readonly string[];
  /** The stored version when the editor lost a race, shown under the banner. */
  theirs?: ProgressUpdateView;
  /** The typed values stored with the update, put back in their inputs. */
  storedMeasures?: readonly ReportedMeasure[];
}

export type UpdateModalModel = NewUpdateModel | EditUpdateModel;

// ---------- builders ----------

export function loadingView(t: Translate): ModalView {
  return {
    type: 'modal',
    callback_id: UPDATE_LOADING_CALLBACK_ID,
    title: plain(t('update.modal.title'), 24),
    close: plain(t('update.modal.close'), 24),
    blocks: [{ type: 'section', block_id: 'loading', text: mrkdwn(t('update.modal.loading')) }],
  };
}

/** A modal that only says something (the form could not be shown after all). */
export function messageView(t: Translate, text: string, title = t('update.modal.title')): ModalView {
  return {
    type: 'modal',
    callback_id: UPDATE_MESSAGE_CALLBACK_ID,
    title: plain(title, 24),
    close: plain(t('update.edit.close'), 24),
    blocks: [{ type: 'section', block_id: 'message', text: mrkdwn(truncate(text, 3000)) }],
  };
}

export function buildUpdateModal(t: Translate, model: UpdateModalModel): ModalView {
  const blocks: KnownBlock[] = [];
  if (model.banner) {
    blocks.push({ type: 'section', block_id: 'banner', text: mrkdwn(truncate(model.banner, 3000)) });
  }
  if (model.mode === 'edit' && model.theirs) {
    blocks.push({
      type: 'context',
      block_id: 'theirs',
      elements: [mrkdwn(truncate(t('update.errors.theirVersion', { narrative: escapeMrkdwn(model.theirs.narrative) }), 3000))],
    });
  }

  let statusBlock: string;
  let currentStatus: string | null;
  let statusChoices: readonly string[] | undefined;
  let defaultVisibility: string;
  let stored: Partial<Record<TextField, string | null>> = {};
  let typedMeasures: readonly MeasureView[] = [];
  let storedMeasures: readonly ReportedMeasure[] = [];

  if (model.mode === 'new') {
    if (model.departments) blocks.push(departmentInput(t, model.departments, model.departmentId));
    const { element, shown, total } = strategySelect(t, model);
    blocks.push({
      type: 'input',
      block_id: strategyBlockId(model.departmentId, model.departments !== null),
      dispatch_action: true,
      label: plain(t('update.modal.strategy'), 2000),
      hint: plain(t('update.modal.strategyHint'), 2000),
      element,
    });
    if (shown < total) {
      blocks.push({ type: 'context', block_id: 'strategy_more', elements: [mrkdwn(t('update.modal.tooMany', { shown, total }))] });
    }
    const selected = model.selected;
    if (selected) blocks.push(...strategyDetails(t, selected.defaults.strategy, selected.extras, model.timeZone, selected.defaults));
    else blocks.push({ type: 'context', block_id: 'strategy_info', elements: [mrkdwn(t('update.modal.pickFirst'))] });
    typedMeasures = selected?.extras.typed ?? [];
    statusBlock = statusBlockId({ strategyId: selected?.defaults.strategy.id ?? null });
    currentStatus = selected?.defaults.defaults.status ?? null;
    statusChoices = selected?.defaults.statuses;
    defaultVisibility = selected?.defaults.defaults.visibility ?? 'INTERNAL';
  } else {
    blocks.push(...strategyDetails(t, model.strategy, model.extras, model.timeZone, null));
    const u = model.update;
    blocks.push({
      type: 'context',
      block_id: 'editing',
      elements: [mrkdwn(t('update.modal.editing', { date: cityDate(u.createdAt, model.timeZone), period: periodName(t, u.periodKey), revision: u.revision }))],
    });
    typedMeasures = model.extras.typed ?? [];
    storedMeasures = model.storedMeasures ?? [];
    statusBlock = statusBlockId({ updateId: u.id });
    currentStatus = u.statusTo;
    statusChoices = model.statuses && !model.statuses.includes(u.statusTo) ? [u.statusTo, ...model.statuses] : model.statuses;
    defaultVisibility = u.visibility;
    stored = {
      narrative: u.narrative,
      measureValues: u.measureValues,
      outputs: u.outputs,
      roadblocks: u.roadblocks,
      helpNeeded: u.helpNeeded,
      practices: u.practices,
      evidenceUrl: u.evidenceUrl,
      communitiesReached: u.communitiesReached,
      languagesServed: u.languagesServed,
      accessibilityNotes: u.accessibilityNotes,
    };
  }

  const values = model.values ?? {};
  const initial = (field: TextField): string | null | undefined => (values[field] !== undefined && values[field] !== null ? values[field] : stored[field]);

  blocks.push(statusInput(t, statusBlock, (values.status as string | null | undefined) ?? currentStatus, statusChoices));
  if (model.meta.prefilledLength !== undefined) {
    const key = model.meta.linkedAsEvidence ? 'shortcut.shortened' : 'shortcut.shortenedNoLink';
    const notice = t(key, { length: model.meta.prefilledLength, limit: UPDATE_FIELD_LIMITS.narrative });
    blocks.push({ type: 'context', block_id: 'shortened', elements: [mrkdwn(truncate(`:scissors: ${notice}`, 3000))] });
  }
  blocks.push(
    textInput(t, 'narrative', { multiline: true, optional: false, initial: initial('narrative'), placeholder: t('update.modal.narrativePlaceholder') }),
  );
  blocks.push(...measureInputs(t, typedMeasures, storedMeasures, values.measures ?? []));
  // The free-text values stay for what the typed measures do not cover: strategies without
  // typed measures, free-text measures beside them, and what an update already holds.
  const extras = model.mode === 'new' ? model.selected?.extras : model.extras;
  if (typedMeasures.length === 0 || (extras?.performanceMeasures ?? '').trim() !== '' || (initial('measureValues') ?? '').trim() !== '') {
    blocks.push(textInput(t, 'measureValues', { multiline: true, initial: initial('measureValues'), hint: t('update.modal.measureValuesHint') }));
  }
  blocks.push(
    textInput(t, 'outputs', { multiline: true, initial: initial('outputs') }),
    textInput(t, 'roadblocks', { multiline: true, initial: initial('roadblocks') }),
    textInput(t, 'helpNeeded', { multiline: true, initial: initial('helpNeeded'), hint: t('update.modal.helpNeededHint') }),
    textInput(t, 'practices', { multiline: true, initial: initial('practices'), hint: t('update.modal.practicesHint') }),
    visibilityInput(t, (values.visibility as string | null | undefined) ?? defaultVisibility),
    evidenceInput(t, initial('evidenceUrl')),
    { type: 'header', block_id: 'equity_header', text: plain(t('update.modal.equityHeader'), 150) },
    textInput(t, 'communitiesReached', { multiline: true, initial: initial('communitiesReached') }),
    textInput(t, 'languagesServed', { multiline: false, initial: initial('languagesServed') }),
    textInput(t, 'accessibilityNotes', { multiline: true, initial: initial('accessibilityNotes'), hint: t('update.modal.accessibilityHint') }),
  );

  return {
    type: 'modal',
    callback_id: UPDATE_CALLBACK_ID,
    title: plain(t(model.mode === 'edit' ? 'update.modal.titleEdit' : 'update.modal.title'), 24),
    submit: plain(t(model.mode === 'edit' ? 'update.modal.submitEdit' : 'update.modal.submit'), 24),
    close: plain(t('update.modal.close'), 24),
    private_metadata: encodeMeta(model.meta),
    blocks,
  };
}

/**
 * One value input and one note input per typed measure, under a header that says what the
 * values are for. At most MAX_FORM_MEASURES (Slack's 100-block limit); the form says so
 * when a strategy has more.
 */
function measureInputs(t: Translate, measures: readonly MeasureView[], stored: readonly ReportedMeasure[], typed: readonly MeasureEntry[]): KnownBlock[] {
  if (measures.length === 0) return [];
  const blocks: KnownBlock[] = [
    { type: 'header', block_id: 'measures_header', text: plain(t('measures.form.header'), 150) },
    { type: 'context', block_id: 'measures_help', elements: [mrkdwn(t('measures.form.help'))] },
  ];
  const shown = measures.slice(0, MAX_FORM_MEASURES);
  for (const m of shown) {
    const kept = typed.find((e) => e.measureId === m.id);
    const before = stored.find((v) => v.measureId === m.id);
    const value = kept?.value ?? (before ? String(before.value) : null);
    const note = kept?.note ?? before?.note ?? null;
    blocks.push(measureValueInput(t, m, value));
    blocks.push({
      type: 'input',
      block_id: measureNoteBlock(m.id),
      optional: true,
      label: plain(t('measures.form.noteLabel', { label: m.label }), 2000),
      hint: plain(limitHint(t, MEASURE_LIMITS.note, t(m.target !== null ? 'measures.form.noteHintTarget' : 'measures.form.noteHint')), 2000),
      element: {
        type: 'plain_text_input',
        action_id: MEASURE_NOTE_ACTION,
        multiline: false,
        max_length: MEASURE_LIMITS.note,
        ...(note && charCount(note) <= MEASURE_LIMITS.note ? { initial_value: note } : {}),
      },
    });
  }
  if (measures.length > shown.length) {
    blocks.push({
      type: 'context',
      block_id: 'measures_more',
      elements: [mrkdwn(t('measures.form.tooMany', { shown: shown.length, total: measures.length }))],
    });
  }
  return blocks;
}

function measureValueInput(t: Translate, m: MeasureView, value: string | null): KnownBlock {
  const label = plain(m.label, 2000);
  const hint = plain(measureFacts(t, m), 2000);
  const base = { type: 'input' as const, block_id: measureValueBlock(m.id), optional: true, label, hint };
  if (m.kind === 'YES_NO') {
    const options = [option(t('measures.yes'), '1'), option(t('measures.no'), '0')];
    const initial = options.find((o) => value !== null && o.value === (value === '1' || value.toLowerCase() === 'yes' ? '1' : value === '0' ? '0' : ''));
    return {
      ...base,
      element: {
        type: 'static_select',
        action_id: MEASURE_VALUE_ACTION,
        placeholder: plain(t('measures.form.choose'), 150),
        options,
        ...(initial ? { initial_option: initial } : {}),
      },
    };
  }
  const { min, max, decimals } = kindBounds(m.kind);
  // Slack refuses an initial value outside the bounds; one that fails here was refused by the service anyway.
  const n = value !== null && value.trim() !== '' ? Number(value) : NaN;
  const initial = Number.isFinite(n) && n >= min && n <= max && /^-?\d+(\.\d+)?$/.test(value!.trim()) ? value!.trim() : undefined;
  return {
    ...base,
    element: {
      type: 'number_input',
      action_id: MEASURE_VALUE_ACTION,
      is_decimal_allowed: decimals > 0,
      min_value: String(min),
      max_value: String(max),
      ...(initial !== undefined ? { initial_value: initial } : {}),
      placeholder: plain(measureValueText(t, m, null), 150),
    },
  } as KnownBlock;
}

function departmentInput(t: Translate, departments: readonly DepartmentChoice[], selectedId: number | null): KnownBlock {
  const options = departments.slice(0, MAX_SELECT_OPTIONS).map((d) => option(`${d.name} (${d.code})`, String(d.id)));
  const initial = options.find((o) => o.value === String(selectedId));
  return {
    type: 'input',
    block_id: UPDATE_BLOCKS.department,
    dispatch_action: true,
    optional: true,
    label: plain(t('update.modal.department'), 2000),
    hint: plain(t('update.modal.departmentHint'), 2000),
    element: { type: 'static_select', action_id: UPDATE_ACTIONS.department, options, ...(initial ? { initial_option: initial } : {}) },
  };
}

function option(text: string, value: string, description?: string): PlainTextOption {
  return {
    text: plain(text.replace(/\s+/g, ' ').trim() || value, MAX_OPTION_TEXT),
    value,
    ...(description ? { description: plain(description, MAX_OPTION_TEXT) } : {}),
  };
}

/**
 * The strategies as options, at most 100. When there are more, the ones most likely wanted
 * stay: the preselected one, the person's own, those not reported this period. Grouped by
 * objective when there are several.
 */
export function strategySelect(
  t: Translate,
  model: Pick<NewUpdateModel, 'strategies' | 'selected' | 'values'>,
): { element: Record<string, unknown> & { type: 'static_select' }; shown: number; total: number } {
  const selectedId = model.selected?.defaults.strategy.id ?? null;
  const all = model.strategies.map((s, index) => ({ s, index }));
  const rank = (x: { s: ReportableStrategy }) => (x.s.id === selectedId ? 0 : 8) + (x.s.ownedByActor ? 0 : 4) + (x.s.reportedThisPeriod ? 2 : 0);
  const kept = [...all]
    .sort((a, b) => rank(a) - rank(b) || a.index - b.index)
    .slice(0, MAX_SELECT_OPTIONS)
    .sort((a, b) => a.index - b.index)
    .map((x) => x.s);

  // A hundred options share a handful of descriptions; translating each once keeps a big
  // department's form cheap to build.
  const descriptions = new Map<string, string>();
  const describe = (s: ReportableStrategy): string => {
    const key = `${s.status}|${s.reportedThisPeriod}|${s.periodKey}|${s.ownedByActor}`;
    let description = descriptions.get(key);
    if (description === undefined) {
      const status = t(`status.${s.status}`);
      description = t(s.reportedThisPeriod ? 'update.modal.optionReported' : 'update.modal.optionNotReported', { status, period: periodName(t, s.periodKey) });
      if (s.ownedByActor) description = `${description} · ${t('update.modal.optionYours')}`;
      descriptions.set(key, description);
    }
    return description;
  };
  const toOption = (s: ReportableStrategy): PlainTextOption => option(`${s.label} ${s.text}`, String(s.id), describe(s));

  const groups = new Map<string, { label: string; options: PlainTextOption[] }>();
  const plans = new Set(kept.map((s) => s.plan.id));
  let initial: PlainTextOption | undefined;
  for (const s of kept) {
    const key = `${s.plan.id}:${s.objective.id}`;
    let group = groups.get(key);
    if (!group) {
      const title = t('update.modal.objectiveGroup', { number: s.objective.number, title: s.objective.title });
      group = { label: truncate((plans.size > 1 ? `${s.plan.key} · ${title}` : title).replace(/\s+/g, ' '), MAX_OPTION_TEXT), options: [] };
      groups.set(key, group);
    }
    const o = toOption(s);
    if (s.id === selectedId) initial = o;
    group.options.push(o);
  }
  const base = { type: 'static_select' as const, action_id: UPDATE_ACTIONS.strategy, placeholder: plain(t('update.modal.strategyPlaceholder'), 150) };
  const element =
    groups.size > 1
      ? { ...base, option_groups: [...groups.values()].map((g) => ({ label: plain(g.label, 75), options: g.options })) }
      : { ...base, options: [...groups.values()].flatMap((g) => g.options) };
  if (kept.length === 0) {
    // Slack refuses a select without options; the command never opens the form then, but a
    // department switch can land on an empty department.
    (element as { options?: PlainTextOption[] }).options = [option('—', '0')];
  }
  return { element: initial ? { ...element, initial_option: initial } : element, shown: kept.length, total: model.strategies.length };
}

function cityDate(at: Date | string, zone: string): string {
  return todayIn(typeof at === 'string' ? new Date(at) : at, zone);
}

const personName = (p: PersonRef | null | undefined) => (p ? escapeMrkdwn(p.name) : '');

function strategyDetails(t: Translate, s: StrategySummary, extras: StrategyExtras, zone: string, defaults: UpdateFormDefaults | null): KnownBlock[] {
  const blocks: KnownBlock[] = [{ type: 'section', block_id: 'strategy_info', text: mrkdwn(truncate(`*${s.label}* ${escapeMrkdwn(s.text)}`, 3000)) }];
  const facts = [
    `${t(`status.${s.status}`)}`,
    s.dueDate ? t('update.modal.due', { date: s.dueDate }) : t('update.modal.noDueDate'),
    s.owner ? t('update.modal.owner', { owner: personName(s.owner) }) : t('update.modal.noOwner'),
  ];
  if (defaults) facts.push(t('update.modal.period', { period: periodName(t, defaults.period.key), start: defaults.period.start, end: defaults.period.end }));
  blocks.push({ type: 'context', block_id: 'strategy_facts', elements: [mrkdwn(truncate(facts.join(' · '), 3000))] });

  const plan: string[] = [];
  if (extras.performanceMeasures.trim()) plan.push(t('update.modal.measures', { measures: escapeMrkdwn(truncate(extras.performanceMeasures, 1200)) }));
  if (extras.outputs.trim()) plan.push(t('update.modal.plannedOutputs', { outputs: escapeMrkdwn(truncate(extras.outputs, 1200)) }));
  if (plan.length) blocks.push({ type: 'context', block_id: 'strategy_measures', elements: plan.map((p) => mrkdwn(truncate(p, 3000))) });

  if (defaults) {
    const notes: string[] = [];
    const last = defaults.lastUpdate;
    notes.push(
      last
        ? t('update.modal.lastUpdate', {
            date: cityDate(last.createdAt, zone),
            author: personName(last.author),
            status: t(`status.${last.statusTo}`),
            narrative: escapeMrkdwn(truncate(last.narrative.replace(/\s+/g, ' '), 400)),
          })
        : t('update.modal.noUpdates'),
    );
    if (defaults.onBehalfOf) notes.push(t('update.modal.onBehalfOf', { owner: personName(defaults.onBehalfOf) }));
    if (defaults.ownUpdateThisPeriod) notes.push(t('update.modal.alreadyReported', { period: periodName(t, defaults.period.key) }));
    blocks.push({ type: 'context', block_id: 'strategy_last', elements: notes.map((n) => mrkdwn(truncate(n, 3000))) });
  }
  return blocks;
}

function statusInput(t: Translate, blockId: string, current: string | null, choices: readonly string[] = STRATEGY_STATUSES): KnownBlock {
  const options = choices.map((s) => option(t(`status.${s}`), s));
  const initial = options.find((o) => o.value === current);
  // Closing and deferring are lead decisions (domain/progress-update-input.ts): say why a choice is missing.
  const hint =
    choices.length === 1 && isLeadDecision(choices[0] as StrategyStatus)
      ? 'kept'
      : !choices.includes('COMPLETED')
        ? 'staff'
        : !choices.includes('DEFERRED')
          ? 'lead'
          : null;
  return {
    type: 'input',
    block_id: blockId,
    label: plain(t('update.modal.status'), 2000),
    ...(hint ? { hint: plain(t(`update.modal.statusHint.${hint}`), 2000) } : {}),
    element: { type: 'static_select', action_id: STATUS_ACTION, options, ...(initial ? { initial_option: initial } : {}) },
  };
}

const LABEL_KEYS: Record<TextField, string> = {
  narrative: 'update.modal.narrative',
  measureValues: 'update.modal.measureValues',
  outputs: 'update.modal.outputs',
  roadblocks: 'update.modal.roadblocks',
  helpNeeded: 'update.modal.helpNeeded',
  practices: 'update.modal.practices',
  evidenceUrl: 'update.modal.evidenceUrl',
  communitiesReached: 'update.modal.communitiesReached',
  languagesServed: 'update.modal.languagesServed',
  accessibilityNotes: 'update.modal.accessibilityNotes',
};

function textInput(
  t: Translate,
  field: Exclude<TextField, 'evidenceUrl'>,
  o: { multiline: boolean; optional?: boolean; initial?: string | null; placeholder?: string; hint?: string },
): KnownBlock {
  const id = UPDATE_BLOCKS[field];
  const limit = UPDATE_FIELD_LIMITS[field];
  // Slack refuses an initial_value longer than max_length; a value that long was refused
  // by the service anyway, and Slack keeps what the person typed.
  const initial = o.initial && charCount(o.initial) <= limit ? o.initial : undefined;
  return {
    type: 'input',
    block_id: id,
    optional: o.optional ?? true,
    label: plain(t(LABEL_KEYS[field]), 2000),
    hint: plain(limitHint(t, limit, o.hint), 2000),
    element: {
      type: 'plain_text_input',
      action_id: id,
      multiline: o.multiline,
      // Slack enforces the service's limit as people type; the service checks again.
      max_length: limit,
      ...(initial !== undefined ? { initial_value: initial } : {}),
      ...(o.placeholder ? { placeholder: plain(o.placeholder, 150) } : {}),
    },
  };
}

function visibilityInput(t: Translate, current: string): KnownBlock {
  const options = VISIBILITIES.map((v) => ({
    text: plain(t(`update.modal.visibilityOptions.${v}`), MAX_OPTION_TEXT),
    value: v,
    description: plain(t(`update.modal.visibilityHelp.${v}`), MAX_OPTION_TEXT),
  }));
  const initial = options.find((o) => o.value === current) ?? options[0];
  return {
    type: 'input',
    block_id: UPDATE_BLOCKS.visibility,
    label: plain(t('update.modal.visibility'), 2000),
    hint: plain(t('update.modal.visibilityWhere'), 2000),
    element: { type: 'radio_buttons', action_id: UPDATE_BLOCKS.visibility, options, ...(initial ? { initial_option: initial } : {}) },
  };
}

function evidenceInput(t: Translate, initial: string | null | undefined): KnownBlock {
  const usable = initial && isHttpUrl(initial) && charCount(initial) <= UPDATE_FIELD_LIMITS.evidenceUrl ? initial : undefined;
  return {
    type: 'input',
    block_id: UPDATE_BLOCKS.evidenceUrl,
    optional: true,
    label: plain(t('update.modal.evidenceUrl'), 2000),
    hint: plain(t('update.modal.evidenceUrlHint'), 2000),
    // url_text_input has no max_length in Block Kit: the service refuses longer links.
    element: {
      type: 'url_text_input',
      action_id: UPDATE_BLOCKS.evidenceUrl,
      ...(usable ? { initial_value: usable } : {}),
      placeholder: plain('https://…', 150),
    },
  };
}
