import { describe, expect, it } from 'vitest';
import { renderCsv, renderJson, resolveKinds, ExportError, type CellRow } from '../../../src/services/import-export/export-service.js';
import { COLUMNS } from '../../../src/services/import-export/format.js';
import { parseCsv, parseJson } from '../../../src/services/import-export/parse.js';
import { summarize, COUNTED, type ImportCounts } from '../../../src/services/import-export/import-summary.js';

const planCells = (over: Partial<CellRow> = {}): CellRow => ({
  ...Object.fromEntries(COLUMNS.plans.map((c) => [c.name, ''])),
  plan_key: 'LIB-FY2024-2026',
  plan_kind: 'department_reap',
  plan_title: 'San José Public Library REAP',
  department_code: 'LIB',
  fiscal_start_year: '2024',
  fiscal_end_year: '2026',
  objective_number: '1',
  objective_title: 'Welcome "everyone", everywhere',
  strategy_number: '1',
  strategy_text: '=HYPERLINK("http://evil.example")',
  status: 'In Progress',
  owner: 'U0LIB01',
  performance_measures: '- # of branches\n- % of staff',
  language_access: 'yes',
  disability_access: 'no',
  gender_equity: 'no',
  priority_communities: 'yes',
  milestones: '2025-01-31 Pilot\n2025-04-30 Train managers',
  ...over,
});

describe('renderCsv', () => {
  it('writes a BOM, CRLF between rows, quotes cells that need it and defuses formulas', () => {
    const csv = renderCsv('plans', [planCells()]);
    expect(csv.startsWith('\uFEFFplan_key,plan_kind,')).toBe(true);
    expect(csv.split('\r\n')).toHaveLength(3); // header, row, final empty string
    expect(csv).toContain(`"Welcome ""everyone"", everywhere"`);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    expect(csv).toContain(`"'- # of branches\n- % of staff"`);
    expect(csv).toContain(`"2025-01-31 Pilot\n2025-04-30 Train managers"`);
  });

  it('reads back to the same cells', () => {
    const rows = [planCells(), planCells({ strategy_number: '2', strategy_text: "'@quoted", milestones: '' })];
    const parsed = parseCsv(renderCsv('plans', rows), 'plans.csv');
    expect(parsed.issues).toEqual([]);
    expect(parsed.rows.map((r) => r.values)).toEqual(rows);
    expect(parsed.rows.map((r) => [r.ref.row, r.ref.line])).toEqual([
      [2, 2],
      [3, 5], // row 2 holds two multi-line cells
    ]);
  });
});

describe('renderJson', () => {
  it('writes natural JSON that reads back to the same cells', () => {
    const tables = {
      departments: [
        {
          code: 'LIB',
          name: 'Library',
          maturity_tier: 'advanced',
          dedicated_equity_staff: 'yes',
          slack_channel: '',
          active_equity_action_team: 'no',
          reporting_cadence: 'quarterly',
        },
      ],
      plans: [planCells()],
    };
    const json = renderJson(tables);
    const doc = JSON.parse(json);
    expect(Object.keys(doc)).toEqual(['departments', 'plans']);
    expect(doc.departments[0]).toMatchObject({ dedicated_equity_staff: true, slack_channel: null });
    expect(doc.plans[0]).toMatchObject({
      fiscal_start_year: 2024,
      strategy_text: '=HYPERLINK("http://evil.example")', // JSON is not opened by spreadsheets: no apostrophe
      due_date: null,
      outputs: '',
      milestones: [
        { due_date: '2025-01-31', title: 'Pilot' },
        { due_date: '2025-04-30', title: 'Train managers' },
      ],
    });
    const back = parseJson(json, 'x.json');
    expect(back.issues).toEqual([]);
    expect(back.rows.map((r) => r.values)).toEqual([tables.departments[0], tables.plans[0]]);
  });
});

describe('resolveKinds', () => {
  it('exports all kinds by default, and only plans for --plan', () => {
    expect(resolveKinds({})).toEqual(['departments', 'members', 'plans']);
    expect(resolveKinds({ kinds: ['plans', 'departments'] })).toEqual(['departments', 'plans']);
    expect(resolveKinds({ planKey: 'X' })).toEqual(['plans']);
    expect(() => resolveKinds({ planKey: 'X', kinds: ['members'] })).toThrow(ExportError);
  });
});

describe('summarize', () => {
  it('reads like a sentence and only names what the files held', () => {
    const counts = Object.fromEntries(COUNTED.map((e) => [e, { created: 0, updated: 0, unchanged: 0 }])) as ImportCounts;
    counts.departments = { created: 1, updated: 2, unchanged: 0 };
    counts.plans = { created: 1, updated: 0, unchanged: 0 };
    counts.objectives = { created: 4, updated: 0, unchanged: 0 };
    counts.strategies = { created: 31, updated: 17, unchanged: 2 };
    expect(summarize(counts, ['departments', 'plans'], false)).toBe(
      'Imported 3 departments (1 new, 2 updated), 1 plan (1 new), 4 objectives (4 new), 50 strategies (31 new, 17 updated, 2 unchanged), 0 milestones.',
    );
    expect(summarize(counts, ['departments'], true)).toBe('Dry run: would import 3 departments (1 new, 2 updated). Nothing was written.');
  });
});
