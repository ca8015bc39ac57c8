// What someone entered in the update modal, read back from a Submit or a refresh, and
// where a service's problem with a field goes in the form.
import type { MeasureEntry } from '../../../../services/measures.js';
import { selectedOf, typedOf, type ViewValues } from '../../../view-state.js';
import {
  UPDATE_BLOCKS,
  STATUS_BLOCK_PREFIX,
  MEASURE_VALUE_ACTION,
  MEASURE_NOTE_ACTION,
  measureValueBlock,
  measureNoteBlock,
  isStrategyBlock,
} from './update-ids.js';

export interface UpdateFormValues {
  strategyId: number | null;
  departmentId: number | null;
  status: string | null;
  narrative: string | null;
  measureValues: string | null;
  outputs: string | null;
  roadblocks: string | null;
  helpNeeded: string | null;
  practices: string | null;
  visibility: string | null;
  evidenceUrl: string | null;
  communitiesReached: string | null;
  languagesServed: string | null;
  accessibilityNotes: string | null;
  /** One entry per typed measure shown, its value and note as typed. */
  measures: MeasureEntry[];
}

const TEXT_FIELDS = [
  'narrative',
  'measureValues',
  'outputs',
  'roadblocks',
  'helpNeeded',
  'practices',
  'evidenceUrl',
  'communitiesReached',
  'languagesServed',
  'accessibilityNotes',
] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

const positiveInt = (v: string | undefined | null): number | null => (v && /^\d{1,9}$/.test(v) && Number(v) > 0 ? Number(v) : null);

/** The values as typed: nothing trimmed, nothing cut (the service decides what is too long). */
export function readFormValues(values: ViewValues | undefined): UpdateFormValues {
  const v = values ?? {};
  const { status: statusKey, strategy: strategyKey } = submittedBlocks(v);
  return {
    strategyId: strategyKey ? positiveInt(selectedOf(v, strategyKey)) : null,
    departmentId: positiveInt(selectedOf(v, UPDATE_BLOCKS.department)),
    status: (statusKey && selectedOf(v, statusKey)) || null,
    visibility: selectedOf(v, UPDATE_BLOCKS.visibility),
    ...(Object.fromEntries(TEXT_FIELDS.map((f) => [f, typedOf(v, UPDATE_BLOCKS[f])])) as Record<TextField, string | null>),
    measures: readMeasureEntries(v),
  };
}

/** The typed measures' inputs as submitted (a yes/no measure's select gives "1" or "0"). */
function readMeasureEntries(v: ViewValues): MeasureEntry[] {
  const entries = new Map<number, MeasureEntry>();
  const entry = (id: number) => {
    let e = entries.get(id);
    if (!e) entries.set(id, (e = { measureId: id, value: null, note: null }));
    return e;
  };
  for (const [blockId, actions] of Object.entries(v)) {
    const value = /^measure\.(\d{1,9})$/.exec(blockId);
    const note = /^measure_note\.(\d{1,9})$/.exec(blockId);
    if (value?.[1]) {
      const a = actions?.[MEASURE_VALUE_ACTION];
      const typed = a?.selected_option?.value ?? a?.value;
      entry(Number(value[1])).value = typeof typed === 'string' ? typed : null;
    } else if (note?.[1]) {
      const typed = actions?.[MEASURE_NOTE_ACTION]?.value;
      entry(Number(note[1])).note = typeof typed === 'string' ? typed : null;
    }
  }
  return [...entries.values()].filter((e) => e.measureId > 0);
}

/** The block_ids that vary (status per strategy, strategy per department) as submitted. */
export function submittedBlocks(values: ViewValues | undefined): { status?: string; strategy?: string } {
  const keys = Object.keys(values ?? {});
  return { status: keys.find((k) => k.startsWith(STATUS_BLOCK_PREFIX)), strategy: keys.find(isStrategyBlock) };
}

/** Maps a service field name to the modal's input block_id. */
export function blockIdForField(field: string, submitted: { status?: string; strategy?: string }, mode: 'new' | 'edit'): string | undefined {
  if (field === 'status') return submitted.status;
  if (field === 'strategyId' || field === 'expectedVersion') return mode === 'new' ? submitted.strategy : undefined;
  if (field === 'strategy' || field === 'department') return undefined;
  const measure = /^measure(Note)?\.(\d+)$/.exec(field);
  if (measure?.[2]) return measure[1] ? measureNoteBlock(Number(measure[2])) : measureValueBlock(Number(measure[2]));
  return (UPDATE_BLOCKS as Record<string, string>)[field];
}

/** Where a message that belongs to no single input goes: the top input of the form. */
export function generalErrorBlock(mode: 'new' | 'edit', submitted: { strategy?: string }): string {
  return mode === 'new' && submitted.strategy ? submitted.strategy : UPDATE_BLOCKS.narrative;
}
