// Block Kit blocks → DOM for messages, modals and the Home tab. A block this file does not know,
// or one that fails to render, is shown as its raw JSON so one odd block never breaks the page.
import { h, uid } from './dom.js';
import { image, imageSource, renderElement } from './elements.js';
import { emoji, dateNode, link, renderMrkdwn, renderPlain, renderText, textOf, userMention } from './mrkdwn.js';
import { emojiFor } from './emoji.js';

/** @typedef {import('./elements.js').Surface} Surface */

/** @param {unknown} blocks @param {Surface} surface */
export function renderBlocks(blocks, surface) {
  const root = h('div', { class: 'blocks' });
  for (const block of Array.isArray(blocks) ? blocks : []) root.append(renderBlock(block, surface));
  return root;
}

/** @param {any} block @param {Surface} surface @returns {HTMLElement} */
function renderBlock(block, surface) {
  try {
    switch (block?.type) {
      case 'section':
        return section(block, surface);
      case 'header':
        return h('div', { class: 'block-header', role: 'heading', 'aria-level': '3' }, renderPlain(block.text));
      case 'divider':
        return h('hr', { class: 'block-divider' });
      case 'context':
        return h(
          'div',
          { class: 'block-context' },
          (block.elements ?? []).map((/** @type {any} */ el) =>
            el.type === 'image' ? image(imageSource(el), el.alt_text, 'context-image') : h('span', { class: 'context-text' }, renderText(el, surface.dir)),
          ),
        );
      case 'actions':
        return h(
          'div',
          { class: 'block-actions', role: 'group', 'aria-label': 'Actions' },
          (block.elements ?? []).map((/** @type {any} */ el) => renderElement(el, block, surface)),
        );
      case 'image':
        return h(
          'figure',
          { class: 'block-image' },
          block.title ? h('figcaption', {}, renderPlain(block.title)) : null,
          image(imageSource(block), block.alt_text, 'image'),
        );
      case 'input':
        return input(block, surface);
      case 'rich_text':
        return richText(block, surface);
      case 'markdown':
        return h('div', { class: 'block-markdown' }, renderMrkdwn(markdownToMrkdwn(String(block.text ?? '')), surface.dir));
      default:
        return unknownBlock(block, `Block type \u201c${String(block?.type)}\u201d is not rendered by the sandbox`);
    }
  } catch (error) {
    return unknownBlock(block, `This block could not be rendered (${error instanceof Error ? error.message : String(error)})`);
  }
}

/** @param {unknown} block @param {string} why */
function unknownBlock(block, why) {
  return h('div', { class: 'block-unknown' }, h('p', {}, `${why}. Raw JSON:`), h('pre', {}, JSON.stringify(block, null, 2)));
}

/** @param {any} block @param {Surface} surface */
function section(block, surface) {
  const body = h('div', { class: 'section-body' });
  if (block.text) body.append(renderText(block.text, surface.dir));
  if (Array.isArray(block.fields))
    body.append(
      h(
        'div',
        { class: 'section-fields' },
        block.fields.map((/** @type {any} */ f) => h('div', { class: 'section-field' }, renderText(f, surface.dir))),
      ),
    );
  const accessory = block.accessory
    ? h('div', { class: 'section-accessory' }, renderElement(block.accessory, block, surface, { label: textOf(block.text) || undefined }))
    : null;
  return h('div', { class: 'block-section' }, body, accessory);
}

const GROUPED = new Set(['checkboxes', 'radio_buttons']);

/** An input block: label, control, hint, and the error the app returned with response_action errors. @param {any} block @param {Surface} surface */
function input(block, surface) {
  const el = block.element ?? {};
  const controlId = uid('input');
  const hintId = block.hint ? uid('hint') : undefined;
  const error = surface.errors?.[block.block_id];
  const errorId = error ? uid('error') : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const labelText = [renderPlain(block.label), block.optional ? h('span', { class: 'optional' }, ' (optional)') : null];
  const control = renderElement(el, block, surface, {
    inInput: true,
    controlId: GROUPED.has(el.type) ? undefined : controlId,
    describedBy,
    label: textOf(block.label),
  });
  const hint = block.hint ? h('p', { id: hintId, class: 'input-hint' }, renderPlain(block.hint)) : null;
  const errorText = error ? h('p', { id: errorId, class: 'input-error' }, h('span', { 'aria-hidden': 'true' }, '\u26a0 '), error) : null;
  const attrs = { class: `block-input${error ? ' has-error' : ''}`, 'data-input-block': block.block_id, 'data-required': block.optional ? undefined : 'true' };
  if (GROUPED.has(el.type)) return h('fieldset', attrs, h('legend', {}, labelText), control, hint, errorText);
  return h('div', attrs, h('label', { for: controlId, class: 'input-label' }, labelText), control, hint, errorText);
}

/** The `markdown` block takes standard Markdown; map the common marks onto mrkdwn. @param {string} text */
function markdownToMrkdwn(text) {
  return text
    .replace(/&/g, '&amp;')
    .replace(/\*\*(.+?)\*\*/g, '*$1*')
    .replace(/~~(.+?)~~/g, '~$1~')
    .replace(/\[([^\]]+)\]\((https?:[^)\s]+)\)/g, '<$2|$1>')
    .replace(/^#{1,6}\s+(.*)$/gm, '*$1*');
}

// ---------- rich_text ----------

/** @param {any} block @param {Surface} surface */
function richText(block, surface) {
  return h(
    'div',
    { class: 'block-rich-text' },
    (block.elements ?? []).map((/** @type {any} */ el) => richContainer(el, surface)),
  );
}

/** @param {any} el @param {Surface} surface @returns {HTMLElement} */
function richContainer(el, surface) {
  switch (el.type) {
    case 'rich_text_section':
      return h('p', {}, richInline(el.elements, surface));
    case 'rich_text_preformatted':
      return h('pre', { class: 'mrkdwn-pre' }, richInline(el.elements, surface));
    case 'rich_text_quote':
      return h('blockquote', {}, richInline(el.elements, surface));
    case 'rich_text_list': {
      const tag = el.style === 'ordered' ? 'ol' : 'ul';
      const list = h(
        tag,
        { class: `rich-list indent-${Number(el.indent ?? 0)}`, start: el.offset ? String(Number(el.offset) + 1) : undefined },
        (el.elements ?? []).map((/** @type {any} */ item) => h('li', {}, richInline(item.elements, surface))),
      );
      return list;
    }
    default:
      return unknownBlock(el, `Rich text element \u201c${String(el.type)}\u201d is not rendered by the sandbox`);
  }
}

/** @param {any[]} elements @param {Surface} surface @returns {Node[]} */
function richInline(elements, surface) {
  return (Array.isArray(elements) ? elements : []).map((el) => styled(richLeaf(el, surface), el.style));
}

/** @param {any} el @param {Surface} surface @returns {Node} */
function richLeaf(el, surface) {
  const dir = surface.dir;
  switch (el.type) {
    case 'text':
      return document.createTextNode(String(el.text ?? ''));
    case 'link':
      return link(String(el.url ?? ''), String(el.text ?? el.url ?? ''));
    case 'user':
      return userMention(String(el.user_id), dir);
    case 'channel':
      return h('span', { class: 'mention channel-mention' }, `#${dir.channelNames[el.channel_id] ?? el.channel_id}`);
    case 'usergroup':
      return h('span', { class: 'mention' }, `@${String(el.usergroup_id)}`);
    case 'broadcast':
      return h('span', { class: 'mention mention-broadcast' }, `@${String(el.range)}`);
    case 'emoji': {
      const fromCode =
        typeof el.unicode === 'string' && /^[0-9a-f-]+$/i.test(el.unicode)
          ? String.fromCodePoint(...el.unicode.split('-').map((/** @type {string} */ c) => parseInt(c, 16)))
          : undefined;
      const char = fromCode ?? emojiFor(String(el.name));
      return char ? emoji(String(el.name), char) : document.createTextNode(`:${String(el.name)}:`);
    }
    case 'date':
      return dateNode(Number(el.timestamp), String(el.format ?? '{date_short}'), String(el.fallback ?? ''), el.url, dir);
    case 'color':
      return h('span', { class: 'color-chip' }, String(el.value ?? ''));
    default:
      return h('code', {}, JSON.stringify(el));
  }
}

/** @param {Node} node @param {any} style */
function styled(node, style) {
  if (!style || typeof style !== 'object') return node;
  let out = node;
  if (style.code) out = h('code', {}, out);
  if (style.strike) out = h('s', {}, out);
  if (style.italic) out = h('em', {}, out);
  if (style.bold) out = h('strong', {}, out);
  return out;
}
