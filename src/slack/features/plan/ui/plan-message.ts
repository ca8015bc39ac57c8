// The answer to /reap plan: one page of a department's plan, strategies grouped under their
// objectives, with Previous/Next buttons that replace the message with the neighbouring
// page. A page of PLAN_PAGE_SIZE strategies is at most 2 blocks each plus 5, far below
// the 50-block limit, and about 8,000 characters. A citywide plan shows pillars where a
// department plan shows objectives, and each strategy's lead and partner departments.
import type { KnownBlock } from '@slack/types';
import type { PlanMeasureFact, PlanStrategyItem, PlanView } from '../../../../services/plans.js';
import { meetsTarget } from '../../../../domain/measures.js';
import { measureValueText } from '../../../ui/measure-text.js';
import type { Translate } from '../../../i18n/index.js';
import { manageOverflow } from '../../manage/ui/manage-overflow.js';
import { escapeMrkdwn, truncate } from '../../../ui/mrkdwn.js';
import {
  countKey,
  daysFrom,
  dueText,
  itemSection,
  lastUpdateText,
  oneLine,
  ownerText,
  statusText,
  strategyHeadline,
  updateButton,
} from '../../../ui/status-parts.js';
import { context, header, mrkdwnSection } from '../../../ui/blocks.js';
import type { SlackMessage } from '../../status/ui/status-message.js';
import { periodName } from '../../../ui/period-name.js';

export const PLAN_PAGE_SIZE = 10;
export const PLAN_PREVIOUS_ACTION_ID = 'plan:previous';
export const PLAN_NEXT_ACTION_ID = 'plan:next';
export const PLAN_PAGE_ACTIONS = /^plan:(previous|next)$/;

/** What a paging button carries: enough to ask planView for the same plan again. */
export interface PlanPageRef {
  /** Department code; empty for a citywide plan. */
  department: string;
  planKey: string;
  page: number;
  pageSize: number;
  /** The one pillar shown of a citywide plan. */
  pillar?: number;
}

export function encodePlanPage(ref: PlanPageRef): string {
  return JSON.stringify({ d: ref.department, k: ref.planKey, p: ref.page, s: ref.pageSize, ...(ref.pillar !== undefined ? { i: ref.pillar } : {}) });
}

/** The button's value back; null for anything we did not write (a crafted payload). */
export function decodePlanPage(value: string | undefined): PlanPageRef | null {
  if (!value) return null;
  try {
    const v = JSON.parse(value) as Record<string, unknown>;
    if (typeof v.d !== 'string' || typeof v.k !== 'string' || !Number.isInteger(v.p) || !Number.isInteger(v.s)) return null;
    if (v.i !== undefined && !Number.isInteger(v.i)) return null;
    return { department: v.d, planKey: v.k, page: v.p as number, pageSize: v.s as number, ...(v.i !== undefined ? { pillar: v.i as number } : {}) };
  } catch {
    return null;
  }
}

/** The Manage menu's block in a plan page: the strategy, and which page shows it. */
export const manageBlockId = (strategyId: number, ref: PlanPageRef): string => `manage:${strategyId}:${encodePlanPage(ref)}`;

/** The page a Manage menu was used on, from its block_id; null for any other block. */
export function planPageOfBlock(blockId: string | undefined): PlanPageRef | null {
  const m = /^manage:\d{1,10}:(\{.{1,230}\})$/.exec(blockId ?? '');
  return m ? decodePlanPage(m[1]) : null;
}

/** Plan text runs longer than in the other lists: this is where people read it. */
const PLAN_TEXT_MAX = 300;

// A page of ten strategies must stay under Slack's message total: many partners are named
// by their codes, which are short, rather than cut off.
function departmentNames(ds: readonly { code: string; name: string }[]): string {
  const names = ds.map((d) => d.name).join(', ');
  return escapeMrkdwn(truncate(names.length <= 150 ? names : ds.map((d) => d.code).join(', '), 150));
}

/** Who leads and who partners, for citywide strategies; nothing for department plans. */
function citywideFacts(t: Translate, s: PlanStrategyItem): string[] {
  return [
    s.leadDepartment ? t('plan.item.lead', { department: escapeMrkdwn(truncate(s.leadDepartment.name, 80)) }) : null,
    s.partnerDepartments.length ? t('plan.item.partners', { departments: departmentNames(s.partnerDepartments) }) : null,
  ].filter((f): f is string => f !== null);
}

export function planItemBlock(t: Translate, s: PlanStrategyItem, today: string | null) {
  if (s.restricted) {
    const facts = [statusText(t, s.status), ...citywideFacts(t, s), t('plan.item.restricted')];
    return itemSection(`${strategyHeadline(t, s, PLAN_TEXT_MAX)}\n${facts.join(' · ')}`, s.canUpdate ? updateButton(t, s.id, s) : undefined);
  }
  const daysUntilDue = today ? daysFrom(today, s.dueDate) : null;
  const facts = [
    ...citywideFacts(t, s),
    statusText(t, s.status),
    // Completed work is not "overdue", whatever its date says.
    s.status === 'COMPLETED' ? null : dueText(t, s.dueDate, daysUntilDue),
    ownerText(t, s.owner, s.needsReassignment),
    lastUpdateText(t, s.lastUpdateAt),
    s.openMilestones > 0 ? t(countKey('plan.item.openMilestones', s.openMilestones), { count: s.openMilestones }) : null,
    s.status === 'DEFERRED' && s.deferredReason ? t('plan.item.deferred', { reason: escapeMrkdwn(truncate(oneLine(s.deferredReason), 200)) }) : null,
  ].filter((f): f is string => f !== null);
  const measures = typedMeasuresText(t, s.typedMeasures);
  return itemSection(
    `${strategyHeadline(t, s, PLAN_TEXT_MAX)}\n${facts.join(' · ')}${measures ? `\n${measures}` : ''}`,
    s.canUpdate ? updateButton(t, s.id, s) : undefined,
  );
}

/** A page's text budget (12,000 characters a message) leaves each strategy this much for its measures. */
const MEASURES_TEXT_MAX = 350;
const MEASURES_SHOWN = 4;

/** "Measures: Workforce trained latest 98.5% (FY 2023-24 Q3, on target) · …", kept short. */
export function typedMeasuresText(t: Translate, measures: readonly PlanMeasureFact[]): string {
  if (measures.length === 0) return '';
  const parts = measures.slice(0, MEASURES_SHOWN).map((m) => {
    const label = escapeMrkdwn(truncate(oneLine(m.label), 60));
    if (!m.latest) return `${label} ${t('measures.show.noValue')}`;
    const value = escapeMrkdwn(measureValueText(t, m, m.latest.value));
    const met = meetsTarget(m, m.latest.value);
    const standing = met === null ? '' : `, ${t(met ? 'measures.show.onTarget' : 'measures.show.offTarget', { target: measureValueText(t, m, m.target!) })}`;
    return `${label} ${t('measures.show.latest', { value, period: `${periodName(t, m.latest.periodKey)}${standing}` })}`;
  });
  const more = measures.length > MEASURES_SHOWN ? ` · …+${measures.length - MEASURES_SHOWN}` : '';
  return truncate(t('measures.show.planLine', { measures: parts.join(' · ') + more }), MEASURES_TEXT_MAX);
}

/**
 * @param today the City's date, for "in 3 days" / "2 days overdue" next to due dates;
 * null leaves the relative part out.
 */
/**
 * `readsOtherDepartments`: the reader may open other departments' plans (ORSE, a manager of
 * several); everyone else is not invited to a command the service would refuse them.
 */
export function planMessage(t: Translate, v: PlanView, today: string | null, readsOtherDepartments = false): SlackMessage {
  const title = v.department ? t('plan.header', { department: v.department.name, plan: v.plan.title }) : t('plan.citywideHeader', { plan: v.plan.title });
  const blocks: KnownBlock[] = [header(title)];
  const ref = { department: v.department?.code ?? '', planKey: v.plan.key, pageSize: v.pageSize, ...(v.pillar !== null ? { pillar: v.pillar } : {}) };
  const citywide = v.department === null;
  if (v.totalStrategies === 0 && citywide) {
    // The pillars are the plan even before its strategies are recorded.
    blocks.push(mrkdwnSection(t('plan.citywideEmpty')));
    for (const p of v.pillars) blocks.push(mrkdwnSection(pillarText(t, p, t('plan.pillarNoStrategies'))));
  } else if (v.totalStrategies === 0) {
    blocks.push(mrkdwnSection(t('plan.empty')));
  } else {
    const from = (v.page - 1) * v.pageSize + 1;
    const to = from + v.objectives.reduce((n, o) => n + o.strategies.length, 0) - 1;
    blocks.push(context(t('plan.range', { from, to, total: v.totalStrategies, page: v.page, pages: v.totalPages })));
    for (const o of v.objectives) {
      const count = v.pillars.find((p) => p.number === o.number)?.strategies ?? o.strategies.length;
      blocks.push(
        mrkdwnSection(
          citywide
            ? pillarText(t, o, t(countKey('plan.pillarStrategies', count), { count }))
            : t('plan.objective', { number: o.number, title: escapeMrkdwn(truncate(oneLine(o.title), 300)) }),
        ),
      );
      for (const s of o.strategies) {
        blocks.push(planItemBlock(t, s, today));
        // The Update button already holds the accessory; the Manage menu gets its own block.
        // The block says which page this is, so a change made from the menu can redraw it.
        if (s.canManage) blocks.push({ type: 'actions', block_id: manageBlockId(s.id, { ...ref, page: v.page }), elements: [manageOverflow(t, s.id)] });
      }
    }
  }
  const nav = [
    ...(v.hasPrevious
      ? [
          {
            type: 'button' as const,
            action_id: PLAN_PREVIOUS_ACTION_ID,
            text: { type: 'plain_text' as const, text: t('plan.previous'), emoji: true },
            value: encodePlanPage({ ...ref, page: v.page - 1 }),
          },
        ]
      : []),
    ...(v.hasNext
      ? [
          {
            type: 'button' as const,
            action_id: PLAN_NEXT_ACTION_ID,
            text: { type: 'plain_text' as const, text: t('plan.next'), emoji: true },
            value: encodePlanPage({ ...ref, page: v.page + 1 }),
          },
        ]
      : []),
  ];
  if (nav.length > 0) blocks.push({ type: 'actions', block_id: 'plan_nav', elements: nav });
  const others = v.plans.filter((p) => p.key !== v.plan.key).map((p) => `\`${escapeMrkdwn(p.key)}\``);
  const footer = citywide
    ? [t('plan.footer'), t('plan.citywideFooter', { plan: escapeMrkdwn(citywideShortKey(v.plan.key)) })]
    : [
        t('plan.footer'),
        ...(readsOtherDepartments ? [t('plan.otherDepartment')] : []),
        ...(others.length ? [t('plan.otherPlans', { plans: others.join(', ') })] : []),
      ];
  blocks.push(context(footer.join('\n')));
  return { text: `${title} (${v.page}/${v.totalPages})`, blocks };
}

/** "*Pillar 2: Access and Engagement*", its description, and a note (how many strategies). */
function pillarText(t: Translate, p: { number: number; title: string; description: string | null }, note: string): string {
  const head = t('plan.pillar', { number: p.number, title: escapeMrkdwn(truncate(oneLine(p.title), 300)) });
  const description = p.description ? `\n${escapeMrkdwn(truncate(oneLine(p.description), 300))}` : '';
  return `${head}${description}\n_${note}_`;
}

/** "WSJ-2021-2024" → "WSJ": what people type, and what /reap plan resolves to the newest. */
export const citywideShortKey = (key: string): string => key.split('-')[0] || key;

/** ORSE reads every department, a manager the ones they manage besides their own. */
export function readsOtherDepartments(actor: { roles: readonly string[]; departmentId: number | null; managedDepartmentIds: readonly number[] }): boolean {
  return actor.roles.includes('ORSE_ADMIN') || actor.managedDepartmentIds.some((id) => id !== actor.departmentId);
}
