// The annual report draft's builders: what is quoted (PUBLIC updates of the year only), how
// each quote points to its update, and that people's text can never become markup.
import { describe, expect, it } from 'vitest';
import { buildAnnualDraft, escapeMarkdownText, renderAnnualHtml, renderAnnualMarkdown } from '../../../src/services/reports/annual-draft.js';
import { annualDraftFixture, FIXTURE_UPDATES } from '../../support/annual-draft-fixture.js';
import { annualMeasureCharts } from '../../../src/charts/annual-measure-charts.js';

const input = annualDraftFixture();

describe('annual report draft', () => {
  it('quotes PUBLIC updates of the fiscal year only, never INTERNAL or REDI ones', () => {
    const d = buildAnnualDraft(input, 'en');
    expect(d.notes.map((n) => n.updateId)).toEqual([501, 504, 601]);
    const md = renderAnnualMarkdown(d);
    const html = renderAnnualHtml(d);
    for (const text of ['Internal note', 'REDI only', 'Library internal', 'Next year already']) {
      expect(md).not.toContain(text);
      expect(html).not.toContain(text);
    }
    expect(md).toContain('Delivered 15 trainings to about 420 City staff. [^1]');
    expect(d.summary).toContain('6 progress updates were reported for FY 2023-2024, from 2 departments.');
    expect(d.summary).toContain('3 of them were marked public and are quoted below, each with its source.');
  });

  it('puts each highlight under its objective or department and points its note at the update', () => {
    const d = buildAnnualDraft(input, 'en');
    expect(d.objectives[0]!.highlights.map((h) => h.note)).toEqual([1]);
    expect(d.objectives[1]!.highlights.map((h) => h.note)).toEqual([2]);
    expect(d.departments).toEqual([{ heading: 'San José Public Library (LIB)', highlights: [expect.objectContaining({ note: 3 })] }]);
    const byId = new Map(FIXTURE_UPDATES.map((u) => [u.id, u]));
    for (const n of d.notes) {
      const u = byId.get(n.updateId)!;
      expect(u.visibility).toBe('PUBLIC');
      expect(n.text).toContain(`#${u.id}`);
      expect(n.text).toContain(`strategy ${u.strategyRef} of ${u.planKey}`);
      expect(n.text).toContain(u.periodKey);
    }
    expect(d.notes[0]!.text).toBe(
      'Progress update #501, reported January 10, 2024 for FY2024-Q2, Office of Racial and Social Equity (ORSE), strategy 1.6 of ORSE-FY2023-2024.',
    );

    const md = renderAnnualMarkdown(d);
    for (const n of d.notes) expect(md).toContain(`[^${n.n}]: ${escapeMarkdownText(n.text)}`);
    const html = renderAnnualHtml(d);
    for (const n of d.notes) {
      expect(html).toContain(`<a id="cite-${n.n}" href="#source-${n.n}">[${n.n}]</a>`);
      expect(html).toContain(`<li id="source-${n.n}">`);
    }
  });

  it('quotes a citywide strategy’s PUBLIC update under its lead department, never an INTERNAL one', () => {
    const citywide = { strategyId: 9101, strategyRef: '2.1', planKey: 'WSJ-2021-2024', planKind: 'CITYWIDE_PLAN' as const, periodKey: 'FY2024-Q3' };
    const lib = FIXTURE_UPDATES.find((u) => u.id === 601)!;
    const at = { periodStart: '2024-01-01', periodEnd: '2024-03-31', createdAt: new Date('2024-04-20T18:00:00Z') };
    const d = buildAnnualDraft(
      annualDraftFixture([
        ...FIXTURE_UPDATES,
        { ...lib, ...citywide, ...at, id: 701, narrative: 'Library cards at every park program.' },
        { ...lib, ...citywide, ...at, id: 702, narrative: 'Citywide internal: vendor dispute.', visibility: 'INTERNAL' },
        // No lead department: nobody to quote it under, and never ORSE.
        { ...lib, ...citywide, ...at, id: 703, narrative: 'Citywide without a lead.', department: null },
      ]),
      'en',
    );
    expect(d.departments).toEqual([
      {
        heading: 'San José Public Library (LIB)',
        highlights: [expect.objectContaining({ note: 3, text: 'Library cards at every park program.' }), expect.objectContaining({ note: 4 })],
      },
    ]);
    expect(d.notes.map((n) => n.updateId)).toEqual([501, 504, 701, 601]);
    expect(d.notes[2]!.text).toBe('Progress update #701, reported April 20, 2024 for FY2024-Q3, San José Public Library (LIB), strategy 2.1 of WSJ-2021-2024.');
    const md = renderAnnualMarkdown(d);
    expect(md).toContain('- Library cards at every park program. [^3]');
    for (const text of [md, renderAnnualHtml(d)]) {
      expect(text).not.toContain('Citywide internal');
      expect(text).not.toContain('Citywide without a lead');
    }
  });

  it('escapes people’s text in HTML and Markdown', () => {
    const d = buildAnnualDraft(input, 'en');
    const html = renderAnnualHtml(d);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Equity teams met 12 times &amp; *grew*.');
    const md = renderAnnualMarkdown(d);
    expect(md).toContain('\\<script\\>alert("x")\\</script\\> Equity teams met 12 times & \\*grew\\*.');
    expect(escapeMarkdownText('# not a heading')).toBe('\\# not a heading');
    expect(escapeMarkdownText('- not a list')).toBe('\\- not a list');
    expect(escapeMarkdownText('1. not a list')).toBe('1\\. not a list');
    expect(escapeMarkdownText('4.7/5 rating')).toBe('4.7/5 rating');
    expect(escapeMarkdownText('[link](javascript:x) &amp;')).toBe('\\[link\\](javascript:x) &amp;amp;');
  });

  it('lists every strategy under its objective by status, with its measures and outputs', () => {
    const d = buildAnnualDraft(input, 'en');
    expect(d.summary[0]).toBe('The work plan has 26 strategies: 17 completed, 4 in progress, 2 ongoing, and 3 not started.');
    const o1 = d.objectives[0]!;
    expect(o1.heading).toMatch(/^Objective 1: Normalize and culturalize/);
    expect(o1.completed.map((s) => s.ref)).toEqual(['1.1', '1.2', '1.3', '1.4', '1.5', '1.7']);
    expect(o1.active).toEqual([
      {
        ref: '1.6',
        text: 'Provide trainings to reinforce foundational concepts',
        status: 'In Progress',
        measures: [expect.stringMatching(/^4\.7\/5 rating/)],
        outputs: ['15 trainings 420 participants'],
        typed: [],
        charts: [],
      },
    ]);
    expect(d.objectives[2]!.waiting.map((s) => `${s.ref} ${s.status}`)).toEqual(['3.4 Not Started', '3.6 Not Started']);
    // The plan's multi-paragraph cells become one item per paragraph.
    expect(d.objectives[2]!.active.find((s) => s.ref === '3.5')!.measures.length).toBeGreaterThan(1);
  });

  it('says when there is nothing to quote, and warns about demo data', () => {
    const d = buildAnnualDraft(
      { ...annualDraftFixture([]), includesDemoData: true, counts: { departments: 3, departmentsWithPlan: 1, updatesInYear: 0, departmentsReporting: 0 } },
      'en',
    );
    const md = renderAnnualMarkdown(d);
    expect(md).toContain('No public progress updates were reported for this objective in the fiscal year.');
    expect(md).toContain('No department marked a progress update public in the fiscal year.');
    expect(md).toContain('Some of the figures below include demo data.');
    expect(md).not.toContain('## Sources');
    expect(d.summary).toContain('No progress updates were reported for FY 2023-2024.');
    expect(d.summary).toContain('As of November 18, 2026, 1 of 3 departments have a plan in REAP Tracker (a Racial Equity Action Plan, or ORSE’s work plan).');
  });

  it('writes the document in Spanish and Vietnamese, keeping the data and the table as written', () => {
    const es = renderAnnualHtml(buildAnnualDraft(input, 'es'));
    expect(es).toContain('<html lang="es">');
    expect(es).toContain('Borrador generado por REAP Tracker el 18 de noviembre de 2026: revíselo antes de publicarlo.');
    expect(es).toContain('<h2>Objetivo 1: Normalize and culturalize');
    expect(es).toContain('Provide trainings to reinforce foundational concepts — En curso');
    expect(es).toContain('<table lang="en">');
    const vi = renderAnnualMarkdown(buildAnnualDraft(input, 'vi'));
    expect(vi).toContain('# Báo cáo thường niên FY 2023-2024: Office of Racial Equity Work Plan July 2023-June 2024');
    expect(vi).toContain('Bản nháp do REAP Tracker tạo ngày 18 tháng 11, 2026');
    expect(vi).toContain('## Phụ lục: Office of Racial Equity Work Plan July 2023-June 2024');
    expect(vi).toContain('| Objectives & Strategies | Progress | Performance Measures | Outputs |');
  });

  it('has one h1, h2 and h3 in order, and a table with a caption and column headers', () => {
    const html = renderAnnualHtml(buildAnnualDraft(input, 'en'));
    expect(html.match(/<h1>/g)).toHaveLength(1);
    const levels = [...html.matchAll(/<h([1-6])[ >]/g)].map((m) => Number(m[1]));
    levels.forEach((l, i) => i > 0 && expect(l - levels[i - 1]!).toBeLessThanOrEqual(1));
    expect(Math.max(...levels)).toBe(3);
    expect(html).toContain('<main>');
    expect(html).toContain('<caption>Office of Racial Equity Work Plan July 2023-June 2024</caption>');
    expect(html.match(/<th scope="col">/g)).toHaveLength(4);
    expect(html.match(/<tr><th scope="row">/g)).toHaveLength(26);
  });
});

describe('annual report draft with typed measures', () => {
  const trained = { measureId: 9, label: 'Workforce trained', kind: 'PERCENT' as const, unit: '', target: 98, direction: 'INCREASE' as const, note: null };
  const base = FIXTURE_UPDATES.find((u) => u.id === 501)!;
  const withValues = annualDraftFixture([
    ...FIXTURE_UPDATES.filter((u) => u.id !== 501),
    { ...base, typedValues: [{ ...trained, value: 80 }] },
    // A later update of the same period corrects the figure; a later period adds one.
    { ...base, id: 511, createdAt: new Date('2024-01-20T18:00:00Z'), narrative: 'Corrected figure.', typedValues: [{ ...trained, value: 85.5 }] },
    {
      ...base,
      id: 512,
      createdAt: new Date('2024-04-10T18:00:00Z'),
      periodKey: 'FY2024-Q3',
      periodStart: '2024-01-01',
      periodEnd: '2024-03-31',
      narrative: 'Most staff trained.',
      typedValues: [{ ...trained, value: 98.5 }],
    },
    // Never from a REDI update.
    {
      ...base,
      id: 513,
      visibility: 'REDI',
      periodKey: 'FY2024-Q4',
      periodStart: '2024-04-01',
      periodEnd: '2024-06-30',
      typedValues: [{ ...trained, value: 12 }],
    },
  ]);

  it('lists each measure’s values by period under its strategy, with the target and whether it is met', () => {
    const d = buildAnnualDraft(withValues, 'en');
    const item = d.objectives.flatMap((o) => [...o.completed, ...o.active, ...o.waiting]).find((s) => s.ref === '1.6')!;
    expect(item.typed).toEqual(['Workforce trained: 85.5% (FY2024-Q2), 98.5% (FY2024-Q3); target 98%, met']);
    const md = renderAnnualMarkdown(d);
    expect(md).toContain('  - Measure values by period:');
    expect(md).toContain('    - Workforce trained: 85.5% (FY2024-Q2), 98.5% (FY2024-Q3); target 98%, met');
    expect(renderAnnualHtml(d)).toContain(
      '<li>Measure values by period:<ul><li>Workforce trained: 85.5% (FY2024-Q2), 98.5% (FY2024-Q3); target 98%, met</li></ul></li>',
    );
    expect(md).not.toContain('12%');
  });

  it('says it in Spanish and Vietnamese', () => {
    const es = buildAnnualDraft(withValues, 'es')
      .objectives.flatMap((o) => [...o.completed, ...o.active, ...o.waiting])
      .find((s) => s.ref === '1.6')!;
    expect(es.typed).toEqual(['Workforce trained: 85.5% (FY2024-Q2), 98.5% (FY2024-Q3); meta 98%, alcanzada']);
    const vi = buildAnnualDraft(withValues, 'vi')
      .objectives.flatMap((o) => [...o.completed, ...o.active, ...o.waiting])
      .find((s) => s.ref === '1.6')!;
    expect(vi.typed).toEqual(['Workforce trained: 85,5% (FY2024-Q2), 98,5% (FY2024-Q3); mục tiêu 98%, đã đạt']);
  });

  it('draws each measure against its target in the HTML, with alt text stating every figure', { timeout: 30_000 }, async () => {
    const charts = await annualMeasureCharts(withValues, 'en');
    const html = renderAnnualHtml(buildAnnualDraft(withValues, 'en', charts));
    expect(html).toContain('<figure><img src="data:image/png;base64,iVBORw0KGgo');
    expect(html).toContain(
      'alt="Line chart of Workforce trained by reporting period. FY 2023-24 Q2: 85.5%. FY 2023-24 Q3: 98.5%. Target: 98%, higher is better."',
    );
    expect(html).toContain('<figcaption>Workforce trained against its target</figcaption>');
    // A draft without typed values has no figures.
    expect(renderAnnualHtml(buildAnnualDraft(input, 'en', await annualMeasureCharts(input, 'en')))).not.toContain('<figure>');
  });

  it('leaves out a chart that cannot be drawn, and says so', async () => {
    const failures: unknown[] = [];
    const charts = await annualMeasureCharts(withValues, 'es', { render: () => Promise.reject(new Error('no fonts')) }, (e) => failures.push(e));
    expect(charts.size).toBe(0);
    expect(failures).toHaveLength(1);
  });
});
