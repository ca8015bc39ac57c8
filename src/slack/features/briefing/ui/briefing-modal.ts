// The briefing composer and the views around it: quarter, title and message (in as many
// 3000-character inputs as the text needs, since that is the most one Slack input holds),
// "Start from a draft", Preview (pushed on top, the message exactly as it will be posted),
// the channels and the time. Submit schedules; for a posted briefing it updates the posts.
//
// Block ids of the message inputs carry a generation number: "Start from a draft" bumps it,
// because Slack keeps what was typed in an input whose ids stay the same across
// views.update and the draft could not replace it otherwise.
import type { ImageBlock, KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import { BRIEFING_LIMITS, joinBodyParts } from '../../../../domain/briefing-draft.js';
import type { FiscalPeriod } from '../../../../domain/fiscal-calendar.js';
import { z } from 'zod';
import type { Translate } from '../../../i18n/index.js';
import { briefingMessage, channelList, postLinks, quarterMonths, type BriefingContent, type PostLink } from './briefing-message.js';
import { periodName } from '../../../ui/period-name.js';
import { truncate } from '../../../ui/mrkdwn.js';
import { context, mrkdwnSection, plain } from '../../../ui/blocks.js';
import { limitHint } from '../../../ui/limit-hint.js';
import { metadataCodec, metadataId } from '../../../ui/private-metadata.js';
import { checkedOf, conversationsOf, dateTimeOf, selectedOf, textOf, type ViewValues } from '../../../view-state.js';

export const BRIEFING_CALLBACK_ID = 'briefing:compose';
export const BRIEFING_PREVIEW_CALLBACK_ID = 'briefing:preview';

export const COMPOSER_ACTIONS = {
  draft: 'briefing:draft',
  addPart: 'briefing:add-part',
  preview: 'briefing:preview',
} as const;

export const COMPOSER_BLOCKS = {
  quarter: 'quarter',
  title: 'title',
  channels: 'channels',
  time: 'time',
  canvas: 'canvas',
} as const;

/** The one option of the "also as a canvas" checkbox. */
const CANVAS_OPTION = 'canvas';

export const bodyBlockId = (gen: number, index: number): string => `body__${gen}__${index}`;

export type ComposerMode = 'new' | 'edit' | 'posted';

/** What the composer remembers between requests (private_metadata). */
export interface ComposerMeta {
  mode: ComposerMode;
  id: number | null;
  parts: number;
  gen: number;
  /** Posted mode: where it was posted, shown again after a refresh. */
  posted?: PostLink[];
  cancelled?: boolean;
}

const postLinkSchema = z.object({ channelId: z.string(), permalink: z.string().nullable().catch(null) });

// Each field falls back on its own, as the composer always did: unreadable metadata is a new briefing.
const composerMetaSchema = z.object({
  mode: z.enum(['new', 'edit', 'posted']).catch('new'),
  id: metadataId.nullable().catch(null),
  parts: z
    .number()
    .min(1)
    .transform((p) => Math.min(Math.floor(p), BRIEFING_LIMITS.bodyParts))
    .catch(1),
  gen: z.number().min(0).transform(Math.floor).catch(0),
  posted: z
    .array(z.unknown())
    .transform((items) => items.flatMap((x) => postLinkSchema.safeParse(x).data ?? []))
    .optional()
    .catch(undefined),
  cancelled: z.boolean().catch(false),
});

const composerMetadata = metadataCodec<typeof composerMetaSchema, ComposerMeta>(composerMetaSchema);

export function encodeComposerMeta(m: ComposerMeta): string {
  return composerMetadata.encode({
    mode: m.mode,
    id: m.id,
    parts: m.parts,
    gen: m.gen,
    ...(m.posted?.length ? { posted: m.posted.map((p) => ({ channelId: p.channelId, permalink: p.permalink })) } : {}),
    ...(m.cancelled ? { cancelled: true } : {}),
  });
}

export function decodeComposerMeta(raw: string | undefined): ComposerMeta {
  const m = composerMetadata.decode(raw);
  if (!m) return { mode: 'new', id: null, parts: 1, gen: 0 };
  return { ...m, mode: m.id === null ? 'new' : m.mode };
}

export interface ComposerData {
  meta: ComposerMeta;
  /** The quarters offered, oldest first, and which one is the current quarter. */
  quarters: readonly FiscalPeriod[];
  currentQuarterKey: string;
  quarterKey: string;
  title: string;
  /** One string per body input (at least one, at most BRIEFING_LIMITS.bodyParts). */
  bodyParts: readonly string[];
  channelIds: readonly string[];
  scheduledFor: Date | null;
  /** "Also publish as a canvas" is ticked. */
  asCanvas?: boolean;
  /** A line at the top, e.g. "Draft added below". */
  notice?: string;
}

function quarterOption(t: Translate, q: FiscalPeriod, current: string): PlainTextOption {
  const key = q.key === current ? 'briefings.quarterCurrent' : 'briefings.quarterOption';
  return { text: plain(t(key, { quarter: periodName(t, q), months: quarterMonths(t, q) }), 75), value: q.key };
}

export function briefingComposerModal(t: Translate, d: ComposerData): ModalView {
  const { meta } = d;
  const options = d.quarters.map((q) => quarterOption(t, q, d.currentQuarterKey));
  const initialQuarter = options.find((o) => o.value === d.quarterKey) ?? options.find((o) => o.value === d.currentQuarterKey);
  const parts = Math.max(1, Math.min(BRIEFING_LIMITS.bodyParts, Math.max(meta.parts, d.bodyParts.length)));
  const blocks: KnownBlock[] = [context(t('briefings.modal.intro'))];
  if (d.notice) blocks.push(mrkdwnSection(d.notice));
  if (meta.cancelled) blocks.push(context(t('briefings.modal.cancelledNote')));
  blocks.push(
    {
      type: 'input',
      block_id: COMPOSER_BLOCKS.quarter,
      label: plain(t('briefings.modal.quarter'), 2000),
      element: { type: 'static_select', action_id: 'value', options, ...(initialQuarter ? { initial_option: initialQuarter } : {}) },
    },
    {
      type: 'input',
      block_id: COMPOSER_BLOCKS.title,
      label: plain(t('briefings.modal.title'), 2000),
      hint: plain(limitHint(t, BRIEFING_LIMITS.title), 2000),
      element: {
        type: 'plain_text_input',
        action_id: 'value',
        max_length: BRIEFING_LIMITS.title,
        placeholder: plain(t('briefings.modal.titlePlaceholder'), 150),
        ...(d.title ? { initial_value: truncate(d.title, BRIEFING_LIMITS.title) } : {}),
      },
    },
    {
      type: 'actions',
      block_id: 'tools',
      elements: [
        { type: 'button', action_id: COMPOSER_ACTIONS.draft, text: plain(t('briefings.modal.draftButton'), 75), value: 'draft' },
        { type: 'button', action_id: COMPOSER_ACTIONS.preview, text: plain(t('briefings.modal.previewButton'), 75), value: 'preview' },
      ],
    },
    context(t('briefings.modal.draftHint')),
  );
  for (let i = 0; i < parts; i++) {
    const value = d.bodyParts[i] ?? '';
    blocks.push({
      type: 'input',
      block_id: bodyBlockId(meta.gen, i),
      optional: i > 0,
      label: plain(i === 0 ? t('briefings.modal.body') : t('briefings.modal.bodyContinued', { part: i + 1 }), 2000),
      ...(i === parts - 1 ? { hint: plain(t('briefings.modal.bodyHint', { limit: BRIEFING_LIMITS.body }), 2000) } : {}),
      element: {
        type: 'plain_text_input',
        action_id: 'value',
        multiline: true,
        max_length: BRIEFING_LIMITS.section,
        ...(value ? { initial_value: truncate(value, BRIEFING_LIMITS.section) } : {}),
      },
    });
  }
  if (parts < BRIEFING_LIMITS.bodyParts) {
    blocks.push({
      type: 'actions',
      block_id: 'more',
      elements: [{ type: 'button', action_id: COMPOSER_ACTIONS.addPart, text: plain(t('briefings.modal.addPart'), 75), value: String(parts + 1) }],
    });
  }
  if (meta.mode === 'posted') {
    blocks.push(mrkdwnSection(t('briefings.modal.postedIn', { channels: meta.posted?.length ? postLinks(t, meta.posted) : channelList(d.channelIds) })));
  } else {
    blocks.push(
      {
        type: 'input',
        block_id: COMPOSER_BLOCKS.channels,
        label: plain(t('briefings.modal.channels'), 2000),
        hint: plain(t('briefings.modal.channelsHint'), 2000),
        element: {
          type: 'multi_conversations_select',
          action_id: 'value',
          placeholder: plain(t('briefings.modal.channelsPlaceholder'), 150),
          filter: { include: ['public', 'private'], exclude_bot_users: true, exclude_external_shared_channels: true },
          max_selected_items: 10,
          ...(d.channelIds.length ? { initial_conversations: [...d.channelIds] } : {}),
        },
      },
      {
        type: 'input',
        block_id: COMPOSER_BLOCKS.time,
        optional: true,
        label: plain(t('briefings.modal.time'), 2000),
        hint: plain(t('briefings.modal.timeHint'), 2000),
        element: {
          type: 'datetimepicker',
          action_id: 'value',
          ...(d.scheduledFor ? { initial_date_time: Math.floor(d.scheduledFor.getTime() / 1000) } : {}),
        },
      },
      canvasInput(t, d.asCanvas ?? false),
    );
  }
  const title = meta.mode === 'posted' ? 'briefings.modal.titlePosted' : meta.mode === 'edit' ? 'briefings.modal.titleEdit' : 'briefings.modal.titleNew';
  return {
    type: 'modal',
    callback_id: BRIEFING_CALLBACK_ID,
    title: plain(t(title)),
    submit: plain(t(meta.mode === 'posted' ? 'briefings.modal.submitUpdate' : 'briefings.modal.submitSchedule')),
    close: plain(t('briefings.modal.cancel')),
    // Closing a new briefing or a draft keeps what was typed as a draft (view_closed).
    notify_on_close: meta.mode !== 'posted',
    private_metadata: encodeComposerMeta({ ...meta, parts }),
    blocks,
  };
}

// ---------- reading what was entered ----------

export interface ComposerValues {
  quarterKey: string;
  title: string;
  bodyParts: string[];
  body: string;
  channelIds: string[];
  scheduledFor: Date | null;
  asCanvas: boolean;
}

/** The composer's inputs, whatever generation of message inputs the view has. */
export function readComposerValues(values: ViewValues, meta: ComposerMeta): ComposerValues {
  const bodyParts: string[] = [];
  for (let i = 0; i < meta.parts; i++) bodyParts.push(textOf(values, bodyBlockId(meta.gen, i)));
  return {
    quarterKey: selectedOf(values, COMPOSER_BLOCKS.quarter) ?? '',
    title: textOf(values, COMPOSER_BLOCKS.title),
    bodyParts,
    body: joinBodyParts(bodyParts),
    channelIds: conversationsOf(values, COMPOSER_BLOCKS.channels),
    scheduledFor: dateTimeOf(values, COMPOSER_BLOCKS.time),
    asCanvas: checkedOf(values, COMPOSER_BLOCKS.canvas).includes(CANVAS_OPTION),
  };
}

function canvasInput(t: Translate, checked: boolean): KnownBlock {
  const option = {
    text: plain(t('briefings.modal.canvasOption'), 75),
    description: plain(t('briefings.modal.canvasDescription'), 75),
    value: CANVAS_OPTION,
  };
  return {
    type: 'input',
    block_id: COMPOSER_BLOCKS.canvas,
    optional: true,
    label: plain(t('briefings.modal.canvas'), 2000),
    element: { type: 'checkboxes', action_id: 'value', options: [option], ...(checked ? { initial_options: [option] } : {}) },
  };
}

/** Which input a service problem belongs under (the first message input for the body). */
export function composerBlockFor(field: string, meta: ComposerMeta): string | undefined {
  switch (field) {
    case 'quarter':
      return COMPOSER_BLOCKS.quarter;
    case 'title':
      return COMPOSER_BLOCKS.title;
    case 'body':
      return bodyBlockId(meta.gen, 0);
    case 'channels':
      return meta.mode === 'posted' ? undefined : COMPOSER_BLOCKS.channels;
    case 'time':
      return meta.mode === 'posted' ? undefined : COMPOSER_BLOCKS.time;
    default:
      return undefined;
  }
}

// ---------- the views around the composer ----------

/**
 * Pushed over the composer: the message exactly as it will be posted. A posted briefing's
 * charts are `charts` (an edit keeps them); one not yet posted gets its charts drawn when
 * it is, so a line says so instead.
 */
export function briefingPreviewModal(t: Translate, content: BriefingContent, charts: readonly ImageBlock[] | 'when-posted'): ModalView {
  const message = briefingMessage(t, content, charts === 'when-posted' ? [] : charts).blocks;
  const blocks = charts === 'when-posted' ? [...message, context(t('briefings.preview.chartsWhenPosted'))] : message;
  return {
    type: 'modal',
    callback_id: BRIEFING_PREVIEW_CALLBACK_ID,
    title: plain(t('briefings.preview.title')),
    close: plain(t('briefings.preview.back')),
    blocks,
  };
}

export function briefingLoadingModal(t: Translate): ModalView {
  return {
    type: 'modal',
    callback_id: 'briefing:loading',
    title: plain(t('briefings.modal.titleLoading')),
    close: plain(t('briefings.modal.cancel')),
    blocks: [context(t('briefings.modal.loading'))],
  };
}

/** A result or a refusal in place of the form; nothing to submit. */
export function briefingNoticeModal(t: Translate, title: 'titleScheduled' | 'titleUpdated' | 'titleProblem', text: string): ModalView {
  return {
    type: 'modal',
    callback_id: 'briefing:notice',
    title: plain(t(`briefings.result.${title}`)),
    close: plain(t('briefings.result.done')),
    blocks: [mrkdwnSection(text)],
  };
}
