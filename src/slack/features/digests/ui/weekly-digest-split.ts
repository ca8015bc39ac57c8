// Packs a digest's blocks into as many messages as Slack's limits need (used by the weekly
// and the REDI digest). A message holds at most 50 blocks and, undocumented, about 12,000
// characters of block text (msg_blocks_too_long; see shared/docs/slack-platform.md §4.1),
// so each message keeps well under both: the limits below leave room for a "part 2 of 3"
// line and for the fallback text.
//
// Content comes in groups (a department, a theme). A group starts a new message rather
// than leave its heading alone at the bottom of one, and a group that spills over repeats
// a short "continued" line at the top of the next message.
import type { KnownBlock } from '@slack/types';
import { blockTextLength } from '../../../ui/blocks.js';

export const DIGEST_MAX_BLOCKS = 45;
export const DIGEST_MAX_TEXT = 8000;
/** Lists are cut into sections of at most this many characters, so messages fill evenly. */
export const DIGEST_SECTION_TEXT = 1500;

export interface BlockGroup {
  blocks: KnownBlock[];
  /** The line that opens the next message when this group continues there. */
  continued?: () => KnownBlock;
}

export interface PackOptions {
  /** Opens the first message. */
  head: KnownBlock[];
  /** Closes the last message. */
  tail: KnownBlock[];
  /** Opens every message after the first ("part 2 of 3"). */
  partLine: (part: number, parts: number) => KnownBlock;
  maxBlocks?: number;
  maxText?: number;
}

// Counted as Slack counts them; the briefing counts its charts the same way.
export { blockTextLength };

export function packBlockGroups(groups: readonly BlockGroup[], options: PackOptions): KnownBlock[][] {
  const maxBlocks = (options.maxBlocks ?? DIGEST_MAX_BLOCKS) - 1; // one kept for the part line
  const maxText = (options.maxText ?? DIGEST_MAX_TEXT) - 200; // and its text
  const messages: KnownBlock[][] = [];
  let current: KnownBlock[] = [...options.head];
  let text = blockTextLength(current);
  const fits = (blocks: readonly KnownBlock[]) => current.length + blocks.length <= maxBlocks && text + blockTextLength(blocks) <= maxText;
  const flush = () => {
    if (current.length) messages.push(current);
    current = [];
    text = 0;
  };
  const add = (block: KnownBlock) => {
    current.push(block);
    text += blockTextLength(block);
  };

  for (const group of groups) {
    if (group.blocks.length === 0) continue;
    // Keep a group's opening (heading, summary and first list) together when it can be.
    const opening = group.blocks.slice(0, 3);
    if (current.length > 0 && !fits(opening)) flush();
    group.blocks.forEach((block, i) => {
      if (current.length > 0 && !fits([block])) {
        flush();
        if (i > 0 && group.continued) add(group.continued());
      }
      add(block);
    });
  }
  if (options.tail.length && current.length > 0 && !fits(options.tail)) flush();
  for (const block of options.tail) add(block);
  flush();

  const parts = messages.length;
  return messages.map((blocks, i) => (i === 0 ? blocks : [options.partLine(i + 1, parts), ...blocks]));
}

/**
 * An instant as a date in the reader's zone (a Slack date token); the fallback, for
 * clients that cannot render tokens, is the date in the City's zone.
 */
export function slackDay(at: Date, zone: string): string {
  const unix = Math.floor(at.getTime() / 1000);
  return `<!date^${unix}^{date_short}|${isoDayFormat(zone).format(at)}>`;
}

/** "2026-11-16" in a zone; formatters are costly to build and digests format thousands of dates. */
const dayFormats = new Map<string, Intl.DateTimeFormat>();
function isoDayFormat(zone: string): Intl.DateTimeFormat {
  let f = dayFormats.get(zone);
  if (!f) dayFormats.set(zone, (f = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' })));
  return f;
}
