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
import { isHttpUrl, charCount } from '../../../../domain/validation.js';
import { todayIn } from '../../../../domain/calendar-dates.js';
import { UPDATE_FIELD_LIMITS, STRATEGY_STATUSES, VISIBILITIES, isLeadDecision } from '../../../../domain/progress-update-input.js';
import type { StrategyStatus } from '../../../../domain/enums.js';
import type { ProgressUpdateView, ReportableStrategy, StrategySummary, UpdateFormDefaults, PersonRef } from '../../../../services/progress-updates.js';
import type { MeasureView, ReportedMeasure } from '../../../../services/measures.js';
import type { Translate } from '../../../i18n/index.js';
import { escapeMrkdwn, truncate } from '../../../ui/mrkdwn.js';
import { periodName } from '../../../ui/period-name.js';
import { mrkdwn, plain } from '../../../ui/blocks.js';
import { limitHint } from '../../../ui/limit-hint.js';
import {
  UPDATE_CALLBACK_ID,
  UPDATE_ACTIONS,
  UPDATE_BLOCKS,
  STATUS_ACTION,
  strategyBlockId,
  statusBlockId,
  MAX_SELECT_OPTIONS,
  MAX_OPTION_TEXT,
  encodeMeta,
  type UpdateModalMeta,
} from './update-ids.js';
import { measureInputs, selectOption } from './measure-inputs.js';
import type { TextField, UpdateFormValues } from './update-form-state.js';

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

function departmentInput(t: Translate, departments: readonly DepartmentChoice[], selectedId: number | null): KnownBlock {
  const options = departments.slice(0, MAX_SELECT_OPTIONS).map((d) => selectOption(`${d.name} (${d.code})`, String(d.id)));
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
  const toOption = (s: ReportableStrategy): PlainTextOption => selectOption(`${s.label} ${s.text}`, String(s.id), describe(s));

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
    (element as { options?: PlainTextOption[] }).options = [selectOption('—', '0')];
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
  const options = choices.map((s) => selectOption(t(`status.${s}`), s));
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
