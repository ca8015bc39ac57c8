// A strategy's label where lists show it under a department. A citywide plan's strategy
// counts for its lead department and sits next to that department's own REAP, whose
// numbers it may share: "2.1" could be either. So a citywide strategy's label names its
// plan, "2.1 (Welcoming San José Plan 2.0)"; a department plan's stays "2.1".
// Plain text: callers escape it for mrkdwn.
import type { Translate } from '../i18n/index.js';
import { truncate } from './mrkdwn.js';

/** The label ("2.1") and, for a citywide plan's strategy, that plan's title. */
export interface LabelledStrategy {
  label: string;
  /** Null or absent for a department plan's strategy. */
  citywidePlan?: string | null;
}

/**
 * Room for the plan's name: the label stays short enough for an option (75) or an
 * accessibility label (75) with some words around it.
 */
export const PLAN_NAME_MAX = 32;

/**
 * A plan's name as a label shows it: the title up to its subtitle ("Welcoming San José
 * Plan 2.0: Moving toward…" → "Welcoming San José Plan 2.0"), cut to PLAN_NAME_MAX.
 */
export function planShortName(title: string): string {
  const flat = title.replace(/\s+/g, ' ').trim();
  const name = flat.split(':')[0]!.trim() || flat;
  return truncate(name, PLAN_NAME_MAX);
}

/** "2.1", or "2.1 (Welcoming San José Plan 2.0)" for a citywide plan's strategy. */
export function strategyLabelText(t: Translate, s: LabelledStrategy): string {
  if (!s.citywidePlan) return s.label;
  return t('common.strategyLabel.citywide', { label: s.label, plan: planShortName(s.citywidePlan) });
}
