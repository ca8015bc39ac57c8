import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../../src/services/import-export/issues.js';
import { elementLines, parseCsv, parseJson, parseSource } from '../../../src/services/import-export/parse.js';

const fixture = (name: string) => fs.readFileSync(new URL(`../../fixtures/import/${name}`, import.meta.url));
const messages = (issues: Parameters<typeof formatIssue>[0][]) => issues.map((i) => formatIssue(i, false));

describe('CSV files', () => {
  it('reads a file with a BOM, CRLF line ends, quoted multi-line cells and trailing blank lines', () => {
    const text = '\uFEFFcode,name\r\nLIB,"San José\r\nPublic Library"\r\n,\r\nDOT,"Transportation, Dept. of"\r\n\r\n\r\n';
    const { rows, issues, kinds } = parseCsv(text, 'departments.csv');
    expect(issues).toEqual([]);
    expect(kinds).toEqual(['departments']);
    expect(rows.map((r) => [r.ref.row, r.ref.line, r.values])).toEqual([
      [2, 2, { code: 'LIB', name: 'San José\nPublic Library' }],
      // Row 4 is the spreadsheet row (the ",," row 3 counts) and line 5 is where it starts.
      [4, 5, { code: 'DOT', name: 'Transportation, Dept. of' }],
    ]);
  });

  it('recognises the kind from the header', () => {
    expect(parseCsv('slack_user_id,name\nU1AB,Ana\n', 'x').kinds).toEqual(['members']);
    expect(parseCsv(fixture('plans.csv').toString(), 'x').kinds).toEqual(['plans']);
    const none = parseCsv('id,title\n1,x\n', 'x.csv');
    expect(messages(none.issues)).toEqual([
      'line 1: cannot tell what the file holds: the header needs plan_key (plans), slack_user_id (members) or code (departments)',
    ]);
    const semicolons = parseCsv('code;name\nLIB;Library\n', 'x.csv');
    expect(messages(semicolons.issues)[0]).toContain('semicolon- or tab-separated');
  });

  it('names unknown, repeated and missing columns', () => {
    const r = parseCsv('slack_user_id,email,nickname,email,manager\nU1AB,a@b.co,x,y,z\n', 'members.csv');
    expect(r.rows).toEqual([]);
    expect(messages(r.issues)).toEqual([
      'line 1: header: unknown columns "nickname", "manager" (a members file accepts: slack_user_id, name, email, department_code, roles, manages, language, time_zone, active)',
      'line 1: header: column "email" appears more than once',
      'line 1: header: missing required column "name"',
    ]);
  });

  it('lets optional columns be left out, and knows which were', () => {
    const r = parseCsv('code,name\nLIB,Library\n', 'd.csv');
    expect(r.rows[0]!.values).toEqual({ code: 'LIB', name: 'Library' });
    expect(r.rows[0]!.values.maturity_tier).toBeUndefined();
  });

  it('reports rows with too few or too many cells, and tolerates empty padding', () => {
    const r = parseCsv('code,name\nLIB\nDOT,Transportation,extra\nPRNS,Parks,,\n', 'd.csv');
    expect(messages(r.issues)).toEqual([
      'row 2 (line 2): the row has 1 cells but the header has 2 columns',
      'row 3 (line 3): the row has 3 cells but the header has 2 columns',
    ]);
    expect(r.rows.map((x) => x.values.code)).toEqual(['PRNS']);
  });

  it('reports broken quoting with the line it starts on', () => {
    expect(messages(parseCsv('code,name\nLIB,"Library\nDOT,x\n', 'd.csv').issues)).toEqual([
      'line 2: a quoted cell starting on this line is never closed (missing ")',
    ]);
    expect(messages(parseCsv('code,name\nLIB,"Lib"rary\n', 'd.csv').issues)[0]).toMatch(/^line 2: text follows the closing quote/);
  });

  it('removes the apostrophe export puts before formula-like text', () => {
    const r = parseCsv("code,name\nLIB,'=Library\n", 'd.csv');
    expect(r.rows[0]!.values.name).toBe('=Library');
  });

  it('refuses files that are empty or not UTF-8', () => {
    expect(messages(parseCsv('\uFEFF\n\n', 'd.csv').issues)).toEqual(['d.csv: the file is empty']);
    const latin1 = Uint8Array.from([...Buffer.from('code,name\nLIB,San Jos'), 0xe9, 0x0a]);
    expect(messages(parseSource({ name: 'd.csv', content: latin1 }).issues)[0]).toMatch(/not UTF-8/);
  });
});

describe('JSON files', () => {
  it('reads any subset of sections with natural JSON values, and finds each row’s line', () => {
    const text = [
      '{',
      '  "members": [',
      '    { "slack_user_id": "U0LIB01", "name": "Lan", "roles": ["equity_lead"], "active": true },',
      '    {',
      '      "slack_user_id": "U0LIB02", "name": "Marcus", "email": null',
      '    }',
      '  ],',
      '  "departments": [{ "code": "LIB", "name": "Library", "dedicated_equity_staff": false }]',
      '}',
    ].join('\n');
    const r = parseJson(text, 'all.json');
    expect(r.issues).toEqual([]);
    expect(r.kinds).toEqual(['departments', 'members']);
    expect(r.rows.map((x) => [x.kind, x.ref.row, x.ref.line])).toEqual([
      ['departments', 1, 8],
      ['members', 1, 3],
      ['members', 2, 4],
    ]);
    expect(r.rows[1]!.values).toMatchObject({ roles: 'equity_lead', active: 'yes', email: undefined });
    expect(r.rows[2]!.values.email).toBe('');
  });

  it('treats a missing required field like an empty cell', () => {
    const r = parseJson('{"departments":[{"code":"LIB"}]}', 'd.json');
    expect(r.rows[0]!.values).toMatchObject({ code: 'LIB', name: '' });
  });

  it('reports unknown sections and fields, wrong shapes and syntax errors', () => {
    const r = parseJson(
      '{"plans": {}, "people": [], "members": [{"slack_user_id": "U1AB", "name": "A", "nick": "x"}, 3, {"slack_user_id": "U2AB", "name": {"first": "B"}}]}',
      'm.json',
    );
    expect(messages(r.issues)).toEqual([
      'line 1: unknown section "people"; accepted: departments, members, plans',
      'members row 1 (line 1): nick: unknown field; a members row accepts: slack_user_id, name, email, department_code, roles, manages, language, time_zone, active',
      'members row 2 (line 1): expected an object with field names as keys',
      'members row 3 (line 1): name: expected text, got object',
      'plans: expected a list of rows ([...])',
    ]);
    expect(messages(parseJson('{\n  "departments": [\n    {"code": "LIB",}\n  ]\n}', 'd.json').issues)[0]).toMatch(/^line 3: not valid JSON/);
    expect(messages(parseJson('[1,2]', 'd.json').issues)[0]).toMatch(/expected an object such as/);
  });

  it('finds element lines without being fooled by brackets inside strings', () => {
    const text = '{"x": "[{", "plans": [\n{"a": "]}\\""},\n\n{"b": [1,\n2]}, "s"\n]}';
    expect(elementLines(text).get('plans')).toEqual([2, 4, 5]);
  });

  it('picks the format from the name, then from the content', () => {
    expect(parseSource({ name: 'x.json', content: '{"departments": []}' }).kinds).toEqual(['departments']);
    expect(parseSource({ name: 'stdin', content: '\uFEFF  {"members": []}' }).kinds).toEqual(['members']);
    expect(parseSource({ name: 'stdin', content: 'code,name\n' }).kinds).toEqual(['departments']);
  });
});
