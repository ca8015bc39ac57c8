// The work-plan table as the City publishes it (the attachment of ORSE's annual report):
//
//   Objectives & Strategies | Progress | Performance Measures | Outputs
//   Objective 1: <title>    |          |                      |
//   1. <strategy text>      | Completed| <measures>           | <outputs>
//
// Department REAP tables use the same layout. Pure: rows in, text out.
import { stringify } from 'csv-stringify/sync';
import { escapeFormula } from './spreadsheet-cells.js';
import type { StrategyStatus } from '../generated/prisma/enums.js';

export const REPORT_COLUMNS = ['Objectives & Strategies', 'Progress', 'Performance Measures', 'Outputs'] as const;

/** The report is an English public document whatever the reader's language. */
export const STATUS_LABELS_EN: Record<StrategyStatus, string> = {
  COMPLETED: 'Completed',
  IN_PROGRESS: 'In Progress',
  ONGOING: 'Ongoing',
  NOT_STARTED: 'Not Started',
  DEFERRED: 'Deferred',
};

export type ReportCells = [objectiveOrStrategy: string, progress: string, measures: string, outputs: string];

export interface ReportRow {
  kind: 'objective' | 'strategy';
  cells: ReportCells;
}

export interface ReportTable {
  title: string;
  columns: readonly string[];
  rows: ReportRow[];
}

export interface ReportPlan {
  title: string;
  objectives: readonly {
    number: number;
    title: string;
    strategies: readonly { number: number; text: string; status: StrategyStatus; performanceMeasures: string; outputs: string }[];
  }[];
}

const byNumber = <T extends { number: number }>(items: readonly T[]) => [...items].sort((a, b) => a.number - b.number);

export function buildReportTable(plan: ReportPlan): ReportTable {
  const rows: ReportRow[] = [];
  for (const o of byNumber(plan.objectives)) {
    rows.push({ kind: 'objective', cells: [`Objective ${o.number}: ${o.title}`, '', '', ''] });
    for (const s of byNumber(o.strategies)) {
      rows.push({ kind: 'strategy', cells: [`${s.number}. ${s.text}`, STATUS_LABELS_EN[s.status], s.performanceMeasures, s.outputs] });
    }
  }
  return { title: plan.title, columns: REPORT_COLUMNS, rows };
}

/**
 * RFC 4180 CSV with a header row; cells keep their line breaks inside quotes. A cell a
 * spreadsheet would run as a formula (a measure typed as "=HYPERLINK(…)") starts with an
 * apostrophe, as in the operator export.
 */
export function renderCsv(table: ReportTable): string {
  const rows = [[...table.columns], ...table.rows.map((r) => r.cells)].map((cells) => cells.map(escapeFormula));
  return stringify(rows, { record_delimiter: 'windows' });
}

/**
 * A GitHub-flavoured Markdown table. A cell cannot hold a raw pipe or line break, so pipes
 * are escaped and line breaks become <br>; backslashes are escaped first so that text
 * ending in "\" cannot swallow the escape of the pipe after it. HTML in people's text is
 * shown as text, never run by whatever renders the file: < and > become entities, and so
 * does an & that would start one (a plain "Objectives & Strategies" stays readable).
 */
export function renderMarkdown(table: ReportTable): string {
  const line = (cells: readonly string[]) => `| ${cells.map(escapeMarkdownCell).join(' | ')} |`;
  return [line(table.columns), `|${table.columns.map(() => ' --- ').join('|')}|`, ...table.rows.map((r) => line(r.cells))].join('\n') + '\n';
}

export function escapeMarkdownCell(text: string): string {
  return text
    .replace(/&(?=#?\w+;)/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/\r\n|\r|\n/g, '<br>');
}
