// The annual report's attachment table, regenerated from the seeded work plan, must match
// the City's document row for row. The document is parsed here on its own terms (tab-
// separated rows after the "Objectives & Strategies" header), not with the seed's data.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, dropTestDatabase, type TestDatabase } from '../../support/test-db.js';
import { seedDatabase } from '../../../src/db/seed/index.js';
import { loadActor } from '../../../src/services/authz.js';
import { buildPlanTable, exportPlanTable, resolvePlan, workPlanTable } from '../../../src/services/reports.js';
import { ServiceError } from '../../../src/services/errors.js';
import { serviceContext } from './support/world.js';

const SEED_DOCUMENT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../shared/seeds/000_3efae15d370abf39.txt');
const HEADER = 'Objectives & Strategies\tPROGRESS\tPerformance Measures\tOutputs';

/** The attachment's rows: every non-blank line after the first header, headers repeated per page dropped. */
function documentRows(text: string): string[][] {
  const lines = text.split(/\r?\n/);
  const start = lines.indexOf(HEADER);
  expect(start).toBeGreaterThan(0);
  return lines
    .slice(start)
    .filter((l) => l.trim() !== '' && l !== HEADER)
    .map((l) => l.split('\t').map(cleanCell));
}

/** The document's HTML residue: <p> wrappers (one paragraph per line) and a markdown escape. */
function cleanCell(cell: string): string {
  return cell
    .replace(/<\/p>\s*<p>/g, '\n')
    .replace(/^<p>/, '')
    .replace(/<\/p>$/, '')
    .replace(/\\\$/g, '$');
}

let db: TestDatabase;
const ctx = () => serviceContext(db.prisma, new Date('2026-11-23T17:00:00Z'));

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDatabase(db.prisma, { now: new Date('2026-11-23T17:00:00Z') });
});
afterAll(async () => {
  await dropTestDatabase(db);
});

describe('the FY 2023-2024 work plan table', () => {
  it("reproduces the annual report's attachment row for row", async () => {
    const expected = documentRows(fs.readFileSync(SEED_DOCUMENT, 'utf8'));
    // 4 objectives and 7 + 6 + 6 + 7 strategies.
    expect(expected).toHaveLength(30);
    const { plan, table } = await workPlanTable(ctx(), await loadActor(ctx(), 'U0LIB02'), 'FY 2023-2024');
    expect(plan.key).toBe('ORSE-FY2023-2024');
    expect(table.columns).toEqual(['Objectives & Strategies', 'Progress', 'Performance Measures', 'Outputs']);
    expect(table.rows.length).toBe(expected.length);
    table.rows.forEach((row, i) => expect({ row: i + 1, cells: row.cells }).toEqual({ row: i + 1, cells: expected[i] }));
    expect(table.rows.filter((r) => r.kind === 'objective').map((r) => r.cells[0].slice(0, 12))).toEqual([
      'Objective 1:',
      'Objective 2:',
      'Objective 3:',
      'Objective 4:',
    ]);
  });

  it('is found from the key, the fiscal year in several spellings, or its end year', async () => {
    for (const ref of ['ORSE-FY2023-2024', 'orse-fy2023-2024', 'FY2023-2024', 'FY 2023-24', '2023-2024', 'FY24', 2024]) {
      expect((await resolvePlan(ctx(), ref)).key).toBe('ORSE-FY2023-2024');
    }
  });

  it('renders to CSV that parses back to the same rows', async () => {
    const report = await exportPlanTable(ctx(), await loadActor(ctx(), 'U0ORSE01'), 'FY2023-2024', 'csv');
    expect(report.filename).toBe('ORSE-FY2023-2024.csv');
    const parsed = parse(report.content) as string[][];
    const { table } = await buildPlanTable(ctx(), 'FY2023-2024');
    expect(parsed[0]).toEqual([...table.columns]);
    expect(parsed.slice(1)).toEqual(table.rows.map((r) => r.cells));
  });

  it('renders to Markdown with one line per row', async () => {
    const report = await exportPlanTable(ctx(), await loadActor(ctx(), 'U0ORSE01'), 'FY2023-2024', 'markdown');
    const lines = report.content.trimEnd().split('\n');
    const { table } = await buildPlanTable(ctx(), 'FY2023-2024');
    expect(lines).toHaveLength(table.rows.length + 2);
    expect(lines[0]).toBe('| Objectives & Strategies | Progress | Performance Measures | Outputs |');
    // 3.5 has two paragraphs per cell in the document.
    expect(lines.find((l) => l.startsWith('| 5. Support Rapid Response Network'))).toContain('security.<br>FY 2023-2024');
  });
});

describe('department REAP tables', () => {
  it('resolves "FY2024-2026 library" to the Library REAP and builds its table', async () => {
    for (const ref of ['FY2024-2026 library', 'Library FY2024-2026', 'LIB-FY2024-2026', 'san jose public library 2024-26', 'library FY2025']) {
      expect((await resolvePlan(ctx(), ref)).key).toBe('LIB-FY2024-2026');
    }
    const { plan, table } = await workPlanTable(ctx(), await loadActor(ctx(), 'U0LIB02'), 'FY2024-2026 library');
    expect(plan).toMatchObject({ key: 'LIB-FY2024-2026', departmentCode: 'LIB', kind: 'DEPARTMENT_REAP' });
    expect(table.rows[0]!.kind).toBe('objective');
    expect(table.rows[0]!.cells[0]).toMatch(/^Objective 1: /);
    expect(table.rows[1]!.cells[0]).toMatch(/^1\. /);
    expect(['Completed', 'In Progress', 'Ongoing', 'Not Started', 'Deferred']).toContain(table.rows[1]!.cells[1]);
  });

  it("keeps a department's REAP from readers outside it, and suggests plans for unknown ones", async () => {
    const e = await workPlanTable(ctx(), await loadActor(ctx(), 'U0DOT02'), 'LIB-FY2024-2026').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ServiceError);
    expect((e as ServiceError).code).toBe('forbidden');
    const missing = (await resolvePlan(ctx(), 'FY2030-2032 library').catch((x: unknown) => x)) as ServiceError;
    expect(missing).toMatchObject({ code: 'not_found', messageKey: 'errors.notFound.plan' });
    expect(missing.params.suggestions).toContain('LIB-FY2024-2026');
  });
});
