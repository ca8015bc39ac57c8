// What an equity lead may write about strategies and milestones. Schemas are built per
// call because date rules depend on the City's "today": a new due date in the past makes no
// sense, and a deferral must move the date past today.
import { z } from 'zod';
import type { FieldProblem } from './messages.js';
import { dateField, textField } from './validation.js';

export const STRATEGY_FIELD_LIMITS = {
  text: 2000,
  performanceMeasures: 3000,
  outputs: 3000,
  deferredReason: 1000,
  milestoneTitle: 300,
} as const;

const L = STRATEGY_FIELD_LIMITS;

const flag = z.preprocess((v) => v ?? false, z.boolean());

/** A Slack user id ("U…" / "W…"); empty means nobody. */
export const SLACK_USER_ID = /^[UW][A-Z0-9]{2,31}$/;

const slackUserIdField = z.preprocess((v) => (v === undefined || v === '' ? null : v), z.string().regex(SLACK_USER_ID).nullable());

/**
 * Every editable field of a strategy, as the modal submits them (prefilled, so an edit
 * sends them all). A due date may stay in the past when it is not being changed, which
 * the service checks against the stored date.
 */
export function strategyFieldsSchema(today: string) {
  return z.object({
    text: textField(L.text, { required: true }),
    dueDate: dateField({ required: false, rule: 'any', today }),
    performanceMeasures: textField(L.performanceMeasures),
    outputs: textField(L.outputs),
    languageAccess: flag,
    disabilityAccess: flag,
    genderEquity: flag,
    priorityCommunities: flag,
  });
}

export function newStrategySchema(today: string) {
  return strategyFieldsSchema(today).extend({
    objectiveId: z.coerce.number().int().positive(),
    ownerSlackId: slackUserIdField,
  });
}

export function deferSchema(today: string) {
  return z.object({
    reason: textField(L.deferredReason, { required: true }),
    newDueDate: dateField({ required: true, rule: 'future', today }),
  });
}

export function milestoneFieldsSchema(today: string) {
  return z.object({
    title: textField(L.milestoneTitle, { required: true }),
    dueDate: dateField({ required: true, rule: 'any', today }),
    ownerSlackId: slackUserIdField,
  });
}

export type StrategyFields = z.output<ReturnType<typeof strategyFieldsSchema>>;
export type NewStrategy = z.output<ReturnType<typeof newStrategySchema>>;
export type MilestoneFields = z.output<ReturnType<typeof milestoneFieldsSchema>>;

/** What callers send for a strategy (modal values; optional text may be null). */
export interface StrategyFieldsInput {
  text: string;
  dueDate?: string | null;
  performanceMeasures?: string | null;
  outputs?: string | null;
  languageAccess?: boolean | null;
  disabilityAccess?: boolean | null;
  genderEquity?: boolean | null;
  priorityCommunities?: boolean | null;
}

export interface NewStrategyInput extends StrategyFieldsInput {
  objectiveId: number;
  ownerSlackId?: string | null;
}

export interface DeferInput {
  reason: string;
  newDueDate: string;
}

export interface MilestoneFieldsInput {
  title: string;
  dueDate: string;
  ownerSlackId?: string | null;
}

/**
 * A due date may stay where it is (an overdue strategy can still have its text fixed), but
 * moving it, or setting a new one, into the past makes no sense.
 */
export function dueDateMoveProblem(field: string, dueDate: string | null, current: string | null, today: string): FieldProblem | null {
  if (dueDate === null || dueDate === current || dueDate >= today) return null;
  return { field, messageKey: 'errors.invalid.dateInPast', params: { field, today } };
}
