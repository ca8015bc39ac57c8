// What `reap export --open-data` publishes, described once: the CSV header, the Frictionless
// Data Package (datapackage.json) and the Markdown data dictionary are all made from
// OPEN_DATA_FIELDS, so the three can never disagree about a column.
//
// Only public fields belong here. Adding one means asking whether a member of the public
// may read it: no person's name, Slack id or e-mail, and no text from an update that its
// author did not mark Public.
import { PLAN_KIND_LABELS, STATUS_LABELS } from './format.js';

export const OPEN_DATA_CSV = 'strategy_periods.csv';
export const OPEN_DATA_PACKAGE = 'datapackage.json';
export const OPEN_DATA_DICTIONARY = 'DATA_DICTIONARY.md';

/** The Table Schema types this dataset uses. */
export type OpenDataFieldType = 'string' | 'date' | 'integer';

export interface OpenDataField {
  readonly name: string;
  readonly type: OpenDataFieldType;
  readonly title: string;
  readonly description: string;
  readonly example: string;
  /** Every row has a value (the primary key's fields, and what always exists). */
  readonly required?: boolean;
  /** The only values the column holds. */
  readonly values?: readonly string[];
}

/** "public" carries the update's text; "redi" (City staff only) leaves it out. */
export const UPDATE_VISIBILITY_LABELS = { PUBLIC: 'public', REDI: 'redi' } as const;

const WITHHELD = 'Empty when the update was shared only within the City (update_visibility "redi").';

export const OPEN_DATA_FIELDS = [
  {
    name: 'plan_key',
    type: 'string',
    required: true,
    title: 'Plan key',
    example: 'LIB-FY2024-2026',
    description: 'Stable identifier of the plan: department code and the fiscal years it covers.',
  },
  {
    name: 'plan_title',
    type: 'string',
    required: true,
    title: 'Plan title',
    example: 'San José Public Library Racial Equity Action Plan FY 2024-2026',
    description: 'Title of the plan.',
  },
  {
    name: 'plan_kind',
    type: 'string',
    required: true,
    title: 'Plan kind',
    example: 'department_reap',
    values: Object.values(PLAN_KIND_LABELS),
    description:
      "department_reap: a department's Racial Equity Action Plan; orse_work_plan: the Office of Racial Equity's own work plan; citywide_plan: a plan of the whole City (the Welcoming San José Plan), each strategy led by one department.",
  },
  {
    name: 'department_code',
    type: 'string',
    title: 'Department code',
    example: 'LIB',
    description:
      "Short code of the department the strategy belongs to: its plan's department, or for a citywide_plan strategy its lead department. Empty for a strategy of no single department.",
  },
  {
    name: 'department_name',
    type: 'string',
    title: 'Department name',
    example: 'San José Public Library',
    description:
      "Name of the department the strategy belongs to: its plan's department, or for a citywide_plan strategy its lead department. Empty for a strategy of no single department.",
  },
  {
    name: 'objective_number',
    type: 'integer',
    required: true,
    title: 'Objective number',
    example: '1',
    description: 'Number of the objective within the plan.',
  },
  {
    name: 'objective_title',
    type: 'string',
    required: true,
    title: 'Objective title',
    example: 'Make library services welcoming to every community.',
    description: 'The objective the strategy serves.',
  },
  {
    name: 'strategy_ref',
    type: 'string',
    required: true,
    title: 'Strategy reference',
    example: '1.2',
    description: 'Objective number and strategy number within the plan, as printed in the plan.',
  },
  {
    name: 'strategy_text',
    type: 'string',
    required: true,
    title: 'Strategy',
    example: 'Offer story times in Spanish and Vietnamese at every branch.',
    description: 'What the department committed to do.',
  },
  {
    name: 'owner_department',
    type: 'string',
    title: 'Owner department',
    example: 'San José Public Library',
    description: 'Department of the staff member responsible for the strategy (never the person). Empty when no one is assigned.',
  },
  {
    name: 'performance_measures',
    type: 'string',
    title: 'Performance measures',
    example: '# of branches offering story times in three languages',
    description: 'How the plan measures the strategy (the plan text, the same in every period).',
  },
  {
    name: 'outputs',
    type: 'string',
    title: 'Planned outputs',
    example: 'Story time schedule in three languages',
    description: 'What the strategy is planned to produce (the plan text, the same in every period).',
  },
  {
    name: 'period_key',
    type: 'string',
    required: true,
    title: 'Reporting period',
    example: 'FY2025-Q2',
    description:
      'Fiscal reporting period, named by the year the fiscal year ends (July to June): FY2025-Q2 is October to December 2024; FY2025-M03 is September 2024.',
  },
  { name: 'period_start', type: 'date', required: true, title: 'Period start', example: '2024-10-01', description: 'First day of the reporting period.' },
  { name: 'period_end', type: 'date', required: true, title: 'Period end', example: '2024-12-31', description: 'Last day of the reporting period.' },
  {
    name: 'status',
    type: 'string',
    required: true,
    title: 'Status',
    example: 'In Progress',
    values: Object.values(STATUS_LABELS),
    description: "The strategy's status as reported in the latest update of the period.",
  },
  {
    name: 'update_visibility',
    type: 'string',
    required: true,
    title: 'Update visibility',
    example: 'public',
    values: Object.values(UPDATE_VISIBILITY_LABELS),
    description:
      'public: the author published the update, and its text is included. redi: the update was shared only within the City, so only its status and date are included.',
  },
  {
    name: 'update_narrative',
    type: 'string',
    title: 'Progress narrative',
    example: 'Story times started at 12 of 25 branches.',
    description: `What happened in the period, in the author's words. ${WITHHELD}`,
  },
  {
    name: 'update_measure_values',
    type: 'string',
    title: 'Measure values',
    example: '12 of 25 branches',
    description: `Values reported for the performance measures in the period. ${WITHHELD}`,
  },
  {
    name: 'update_typed_measures',
    type: 'string',
    title: 'Typed measure values',
    example: 'Branch staff trained: 92.5% (target 90%, on target); Bilingual sessions held: 8 sessions (target 12 sessions, off target)',
    description: `Values of the strategy's typed performance measures in the period, separated by "; ": each "label: value" with the unit, then the target and whether the value meets it when the measure has a target. Only measures the department marked for open data. ${WITHHELD}`,
  },
  {
    name: 'update_outputs',
    type: 'string',
    title: 'Outputs this period',
    example: 'Flyers in three languages',
    description: `What the strategy produced in the period. ${WITHHELD}`,
  },
  {
    name: 'reported_on',
    type: 'date',
    required: true,
    title: 'Reported on',
    example: '2024-12-18',
    description: "Date the update was submitted (the City's time zone).",
  },
] as const satisfies readonly OpenDataField[];

export type OpenDataFieldName = (typeof OPEN_DATA_FIELDS)[number]['name'];
export type OpenDataRow = Record<OpenDataFieldName, string>;

export const OPEN_DATA_COLUMNS: readonly OpenDataFieldName[] = OPEN_DATA_FIELDS.map((f) => f.name);

/** One row per strategy and period: the plan, the strategy within it, the period. */
export const OPEN_DATA_PRIMARY_KEY: readonly OpenDataFieldName[] = ['plan_key', 'strategy_ref', 'period_key'];

/** Open Definition has no such id: a portal or validator rejects it until the City picks one. */
export const LICENSE_PLACEHOLDER = 'TO-BE-SET-BY-CITY';

const tableSchemaField = (f: OpenDataField) => ({
  name: f.name,
  type: f.type,
  title: f.title,
  description: f.description,
  example: f.example,
  ...(f.required || f.values ? { constraints: { ...(f.required ? { required: true } : {}), ...(f.values ? { enum: [...f.values] } : {}) } } : {}),
});

/** A Frictionless Data Package (v1, tabular) describing strategy_periods.csv. */
export function buildDataPackage(created: Date): Record<string, unknown> {
  return {
    profile: 'tabular-data-package',
    name: 'san-jose-reap-strategy-periods',
    title: 'City of San José Racial Equity Action Plans: strategy progress by reporting period',
    description:
      "One row per strategy of a Racial Equity Action Plan and per reporting period with a shared progress update: the plan's text, the reported status and, where the author published it, what the update said. See DATA_DICTIONARY.md.",
    created: created.toISOString(),
    licenses: [
      {
        name: LICENSE_PLACEHOLDER,
        title: 'To be set by the City of San José before publishing: replace with the license the City chooses.',
      },
    ],
    resources: [
      {
        profile: 'tabular-data-resource',
        name: 'strategy_periods',
        path: OPEN_DATA_CSV,
        title: 'Strategy progress by reporting period',
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        dialect: { delimiter: ',', doubleQuote: true, lineTerminator: '\r\n', quoteChar: '"', header: true },
        schema: {
          fields: OPEN_DATA_FIELDS.map(tableSchemaField),
          primaryKey: [...OPEN_DATA_PRIMARY_KEY],
          missingValues: [''],
        },
      },
    ],
  };
}

// A "|" would end a Markdown table cell, and a line break would end the row.
const mdCell = (s: string): string => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

export function renderDataDictionary(): string {
  const lines = [
    '# Data dictionary: strategy_periods.csv',
    '',
    'City of San José Racial Equity Action Plans. One row per strategy and reporting period that has at least one shared progress update; when a period has several, the latest one is used. Updates kept internal to a department are left out entirely.',
    '',
    'UTF-8, comma-separated, one header row, RFC 4180 quoting (a cell may hold line breaks). Dates are YYYY-MM-DD. A cell that would start with = + - @ is written with a leading apostrophe, so spreadsheets do not run it as a formula.',
    '',
    `License: not yet chosen (${LICENSE_PLACEHOLDER} in datapackage.json).`,
    '',
    '| Name | Type | Description | Example |',
    '| --- | --- | --- | --- |',
    ...OPEN_DATA_FIELDS.map((f: OpenDataField) => {
      const values = f.values ? ` Values: ${f.values.join(', ')}.` : '';
      return `| ${mdCell(f.name)} | ${f.type} | ${mdCell(f.description + values)} | ${mdCell(f.example)} |`;
    }),
    '',
  ];
  return lines.join('\n');
}
