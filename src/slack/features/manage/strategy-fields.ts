// Reading the strategy form's inputs (shared by the Add and Edit submissions; not a listener).
import type { StrategyFieldsInput } from '../../../domain/strategy-input.js';
import { FLAGS, STRATEGY_BLOCKS } from './ui/strategy-form.js';
import { checkedOf, dateOf, textOf, type ViewValues } from '../../view-state.js';

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
