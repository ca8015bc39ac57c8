import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatIssue, sortIssues } from '../../../src/services/import-export/issues.js';
import { parseCsv, parseSource } from '../../../src/services/import-export/parse.js';
import { checkReferences, strategyKey, validateRows, type KnownState } from '../../../src/services/import-export/validate.js';

const fixture = (name: string) => fs.readFileSync(new URL(`../../fixtures/import/${name}`, import.meta.url));

const PLAN_HEADER =
  'plan_key,plan_kind,plan_title,department_code,fiscal_start_year,fiscal_end_year,objective_number,objective_title,strategy_number,strategy_text,status,owner,due_date,milestones';
const planRow = (over: Partial<Record<string, string>> = {}) => {
  const v: Record<string, string> = {
    plan_key: 'LIB-FY2024-2026',
    plan_kind: 'department_reap',
    plan_title: 'Library REAP',
    department_code: 'LIB',
    fiscal_start_year: '2024',
    fiscal_end_year: '2026',
    objective_number: '1',
    objective_title: 'Welcome everyone',
    strategy_number: '1',
    strategy_text: 'Do the thing',
    status: 'In Progress',
    owner: 'U0LIB01',
    due_date: '2025-06-30',
    milestones: '',
    ...over,
  };
  return PLAN_HEADER.split(',')
    .map((k) => (/[",\n]/.test(v[k]!) ? `"${v[k]!.replace(/"/g, '""')}"` : v[k]))
    .join(',');
};

function check(csv: string) {
  const parsed = parseCsv(csv, 'f.csv');
  const v = validateRows(parsed.rows);
  const issues = sortIssues([...parsed.issues, ...v.issues], ['f.csv']);
  return { v, messages: issues.map((i) => formatIssue(i, false)) };
}

const NOTHING_KNOWN: KnownState = { departments: new Map(), members: new Map(), archivedStrategies: new Set() };

describe('validateRows', () => {
  it('accepts the fixture files without a problem', () => {
    for (const f of ['departments.csv', 'members.csv', 'plans.csv']) {
      const parsed = parseSource({ name: f, content: fixture(f) });
      expect(parsed.issues).toEqual([]);
      expect(validateRows(parsed.rows).issues).toEqual([]);
    }
  });

  it('types the values and fills defaults for empty cells', () => {
    const { v, messages } = check(
      'code,name,maturity_tier,dedicated_equity_staff,slack_channel,reporting_cadence\n LIB , Library ,,,,\nDOT,Transportation,Advanced,YES,C0DOT,Monthly\n',
    );
    expect(messages).toEqual([]);
    expect(v.departments.map((d) => d.value)).toEqual([
      {
        code: 'LIB',
        name: 'Library',
        maturityTier: 'INTERMEDIATE',
        hasDedicatedEquityStaff: false,
        slackChannelId: null,
        hasActiveEquityActionTeam: undefined, // column left out: keep what is stored
        reportingCadence: 'QUARTERLY',
      },
      {
        code: 'DOT',
        name: 'Transportation',
        maturityTier: 'ADVANCED',
        hasDedicatedEquityStaff: true,
        slackChannelId: 'C0DOT',
        hasActiveEquityActionTeam: undefined,
        reportingCadence: 'MONTHLY',
      },
    ]);
  });

  it('reports every bad cell of every row, naming row, line and field', () => {
    const { v, messages } = check(
      [
        'slack_user_id,name,email,department_code,roles,language,time_zone,active',
        'U0LIB01,Lan,lan@sanjoseca.gov,LIB,equity lead,vi,America/Los_Angeles,yes',
        'lib02,,not-an-email,LIB!,boss;staff,fr,Mars/Olympus,sometimes',
        `U0LIB03,${'x'.repeat(201)},,,,,,`,
      ].join('\n'),
    );
    expect(v.members.map((m) => m.value.slackUserId)).toEqual(['U0LIB01']);
    expect(messages).toEqual([
      'row 3 (line 3): slack_user_id: expected a Slack user id such as U04ABC123, got "lib02"',
      'row 3 (line 3): name: is required',
      'row 3 (line 3): email: expected an e-mail address, got "not-an-email"',
      'row 3 (line 3): department_code: expected a department code of letters, digits, "-" or "_" such as LIB, got "LIB!"',
      'row 3 (line 3): roles: unknown role "boss"; accepted: orse_admin, equity_lead, staff, manager, redi_member',
      'row 3 (line 3): language: unknown language "fr"; accepted: en, es, vi',
      'row 3 (line 3): time_zone: expected an IANA time zone such as America/Los_Angeles, got "Mars/Olympus"',
      'row 3 (line 3): active: expected yes or no, got "sometimes"',
      'row 4 (line 4): name: is longer than 200 characters (201)',
    ]);
  });

  it('canonicalises e-mail case and time-zone spelling', () => {
    const { v } = check('slack_user_id,name,email,time_zone\nU0A1,A,Ana.Diaz@SanJoseCA.gov,america/los_angeles\n');
    expect(v.members[0]!.value).toMatchObject({ email: 'ana.diaz@sanjoseca.gov', timeZone: 'America/Los_Angeles' });
  });

  it('finds duplicates within the file', () => {
    const d = check('code,name\nLIB,Library\nDOT,Transportation\nLIB,Library again\nPRNS,Transportation\n');
    expect(d.messages).toEqual([
      'row 4 (line 4): code: duplicate department LIB (first on row 2 (line 2))',
      'row 5 (line 5): name: duplicate department name "Transportation" (first on row 3 (line 3))',
    ]);
    const m = check('slack_user_id,name,email\nU0A1,A,a@x.org\nU0A2,B,A@X.org\nU0A1,C,\n');
    expect(m.messages).toEqual([
      'row 3 (line 3): email: duplicate e-mail a@x.org (first on row 2 (line 2))',
      'row 4 (line 4): slack_user_id: duplicate member U0A1 (first on row 2 (line 2))',
    ]);
    const p = check([PLAN_HEADER, planRow(), planRow({ strategy_number: '2' }), planRow({ strategy_text: 'Again' })].join('\n'));
    expect(p.messages).toEqual(['row 4 (line 4): strategy_number: duplicate row for strategy 1.1 of plan LIB-FY2024-2026 (first on row 2 (line 2))']);
  });

  it('requires the plan and objective fields to agree between rows of one plan', () => {
    const { messages } = check(
      [
        PLAN_HEADER,
        planRow(),
        planRow({ strategy_number: '2', plan_title: 'Library Plan', fiscal_end_year: '2027' }),
        planRow({ strategy_number: '3', objective_title: 'Something else' }),
      ].join('\n'),
    );
    expect(messages).toEqual([
      'row 3 (line 3): plan_title: differs from row 2 (line 2) for plan LIB-FY2024-2026 ("Library Plan" vs "Library REAP")',
      'row 3 (line 3): fiscal_end_year: differs from row 2 (line 2) for plan LIB-FY2024-2026 (2027 vs 2026)',
      'row 4 (line 4): objective_title: differs from row 2 (line 2) for objective 1 of plan LIB-FY2024-2026 ("Something else" vs "Welcome everyone")',
    ]);
  });

  it('checks the rules within a plan row', () => {
    const { messages } = check(
      [
        PLAN_HEADER,
        planRow({ plan_key: 'A', department_code: '' }),
        planRow({ plan_key: 'B', plan_kind: 'orse_work_plan' }),
        planRow({ plan_key: 'C', fiscal_start_year: '2026', fiscal_end_year: '2024' }),
        planRow({ plan_key: 'D', objective_title: '' }),
        planRow({ plan_key: 'E', strategy_text: '' }),
        planRow({ plan_key: 'F', strategy_number: '', strategy_text: '', due_date: '' }),
        planRow({ plan_key: 'G', objective_number: '', objective_title: '', strategy_number: '', strategy_text: '', status: '', owner: '', due_date: '' }),
        planRow({ plan_key: 'H', status: 'Done', due_date: '2025-02-30', fiscal_start_year: '24', strategy_number: '1.2' }),
      ].join('\n'),
    );
    expect(messages).toEqual([
      'row 2 (line 2): department_code: is required for a department_reap plan',
      'row 3 (line 3): department_code: must be empty for an orse_work_plan plan (ORSE plans belong to no department)',
      'row 4 (line 4): fiscal_end_year: must not be before fiscal_start_year (2026)',
      'row 5 (line 5): objective_title: is required when objective_number is set',
      'row 6 (line 6): strategy_text: is required when strategy_number is set',
      'row 7 (line 7): strategy_number: is required when strategy cells are filled (status, owner)',
      'row 9 (line 9): fiscal_start_year: expected a year from 2000 to 2100, got "24"',
      'row 9 (line 9): strategy_number: expected a whole number from 1 to 9999, got "1.2"',
      'row 9 (line 9): status: unknown status "Done"; accepted: Completed, In Progress, Ongoing, Not Started, Deferred',
      'row 9 (line 9): due_date: 2025-02-30 is not a real date',
    ]);
  });

  it('requires a department for a department REAP even when the column is left out', () => {
    const header = PLAN_HEADER.replace('department_code,', '');
    const row = planRow().replace(',LIB,', ',');
    expect(check([header, row].join('\n')).messages).toEqual(['row 2 (line 2): department_code: is required for a department_reap plan']);
  });

  it('refuses NUL characters and values longer than their database column', () => {
    const { messages } = check(`code,name\nLIB,Lib\u0000rary\n${'X'.repeat(17)},Too long\n`);
    expect(messages).toEqual([
      'row 2 (line 2): name: contains a NUL character, which cannot be stored',
      'row 3 (line 3): code: is longer than 16 characters (17)',
    ]);
  });
});

describe('checkReferences', () => {
  const known: KnownState = {
    departments: new Map([
      ['LIB', { name: 'San José Public Library' }],
      ['DOT', { name: 'Department of Transportation' }],
    ]),
    members: new Map([
      ['U0LIB01', { email: 'lan.nguyen@sanjoseca.gov' }],
      ['U0DOT01', { email: 'maria@sanjoseca.gov' }],
    ]),
    archivedStrategies: new Set([strategyKey('LIB-FY2024-2026', 1, 9)]),
  };

  it('accepts departments and members from the database or the file', () => {
    const v = validateRows([
      ...parseCsv('code,name\nPRNS,Parks\n', 'd.csv').rows,
      ...parseCsv('slack_user_id,name,email,department_code,manages\nU0PRNS01,Jon,jon@sanjoseca.gov,PRNS,LIB;PRNS\n', 'm.csv').rows,
      ...parseCsv(
        [PLAN_HEADER, planRow({ owner: 'jon@sanjoseca.gov' }), planRow({ strategy_number: '2', owner: 'LAN.NGUYEN@sanjoseca.gov' })].join('\n'),
        'p.csv',
      ).rows,
    ]);
    expect(v.issues).toEqual([]);
    const r = checkReferences(v, known);
    expect(r.issues).toEqual([]);
    expect(r.ownerSlackId('jon@sanjoseca.gov')).toBe('U0PRNS01');
    expect(r.ownerSlackId('lan.nguyen@sanjoseca.gov')).toBe('U0LIB01');
  });

  it('reports departments and members that exist nowhere', () => {
    const v = validateRows([
      ...parseCsv('slack_user_id,name,department_code,manages\nU0X1,X,lib,HR\n', 'm.csv').rows,
      ...parseCsv(
        [PLAN_HEADER, planRow({ department_code: 'HR', owner: 'U0NOBODY' }), planRow({ strategy_number: '2', department_code: 'HR', owner: 'who@x.org' })].join(
          '\n',
        ),
        'p.csv',
      ).rows,
    ]);
    const messages = checkReferences(v, known).issues.map((i) => formatIssue(i, true));
    expect(messages).toEqual([
      'm.csv: row 2 (line 2): department_code: unknown department lib: not in this import or the database (did you mean LIB?)',
      'm.csv: row 2 (line 2): manages: unknown department HR: not in this import or the database',
      'p.csv: row 2 (line 2): department_code: unknown department HR: not in this import or the database',
      'p.csv: row 2 (line 2): owner: no member with Slack id U0NOBODY in this import or the database',
      'p.csv: row 3 (line 3): department_code: unknown department HR: not in this import or the database',
      'p.csv: row 3 (line 3): owner: no member with e-mail who@x.org in this import or the database',
    ]);
  });

  it('does not repeat a bad department row as an unknown department', () => {
    const v = validateRows([
      ...parseCsv('code,name,maturity_tier\nHR,Human Resources,expert\n', 'd.csv').rows,
      ...parseCsv('slack_user_id,name,department_code\nU0HR1,A,HR\n', 'm.csv').rows,
    ]);
    expect(v.issues.map((i) => i.field)).toEqual(['maturity_tier']);
    expect(checkReferences(v, NOTHING_KNOWN).issues).toEqual([]);
  });

  it('keeps department names and e-mail addresses unique after the import', () => {
    const v = validateRows([
      ...parseCsv('code,name\nHR,San José Public Library\nDOT,Transportation\nPW,Department of Transportation\n', 'd.csv').rows,
      ...parseCsv('slack_user_id,name,email\nU0NEW1,New,maria@sanjoseca.gov\nU0NEW2,Other,lan.nguyen@sanjoseca.gov\nU0LIB01,Lan,lan@sanjoseca.gov\n', 'm.csv')
        .rows,
    ]);
    const messages = checkReferences(v, known).issues.map((i) => formatIssue(i, false));
    // DOT is renamed in the same file, so its old name is free for PW; Lan gives up her
    // address in the same file, so U0NEW2 may take it.
    expect(messages).toEqual([
      'row 2 (line 2): email: maria@sanjoseca.gov already belongs to member U0DOT01',
      'row 2 (line 2): name: "San José Public Library" is already the name of department LIB',
    ]);
  });

  it('refuses to reuse the number of an archived strategy', () => {
    const v = validateRows(parseCsv([PLAN_HEADER, planRow({ strategy_number: '9' })].join('\n'), 'p.csv').rows);
    expect(checkReferences(v, known).issues.map((i) => formatIssue(i, false))).toEqual([
      'row 2 (line 2): strategy_number: strategy 1.9 of plan LIB-FY2024-2026 was archived; give this row a new strategy_number',
    ]);
  });
});
