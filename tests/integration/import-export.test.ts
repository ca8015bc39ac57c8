// Import and export against a real database (PGlite, or PostgreSQL with TEST_DATABASE_URL):
// what gets written, that a bad row anywhere writes nothing, and that files survive
// import → export → import → export byte for byte.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Prisma } from '../../src/db/client.js';
import { migrate } from '../../src/db/migrate.js';
import { collectExport, RECORD_KINDS, importPaths, importSources, writeExport, type ImportResult } from '../../src/services/import-export/index.js';
import { HISTORY_SECTIONS } from '../../src/services/import-export/history-export.js';
import { createTestDatabase, dropTestDatabase, type TestDatabase } from '../support/test-db.js';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/import');
const fixture = (name: string) => path.join(FIXTURES, name);
const read = (name: string) => fs.readFileSync(fixture(name), 'utf8');

let db: TestDatabase;
let prisma: Prisma;
let tmp: string;

beforeEach(async () => {
  db = await createTestDatabase();
  prisma = db.prisma;
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'reap-ie-'));
});
afterEach(async () => {
  await dropTestDatabase(db);
  fs.rmSync(tmp, { recursive: true, force: true });
});

function ok(r: ImportResult) {
  if (!r.ok) throw new Error(`import failed:\n${r.messages.join('\n')}`);
  return r;
}
function failed(r: ImportResult) {
  if (r.ok) throw new Error(`import unexpectedly succeeded: ${r.summary}`);
  return r;
}

async function tableCounts() {
  return {
    departments: await prisma.department.count(),
    members: await prisma.member.count(),
    managed: await prisma.managedDepartment.count(),
    plans: await prisma.plan.count(),
    objectives: await prisma.objective.count(),
    strategies: await prisma.strategy.count(),
    milestones: await prisma.milestone.count(),
    audit: await prisma.auditLog.count(),
  };
}

const strategy = (planKey: string, objective: number, number: number) =>
  prisma.strategy.findFirstOrThrow({
    where: { number, objective: { number: objective, plan: { key: planKey } } },
    include: { owner: true, milestones: { orderBy: { dueDate: 'asc' } } },
  });

/** name → bytes of every file in a directory. */
const snapshotDir = (dir: string) =>
  Object.fromEntries(
    fs
      .readdirSync(dir)
      .sort()
      .map((f) => [f, fs.readFileSync(path.join(dir, f))]),
  );

describe('import', () => {
  it('loads the fixture directory into an empty database', async () => {
    const r = ok(await importPaths(prisma, [FIXTURES], { now: new Date('2025-03-01T12:00:00Z') }));
    expect(r.summary).toBe(
      'Imported 4 departments (4 new), 7 members (7 new), 4 plans (4 new), 5 objectives (5 new), 6 strategies (6 new), 5 milestones (5 new).',
    );
    expect(await tableCounts()).toEqual({
      departments: 4,
      members: 7,
      managed: 3,
      plans: 4,
      objectives: 5,
      strategies: 6,
      milestones: 5,
      audit: 1,
    });

    expect(await prisma.department.findUniqueOrThrow({ where: { code: 'PRNS' } })).toMatchObject({
      name: 'Parks, Recreation and Neighborhood Services',
      maturityTier: 'BEGINNER',
      slackChannelId: null,
      reportingCadence: 'MONTHLY',
    });
    const lan = await prisma.member.findUniqueOrThrow({ where: { slackUserId: 'U0LIB01' }, include: { department: true } });
    expect(lan).toMatchObject({ name: 'Nguyễn Thị Lan', email: 'lan.nguyen@sanjoseca.gov', language: 'vi', roles: ['EQUITY_LEAD'] });
    expect(lan.department?.code).toBe('LIB');
    const ramses = await prisma.member.findUniqueOrThrow({ where: { slackUserId: 'U0DOT02' } });
    expect(ramses).toMatchObject({ active: false, deactivatedAt: new Date('2025-03-01T12:00:00Z'), roles: ['STAFF'] });
    const jon = await prisma.member.findUniqueOrThrow({
      where: { slackUserId: 'U0PRNS01' },
      include: { managedDepartments: { include: { department: true } } },
    });
    expect(jon.managedDepartments.map((m) => m.department.code).sort()).toEqual(['ORSE', 'PRNS']);

    const s = await strategy('LIB-FY2024-2026', 1, 1);
    expect(s).toMatchObject({
      text: 'Roll out the Equity, Diversity and Inclusion (EDI) Quality Standards at all 25 branches.',
      status: 'IN_PROGRESS',
      dueDate: new Date('2025-06-30T00:00:00Z'),
      performanceMeasures: '# of branches that completed the EDI self-assessment\n% of staff trained',
      languageAccess: true,
      genderEquity: false,
      version: 1,
    });
    expect(s.owner?.slackUserId).toBe('U0LIB01');
    expect(s.milestones.map((m) => [m.title, m.dueDate.toISOString().slice(0, 10)])).toEqual([
      ['Pilot the self-assessment at 3 branches', '2025-01-31'],
      ['Train branch managers', '2025-04-30'],
    ]);
    // Owner given by e-mail address, in another case than stored.
    expect((await strategy('LIB-FY2024-2026', 1, 2)).owner?.slackUserId).toBe('U0LIB01');
    expect((await strategy('LIB-FY2024-2026', 2, 1)).performanceMeasures).toBe('-10% gap between applicant and hire demographics');
    expect(await strategy('DOT-FY2024-2026', 1, 2)).toMatchObject({ status: 'DEFERRED', deferredReason: "Waiting for the county's outreach contract" });

    const orse = await prisma.plan.findUniqueOrThrow({ where: { key: 'ORSE-FY2023-2024' } });
    expect(orse).toMatchObject({ kind: 'ORSE_WORK_PLAN', departmentId: null, fiscalStartYear: 2023, fiscalEndYear: 2024 });
    // Rows without strategies still create the plan and the objective.
    expect(await prisma.objective.count({ where: { plan: { key: 'PRNS-FY2025-2026' } } })).toBe(0);
    expect(await prisma.objective.findFirst({ where: { number: 3, plan: { key: 'LIB-FY2024-2026' } }, include: { strategies: true } })).toMatchObject({
      title: 'Partner with community-based organizations.',
      strategies: [],
    });

    const audit = await prisma.auditLog.findFirstOrThrow();
    expect(audit).toMatchObject({ actor: 'cli', action: 'import', entityType: 'import', detail: r.summary });
    expect(audit.entityId).toBe('departments.csv, members.csv, plans.csv');
    expect(audit.after).toMatchObject({ counts: { strategies: { created: 6, updated: 0, unchanged: 0 } } });
  });

  it('changes nothing when the same files are imported again', async () => {
    ok(await importPaths(prisma, [FIXTURES]));
    const before = await prisma.strategy.findMany({ orderBy: { id: 'asc' } });
    const r = ok(await importPaths(prisma, [FIXTURES]));
    expect(r.summary).toBe(
      'Imported 4 departments (4 unchanged), 7 members (7 unchanged), 4 plans (4 unchanged), 5 objectives (5 unchanged), 6 strategies (6 unchanged), 5 milestones (5 unchanged).',
    );
    expect(await prisma.strategy.findMany({ orderBy: { id: 'asc' } })).toEqual(before);
  });

  it('updates what changed, bumps strategy versions and leaves left-out columns alone', async () => {
    ok(await importPaths(prisma, [FIXTURES]));
    await prisma.strategy.updateMany({ where: { number: 2, objective: { plan: { key: 'DOT-FY2024-2026' } } }, data: { needsReassignment: true } });
    // Only the required columns plus status, owner and milestones: everything else stays.
    const csv = [
      'plan_key,plan_kind,plan_title,department_code,fiscal_start_year,fiscal_end_year,objective_number,objective_title,strategy_number,strategy_text,status,owner,milestones',
      'LIB-FY2024-2026,department_reap,San José Public Library Racial Equity Action Plan FY 2024-2026,LIB,2024,2026,1,Make library services welcoming and accessible to every community.,1,"Roll out the Equity, Diversity and Inclusion (EDI) Quality Standards at all 25 branches.",Completed,U0LIB01,"2025-05-15 Train branch managers\n2025-06-01 Report to council"',
      'LIB-FY2024-2026,department_reap,San José Public Library Racial Equity Action Plan FY 2024-2026,LIB,2024,2026,1,Make library services welcoming and accessible to every community.,3,Host listening sessions with Vietnamese-speaking patrons.,,,',
      'DOT-FY2024-2026,department_reap,Department of Transportation Racial Equity Action Plan FY 2024-2026,DOT,2024,2026,1,Make Vision Zero safety investments where crashes harm people most.,2,Work with unhoused residents living near high-injury streets on safety outreach.,Deferred,U0DOT01,',
    ].join('\n');
    const r = ok(await importSources(prisma, [{ name: 'update.csv', content: csv }]));
    expect(r.summary).toBe('Imported 2 plans (2 unchanged), 2 objectives (2 unchanged), 3 strategies (1 new, 2 updated), 2 milestones (1 new, 1 updated).');

    const s = await strategy('LIB-FY2024-2026', 1, 1);
    expect(s).toMatchObject({ status: 'COMPLETED', version: 2, dueDate: new Date('2025-06-30T00:00:00Z'), languageAccess: true });
    expect(s.performanceMeasures).toContain('EDI self-assessment');
    // Milestones are added or moved, never removed by an import.
    expect(s.milestones.map((m) => [m.title, m.dueDate.toISOString().slice(0, 10)])).toEqual([
      ['Pilot the self-assessment at 3 branches', '2025-01-31'],
      ['Train branch managers', '2025-05-15'],
      ['Report to council', '2025-06-01'],
    ]);
    expect(await strategy('LIB-FY2024-2026', 1, 3)).toMatchObject({ status: 'NOT_STARTED', ownerId: null, version: 1 });
    expect((await strategy('LIB-FY2024-2026', 1, 2)).version).toBe(1);
    const dot = await strategy('DOT-FY2024-2026', 1, 2);
    expect(dot).toMatchObject({ version: 2, needsReassignment: false, deferredReason: "Waiting for the county's outreach contract" });
    expect(dot.owner?.slackUserId).toBe('U0DOT01');
  });

  it('updates members: e-mail swaps, deactivation and the manages list', async () => {
    ok(await importPaths(prisma, [FIXTURES], { now: new Date('2025-01-01T00:00:00Z') }));
    const csv = [
      'slack_user_id,name,email,manages,active',
      'U0LIB02,Marcus Brown,jill.bourne@sanjoseca.gov,,no',
      'U0LIB03,Jill Bourne,marcus.brown@sanjoseca.gov,DOT;LIB,yes',
      'U0DOT02,Ramses Madou,ramses.madou@sanjoseca.gov,,yes',
      'U0PRNS01,Jon Cicirelli,jon.cicirelli@sanjoseca.gov,,yes',
    ].join('\n');
    const r = ok(await importSources(prisma, [{ name: 'members.csv', content: csv }], { now: new Date('2025-02-01T00:00:00Z') }));
    expect(r.summary).toBe('Imported 4 members (4 updated).');
    const m = async (id: string) =>
      prisma.member.findUniqueOrThrow({ where: { slackUserId: id }, include: { managedDepartments: { include: { department: true } } } });
    expect(await m('U0LIB02')).toMatchObject({ email: 'jill.bourne@sanjoseca.gov', active: false, deactivatedAt: new Date('2025-02-01T00:00:00Z') });
    const jill = await m('U0LIB03');
    expect(jill.email).toBe('marcus.brown@sanjoseca.gov');
    expect(jill.managedDepartments.map((x) => x.department.code).sort()).toEqual(['DOT', 'LIB']);
    expect(await m('U0DOT02')).toMatchObject({ active: true, deactivatedAt: null, roles: ['STAFF'], language: null });
    expect((await m('U0PRNS01')).managedDepartments).toEqual([]);
  });

  it('resolves references to departments and members already in the database', async () => {
    ok(await importPaths(prisma, [fixture('departments.csv')]));
    ok(await importPaths(prisma, [fixture('members.csv')]));
    const r = ok(await importPaths(prisma, [fixture('plans.csv')]));
    expect(r.summary).toBe('Imported 4 plans (4 new), 5 objectives (5 new), 6 strategies (6 new), 5 milestones (5 new).');
    expect(await prisma.auditLog.count()).toBe(3);
  });

  it('imports a JSON file with natural values, and reports its problems by section, row and line', async () => {
    const r = ok(await importPaths(prisma, [fixture('sjce.json')]));
    expect(r.summary).toBe(
      'Imported 1 department (1 new), 2 members (2 new), 1 plan (1 new), 2 objectives (2 new), 2 strategies (2 new), 2 milestones (2 new).',
    );
    const s = await strategy('SJCE-FY2024-2026', 1, 1);
    expect(s).toMatchObject({ status: 'IN_PROGRESS', languageAccess: true, disabilityAccess: false, priorityCommunities: true });
    expect(s.owner?.name).toBe('Trâm Phạm');
    expect(s.milestones.map((m) => m.title)).toEqual(['Translate the notice inserts', 'Launch the radio spots']);
    expect((await strategy('SJCE-FY2024-2026', 2, 1)).owner?.slackUserId).toBe('U0SJCE01');
    expect(await prisma.member.findUniqueOrThrow({ where: { slackUserId: 'U0SJCE01' } })).toMatchObject({ roles: ['EQUITY_LEAD', 'MANAGER'] });

    const broken = read('sjce.json')
      .replace('"status": "NOT_STARTED"', '"status": "Paused"')
      .replace('"roles": "staff"', '"roles": ["staff", "intern"]')
      .replace(
        '"fiscal_start_year": 2024,\n      "fiscal_end_year": 2026,\n      "objective_number": 2',
        '"fiscal_start_year": 2024,\n      "fiscal_end_year": 2027,\n      "objective_number": 2',
      );
    const bad = failed(await importSources(prisma, [{ name: 'sjce.json', content: broken }]));
    expect(bad.messages).toEqual([
      'members row 2 (line 25): roles: unknown role "intern"; accepted: orse_admin, equity_lead, staff, manager, redi_member',
      'plans row 2 (line 57): status: unknown status "Paused"; accepted: Completed, In Progress, Ongoing, Not Started, Deferred',
      'plans row 2 (line 57): fiscal_end_year: differs from plans row 1 (line 34) for plan SJCE-FY2024-2026 (2027 vs 2026)',
    ]);
  });

  it('writes nothing when the last row of the last file is bad', async () => {
    const plans = `${read('plans.csv')}ORSE-FY2023-2024,orse_work_plan,ORSE Work Plan FY 2023-2024,,2023,2024,1,Build departments' capacity to advance racial equity.,2,Train every REAP lead.,Finished,U0ORSE01,2024-06-31,,,,,,,,\n`;
    const r = failed(
      await importSources(prisma, [
        { name: 'departments.csv', content: read('departments.csv') },
        { name: 'members.csv', content: read('members.csv') },
        { name: 'plans.csv', content: plans },
      ]),
    );
    expect(r.messages).toEqual([
      'plans.csv: row 10 (line 13): status: unknown status "Finished"; accepted: Completed, In Progress, Ongoing, Not Started, Deferred',
      'plans.csv: row 10 (line 13): due_date: 2024-06-31 is not a real date',
    ]);
    expect(await tableCounts()).toEqual({ departments: 0, members: 0, managed: 0, plans: 0, objectives: 0, strategies: 0, milestones: 0, audit: 0 });
  });

  it('leaves existing rows untouched when a later row is bad', async () => {
    ok(await importPaths(prisma, [FIXTURES]));
    const before = await collectExport(prisma);
    const csv = 'code,name,maturity_tier\nLIB,Library (renamed),beginner\nDOT,Transportation,expert\n';
    const r = failed(await importSources(prisma, [{ name: 'departments.csv', content: csv }]));
    expect(r.messages).toEqual(['row 3 (line 3): maturity_tier: unknown maturity tier "expert"; accepted: beginner, intermediate, advanced']);
    expect(await collectExport(prisma)).toEqual(before);
    expect(await prisma.auditLog.count()).toBe(1);
  });

  it('reports references that exist neither in the files nor in the database, with the other problems', async () => {
    ok(await importPaths(prisma, [fixture('departments.csv')]));
    const csv = ['slack_user_id,name,email,department_code,roles', 'U0HR01,Ana,ana@sanjoseca.gov,HR,staff', 'U0HR02,Ben,ana@sanjoseca.gov,LIB,superuser'].join(
      '\n',
    );
    const r = failed(await importSources(prisma, [{ name: 'members.csv', content: csv }]));
    expect(r.messages).toEqual([
      'row 2 (line 2): department_code: unknown department HR: not in this import or the database',
      'row 3 (line 3): roles: unknown role "superuser"; accepted: orse_admin, equity_lead, staff, manager, redi_member',
      'row 3 (line 3): email: duplicate e-mail ana@sanjoseca.gov (first on row 2 (line 2))',
    ]);
    expect(await prisma.member.count()).toBe(0);
  });

  it('refuses values too long for a column as a row error, not a database error', async () => {
    const csv = `code,name,slack_channel\nLIB,${'L'.repeat(201)},C${'0'.repeat(32)}\n`;
    const r = failed(await importSources(prisma, [{ name: 'd.csv', content: csv }]));
    expect(r.messages).toEqual([
      'row 2 (line 2): name: is longer than 200 characters (201)',
      'row 2 (line 2): slack_channel: is longer than 32 characters (33)',
    ]);
  });

  it('counts but writes nothing on a dry run', async () => {
    const r = ok(await importPaths(prisma, [FIXTURES], { dryRun: true }));
    expect(r.dryRun).toBe(true);
    expect(r.summary).toMatch(/^Dry run: would import 4 departments \(4 new\), .* 6 strategies \(6 new\), 5 milestones \(5 new\)\. Nothing was written\.$/);
    expect(Object.values(await tableCounts()).every((n) => n === 0)).toBe(true);
  });

  it('refuses an archived strategy number instead of reviving it, and does not export archived strategies', async () => {
    ok(await importPaths(prisma, [FIXTURES]));
    await prisma.strategy.updateMany({
      where: { number: 2, objective: { number: 1, plan: { key: 'LIB-FY2024-2026' } } },
      data: { archivedAt: new Date() },
    });
    const r = failed(await importPaths(prisma, [fixture('plans.csv')]));
    expect(r.messages).toEqual(['row 3 (line 5): strategy_number: strategy 1.2 of plan LIB-FY2024-2026 was archived; give this row a new strategy_number']);
    const exported = await collectExport(prisma, { planKey: 'LIB-FY2024-2026' });
    expect(exported.plans!.map((p) => `${p.objective_number}.${p.strategy_number}`)).toEqual(['1.1', '2.1', '3.']);
  });
});

describe('export', () => {
  it('import → export → import → export gives identical CSV files', async () => {
    ok(await importPaths(prisma, [FIXTURES]));
    const first = path.join(tmp, 'first');
    const w = await writeExport(prisma, { format: 'csv', out: first, today: '2025-01-01' });
    expect(w.files.map((f) => [path.basename(f.path), f.rows])).toEqual([
      ['departments.csv', 4],
      ['members.csv', 7],
      ['plans.csv', 8],
    ]);

    const db2 = await createTestDatabase();
    try {
      const r = ok(await importPaths(db2.prisma, [first]));
      expect(r.counts.strategies.created).toBe(6);
      const second = path.join(tmp, 'second');
      await writeExport(db2.prisma, { format: 'csv', out: second, today: '2025-01-01' });
      expect(snapshotDir(second)).toEqual(snapshotDir(first));
      // Importing the export over the data it came from changes nothing.
      const again = ok(await importPaths(prisma, [second]));
      expect(Object.values(again.counts).every((c) => c.created === 0 && c.updated === 0)).toBe(true);
    } finally {
      await dropTestDatabase(db2);
    }
  });

  it('import → export → import → export gives identical JSON, and JSON and CSV carry the same data', async () => {
    ok(await importPaths(prisma, [FIXTURES]));
    const json1 = path.join(tmp, 'one.json');
    await writeExport(prisma, { format: 'json', out: json1, today: '2025-01-01' });
    const csvDir = path.join(tmp, 'csv');
    await writeExport(prisma, { format: 'csv', out: csvDir, today: '2025-01-01' });

    const db2 = await createTestDatabase();
    try {
      ok(await importPaths(db2.prisma, [json1]));
      const json2 = path.join(tmp, 'two.json');
      await writeExport(db2.prisma, { format: 'json', out: json2, today: '2025-01-01' });
      // The import kinds come back byte for byte; the history (the audit log of each
      // import, at its own time) is what each database recorded, and is not imported.
      const importKinds = (file: string) => {
        const doc = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
        return JSON.stringify(Object.fromEntries(RECORD_KINDS.map((k) => [k, doc[k]])), null, 2);
      };
      expect(importKinds(json2)).toBe(importKinds(json1));
      const history = JSON.parse(fs.readFileSync(json2, 'utf8')) as Record<string, unknown[]>;
      expect(Object.keys(history)).toEqual([...RECORD_KINDS, ...HISTORY_SECTIONS]);
      expect(history.audit_log!.length).toBe(await db2.prisma.auditLog.count());
      const csvDir2 = path.join(tmp, 'csv2');
      await writeExport(db2.prisma, { format: 'csv', out: csvDir2, today: '2025-01-01' });
      expect(snapshotDir(csvDir2)).toEqual(snapshotDir(csvDir));
    } finally {
      await dropTestDatabase(db2);
    }
  });

  it('writes the same bytes from PGlite as from the database under test', async () => {
    // Sorting is done in code, so a server whose collation differs from PGlite's agrees.
    const extra = 'code,name\nlib-annex,Library Annex\nLIB_B,Library B\necole,École\nZ1,Zeta\n';
    ok(await importSources(prisma, [{ name: 'extra.csv', content: extra }]));
    ok(await importPaths(prisma, [FIXTURES]));
    const here = path.join(tmp, 'here');
    await writeExport(prisma, { format: 'csv', out: here, today: '2025-01-01' });
    const lite = await openDatabase({ kind: 'pglite', dataDir: null });
    try {
      await migrate(lite);
      ok(await importSources(lite.prisma, [{ name: 'extra.csv', content: extra }]));
      ok(await importPaths(lite.prisma, [here]));
      const there = path.join(tmp, 'there');
      await writeExport(lite.prisma, { format: 'csv', out: there, today: '2025-01-01' });
      expect(snapshotDir(there)).toEqual(snapshotDir(here));
    } finally {
      await lite.close();
    }
  });

  it('round-trips data entered outside the importer', async () => {
    // As the Slack app would store it: a milestone owner and completion (not part of the
    // format), untrimmed text, Windows line breaks typed into a form.
    const dept = await prisma.department.create({ data: { code: 'SJCE', name: 'San José Clean Energy', maturityTier: 'ADVANCED' } });
    const owner = await prisma.member.create({ data: { slackUserId: 'U0SJCE01', name: 'Lori', roles: ['MANAGER', 'EQUITY_LEAD'], departmentId: dept.id } });
    const plan = await prisma.plan.create({
      data: { key: 'SJCE-FY2024-2026', kind: 'DEPARTMENT_REAP', title: 'SJCE REAP', departmentId: dept.id, fiscalStartYear: 2024, fiscalEndYear: 2026 },
    });
    const objective = await prisma.objective.create({ data: { planId: plan.id, number: 2, title: 'Lower energy burden' } });
    await prisma.strategy.create({
      data: {
        objectiveId: objective.id,
        number: 5,
        text: '+ Keep the lights on, "in three languages"',
        status: 'ONGOING',
        ownerId: owner.id,
        performanceMeasures: '@ households reached\n= enrolled',
        milestones: {
          create: [
            { title: 'Radio spots', dueDate: new Date('2025-03-01'), ownerId: owner.id, completedAt: new Date() },
            { title: 'Bill inserts', dueDate: new Date('2025-03-01') },
          ],
        },
      },
    });
    const out1 = path.join(tmp, 'a');
    await writeExport(prisma, { format: 'csv', out: out1, today: '2025-01-01' });
    const plansCsv = fs.readFileSync(path.join(out1, 'plans.csv'), 'utf8');
    expect(plansCsv).toContain(`"'+ Keep the lights on, ""in three languages"""`);
    expect(plansCsv).toContain('"2025-03-01 Bill inserts\n2025-03-01 Radio spots"');

    const db2 = await createTestDatabase();
    try {
      ok(await importPaths(db2.prisma, [out1]));
      const out2 = path.join(tmp, 'b');
      await writeExport(db2.prisma, { format: 'csv', out: out2, today: '2025-01-01' });
      expect(snapshotDir(out2)).toEqual(snapshotDir(out1));
      expect(await db2.prisma.strategy.findFirstOrThrow({ where: { number: 5 }, select: { text: true, performanceMeasures: true } })).toEqual({
        text: '+ Keep the lights on, "in three languages"',
        performanceMeasures: '@ households reached\n= enrolled',
      });
    } finally {
      await dropTestDatabase(db2);
    }
  });

  it('exports one plan, one kind, or one JSON file, with default names', async () => {
    ok(await importPaths(prisma, [FIXTURES]));
    const one = await writeExport(prisma, { format: 'csv', planKey: 'DOT-FY2024-2026', out: path.join(tmp, 'dot.csv'), today: '2025-01-01' });
    expect(one.files).toEqual([{ path: path.join(tmp, 'dot.csv'), kind: 'plans', rows: 2 }]);
    const stdout = await writeExport(prisma, { format: 'csv', kinds: ['departments'], out: '-', today: '2025-01-01' });
    expect(stdout.stdout?.split('\r\n').filter(Boolean)).toHaveLength(5);
    await expect(writeExport(prisma, { format: 'csv', out: path.join(tmp, 'all.csv'), today: '2025-01-01' })).rejects.toThrow(
      /a single CSV file holds one kind/,
    );
    await expect(writeExport(prisma, { format: 'json', planKey: 'NOPE', out: '-', today: '2025-01-01' })).rejects.toThrow('no plan with key NOPE');

    const cwd = process.cwd();
    process.chdir(tmp);
    try {
      const dir = await writeExport(prisma, { format: 'csv', today: '2025-07-04' });
      expect(dir.files.map((f) => f.path)).toEqual(['export-2025-07-04/departments.csv', 'export-2025-07-04/members.csv', 'export-2025-07-04/plans.csv']);
      const json = await writeExport(prisma, { format: 'json', kinds: ['members'], today: '2025-07-04' });
      expect(json.files.map((f) => f.path)).toEqual(['export-2025-07-04.json']);
      expect(Object.keys(JSON.parse(fs.readFileSync('export-2025-07-04.json', 'utf8')))).toEqual(['members']);
      const intoDir = await writeExport(prisma, { format: 'json', out: 'export-2025-07-04', today: '2025-07-04' });
      expect(intoDir.files.map((f) => f.path)).toEqual([path.join('export-2025-07-04', 'export-2025-07-04.json')]);
    } finally {
      process.chdir(cwd);
    }
  });
});
