// A Slack message as the first draft of a progress update ("Report as REAP update"): its
// text turned from Slack's wire format into what a reader sees, cut to the narrative's limit
// (never silently: the form says so), and its permalink as the evidence link.
import { UPDATE_FIELD_LIMITS } from '../../../../domain/progress-update-input.js';
import { charCount, isHttpUrl } from '../../../../domain/validation.js';

const TOKEN = /<([^<>\n]*)>/g;

/** Ids of the people a message mentions (`<@U…>` without a label), to look their names up. */
export function mentionedUserIds(text: string): string[] {
  const ids = new Set<string>();
  for (const match of text.matchAll(/<@([UW][A-Z0-9]+)>/g)) if (match[1]) ids.add(match[1]);
  return [...ids];
}

/**
 * Slack's message text as plain words: mentions as @name (the label Slack sent, else a name
 * from `names`, else the id), channels as #name, links as "label (url)", dates as their
 * fallback, and &amp; &lt; &gt; as the characters. Bold and italic markers stay: they read
 * fine as they are, and stripping them would break names like snake_case.
 */
export function slackTextToPlain(text: string, names: ReadonlyMap<string, string> = new Map()): string {
  const replaced = text.replace(TOKEN, (whole, inner: string) => {
    const bar = inner.indexOf('|');
    const target = bar === -1 ? inner : inner.slice(0, bar);
    const label = bar === -1 ? '' : inner.slice(bar + 1);
    if (target.startsWith('@')) return `@${label.replace(/^@/, '') || names.get(target.slice(1)) || target.slice(1)}`;
    if (target.startsWith('#')) return `#${label || target.slice(1)}`;
    if (target.startsWith('!')) return special(target.slice(1), label);
    if (target.startsWith('mailto:')) return label || target.slice('mailto:'.length);
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return link(target, label);
    return whole;
  });
  return (
    decodeEntities(replaced)
      .replace(/\r\n?/g, '\n')
      // PostgreSQL text cannot hold NUL (the service refuses it); other controls are noise.
      .replace(/[^\P{Cc}\n\t]/gu, '')
      .trim()
  );
}

/** `<!here>`, `<!subteam^S1|@team>`, `<!date^…|fallback>`: what the reader sees. */
function special(name: string, label: string): string {
  if (name.startsWith('date^')) return label;
  if (label) return label.startsWith('@') ? label : `@${label}`;
  return `@${name.split('^')[0] ?? name}`;
}

function link(url: string, label: string): string {
  const bare = url.replace(/^https?:\/\//i, '').replace(/\/$/, '');
  if (!label || label === url || label.replace(/\/$/, '') === bare) return url;
  return `${label} (${url})`;
}

function decodeEntities(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/**
 * The first `limit` characters (code points, as the service counts them) or fewer, ending at
 * a word boundary when one is near, with an ellipsis that counts towards the limit.
 */
export function cutToLimit(text: string, limit: number): string {
  const chars = Array.from(text);
  if (chars.length <= limit) return text;
  let head = chars.slice(0, limit - 1).join('');
  const lastSpace = head.search(/\s\S*$/);
  // Only back off to a space near the end: a long unbroken run (a URL) is cut where it is.
  if (lastSpace > 0 && charCount(head.slice(lastSpace)) <= 80) head = head.slice(0, lastSpace);
  return `${head.trimEnd()}…`;
}

export interface MessagePrefill {
  narrative: string;
  evidenceUrl: string | null;
  /** The plain text's length when it had to be cut, else null. */
  shortenedFrom: number | null;
}

/** The narrative and evidence link a message gives the update form. */
export function prefillFromMessage(text: string, o: { names?: ReadonlyMap<string, string>; permalink?: string | null; limit?: number } = {}): MessagePrefill {
  const limit = o.limit ?? UPDATE_FIELD_LIMITS.narrative;
  const plain = slackTextToPlain(text, o.names);
  const length = charCount(plain);
  const permalink = o.permalink && isHttpUrl(o.permalink) && charCount(o.permalink) <= UPDATE_FIELD_LIMITS.evidenceUrl ? o.permalink : null;
  return {
    narrative: length > limit ? cutToLimit(plain, limit) : plain,
    evidenceUrl: permalink,
    shortenedFrom: length > limit ? length : null,
  };
}
