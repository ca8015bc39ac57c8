// Citywide plans through `reap import` and `reap export`: the example file of the Welcoming
// plan's strategies imports (alone, and over the seeded pillars without changing them),
// and a plan with lead and partner departments survives export → import → export byte for
// byte.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runImport, type CliIO } from '../../src/cli/import-command.js';
import { seedDatabase, WELCOMING_SAN_JOSE_PLAN } from '../../src/db/seed/index.js';
import { importPaths, importSources, writeExport, type ImportResult } from '../../src/services/import-export/index.js';
import { createTestDatabase, dropTestDatabase, type TestDatabase } from '../support/test-db.js';

const EXAMPLE = path.resolve(import.meta.dirname, '../../examples/welcoming-strategies.csv');

let db: TestDatabase;
let tmp: string;

beforeEach(async () => {
  db = await createTestDatabase();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'reap-citywide-'));
});
afterEach(async () => {
  await dropTestDatabase(db);
  fs.rmSync(tmp, { recursive: true, force: true });
});

function ok(r: ImportResult) {
  if (!r.ok) throw new Error(`import failed:\n${r.messages.join('\n')}`);
  return r;
}

const io = (): CliIO & { stdout: string[]; stderr: string[] } => {
  const o = { stdout: [] as string[], stderr: [] as string[], out: (t: string) => void o.stdout.push(t), err: (t: string) => void o.stderr.push(t) };
  return o;
};

const DEPARTMENTS =
  'code,name\nLIB,San José Public Library\nPRNS,"Parks, Recreation and Neighborhood Services"\nOEDCA,Office of Economic Development and Cultural Affairs\n';

describe('examples/welcoming-strategies.csv', () => {
  it('imports into an empty database with reap import: 23 placeholder strategies under four pillars', async () => {
    const out = io();
    expect(await runImport(db.prisma, [EXAMPLE], {}, out)).toBe(0);
    expect(out.stderr).toEqual([]);
    expect(out.stdout).toEqual(['Imported 1 plan (1 new), 4 objectives (4 new), 23 strategies (23 new), 0 milestones.']);
    const strategies = await db.prisma.strategy.findMany({ include: { objective: { include: { plan: true } } } });
    expect(strategies).toHaveLength(23);
    for (const s of strategies) {
      expect(s.text).toMatch(/^PLACEHOLDER — strategy \d+ of 23/);
      expect(s.objective.plan.kind).toBe('CITYWIDE_PLAN');
      expect(s.leadDepartmentId).toBeNull();
    }
  });

  it('adds the strategies to the seeded plan without touching its pillars', async () => {
    await seedDatabase(db.prisma, { now: new Date('2026-11-23T17:00:00Z') });
    const r = ok(await importPaths(db.prisma, [EXAMPLE]));
    expect(r.summary).toBe('Imported 1 plan (1 unchanged), 4 objectives (4 unchanged), 23 strategies (23 new), 0 milestones.');
    const pillars = await db.prisma.objective.findMany({ where: { plan: { key: WELCOMING_SAN_JOSE_PLAN.key } }, orderBy: { number: 'asc' } });
    expect(pillars.map((p) => [p.title, p.description])).toEqual(WELCOMING_SAN_JOSE_PLAN.pillars.map((p) => [p.title, p.description]));
  });
});

describe('citywide plan round trip', () => {
  const plan = [
    'plan_key,plan_kind,plan_title,department_code,fiscal_start_year,fiscal_end_year,objective_number,objective_title,objective_description,strategy_number,strategy_text,lead_department,partner_departments',
    'CW-2025-2027,citywide_plan,A citywide plan,,2025,2027,1,First pillar,"What the first pillar, in full, sets out to do.",1,Open the libraries longer,LIB,PRNS;OEDCA',
    'CW-2025-2027,citywide_plan,A citywide plan,,2025,2027,1,First pillar,"What the first pillar, in full, sets out to do.",2,Fund small businesses,OEDCA,',
    'CW-2025-2027,citywide_plan,A citywide plan,,2025,2027,2,Second pillar,,,,,',
  ].join('\n');

  it('stores lead and partner departments, then exports, imports into an empty database and exports the same bytes', async () => {
    ok(
      await importSources(db.prisma, [
        { name: 'departments.csv', content: Buffer.from(DEPARTMENTS) },
        { name: 'plans.csv', content: Buffer.from(plan) },
      ]),
    );
    const s = await db.prisma.strategy.findFirstOrThrow({
      where: { number: 1, objective: { number: 1, plan: { key: 'CW-2025-2027' } } },
      include: { leadDepartment: true, partners: { include: { department: true } } },
    });
    expect(s.leadDepartment?.code).toBe('LIB');
    expect(s.partners.map((p) => p.department.code).sort()).toEqual(['OEDCA', 'PRNS']);

    for (const format of ['csv', 'json'] as const) {
      const first = path.join(tmp, `first-${format}`);
      const second = path.join(tmp, `second-${format}`);
      const out = (dir: string) => (format === 'json' ? path.join(dir, 'all.json') : dir);
      // Departments, members and plans: JSON without history so the file is import input only.
      const kinds = ['departments', 'members', 'plans'] as const;
      await writeExport(db.prisma, { format, out: out(first), today: '2026-11-23', kinds: [...kinds] });
      const fresh = await createTestDatabase();
      try {
        ok(await importPaths(fresh.prisma, [out(first)]));
        await writeExport(fresh.prisma, { format, out: out(second), today: '2026-11-23', kinds: [...kinds] });
      } finally {
        await dropTestDatabase(fresh);
      }
      const files = (dir: string) =>
        Object.fromEntries(
          fs
            .readdirSync(dir)
            .sort()
            .map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]),
        );
      expect(files(second)).toEqual(files(first));
      const text = Object.values(files(first)).join('\n');
      expect(text).toContain('PRNS');
      expect(text).toContain('What the first pillar, in full, sets out to do.');
    }
    const csv = fs.readFileSync(path.join(tmp, 'first-csv', 'plans.csv'), 'utf8');
    expect(csv).toContain(',LIB,OEDCA;PRNS,\r\n');
  });

  it('refuses lead and partner departments on a department plan, unknown codes and a lead named as partner', async () => {
    const bad = [
      'plan_key,plan_kind,plan_title,department_code,fiscal_start_year,fiscal_end_year,objective_number,objective_title,strategy_number,strategy_text,lead_department,partner_departments',
      'LIB-FY2025-2027,department_reap,Library REAP,LIB,2025,2027,1,One,1,Text,LIB,PRNS',
      'CW-2025-2027,citywide_plan,A citywide plan,,2025,2027,1,One,1,Text,NOPE,PRNS',
      'CW-2025-2027,citywide_plan,A citywide plan,,2025,2027,1,One,2,Text,LIB,LIB;PRNS',
      'CW2-2025-2027,citywide_plan,Another citywide plan,LIB,2025,2027,,,,,,',
    ].join('\n');
    const r = await importSources(db.prisma, [
      { name: 'departments.csv', content: Buffer.from(DEPARTMENTS) },
      { name: 'plans.csv', content: Buffer.from(bad) },
    ]);
    if (r.ok) throw new Error('import unexpectedly succeeded');
    const text = r.messages.join('\n');
    expect(text).toContain('lead_department: must be empty unless plan_kind is citywide_plan');
    expect(text).toContain('partner_departments: must be empty unless plan_kind is citywide_plan');
    expect(text).toContain('department_code: must be empty for a citywide_plan plan');
    expect(text).toContain('unknown department NOPE');
    expect(text).toContain('names the lead department LIB as a partner too');
    expect(await db.prisma.plan.count()).toBe(0);
  });
});
