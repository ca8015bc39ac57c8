// "Since the end of FY 2026-27 Q1: 2 completed, 3 started, 1 deferred" and the first few
// strategies behind it, most important first. One section (and a "more" line), so it fits
// in a status message, a digest and App Home alike.
import type { KnownBlock } from '@slack/types';
import { CHANGE_ORDER, type StrategyChange } from '../../domain/period-changes.js';
import type { ChangesSinceLastQuarter } from '../../services/period-changes.js';
import type { Translate } from '../i18n/index.js';
import { measureValueText } from './measure-text.js';
import { escapeMrkdwn, truncate } from './mrkdwn.js';
import { periodName } from './period-name.js';
import { countKey, statusText, strategyHeadline } from './status-parts.js';
import { context, mrkdwnSection } from './blocks.js';

/** Strategies named under the summary; the rest are counted. */
export const CHANGE_LINES = 5;
/** Strategy text in a change line. */
const LINE_TEXT_MAX = 90;

/** The one-line summary: the counts that are not zero, in the order of importance. */
export function changesSummary(t: Translate, c: ChangesSinceLastQuarter): string {
  const period = periodName(t, c.since);
  const counts = CHANGE_ORDER.filter((k) => c.changes.counts[k] > 0).map((k) =>
    t(countKey(`changes.count.${k}`, c.changes.counts[k]), { count: c.changes.counts[k] }),
  );
  return counts.length === 0 ? t('changes.none', { period }) : t('changes.since', { period, counts: counts.join(', ') });
}

export function changeLine(t: Translate, change: StrategyChange): string {
  const strategy = strategyHeadline(t, change.strategy, LINE_TEXT_MAX);
  switch (change.kind) {
    case 'new':
      return t('changes.line.new', { strategy, to: statusText(t, change.to) });
    case 'nowReporting':
    case 'notReported':
      return t(`changes.line.${change.kind}`, { strategy });
    case 'reachedTarget':
    case 'missedTarget': {
      const m = change.measure;
      if (!m) return t('changes.line.move', { strategy, from: statusText(t, change.from ?? change.to), to: statusText(t, change.to) });
      return t(`changes.line.${change.kind}`, {
        strategy,
        measure: escapeMrkdwn(truncate(m.label, 80)),
        value: measureValueText(t, m, m.current),
        target: measureValueText(t, m, m.target),
        previous: m.previous === null ? '—' : measureValueText(t, m, m.previous),
      });
    }
    default:
      return t('changes.line.move', { strategy, from: statusText(t, change.from ?? change.to), to: statusText(t, change.to) });
  }
}

/** The summary and up to `lines` strategies; nothing at all without a last quarter to compare with. */
export function periodChangesBlocks(
  t: Translate,
  c: ChangesSinceLastQuarter | null | undefined,
  opts: { lines?: number; blockId?: string } = {},
): KnownBlock[] {
  if (!c) return [];
  const shown = c.changes.changes.slice(0, opts.lines ?? CHANGE_LINES);
  const hidden = c.changes.changes.length - shown.length;
  const section = mrkdwnSection(truncate([changesSummary(t, c), ...shown.map((ch) => changeLine(t, ch))].join('\n'), 3000));
  const blocks: KnownBlock[] = [opts.blockId ? { ...section, block_id: opts.blockId } : section];
  if (hidden > 0 && shown.length > 0) blocks.push(context(t(countKey('changes.more', hidden), { count: hidden })));
  return blocks;
}
