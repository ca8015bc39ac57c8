// Where a problem was found and how it is shown: "row N (line L): field: message", with the
// file name in front when several files are imported together and the JSON section
// ("plans row 3 ...") for JSON files, whose rows are counted per section.
import type { RecordKind } from './format.js';

export interface RowRef {
  /** The file name (or label) the row came from. */
  source: string;
  /** Set for JSON rows: which array the row is in. */
  section?: RecordKind;
  /** CSV: the spreadsheet row (header = 1). JSON: the 1-based position in its array. */
  row: number;
  /** The line in the file where the row starts, when known. */
  line?: number;
}

export interface ImportIssue {
  source: string;
  section?: RecordKind;
  row?: number;
  line?: number;
  field?: string;
  message: string;
}

export const rowIssue = (ref: RowRef, field: string | undefined, message: string): ImportIssue => ({ ...ref, field, message });

export function describeRow(ref: { section?: RecordKind; row: number; line?: number }): string {
  return `${ref.section ? `${ref.section} ` : ''}row ${ref.row}${ref.line !== undefined ? ` (line ${ref.line})` : ''}`;
}

export function formatIssue(issue: ImportIssue, withSource: boolean): string {
  const where: string[] = [];
  if (issue.row !== undefined) where.push(describeRow({ section: issue.section, row: issue.row, line: issue.line }));
  else if (issue.line !== undefined) where.push(`line ${issue.line}`);
  else if (issue.section) where.push(issue.section);
  // A problem with the file as a whole (missing, empty, not UTF-8) always names it.
  const showSource = withSource || where.length === 0;
  const head = [showSource ? issue.source : '', where.join(' ')].filter(Boolean).join(': ');
  return [head, issue.field, issue.message].filter(Boolean).join(': ');
}

/** Stable order: by file (as given), then section, then row; issues without a row come first. */
export function sortIssues(issues: readonly ImportIssue[], sourceOrder: readonly string[]): ImportIssue[] {
  const sectionOrder = (s?: RecordKind) => (s ? ['departments', 'members', 'plans'].indexOf(s) : -1);
  return issues
    .map((issue, i) => ({ issue, i }))
    .sort(
      (a, b) =>
        sourceOrder.indexOf(a.issue.source) - sourceOrder.indexOf(b.issue.source) ||
        sectionOrder(a.issue.section) - sectionOrder(b.issue.section) ||
        (a.issue.row ?? 0) - (b.issue.row ?? 0) ||
        a.i - b.i,
    )
    .map((x) => x.issue);
}
