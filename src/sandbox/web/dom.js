// The one way this page creates elements. Text always goes in as text nodes (never as HTML),
// so nothing an app or a user writes can become markup.

/**
 * h('button', { class: 'x', onclick: fn, 'aria-label': 'Close' }, 'Close')
 * Attribute values: strings; `true` sets an empty attribute, false/null/undefined skip it.
 * Keys starting with "on" attach listeners. Children: nodes, strings, arrays, null.
 * @param {string} tag
 * @param {Record<string, unknown>} [attrs]
 * @param {...unknown} children
 * @returns {HTMLElement}
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), /** @type {EventListener} */ (value));
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

/** @param {Node} parent @param {unknown} child */
export function append(parent, child) {
  if (child === undefined || child === null || child === false) return;
  if (Array.isArray(child)) {
    for (const c of child) append(parent, c);
  } else if (child instanceof Node) {
    parent.appendChild(child);
  } else {
    parent.appendChild(document.createTextNode(String(child)));
  }
}

/** @param {Element} el */
export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
}

let idCounter = 0;
/** Unique ids for label/aria-describedby pairs. @param {string} prefix */
export function uid(prefix) {
  idCounter += 1;
  return `${prefix}-${idCounter}`;
}

/**
 * Remembers which control has focus (by its Block Kit ids) so it can be focused again after a
 * re-render, e.g. when the app updates a modal while the user is in it.
 * @param {Element} root
 */
export function rememberFocus(root) {
  const active = document.activeElement;
  if (!(active instanceof HTMLElement) || !root.contains(active)) return () => {};
  const actionId = active.dataset.actionId;
  const blockId = active.dataset.blockId;
  const focusKey = active.dataset.focusKey;
  return () => {
    /** @type {HTMLElement | null} */
    let target = null;
    if (focusKey) target = root.querySelector(`[data-focus-key="${CSS.escape(focusKey)}"]`);
    if (!target && actionId) {
      const selector = `[data-action-id="${CSS.escape(actionId)}"]${blockId ? `[data-block-id="${CSS.escape(blockId)}"]` : ''}`;
      target = root.querySelector(selector);
    }
    if (target && document.activeElement !== target) target.focus();
  };
}
