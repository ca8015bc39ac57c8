// What a progress report may contain. The limits match the modal's max_length values (the
// UI should read them from here) and stay within Slack's 3000-character input limit;
// evidenceUrl also fits its VARCHAR(2000) column.
import { z } from 'zod';
import { StrategyStatus, Visibility } from '../generated/prisma/enums.js';
import { choiceField, optionalHttpUrlField, textField } from './validation.js';

export const UPDATE_FIELD_LIMITS = {
  narrative: 3000,
  measureValues: 2000,
  outputs: 2000,
  roadblocks: 2000,
  helpNeeded: 2000,
  practices: 2000,
  communitiesReached: 1000,
  languagesServed: 500,
  accessibilityNotes: 1000,
  evidenceUrl: 2000,
} as const;

export const STRATEGY_STATUSES = Object.values(StrategyStatus) as [StrategyStatus, ...StrategyStatus[]];
export const VISIBILITIES = Object.values(Visibility) as [Visibility, ...Visibility[]];

/** Closing and deferring a strategy are its equity lead's decisions (or ORSE's). */
export const isLeadDecision = (status: StrategyStatus): boolean => status === 'COMPLETED' || status === 'DEFERRED';

/**
 * The statuses a person may choose in /reap update for a strategy now at `current`. Staff
 * keep a lead's decision as it is and cannot make one. Deferring needs a reason and a date,
 * which only the Manage menu asks for, so /reap update offers Deferred only to keep it.
 */
export function reportableStatuses(current: StrategyStatus, isLead: boolean): StrategyStatus[] {
  if (!isLead && isLeadDecision(current)) return [current];
  return STRATEGY_STATUSES.filter((s) => s === current || (s !== 'DEFERRED' && (isLead || s !== 'COMPLETED')));
}

const L = UPDATE_FIELD_LIMITS;

/** The fields a person writes; shared by a new update and an edit of one. */
export const updateContentSchema = z.object({
  status: choiceField(STRATEGY_STATUSES),
  narrative: textField(L.narrative, { required: true }),
  measureValues: textField(L.measureValues),
  outputs: textField(L.outputs),
  roadblocks: textField(L.roadblocks),
  helpNeeded: textField(L.helpNeeded),
  practices: textField(L.practices),
  // Nothing chosen means the most private choice, as the column's default does.
  visibility: z.preprocess((v) => (v === null || v === undefined || v === '' ? 'INTERNAL' : v), choiceField(VISIBILITIES)),
  evidenceUrl: optionalHttpUrlField(L.evidenceUrl),
  communitiesReached: textField(L.communitiesReached),
  languagesServed: textField(L.languagesServed),
  accessibilityNotes: textField(L.accessibilityNotes),
});

const id = z.coerce.number().int().positive();

export const newUpdateSchema = updateContentSchema.extend({
  strategyId: id,
  /** Strategy.version when the form was opened (getUpdateFormDefaults returns it). */
  expectedVersion: id,
});

export type UpdateContent = z.output<typeof updateContentSchema>;
export type UpdateContentInput = z.input<typeof updateContentSchema>;
export type NewUpdate = z.output<typeof newUpdateSchema>;

/** What the caller sends: strings as typed; optional text may be left out or null. */
export interface UpdateContentFields {
  status: StrategyStatus | string;
  narrative: string;
  measureValues?: string | null;
  outputs?: string | null;
  roadblocks?: string | null;
  helpNeeded?: string | null;
  practices?: string | null;
  visibility?: Visibility | string | null;
  evidenceUrl?: string | null;
  communitiesReached?: string | null;
  languagesServed?: string | null;
  accessibilityNotes?: string | null;
}

export interface NewUpdateFields extends UpdateContentFields {
  strategyId: number;
  expectedVersion: number;
}
