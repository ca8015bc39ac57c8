// Reading the strategy form's inputs (shared by the Add and Edit submissions; not a listener).
import type { StrategyFieldsInput } from '../../../domain/strategy-input.js';
import { FLAGS, STRATEGY_BLOCKS } from './ui/strategy-form.js';
import { checkedOf, dateOf, selectedOf, textOf, type ViewValues } from '../../view-state.js';

export function strategyFieldsOf(values: ViewValues): StrategyFieldsInput {
  const checked = new Set(checkedOf(values, STRATEGY_BLOCKS.flags));
  return {
    text: textOf(values, STRATEGY_BLOCKS.text),
    dueDate: dateOf(values, STRATEGY_BLOCKS.dueDate),
    performanceMeasures: textOf(values, STRATEGY_BLOCKS.performanceMeasures),
    outputs: textOf(values, STRATEGY_BLOCKS.outputs),
    ...Object.fromEntries(FLAGS.map((f) => [f, checked.has(f)])),
  };
}

/** Service field → input block: the flags share one checkbox group. */
export const strategyBlockFor = (field: string): string => ((FLAGS as readonly string[]).includes(field) ? STRATEGY_BLOCKS.flags : field);

/**
 * A citywide strategy's lead and partners as the form sent them; undefined when the form
 * has neither input (a department plan's). A lead left out (the lead's own equity lead
 * sees it, not a picker) means "keep it". Ids are not checked here: the service does.
 */
export function citywideOf(values: ViewValues): { leadDepartmentId?: number | null; partnerDepartmentIds: number[] } | undefined {
  const hasLead = values[STRATEGY_BLOCKS.lead] !== undefined;
  if (!hasLead && values[STRATEGY_BLOCKS.partners] === undefined) return undefined;
  const partnerDepartmentIds = checkedOf(values, STRATEGY_BLOCKS.partners).map(Number);
  if (!hasLead) return { partnerDepartmentIds };
  const lead = selectedOf(values, STRATEGY_BLOCKS.lead);
  return { leadDepartmentId: lead === null ? null : Number(lead), partnerDepartmentIds };
}
