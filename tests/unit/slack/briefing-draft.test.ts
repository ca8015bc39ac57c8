// The automatic briefing draft (pure): only PUBLIC text is ever quoted, items are grouped by
// department, the text never exceeds the briefing's limit, and the body is cut into pieces
// Slack accepts (3000-character inputs and sections).
import { describe, expect, it } from 'vitest';
import {
  BRIEFING_LIMITS,
  buildBriefingDraft,
  joinBodyParts,
  renderBriefingDraft,
  splitForInputs,
  splitText,
  type DraftStrategy,
  type DraftUpdate,
} from '../../../src/domain/briefing-draft.js';
import { parsePeriodKey } from '../../../src/domain/fiscal-calendar.js';
import { translator } from '../../../src/slack/i18n/index.js';
import { draftLabels } from '../../../src/slack/features/briefing/ui/briefing-message.js';

const Q = parsePeriodKey('FY2027-Q2')!;
const LIB = { code: 'LIB', name: 'San José Public Library' };
const DOT = { code: 'DOT', name: 'Transportation' };

const strategy = (id: number, label: string, department: DraftStrategy['department'], status: DraftStrategy['status'] = 'IN_PROGRESS'): DraftStrategy => ({
  id,
  label,
  text: `Strategy ${label} of ${department?.code ?? 'ORSE'}`,
  status,
  department,
  planTitle: 'Plan',
});

let nextId = 1;
const update = (strategyId: number, visibility: DraftUpdate['visibility'], fields: Partial<DraftUpdate> = {}): DraftUpdate => ({
  id: nextId++,
  strategyId,
  visibility,
  statusFrom: 'IN_PROGRESS',
  statusTo: 'IN_PROGRESS',
  measureValues: '',
  outputs: '',
  roadblocks: '',
  createdAt: new Date('2026-11-01T12:00:00Z'),
  ...fields,
});

const labels = draftLabels(translator('en'), Q);

describe('the briefing draft', () => {
  const strategies = [strategy(1, '1.1', LIB), strategy(2, '1.2', LIB, 'COMPLETED'), strategy(3, '2.1', DOT), strategy(4, '3.1', DOT, 'COMPLETED')];
  const updates = [
    update(1, 'PUBLIC', { measureValues: '1,200 library cards issued', outputs: 'Bilingual story time', roadblocks: 'Staffing at Alum Rock' }),
    update(1, 'INTERNAL', { measureValues: 'INTERNAL-ONLY measure', roadblocks: 'INTERNAL-ONLY roadblock', createdAt: new Date('2026-12-01T12:00:00Z') }),
    update(3, 'REDI', { measureValues: 'REDI-ONLY measure', outputs: 'REDI-ONLY output', roadblocks: 'REDI-ONLY roadblock' }),
    update(3, 'PUBLIC', { outputs: 'Older public output', createdAt: new Date('2026-10-05T12:00:00Z') }),
    update(3, 'PUBLIC', { outputs: 'Newer public output', createdAt: new Date('2026-11-20T12:00:00Z') }),
    // Completed through an INTERNAL update: the fact is news, its text is not.
    update(2, 'INTERNAL', { statusTo: 'COMPLETED', measureValues: 'INTERNAL completion detail' }),
  ];
  const draft = buildBriefingDraft({ quarter: Q, strategies, updates, closedWithoutUpdate: [4] });
  const text = renderBriefingDraft(draft, labels);

  it('quotes PUBLIC measures, outputs and roadblocks, and never INTERNAL or REDI text', () => {
    expect(text).toContain('1,200 library cards issued');
    expect(text).toContain('Bilingual story time');
    expect(text).toContain('Staffing at Alum Rock');
    expect(text).not.toMatch(/INTERNAL|REDI-ONLY/);
  });

  it('lists strategies completed this quarter, whatever the update’s visibility, and closed ones', () => {
    const lib = draft.departments.find((d) => d.code === 'LIB')!;
    const dot = draft.departments.find((d) => d.code === 'DOT')!;
    expect(lib.completed.map((i) => i.label)).toEqual(['1.2']);
    expect(lib.completed[0]!.detail).toBe('');
    expect(dot.completed.map((i) => i.label)).toEqual(['3.1']);
  });

  it('takes the newest PUBLIC value per strategy and groups by department, by name', () => {
    expect(draft.departments.map((d) => d.code)).toEqual(['LIB', 'DOT']);
    const dot = draft.departments.find((d) => d.code === 'DOT')!;
    expect(dot.outputs).toEqual([{ label: '2.1', strategy: 'Strategy 2.1 of DOT', detail: 'Newer public output' }]);
    expect(text.indexOf('*San José Public Library (LIB)*')).toBeLessThan(text.indexOf('*Transportation (DOT)*'));
    expect(text).toContain('_Completed this quarter_\n• 1.2 Strategy 1.2 of LIB');
    expect(text).toContain('_Key measures_\n• 1.1 Strategy 1.1 of LIB: 1,200 library cards issued');
  });

  it('is written in the composer’s language', () => {
    const es = renderBriefingDraft(draft, draftLabels(translator('es'), Q));
    expect(es).toContain('Lo más destacado de AF 2026-27 T2');
    expect(es).toContain('_Completado este trimestre_');
    const vi = renderBriefingDraft(draft, draftLabels(translator('vi'), Q));
    expect(vi).toContain('_Chỉ số chính_');
    expect(vi).toContain('NTC 2026-27 Quý 2');
  });

  it('says so when nothing public happened', () => {
    const empty = renderBriefingDraft(
      buildBriefingDraft({ quarter: Q, strategies, updates: [update(1, 'REDI', { roadblocks: 'secret' })], closedWithoutUpdate: [] }),
      labels,
    );
    expect(empty).toContain('No department has shared a public update');
    expect(empty).not.toContain('secret');
  });

  it('stays within the body limit, counting what did not fit', () => {
    const many: DraftStrategy[] = [];
    const big: DraftUpdate[] = [];
    for (let i = 0; i < 120; i++) {
      many.push(strategy(1000 + i, `${1 + (i % 9)}.${i}`, i % 2 ? LIB : DOT));
      big.push(update(1000 + i, 'PUBLIC', { measureValues: 'x'.repeat(300), outputs: 'y'.repeat(300) }));
    }
    const long = renderBriefingDraft(buildBriefingDraft({ quarter: Q, strategies: many, updates: big, closedWithoutUpdate: [] }), labels);
    expect(Array.from(long).length).toBeLessThanOrEqual(BRIEFING_LIMITS.body);
    expect(long).toMatch(/…and \d+ more items that did not fit here/);
    const parts = splitForInputs(long);
    expect(parts.length).toBeLessThanOrEqual(BRIEFING_LIMITS.bodyParts);
    for (const p of parts) expect(Array.from(p).length).toBeLessThanOrEqual(BRIEFING_LIMITS.section);
  });
});

describe('cutting the body', () => {
  it('cuts at paragraph breaks, then lines, then spaces, never above the limit', () => {
    const paragraphs = Array.from({ length: 12 }, (_, i) => `Paragraph ${i} ${'word '.repeat(150)}`.trim());
    const text = paragraphs.join('\n\n');
    const pieces = splitText(text, 3000);
    for (const p of pieces) expect(Array.from(p).length).toBeLessThanOrEqual(3000);
    expect(pieces.every((p) => p.startsWith('Paragraph'))).toBe(true);
    expect(joinBodyParts(pieces)).toBe(text);
  });

  it('does not split an escaped entity on a hard cut', () => {
    const text = `${'a'.repeat(2997)}&amp;${'b'.repeat(100)}`;
    const [head] = splitText(text, 3000);
    expect(head!.endsWith('a')).toBe(true);
  });

  it('joins inputs and drops blank ones', () => {
    expect(joinBodyParts(['One', '', '  ', 'Two\r\nlines', null])).toBe('One\n\nTwo\nlines');
  });

  it('packs lines when paragraphs would need more inputs than the form has', () => {
    const text = Array.from({ length: 8 }, () => `${'z'.repeat(1100)}\n\n${'q'.repeat(2000)}`)
      .join('\n\n')
      .slice(0, 9000);
    const parts = splitForInputs(text, 4, 3000);
    expect(parts.length).toBeLessThanOrEqual(4);
    for (const p of parts) expect(Array.from(p).length).toBeLessThanOrEqual(3000);
  });
});
