// Guards the transcription of the ORSE work plan: the table is parsed here straight from
// the seed document (not from the seed's constant) and compared, row for row, with what
// seeding put in the database. A typo in src/db/seed/orse-work-plan-fy2023-2024.ts, a
// lost paragraph or a mis-mapped status fails this test.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDatabase } from '../../src/db/seed/index.js';
import { createTestDatabase, dropTestDatabase, type TestDatabase } from '../support/test-db.js';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SOURCE = path.resolve(REPO_ROOT, '../shared/seeds/000_3efae15d370abf39.txt');

interface SourceRow {
  number: number;
  text: string;
  progress: string;
  measures: string;
  outputs: string;
}

interface SourceTable {
  title: string;
  vision: string;
  mission: string;
  objectives: { number: number; title: string; rows: SourceRow[] }[];
}

/**
 * A table cell as published: "<p>a</p> <p>b</p>" is two paragraphs (joined by a newline),
 * and "\$" is the converter's markdown escape of a dollar sign.
 */
function cellText(raw: string): string {
  const paragraphs = raw.match(/<p>[\s\S]*?<\/p>/g);
  const text = paragraphs ? paragraphs.map((p) => p.slice('<p>'.length, -'</p>'.length)).join('\n') : raw;
  return text.replaceAll('\\$', '$').trim();
}

function parseWorkPlanTable(doc: string): SourceTable {
  const lines = doc.split(/\r?\n/);
  const headerAt = lines.findIndex((l) => l.startsWith('Office of Racial Equity Work Plan') && l.includes('Our VISION'));
  if (headerAt < 0) throw new Error('attachment header not found');
  const header = lines[headerAt]!;
  const title = /^(Office of Racial Equity Work Plan July \d{4}-June \d{4})/.exec(header)?.[1];
  const vision = /(Our VISION is [^.]*\.)/.exec(header)?.[1];
  const mission = /(Our MISSION is [^.]*\.)/.exec(header)?.[1];
  if (!title || !vision || !mission) throw new Error('attachment header not understood');

  const objectives: SourceTable['objectives'] = [];
  for (const line of lines.slice(headerAt + 1)) {
    const objective = /^Objective (\d+): ([^\t]+)\t*$/.exec(line);
    if (objective) {
      objectives.push({ number: Number(objective[1]), title: objective[2]!.trim(), rows: [] });
      continue;
    }
    const cells = line.split('\t');
    const first = cellText(cells[0] ?? '');
    const numbered = /^(\d+)\. ([\s\S]+)$/.exec(first);
    if (!numbered) continue; // page headers, blank lines
    if (cells.length !== 4) throw new Error(`row with ${cells.length} cells: ${line.slice(0, 60)}`);
    const current = objectives.at(-1);
    if (!current) throw new Error('strategy row before any objective');
    current.rows.push({
      number: Number(numbered[1]),
      text: numbered[2]!,
      progress: cellText(cells[1]!),
      measures: cellText(cells[2]!),
      outputs: cellText(cells[3]!),
    });
  }
  return { title, vision, mission, objectives };
}

const PROGRESS_TO_STATUS: Record<string, string> = {
  Completed: 'COMPLETED',
  'In Progress': 'IN_PROGRESS',
  Ongoing: 'ONGOING',
  'Not Started': 'NOT_STARTED',
};

describe('ORSE work plan FY 2023-2024 seed', () => {
  let db: TestDatabase;
  let source: SourceTable;

  beforeAll(async () => {
    source = parseWorkPlanTable(fs.readFileSync(SOURCE, 'utf8'));
    db = await createTestDatabase();
    await seedDatabase(db.prisma, { now: new Date('2026-11-23T17:00:00Z') });
  });

  afterAll(async () => {
    await dropTestDatabase(db);
  });

  it('parses the whole attachment table from the seed document', () => {
    expect(source.objectives.map((o) => o.number)).toEqual([1, 2, 3, 4]);
    expect(source.objectives.map((o) => o.rows.length)).toEqual([7, 6, 6, 7]);
    for (const o of source.objectives) {
      expect(o.rows.map((r) => r.number)).toEqual(o.rows.map((_, i) => i + 1));
      for (const r of o.rows) expect(Object.keys(PROGRESS_TO_STATUS)).toContain(r.progress);
    }
    // Spot checks that the cell clean-up did what the table needs.
    const rrn = source.objectives[2]!.rows[4]!;
    expect(rrn.measures.split('\n')).toHaveLength(2);
    expect(rrn.outputs.startsWith('FY 2022-2023 528 RRN hotline calls')).toBe(true);
    expect(source.objectives[3]!.rows[5]!.measures).toContain('$82,000 in capital investment');
    expect(source.objectives[2]!.rows[5]).toMatchObject({
      progress: 'Not Started',
      measures: 'DEFERRED - Certified Welcoming Fall 2024 Cohort',
      outputs: '',
    });
  });

  it('stores the plan header as the attachment states it', async () => {
    const plan = await db.prisma.plan.findUniqueOrThrow({ where: { key: 'ORSE-FY2023-2024' }, include: { department: true } });
    expect(plan).toMatchObject({
      kind: 'ORSE_WORK_PLAN',
      title: source.title,
      fiscalStartYear: 2023,
      fiscalEndYear: 2024,
      vision: source.vision,
      mission: source.mission,
      isDemo: false,
    });
    expect(plan.title).toBe('Office of Racial Equity Work Plan July 2023-June 2024');
    expect(plan.department?.code).toBe('ORSE');
  });

  it('stores every objective and strategy row exactly as the table has it', async () => {
    const plan = await db.prisma.plan.findUniqueOrThrow({
      where: { key: 'ORSE-FY2023-2024' },
      include: { objectives: { orderBy: { number: 'asc' }, include: { strategies: { orderBy: { number: 'asc' } } } } },
    });
    const stored = plan.objectives.map((o) => ({
      number: o.number,
      title: o.title,
      rows: o.strategies.map((s) => ({
        number: s.number,
        text: s.text,
        status: s.status,
        measures: s.performanceMeasures,
        outputs: s.outputs,
      })),
    }));
    const expected = source.objectives.map((o) => ({
      number: o.number,
      title: o.title,
      rows: o.rows.map((r) => ({
        number: r.number,
        text: r.text,
        status: PROGRESS_TO_STATUS[r.progress],
        measures: r.measures,
        outputs: r.outputs,
      })),
    }));
    expect(stored).toEqual(expected);
  });

  it('leaves the published plan without invented owners, dates or updates', async () => {
    const strategies = await db.prisma.strategy.findMany({
      where: { objective: { plan: { key: 'ORSE-FY2023-2024' } } },
      include: { milestones: true, updates: true },
    });
    expect(strategies).toHaveLength(26);
    for (const s of strategies) {
      expect(s).toMatchObject({ ownerId: null, dueDate: null, version: 1, deferredReason: null });
      expect(s.milestones).toEqual([]);
      expect(s.updates).toEqual([]);
    }
  });

  it('gives strategy 1.6 the typed measures its published columns name, with no invented targets or values', async () => {
    const s = await db.prisma.strategy.findFirstOrThrow({
      where: { number: 6, objective: { number: 1, plan: { key: 'ORSE-FY2023-2024' } } },
      include: { measures: { orderBy: { position: 'asc' }, include: { values: true } } },
    });
    // What the published cells say the strategy counts.
    expect(s.performanceMeasures).toContain('4.7/5 rating on ORE trainings 100% attendees intend to apply learnings to their work');
    expect(s.outputs).toBe('15 trainings 420 participants');
    expect(s.measures.map((m) => [m.label, m.kind, m.unit, m.baseline, m.target, m.values.length])).toEqual([
      ['Rating on ORE trainings', 'RATING', '', null, null, 0],
      ['Attendees who intend to apply learnings to their work', 'PERCENT', '', null, null, 0],
      ['Trainings', 'COUNT', 'trainings', null, null, 0],
      ['Participants', 'COUNT', 'participants', null, null, 0],
    ]);
    expect(await db.prisma.measure.count()).toBe(4);
  });
});
