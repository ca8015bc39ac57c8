// The conversation: messages and this person's ephemerals in ts order, thread replies under
// their parent. Rendering is keyed by ts and a content signature, so a new message is added
// without rebuilding the others: focus stays where the person left it, and the live region
// announces only what is new.
import { h } from './dom.js';
import { renderBlocks } from './blocks.js';
import { image } from './elements.js';
import { renderMrkdwn } from './mrkdwn.js';
import { messageTime } from './slack-dates.js';

/**
 * @typedef {{ts:string, thread_ts?:string, user?:string, bot_id?:string, text?:string, blocks?:any[], attachments?:any[], files?:{id:string,name:string,title:string}[], edited?:unknown}} Message
 * @typedef {{ts:string, channel:string, user:string, text?:string, blocks?:any[], thread_ts?:string, source?:string}} Ephemeral
 * @typedef {{callbackId: string, name: string, description: string}} MessageShortcut
 * @typedef {{appName: string, botUserId: string, surfaceFor: (item: {kind:'message'|'ephemeral', channel:string, ts:string}) => import('./elements.js').Surface, onDismiss: (ts: string) => void, shortcuts: MessageShortcut[], onShortcut: (channel: string, ts: string, callbackId: string) => void}} ListContext
 */

const SLACKBOT_SOURCE = 'sandbox:slackbot';

export class MessageList {
  /** @param {HTMLElement} container the role=log element */
  constructor(container) {
    this.container = container;
    /** @type {Map<string, {node: HTMLElement, signature: string}>} */
    this.rendered = new Map();
    this.channel = '';
  }

  /**
   * @param {string} channel @param {Message[]} messages @param {Ephemeral[]} ephemerals
   * @param {ListContext} ctx @param {import('./elements.js').Dir} dir
   */
  update(channel, messages, ephemerals, ctx, dir) {
    if (channel !== this.channel) {
      this.container.replaceChildren();
      this.rendered.clear();
      this.channel = channel;
    }
    const nearBottom = this.container.scrollHeight - this.container.scrollTop - this.container.clientHeight < 80;
    const items = ordered(
      messages,
      ephemerals.filter((e) => e.channel === channel),
    );
    const keep = new Set();
    /** @type {HTMLElement | null} */
    let previous = null;
    let added = false;
    for (const item of items) {
      const key = `${item.kind}:${item.data.ts}`;
      keep.add(key);
      // The persona's time zone and names matter to the rendering too.
      const signature = JSON.stringify([item.data, dir.tz, Object.keys(dir.users).length]);
      let entry = this.rendered.get(key);
      if (!entry || entry.signature !== signature) {
        const node =
          item.kind === 'message' ? messageNode(item.data, item.reply, ctx, dir, channel) : ephemeralNode(/** @type {Ephemeral} */ (item.data), ctx, dir);
        if (entry) entry.node.replaceWith(node);
        else added = true;
        entry = { node, signature };
        this.rendered.set(key, entry);
      }
      const expectedNext = previous ? previous.nextElementSibling : this.container.firstElementChild;
      if (expectedNext !== entry.node) {
        if (previous) previous.after(entry.node);
        else this.container.prepend(entry.node);
      }
      previous = entry.node;
    }
    for (const [key, entry] of this.rendered) {
      if (!keep.has(key)) {
        entry.node.remove();
        this.rendered.delete(key);
      }
    }
    if (items.length === 0 && !this.container.querySelector('.empty-conversation')) {
      this.container.append(h('p', { class: 'empty-conversation' }, 'No messages yet. Type /reap help below to start.'));
    } else if (items.length > 0) {
      this.container.querySelector('.empty-conversation')?.remove();
    }
    if (added && nearBottom) this.container.scrollTop = this.container.scrollHeight;
  }
}

/**
 * Top-level messages and ephemerals by ts, each followed by its thread replies.
 * @param {Message[]} messages @param {Ephemeral[]} ephemerals
 */
function ordered(messages, ephemerals) {
  /** @type {{kind:'message'|'ephemeral', data: Message | Ephemeral, reply: boolean}[]} */
  const top = [];
  /** @type {Map<string, Message[]>} */
  const replies = new Map();
  for (const m of messages) {
    if (m.thread_ts && m.thread_ts !== m.ts) replies.set(m.thread_ts, [...(replies.get(m.thread_ts) ?? []), m]);
    else top.push({ kind: 'message', data: m, reply: false });
  }
  for (const e of ephemerals) top.push({ kind: 'ephemeral', data: e, reply: false });
  top.sort((a, b) => Number(a.data.ts) - Number(b.data.ts));
  return top.flatMap((item) => [item, ...(replies.get(item.data.ts) ?? []).map((m) => ({ kind: /** @type {const} */ ('message'), data: m, reply: true }))]);
}

/** @param {string} name @param {string} seed */
function avatar(name, seed) {
  const initials = name
    .split(/\s+/)
    .map((w) => w[0] ?? '')
    .join('')
    .slice(0, 2)
    .toUpperCase();
  const node = h('span', { class: 'avatar', 'aria-hidden': 'true' }, initials || '?');
  // Dark tones only, so the white initials keep their contrast.
  const hue = [...seed].reduce((sum, c) => sum + c.charCodeAt(0), 0) % 360;
  node.style.backgroundColor = `hsl(${hue} 55% 32%)`;
  return node;
}

/**
 * @param {Message} m @param {boolean} reply @param {ListContext} ctx @param {import('./elements.js').Dir} dir @param {string} channel
 */
function messageNode(m, reply, ctx, dir, channel) {
  const fromApp = Boolean(m.bot_id) || m.user === ctx.botUserId;
  const name = fromApp ? ctx.appName : (dir.users[m.user ?? '']?.name ?? m.user ?? 'Unknown');
  const headingId = `msg-${m.ts.replace('.', '-')}`;
  const surface = ctx.surfaceFor({ kind: 'message', channel, ts: m.ts });
  return h(
    'article',
    { class: `message${reply ? ' thread-reply' : ''}`, 'aria-labelledby': headingId, 'data-ts': m.ts, tabindex: '-1' },
    avatar(name, fromApp ? 'app' : (m.user ?? '')),
    h(
      'div',
      { class: 'message-main' },
      h(
        'div',
        { class: 'message-header', id: headingId },
        h('span', { class: 'message-author' }, name),
        fromApp ? h('span', { class: 'app-badge' }, 'APP') : null,
        h('time', { class: 'message-time', datetime: new Date(Number(m.ts) * 1000).toISOString() }, messageTime(m.ts, dir.tz)),
        reply ? h('span', { class: 'thread-label' }, 'reply in thread') : null,
        m.edited ? h('span', { class: 'edited' }, '(edited)') : null,
        shortcutButtons(ctx, channel, m.ts),
      ),
      content(m.text, m.blocks, surface, dir),
      attachments(m.attachments, surface, dir),
      files(m.files),
    ),
  );
}

/**
 * Slack's "More actions" menu on a message, flattened: one button per message shortcut the
 * app's manifest declares. Ephemerals get none, as in Slack.
 * @param {ListContext} ctx @param {string} channel @param {string} ts
 */
function shortcutButtons(ctx, channel, ts) {
  if (ctx.shortcuts.length === 0) return null;
  return h(
    'span',
    { class: 'message-shortcuts' },
    ctx.shortcuts.map((s) =>
      h('button', { type: 'button', class: 'link-button', title: s.description, onclick: () => ctx.onShortcut(channel, ts, s.callbackId) }, `⋯ ${s.name}`),
    ),
  );
}

/** @param {Ephemeral} e @param {ListContext} ctx @param {import('./elements.js').Dir} dir */
function ephemeralNode(e, ctx, dir) {
  const slackbot = e.source === SLACKBOT_SOURCE;
  const name = slackbot ? 'Slackbot' : ctx.appName;
  const headingId = `eph-${e.ts.replace('.', '-')}`;
  const surface = ctx.surfaceFor({ kind: 'ephemeral', channel: e.channel, ts: e.ts });
  return h(
    'article',
    { class: 'message ephemeral', 'aria-labelledby': headingId, 'data-ts': e.ts, tabindex: '-1' },
    avatar(name, slackbot ? 'slackbot' : 'app'),
    h(
      'div',
      { class: 'message-main' },
      h(
        'div',
        { class: 'message-header', id: headingId },
        h('span', { class: 'message-author' }, name),
        slackbot ? null : h('span', { class: 'app-badge' }, 'APP'),
        h('time', { class: 'message-time', datetime: new Date(Number(e.ts) * 1000).toISOString() }, messageTime(e.ts, dir.tz)),
      ),
      content(e.text, e.blocks, surface, dir),
      h(
        'div',
        { class: 'ephemeral-footer' },
        h('span', { class: 'ephemeral-label' }, 'Only visible to you'),
        h('button', { type: 'button', class: 'link-button', onclick: () => ctx.onDismiss(e.ts) }, 'Dismiss message'),
      ),
    ),
  );
}

/** Slack shows the blocks when there are any, the text otherwise. @param {string | undefined} text @param {any[] | undefined} blocks @param {import('./elements.js').Surface} surface @param {import('./elements.js').Dir} dir */
function content(text, blocks, surface, dir) {
  if (Array.isArray(blocks) && blocks.length > 0) return renderBlocks(blocks, surface);
  return renderMrkdwn(text ?? '', dir);
}

const ATTACHMENT_COLORS = /** @type {Record<string, string>} */ ({ good: '#2eb67d', warning: '#ecb22e', danger: '#e01e5a' });

/** Legacy attachments: a coloured bar with pretext, title, text, fields and blocks. @param {any[] | undefined} list @param {import('./elements.js').Surface} surface @param {import('./elements.js').Dir} dir */
function attachments(list, surface, dir) {
  if (!Array.isArray(list) || list.length === 0) return null;
  return list.map((a) => {
    const node = h(
      'div',
      { class: 'attachment' },
      a.pretext ? renderMrkdwn(String(a.pretext), dir) : null,
      a.author_name ? h('div', { class: 'attachment-author' }, String(a.author_name)) : null,
      a.title
        ? h(
            'div',
            { class: 'attachment-title' },
            a.title_link
              ? h('a', { href: /^https?:/i.test(a.title_link) ? a.title_link : undefined, target: '_blank', rel: 'noopener noreferrer' }, String(a.title))
              : String(a.title),
          )
        : null,
      a.text ? renderMrkdwn(String(a.text), dir) : null,
      Array.isArray(a.fields)
        ? h(
            'div',
            { class: 'section-fields' },
            a.fields.map((/** @type {any} */ f) =>
              h('div', { class: 'section-field' }, h('strong', {}, String(f.title ?? '')), renderMrkdwn(String(f.value ?? ''), dir)),
            ),
          )
        : null,
      Array.isArray(a.blocks) ? renderBlocks(a.blocks, surface) : null,
      a.image_url ? image(a.image_url, a.fallback, 'image') : null,
      a.footer ? h('div', { class: 'attachment-footer' }, String(a.footer)) : null,
    );
    const color =
      typeof a.color === 'string' ? (ATTACHMENT_COLORS[a.color] ?? (/^#?[0-9a-f]{6}$/i.test(a.color) ? `#${a.color.replace('#', '')}` : undefined)) : undefined;
    if (color) node.style.borderLeftColor = color;
    return node;
  });
}

/** @param {{id:string,name:string,title:string}[] | undefined} list */
function files(list) {
  if (!Array.isArray(list) || list.length === 0) return null;
  return h(
    'ul',
    { class: 'files', 'aria-label': 'Files' },
    list.map((f) => h('li', {}, h('a', { href: `/sandbox/files/${encodeURIComponent(f.id)}`, download: f.name }, `File: ${f.title || f.name}`))),
  );
}
