// Messages of the quarterly briefing: the briefing as posted in channels (and shown in the
// preview), the /reap briefing list, the DM telling the composer where it was posted, and
// the reminder two weeks before a quarter ends. Pure functions of a translator and data.
import type { ActionsBlock, Button, ImageBlock, KnownBlock } from '@slack/types';
import { DateTime } from 'luxon';
import { splitText, type DraftLabels } from '../../../../domain/briefing-draft.js';
import type { FiscalPeriod } from '../../../../domain/fiscal-calendar.js';
import type { Translate } from '../../../i18n/index.js';
import { escapeMrkdwn, truncate } from '../../../ui/mrkdwn.js';
import { slackDate, slackDateTime } from '../../../ui/status-parts.js';
import { blockTextLength, context, divider, header, mrkdwnSection, plain } from '../../../ui/blocks.js';
import { periodName } from '../../../ui/period-name.js';
import { strategyLabelText } from '../../../ui/strategy-label.js';
import { chartImageBlock } from '../../../ui/charts/chart-block.js';
import type { PostedChart } from '../../../../services/briefings.js';

export const BRIEFING_ACTIONS = {
  /** Opens the composer; value: a quarter key to preselect (the reminder) or empty. */
  compose: 'briefing:compose',
  /** "New briefing" in the list. */
  create: 'briefing:new',
  /** Value: briefing id. */
  edit: 'briefing:edit',
  /** Value: briefing id. */
  cancel: 'briefing:cancel',
} as const;

export type BriefingStatusName = 'DRAFT' | 'SCHEDULED' | 'POSTED' | 'CANCELLED';

/** "Oct–Dec 2026" with the reader's month names. */
export function quarterMonths(t: Translate, q: FiscalPeriod): string {
  const locale = t('briefings.locale');
  const start = DateTime.fromISO(q.start, { zone: 'UTC' }).setLocale(locale);
  const end = DateTime.fromISO(q.end, { zone: 'UTC' }).setLocale(locale);
  return `${start.toFormat('LLL')}–${end.toFormat('LLL')} ${end.year}`;
}

/** "Oct 1, 2026 – Dec 31, 2026": dates inside a draft are plain text the admin may edit. */
export function quarterRange(t: Translate, q: FiscalPeriod): string {
  const locale = t('briefings.locale');
  const fmt = (iso: string) => DateTime.fromISO(iso, { zone: 'UTC' }).setLocale(locale).toLocaleString(DateTime.DATE_MED);
  return `${fmt(q.start)} – ${fmt(q.end)}`;
}

export function draftLabels(t: Translate, q: FiscalPeriod): DraftLabels {
  return {
    intro: t('briefings.draft.intro', { quarter: periodName(t, q), range: quarterRange(t, q) }),
    completed: t('briefings.draft.completed'),
    measures: t('briefings.draft.measures'),
    outputs: t('briefings.draft.outputs'),
    roadblocks: t('briefings.draft.roadblocks'),
    nothing: t('briefings.draft.nothing'),
    omitted: (count) => t('briefings.draft.omitted', { count }),
    strategyLabel: (item) => strategyLabelText(t, item),
  };
}

/**
 * Characters of block text a briefing message holds at most: Slack refuses one much over
 * about 12,000 (msg_blocks_too_long), and a chart's alt text counts too.
 */
export const BRIEFING_MESSAGE_TEXT_MAX = 11_500;

export interface BriefingContent {
  title: string;
  body: string;
  quarterKey: string;
  /** The briefing's canvas, when it is also published as one. */
  canvasUrl?: string | null;
}

export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

/**
 * The briefing as it is posted, and exactly what the preview shows. The body is the admin's
 * mrkdwn: &, < and > are escaped (so no one can @channel or hide a link), *bold*, _italic_
 * and bullets work; it is cut into 3000-character sections at paragraph breaks.
 */
export function briefingMessage(t: Translate, b: BriefingContent, charts: readonly ImageBlock[] = []): SlackMessage {
  const quarter = periodName(t, b.quarterKey);
  const title = b.title.trim();
  const head: KnownBlock[] = [header(title), context(t('briefings.message.context', { quarter }))];
  const rest: KnownBlock[] = splitText(escapeMrkdwn(b.body.trim())).map((piece) => mrkdwnSection(piece));
  if (b.canvasUrl) rest.push(context(t('briefings.message.canvasLink', { url: b.canvasUrl, title: escapeMrkdwn(truncate(title, 150)) })));
  // The citywide status mix, reporting coverage and the work plan's measures against their
  // targets, when the job could upload them, before the admin's text. Their alt text counts
  // toward the message's size: from the first chart that would make it too long, the charts
  // are left out, never the admin's words.
  let room = BRIEFING_MESSAGE_TEXT_MAX - blockTextLength([...head, ...rest]);
  const shown = charts.filter((c) => {
    const size = blockTextLength(c);
    if (size > room) {
      room = -1;
      return false;
    }
    room -= size;
    return true;
  });
  return { text: truncate(t('briefings.message.fallback', { title, quarter }), 3000), blocks: [...head, ...shown, ...rest] };
}

/** The image blocks of charts already uploaded: the briefing's charts, as posted. */
export const postedChartBlocks = (charts: readonly PostedChart[]): ImageBlock[] => charts.map((c) => chartImageBlock(c.fileId, c, c.blockId));

export const channelList = (ids: readonly string[]): string => ids.map((c) => `<#${c}>`).join(', ');

export interface PostLink {
  channelId: string;
  permalink: string | null;
}

export function postLinks(t: Translate, posts: readonly PostLink[]): string {
  return posts.map((p) => (p.permalink ? `<#${p.channelId}> (<${p.permalink}|${t('briefings.posted.open')}>)` : `<#${p.channelId}>`)).join(', ');
}

export interface BriefingListItem {
  id: number;
  title: string;
  quarterKey: string;
  status: BriefingStatusName;
  channelIds: string[];
  scheduledFor: Date | null;
  postedAt: Date | null;
  updatedAt: Date;
  posts: PostLink[];
}

function button(text: string, actionId: string, value: string, style?: 'primary' | 'danger'): Button {
  return { type: 'button', action_id: actionId, text: plain(text, 75), value, ...(style ? { style } : {}) };
}

function itemDetail(t: Translate, b: BriefingListItem): string {
  switch (b.status) {
    case 'SCHEDULED':
      return t('briefings.list.scheduledFor', { when: slackDateTime(b.scheduledFor ?? b.updatedAt), channels: channelList(b.channelIds) });
    case 'POSTED':
      return t('briefings.list.postedIn', { when: slackDateTime(b.postedAt ?? b.updatedAt), links: postLinks(t, b.posts) || channelList(b.channelIds) });
    case 'DRAFT':
      return t('briefings.list.draftSaved', { when: slackDateTime(b.updatedAt) });
    case 'CANCELLED':
      return t('briefings.list.cancelled', { when: slackDateTime(b.updatedAt) });
  }
}

/** /reap briefing: New, then each recent briefing with Edit (and Cancel while not posted). */
export function briefingListMessage(t: Translate, items: readonly BriefingListItem[], notice?: string): SlackMessage {
  const blocks: KnownBlock[] = [header(t('briefings.list.header'))];
  if (notice) blocks.push(mrkdwnSection(notice));
  blocks.push(context(t('briefings.list.intro')), {
    type: 'actions',
    block_id: 'briefings:new',
    elements: [button(t('briefings.list.newButton'), BRIEFING_ACTIONS.create, 'new', 'primary')],
  });
  // Up to 3 blocks an item after 4 at the top: 15 items stay within Slack's 50 (the command lists 10).
  for (const b of items.slice(0, 15)) {
    blocks.push(divider, {
      type: 'section',
      block_id: `briefing:${b.id}`,
      text: {
        type: 'mrkdwn',
        text: truncate(
          `${t('briefings.list.item', { title: escapeMrkdwn(truncate(b.title, 150)), quarter: periodName(t, b.quarterKey), status: t(`briefings.status.${b.status}`) })}\n${itemDetail(t, b)}`,
          3000,
        ),
      },
      accessory: button(t('briefings.list.edit'), BRIEFING_ACTIONS.edit, String(b.id)),
    });
    if (b.status === 'SCHEDULED' || b.status === 'DRAFT') {
      const cancel: ActionsBlock = {
        type: 'actions',
        block_id: `briefing:${b.id}:cancel`,
        elements: [
          {
            ...button(t('briefings.list.cancel'), BRIEFING_ACTIONS.cancel, String(b.id), 'danger'),
            confirm: {
              title: plain(t('briefings.list.cancelConfirmTitle'), 100),
              text: plain(t('briefings.list.cancelConfirmText'), 300),
              confirm: plain(t('briefings.list.cancelConfirmYes'), 30),
              deny: plain(t('briefings.list.cancelConfirmNo'), 30),
              style: 'danger',
            },
          },
        ],
      };
      blocks.push(cancel);
    }
  }
  return { text: t('briefings.list.header'), blocks };
}

export interface PostedNotice {
  title: string;
  quarterKey: string;
  posts: PostLink[];
  failed: { channelId: string; reason: string }[];
  /** Asked to be published as a canvas too: how that went. */
  canvas?: { kind: 'made'; url: string } | { kind: 'failed'; code: string } | { kind: 'unconfirmed' } | null;
}

/** The DM to the composer once every channel answered: where it is, and where it is not. */
export function briefingPostedMessage(t: Translate, n: PostedNotice): SlackMessage {
  const title = escapeMrkdwn(truncate(n.title, 150));
  const quarter = periodName(t, n.quarterKey);
  const blocks: KnownBlock[] = [];
  if (n.posts.length) blocks.push(mrkdwnSection(`:white_check_mark: ${t('briefings.posted.links', { title, quarter, links: postLinks(t, n.posts) })}`));
  if (n.failed.length) {
    blocks.push(
      mrkdwnSection(
        `:warning: ${t('briefings.posted.failed', {
          channels: channelList(n.failed.map((f) => f.channelId)),
          reasons: [...new Set(n.failed.map((f) => f.reason))].map((r) => `\`${escapeMrkdwn(r)}\``).join(', '),
        })}`,
      ),
    );
  }
  if (n.canvas?.kind === 'made') blocks.push(mrkdwnSection(`:page_facing_up: ${t('briefings.posted.canvasMade', { url: n.canvas.url })}`));
  if (n.canvas?.kind === 'failed') blocks.push(mrkdwnSection(`:warning: ${t('briefings.posted.canvasFailed', { code: escapeMrkdwn(n.canvas.code) })}`));
  if (n.canvas?.kind === 'unconfirmed') blocks.push(mrkdwnSection(`:warning: ${t('briefings.posted.canvasUnconfirmed')}`));
  blocks.push(context(t('briefings.posted.editHint')));
  return { text: t('briefings.posted.text', { title: truncate(n.title, 150) }), blocks };
}

/** Two weeks before a quarter ends, to each ORSE admin. */
export function briefingReminderMessage(t: Translate, quarter: FiscalPeriod): SlackMessage {
  const q = periodName(t, quarter);
  const date = slackDate(quarter.end);
  return {
    text: t('briefings.reminder.text', { quarter: q, date }),
    blocks: [
      {
        type: 'section',
        block_id: 'briefing:reminder',
        text: { type: 'mrkdwn', text: t('briefings.reminder.body', { quarter: q, date }) },
        accessory: button(t('briefings.reminder.button'), BRIEFING_ACTIONS.compose, quarter.key, 'primary'),
      },
    ],
  };
}
