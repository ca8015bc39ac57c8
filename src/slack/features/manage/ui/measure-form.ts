// Typed measures of a strategy, from its Manage menu: the "Measures" modal lists the active
// ones (each with Edit and Archive) above a form to add one; Edit and Archive push a small
// form on top. Block ids are the service's field names (services/measures.ts), so a
// problem shows under the input it is about.
import type { KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import { EQUITY_GROUPS, MEASURE_DIRECTIONS, MEASURE_KINDS, MEASURE_LIMITS } from '../../../../domain/measures.js';
import type { MeasureView } from '../../../../services/measures.js';
import type { Translate } from '../../../i18n/index.js';
import { limitHint } from '../../../ui/limit-hint.js';
import { z } from 'zod';
import { strategyHeaderBlocks, type StrategyHeader } from './manage-modals.js';
import { context, mrkdwnSection, option, plain } from '../../../ui/blocks.js';
import { metadataCodec, metadataId } from '../../../ui/private-metadata.js';
import { measureFacts } from '../../../ui/measure-text.js';
import { escapeMrkdwn, truncate } from '../../../ui/mrkdwn.js';

export const MEASURE_CALLBACKS = {
  list: 'manage:measures',
  edit: 'manage:measure-edit',
  archive: 'manage:measure-archive',
} as const;

/** The Measures modal's private_metadata: whose measures it lists (and adds to). */
export const measuresMetadata = metadataCodec(z.object({ strategyId: metadataId }));
/** The Edit and Archive forms' private_metadata: the measure (and its strategy). */
export const measureMetadata = metadataCodec(z.object({ strategyId: metadataId, measureId: metadataId }));

/** The overflow beside each listed measure: `edit:<measureId>` or `archive:<measureId>`. */
export const MEASURE_MENU_ACTION_ID = 'measure:menu';

export const MEASURE_BLOCKS = {
  label: 'label',
  kind: 'kind',
  unit: 'unit',
  baseline: 'baseline',
  target: 'target',
  direction: 'direction',
  dataSource: 'dataSource',
  splitBy: 'splitBy',
  isPublic: 'isPublic',
} as const;

/** Each listed measure is one block; this many keep the list and the add form below 100 blocks. */
export const MAX_LISTED_MEASURES = 60;

export interface MeasuresData extends StrategyHeader {
  strategyId: number;
  measures: readonly MeasureView[];
  /** Shown at the top after an action (a measure added, edited or archived). */
  notice?: string;
}

export function parseMeasureMenuValue(value: unknown): { op: 'edit' | 'archive'; measureId: number } | null {
  if (typeof value !== 'string') return null;
  const m = /^(edit|archive):([1-9][0-9]{0,9})$/.exec(value);
  if (!m) return null;
  const measureId = Number(m[2]);
  return Number.isSafeInteger(measureId) && measureId <= 2_147_483_647 ? { op: m[1] as 'edit' | 'archive', measureId } : null;
}

const figureText = (m: Pick<MeasureView, 'kind'>, n: number | null): string => (n === null ? '' : m.kind === 'YES_NO' ? (n >= 1 ? 'yes' : 'no') : String(n));

/** The inputs of a measure; `suffix` on the action_ids empties the add form after a save. */
function measureFields(t: Translate, initial: MeasureView | null, suffix: string): KnownBlock[] {
  const text = (blockId: string, label: string, limit: number, value: string, o: { optional?: boolean; hint?: string } = {}): KnownBlock => ({
    type: 'input',
    block_id: blockId,
    optional: o.optional ?? true,
    label: plain(label, 2000),
    hint: plain(limitHint(t, limit, o.hint), 2000),
    element: { type: 'plain_text_input', action_id: `value${suffix}`, max_length: limit, ...(value ? { initial_value: value } : {}) },
  });
  const select = (blockId: string, label: string, options: PlainTextOption[], value: string): KnownBlock => ({
    type: 'input',
    block_id: blockId,
    label: plain(label, 2000),
    element: { type: 'static_select', action_id: `value${suffix}`, options, initial_option: options.find((o) => o.value === value) ?? options[0]! },
  });
  const kinds = MEASURE_KINDS.map((k) => option(t(`measures.kinds.${k}`), k));
  const directions = MEASURE_DIRECTIONS.map((d) => option(t(`measures.directions.${d}`), d));
  const groups = EQUITY_GROUPS.map((g) => option(t(`measures.groups.${g}`), g));
  const publicOption = option(t('measures.manage.fields.isPublicOption'), 'yes');
  const chosenGroups = groups.filter((g) => initial?.splitBy.includes(g.value as (typeof EQUITY_GROUPS)[number]));
  return [
    text(MEASURE_BLOCKS.label, t('measures.manage.fields.label'), MEASURE_LIMITS.label, initial?.label ?? '', {
      optional: false,
      hint: t('measures.manage.fields.labelHint'),
    }),
    select(MEASURE_BLOCKS.kind, t('measures.manage.fields.kind'), kinds, initial?.kind ?? 'COUNT'),
    text(MEASURE_BLOCKS.unit, t('measures.manage.fields.unit'), MEASURE_LIMITS.unit, initial?.unit ?? '', { hint: t('measures.manage.fields.unitHint') }),
    text(MEASURE_BLOCKS.baseline, t('measures.manage.fields.baseline'), 20, initial ? figureText(initial, initial.baseline) : '', {
      hint: t('measures.manage.fields.figureHint'),
    }),
    text(MEASURE_BLOCKS.target, t('measures.manage.fields.target'), 20, initial ? figureText(initial, initial.target) : '', {
      hint: t('measures.manage.fields.figureHint'),
    }),
    select(MEASURE_BLOCKS.direction, t('measures.manage.fields.direction'), directions, initial?.direction ?? 'INCREASE'),
    text(MEASURE_BLOCKS.dataSource, t('measures.manage.fields.dataSource'), MEASURE_LIMITS.dataSource, initial?.dataSource ?? '', {
      hint: t('measures.manage.fields.dataSourceHint'),
    }),
    {
      type: 'input',
      block_id: MEASURE_BLOCKS.splitBy,
      optional: true,
      label: plain(t('measures.manage.fields.splitBy'), 2000),
      element: { type: 'checkboxes', action_id: `value${suffix}`, options: groups, ...(chosenGroups.length ? { initial_options: chosenGroups } : {}) },
    },
    {
      type: 'input',
      block_id: MEASURE_BLOCKS.isPublic,
      optional: true,
      label: plain(t('measures.manage.fields.isPublic'), 2000),
      element: {
        type: 'checkboxes',
        action_id: `value${suffix}`,
        options: [publicOption],
        ...(initial?.isPublic === false ? {} : { initial_options: [publicOption] }),
      },
    },
  ];
}

/** One listed measure: what it is, its facts, and its Edit / Archive menu. */
function measureLine(t: Translate, m: MeasureView): KnownBlock {
  const facts = measureFacts(t, m) + (m.isPublic ? '' : ` · ${t('measures.manage.private')}`);
  return {
    type: 'section',
    block_id: `measure_${m.id}`,
    text: { type: 'mrkdwn', text: truncate(`*${escapeMrkdwn(m.label)}*\n${escapeMrkdwn(facts)}`, 3000) },
    accessory: {
      type: 'overflow',
      action_id: MEASURE_MENU_ACTION_ID,
      options: [option(t('measures.manage.edit'), `edit:${m.id}`), option(t('measures.manage.archive'), `archive:${m.id}`)],
    },
  };
}

/** The Measures modal: the strategy, its active measures, and a form to add one. */
export function measuresModal(t: Translate, d: MeasuresData, formKey = ''): ModalView {
  const blocks: KnownBlock[] = [];
  if (d.notice) blocks.push(mrkdwnSection(truncate(d.notice, 3000), 'measures_notice'));
  blocks.push(...strategyHeaderBlocks(t, d));
  blocks.push(context(t('measures.manage.intro')));
  if (d.measures.length === 0) blocks.push(context(t('measures.manage.none')));
  for (const m of d.measures.slice(0, MAX_LISTED_MEASURES)) blocks.push(measureLine(t, m));
  blocks.push({ type: 'divider' }, { type: 'header', text: plain(t('measures.manage.add'), 150) }, ...measureFields(t, null, formKey));
  return {
    type: 'modal',
    callback_id: MEASURE_CALLBACKS.list,
    title: plain(t('measures.manage.listTitle')),
    submit: plain(t('measures.manage.add')),
    close: plain(t('measures.manage.close')),
    private_metadata: measuresMetadata.encode({ strategyId: d.strategyId }),
    blocks,
  };
}

/** The edit form, pushed over the list. */
export function measureEditModal(t: Translate, d: { strategyLabel: string; measure: MeasureView }): ModalView {
  return {
    type: 'modal',
    callback_id: MEASURE_CALLBACKS.edit,
    title: plain(t('measures.manage.editTitle')),
    submit: plain(t('measures.manage.save')),
    close: plain(t('manage.buttons.cancel')),
    private_metadata: measureMetadata.encode({ strategyId: d.measure.strategyId, measureId: d.measure.id }),
    blocks: [context(`*${escapeMrkdwn(d.strategyLabel)}* · ${escapeMrkdwn(d.measure.label)}`), ...measureFields(t, d.measure, '')],
  };
}

/** "Archive this measure?", pushed over the list; Submit archives it. */
export function measureArchiveModal(t: Translate, d: { strategyLabel: string; measure: MeasureView }): ModalView {
  const m = d.measure;
  return {
    type: 'modal',
    callback_id: MEASURE_CALLBACKS.archive,
    title: plain(t('measures.manage.archiveConfirmTitle')),
    submit: plain(t('measures.manage.archiveConfirmYes')),
    close: plain(t('measures.manage.archiveConfirmNo')),
    private_metadata: measureMetadata.encode({ strategyId: m.strategyId, measureId: m.id }),
    blocks: [
      mrkdwnSection(t('measures.manage.archiveConfirm', { label: escapeMrkdwn(m.label) })),
      context(`*${escapeMrkdwn(d.strategyLabel)}* · ${escapeMrkdwn(measureFacts(t, m))}`),
    ],
  };
}
