// What an import created, updated or left alone, counted per kind of record, and the one
// line that says so on the command line and in the audit log.
import type { RecordKind } from './format.js';

export interface EntityCounts {
  created: number;
  updated: number;
  unchanged: number;
}

export const COUNTED = ['departments', 'members', 'plans', 'objectives', 'strategies', 'milestones', 'measures'] as const;
export type CountedEntity = (typeof COUNTED)[number];
export type ImportCounts = Record<CountedEntity, EntityCounts>;

export function summarize(counts: ImportCounts, kinds: readonly RecordKind[], dryRun: boolean): string {
  const shown: CountedEntity[] = [
    ...(kinds.includes('departments') ? (['departments'] as const) : []),
    ...(kinds.includes('members') ? (['members'] as const) : []),
    ...(kinds.includes('plans') ? (['plans', 'objectives', 'strategies', 'milestones'] as const) : []),
    // Typed measures only where a file carries them, so plans without them read as before.
    ...(kinds.includes('plans') && counts.measures.created + counts.measures.updated + counts.measures.unchanged > 0 ? (['measures'] as const) : []),
  ];
  const parts = shown.map((e) => {
    const c = counts[e];
    const total = c.created + c.updated + c.unchanged;
    const detail = [c.created ? `${c.created} new` : '', c.updated ? `${c.updated} updated` : '', c.unchanged ? `${c.unchanged} unchanged` : ''].filter(
      Boolean,
    );
    const noun = total === 1 ? e.replace(/ies$/, 'y').replace(/s$/, '') : e;
    return `${total} ${noun}${detail.length ? ` (${detail.join(', ')})` : ''}`;
  });
  const list = parts.length ? parts.join(', ') : 'nothing';
  return dryRun ? `Dry run: would import ${list}. Nothing was written.` : `Imported ${list}.`;
}
