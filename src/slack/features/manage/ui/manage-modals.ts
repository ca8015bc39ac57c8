// Modals for managing an existing strategy (reassign, defer, close) and the small views
// every management flow shares: "Loading…", a result, a problem, and the notice shown at
// the top of a form when a save failed for a reason no single input owns (a conflict, a
// refusal). Pure: translator + plain data in, Slack view out.
import type { KnownBlock, ModalView } from '@slack/types';
import type { Translate } from '../../../i18n/index.js';
import { escapeMrkdwn, truncate } from '../../../ui/mrkdwn.js';
import { limitHint } from '../../../ui/limit-hint.js';
import { context, mrkdwnSection, option, plain } from '../../../ui/blocks.js';

export { NOTICE_BLOCK_ID, withNotice } from '../../../ui/view-notice.js';
import { z } from 'zod';
import type { PlanPageRef } from '../../plan/ui/plan-message.js';
import { metadataCodec, metadataId } from '../../../ui/private-metadata.js';

/** callback_ids of the management modals; the view listeners are registered on these. */
export const MANAGE_CALLBACKS = {
  add: 'manage:add',
  edit: 'manage:edit',
  reassign: 'manage:reassign',
  defer: 'manage:defer',
  close: 'manage:close',
  milestones: 'manage:milestones',
  milestoneEdit: 'manage:milestone-edit',
  info: 'manage:info',
} as const;

/** The Reassign button in the deactivation DM; its value is the strategy id. */
export const REASSIGN_ACTION_ID = 'strategy:reassign';

// Slack's response_urls are https; the local fake Slack's are http on loopback.
const RESPONSE_URL = /^(https:\/\/[a-z0-9.-]+|http:\/\/(127\.0\.0\.1|localhost)(:\d+)?)\/\S{1,500}$/;

const planPageSchema = z.object({
  department: z.string(),
  planKey: z.string(),
  page: z.number().int(),
  pageSize: z.number().int(),
  pillar: z.number().int().optional(),
}) satisfies z.ZodType<PlanPageRef>;

/** A /reap plan page (an ephemeral) and the response_url that can replace it. */
const planOriginSchema = z.object({ responseUrl: z.string().regex(RESPONSE_URL), page: planPageSchema });
export type PlanOrigin = z.output<typeof planOriginSchema>;

/** What a management modal carries between opening and submitting (private_metadata). */
const strategyMetaSchema = z.object({
  strategyId: metadataId,
  /** The version the form was filled from; passed back as expectedVersion. */
  version: metadataId,
  /** The /reap plan page the Manage menu was used on, redrawn after the change; dropped when not one we wrote. */
  origin: planOriginSchema.optional().catch(undefined),
});
export type StrategyMeta = z.input<typeof strategyMetaSchema>;

export const strategyMetadata = metadataCodec(strategyMetaSchema);

/** Reads a management modal's private_metadata back; null for anything that is not what we wrote. */
export function decodeStrategyMeta(raw: unknown): StrategyMeta | null {
  const meta = strategyMetadata.decode(raw);
  if (!meta) return null;
  const { strategyId, version, origin } = meta;
  return origin ? { strategyId, version, origin } : { strategyId, version };
}

export const isId = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v > 0 && v <= 2_147_483_647;

/** A person as Slack shows them to each reader (their current display name). */
export const mention = (slackUserId: string): string => `<@${slackUserId}>`;

/** A calendar date as a Slack date token: each reader sees it in their own format. */
export function dateToken(iso: string): string {
  const unix = Math.floor(Date.parse(`${iso}T12:00:00Z`) / 1000);
  return Number.isFinite(unix) ? `<!date^${unix}^{date_short}|${iso}>` : iso;
}

export interface StrategyHeader {
  label: string;
  text: string;
  departmentName: string | null;
  planTitle: string;
  objectiveNumber: number;
}

/** "Library · FY 2024-2026 REAP · Objective 2" */
export const strategyWhere = (t: Translate, s: StrategyHeader): string =>
  t('manage.context.where', {
    department: escapeMrkdwn(s.departmentName ?? '—'),
    plan: escapeMrkdwn(truncate(s.planTitle, 200)),
    objective: s.objectiveNumber,
  });

/** What the strategy is, at the top of every management modal. */
export function strategyHeaderBlocks(t: Translate, s: StrategyHeader): KnownBlock[] {
  return [
    mrkdwnSection(t('manage.context.strategy', { label: escapeMrkdwn(s.label), text: escapeMrkdwn(truncate(s.text, 2500)) })),
    context(strategyWhere(t, s)),
  ];
}

export function loadingModal(t: Translate): ModalView {
  return {
    type: 'modal',
    callback_id: MANAGE_CALLBACKS.info,
    title: plain(t('manage.titles.loading')),
    close: plain(t('manage.buttons.cancel')),
    blocks: [mrkdwnSection(t('manage.loading'))],
  };
}

/** A read-only modal: the outcome of a save, or why nothing can be done. */
export function messageModal(t: Translate, input: { title: string; text: string; details?: string[] }): ModalView {
  return {
    type: 'modal',
    callback_id: MANAGE_CALLBACKS.info,
    title: plain(input.title),
    close: plain(t('manage.buttons.ok')),
    blocks: [
      mrkdwnSection(input.text),
      ...(input.details ?? [])
        .filter((d) => d.trim() !== '')
        .slice(0, 10)
        .map((d) => context(d)),
    ],
  };
}

export const resultModal = (t: Translate, text: string, details?: string[]): ModalView => messageModal(t, { title: t('manage.titles.done'), text, details });

export const problemModal = (t: Translate, text: string): ModalView => messageModal(t, { title: t('manage.titles.problem'), text });

// ---------- reassign ----------

export interface PersonChoice {
  slackUserId: string;
  name: string;
}

/**
 * Who can own work: a static select of the department's active members, or a users_select
 * when the department has none listed or more than one select can hold.
 */
export type OwnerChoices = { kind: 'members'; members: PersonChoice[]; departmentName: string } | { kind: 'anyone' };

export const OWNER_ACTION_ID = 'owner';

export function ownerElement(t: Translate, choices: OwnerChoices, initial: string | null, actionId = OWNER_ACTION_ID) {
  if (choices.kind === 'members' && choices.members.length > 0 && choices.members.length <= 100) {
    const options = choices.members.map((m) => option(m.name, m.slackUserId));
    const initialOption = initial ? options.find((o) => o.value === initial) : undefined;
    return {
      type: 'static_select' as const,
      action_id: actionId,
      placeholder: plain(t('manage.fields.ownerPlaceholder'), 150),
      options,
      ...(initialOption ? { initial_option: initialOption } : {}),
    };
  }
  return {
    type: 'users_select' as const,
    action_id: actionId,
    placeholder: plain(t('manage.fields.ownerPlaceholder'), 150),
    ...(initial ? { initial_user: initial } : {}),
  };
}

export function ownerHint(t: Translate, choices: OwnerChoices) {
  return choices.kind === 'members' && choices.members.length > 0 && choices.members.length <= 100
    ? { hint: plain(t('manage.context.ownerOutsideDepartment', { department: choices.departmentName }), 2000) }
    : {};
}

export interface ReassignData extends StrategyHeader {
  meta: StrategyMeta;
  owner: PersonChoice | null;
  needsReassignment: boolean;
  choices: OwnerChoices;
}

export const REASSIGN_BLOCKS = { owner: 'ownerSlackId' } as const;

export function reassignModal(t: Translate, d: ReassignData): ModalView {
  const ownerLine = d.owner ? t('manage.context.currentOwner', { owner: mention(d.owner.slackUserId) }) : t('manage.context.noOwner');
  return {
    type: 'modal',
    callback_id: MANAGE_CALLBACKS.reassign,
    private_metadata: strategyMetadata.encode(d.meta),
    title: plain(t('manage.titles.reassign')),
    submit: plain(t('manage.buttons.reassign')),
    close: plain(t('manage.buttons.cancel')),
    blocks: [
      ...strategyHeaderBlocks(t, d),
      context(ownerLine),
      ...(d.needsReassignment ? [mrkdwnSection(t('manage.context.needsOwner'))] : []),
      {
        type: 'input',
        block_id: REASSIGN_BLOCKS.owner,
        label: plain(t('manage.fields.newOwner'), 2000),
        element: ownerElement(t, d.choices, null),
        ...ownerHint(t, d.choices),
      },
    ],
  };
}

// ---------- defer ----------

export interface DeferData extends StrategyHeader {
  meta: StrategyMeta;
  dueDate: string | null;
  status: string;
  reasonLimit: number;
}

export const DEFER_BLOCKS = { reason: 'reason', newDueDate: 'newDueDate' } as const;

export function deferModal(t: Translate, d: DeferData): ModalView {
  return {
    type: 'modal',
    callback_id: MANAGE_CALLBACKS.defer,
    private_metadata: strategyMetadata.encode(d.meta),
    title: plain(t('manage.titles.defer')),
    submit: plain(t('manage.buttons.defer')),
    close: plain(t('manage.buttons.cancel')),
    blocks: [
      ...strategyHeaderBlocks(t, d),
      context(
        [
          t('manage.context.status', { status: t(`status.${d.status}`) }),
          d.dueDate ? t('manage.context.dueDate', { date: dateToken(d.dueDate) }) : t('manage.context.noDueDate'),
        ].join(' · '),
      ),
      {
        type: 'input',
        block_id: DEFER_BLOCKS.reason,
        label: plain(t('manage.fields.reason'), 2000),
        hint: plain(limitHint(t, Math.min(3000, d.reasonLimit)), 2000),
        element: {
          type: 'plain_text_input',
          action_id: 'value',
          multiline: true,
          max_length: Math.min(3000, d.reasonLimit),
          placeholder: plain(t('manage.fields.reasonPlaceholder'), 150),
        },
      },
      {
        type: 'input',
        block_id: DEFER_BLOCKS.newDueDate,
        label: plain(t('manage.fields.newDueDate'), 2000),
        hint: plain(t('manage.fields.newDueDateHint'), 2000),
        element: { type: 'datepicker', action_id: 'value', placeholder: plain(t('manage.fields.dueDatePlaceholder'), 150) },
      },
    ],
  };
}

// ---------- close ----------

export interface CloseData extends StrategyHeader {
  meta: StrategyMeta;
}

export function closeModal(t: Translate, d: CloseData): ModalView {
  return {
    type: 'modal',
    callback_id: MANAGE_CALLBACKS.close,
    private_metadata: strategyMetadata.encode(d.meta),
    title: plain(t('manage.titles.close')),
    submit: plain(t('manage.buttons.close')),
    close: plain(t('manage.buttons.cancel')),
    blocks: [...strategyHeaderBlocks(t, d), mrkdwnSection(t('manage.close.confirm', { label: escapeMrkdwn(d.label) }))],
  };
}
