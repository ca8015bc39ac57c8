// The rules an analyst relies on when a value is typed: what each kind accepts, when a value
// is off target and must say why, and the import cell that carries typed measures.
import { describe, expect, it } from 'vitest';
import {
  formatMeasureValue,
  formatTypedMeasures,
  measurePoints,
  meetsTarget,
  needsNote,
  parseMeasureValue,
  parseTypedMeasures,
} from '../../../src/domain/measures.js';

describe('parseMeasureValue', () => {
  it('reads nothing typed as "not reported"', () => {
    expect(parseMeasureValue('COUNT', '')).toBeNull();
    expect(parseMeasureValue('PERCENT', '   ')).toBeNull();
    expect(parseMeasureValue('YES_NO', null)).toBeNull();
  });

  it('accepts a percentage from 0 to 100 with at most two decimals', () => {
    expect(parseMeasureValue('PERCENT', '98')).toEqual({ ok: true, value: 98 });
    expect(parseMeasureValue('PERCENT', '98.5%')).toEqual({ ok: true, value: 98.5 });
    expect(parseMeasureValue('PERCENT', '100')).toEqual({ ok: true, value: 100 });
    expect(parseMeasureValue('PERCENT', '100.5')).toEqual({ ok: false, messageKey: 'errors.invalid.measurePercent' });
    expect(parseMeasureValue('PERCENT', '-1')).toEqual({ ok: false, messageKey: 'errors.invalid.measurePercent' });
    expect(parseMeasureValue('PERCENT', '12.345')).toEqual({ ok: false, messageKey: 'errors.invalid.measurePercent' });
  });

  it('accepts a count only as a whole number, 0 or more, with thousands separators', () => {
    expect(parseMeasureValue('COUNT', '420')).toEqual({ ok: true, value: 420 });
    expect(parseMeasureValue('COUNT', '1,200')).toEqual({ ok: true, value: 1200 });
    expect(parseMeasureValue('COUNT', '0')).toEqual({ ok: true, value: 0 });
    expect(parseMeasureValue('COUNT', '2.5')).toEqual({ ok: false, messageKey: 'errors.invalid.measureCount' });
    expect(parseMeasureValue('COUNT', '-3')).toEqual({ ok: false, messageKey: 'errors.invalid.measureCount' });
    expect(parseMeasureValue('COUNT', 'about 40')).toEqual({ ok: false, messageKey: 'errors.invalid.measureCount' });
  });

  it('accepts dollars with cents, never fractions of a cent or debts', () => {
    expect(parseMeasureValue('CURRENCY', '$1,250.50')).toEqual({ ok: true, value: 1250.5 });
    expect(parseMeasureValue('CURRENCY', '12.50')).toEqual({ ok: true, value: 12.5 });
    expect(parseMeasureValue('CURRENCY', '12.505')).toEqual({ ok: false, messageKey: 'errors.invalid.measureCurrency' });
    expect(parseMeasureValue('CURRENCY', '-5')).toEqual({ ok: false, messageKey: 'errors.invalid.measureCurrency' });
    expect(parseMeasureValue('CURRENCY', '1000000000000')).toEqual({ ok: false, messageKey: 'errors.invalid.measureCurrency' });
  });

  it('accepts a rating from 1 to 5', () => {
    expect(parseMeasureValue('RATING', '4.5')).toEqual({ ok: true, value: 4.5 });
    expect(parseMeasureValue('RATING', '0')).toEqual({ ok: false, messageKey: 'errors.invalid.measureRating' });
    expect(parseMeasureValue('RATING', '6')).toEqual({ ok: false, messageKey: 'errors.invalid.measureRating' });
  });

  it('reads yes and no in the three languages as 1 and 0', () => {
    for (const yes of ['yes', 'Y', 'true', '1', 'Sí', 'có']) expect(parseMeasureValue('YES_NO', yes)).toEqual({ ok: true, value: 1 });
    for (const no of ['no', 'N', 'false', '0', 'không']) expect(parseMeasureValue('YES_NO', no)).toEqual({ ok: true, value: 0 });
    expect(parseMeasureValue('YES_NO', 'maybe')).toEqual({ ok: false, messageKey: 'errors.invalid.measureYesNo' });
  });
});

describe('meetsTarget and needsNote', () => {
  it('an increasing measure meets its target at or above it', () => {
    const rule = { target: 98, direction: 'INCREASE' as const };
    expect(meetsTarget(rule, 98)).toBe(true);
    expect(meetsTarget(rule, 99)).toBe(true);
    expect(meetsTarget(rule, 97.5)).toBe(false);
  });

  it('a decreasing measure meets its target at or below it', () => {
    const rule = { target: 30, direction: 'DECREASE' as const };
    expect(meetsTarget(rule, 30)).toBe(true);
    expect(meetsTarget(rule, 12)).toBe(true);
    expect(meetsTarget(rule, 31)).toBe(false);
  });

  it('a maintained measure is off target only when it falls below', () => {
    const rule = { target: 90, direction: 'MAINTAIN' as const };
    expect(meetsTarget(rule, 95)).toBe(true);
    expect(meetsTarget(rule, 89)).toBe(false);
  });

  it('a measure without a target is neither on nor off target, and never needs a note', () => {
    expect(meetsTarget({ target: null, direction: 'INCREASE' }, 0)).toBeNull();
    expect(needsNote({ target: null, direction: 'INCREASE' }, 0, '')).toBe(false);
  });

  it('a value off target needs a note that says something', () => {
    const rule = { target: 15, direction: 'INCREASE' as const };
    expect(needsNote(rule, 12, '')).toBe(true);
    expect(needsNote(rule, 12, '   ')).toBe(true);
    expect(needsNote(rule, 12, 'Two trainings moved to January')).toBe(false);
    expect(needsNote(rule, 15, null)).toBe(false);
  });
});

describe('formatMeasureValue', () => {
  it('writes each kind the way a report reader expects', () => {
    expect(formatMeasureValue({ kind: 'PERCENT', unit: '' }, 98)).toBe('98%');
    expect(formatMeasureValue({ kind: 'PERCENT', unit: 'of workforce' }, 98.5)).toBe('98.5% of workforce');
    expect(formatMeasureValue({ kind: 'COUNT', unit: 'staff' }, 1420)).toBe('1,420 staff');
    expect(formatMeasureValue({ kind: 'CURRENCY', unit: '' }, 1250.5)).toBe('$1,250.50');
    expect(formatMeasureValue({ kind: 'CURRENCY', unit: '' }, 3000)).toBe('$3,000');
    expect(formatMeasureValue({ kind: 'RATING', unit: '' }, 4.5)).toBe('4.5 / 5');
    expect(formatMeasureValue({ kind: 'YES_NO', unit: '' }, 1)).toBe('yes');
    expect(formatMeasureValue({ kind: 'YES_NO', unit: '' }, 0, { yesNo: ['sí', 'no'] })).toBe('no');
  });
});

describe('the typed_measures import cell', () => {
  it('reads every part of each measure', () => {
    const parsed = parseTypedMeasures(
      'Workforce trained | percent | % | 0 | 98 | increase | LMS records | race/ethnicity, gender; Trainings held | count | trainings | | 15',
    );
    expect(parsed).toEqual({
      ok: true,
      measures: [
        {
          label: 'Workforce trained',
          kind: 'PERCENT',
          unit: '%',
          baseline: 0,
          target: 98,
          direction: 'INCREASE',
          dataSource: 'LMS records',
          splitBy: ['RACE_ETHNICITY', 'GENDER'],
        },
        { label: 'Trainings held', kind: 'COUNT', unit: 'trainings', baseline: null, target: 15, direction: 'INCREASE', dataSource: '', splitBy: [] },
      ],
    });
  });

  it('names the measure and the part that is wrong', () => {
    const parsed = parseTypedMeasures('Trained | percentage-ish | % ; Wait time | count | days | | 2.5 | sideways; | count; Trained | count');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems).toEqual([
      'measure "Trained": kind "percentage-ish" is not one of yes_no, count, percent, currency, rating',
      'measure "Wait time": target "2.5" is not a valid count value (a whole number, 0 or more)',
      'measure "Wait time": direction "sideways" is not one of increase, decrease, maintain',
      'measure 3 has no label',
      'measure "Trained" appears twice',
    ]);
  });

  it('refuses an unknown equity group', () => {
    const parsed = parseTypedMeasures('Served | count | people | | | | | zip code');
    expect(parsed).toEqual({ ok: false, problems: ['measure "Served": split group "zip code" is not one of race_ethnicity, language, disability, gender'] });
  });

  it('writes a cell that reads back to the same measures', () => {
    const cell =
      'Policy adopted | yes_no | | no | yes | increase | Council minutes; Average rating | rating | | 3.2 | 4 | increase | Survey | language, disability; Wait | count | days | 30 | 10 | decrease';
    const first = parseTypedMeasures(cell);
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    const written = formatTypedMeasures(first.measures);
    expect(written).toBe(
      'Policy adopted | yes_no | | no | yes | increase | Council minutes; Average rating | rating | | 3.2 | 4 | increase | Survey | language, disability; Wait | count | days | 30 | 10 | decrease',
    );
    expect(parseTypedMeasures(written)).toEqual(first);
  });
});

describe('measurePoints: the values a measure chart draws', () => {
  const row = (periodKey: string, at: string, value: number, updateId = 1, measureId = 7) => ({
    measureId,
    periodKey,
    value,
    reportedAt: new Date(at),
    updateId,
  });

  it('gives one value per period, the latest report of it, oldest period first', () => {
    const points = measurePoints([
      row('FY2024-Q3', '2024-02-01T18:00:00Z', 80, 1),
      row('FY2024-Q2', '2023-11-01T18:00:00Z', 61.5, 2),
      // A correction later in the same quarter replaces its figure.
      row('FY2024-Q3', '2024-03-20T18:00:00Z', 85.25, 3),
      // Reported at the same moment: the later update counts.
      row('FY2024-Q4', '2024-05-01T18:00:00Z', 90, 5),
      row('FY2024-Q4', '2024-05-01T18:00:00Z', 91, 4),
    ]);
    expect(points.get(7)).toEqual([
      { periodKey: 'FY2024-Q2', value: 61.5 },
      { periodKey: 'FY2024-Q3', value: 85.25 },
      { periodKey: 'FY2024-Q4', value: 90 },
    ]);
    expect(measurePoints([]).size).toBe(0);
  });

  it('counts a month in its quarter when asked, keeps the last periods, and skips a key that is not a period', () => {
    const rows = [
      row('FY2024-M01', '2023-07-20T18:00:00Z', 10, 1),
      row('FY2024-M03', '2023-09-20T18:00:00Z', 30, 2),
      row('FY2024-M04', '2023-10-20T18:00:00Z', 40, 3),
      row('2024 Q1', '2023-10-21T18:00:00Z', 99, 4),
    ];
    expect(measurePoints(rows, { byQuarter: true }).get(7)).toEqual([
      { periodKey: 'FY2024-Q1', value: 30 },
      { periodKey: 'FY2024-Q2', value: 40 },
    ]);
    expect(measurePoints(rows, { last: 2 }).get(7)).toEqual([
      { periodKey: 'FY2024-M03', value: 30 },
      { periodKey: 'FY2024-M04', value: 40 },
    ]);
  });
});
