// `reap export --open-data <dir>` over the seeded demo data, as an operator runs it: the
// files it writes must agree with their own schema and must never carry what is not public.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { parse } from 'csv-parse/sync';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { addWelcomingStrategy } from '../support/citywide-strategy.js';
import { registerExportCommand, runOpenDataExport } from '../../src/cli/export-command.js';
import type { CliIO } from '../../src/cli/import-command.js';
import { seedDatabase } from '../../src/db/seed/index.js';
import { createTestDatabase, dropTestDatabase, type TestDatabase } from '../support/test-db.js';

const NOW = new Date('2026-11-18T17:00:00Z');
const ZONE = 'America/Los_Angeles';
const INTERNAL_MARKER = 'ZQX-INTERNAL-7f3a9c-never-public';
const REDI_MARKER = 'ZQX-REDI-51be02-city-staff-only';

let db: TestDatabase;
let tmp: string;
let dir: string;
let io: ReturnType<typeof captureIO>;
let code: number;
let files: Record<string, string>;
let csvRecords: string[][];
let pkg: {
  licenses: Array<{ name: string }>;
  resources: Array<{ path: string; schema: { fields: Array<{ name: string; type: string }>; primaryKey: string[] } }>;
};

function captureIO(): CliIO & { stdout: string[]; stderr: string[] } {
  const io = {
    stdout: [] as string[],
    stderr: [] as string[],
    out: (t: string) => void io.stdout.push(t),
    err: (t: string) => void io.stderr.push(t),
  };
  return io;
}

beforeAll(async () => {
  db = await createTestDatabase();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'reap-open-data-'));
  await seedDatabase(db.prisma, { now: NOW });

  // Each marker goes on the newest update of a strategy's latest period, so it is exactly
  // the update that would win the period if its visibility were not honoured.
  const latest = await db.prisma.progressUpdate.findMany({
    where: { visibility: { in: ['PUBLIC', 'REDI'] } },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: 2,
    select: { strategyId: true, periodKey: true, periodStart: true, periodEnd: true, authorId: true, statusTo: true },
  });
  const markers: Array<['INTERNAL' | 'REDI', string]> = [
    ['INTERNAL', INTERNAL_MARKER],
    ['REDI', REDI_MARKER],
  ];
  for (const [i, [visibility, marker]] of markers.entries()) {
    const u = latest[i]!;
    await db.prisma.progressUpdate.create({
      data: {
        strategyId: u.strategyId,
        periodKey: u.periodKey,
        periodStart: u.periodStart,
        periodEnd: u.periodEnd,
        statusFrom: u.statusTo,
        statusTo: u.statusTo,
        narrative: `${marker} narrative`,
        measureValues: `${marker} measures`,
        outputs: `${marker} outputs`,
        roadblocks: `${marker} roadblocks`,
        helpNeeded: `${marker} help`,
        practices: `${marker} practices`,
        visibility,
        evidenceUrl: `https://example.invalid/${marker}`,
        authorId: u.authorId,
        idempotencyKey: `open-data-test-${marker}`,
        createdAt: new Date(NOW.getTime() + 60_000 * (i + 1)),
      },
    });
  }

  // A Welcoming San José strategy led by the Library, Parks its partner, with a public update.
  const author = await db.prisma.member.findUniqueOrThrow({ where: { slackUserId: 'U0LIB01' } });
  const citywide = {
    id: await addWelcomingStrategy(db.prisma, { pillar: 2, number: 1, text: 'Library cards at every park program', lead: 'LIB', partners: ['PRNS'] }),
  };
  await db.prisma.progressUpdate.create({
    data: {
      strategyId: citywide.id,
      periodKey: 'FY2027-Q2',
      periodStart: new Date('2026-10-01T00:00:00Z'),
      periodEnd: new Date('2026-12-31T00:00:00Z'),
      statusFrom: 'NOT_STARTED',
      statusTo: 'IN_PROGRESS',
      narrative: 'Cards handed out at two park programs.',
      visibility: 'PUBLIC',
      authorId: author.id,
      idempotencyKey: 'open-data-test-citywide',
      createdAt: new Date(NOW.getTime() - 86_400_000),
    },
  });

  dir = path.join(tmp, 'portal');
  io = captureIO();
  code = await runOpenDataExport(db.prisma, { openData: dir }, { now: NOW, timeZone: ZONE }, io);
  files = Object.fromEntries(fs.readdirSync(dir).map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]));
  csvRecords = parse(files['strategy_periods.csv'] ?? '', { relax_column_count: true });
  pkg = JSON.parse(files['datapackage.json'] ?? '{}');
});

afterAll(async () => {
  await dropTestDatabase(db);
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('reap export --open-data', () => {
  it('writes the three files, names them, and warns that demo rows are not for publishing', () => {
    expect(code).toBe(0);
    expect(Object.keys(files).sort()).toEqual(['DATA_DICTIONARY.md', 'datapackage.json', 'strategy_periods.csv']);
    expect(io.stdout).toEqual([
      `Wrote ${path.join(dir, 'strategy_periods.csv')} (${csvRecords.length - 1} rows)`,
      `Wrote ${path.join(dir, 'datapackage.json')}`,
      `Wrote ${path.join(dir, 'DATA_DICTIONARY.md')}`,
    ]);
    expect(io.stderr).toHaveLength(1);
    expect(io.stderr[0]).toMatch(/^reap export: \d+ rows? come from demo data \(reap seed\); do not publish them$/);
  });

  it('has a header row that is exactly the schema, and rows as wide as it', () => {
    const resource = pkg.resources[0]!;
    expect(resource.path).toBe('strategy_periods.csv');
    const names = resource.schema.fields.map((f) => f.name);
    expect(csvRecords[0]).toEqual(names);
    expect(names).toHaveLength(csvRecords[0]!.length);
    expect(csvRecords.length).toBeGreaterThan(5);
    for (const r of csvRecords) expect(r).toHaveLength(names.length);
  });

  it('writes dates as real ISO calendar dates and keys every row uniquely', () => {
    const fields = pkg.resources[0]!.schema.fields;
    const [header, ...rows] = csvRecords;
    const col = (name: string) => header!.indexOf(name);
    for (const f of fields.filter((x) => x.type === 'date')) {
      for (const r of rows) {
        const v = r[col(f.name)]!;
        expect(v).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(DateTime.fromISO(v).isValid).toBe(true);
      }
    }
    for (const f of fields.filter((x) => x.type === 'integer')) {
      for (const r of rows) expect(r[col(f.name)]).toMatch(/^\d+$/);
    }
    const keys = rows.map((r) => pkg.resources[0]!.schema.primaryKey.map((k) => r[col(k)]).join('|'));
    expect(new Set(keys).size).toBe(rows.length);
  });

  it('publishes the text of public updates and only the status of REDI ones', () => {
    const [header, ...rows] = csvRecords;
    const visibility = header!.indexOf('update_visibility');
    const narrative = header!.indexOf('update_narrative');
    const shared = rows.filter((r) => r[visibility] === 'public');
    const redi = rows.filter((r) => r[visibility] === 'redi');
    expect(shared.length).toBeGreaterThan(0);
    expect(redi.length).toBeGreaterThan(0);
    expect(shared.some((r) => r[narrative] !== '')).toBe(true);
    for (const r of redi) expect(r[narrative]).toBe('');
  });

  it('never writes an internal or REDI-only text, nor anyone’s name, Slack id or e-mail', async () => {
    const members = await db.prisma.member.findMany({ select: { name: true, slackUserId: true, email: true } });
    expect(members.length).toBeGreaterThan(5);
    for (const [name, text] of Object.entries(files)) {
      expect(text, name).not.toContain(INTERNAL_MARKER);
      expect(text, name).not.toContain(REDI_MARKER);
      for (const m of members) {
        for (const personal of [m.name, m.slackUserId, m.email]) {
          if (personal) expect(text, `${name}: ${personal}`).not.toContain(personal);
        }
      }
    }
  });

  it("names a citywide strategy's lead department as its department, and says so", () => {
    const [header, ...rows] = csvRecords;
    const col = (name: string) => header!.indexOf(name);
    const row = rows.find((r) => r[col('plan_key')] === 'WSJ-2021-2024' && r[col('strategy_ref')] === '2.1');
    expect(row?.[col('plan_kind')]).toBe('citywide_plan');
    expect(row?.[col('department_code')]).toBe('LIB');
    expect(row?.[col('department_name')]).toBe('San José Public Library');
    expect(files['DATA_DICTIONARY.md']).toContain('for a citywide_plan strategy its lead department');
  });

  it('leaves the license for the City to set', () => {
    expect(pkg.licenses).toEqual([expect.objectContaining({ name: 'TO-BE-SET-BY-CITY' })]);
  });

  it('refuses options that choose import files, in one line', async () => {
    const refused = captureIO();
    const other = path.join(tmp, 'refused');
    expect(await runOpenDataExport(db.prisma, { openData: other, format: 'json', kind: 'plans' }, { now: NOW, timeZone: ZONE }, refused)).toBe(1);
    expect(refused.stderr).toEqual(['reap export: --open-data writes its own fixed files and cannot be combined with --format, --kind']);
    expect(fs.existsSync(other)).toBe(false);
  });

  it('refuses a path that is a file', async () => {
    const file = path.join(tmp, 'a-file');
    fs.writeFileSync(file, 'x');
    const refused = captureIO();
    expect(await runOpenDataExport(db.prisma, { openData: file }, { now: NOW, timeZone: ZONE }, refused)).toBe(1);
    expect(refused.stderr).toEqual([`reap export: ${file} is a file; give a directory for --open-data`]);
  });
});

describe('the registered command', () => {
  it('takes --open-data alone and refuses it with --format', async () => {
    vi.stubEnv('DATABASE_URL', db.url ?? `pglite:${path.join(tmp, 'data')}`);
    for (const k of ['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN']) vi.stubEnv(k, '');
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const program = () => {
      const p = new Command().exitOverride().configureOutput({ writeErr: () => {} });
      registerExportCommand(p);
      return p;
    };
    const out = path.join(tmp, 'cli');
    try {
      process.exitCode = undefined;
      await program().parseAsync(['node', 'reap', 'export', '--open-data', out]);
      expect(process.exitCode).toBeUndefined();
      expect(fs.readdirSync(out).sort()).toEqual(['DATA_DICTIONARY.md', 'datapackage.json', 'strategy_periods.csv']);
      expect(log).toHaveBeenCalledWith(expect.stringContaining(`Wrote ${path.join(out, 'strategy_periods.csv')}`));

      await program().parseAsync(['node', 'reap', 'export', '--open-data', out, '--format', 'csv']);
      expect(process.exitCode).toBe(1);
      expect(error).toHaveBeenCalledWith('reap export: --open-data writes its own fixed files and cannot be combined with --format');
    } finally {
      process.exitCode = undefined;
      log.mockRestore();
      error.mockRestore();
      vi.unstubAllEnvs();
    }
  });
});
