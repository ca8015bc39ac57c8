import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { Visibility } from '../../../src/generated/prisma/enums.js';
import { buildStrategyPeriodRows, renderOpenDataCsv, type OpenDataStrategy, type OpenDataUpdate } from '../../../src/services/import-export/open-data.js';
import {
  LICENSE_PLACEHOLDER,
  OPEN_DATA_COLUMNS,
  OPEN_DATA_CSV,
  OPEN_DATA_FIELDS,
  OPEN_DATA_PRIMARY_KEY,
  buildDataPackage,
  renderDataDictionary,
} from '../../../src/services/import-export/open-data-schema.js';

const ZONE = 'America/Los_Angeles';

const strategy = (over: Partial<OpenDataStrategy> = {}): OpenDataStrategy => ({
  id: 1,
  planKey: 'LIB-FY2024-2026',
  planTitle: 'Library REAP',
  planKind: 'DEPARTMENT_REAP',
  department: { code: 'LIB', name: 'Library' },
  objectiveNumber: 1,
  objectiveTitle: 'Welcome everyone',
  number: 2,
  text: 'Story times in three languages',
  ownerDepartment: 'Library',
  performanceMeasures: '# of branches',
  outputs: 'Schedule',
  isDemo: false,
  ...over,
});

let nextId = 1;
const update = (over: Partial<OpenDataUpdate> = {}): OpenDataUpdate => ({
  id: nextId++,
  strategyId: 1,
  periodKey: 'FY2025-Q2',
  periodStart: new Date('2024-10-01T00:00:00Z'),
  periodEnd: new Date('2024-12-31T00:00:00Z'),
  statusTo: 'IN_PROGRESS',
  visibility: 'PUBLIC',
  narrative: 'Started at 12 branches',
  measureValues: '12 of 25',
  outputs: 'Flyers',
  createdAt: new Date('2024-11-05T18:00:00Z'),
  isDemo: false,
  ...over,
});

describe('buildStrategyPeriodRows', () => {
  it('keeps the latest shared update of each period and ignores internal ones', () => {
    const { rows } = buildStrategyPeriodRows(
      [strategy()],
      [
        update({ statusTo: 'NOT_STARTED', narrative: 'older', createdAt: new Date('2024-10-10T18:00:00Z') }),
        update({ statusTo: 'IN_PROGRESS', narrative: 'newer', createdAt: new Date('2024-11-10T18:00:00Z') }),
        update({ statusTo: 'COMPLETED', narrative: 'INTERNAL-ONLY', visibility: 'INTERNAL', createdAt: new Date('2024-12-10T18:00:00Z') }),
        // A period with only an internal update has no row at all.
        update({
          periodKey: 'FY2025-Q3',
          periodStart: new Date('2025-01-01T00:00:00Z'),
          periodEnd: new Date('2025-03-31T00:00:00Z'),
          visibility: 'INTERNAL',
          narrative: 'INTERNAL-ONLY',
        }),
      ],
      ZONE,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ period_key: 'FY2025-Q2', status: 'In Progress', update_narrative: 'newer' });
    expect(JSON.stringify(rows)).not.toContain('INTERNAL-ONLY');
  });

  it('breaks a tie in time by the later id', () => {
    const at = new Date('2024-11-10T18:00:00Z');
    const { rows } = buildStrategyPeriodRows(
      [strategy()],
      [update({ id: 50, narrative: 'second', createdAt: at }), update({ id: 40, narrative: 'first', createdAt: at })],
      ZONE,
    );
    expect(rows.map((r) => r.update_narrative)).toEqual(['second']);
  });

  it('gives the status of a REDI update but none of its words', () => {
    const { rows } = buildStrategyPeriodRows(
      [strategy()],
      [
        update({ narrative: 'public words', createdAt: new Date('2024-10-10T18:00:00Z') }),
        update({ visibility: 'REDI', statusTo: 'ONGOING', narrative: 'redi words', measureValues: 'redi measures', outputs: 'redi outputs' }),
      ],
      ZONE,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      status: 'Ongoing',
      update_visibility: 'redi',
      update_narrative: '',
      update_measure_values: '',
      update_outputs: '',
      update_typed_measures: '',
    });
    expect(JSON.stringify(rows)).not.toMatch(/redi (words|measures|outputs)|public words/);
  });

  it('leaves out a visibility it does not know', () => {
    const { rows } = buildStrategyPeriodRows([strategy()], [update({ visibility: 'DEPARTMENT' as Visibility, narrative: 'secret' })], ZONE);
    expect(rows).toEqual([]);
  });

  it('fills every column from the plan, the strategy and the update', () => {
    const { rows } = buildStrategyPeriodRows([strategy()], [update({ createdAt: new Date('2025-01-01T05:00:00Z') })], ZONE);
    expect(rows).toEqual([
      {
        plan_key: 'LIB-FY2024-2026',
        plan_title: 'Library REAP',
        plan_kind: 'department_reap',
        department_code: 'LIB',
        department_name: 'Library',
        objective_number: '1',
        objective_title: 'Welcome everyone',
        strategy_ref: '1.2',
        strategy_text: 'Story times in three languages',
        owner_department: 'Library',
        performance_measures: '# of branches',
        outputs: 'Schedule',
        period_key: 'FY2025-Q2',
        period_start: '2024-10-01',
        period_end: '2024-12-31',
        status: 'In Progress',
        update_visibility: 'public',
        update_narrative: 'Started at 12 branches',
        update_measure_values: '12 of 25',
        update_typed_measures: '',
        update_outputs: 'Flyers',
        // 05:00 UTC on New Year's Day is still New Year's Eve in San José.
        reported_on: '2024-12-31',
      },
    ]);
    expect(Object.keys(rows[0]!)).toEqual(OPEN_DATA_COLUMNS);
  });

  it('writes the typed measures of a Public update with their targets, and none of a REDI one', () => {
    const typedValues = [
      {
        measureId: 1,
        label: 'Branch staff trained',
        kind: 'PERCENT' as const,
        unit: '',
        target: 90,
        direction: 'INCREASE' as const,
        value: 92.5,
        note: 'a note never published',
      },
      {
        measureId: 2,
        label: 'Bilingual sessions held',
        kind: 'COUNT' as const,
        unit: 'sessions',
        target: 12,
        direction: 'INCREASE' as const,
        value: 8,
        note: null,
      },
      { measureId: 3, label: 'Policy adopted', kind: 'YES_NO' as const, unit: '', target: null, direction: 'INCREASE' as const, value: 1, note: null },
    ];
    const published = buildStrategyPeriodRows([strategy()], [update({ typedValues })], ZONE).rows[0]!;
    expect(published.update_typed_measures).toBe(
      'Branch staff trained: 92.5% (target 90%, on target); Bilingual sessions held: 8 sessions (target 12 sessions, off target); Policy adopted: yes',
    );
    expect(JSON.stringify(published)).not.toContain('a note never published');
    const redi = buildStrategyPeriodRows([strategy()], [update({ visibility: 'REDI', typedValues })], ZONE).rows[0]!;
    expect(redi.update_typed_measures).toBe('');
  });

  it('writes empty cells for a plan of no department and a strategy with no owner', () => {
    const { rows } = buildStrategyPeriodRows([strategy({ planKind: 'ORSE_WORK_PLAN', department: null, ownerDepartment: null })], [update()], ZONE);
    expect(rows[0]).toMatchObject({ plan_kind: 'orse_work_plan', department_code: '', department_name: '', owner_department: '' });
  });

  it('skips updates of strategies it was not given (archived ones)', () => {
    expect(buildStrategyPeriodRows([strategy()], [update({ strategyId: 99 })], ZONE).rows).toEqual([]);
  });

  it('sorts by plan, objective, strategy and period, and counts demo rows', () => {
    const q1 = { periodKey: 'FY2025-Q1', periodStart: new Date('2024-07-01T00:00:00Z'), periodEnd: new Date('2024-09-30T00:00:00Z') };
    const { rows, demoRows } = buildStrategyPeriodRows(
      [
        strategy({ id: 1, objectiveNumber: 2, number: 1 }),
        strategy({ id: 2, objectiveNumber: 1, number: 10 }),
        strategy({ id: 3, objectiveNumber: 1, number: 9 }),
        strategy({ id: 4, planKey: 'ABC-FY2024-2026', isDemo: true }),
      ],
      [
        update({ strategyId: 1 }),
        update({ strategyId: 1, ...q1 }),
        update({ strategyId: 2 }),
        update({ strategyId: 3, isDemo: true }),
        update({ strategyId: 4 }),
      ],
      ZONE,
    );
    expect(rows.map((r) => `${r.plan_key} ${r.strategy_ref} ${r.period_key}`)).toEqual([
      'ABC-FY2024-2026 1.2 FY2025-Q2',
      'LIB-FY2024-2026 1.9 FY2025-Q2',
      'LIB-FY2024-2026 1.10 FY2025-Q2',
      'LIB-FY2024-2026 2.1 FY2025-Q1',
      'LIB-FY2024-2026 2.1 FY2025-Q2',
    ]);
    expect(demoRows).toBe(2);
  });
});

describe('renderOpenDataCsv', () => {
  const rows = buildStrategyPeriodRows(
    [
      strategy({
        text: '=HYPERLINK("http://evil.example")',
        performanceMeasures: '- # of branches\n- % of staff',
        objectiveTitle: 'Welcome "everyone", everywhere',
      }),
    ],
    [update()],
    ZONE,
  ).rows;
  const csv = renderOpenDataCsv(rows);

  it('writes RFC 4180 without a byte-order mark, one header row in schema order', () => {
    expect(csv.startsWith(`${OPEN_DATA_COLUMNS.join(',')}\r\n`)).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const records: string[][] = parse(csv, { relax_column_count: true });
    expect(records[0]).toEqual(OPEN_DATA_COLUMNS);
    expect(records).toHaveLength(2);
    for (const r of records) expect(r).toHaveLength(OPEN_DATA_COLUMNS.length);
  });

  it('quotes what needs quoting and defuses formulas', () => {
    expect(csv).toContain(`"Welcome ""everyone"", everywhere"`);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    expect(csv).toContain(`"'- # of branches\n- % of staff"`);
  });

  it('writes only a header when there is nothing to publish', () => {
    expect(renderOpenDataCsv([])).toBe(`${OPEN_DATA_COLUMNS.join(',')}\r\n`);
  });
});

describe('the data package', () => {
  const created = new Date('2026-11-18T17:00:00Z');
  const pkg = buildDataPackage(created) as {
    name: string;
    created: string;
    licenses: Array<{ name: string }>;
    resources: Array<{
      name: string;
      path: string;
      schema: { fields: Array<Record<string, unknown>>; primaryKey: string[] };
    }>;
  };
  const fields = pkg.resources[0]!.schema.fields;

  it('describes one CSV resource whose fields are the CSV columns in order', () => {
    expect(pkg.resources).toHaveLength(1);
    expect(pkg.resources[0]!.path).toBe(OPEN_DATA_CSV);
    expect(fields.map((f) => f.name)).toEqual(OPEN_DATA_COLUMNS);
    expect(fields).toHaveLength(OPEN_DATA_COLUMNS.length);
  });

  it('gives every field a type, a title and a description', () => {
    for (const f of fields) {
      expect(['string', 'date', 'integer']).toContain(f.type);
      expect(f.title).toEqual(expect.any(String));
      expect(String(f.description).length).toBeGreaterThan(10);
    }
  });

  it('keys rows by required fields', () => {
    expect(pkg.resources[0]!.schema.primaryKey).toEqual(OPEN_DATA_PRIMARY_KEY);
    for (const k of OPEN_DATA_PRIMARY_KEY) {
      expect(fields.find((f) => f.name === k)?.constraints).toMatchObject({ required: true });
    }
  });

  it('leaves the license to the City and stamps the creation time', () => {
    expect(pkg.licenses).toEqual([expect.objectContaining({ name: LICENSE_PLACEHOLDER })]);
    expect(pkg.created).toBe('2026-11-18T17:00:00.000Z');
    expect(pkg.name).toMatch(/^[a-z0-9._-]+$/);
  });

  it('has examples that fit each field', () => {
    for (const f of OPEN_DATA_FIELDS) {
      if (f.type === 'date') expect(f.example).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      if (f.type === 'integer') expect(f.example).toMatch(/^\d+$/);
      if ('values' in f) expect(f.values).toContain(f.example);
    }
  });

  it('names no person-level field', () => {
    expect(OPEN_DATA_COLUMNS.filter((n) => /author|behalf|email|slack|member|^owner$|^name$/.test(n))).toEqual([]);
  });
});

describe('renderDataDictionary', () => {
  const md = renderDataDictionary();

  it('has one table row per field, in schema order', () => {
    const rows = md.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Name') && !l.startsWith('| ---'));
    expect(rows.map((l) => l.split(' | ')[0]!.slice(2))).toEqual(OPEN_DATA_COLUMNS);
    for (const [i, f] of OPEN_DATA_FIELDS.entries()) {
      expect(rows[i]).toContain(` | ${f.type} | `);
      expect(rows[i]!.endsWith(` | ${f.example} |`)).toBe(true);
    }
  });

  it('says the license is not chosen yet', () => {
    expect(md).toContain(LICENSE_PLACEHOLDER);
  });
});
