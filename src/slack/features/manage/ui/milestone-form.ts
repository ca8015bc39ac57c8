// Milestones of a strategy: the "Milestones…" modal lists the open ones (Edit, Mark done)
// above a form to add one; Edit pushes a small form on top. Block ids are the service's
// field names (title, dueDate, ownerSlackId).
import type { KnownBlock, ModalView } from '@slack/types';
import { z } from 'zod';
import type { Translate } from '../../../i18n/index.js';
import { metadataCodec, metadataId } from '../../../ui/private-metadata.js';
import {
  MANAGE_CALLBACKS,
  dateToken,
  mention,
  ownerElement,
  ownerHint,
  strategyHeaderBlocks,
  type OwnerChoices,
  type StrategyHeader,
} from './manage-modals.js';
import { context, mrkdwnSection, plain } from '../../../ui/blocks.js';
import { escapeMrkdwn, truncate } from '../../../ui/mrkdwn.js';
import { limitHint } from '../../../ui/limit-hint.js';

export const MILESTONE_BLOCKS = { title: 'title', dueDate: 'dueDate', owner: 'ownerSlackId' } as const;

/** The Milestones modal's private_metadata: whose milestones it lists (and adds to). */
export const milestonesMetadata = metadataCodec(z.object({ strategyId: metadataId }));

/** The milestone Edit form's private_metadata: the milestone and when it was loaded (its concurrency check). */
export const milestoneEditMetadata = metadataCodec(
  z.object({
    strategyId: metadataId,
    milestoneId: metadataId,
    updatedAt: z.string().refine((s) => !Number.isNaN(Date.parse(s))),
  }),
);
export const MILESTONE_EDIT_ACTION_ID = 'milestone:edit';
export const MILESTONE_COMPLETE_ACTION_ID = 'milestone:complete';

/** Each open milestone takes two blocks; this many keep the modal far below 100 blocks. */
export const MAX_LISTED_MILESTONES = 30;

export interface MilestoneItem {
  id: number;
  title: string;
  dueDate: string;
  owner: { slackUserId: string } | null;
}

export interface MilestonesData extends StrategyHeader {
  strategyId: number;
  open: MilestoneItem[];
  owners: OwnerChoices;
  titleLimit: number;
  /** Shown at the top after an action in the modal (a milestone marked done, a problem). */
  notice?: string;
}

function milestoneFields(t: Translate, owners: OwnerChoices, titleLimit: number, initial: MilestoneItem | null, suffix: string): KnownBlock[] {
  return [
    {
      type: 'input',
      block_id: MILESTONE_BLOCKS.title,
      label: plain(t('manage.fields.milestoneTitle'), 2000),
      hint: plain(limitHint(t, Math.min(3000, titleLimit)), 2000),
      element: {
        type: 'plain_text_input',
        action_id: `value${suffix}`,
        max_length: Math.min(3000, titleLimit),
        placeholder: plain(t('manage.fields.milestoneTitlePlaceholder'), 150),
        ...(initial ? { initial_value: initial.title } : {}),
      },
    },
    {
      type: 'input',
      block_id: MILESTONE_BLOCKS.dueDate,
      label: plain(t('manage.fields.dueDate'), 2000),
      element: {
        type: 'datepicker',
        action_id: `value${suffix}`,
        placeholder: plain(t('manage.fields.dueDatePlaceholder'), 150),
        ...(initial ? { initial_date: initial.dueDate } : {}),
      },
    },
    {
      type: 'input',
      block_id: MILESTONE_BLOCKS.owner,
      optional: true,
      label: plain(t('manage.fields.owner'), 2000),
      element: ownerElement(t, owners, initial?.owner?.slackUserId ?? null, `owner${suffix}`),
      ...ownerHint(t, owners),
    },
  ];
}

function milestoneLine(t: Translate, m: MilestoneItem): string {
  const params = { title: escapeMrkdwn(truncate(m.title, 300)), date: dateToken(m.dueDate) };
  return m.owner ? t('manage.milestones.itemOwner', { ...params, owner: mention(m.owner.slackUserId) }) : t('manage.milestones.item', params);
}

/**
 * `formKey` changes the add form's action ids after a milestone was added, so the next
 * one starts empty instead of Slack keeping what was typed for the previous one.
 */
export function milestonesModal(t: Translate, d: MilestonesData, formKey = ''): ModalView {
  const listed = d.open.slice(0, MAX_LISTED_MILESTONES);
  const blocks: KnownBlock[] = [];
  if (d.notice) blocks.push(mrkdwnSection(d.notice));
  blocks.push(...strategyHeaderBlocks(t, d), { type: 'divider' }, mrkdwnSection(t('manage.milestones.open')));
  if (listed.length === 0) blocks.push(context(t('manage.milestones.none')));
  for (const m of listed) {
    blocks.push(mrkdwnSection(milestoneLine(t, m)), {
      type: 'actions',
      block_id: `milestone_${m.id}`,
      elements: [
        { type: 'button', action_id: MILESTONE_EDIT_ACTION_ID, text: plain(t('manage.buttons.editMilestone'), 75), value: String(m.id) },
        {
          type: 'button',
          action_id: MILESTONE_COMPLETE_ACTION_ID,
          style: 'primary',
          text: plain(t('manage.buttons.completeMilestone'), 75),
          value: String(m.id),
        },
      ],
    });
  }
  const hidden = d.open.length - listed.length;
  if (hidden > 0) blocks.push(context(t(`manage.milestones.more.${hidden === 1 ? 'one' : 'other'}`, { count: hidden })));
  blocks.push({ type: 'divider' }, mrkdwnSection(t('manage.milestones.addHeader')), ...milestoneFields(t, d.owners, d.titleLimit, null, formKey));
  return {
    type: 'modal',
    callback_id: MANAGE_CALLBACKS.milestones,
    private_metadata: milestonesMetadata.encode({ strategyId: d.strategyId }),
    title: plain(t('manage.titles.milestones')),
    submit: plain(t('manage.buttons.addMilestone')),
    close: plain(t('manage.buttons.ok')),
    blocks,
  };
}

export interface MilestoneEditData {
  strategyId: number;
  milestone: MilestoneItem;
  /** The milestone's updatedAt as loaded (ISO); passed back as expectedUpdatedAt. */
  updatedAt: string;
  owners: OwnerChoices;
  titleLimit: number;
  strategyLabel: string;
}

export function milestoneEditModal(t: Translate, d: MilestoneEditData): ModalView {
  return {
    type: 'modal',
    callback_id: MANAGE_CALLBACKS.milestoneEdit,
    private_metadata: milestoneEditMetadata.encode({ strategyId: d.strategyId, milestoneId: d.milestone.id, updatedAt: d.updatedAt }),
    title: plain(t('manage.titles.milestoneEdit')),
    submit: plain(t('manage.buttons.save')),
    close: plain(t('manage.buttons.cancel')),
    blocks: [
      context(t('manage.context.strategy', { label: escapeMrkdwn(d.strategyLabel), text: '' }).trim()),
      ...milestoneFields(t, d.owners, d.titleLimit, d.milestone, ''),
    ],
  };
}
