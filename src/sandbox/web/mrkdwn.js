// Slack's mrkdwn (docs.slack.dev/messaging/formatting-message-text): parsed into a small tree
// (pure, testable), then rendered with text nodes only. Apps escape &, < and > as &amp;,
// &lt; and &gt;; anything in <…> that is not a link, mention or date is shown as typed.
import { h } from './dom.js';
import { emojiFor } from './emoji.js';
import { formatSlackDate } from './slack-dates.js';

/**
 * @typedef {{type:'text', text:string} | {type:'br'} | {type:'code', text:string}
 *   | {type:'bold'|'italic'|'strike', children:Inline[]} | {type:'link', url:string, label:string}
 *   | {type:'user', id:string, label?:string} | {type:'channel', id:string, label?:string}
 *   | {type:'usergroup', id:string, label?:string} | {type:'broadcast', name:string}
 *   | {type:'date', ts:number, format:string, link?:string, fallback:string}
 *   | {type:'emoji', name:string, char:string}} Inline
 * @typedef {{type:'para'|'quote', children:Inline[]} | {type:'pre', text:string}} Block
 */

const ENTITIES = /** @type {Record<string, string>} */ ({ '&amp;': '&', '&lt;': '<', '&gt;': '>' });

/** @param {string} text */
export function decodeEntities(text) {
  return text.replace(/&(?:amp|lt|gt);/g, (m) => ENTITIES[m] ?? m);
}

const SAFE_URL = /^(https?:\/\/|mailto:)/i;
const STYLE = /** @type {Record<string, 'bold'|'italic'|'strike'>} */ ({ '*': 'bold', _: 'italic', '~': 'strike' });

/** @param {string | undefined} ch */
const isWordChar = (ch) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);

/** @param {string} text @returns {Block[]} */
export function parseMrkdwn(text) {
  /** @type {Block[]} */
  const blocks = [];
  const fences = String(text ?? '').split('```');
  // An unmatched fence is plain text.
  if (fences.length % 2 === 0) fences.splice(fences.length - 2, 2, `${fences.at(-2)}\`\`\`${fences.at(-1)}`);
  fences.forEach((segment, i) => {
    if (i % 2 === 1) blocks.push({ type: 'pre', text: decodeEntities(segment.replace(/^\n/, '').replace(/\n$/, '')) });
    else blocks.push(...paragraphs(segment));
  });
  return blocks;
}

/** Groups lines into quoted and plain runs; ">>>" quotes the rest of the text. @param {string} text @returns {Block[]} */
function paragraphs(text) {
  /** @type {Block[]} */
  const out = [];
  /** @type {{quote:boolean, lines:string[]} | null} */
  let run = null;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const rest = /^(?:>>>|&gt;&gt;&gt;)\s?/.exec(line);
    if (rest) {
      if (run) out.push(toBlock(run));
      out.push(toBlock({ quote: true, lines: [line.slice(rest[0].length), ...lines.slice(i + 1)] }));
      return out;
    }
    const quoted = /^(?:>|&gt;)\s?/.exec(line);
    const content = quoted ? line.slice(quoted[0].length) : line;
    if (!run || run.quote !== Boolean(quoted)) {
      if (run) out.push(toBlock(run));
      run = { quote: Boolean(quoted), lines: [] };
    }
    run.lines.push(content);
  }
  if (run) out.push(toBlock(run));
  // Blank runs around a code fence carry no text.
  return out.filter((b) => b.type !== 'para' || b.children.some((c) => c.type !== 'br' && !(c.type === 'text' && c.text.trim() === '')));
}

/** @param {{quote:boolean, lines:string[]}} run @returns {Block} */
function toBlock(run) {
  return { type: run.quote ? 'quote' : 'para', children: parseInline(run.lines.join('\n')) };
}

/** @param {string} s @returns {Inline[]} */
export function parseInline(s) {
  /** @type {Inline[]} */
  const nodes = [];
  let buffer = '';
  const flush = () => {
    if (buffer) nodes.push({ type: 'text', text: decodeEntities(buffer) });
    buffer = '';
  };
  let i = 0;
  while (i < s.length) {
    const c = s[i] ?? '';
    if (c === '\n') {
      flush();
      nodes.push({ type: 'br' });
      i += 1;
      continue;
    }
    if (c === '`') {
      const end = s.indexOf('`', i + 1);
      if (end > i + 1 && !s.slice(i + 1, end).includes('\n')) {
        flush();
        nodes.push({ type: 'code', text: decodeEntities(s.slice(i + 1, end)) });
        i = end + 1;
        continue;
      }
    }
    if (c === '<') {
      const end = s.indexOf('>', i + 1);
      const token = end > i + 1 ? parseAngle(s.slice(i + 1, end)) : null;
      if (token) {
        flush();
        nodes.push(token);
        i = end + 1;
        continue;
      }
    }
    const style = STYLE[c];
    if (style && !isWordChar(s[i - 1])) {
      const end = findClosing(s, i, c);
      if (end > 0) {
        flush();
        nodes.push({ type: style, children: parseInline(s.slice(i + 1, end)) });
        i = end + 1;
        continue;
      }
    }
    if (c === ':') {
      const m = /^:([a-z0-9_+'-]+):/.exec(s.slice(i));
      const char = m ? emojiFor(m[1] ?? '') : undefined;
      if (m && char) {
        flush();
        nodes.push({ type: 'emoji', name: m[1] ?? '', char });
        i += m[0].length;
        continue;
      }
    }
    buffer += c;
    i += 1;
  }
  flush();
  return nodes;
}

/** The closing marker of *bold*, _italic_ or ~strike~ on the same line, or -1. @param {string} s @param {number} open @param {string} marker */
function findClosing(s, open, marker) {
  const first = s[open + 1];
  if (first === undefined || /\s/.test(first) || first === marker) return -1;
  for (let j = open + 2; j < s.length; j++) {
    if (s[j] === '\n') return -1;
    if (s[j] === marker && !/\s/.test(s[j - 1] ?? '') && !isWordChar(s[j + 1])) return j;
  }
  // A single character between markers, e.g. *a*
  return s[open + 2] === marker && !isWordChar(s[open + 3]) ? open + 2 : -1;
}

/** @param {string} inner text between < and > @returns {Inline | null} */
function parseAngle(inner) {
  const bar = inner.indexOf('|');
  const target = bar >= 0 ? inner.slice(0, bar) : inner;
  const label = bar >= 0 ? decodeEntities(inner.slice(bar + 1)) : undefined;
  if (/^@[UWB][A-Z0-9]+$/.test(target)) return { type: 'user', id: target.slice(1), label };
  if (/^#[CGD][A-Z0-9]+$/.test(target)) return { type: 'channel', id: target.slice(1), label };
  if (/^!(here|channel|everyone)$/.test(target)) return { type: 'broadcast', name: target.slice(1) };
  const group = /^!subteam\^([A-Z0-9]+)$/.exec(target);
  if (group) return { type: 'usergroup', id: group[1] ?? '', label };
  const date = /^!date\^(-?\d+)\^([^^]*)(?:\^(.*))?$/.exec(target);
  if (date)
    return {
      type: 'date',
      ts: Number(date[1]),
      format: decodeEntities(date[2] ?? ''),
      link: date[3] ? decodeEntities(date[3]) : undefined,
      fallback: label ?? '',
    };
  const url = decodeEntities(target);
  if (SAFE_URL.test(url)) return { type: 'link', url, label: label ?? url.replace(/^mailto:/i, '') };
  return null;
}

/**
 * @typedef {{users: Record<string, {name:string}>, channelNames: Record<string,string>, tz: string, now?: number}} Directory
 */

/** @param {string} text @param {Directory} dir @returns {HTMLElement} */
export function renderMrkdwn(text, dir) {
  const root = h('div', { class: 'mrkdwn' });
  for (const block of parseMrkdwn(text)) {
    if (block.type === 'pre') root.append(h('pre', { class: 'mrkdwn-pre' }, block.text));
    else if (block.type === 'quote') root.append(h('blockquote', {}, renderInline(block.children, dir)));
    else root.append(h('p', {}, renderInline(block.children, dir)));
  }
  return root;
}

/** @param {Inline[]} nodes @param {Directory} dir @returns {Node[]} */
export function renderInline(nodes, dir) {
  return nodes.map((node) => renderNode(node, dir));
}

/** @param {Inline} node @param {Directory} dir @returns {Node} */
function renderNode(node, dir) {
  switch (node.type) {
    case 'text':
      return document.createTextNode(node.text);
    case 'br':
      return h('br');
    case 'code':
      return h('code', {}, node.text);
    case 'bold':
      return h('strong', {}, renderInline(node.children, dir));
    case 'italic':
      return h('em', {}, renderInline(node.children, dir));
    case 'strike':
      return h('s', {}, renderInline(node.children, dir));
    case 'link':
      return link(node.url, node.label);
    case 'user':
      return userMention(node.id, dir, node.label);
    case 'channel':
      return h('span', { class: 'mention channel-mention' }, `#${dir.channelNames[node.id] ?? node.label ?? node.id}`);
    case 'usergroup':
      return h('span', { class: 'mention' }, node.label ?? `@${node.id}`);
    case 'broadcast':
      return h('span', { class: 'mention mention-broadcast' }, `@${node.name}`);
    case 'date':
      return dateNode(node.ts, node.format, node.fallback, node.link, dir);
    case 'emoji':
      return emoji(node.name, node.char);
  }
}

/** @param {string} url @param {string} label */
export function link(url, label) {
  if (!SAFE_URL.test(url)) return document.createTextNode(label);
  return h('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, label);
}

/** @param {string} id @param {Directory} dir @param {string} [label] */
export function userMention(id, dir, label) {
  const name = dir.users[id]?.name ?? label ?? id;
  return h('span', { class: 'mention', title: id }, `@${name}`);
}

/** @param {string} name @param {string} char */
export function emoji(name, char) {
  return h('span', { class: 'emoji', role: 'img', 'aria-label': name.replace(/_/g, ' ') }, char);
}

/**
 * @param {number} ts @param {string} format @param {string} fallback @param {string | undefined} url
 * @param {Directory} dir
 */
export function dateNode(ts, format, fallback, url, dir) {
  const text = formatSlackDate(ts, format, dir.tz, dir.now ?? Date.now()) ?? fallback;
  const time = h('time', { datetime: Number.isFinite(ts) ? new Date(ts * 1000).toISOString() : undefined, title: fallback || undefined }, text);
  return url && SAFE_URL.test(url) ? h('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, time) : time;
}

/** plain_text objects: literal text, with :emoji: when `emoji` is not false. @param {{text?:string, emoji?:boolean}} obj */
export function renderPlain(obj) {
  const text = String(obj?.text ?? '');
  if (obj?.emoji === false) return [document.createTextNode(text)];
  return text
    .split(/(:[a-z0-9_+'-]+:)/)
    .filter(Boolean)
    .map((part) => {
      const char = /^:[a-z0-9_+'-]+:$/.test(part) ? emojiFor(part.slice(1, -1)) : undefined;
      return char ? emoji(part.slice(1, -1), char) : document.createTextNode(part);
    });
}

/** A text object (mrkdwn or plain_text) as inline-ish content. @param {any} obj @param {Directory} dir */
export function renderText(obj, dir) {
  if (!obj || typeof obj !== 'object') return h('span');
  if (obj.type === 'mrkdwn') return renderMrkdwn(String(obj.text ?? ''), dir);
  return h('span', { class: 'plain-text' }, renderPlain(obj));
}

/** Plain string of a text object, for labels and aria attributes. @param {any} obj */
export function textOf(obj) {
  if (!obj || typeof obj !== 'object') return '';
  const text = String(obj.text ?? '');
  return obj.type === 'mrkdwn' ? decodeEntities(text) : text;
}
