import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { buildReportTable, escapeMarkdownCell, renderCsv, renderMarkdown } from '../../../src/domain/report-table.js';

const plan = {
  title: 'Test plan',
  objectives: [
    {
      number: 2,
      title: 'Second, listed second',
      strategies: [{ number: 1, text: 'Only one', status: 'DEFERRED' as const, performanceMeasures: '', outputs: '' }],
    },
    {
      number: 1,
      title: 'First',
      strategies: [
        { number: 2, text: 'B | with a pipe', status: 'NOT_STARTED' as const, performanceMeasures: 'line one\nline two', outputs: 'say "hi" 👋' },
        { number: 1, text: 'A', status: 'IN_PROGRESS' as const, performanceMeasures: 'ends with \\', outputs: 'x' },
      ],
    },
  ],
};

describe('buildReportTable', () => {
  it('lists objectives then their strategies in number order, with English status labels', () => {
    const t = buildReportTable(plan);
    expect(t.rows.map((r) => r.cells.slice(0, 2))).toEqual([
      ['Objective 1: First', ''],
      ['1. A', 'In Progress'],
      ['2. B | with a pipe', 'Not Started'],
      ['Objective 2: Second, listed second', ''],
      ['1. Only one', 'Deferred'],
    ]);
    expect(t.rows[0]!.cells).toEqual(['Objective 1: First', '', '', '']);
  });
});

describe('renderers', () => {
  it('writes CSV that reads back cell for cell, line breaks and quotes included', () => {
    const t = buildReportTable(plan);
    const back = parse(renderCsv(t)) as string[][];
    expect(back).toEqual([[...t.columns], ...t.rows.map((r) => r.cells)]);
  });

  it('escapes pipes and backslashes and turns line breaks into <br> in Markdown', () => {
    expect(escapeMarkdownCell('a | b\nc\r\nd \\')).toBe('a \\| b<br>c<br>d \\\\');
    const md = renderMarkdown(buildReportTable(plan)).split('\n');
    expect(md[0]).toBe('| Objectives & Strategies | Progress | Performance Measures | Outputs |');
    expect(md[1]).toBe('| --- | --- | --- | --- |');
    expect(md[2]).toBe('| Objective 1: First |  |  |  |');
    expect(md[3]).toBe('| 1. A | In Progress | ends with \\\\ | x |');
    expect(md[4]).toBe('| 2. B \\| with a pipe | Not Started | line one<br>line two | say "hi" 👋 |');
    // Every row has exactly the four columns once escaped pipes are discounted.
    for (const line of md.filter(Boolean)) expect(line.replace(/\\\\/g, '').replace(/\\\|/g, '').split('|').length - 2).toBe(4);
  });

  it("shows HTML in people's text as text in Markdown", () => {
    expect(escapeMarkdownCell('<img src=x onerror=alert(1)> & <b>bold</b> &lt;')).toBe('&lt;img src=x onerror=alert(1)&gt; & &lt;b&gt;bold&lt;/b&gt; &amp;lt;');
  });

  it('starts every CSV cell a spreadsheet would run as a formula with an apostrophe', () => {
    const risky = {
      title: 'Risky',
      objectives: [
        {
          number: 1,
          title: 'O',
          strategies: [
            { number: 1, text: 'T', status: 'IN_PROGRESS' as const, performanceMeasures: '=HYPERLINK("http://evil","x")', outputs: '+1 more' },
            { number: 2, text: 'U', status: 'IN_PROGRESS' as const, performanceMeasures: '-2', outputs: '@SUM(A1)' },
            { number: 3, text: 'V', status: 'IN_PROGRESS' as const, performanceMeasures: '\tTAB', outputs: 'plain = fine' },
          ],
        },
      ],
    };
    const back = parse(renderCsv(buildReportTable(risky))) as string[][];
    expect(back.slice(2).map((r) => r.slice(2))).toEqual([
      ['\'=HYPERLINK("http://evil","x")', "'+1 more"],
      ["'-2", "'@SUM(A1)"],
      ["'\tTAB", 'plain = fine'],
    ]);
  });
});
