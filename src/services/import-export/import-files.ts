// Reading the files `reap import` is given: a file as it is, a directory as the CSV files
// of each kind of record it holds.
import fs from 'node:fs';
import path from 'node:path';
import { CSV_FILE_NAME, RECORD_KINDS } from './format.js';
import type { ImportIssue } from './issues.js';
import type { ImportSource } from './parse.js';

/** Reads files, or directories holding departments.csv / members.csv / plans.csv. */
export function readImportPaths(paths: readonly string[]): { sources: ImportSource[]; issues: ImportIssue[] } {
  const sources: ImportSource[] = [];
  const issues: ImportIssue[] = [];
  for (const p of paths) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch {
      issues.push({ source: p, message: 'no such file or directory' });
      continue;
    }
    if (stat.isDirectory()) {
      // Dependency order, so messages read naturally; the import itself is one transaction.
      const files = RECORD_KINDS.map((k) => path.join(p, CSV_FILE_NAME[k])).filter((f) => fs.existsSync(f));
      if (!files.length) issues.push({ source: p, message: `the directory holds none of ${Object.values(CSV_FILE_NAME).join(', ')}` });
      for (const f of files) sources.push({ name: f, content: fs.readFileSync(f) });
    } else sources.push({ name: p, content: fs.readFileSync(p) });
  }
  return { sources, issues };
}
