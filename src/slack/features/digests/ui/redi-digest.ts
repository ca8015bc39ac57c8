// The monthly REDI digest as Slack messages: per theme, the practices departments shared
// and their roadblocks, each roadblock followed by "<Department> shared a practice on
// <theme> that may help" when another department has one. Split over several messages when
// a busy month needs it (weekly-digest-split.ts).
import type { KnownBlock } from '@slack/types';
import { DateTime } from 'luxon';
import type { RediDigest, RediPractice, RediRoadblock } from '../../../../domain/redi-digest.js';
import type { Lang, Translate } from '../../../i18n/index.js';
import { escapeMrkdwn, truncate } from '../../../ui/mrkdwn.js';
import { chunkLines, oneLine } from '../../../ui/status-parts.js';
import { context, header, mrkdwnSection } from '../../../ui/blocks.js';
import { strategyLabelText } from '../../../ui/strategy-label.js';
import type { SlackMessage } from '../../status/ui/status-message.js';
import { packBlockGroups, slackDay, type BlockGroup } from './weekly-digest-split.js';

/** What people wrote, shown in full up to this length. */
const ITEM_TEXT_MAX = 500;
const HINT_TEXT_MAX = 160;
/** A roadblock with its ask and three hints stays one piece: well under Slack's 3000. */
const SECTION_TEXT = 2800;

export interface RediDigestOptions {
  lang: Lang;
  /** The City's zone: the covered month is named in it. */
  zone: string;
  /** A channel post or a member's DM: only the footer differs. */
  audience: 'channel' | 'member';
}

/** "November 2026", "noviembre 2026", "tháng 11 2026". */
export function monthLabel(at: Date, zone: string, lang: Lang): string {
  return DateTime.fromJSDate(at, { zone }).setLocale(lang).toFormat('LLLL yyyy');
}

const userText = (s: string, max: number) => escapeMrkdwn(truncate(oneLine(s), max));

function practiceLine(t: Translate, p: RediPractice): string {
  return t('redi.digest.item', {
    department: escapeMrkdwn(p.department.name),
    label: escapeMrkdwn(strategyLabelText(t, p.strategy)),
    text: userText(p.text, ITEM_TEXT_MAX),
  });
}

/** One line per roadblock (its ask and hints on continuation lines), so a chunk never separates them. */
function roadblockLine(t: Translate, r: RediRoadblock): string {
  const lines = [
    t('redi.digest.item', {
      department: escapeMrkdwn(r.department.name),
      label: escapeMrkdwn(strategyLabelText(t, r.strategy)),
      text: r.text ? userText(r.text, ITEM_TEXT_MAX) : userText(r.helpNeeded, ITEM_TEXT_MAX),
    }),
  ];
  if (r.text && r.helpNeeded) lines.push(t('redi.digest.ask', { text: userText(r.helpNeeded, ITEM_TEXT_MAX) }));
  for (const h of r.hints) {
    lines.push(
      t('redi.digest.hint', {
        department: escapeMrkdwn(h.department.name),
        theme: t(`redi.themes.${h.theme}`),
        practice: userText(h.practice.text, HINT_TEXT_MAX),
      }),
    );
  }
  return lines.join('\n');
}

export function rediDigestMessages(t: Translate, digest: RediDigest, options: RediDigestOptions): SlackMessage[] {
  const month = monthLabel(digest.from, options.zone, options.lang);
  // The window ends at `until` (exclusive): the last day shown is the day before.
  const lastDay = new Date(digest.until.getTime() - 1);
  const head: KnownBlock[] = [
    header(t('redi.digest.header', { month })),
    context(t('redi.digest.intro', { from: slackDay(digest.from, options.zone), to: slackDay(lastDay, options.zone) })),
    context(t('redi.digest.counts', { practices: digest.practiceCount, roadblocks: digest.roadblockCount, departments: digest.departmentCount })),
  ];
  const tail: KnownBlock[] = [context(t(options.audience === 'channel' ? 'redi.digest.footerChannel' : 'redi.digest.footerMember'))];

  const groups: BlockGroup[] = digest.groups.map((g) => {
    const title = t(`redi.themeTitles.${g.theme}`);
    const blocks: KnownBlock[] = [header(title)];
    const lists = [
      g.practices.length ? [t('redi.digest.practices'), ...g.practices.map((p) => practiceLine(t, p))] : [],
      g.roadblocks.length ? [t('redi.digest.roadblocks'), ...g.roadblocks.map((r) => roadblockLine(t, r))] : [],
    ];
    for (const lines of lists) for (const chunk of chunkLines(lines, SECTION_TEXT)) blocks.push(mrkdwnSection(chunk));
    return { blocks, continued: () => context(t('redi.digest.continued', { theme: title })) };
  });

  const packed = packBlockGroups(groups, {
    head,
    tail,
    partLine: (part, parts) => context(t('redi.digest.part', { month, part, parts })),
  });
  return packed.map((blocks, i) => ({
    text: packed.length === 1 ? t('redi.digest.fallback', { month }) : t('redi.digest.fallbackPart', { month, part: i + 1, parts: packed.length }),
    blocks,
  }));
}
