// How a typed measure and its values read in Slack, in the reader's language: the facts
// under a form input, a reported value with its unit, and a value against its target.
import { formatMeasureValue, meetsTarget } from '../../domain/measures.js';
import type { EquityGroup, MeasureDirection, MeasureKind } from '../../domain/enums.js';
import type { Translate } from '../i18n/index.js';
import { escapeMrkdwn, truncate } from './mrkdwn.js';

interface MeasureLike {
  kind: MeasureKind;
  unit: string;
  target: number | null;
  direction: MeasureDirection;
  baseline?: number | null;
  dataSource?: string;
  splitBy?: readonly EquityGroup[];
}

/** Intl locale of each language, for numbers ("1,250.5" in English, "1.250,5" in Spanish). */
const LOCALES: Record<string, string> = { en: 'en-US', es: 'es-US', vi: 'vi-VN' };

export function localeOf(t: Translate): string {
  return LOCALES[t('measures.locale')] ?? 'en-US';
}

/** A value with its unit ("98%", "$1,250.50", "15 trainings", "Yes"); the kind's hint when null. */
export function measureValueText(t: Translate, m: Pick<MeasureLike, 'kind' | 'unit'>, value: number | null): string {
  if (value === null) return t(`measures.placeholder.${m.kind}`);
  return formatMeasureValue(m, value, { locale: localeOf(t), yesNo: [t('measures.yes'), t('measures.no')] });
}

/** "Percent · target 98% (higher is better) · baseline 80% · source: LMS · split by: gender" (plain text). */
export function measureFacts(t: Translate, m: MeasureLike): string {
  const facts = [t(`measures.kinds.${m.kind}`)];
  if (m.target !== null)
    facts.push(t('measures.facts.target', { target: measureValueText(t, m, m.target), direction: t(`measures.directions.${m.direction}`) }));
  if (m.baseline !== undefined && m.baseline !== null) facts.push(t('measures.facts.baseline', { baseline: measureValueText(t, m, m.baseline) }));
  if (m.dataSource) facts.push(t('measures.facts.source', { source: m.dataSource }));
  if (m.splitBy?.length) facts.push(t('measures.facts.splitBy', { groups: m.splitBy.map((g) => t(`measures.groups.${g}`)).join(', ') }));
  return facts.join(' · ');
}

/** One reported value as a mrkdwn line: label, value, how it stands against the target, the note. */
export function reportedMeasureLine(t: Translate, r: MeasureLike & { label: string; value: number; note: string | null }): string {
  const value = measureValueText(t, r, r.value);
  const met = meetsTarget(r, r.value);
  const target = r.target === null ? '' : ` · ${t(met ? 'measures.show.onTarget' : 'measures.show.offTarget', { target: measureValueText(t, r, r.target) })}`;
  const note = r.note ? `\n>${escapeMrkdwn(truncate(r.note.replace(/\s+/g, ' '), 300))}` : '';
  return `• *${escapeMrkdwn(truncate(r.label, 200))}:* ${escapeMrkdwn(value)}${target}${note}`;
}
