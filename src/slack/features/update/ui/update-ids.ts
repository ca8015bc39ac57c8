// The update modal's names: its callback, block and action ids (which must not drift
// between versions of the view, or Slack forgets what was typed), Slack's limits for its
// selects, and what the modal remembers between requests (private_metadata).
import { z } from 'zod';
import { MAX_PRIVATE_METADATA, metadataCodec, metadataId, slackRef } from '../../../ui/private-metadata.js';

export const UPDATE_CALLBACK_ID = 'reap.update';
export const UPDATE_LOADING_CALLBACK_ID = 'reap.update.loading';
export const UPDATE_MESSAGE_CALLBACK_ID = 'reap.update.message';

/**
 * The app-wide Update button beside a strategy (/reap plan, status, deadlines, App Home):
 * its value is the strategy id. Must equal UPDATE_ACTION_ID in ui/status-parts.ts.
 */
export const UPDATE_OPEN_ACTION = 'update:open';

export const UPDATE_ACTIONS = {
  strategy: 'update.strategy',
  department: 'update.department',
  /** The Edit button on a confirmation message. */
  edit: 'update.edit',
} as const;

/** block_id of each input; text inputs use the same string as action_id. */
export const UPDATE_BLOCKS = {
  department: 'department',
  strategy: 'strategy',
  narrative: 'narrative',
  measureValues: 'measure_values',
  outputs: 'outputs',
  roadblocks: 'roadblocks',
  helpNeeded: 'help_needed',
  practices: 'practices',
  visibility: 'visibility',
  evidenceUrl: 'evidence_url',
  communitiesReached: 'communities_reached',
  languagesServed: 'languages_served',
  accessibilityNotes: 'accessibility_notes',
} as const;

export const STATUS_BLOCK_PREFIX = 'status.';

/** A typed measure's value input and note input: block_id names the measure, action_id is fixed. */
export const MEASURE_VALUE_BLOCK = 'measure.';
export const MEASURE_NOTE_BLOCK = 'measure_note.';
export const MEASURE_VALUE_ACTION = 'value';
export const MEASURE_NOTE_ACTION = 'note';
export const measureValueBlock = (id: number) => `${MEASURE_VALUE_BLOCK}${id}`;
export const measureNoteBlock = (id: number) => `${MEASURE_NOTE_BLOCK}${id}`;
export const STATUS_ACTION = 'status';

/**
 * The strategy select's block_id. For ORSE admins it names the listed department, so a
 * switch of department starts with nothing picked instead of an option no longer offered.
 */
export function strategyBlockId(departmentId: number | null, admin: boolean): string {
  return admin ? `${UPDATE_BLOCKS.strategy}.d${departmentId ?? 0}` : UPDATE_BLOCKS.strategy;
}

export const isStrategyBlock = (k: string) => k === UPDATE_BLOCKS.strategy || /^strategy\.d\d+$/.test(k);

/** The status input's block_id: per strategy (new update) or per update (edit). */
export function statusBlockId(target: { strategyId?: number | null; updateId?: number }): string {
  if (target.updateId !== undefined) return `${STATUS_BLOCK_PREFIX}u${target.updateId}`;
  return `${STATUS_BLOCK_PREFIX}${target.strategyId ? `s${target.strategyId}` : 'none'}`;
}

/** Slack's per-select option limit; longer lists are cut, keeping the likeliest choices. */
export const MAX_SELECT_OPTIONS = 100;
/** Slack's option text and description limit. */
export const MAX_OPTION_TEXT = 75;

// ---------- private_metadata ----------

/** What the modal remembers between requests (Slack keeps it; ≤ 3000 characters). */
export interface UpdateModalMeta {
  mode: 'new' | 'edit';
  /** Channel the command came from (fallback for the confirmation). */
  channelId?: string;
  /** Strategy the view was built for, its version then and its latest update's id (new updates). */
  strategyId?: number | null;
  strategyVersion?: number | null;
  lastUpdateId?: number | null;
  /** Department whose strategies are listed (ORSE admins can switch). */
  departmentId?: number | null;
  /** Update being edited and the revision it was loaded at. */
  updateId?: number;
  revision?: number;
  /** The confirmation message to refresh after an edit. */
  confirmationChannel?: string;
  confirmationTs?: string;
  /**
   * Prefilled from a message too long for the narrative ("Report as REAP update"): its
   * length, and whether the message is linked as evidence. Kept here so the notice
   * survives every rebuild of the form.
   */
  prefilledLength?: number;
  linkedAsEvidence?: true;
}

export { MAX_PRIVATE_METADATA };

// Each field is read on its own: one forged or stale value falls back to "not known"
// (an empty new-update form at worst) instead of losing the rest.
const idOrNull = metadataId.nullable().catch(null);
const idOrUnset = metadataId.optional().catch(undefined);
const refOrUnset = slackRef.optional().catch(undefined);

const updateMetaSchema = z.object({
  mode: z.enum(['new', 'edit']).catch('new'),
  channelId: refOrUnset,
  strategyId: idOrNull,
  strategyVersion: idOrNull,
  lastUpdateId: idOrNull,
  departmentId: idOrNull,
  updateId: idOrUnset,
  revision: idOrUnset,
  confirmationChannel: refOrUnset,
  confirmationTs: refOrUnset,
  prefilledLength: z.number().int().positive().optional().catch(undefined),
  linkedAsEvidence: z.literal(true).optional().catch(undefined),
});

const updateMetadata = metadataCodec<typeof updateMetaSchema, UpdateModalMeta>(updateMetaSchema);

/** The modal's private_metadata. Ids and Slack ids only, so it never nears Slack's limit (the codec throws if it did). */
export function encodeMeta(meta: UpdateModalMeta): string {
  return updateMetadata.encode(meta);
}

/** Reads private_metadata defensively: a payload could carry anything; what is not ours reads as a new-update form. */
export function decodeMeta(raw: string | undefined): UpdateModalMeta {
  return updateMetadata.decode(raw) ?? updateMetaSchema.parse({});
}

/** What a rebuilt new-update form keeps of the one it replaces (the rest is rebuilt). */
export function carriedMeta(meta: UpdateModalMeta): Pick<UpdateModalMeta, 'channelId' | 'prefilledLength' | 'linkedAsEvidence'> {
  return {
    channelId: meta.channelId,
    ...(meta.prefilledLength !== undefined ? { prefilledLength: meta.prefilledLength } : {}),
    ...(meta.linkedAsEvidence !== undefined ? { linkedAsEvidence: meta.linkedAsEvidence } : {}),
  };
}
