// Reads import files into rows of cell text keyed by field name. No validation of values
// happens here (see validate.ts); this layer only deals with the file's shape: encoding,
// CSV syntax and header, JSON structure, and where each row sits in the file.
import { parse as parseCsvText } from 'csv-parse/sync';
import { HISTORY_SECTIONS } from './history-export.js';
import { COLUMNS, KEY_COLUMN, RECORD_KINDS, isProblem, jsonToCell, unescapeFormula, type RecordKind } from './format.js';
import type { ImportIssue, RowRef } from './issues.js';

export interface ImportSource {
  /** Shown in messages and in the audit log, usually the file path. */
  name: string;
  content: string | Uint8Array;
  /** Guessed from the name (.json/.csv) or the first character when not given. */
  format?: 'csv' | 'json';
}

export interface SourceRow {
  kind: RecordKind;
  ref: RowRef;
  /** Cell text per field; undefined when the column (or JSON key) is absent. */
  values: Record<string, string | undefined>;
}

export interface ParsedSource {
  rows: SourceRow[];
  issues: ImportIssue[];
  /** Which kinds the source held (a CSV holds one, a JSON file any subset). */
  kinds: RecordKind[];
}

export function parseSource(src: ImportSource): ParsedSource {
  let text: string;
  if (typeof src.content === 'string') text = src.content;
  else {
    try {
      // fatal: a file saved as "CSV" in a Windows code page would otherwise import as mojibake.
      text = new TextDecoder('utf-8', { fatal: true }).decode(src.content);
    } catch {
      return fileIssue(src.name, 'the file is not UTF-8 text; in Excel use "Save As" → "CSV UTF-8"');
    }
  }
  const format = src.format ?? detectFormat(src.name, text);
  return format === 'json' ? parseJson(text, src.name) : parseCsv(text, src.name);
}

export function detectFormat(name: string, text: string): 'csv' | 'json' {
  if (/\.json$/i.test(name)) return 'json';
  if (/\.csv$/i.test(name)) return 'csv';
  return text
    .replace(/^\uFEFF/, '')
    .trimStart()
    .startsWith('{')
    ? 'json'
    : 'csv';
}

const fileIssue = (source: string, message: string, line?: number): ParsedSource => ({
  rows: [],
  issues: [{ source, line, message }],
  kinds: [],
});

// ---- CSV --------------------------------------------------------------------------------

// plan_key first: a plans header could also hold a column named like another kind's key.
const KIND_DETECTION_ORDER: readonly RecordKind[] = ['plans', 'members', 'departments'];

interface CsvRecord {
  record: string[];
  raw: string;
  info: { lines: number };
}

export function parseCsv(input: string, source: string): ParsedSource {
  // One line-ending convention from here on: csv-parse miscounts lines on CRLF inside quoted
  // cells, and a cell typed in Excel on Windows should read the same as one from a Mac.
  const text = input.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  let lastLine = 0;
  let records: CsvRecord[];
  try {
    records = parseCsvText(text, {
      info: true,
      raw: true,
      relax_column_count: true,
      on_record: (record: string[], context: { lines: number }) => {
        lastLine = context.lines;
        return record;
      },
    }) as unknown as CsvRecord[];
  } catch (e) {
    const err = e as Error & { code?: string; lines?: number };
    if (err.code === 'CSV_QUOTE_NOT_CLOSED') {
      return fileIssue(source, 'a quoted cell starting on this line is never closed (missing ")', lastLine + 1);
    }
    if (err.code === 'CSV_INVALID_CLOSING_QUOTE') {
      return fileIssue(source, 'text follows the closing quote of a quoted cell (write "" for a quote inside a quoted cell)', err.lines);
    }
    return fileIssue(source, `not a readable CSV file: ${err.message}`, err.lines);
  }

  const isBlank = (r: CsvRecord) => r.record.every((cell) => cell.trim() === '');
  const header = records[0];
  if (!header || records.every(isBlank)) return fileIssue(source, 'the file is empty');
  if (isBlank(header)) return fileIssue(source, 'the first line must be the header row', 1);

  const names = header.record.map((h) => h.trim());
  const kind = KIND_DETECTION_ORDER.find((k) => names.includes(KEY_COLUMN[k]));
  if (!kind) {
    const hint = names.length === 1 && /[;\t]/.test(names[0] ?? '') ? ' (the file looks semicolon- or tab-separated; save it as comma-separated CSV)' : '';
    return fileIssue(source, `cannot tell what the file holds: the header needs plan_key (plans), slack_user_id (members) or code (departments)${hint}`, 1);
  }

  const known = COLUMNS[kind].map((col) => col.name);
  const headerProblems: string[] = [];
  const unknown = names.filter((n) => n !== '' && !known.includes(n));
  if (unknown.length) {
    headerProblems.push(`unknown column${unknown.length > 1 ? 's' : ''} ${quoteList(unknown)} (a ${kind} file accepts: ${known.join(', ')})`);
  }
  const dupes = [...new Set(names.filter((n, i) => n !== '' && names.indexOf(n) !== i))];
  if (dupes.length) headerProblems.push(`column${dupes.length > 1 ? 's' : ''} ${quoteList(dupes)} appear${dupes.length > 1 ? '' : 's'} more than once`);
  const missing = COLUMNS[kind].filter((col) => col.required && !names.includes(col.name)).map((col) => col.name);
  if (missing.length) headerProblems.push(`missing required column${missing.length > 1 ? 's' : ''} ${quoteList(missing)}`);
  if (headerProblems.length) {
    return {
      rows: [],
      issues: headerProblems.map((message) => ({ source, line: 1, field: 'header', message })),
      kinds: [kind],
    };
  }

  const rows: SourceRow[] = [];
  const issues: ImportIssue[] = [];
  records.slice(1).forEach((rec, i) => {
    if (isBlank(rec)) return; // Excel leaves ",,,," rows behind; they carry nothing.
    const innerNewlines = (rec.raw.replace(/\n$/, '').match(/\n/g) ?? []).length;
    const ref: RowRef = { source, row: i + 2, line: rec.info.lines - innerNewlines };
    const cells = rec.record;
    // Trailing empty cells are harmless (spreadsheets pad rows); anything else misaligned is not.
    const extra = cells.slice(names.length).some((cell) => cell.trim() !== '');
    const unnamed = cells.some((cell, j) => j < names.length && names[j] === '' && cell.trim() !== '');
    if (cells.length < names.length || extra || unnamed) {
      issues.push({
        ...ref,
        message: unnamed
          ? 'a cell is filled under a column with no header name'
          : `the row has ${cells.length} cells but the header has ${names.length} columns`,
      });
      return;
    }
    const values: Record<string, string | undefined> = {};
    names.forEach((n, j) => {
      if (n !== '') values[n] = unescapeFormula(cells[j] ?? '');
    });
    rows.push({ kind, ref, values });
  });
  return { rows, issues, kinds: [kind] };
}

const quoteList = (xs: readonly string[]) => xs.map((x) => `"${x}"`).join(', ');

// ---- JSON -------------------------------------------------------------------------------

export function parseJson(input: string, source: string): ParsedSource {
  const text = input.replace(/^\uFEFF/, '');
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    const msg = (e as Error).message;
    const pos = /position (\d+)/.exec(msg);
    const line = pos ? lineAt(text, Number(pos[1])) : undefined;
    return fileIssue(source, `not valid JSON: ${msg.replace(/\s*\(line \d+ column \d+\)/, '')}`, line);
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) {
    return fileIssue(source, 'expected an object such as { "departments": [...], "members": [...], "plans": [...] }', 1);
  }
  const lines = elementLines(text);
  const issues: ImportIssue[] = [];
  const rows: SourceRow[] = [];
  const kinds: RecordKind[] = [];
  // A full export's history sections are records the app writes itself: not imported.
  const unknownKeys = Object.keys(doc).filter((k) => !(RECORD_KINDS as readonly string[]).includes(k) && !(HISTORY_SECTIONS as readonly string[]).includes(k));
  if (unknownKeys.length) {
    issues.push({
      source,
      line: 1,
      message: `unknown section${unknownKeys.length > 1 ? 's' : ''} ${quoteList(unknownKeys)}; accepted: ${RECORD_KINDS.join(', ')}`,
    });
  }
  for (const kind of RECORD_KINDS) {
    const section = (doc as Record<string, unknown>)[kind];
    if (section === undefined) continue;
    kinds.push(kind);
    if (!Array.isArray(section)) {
      issues.push({ source, section: kind, message: 'expected a list of rows ([...])' });
      continue;
    }
    const columns = COLUMNS[kind];
    const names = columns.map((col) => col.name);
    section.forEach((item: unknown, i) => {
      const ref: RowRef = { source, section: kind, row: i + 1, line: lines.get(kind)?.[i] };
      if (!item || typeof item !== 'object' || Array.isArray(item)) {
        issues.push({ ...ref, message: 'expected an object with field names as keys' });
        return;
      }
      const obj = item as Record<string, unknown>;
      const unknown = Object.keys(obj).filter((k) => !names.includes(k));
      for (const k of unknown) issues.push({ ...ref, field: k, message: `unknown field; a ${kind} row accepts: ${names.join(', ')}` });
      const values: Record<string, string | undefined> = {};
      let ok = unknown.length === 0;
      for (const col of columns) {
        const v = obj[col.name];
        // Required fields always count as present: a missing one reads as empty and is
        // reported (or defaulted) by the validator exactly as an empty CSV cell would be.
        if (v === undefined) {
          values[col.name] = col.required ? '' : undefined;
          continue;
        }
        const cell = jsonToCell(col, v);
        if (isProblem(cell)) {
          issues.push({ ...ref, field: col.name, message: cell.message });
          ok = false;
        } else values[col.name] = cell;
      }
      if (ok) rows.push({ kind, ref, values });
    });
  }
  return { rows, issues, kinds };
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/**
 * The line on which each element of each top-level array starts, e.g. plans → [3, 28, ...].
 * JSON.parse keeps no positions, so this walks the (already validated) text once, tracking
 * nesting depth and the current top-level key.
 */
export function elementLines(text: string): Map<string, number[]> {
  const out = new Map<string, number[]>();
  let depth = 0;
  let line = 1;
  let currentKey: string | undefined;
  let lastString: string | undefined;
  let expectElement = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\n') {
      line++;
      continue;
    }
    if (ch === ' ' || ch === '\t' || ch === '\r') continue;
    if (depth === 2 && expectElement && ch !== ']') {
      out.get(currentKey ?? '')?.push(line);
      expectElement = false;
    }
    if (ch === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      if (depth === 1) lastString = JSON.parse(text.slice(i, j + 1)) as string;
      i = j;
      continue;
    }
    if (ch === ':' && depth === 1) currentKey = lastString;
    else if (ch === ',' && depth === 2) expectElement = true;
    else if (ch === '{' || ch === '[') {
      depth++;
      if (depth === 2 && ch === '[' && currentKey !== undefined) {
        out.set(currentKey, []); // a repeated key replaces the earlier one, as in JSON.parse
        expectElement = true;
      }
    } else if (ch === '}' || ch === ']') {
      depth--;
      if (depth < 2) expectElement = false;
    }
  }
  return out;
}
