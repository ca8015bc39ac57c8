// The annual report draft from the seeded data: the FY 2023-2024 draft names every objective
// and strategy of ORSE's memo with its status (compared with the table parsed from the seed
// document), quotes PUBLIC updates of the year only with notes naming real updates (a
// citywide strategy's under its lead department), and the service refuses anyone but an
// ORSE admin, with an audit record.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addWelcomingStrategy } from '../support/citywide-strategy.js';
import type { CliIO } from '../../src/cli/import-command.js';
import { runAnnualReport } from '../../src/cli/report-command.js';
import { seedDatabase } from '../../src/db/seed/index.js';
import { annualReportDraft, loadAnnualDraftInput, renderAnnualDraft } from '../../src/services/annual-report.js';
import { loadActor } from '../../src/services/authz.js';
import { isServiceError } from '../../src/services/errors.js';
import { escapeHtml, escapeMarkdownText } from '../../src/services/reports/annual-draft.js';
import type { ServiceContext } from '../../src/services/service-context.js';
import { readSeedTableRows } from '../support/seed-work-plan-table.js';
import { createTestDatabase, dropTestDatabase, type TestDatabase } from '../support/test-db.js';

const NOW = new Date('2026-11-18T17:00:00Z');
const ZONE = 'America/Los_Angeles';
const INTERNAL_MARKER = 'ZQX-INTERNAL-annual-never-public';
const REDI_MARKER = 'ZQX-REDI-annual-staff-only';

let db: TestDatabase;
let ctx: ServiceContext;

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDatabase(db.prisma, { now: NOW });
  ctx = { prisma: db.prisma, config: { timeZone: ZONE }, now: () => NOW };
});

afterAll(async () => {
  await dropTestDatabase(db);
});

/** A progress update reported at the end of its period (`start` and `end` are ISO dates); its id. */
async function addUpdate(u: {
  key: string;
  strategyId: number;
  authorId: number;
  visibility: 'PUBLIC' | 'INTERNAL' | 'REDI';
  narrative: string;
  periodKey: string;
  start: string;
  end: string;
}): Promise<number> {
  const made = await db.prisma.progressUpdate.create({
    data: {
      strategyId: u.strategyId,
      periodKey: u.periodKey,
      periodStart: new Date(`${u.start}T00:00:00Z`),
      periodEnd: new Date(`${u.end}T00:00:00Z`),
      statusFrom: 'IN_PROGRESS',
      statusTo: 'IN_PROGRESS',
      narrative: u.narrative,
      visibility: u.visibility,
      authorId: u.authorId,
      idempotencyKey: `annual-test:${u.key}`,
      createdAt: new Date(`${u.end}T20:00:00Z`),
    },
  });
  return made.id;
}

describe('the FY 2023-2024 draft from the seeded data', () => {
  it('names all 4 objectives and all 26 strategies of the memo with their statuses', async () => {
    const files = renderAnnualDraft(await loadAnnualDraftInput(ctx, 'FY2023-2024'), 'en');
    const md = files.markdown.content;
    const html = files.html.content;
    const rows = readSeedTableRows();
    const objectives = rows.filter((r) => r[1] === '');
    const strategies = rows.filter((r) => r[1] !== '');
    expect(objectives).toHaveLength(4);
    expect(strategies).toHaveLength(26);

    let objective = 0;
    for (const [first, status] of rows) {
      if (status === '') {
        objective = Number(/^Objective (\d+):/.exec(first!)![1]);
        expect(md).toContain(`\n## ${escapeMarkdownText(first!)}\n`);
        expect(html).toContain(`<h2>${escapeHtml(first!)}</h2>`);
        continue;
      }
      const [, n, text] = /^(\d+)\. ([\s\S]+)$/.exec(first!)!;
      expect(md).toContain(`\n- **${objective}.${n}** ${escapeMarkdownText(text!)} — ${status}\n`);
      expect(html).toContain(`<li><strong>${objective}.${n}</strong> ${escapeHtml(text!)} — ${status}`);
    }
    // The attachment is /reap report's table, row for row.
    expect(md).toContain('| Objectives & Strategies | Progress | Performance Measures | Outputs |');
    expect(html.match(/<tr><th scope="row">/g)).toHaveLength(26);
    // Counted from the data, not copied from the memo.
    expect(md).toContain('The work plan has 26 strategies: 17 completed, 4 in progress, 2 ongoing, and 3 not started.');
    const [departments, withPlan] = await Promise.all([db.prisma.department.count(), db.prisma.department.count({ where: { plans: { some: {} } } })]);
    expect(md).toContain(`${withPlan} of ${departments} departments have a plan in REAP Tracker`);
    expect(md).toContain('No progress updates were reported for FY 2023-2024.');
    expect(md).toContain('Some of the figures below include demo data.');
  });

  it('quotes the year’s PUBLIC updates with notes naming them, and nothing INTERNAL or REDI', async () => {
    const author = await db.prisma.member.findUniqueOrThrow({ where: { slackUserId: 'U0ORSE01' } });
    const strategy = await db.prisma.strategy.findFirstOrThrow({ where: { number: 6, objective: { number: 1, plan: { key: 'ORSE-FY2023-2024' } } } });
    const lib = await db.prisma.strategy.findFirstOrThrow({
      where: { objective: { plan: { key: 'LIB-FY2024-2026' } } },
      orderBy: [{ objectiveId: 'asc' }, { number: 'asc' }],
    });
    const made: Record<string, number> = {};
    const rows = [
      ['public', strategy.id, 'PUBLIC', 'Delivered 15 trainings to 420 City staff.', 'FY2024-Q2', '2023-10-01', '2023-12-31'],
      ['internal', strategy.id, 'INTERNAL', INTERNAL_MARKER, 'FY2024-Q3', '2024-01-01', '2024-03-31'],
      ['redi', strategy.id, 'REDI', REDI_MARKER, 'FY2024-Q3', '2024-01-01', '2024-03-31'],
      ['library', lib.id, 'PUBLIC', 'Library staff piloted the EDI quality assessments.', 'FY2024-Q4', '2024-04-01', '2024-06-30'],
      ['nextYear', strategy.id, 'PUBLIC', 'Reported for the next fiscal year.', 'FY2025-Q1', '2024-07-01', '2024-09-30'],
    ] as const;
    for (const [name, strategyId, visibility, narrative, periodKey, start, end] of rows) {
      made[name] = await addUpdate({ key: name, strategyId, authorId: author.id, visibility, narrative, periodKey, start, end });
    }

    const input = await loadAnnualDraftInput(ctx, 'FY 2023-24');
    expect(input.updates.every((u) => u.visibility === 'PUBLIC')).toBe(true);
    expect(input.counts.updatesInYear).toBe(4);
    expect(input.counts.departmentsReporting).toBe(2);
    for (const lang of ['en', 'es', 'vi'] as const) {
      const { markdown, html } = renderAnnualDraft(input, lang);
      for (const text of [markdown.content, html.content]) {
        expect(text).not.toContain(INTERNAL_MARKER);
        expect(text).not.toContain(REDI_MARKER);
        expect(text).not.toContain('Reported for the next fiscal year.');
      }
    }
    const { markdown } = renderAnnualDraft(input, 'en');
    const md = markdown.content;
    expect(md).toContain('Delivered 15 trainings to 420 City staff. [^1]');
    expect(md).toContain('Library staff piloted the EDI quality assessments. [^2]');
    // Each note names an update that exists, with its own date, department and strategy.
    const notes = [...md.matchAll(/^\[\^(\d+)\]: Progress update #(\d+), reported (.+?) for (FY\d{4}-Q\d), (.+?), strategy (\d+\.\d+) of (\S+)\.$/gm)];
    expect(notes.map((m) => Number(m[2]))).toEqual([made.public, made.library]);
    for (const m of notes) {
      const u = await db.prisma.progressUpdate.findUniqueOrThrow({
        where: { id: Number(m[2]) },
        include: { strategy: { include: { objective: { include: { plan: { include: { department: true } } } } } } },
      });
      expect(u.visibility).toBe('PUBLIC');
      expect(m[3]).toBe(new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: ZONE }).format(u.createdAt));
      expect(m[4]).toBe(u.periodKey);
      expect(m[5]).toBe(`${u.strategy.objective.plan.department!.name} (${u.strategy.objective.plan.department!.code})`);
      expect(m[6]).toBe(`${u.strategy.objective.number}.${u.strategy.number}`);
      expect(m[7]).toBe(u.strategy.objective.plan.key);
    }
  });

  it("counts a citywide strategy's updates for its lead department and quotes its PUBLIC one there", async () => {
    // Parks leads a Welcoming San José strategy; its plan has no department of its own.
    const author = await db.prisma.member.findUniqueOrThrow({ where: { slackUserId: 'U0PRNS01' } });
    const strategyId = await addWelcomingStrategy(db.prisma, {
      pillar: 2,
      number: 1,
      text: 'Library cards at every park program',
      lead: 'PRNS',
      partners: ['LIB'],
    });
    const made: Record<string, number> = {};
    for (const [visibility, narrative, periodKey, start, end] of [
      ['INTERNAL', 'Cards handed out at two summer camps.', 'FY2024-Q4', '2024-04-01', '2024-06-30'],
      ['PUBLIC', 'Park staff signed up 300 families for library cards.', 'FY2024-Q3', '2024-01-01', '2024-03-31'],
    ] as const) {
      made[visibility] = await addUpdate({ key: `citywide:${visibility}`, strategyId, authorId: author.id, visibility, narrative, periodKey, start, end });
    }

    const input = await loadAnnualDraftInput(ctx, 'FY2023-2024');
    // ORSE, the Library and now Parks: not the partner, and not "no department".
    expect(input.counts.updatesInYear).toBe(6);
    expect(input.counts.departmentsReporting).toBe(3);
    const en = renderAnnualDraft(input, 'en');
    const md = en.markdown.content;
    expect(md).toContain('6 progress updates were reported for FY 2023-2024, from 3 departments.');
    // Quoted under Parks, with a note naming the update, its lead department and its plan.
    const parks = md.split('\n### ').find((part) => part.startsWith('Parks, Recreation and Neighborhood Services (PRNS)\n'));
    expect(parks).toContain('- Park staff signed up 300 families for library cards. [^2]');
    expect(md).toMatch(
      new RegExp(
        `^\\[\\^2\\]: Progress update #${made.PUBLIC}, reported .+ for FY2024-Q3, Parks, Recreation and Neighborhood Services \\(PRNS\\), strategy 2\\.1 of WSJ-2021-2024\\.$`,
        'm',
      ),
    );
    expect(en.html.content).toContain('<h3>Parks, Recreation and Neighborhood Services (PRNS)</h3>');
    expect(en.html.content).toContain(`<li id="source-2">Progress update #${made.PUBLIC},`);
    expect(md).toContain('3 of them were marked public and are quoted below, each with its source.');
    expect(md).not.toContain(`#${made.INTERNAL},`);
    for (const lang of ['en', 'es', 'vi'] as const) {
      const { markdown, html } = renderAnnualDraft(input, lang);
      for (const text of [markdown.content, html.content]) expect(text).not.toContain('Cards handed out at two summer camps.');
    }
  });
});

describe('who may have the draft', () => {
  it('refuses staff and audits the refusal; an ORSE admin gets it', async () => {
    const staff = await loadActor(ctx, 'U0LIB03');
    const refused = await annualReportDraft(ctx, staff, 'FY2023-2024').catch((e: unknown) => e);
    expect(isServiceError(refused) && refused.code).toBe('forbidden');
    const audit = await db.prisma.auditLog.findFirst({ where: { actor: 'U0LIB03', action: 'authz.denied' }, orderBy: { id: 'desc' } });
    expect(audit?.detail).toBe('report.annual');

    const admin = await loadActor(ctx, 'U0ORSE02');
    expect((await annualReportDraft(ctx, admin, 'FY2023-2024')).plan.key).toBe('ORSE-FY2023-2024');
  });

  it('names the known years when there is no work plan for the one asked', async () => {
    const admin = await loadActor(ctx, 'U0ORSE02');
    for (const ref of ['FY2024-2026', 'FY2019-2020', 'next year']) {
      const e = await annualReportDraft(ctx, admin, ref).catch((err: unknown) => err);
      expect(isServiceError(e) && e.code).toBe('not_found');
    }
  });
});

describe('reap report annual', () => {
  it('writes the Markdown and HTML files in the language asked for', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reap-annual-'));
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIO = { out: (t) => void out.push(t), err: (t) => void err.push(t) };
    try {
      expect(await runAnnualReport(db.prisma, 'FY2023-2024', { lang: 'vi', out: dir }, { now: () => NOW, timeZone: ZONE }, io)).toBe(0);
      expect(fs.readdirSync(dir).sort()).toEqual(['ORSE-FY2023-2024-annual-report-draft.vi.html', 'ORSE-FY2023-2024-annual-report-draft.vi.md']);
      expect(out).toHaveLength(2);
      expect(err.join('\n')).toContain('demo data');
      expect(fs.readFileSync(path.join(dir, 'ORSE-FY2023-2024-annual-report-draft.vi.html'), 'utf8')).toContain('<html lang="vi">');

      expect(await runAnnualReport(db.prisma, 'FY2030-2031', { out: dir }, { now: () => NOW, timeZone: ZONE }, io)).toBe(1);
      expect(err.at(-1)).toContain('no ORSE work plan covers "FY2030-2031"');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
