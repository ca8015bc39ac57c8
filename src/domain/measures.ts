// Typed performance measures: what a value of each kind may be, whether a value meets its
// target, when a value needs a note, and the `typed_measures` cell of the import files.
// Pure rules, no I/O: the update form, the import and the reports all ask here.
//
// Values are kept as numbers with at most two decimals (the database stores NUMERIC(14,2)).
// A yes/no measure stores 1 for yes and 0 for no, so "meets target" and charts treat every
// kind alike.
import type { EquityGroup, MeasureDirection, MeasureKind } from '../generated/prisma/enums.js';
import { parsePeriodKey, quarterOf } from './fiscal-calendar.js';
import type { MessageKey } from './messages.js';

export const MEASURE_KINDS = ['YES_NO', 'COUNT', 'PERCENT', 'CURRENCY', 'RATING'] as const satisfies readonly MeasureKind[];
export const MEASURE_DIRECTIONS = ['INCREASE', 'DECREASE', 'MAINTAIN'] as const satisfies readonly MeasureDirection[];
export const EQUITY_GROUPS = ['RACE_ETHNICITY', 'LANGUAGE', 'DISABILITY', 'GENDER'] as const satisfies readonly EquityGroup[];

/** NUMERIC(14,2): twelve digits before the point. */
export const MAX_MEASURE_NUMBER = 999_999_999_999.99;

export const MEASURE_LIMITS = { label: 200, unit: 40, dataSource: 300, note: 1000 } as const;

/**
 * How many typed measures the update form shows (two inputs each). Slack allows 100 blocks
 * in a modal; the form's own inputs take about 25, so 30 measures (60 blocks) always fit. A
 * strategy with more is told so in the form, and the rest are reported by import.
 */
export const MAX_FORM_MEASURES = 30;

/** What a rule needs to know of a measure. */
export interface MeasureRule {
  kind: MeasureKind;
  target: number | null;
  direction: MeasureDirection;
}

/** The bounds a kind's input allows (Slack's number_input and the checks here agree). */
export function kindBounds(kind: MeasureKind): { min: number; max: number; decimals: 0 | 2 } {
  switch (kind) {
    case 'YES_NO':
      return { min: 0, max: 1, decimals: 0 };
    case 'COUNT':
      return { min: 0, max: MAX_MEASURE_NUMBER, decimals: 0 };
    case 'PERCENT':
      return { min: 0, max: 100, decimals: 2 };
    case 'CURRENCY':
      return { min: 0, max: MAX_MEASURE_NUMBER, decimals: 2 };
    case 'RATING':
      return { min: 1, max: 5, decimals: 2 };
  }
}

/** The message explaining what a value of this kind must be. */
export function kindProblem(kind: MeasureKind): MessageKey {
  switch (kind) {
    case 'YES_NO':
      return 'errors.invalid.measureYesNo';
    case 'COUNT':
      return 'errors.invalid.measureCount';
    case 'PERCENT':
      return 'errors.invalid.measurePercent';
    case 'CURRENCY':
      return 'errors.invalid.measureCurrency';
    case 'RATING':
      return 'errors.invalid.measureRating';
  }
}

const YES = new Set(['yes', 'y', 'true', '1', 'sí', 'si', 'có', 'co']);
const NO = new Set(['no', 'n', 'false', '0', 'không', 'khong']);

/**
 * A plain decimal as typed: digits, one point, an optional sign. Thousands separators, a
 * dollar sign or a percent sign (as spreadsheets show them) are allowed around it.
 */
function plainNumber(raw: string): number | null {
  const s = raw
    .trim()
    .replace(/^\$/, '')
    .replace(/%$/, '')
    .replace(/,(?=\d{3}(\D|$))/g, '')
    .trim();
  if (!/^-?\d+(\.\d+)?$|^-?\.\d+$/.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

const decimalsOf = (raw: string): number => {
  const m = /\.(\d+)/.exec(raw.trim().replace(/%$/, ''));
  return m?.[1] ? m[1].replace(/0+$/, '').length : 0;
};

export type ParsedValue = { ok: true; value: number } | { ok: false; messageKey: MessageKey };

/** A value as typed (form, import) for a measure of this kind; empty means "not reported" (null). */
export function parseMeasureValue(kind: MeasureKind, raw: string | null | undefined): ParsedValue | null {
  const text = (raw ?? '').trim();
  if (text === '') return null;
  const bad: ParsedValue = { ok: false, messageKey: kindProblem(kind) };
  if (kind === 'YES_NO') {
    const word = text.toLowerCase();
    if (YES.has(word)) return { ok: true, value: 1 };
    if (NO.has(word)) return { ok: true, value: 0 };
    return bad;
  }
  const n = plainNumber(text);
  if (n === null) return bad;
  const { min, max, decimals } = kindBounds(kind);
  if (n < min || n > max || decimalsOf(text) > decimals) return bad;
  return { ok: true, value: n };
}

/**
 * Whether a value meets the measure's target, by its direction: at least the target when it
 * should increase, at most when it should decrease, and not below it when it should be
 * maintained (a maintained share of trained staff that rises is still on target). Null when
 * the measure has no target.
 */
export function meetsTarget(rule: Pick<MeasureRule, 'target' | 'direction'>, value: number): boolean | null {
  if (rule.target === null) return null;
  return rule.direction === 'DECREASE' ? value <= rule.target : value >= rule.target;
}

/** One reported value of a measure, as read with its update. */
export interface MeasureValueRow {
  measureId: number;
  periodKey: string;
  value: number;
  /** The update's time and id: the latest of a period counts. */
  reportedAt: Date;
  updateId: number;
}

export interface PeriodValue {
  periodKey: string;
  value: number;
}

/**
 * Each measure's value per period, oldest first, at most the `last` periods: when several
 * updates reported it in one period, the latest counts (a correction replaces the first
 * figure). `byQuarter` counts a month's value in its quarter, so a monthly and a quarterly
 * reporter read the same on one chart. Rows with a period key that is not one are skipped.
 */
export function measurePoints(rows: readonly MeasureValueRow[], options: { byQuarter?: boolean; last?: number } = {}): Map<number, PeriodValue[]> {
  const latest = new Map<number, Map<string, { start: string; row: MeasureValueRow }>>();
  for (const r of rows) {
    const parsed = parsePeriodKey(r.periodKey);
    if (!parsed) continue;
    const period = options.byQuarter ? quarterOf(parsed) : parsed;
    const periods = latest.get(r.measureId) ?? new Map();
    const seen = periods.get(period.key);
    const newer =
      !seen ||
      seen.row.reportedAt.getTime() < r.reportedAt.getTime() ||
      (seen.row.reportedAt.getTime() === r.reportedAt.getTime() && seen.row.updateId < r.updateId);
    if (newer) periods.set(period.key, { start: period.start, row: r });
    latest.set(r.measureId, periods);
  }
  const out = new Map<number, PeriodValue[]>();
  for (const [measureId, periods] of latest) {
    const points = [...periods.entries()].sort(([, a], [, b]) => a.start.localeCompare(b.start)).map(([periodKey, p]) => ({ periodKey, value: p.row.value }));
    out.set(measureId, options.last === undefined ? points : points.slice(-options.last));
  }
  return out;
}

/** A value off target must say why. */
export function needsNote(rule: Pick<MeasureRule, 'target' | 'direction'>, value: number, note: string | null | undefined): boolean {
  return meetsTarget(rule, value) === false && (note ?? '').trim() === '';
}

/** A number for people: grouping, and two decimals only where the kind has cents or fractions. */
export function formatMeasureNumber(kind: MeasureKind, value: number, locale = 'en-US'): string {
  const cents = kind === 'CURRENCY' && !Number.isInteger(value);
  return new Intl.NumberFormat(locale, { minimumFractionDigits: cents ? 2 : 0, maximumFractionDigits: 2 }).format(value);
}

/**
 * A value with its unit in plain text ("98%", "$1,250.00", "15 trainings", "4.5 / 5",
 * "yes"): what exports and reports write. `yesNo` gives the words for 1 and 0.
 */
export function formatMeasureValue(
  m: { kind: MeasureKind; unit: string },
  value: number,
  options: { locale?: string; yesNo?: [yes: string, no: string] } = {},
): string {
  const [yes, no] = options.yesNo ?? ['yes', 'no'];
  if (m.kind === 'YES_NO') return value >= 1 ? yes : no;
  const n = formatMeasureNumber(m.kind, value, options.locale);
  const unit = m.unit.trim();
  if (m.kind === 'PERCENT') return unit && unit !== '%' ? `${n}% ${unit}` : `${n}%`;
  if (m.kind === 'CURRENCY') {
    return unit && unit !== '$' && unit.toUpperCase() !== 'USD' ? `$${n} ${unit}` : `$${n}`;
  }
  if (m.kind === 'RATING') return unit ? `${n} / 5 ${unit}` : `${n} / 5`;
  return unit ? `${n} ${unit}` : n;
}

// ---------- the typed_measures import cell ----------

/** A measure as the import file describes it. */
export interface MeasureSpec {
  label: string;
  kind: MeasureKind;
  unit: string;
  baseline: number | null;
  target: number | null;
  direction: MeasureDirection;
  dataSource: string;
  splitBy: EquityGroup[];
}

const KIND_WORDS: Record<string, MeasureKind> = {
  yes_no: 'YES_NO',
  yesno: 'YES_NO',
  boolean: 'YES_NO',
  count: 'COUNT',
  number: 'COUNT',
  percent: 'PERCENT',
  percentage: 'PERCENT',
  '%': 'PERCENT',
  currency: 'CURRENCY',
  dollars: 'CURRENCY',
  $: 'CURRENCY',
  rating: 'RATING',
};

const DIRECTION_WORDS: Record<string, MeasureDirection> = {
  increase: 'INCREASE',
  up: 'INCREASE',
  higher: 'INCREASE',
  decrease: 'DECREASE',
  down: 'DECREASE',
  lower: 'DECREASE',
  maintain: 'MAINTAIN',
  keep: 'MAINTAIN',
};

const GROUP_WORDS: Record<string, EquityGroup> = {
  race_ethnicity: 'RACE_ETHNICITY',
  race: 'RACE_ETHNICITY',
  ethnicity: 'RACE_ETHNICITY',
  'race/ethnicity': 'RACE_ETHNICITY',
  language: 'LANGUAGE',
  disability: 'DISABILITY',
  gender: 'GENDER',
};

const word = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

/** The words the export writes, which the import reads back. */
export const KIND_EXPORT: Record<MeasureKind, string> = { YES_NO: 'yes_no', COUNT: 'count', PERCENT: 'percent', CURRENCY: 'currency', RATING: 'rating' };
export const DIRECTION_EXPORT: Record<MeasureDirection, string> = { INCREASE: 'increase', DECREASE: 'decrease', MAINTAIN: 'maintain' };
export const GROUP_EXPORT: Record<EquityGroup, string> = { RACE_ETHNICITY: 'race_ethnicity', LANGUAGE: 'language', DISABILITY: 'disability', GENDER: 'gender' };

export type ParsedMeasures = { ok: true; measures: MeasureSpec[] } | { ok: false; problems: string[] };

/**
 * The `typed_measures` cell: measures separated by ";" (or line breaks), each
 * `label | kind | unit | baseline | target | direction | data source | split groups`, the
 * groups separated by ",". Only label and kind are required; trailing parts may be left
 * out. Problems are English sentences naming the measure (import errors are English).
 */
export function parseTypedMeasures(cell: string): ParsedMeasures {
  const problems: string[] = [];
  const measures: MeasureSpec[] = [];
  const seen = new Set<string>();
  const entries = cell
    .split(/;|\r?\n/)
    .map((e) => e.trim())
    .filter((e) => e !== '');
  entries.forEach((entry, i) => {
    const parts = entry.split('|').map((p) => p.trim());
    const [label = '', kindRaw = '', unit = '', baselineRaw = '', targetRaw = '', directionRaw = '', dataSource = '', groupsRaw = ''] = parts;
    const name = label ? `measure "${label}"` : `measure ${i + 1}`;
    const own: string[] = [];
    if (parts.length > 8)
      own.push(`${name} has ${parts.length} parts; expected at most 8 (label | kind | unit | baseline | target | direction | data source | split groups)`);
    if (!label) own.push(`${name} has no label`);
    else if ([...label].length > MEASURE_LIMITS.label) own.push(`${name}: the label is longer than ${MEASURE_LIMITS.label} characters`);
    else if (seen.has(label.toLowerCase())) own.push(`${name} appears twice`);
    const kind = KIND_WORDS[word(kindRaw)];
    if (!kind) own.push(`${name}: kind "${kindRaw}" is not one of yes_no, count, percent, currency, rating`);
    if ([...unit].length > MEASURE_LIMITS.unit) own.push(`${name}: the unit is longer than ${MEASURE_LIMITS.unit} characters`);
    if ([...dataSource].length > MEASURE_LIMITS.dataSource) own.push(`${name}: the data source is longer than ${MEASURE_LIMITS.dataSource} characters`);
    const figure = (raw: string, what: string): number | null => {
      if (!kind || raw === '') return null;
      const parsed = parseMeasureValue(kind, raw);
      if (parsed && parsed.ok) return parsed.value;
      own.push(`${name}: ${what} "${raw}" is not a valid ${KIND_EXPORT[kind]} value (${kindRule(kind)})`);
      return null;
    };
    const baseline = figure(baselineRaw, 'baseline');
    const target = figure(targetRaw, 'target');
    let direction: MeasureDirection = 'INCREASE';
    if (directionRaw) {
      const d = DIRECTION_WORDS[word(directionRaw)];
      if (d) direction = d;
      else own.push(`${name}: direction "${directionRaw}" is not one of increase, decrease, maintain`);
    }
    const splitBy: EquityGroup[] = [];
    for (const g of groupsRaw
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean)) {
      const group = GROUP_WORDS[g.toLowerCase()] ?? GROUP_WORDS[word(g)];
      if (!group) own.push(`${name}: split group "${g}" is not one of race_ethnicity, language, disability, gender`);
      else if (!splitBy.includes(group)) splitBy.push(group);
    }
    if (label) seen.add(label.toLowerCase());
    if (own.length || !kind) {
      problems.push(...own);
      return;
    }
    measures.push({ label, kind, unit, baseline, target, direction, dataSource, splitBy: EQUITY_GROUPS.filter((g) => splitBy.includes(g)) });
  });
  return problems.length ? { ok: false, problems } : { ok: true, measures };
}

function kindRule(kind: MeasureKind): string {
  switch (kind) {
    case 'YES_NO':
      return 'yes or no';
    case 'COUNT':
      return 'a whole number, 0 or more';
    case 'PERCENT':
      return 'a number from 0 to 100';
    case 'CURRENCY':
      return 'an amount, 0 or more, with at most 2 decimals';
    case 'RATING':
      return 'a number from 1 to 5';
  }
}

const plainFigure = (n: number | null): string => (n === null ? '' : String(n));

/** The cell the export writes; parseTypedMeasures reads it back to the same measures. */
export function formatTypedMeasures(measures: readonly MeasureSpec[]): string {
  return measures
    .map((m) => {
      const figure = (n: number | null) => (m.kind === 'YES_NO' && n !== null ? (n >= 1 ? 'yes' : 'no') : plainFigure(n));
      const parts = [
        m.label,
        KIND_EXPORT[m.kind],
        m.unit,
        figure(m.baseline),
        figure(m.target),
        DIRECTION_EXPORT[m.direction],
        m.dataSource,
        m.splitBy.map((g) => GROUP_EXPORT[g]).join(', '),
      ].map((p) => p.replace(/[|;\r\n]+/g, ' ').trim());
      while (parts.length > 2 && parts[parts.length - 1] === '') parts.pop();
      // An empty part is written "| |", as people type it.
      return parts.join(' | ').replace(/\| {2}(?=\|)/g, '| ');
    })
    .join('; ');
}
