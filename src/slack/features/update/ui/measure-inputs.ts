// The typed measures' inputs in the update form, and the options of its selects.
import type { KnownBlock, PlainTextOption } from '@slack/types';
import { charCount } from '../../../../domain/validation.js';
import type { MeasureEntry, MeasureView, ReportedMeasure } from '../../../../services/measures.js';
import { MAX_FORM_MEASURES, MEASURE_LIMITS, kindBounds } from '../../../../domain/measures.js';
import { measureFacts, measureValueText } from '../../../ui/measure-text.js';
import type { Translate } from '../../../i18n/index.js';
import { mrkdwn, plain } from '../../../ui/blocks.js';
import { limitHint } from '../../../ui/limit-hint.js';
import { MEASURE_VALUE_ACTION, MEASURE_NOTE_ACTION, measureValueBlock, measureNoteBlock, MAX_OPTION_TEXT } from './update-ids.js';

export function selectOption(text: string, value: string, description?: string): PlainTextOption {
  return {
    text: plain(text.replace(/\s+/g, ' ').trim() || value, MAX_OPTION_TEXT),
    value,
    ...(description ? { description: plain(description, MAX_OPTION_TEXT) } : {}),
  };
}

/**
 * One value input and one note input per typed measure, under a header that says what the
 * values are for. At most MAX_FORM_MEASURES (Slack's 100-block limit); the form says so
 * when a strategy has more.
 */
export function measureInputs(
  t: Translate,
  measures: readonly MeasureView[],
  stored: readonly ReportedMeasure[],
  typed: readonly MeasureEntry[],
): KnownBlock[] {
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
    const options = [selectOption(t('measures.yes'), '1'), selectOption(t('measures.no'), '0')];
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
