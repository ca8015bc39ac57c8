// Owner coverage for ORSE admins: the answer to /reap status coverage and a section of
// their App Home. Counts per reason first, then each reason's strategies with a Reassign
// button (the deactivation DM's action, so the same listener opens the same modal).
// A City can have hundreds of such rows: each surface gets a fixed number of rows, shared
// between the reasons, and the rest is counted with a pointer to the narrower command.
import type { Button, KnownBlock } from '@slack/types';
import { COVERAGE_REASONS, type CoverageReason } from '../../../../domain/owner-coverage.js';
import type { CoverageItem, OwnerCoverage } from '../../../../services/owner-coverage.js';
import type { Translate } from '../../../i18n/index.js';
import { REASSIGN_ACTION_ID, mention } from '../../manage/ui/manage-modals.js';
import { escapeMrkdwn, truncate } from '../../../ui/mrkdwn.js';
import { countKey, daysFrom, dueText, itemSection, oneLine } from '../../../ui/status-parts.js';
import { context, header, mrkdwnSection } from '../../../ui/blocks.js';
import { strategyLabelText } from '../../../ui/strategy-label.js';

export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

/**
 * Rows in the message: with its fixed blocks (header, counts, hints, a heading and a "more"
 * line per reason) this stays under 50 blocks, and about 300 characters a row keeps the
 * whole message under Slack's 12,000.
 */
export const MESSAGE_ROWS = 30;
/** Rows in the App Home section, which shares its 100 blocks with the citywide picture. */
export const HOME_ROWS = 10;
/** A row names the strategy; /reap plan has its whole text. */
export const ROW_TEXT_MAX = 100;

const REASON_EMOJI: Record<CoverageReason, string> = {
  noOwner: ':bust_in_silhouette:',
  inactiveOwner: ':warning:',
  neverUpdated: ':zipper_mouth_face:',
  overdue: ':red_circle:',
};

/**
 * How many of each list's items to show within `rows` in all: an even share each, and
 * what a short list leaves unused goes to the longer ones.
 */
export function allotRows(lengths: readonly number[], rows: number): number[] {
  const shown = lengths.map(() => 0);
  let left = Math.max(0, rows);
  for (;;) {
    const open = lengths.flatMap((n, i) => (n > shown[i]! ? [i] : []));
    if (open.length === 0 || left === 0) return shown;
    const share = Math.max(1, Math.floor(left / open.length));
    for (const i of open) {
      const add = Math.min(share, lengths[i]! - shown[i]!, left);
      shown[i]! += add;
      left -= add;
    }
  }
}

function ownerLine(t: Translate, item: CoverageItem): string {
  if (!item.owner) return t('coverage.noOwner');
  const owner = mention(item.owner.slackUserId);
  if (!item.owner.active) return t('coverage.ownerInactive', { owner });
  if (item.needsReassignment) return t('coverage.ownerFlagged', { owner });
  return t('coverage.owner', { owner });
}

function reassignButton(t: Translate, item: CoverageItem): Button {
  return {
    type: 'button',
    action_id: REASSIGN_ACTION_ID,
    value: String(item.id),
    text: { type: 'plain_text', text: truncate(t('coverage.reassignButton'), 75), emoji: true },
    accessibility_label: truncate(t('coverage.reassignA11y', { label: strategyLabelText(t, item) }), 75),
  };
}

/** One strategy: department, "1.2", the start of its text, then owner and due date. */
export function coverageRow(t: Translate, item: CoverageItem, reason: CoverageReason, today: string): KnownBlock {
  const headline = t('coverage.row', {
    department: item.department ? escapeMrkdwn(item.department.code) : t('coverage.noDepartment'),
    label: escapeMrkdwn(strategyLabelText(t, item)),
    text: escapeMrkdwn(truncate(oneLine(item.text), ROW_TEXT_MAX)),
  });
  const facts = [ownerLine(t, item), dueText(t, item.dueDate, daysFrom(today, item.dueDate))].join(' · ');
  // A strategy can be under several reasons: the reason keeps each block id unique.
  return { ...itemSection(`${headline}\n${facts}`, reassignButton(t, item)), block_id: `coverage_${reason}_${item.id}` };
}

/** "⚠️ Owner left…: *3*" for each reason, in the fixed order. */
function countFields(t: Translate, c: OwnerCoverage) {
  return COVERAGE_REASONS.map((r) => ({ type: 'mrkdwn' as const, text: `${REASON_EMOJI[r]} ${t(`coverage.reasons.${r}`)}: *${c.counts[r]}*` }));
}

function summaryBlock(t: Translate, c: OwnerCoverage): KnownBlock {
  if (c.total === 0) return mrkdwnSection(t('coverage.allCovered'));
  return { type: 'section', text: { type: 'mrkdwn', text: t(countKey('coverage.summary', c.total), { count: c.total }) }, fields: countFields(t, c) };
}

/** What to type to see what did not fit: one department, or that department's whole plan. */
function narrowerHint(t: Translate, c: OwnerCoverage): string {
  return c.department ? t('coverage.moreDepartmentHint', { code: escapeMrkdwn(c.department.code) }) : t('coverage.moreCityHint');
}

/**
 * Each reason's heading, its first rows and "…and N more", with `rows` rows in all. At most
 * `rows` + 8 blocks. `moreHint` follows each "more" line (omit it when the surface says it once).
 */
export function coverageListBlocks(t: Translate, c: OwnerCoverage, rows: number, moreHint?: string): { blocks: KnownBlock[]; hidden: number } {
  const shares = allotRows(
    COVERAGE_REASONS.map((r) => c.groups[r].length),
    rows,
  );
  const blocks: KnownBlock[] = [];
  let hidden = 0;
  COVERAGE_REASONS.forEach((reason, i) => {
    const items = c.groups[reason];
    if (items.length === 0) return;
    const shown = items.slice(0, shares[i]);
    const rest = items.length - shown.length;
    blocks.push(mrkdwnSection(`${REASON_EMOJI[reason]} *${t(`coverage.reasons.${reason}`)}* (${items.length})`));
    for (const item of shown) blocks.push(coverageRow(t, item, reason, c.today));
    if (rest > 0) {
      const more = t(countKey('coverage.more', rest), { count: rest });
      blocks.push(context(moreHint ? `${more} ${moreHint}` : more));
      hidden += rest;
    }
  });
  return { blocks, hidden };
}

/** The ephemeral answer to /reap status coverage [department]: at most `rows` + 11 blocks. */
export function coverageMessage(t: Translate, c: OwnerCoverage, rows = MESSAGE_ROWS): SlackMessage {
  const title = c.department ? t('coverage.headerDepartment', { department: c.department.name }) : t('coverage.header');
  const lists = coverageListBlocks(t, c, rows, narrowerHint(t, c));
  const blocks: KnownBlock[] = [header(title), summaryBlock(t, c), ...lists.blocks];
  if (c.total > 0) blocks.push(context(t('coverage.overdueMeaning')));
  return { text: t(countKey('coverage.text', c.total), { count: c.total }), blocks };
}

/**
 * The ORSE admin's App Home section: title, counts, each reason's first rows, and where the
 * full list is. At most `rows` + 11 blocks; `room` blocks when fewer are left, or none.
 */
export function coverageHomeBlocks(t: Translate, c: OwnerCoverage, room: number, rows = HOME_ROWS): { blocks: KnownBlock[]; hidden: number } {
  const lead = [mrkdwnSection(t('coverage.homeTitle')), summaryBlock(t, c)];
  if (c.total === 0) return room >= lead.length ? { blocks: lead, hidden: 0 } : { blocks: [], hidden: 0 };
  const nonEmpty = COVERAGE_REASONS.filter((r) => c.groups[r].length > 0).length;
  // Title, counts and the closing pointer, then a heading and a "more" line per reason.
  const fixed = lead.length + 1 + 2 * nonEmpty;
  const fit = Math.min(rows, room - fixed);
  if (fit < 1) return { blocks: [], hidden: c.total };
  const lists = coverageListBlocks(t, c, fit);
  return { blocks: [...lead, ...lists.blocks, context(t('coverage.homeMore'))], hidden: lists.hidden };
}
