// `reap import`: parse and validate every row first, then (only if nothing is wrong) write
// everything in one transaction. The steps: import-files.ts reads the files, parse.ts and
// validate.ts check the rows, import-snapshot.ts loads what is stored, import-changes.ts
// plans what to change, import-write.ts writes it, import-summary.ts says what was done.
import path from 'node:path';
import type { Prisma as PrismaClient } from '../../db/client.js';
import { writeAudit } from '../audit.js';
import { RECORD_KINDS, type RecordKind } from './format.js';
import { planChanges } from './import-changes.js';
import { readImportPaths } from './import-files.js';
import { loadSnapshot } from './import-snapshot.js';
import { type ImportCounts, summarize } from './import-summary.js';
import { applyChanges } from './import-write.js';
import { formatIssue, sortIssues, type ImportIssue } from './issues.js';
import { parseSource, type ImportSource } from './parse.js';
import { checkReferences, validateRows } from './validate.js';

export interface ImportOptions {
  /** Validate against the database and count what would change, but write nothing. */
  dryRun?: boolean;
  /** Recorded in the audit log; "cli" for the command line. */
  actor?: string;
  /** Clock for deactivatedAt/updatedAt (tests). */
  now?: Date;
}

export type ImportResult =
  | { ok: true; dryRun: boolean; kinds: RecordKind[]; counts: ImportCounts; summary: string }
  | { ok: false; issues: ImportIssue[] /** One formatted line per issue. */; messages: string[] };

// Generous: the work is a few bulk statements, but PGlite on a slow machine with a large
// file must not hit Prisma's 5-second default and roll back a valid import.
const TRANSACTION_TIMEOUT_MS = 10 * 60_000;

export async function importPaths(prisma: PrismaClient, paths: readonly string[], opts: ImportOptions = {}): Promise<ImportResult> {
  const { sources, issues } = readImportPaths(paths);
  if (issues.length) return failure(issues, paths);
  return importSources(prisma, sources, opts);
}

export async function importSources(prisma: PrismaClient, sources: readonly ImportSource[], opts: ImportOptions = {}): Promise<ImportResult> {
  const names = sources.map((s) => s.name);
  const parsed = sources.map(parseSource);
  const kinds = RECORD_KINDS.filter((k) => parsed.some((p) => p.kinds.includes(k)));
  const v = validateRows(parsed.flatMap((p) => p.rows));
  const issues = [...parsed.flatMap((p) => p.issues), ...v.issues];
  const now = opts.now ?? new Date();

  return prisma.$transaction(
    async (tx) => {
      const snap = await loadSnapshot(tx, v);
      const refs = checkReferences(v, snap.known);
      issues.push(...refs.issues);
      if (issues.length) return failure(issues, names);
      const changes = planChanges(v, snap, refs.ownerSlackId, now);
      const summary = summarize(changes.counts, kinds, !!opts.dryRun);
      if (!opts.dryRun) {
        await applyChanges(tx, changes, snap, now);
        // One summary row rather than one per record: an import can touch thousands.
        await writeAudit(tx, {
          actor: opts.actor ?? 'cli',
          action: 'import',
          entityType: 'import',
          entityId: truncate(names.map((n) => path.basename(n)).join(', '), 64),
          after: { sources: names, counts: changes.counts },
          detail: summary,
        });
      }
      return { ok: true as const, dryRun: !!opts.dryRun, kinds, counts: changes.counts, summary };
    },
    { timeout: TRANSACTION_TIMEOUT_MS, maxWait: 30_000 },
  );
}

function failure(issues: ImportIssue[], sourceOrder: readonly string[]): ImportResult {
  const sorted = sortIssues(issues, sourceOrder);
  const withSource = new Set(sorted.map((i) => i.source)).size > 1 || sourceOrder.length > 1;
  return { ok: false, issues: sorted, messages: sorted.map((i) => formatIssue(i, withSource)) };
}

const truncate = (s: string, n: number) => ([...s].length > n ? [...s].slice(0, n - 1).join('') + '…' : s);
