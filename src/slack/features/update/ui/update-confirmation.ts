// What people read after a progress update is saved: the confirmation sent to the author
// (with an Edit button) and the post in the department's channel. Everything typed is
// shown as typed (emoji, right-to-left scripts, line breaks), only escaped for mrkdwn.
import type { KnownBlock, ModalView } from '@slack/types';
import type { ProgressUpdateView } from '../../../../services/progress-updates.js';
import type { Translate } from '../../../i18n/index.js';
import { escapeMrkdwn, truncate } from '../../../ui/mrkdwn.js';
import { UPDATE_ACTIONS } from './update-ids.js';
import { periodName } from '../../../ui/period-name.js';
import { mrkdwn } from '../../../ui/blocks.js';
import type { ReportedMeasure } from '../../../../services/measures.js';
import { reportedMeasureLine } from '../../../ui/measure-text.js';
import { strategyLabelText } from '../../../ui/strategy-label.js';

export interface ConfirmationStrategy {
  label: string;
  /** The citywide plan's title, which the label names; null for a department plan's. */
  citywidePlan?: string | null;
  text: string;
}

/** The outcome of the post in the department's channel, if one was attempted. */
export type ChannelOutcome = { channel: string; ok: true } | { channel: string; ok: false; reason: string } | null;

export interface ConfirmationInput {
  kind: 'saved' | 'edited';
  strategy: ConfirmationStrategy;
  update: ProgressUpdateView;
  channel?: ChannelOutcome;
  /** Show the Edit button (the author, their equity lead or ORSE may edit). */
  editable?: boolean;
  /** The typed measures' values reported in the update. */
  measures?: readonly ReportedMeasure[];
}

export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

// Section text may hold 3000 characters; the narrative gets all of it, the other fields a
// share each, so the whole message stays well under Slack's ~12,000-character total.
const NARRATIVE_ROOM = 3000;
const FIELD_ROOM = 600;

const SUMMARY_FIELDS = [
  'measureValues',
  'outputs',
  'roadblocks',
  'helpNeeded',
  'practices',
  'communitiesReached',
  'languagesServed',
  'accessibilityNotes',
] as const;

function field(t: Translate, name: string, value: string, room: number): string {
  const label = `*${t(`update.confirmation.fields.${name}`)}*\n`;
  return label + truncate(escapeMrkdwn(value), room - label.length);
}

/** Opens the whole update in a modal (features/update/listeners/full-update-button.ts). */
export const UPDATE_FULL_ACTION_ID = 'update:full';
/** How much of the narrative a channel post of a long update shows. */
export const CHANNEL_EXCERPT = 400;
/** Past this much text in all, the channel gets a summary and a "Read the full update" button. */
export const CHANNEL_FULL_MAX = 1200;

const charLength = (s: string) => Array.from(s).length;

function statusBlock(t: Translate, u: ProgressUpdateView): KnownBlock {
  const status =
    u.statusFrom !== u.statusTo
      ? t('update.confirmation.statusChange', { from: t(`status.${u.statusFrom}`), to: t(`status.${u.statusTo}`) })
      : t('update.confirmation.status', { status: t(`status.${u.statusTo}`) });
  return { type: 'section', block_id: 'status', text: mrkdwn(status) };
}

const filledFields = (u: ProgressUpdateView) => SUMMARY_FIELDS.filter((f) => u[f].trim() !== '');

/** True when the summary below shows only the start of something (the button then offers the rest). */
export function summaryIsCut(u: ProgressUpdateView): boolean {
  return charLength(u.narrative) > NARRATIVE_ROOM - 40 || filledFields(u).some((f) => charLength(u[f]) > FIELD_ROOM - 60);
}

/** A channel post in full would be a wall of text. */
export function isLongUpdate(u: ProgressUpdateView): boolean {
  const total = charLength(u.narrative) + filledFields(u).reduce((n, f) => n + charLength(u[f]), 0);
  return charLength(u.narrative) > CHANNEL_EXCERPT || total > CHANNEL_FULL_MAX;
}

function fullButton(t: Translate, u: ProgressUpdateView) {
  return {
    type: 'button' as const,
    action_id: UPDATE_FULL_ACTION_ID,
    text: { type: 'plain_text' as const, text: truncate(t('update.channel.more'), 75), emoji: true },
    value: JSON.stringify({ u: u.id }),
  };
}

/**
 * The typed measures' values, one line each, in as few sections as fit (a section holds
 * 3,000 characters); at most MEASURE_SECTIONS sections, so a message stays within 50 blocks.
 */
const MEASURE_SECTIONS = 3;
export function measureBlocks(t: Translate, measures: readonly ReportedMeasure[] | undefined): KnownBlock[] {
  if (!measures?.length) return [];
  const head = `*${t('measures.show.header')}*`;
  const sections: string[] = [head];
  for (const m of measures) {
    const line = reportedMeasureLine(t, m);
    const last = sections.length - 1;
    if (charLength(sections[last]!) + 1 + charLength(line) <= 2900) sections[last] = `${sections[last]}\n${line}`;
    else sections.push(truncate(line, 2900));
  }
  return sections.slice(0, MEASURE_SECTIONS).map((text, i) => ({ type: 'section' as const, block_id: `measures_${i}`, text: mrkdwn(text) }));
}

/** The update's content as blocks: status, narrative, then every field that was filled in. */
function summaryBlocks(t: Translate, u: ProgressUpdateView, measures?: readonly ReportedMeasure[]): KnownBlock[] {
  const blocks: KnownBlock[] = [
    statusBlock(t, u),
    { type: 'section', block_id: 'narrative', text: mrkdwn(field(t, 'narrative', u.narrative, NARRATIVE_ROOM)) },
    ...measureBlocks(t, measures),
  ];
  const filled = filledFields(u);
  // Two per section as fields would cap each at 2000; one section per field reads better.
  for (const f of filled) blocks.push({ type: 'section', block_id: `f_${f}`, text: mrkdwn(field(t, f, u[f], FIELD_ROOM)) });
  blocks.push(detailsBlock(t, u));
  return blocks;
}

/** A long update in a channel: the start of the narrative, what else was filled in, and the button. */
function shortSummaryBlocks(t: Translate, u: ProgressUpdateView, measures?: readonly ReportedMeasure[]): KnownBlock[] {
  const blocks: KnownBlock[] = [
    statusBlock(t, u),
    { type: 'section', block_id: 'narrative', text: mrkdwn(field(t, 'narrative', u.narrative, CHANNEL_EXCERPT)) },
    ...measureBlocks(t, measures),
  ];
  const filled = filledFields(u);
  if (filled.length) {
    const names = filled.map((f) => t(`update.confirmation.fields.${f}`)).join(' · ');
    blocks.push({ type: 'context', block_id: 'also', elements: [mrkdwn(truncate(t('update.channel.alsoFilled', { fields: names }), 3000))] });
  }
  blocks.push(detailsBlock(t, u), { type: 'actions', block_id: 'update_full', elements: [fullButton(t, u)] });
  return blocks;
}

function detailsBlock(t: Translate, u: ProgressUpdateView): KnownBlock {
  const details = [t('update.confirmation.details', { period: periodName(t, u.periodKey), visibility: t(`update.modal.visibilityOptions.${u.visibility}`) })];
  if (u.evidenceUrl) details.push(t('update.confirmation.evidence', { url: u.evidenceUrl.replace(/[<>|]/g, encodeURIComponent) }));
  return { type: 'context', block_id: 'details', elements: [mrkdwn(truncate(details.join(' · '), 3000))] };
}

const strategyLine = (s: ConfirmationStrategy) => escapeMrkdwn(truncate(s.text.replace(/\s+/g, ' '), 300));

/** The message to the author: what was saved, where it was shared, and an Edit button. */
export function confirmationMessage(t: Translate, input: ConfirmationInput): SlackMessage {
  const { update: u, strategy } = input;
  const status = t(`status.${u.statusTo}`);
  const head =
    input.kind === 'saved'
      ? t('update.confirmation.saved', { label: escapeMrkdwn(strategyLabelText(t, strategy)), strategy: strategyLine(strategy) })
      : t('update.confirmation.edited', { label: escapeMrkdwn(strategyLabelText(t, strategy)), strategy: strategyLine(strategy), revision: u.revision });
  const blocks: KnownBlock[] = [{ type: 'section', block_id: 'head', text: mrkdwn(truncate(head, 3000)) }, ...summaryBlocks(t, u, input.measures)];
  const channel = input.channel;
  if (channel) {
    // A new update was posted in the channel; an edit changed that post.
    const [done, failed] = input.kind === 'saved' ? ['channelPosted', 'channelFailed'] : ['channelUpdated', 'channelUpdateFailed'];
    const note = channel.ok
      ? t(`update.confirmation.${done}`, { channel: channel.channel })
      : t(`update.confirmation.${failed}`, { channel: channel.channel, reason: channel.reason });
    blocks.push({ type: 'context', block_id: 'channel', elements: [mrkdwn(note)] });
  }
  // What the summary cut short stays one click away.
  const more = summaryIsCut(u) ? [fullButton(t, u)] : [];
  if (input.editable !== false || more.length) {
    blocks.push({
      type: 'actions',
      block_id: 'update_actions',
      elements: [
        ...(input.editable !== false
          ? [
              {
                type: 'button' as const,
                action_id: UPDATE_ACTIONS.edit,
                text: { type: 'plain_text' as const, text: truncate(t('update.confirmation.editButton'), 75), emoji: true },
                value: JSON.stringify({ u: u.id }),
              },
            ]
          : []),
        ...more,
      ],
    });
  }
  const text = t(input.kind === 'saved' ? 'update.confirmation.text' : 'update.confirmation.editedText', { label: strategyLabelText(t, strategy), status });
  return { text, blocks };
}

export interface ChannelPostInput {
  strategy: ConfirmationStrategy;
  update: ProgressUpdateView;
  author: { slackUserId: string };
  onBehalfOf?: { slackUserId: string } | null;
  /** Set when the post is being brought up to date after an edit: who made the change. */
  editedBy?: { slackUserId: string } | null;
  /**
   * The channel may not see the update's text (an Internal update in a channel that is not the
   * department's own private one): only a notice that it was reported, and where to read it.
   */
  noticeOnly?: boolean;
  /** The typed measures' values reported in the update. */
  measures?: readonly ReportedMeasure[];
}

/**
 * The department channel's copy of an update, first as posted and then, after each edit, as
 * it now reads (with who changed it). Mentions render in each reader's Slack.
 */
export function channelPostMessage(t: Translate, input: ChannelPostInput): SlackMessage {
  const author = `<@${input.author.slackUserId}>`;
  const forOwner = input.onBehalfOf ? ` ${t('update.channel.onBehalfOf', { owner: `<@${input.onBehalfOf.slackUserId}>` })}` : '';
  const head =
    t('update.channel.posted', { author, label: escapeMrkdwn(strategyLabelText(t, input.strategy)), strategy: strategyLine(input.strategy) }) + forOwner;
  const content = input.noticeOnly
    ? [statusBlock(t, input.update), { type: 'context', block_id: 'internal', elements: [mrkdwn(t('update.channel.internalNotice'))] } as KnownBlock]
    : isLongUpdate(input.update)
      ? shortSummaryBlocks(t, input.update, input.measures)
      : summaryBlocks(t, input.update, input.measures);
  const blocks: KnownBlock[] = [{ type: 'section', block_id: 'head', text: mrkdwn(truncate(head, 3000)) }, ...content];
  if (input.editedBy) {
    const note = t('update.channel.edited', { editor: `<@${input.editedBy.slackUserId}>`, revision: input.update.revision });
    blocks.push({ type: 'context', block_id: 'edited', elements: [mrkdwn(note)] });
  }
  return {
    text: t('update.channel.text', { author, label: strategyLabelText(t, input.strategy), status: t(`status.${input.update.statusTo}`) }),
    blocks,
  };
}

/** Text cut into pieces a section can hold once escaped (an escaped character takes up to 5). */
function pieces(text: string, size = 550): string[] {
  const chars = Array.from(text);
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += size) out.push(chars.slice(i, i + size).join(''));
  return out.length ? out : [''];
}

/** "Read the full update": every field as written, in as many sections as it takes. */
export function fullUpdateModal(
  t: Translate,
  full: { strategy: ConfirmationStrategy; update: ProgressUpdateView; author: { slackUserId: string }; measures?: readonly ReportedMeasure[] },
): ModalView {
  const u = full.update;
  const head = t('update.channel.posted', {
    author: `<@${full.author.slackUserId}>`,
    label: escapeMrkdwn(strategyLabelText(t, full.strategy)),
    strategy: strategyLine(full.strategy),
  });
  const blocks: KnownBlock[] = [
    { type: 'section', block_id: 'head', text: mrkdwn(truncate(head, 3000)) },
    statusBlock(t, u),
    ...measureBlocks(t, full.measures),
  ];
  for (const f of ['narrative', ...filledFields(u)] as const) {
    pieces(u[f]).forEach((piece, i) => {
      const label = i === 0 ? `*${t(`update.confirmation.fields.${f}`)}*\n` : '';
      blocks.push({ type: 'section', block_id: `full_${f}_${i}`, text: mrkdwn(label + escapeMrkdwn(piece)) });
    });
  }
  blocks.push(detailsBlock(t, u));
  return {
    type: 'modal',
    callback_id: 'update:full',
    title: { type: 'plain_text', text: truncate(t('update.channel.fullTitle'), 24), emoji: true },
    close: { type: 'plain_text', text: truncate(t('update.edit.close'), 24), emoji: true },
    blocks: blocks.slice(0, 100),
  };
}

/** The same modal's frame while the update is read, or what to say instead. */
export function fullUpdateNoticeModal(t: Translate, text: string): ModalView {
  return {
    type: 'modal',
    callback_id: 'update:full',
    title: { type: 'plain_text', text: truncate(t('update.channel.fullTitle'), 24), emoji: true },
    close: { type: 'plain_text', text: truncate(t('update.edit.close'), 24), emoji: true },
    blocks: [{ type: 'section', text: mrkdwn(truncate(text, 3000)) }],
  };
}
