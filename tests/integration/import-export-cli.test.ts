// `reap import` and `reap export` as an operator runs them: what they print and the exit code.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { registerExportCommand, runExport } from '../../src/cli/export-command.js';
import { registerImportCommand, runImport, type CliIO } from '../../src/cli/import-command.js';
import { createTestDatabase, dropTestDatabase, type TestDatabase } from '../support/test-db.js';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/import');

let db: TestDatabase;
let tmp: string;

beforeEach(async () => {
  db = await createTestDatabase();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'reap-ie-cli-'));
});
afterEach(async () => {
  await dropTestDatabase(db);
  fs.rmSync(tmp, { recursive: true, force: true });
});

function captureIO(): CliIO & { stdout: string[]; stderr: string[]; written: string[]; write(t: string): void } {
  const io = {
    stdout: [] as string[],
    stderr: [] as string[],
    written: [] as string[],
    out: (t: string) => void io.stdout.push(t),
    err: (t: string) => void io.stderr.push(t),
    write: (t: string) => void io.written.push(t),
  };
  return io;
}

describe('runImport', () => {
  it('prints a one-line summary and exits 0', async () => {
    const io = captureIO();
    expect(await runImport(db.prisma, [FIXTURES], {}, io)).toBe(0);
    expect(io.stdout).toEqual([
      'Imported 4 departments (4 new), 7 members (7 new), 4 plans (4 new), 5 objectives (5 new), 6 strategies (6 new), 5 milestones (5 new).',
    ]);
    expect(io.stderr).toEqual([]);
  });

  it('lists every problem, says nothing was written and exits 1', async () => {
    const bad = path.join(tmp, 'members.csv');
    fs.writeFileSync(bad, 'slack_user_id,name,roles\nU0A1,Ana,staff\nU0A1,Ana again,chief\n');
    const io = captureIO();
    expect(await runImport(db.prisma, [path.join(FIXTURES, 'departments.csv'), bad, path.join(tmp, 'missing.csv')], {}, io)).toBe(1);
    expect(io.stderr).toEqual(['1 problem found:', `  ${path.join(tmp, 'missing.csv')}: no such file or directory`, 'Nothing was written.']);

    const io2 = captureIO();
    expect(await runImport(db.prisma, [path.join(FIXTURES, 'departments.csv'), bad], {}, io2)).toBe(1);
    expect(io2.stderr).toEqual([
      '2 problems found:',
      `  ${bad}: row 3 (line 3): roles: unknown role "chief"; accepted: orse_admin, equity_lead, staff, manager, redi_member`,
      `  ${bad}: row 3 (line 3): slack_user_id: duplicate member U0A1 (first on row 2 (line 2))`,
      'Nothing was written.',
    ]);
    expect(io2.stdout).toEqual([]);
    expect(await db.prisma.department.count()).toBe(0);
  });

  it('does a dry run', async () => {
    const io = captureIO();
    expect(await runImport(db.prisma, [path.join(FIXTURES, 'departments.csv')], { dryRun: true }, io)).toBe(0);
    expect(io.stdout).toEqual(['Dry run: would import 4 departments (4 new). Nothing was written.']);
    expect(await db.prisma.department.count()).toBe(0);
  });
});

describe('runExport', () => {
  it('writes the directory and names what it wrote', async () => {
    await runImport(db.prisma, [FIXTURES], {}, captureIO());
    const io = captureIO();
    const out = path.join(tmp, 'x');
    expect(await runExport(db.prisma, { format: 'csv', out }, '2025-01-01', io)).toBe(0);
    expect(io.stdout).toEqual([
      `Wrote ${path.join(out, 'departments.csv')} (4 rows)`,
      `Wrote ${path.join(out, 'members.csv')} (7 rows)`,
      `Wrote ${path.join(out, 'plans.csv')} (8 rows)`,
    ]);
    const all = captureIO();
    expect(await runExport(db.prisma, { format: 'json', out: path.join(tmp, 'all.json') }, '2025-01-01', all)).toBe(0);
    expect(all.stdout).toEqual([`Wrote ${path.join(tmp, 'all.json')} (departments: 4 rows, members: 7 rows, plans: 8 rows)`]);
    const json = captureIO();
    expect(await runExport(db.prisma, { format: 'json', out: '-', kind: 'departments' }, '2025-01-01', json)).toBe(0);
    expect(JSON.parse(json.written.join('')).departments).toHaveLength(4);
  });

  it('explains a request it cannot meet and exits 1', async () => {
    const io = captureIO();
    expect(await runExport(db.prisma, { format: 'csv', plan: 'NOPE-FY2030-2031' }, '2025-01-01', io)).toBe(1);
    expect(io.stderr).toEqual(['reap export: no plan with key NOPE-FY2030-2031']);
  });
});

describe('the registered commands', () => {
  it('parse their arguments and run against DATABASE_URL', async () => {
    // The commands open the database themselves (withCliContext), so point them at one:
    // this test's server database, or a PGlite directory.
    vi.stubEnv('DATABASE_URL', db.url ?? `pglite:${path.join(tmp, 'data')}`);
    for (const k of ['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN']) vi.stubEnv(k, '');
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const program = () => {
      const p = new Command().exitOverride().configureOutput({ writeErr: () => {} });
      registerImportCommand(p);
      registerExportCommand(p);
      return p;
    };
    try {
      await program().parseAsync(['node', 'reap', 'import', '--dry-run', FIXTURES]);
      await program().parseAsync(['node', 'reap', 'import', path.join(FIXTURES, 'departments.csv'), path.join(FIXTURES, 'members.csv')]);
      await program().parseAsync(['node', 'reap', 'export', '--kind', 'members', '--out', path.join(tmp, 'm.csv')]);
      expect(log.mock.calls.map((c) => c[0])).toEqual([
        expect.stringMatching(/^Dry run: would import 4 departments/),
        'Imported 4 departments (4 new), 7 members (7 new).',
        `Wrote ${path.join(tmp, 'm.csv')} (7 rows)`,
      ]);
      expect(fs.readFileSync(path.join(tmp, 'm.csv'), 'utf8')).toContain('U0LIB01,Nguyễn Thị Lan');
      expect(process.exitCode ?? 0).toBe(0);

      await program().parseAsync(['node', 'reap', 'import', path.join(FIXTURES, 'nope.json')]);
      expect(process.exitCode).toBe(1);
      expect(error.mock.calls.map((c) => c[0]).at(-1)).toBe('Nothing was written.');
      await expect(program().parseAsync(['node', 'reap', 'export', '--format', 'xml'])).rejects.toThrow(/xml/);
    } finally {
      process.exitCode = 0;
      vi.unstubAllEnvs();
      log.mockRestore();
      error.mockRestore();
    }
  });
});
