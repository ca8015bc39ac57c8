// The quarterly briefing as a standalone canvas (canvas markdown, not mrkdwn), in the
// composing admin's language like the channel message. Pure: translator and content in.
import type { Translate } from '../../../i18n/index.js';
import type { BriefingContent } from './briefing-message.js';
import { periodName } from '../../../ui/period-name.js';

/** The canvas title: Slack shows it in the channel's canvas list. */
export function briefingCanvasTitle(b: BriefingContent): string {
  return Array.from(b.title.trim()).slice(0, 150).join('');
}

// What the admin typed stays text: a "#" at a line's start would make a header, and
// *, _, ` and ~ would turn into formatting the message does not have.
const escapeLine = (line: string): string => line.replace(/[\\*_`~[\]]/g, (c) => `\\${c}`).replace(/^(\s*)#/, '$1\\#');

export function briefingCanvasMarkdown(t: Translate, b: BriefingContent): string {
  const body = b.body
    .trim()
    .split('\n')
    .map((line) => (/^\s*[•◦-]\s+/.test(line) ? `- ${escapeLine(line.replace(/^\s*[•◦-]\s+/, ''))}` : escapeLine(line)));
  return [`# ${escapeLine(briefingCanvasTitle(b))}`, t('briefings.message.canvasIntro', { quarter: periodName(t, b.quarterKey) }), '', ...body].join('\n');
}
