import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  COLUMNS,
  LIMITS,
  cellToJson,
  charLength,
  escapeFormula,
  formatMilestones,
  formatRoles,
  isProblem,
  jsonToCell,
  parseIsoDate,
  parseMilestones,
  parseRoles,
  parseVocabulary,
  parseYesNo,
  STATUS_LABELS,
  unescapeFormula,
  type ColumnSpec,
} from '../../../src/services/import-export/format.js';

const col = (name: string, kind: keyof typeof COLUMNS = 'plans'): ColumnSpec => COLUMNS[kind].find((c) => c.name === name)!;

describe('vocabularies', () => {
  it('accepts the human spellings of a status in any case, and the enum names', () => {
    for (const [raw, want] of [
      ['Completed', 'COMPLETED'],
      ['in progress', 'IN_PROGRESS'],
      ['In-Progress', 'IN_PROGRESS'],
      ['IN_PROGRESS', 'IN_PROGRESS'],
      ['  Not Started ', 'NOT_STARTED'],
      ['ongoing', 'ONGOING'],
      ['DEFERRED', 'DEFERRED'],
    ] as const) {
      expect(parseVocabulary(raw, STATUS_LABELS, 'status')).toBe(want);
    }
  });

  it('names what it accepts when a value is unknown', () => {
    const r = parseVocabulary('Done', STATUS_LABELS, 'status');
    expect(isProblem(r) && r.message).toBe('unknown status "Done"; accepted: Completed, In Progress, Ongoing, Not Started, Deferred');
  });

  it('reads role lists separated by ; (or ,), dedupes and sorts them in schema order', () => {
    expect(parseRoles('manager; Equity Lead;staff;manager')).toEqual(['EQUITY_LEAD', 'STAFF', 'MANAGER']);
    expect(parseRoles('redi_member,orse_admin')).toEqual(['ORSE_ADMIN', 'REDI_MEMBER']);
    const bad = parseRoles('staff;boss;admin');
    expect(isProblem(bad) && bad.message).toBe('unknown roles "boss", "admin"; accepted: orse_admin, equity_lead, staff, manager, redi_member');
    expect(formatRoles(['MANAGER', 'ORSE_ADMIN'])).toBe('orse_admin;manager');
  });

  it('reads yes/no in the usual spellings', () => {
    for (const v of ['yes', 'Y', 'TRUE', '1']) expect(parseYesNo(v)).toBe(true);
    for (const v of ['no', 'n', 'False', '0']) expect(parseYesNo(v)).toBe(false);
    expect(isProblem(parseYesNo('maybe'))).toBe(true);
  });
});

describe('dates', () => {
  it('accepts real calendar dates only', () => {
    expect(parseIsoDate('2024-02-29')).toBe('2024-02-29');
    const feb30 = parseIsoDate('2025-02-30');
    expect(isProblem(feb30) && feb30.message).toBe('2025-02-30 is not a real date');
    expect(isProblem(parseIsoDate('2025-13-01'))).toBe(true);
    const us = parseIsoDate('3/31/2025');
    expect(isProblem(us) && us.message).toBe('expected a date as YYYY-MM-DD, got "3/31/2025"');
  });
});

describe('milestones cell', () => {
  it('reads one "YYYY-MM-DD title" per line and writes them back sorted', () => {
    const cell = '2025-04-30 Train branch managers\n\n  2025-01-31   Pilot at 3 branches  \n';
    const ms = parseMilestones(cell);
    expect(ms).toEqual([
      { dueDate: '2025-04-30', title: 'Train branch managers' },
      { dueDate: '2025-01-31', title: 'Pilot at 3 branches' },
    ]);
    expect(formatMilestones(ms as never)).toBe('2025-01-31 Pilot at 3 branches\n2025-04-30 Train branch managers');
  });

  it('reports every bad line, bad dates and repeated titles', () => {
    const r = parseMilestones('Pilot\n2025-02-30 Survey\n2025-01-01 A\n2025-02-01 A');
    expect(isProblem(r) && r.message).toBe(
      'line 1 "Pilot": expected "YYYY-MM-DD title"; line 2 "2025-02-30 Survey": expected "YYYY-MM-DD title" (2025-02-30 is not a real date); line 4: milestone "A" is listed twice',
    );
  });

  it('refuses a title longer than the database column', () => {
    expect(isProblem(parseMilestones(`2025-01-01 ${'x'.repeat(LIMITS.milestoneTitle + 1)}`))).toBe(true);
    expect(isProblem(parseMilestones(`2025-01-01 ${'x'.repeat(LIMITS.milestoneTitle)}`))).toBe(false);
  });
});

describe('formula escaping', () => {
  it('protects cells a spreadsheet would run and is exactly undone on import', () => {
    const samples = ['=SUM(A1)', '+1', '-10% gap', '@cmd', "'=x", "''-y", "'plain", 'plain', '', '\tx', '5-3'];
    for (const s of samples) expect(unescapeFormula(escapeFormula(s))).toBe(s);
    expect(escapeFormula('-10% gap')).toBe("'-10% gap");
    expect(escapeFormula("'plain")).toBe("'plain");
    expect(unescapeFormula("'plain")).toBe("'plain");
  });
});

describe('JSON values', () => {
  it('maps natural JSON to cell text and back', () => {
    expect(jsonToCell(col('fiscal_start_year'), 2024)).toBe('2024');
    expect(jsonToCell(col('language_access'), true)).toBe('yes');
    expect(jsonToCell(col('owner'), null)).toBe('');
    expect(jsonToCell(col('roles', 'members'), ['staff', 'manager'])).toBe('staff;manager');
    expect(jsonToCell(col('milestones'), [{ due_date: '2025-01-31', title: 'Pilot' }, '2025-02-01 Launch'])).toBe('2025-01-31 Pilot\n2025-02-01 Launch');
    expect(cellToJson(col('milestones'), '2025-01-31 Pilot')).toEqual([{ due_date: '2025-01-31', title: 'Pilot' }]);
    expect(cellToJson(col('owner'), '')).toBeNull();
    expect(cellToJson(col('outputs'), '')).toBe('');
    expect(cellToJson(col('objective_number'), '')).toBeNull();
    expect(cellToJson(col('manages', 'members'), '')).toEqual([]);
    expect(cellToJson(col('gender_equity'), 'no')).toBe(false);
    expect(cellToJson(col('gender_equity'), '')).toBeNull();
  });

  it('refuses values of the wrong shape', () => {
    expect(isProblem(jsonToCell(col('strategy_text'), { a: 1 }))).toBe(true);
    expect(isProblem(jsonToCell(col('strategy_text'), ['a']))).toBe(true);
    expect(isProblem(jsonToCell(col('roles', 'members'), [1]))).toBe(true);
    expect(isProblem(jsonToCell(col('milestones'), [{ due_date: '2025-01-01', title: 'x', owner: 'U1' }]))).toBe(true);
    expect(isProblem(jsonToCell(col('milestones'), [{ due_date: '2025-01-01', title: 'a\nb' }]))).toBe(true);
  });
});

describe('column limits', () => {
  it('match the VarChar sizes in prisma/schema.prisma', () => {
    const schema = fs.readFileSync(new URL('../../../prisma/schema.prisma', import.meta.url), 'utf8');
    const size = (model: string, field: string) => {
      const block = new RegExp(`model ${model} \\{([\\s\\S]*?)\\n\\}`).exec(schema)![1]!;
      return Number(new RegExp(`\\n\\s*${field}\\s+String\\??\\s+.*@db\\.VarChar\\((\\d+)\\)`).exec(block)![1]);
    };
    expect(LIMITS).toEqual({
      departmentCode: size('Department', 'code'),
      departmentName: size('Department', 'name'),
      slackChannelId: size('Department', 'slackChannelId'),
      slackUserId: size('Member', 'slackUserId'),
      memberName: size('Member', 'name'),
      email: size('Member', 'email'),
      timeZone: size('Member', 'timeZone'),
      planKey: size('Plan', 'key'),
      planTitle: size('Plan', 'title'),
      milestoneTitle: size('Milestone', 'title'),
    });
  });

  it('counts characters as PostgreSQL does (code points)', () => {
    expect(charLength('Nguyễn')).toBe(6);
    expect(charLength('👩🏽‍💼')).toBe(4);
  });
});
