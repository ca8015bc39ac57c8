// The typed_measures column of plans files: it adds and updates a strategy's typed
// measures (matched on their label, never deleting one), refuses a bad cell with a message
// naming the row and the measure, writes nothing then, and export writes the same column so
// that export → import → export gives the same bytes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importSources, writeExport, importPaths, type ImportResult } from '../../src/services/import-export/index.js';
import { createTestDatabase, dropTestDatabase, type TestDatabase } from '../support/test-db.js';

let db: TestDatabase;
let tmp: string;

beforeEach(async () => {
  db = await createTestDatabase();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'reap-measures-'));
});
afterEach(async () => {
  await dropTestDatabase(db);
  fs.rmSync(tmp, { recursive: true, force: true });
});

function ok(r: ImportResult) {
  if (!r.ok) throw new Error(`import failed:\n${r.messages.join('\n')}`);
  return r;
}

const DEPARTMENTS = 'code,name\nORSE,Office of Racial Equity\n';
const HEAD =
  'plan_key,plan_kind,plan_title,department_code,fiscal_start_year,fiscal_end_year,objective_number,objective_title,strategy_number,strategy_text,typed_measures';
const row = (number: number, text: string, measures: string) =>
  `ORSE-FY2024,department_reap,ORSE plan,ORSE,2023,2024,1,Build capacity,${number},${text},"${measures.replace(/"/g, '""')}"`;
const files = (...rows: string[]) => [
  { name: 'departments.csv', content: Buffer.from(DEPARTMENTS) },
  { name: 'plans.csv', content: Buffer.from([HEAD, ...rows].join('\n')) },
];

const measuresOf = (number: number) =>
  db.prisma.measure.findMany({ where: { strategy: { number } }, orderBy: { position: 'asc' } }).then((ms) =>
    ms.map((m) => ({
      position: m.position,
      label: m.label,
      kind: m.kind,
      unit: m.unit,
      baseline: m.baseline === null ? null : Number(m.baseline),
      target: m.target === null ? null : Number(m.target),
      direction: m.direction,
      dataSource: m.dataSource,
      splitBy: m.splitBy,
    })),
  );

describe('typed_measures in plans files', () => {
  it('creates typed measures from the cell, then updates them by label and keeps those left out', async () => {
    const first = ok(
      await importSources(
        db.prisma,
        files(
          row(
            1,
            'Train the workforce in racial equity',
            'Workforce trained | percent | % | | 98 | increase | Learning management system | race_ethnicity, gender; Trainings held | count | trainings | 0 | 15',
          ),
          row(2, 'Publish the equity dashboard', ''),
        ),
      ),
    );
    expect(first.summary).toBe('Imported 1 department (1 new), 1 plan (1 new), 1 objective (1 new), 2 strategies (2 new), 0 milestones, 2 measures (2 new).');
    expect(await measuresOf(1)).toEqual([
      {
        position: 1,
        label: 'Workforce trained',
        kind: 'PERCENT',
        unit: '%',
        baseline: null,
        target: 98,
        direction: 'INCREASE',
        dataSource: 'Learning management system',
        splitBy: ['RACE_ETHNICITY', 'GENDER'],
      },
      { position: 2, label: 'Trainings held', kind: 'COUNT', unit: 'trainings', baseline: 0, target: 15, direction: 'INCREASE', dataSource: '', splitBy: [] },
    ]);
    expect(await measuresOf(2)).toEqual([]);

    const second = ok(
      await importSources(
        db.prisma,
        files(row(1, 'Train the workforce in racial equity', 'Trainings held | count | trainings | 0 | 20; Staff reached | count | staff | | 420')),
        { now: new Date('2026-12-01T00:00:00Z') },
      ),
    );
    expect(second.summary).toContain('2 measures (1 new, 1 updated)');
    expect((await measuresOf(1)).map((m) => [m.position, m.label, m.target])).toEqual([
      [1, 'Workforce trained', 98],
      [2, 'Trainings held', 20],
      [3, 'Staff reached', 420],
    ]);
  });

  it('refuses a bad cell with the row and the measure named, writing nothing', async () => {
    const r = await importSources(
      db.prisma,
      files(row(1, 'Train the workforce', 'Workforce trained | percent | % | | 120'), row(2, 'Publish the dashboard', 'Dashboard live | yes-or-no')),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.messages).toEqual([
      'plans.csv: row 2 (line 2): typed_measures: measure "Workforce trained": target "120" is not a valid percent value (a number from 0 to 100)',
      'plans.csv: row 3 (line 3): typed_measures: measure "Dashboard live": kind "yes-or-no" is not one of yes_no, count, percent, currency, rating',
    ]);
    expect(await db.prisma.strategy.count()).toBe(0);
    expect(await db.prisma.measure.count()).toBe(0);
  });

  it('refuses to change the kind of a measure that has values', async () => {
    ok(await importSources(db.prisma, files(row(1, 'Train the workforce', 'Trainings held | count | trainings'))));
    const measure = await db.prisma.measure.findFirstOrThrow();
    const member = await db.prisma.member.create({ data: { slackUserId: 'U0ORSE01', name: 'Analyst' } });
    const update = await db.prisma.progressUpdate.create({
      data: {
        strategyId: measure.strategyId,
        periodKey: 'FY2027-Q2',
        periodStart: new Date('2026-10-01'),
        periodEnd: new Date('2026-12-31'),
        statusFrom: 'NOT_STARTED',
        statusTo: 'IN_PROGRESS',
        narrative: 'Six trainings.',
        authorId: member.id,
        idempotencyKey: 'test:1',
      },
    });
    await db.prisma.measureValue.create({ data: { progressUpdateId: update.id, measureId: measure.id, value: 6 } });
    const r = await importSources(db.prisma, files(row(1, 'Train the workforce', 'Trainings held | percent')));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.messages).toEqual([
      'plans.csv: row 2 (line 2): typed_measures: measure "Trainings held" already has values reported as count; its kind cannot change to percent (give the new measure another label)',
    ]);

    // The JSON export's history carries the value with the update, so nothing is only inside the app.
    const out = path.join(tmp, 'all.json');
    await writeExport(db.prisma, { format: 'json', out, today: '2026-12-05' });
    const doc = JSON.parse(fs.readFileSync(out, 'utf8')) as { progress_updates: { typed_measure_values: unknown[] }[] };
    expect(doc.progress_updates[0]!.typed_measure_values).toEqual([{ measure: 'Trainings held', kind: 'COUNT', unit: 'trainings', value: 6, note: null }]);
  });

  it('exports the column and survives export → import → export byte for byte', async () => {
    ok(
      await importSources(
        db.prisma,
        files(
          row(
            1,
            'Train the workforce',
            'Policy adopted | yes_no | | no | yes | increase | Council minutes; Wait time | count | days | 30 | 10 | decrease | 311 records | language, disability; Grant | currency | | | 2500.5',
          ),
        ),
      ),
    );
    const first = path.join(tmp, 'first');
    await writeExport(db.prisma, { format: 'csv', out: first, today: '2026-12-05' });
    const plans = fs.readFileSync(path.join(first, 'plans.csv'), 'utf8');
    expect(plans).toContain('typed_measures');
    expect(plans).toContain(
      'Policy adopted | yes_no | | no | yes | increase | Council minutes; Wait time | count | days | 30 | 10 | decrease | 311 records | language, disability; Grant | currency | | | 2500.5 | increase',
    );

    const other = await createTestDatabase();
    try {
      ok(await importPaths(other.prisma, [first]));
      const second = path.join(tmp, 'second');
      await writeExport(other.prisma, { format: 'csv', out: second, today: '2026-12-05' });
      expect(fs.readFileSync(path.join(second, 'plans.csv'), 'utf8')).toBe(plans);
    } finally {
      await dropTestDatabase(other);
    }
  });
});
