// Block Kit's interactive elements as real form controls. A control in an actions block or a
// section accessory sends block_actions when used; one in an input block keeps its value in
// the view's state (and sends block_actions only with dispatch_action), as in Slack.
import { h, uid } from './dom.js';
import { renderText, textOf, renderPlain } from './mrkdwn.js';
import { unixToWallTime, wallTimeToUnix } from './zoned-time.js';

/**
 * @typedef {import('./mrkdwn.js').Directory & {selectableUsers: {id:string,name:string}[]}} Dir
 * @typedef {Object} Surface
 * @property {'message'|'modal'|'home'} kind
 * @property {Dir} dir
 * @property {(action: {element: any, block: any, value?: unknown}) => Promise<void>} dispatch block_actions
 * @property {(blockId: string, actionId: string, value: unknown) => void} [setValue] keeps view state
 * @property {(blockId: string, actionId: string) => unknown} [readValue] current value in a view, if any
 * @property {Record<string, string>} [errors] per block_id
 * @property {(confirm: any) => Promise<boolean>} confirm
 * @typedef {{inInput?: boolean, controlId?: string, describedBy?: string, label?: string}} ElementOptions
 */

/** Slack's state value → what a control holds. @param {any} sv */
export function inputFromState(sv) {
  if (!sv || typeof sv !== 'object') return undefined;
  for (const key of [
    'value',
    'selected_date',
    'selected_time',
    'selected_date_time',
    'selected_user',
    'selected_users',
    'selected_conversation',
    'selected_conversations',
    'selected_channel',
    'selected_channels',
  ]) {
    if (key in sv) return sv[key];
  }
  if ('selected_option' in sv) return sv.selected_option?.value ?? null;
  if ('selected_options' in sv) return (sv.selected_options ?? []).map((/** @type {any} */ o) => o.value);
  if ('rich_text_value' in sv) return typeof sv.rich_text_value === 'string' ? sv.rich_text_value : null;
  return undefined;
}

/** The element's own initial_* value. @param {any} el */
function initialValue(el) {
  if (el.initial_value !== undefined) return el.initial_value;
  if (el.initial_option) return el.initial_option.value;
  if (el.initial_options) return el.initial_options.map((/** @type {any} */ o) => o.value);
  for (const key of [
    'initial_date',
    'initial_time',
    'initial_date_time',
    'initial_user',
    'initial_users',
    'initial_conversation',
    'initial_conversations',
    'initial_channel',
    'initial_channels',
  ]) {
    if (el[key] !== undefined) return el[key];
  }
  return undefined;
}

/** @param {any} el @param {any} block @param {Surface} surface */
export function currentValue(el, block, surface) {
  const fromView = surface.readValue?.(block.block_id, el.action_id);
  return fromView !== undefined ? fromView : initialValue(el);
}

/** @param {any} el */
function allOptions(el) {
  const groups = Array.isArray(el.option_groups) ? el.option_groups : [];
  return [...(Array.isArray(el.options) ? el.options : []), ...groups.flatMap((/** @type {any} */ g) => g.options ?? [])];
}

/**
 * @param {any} el @param {any} block @param {Surface} surface @param {ElementOptions} [opts]
 * @returns {HTMLElement}
 */
export function renderElement(el, block, surface, opts = {}) {
  const ids = { 'data-action-id': el.action_id, 'data-block-id': block.block_id };
  /** Sends block_actions, after Slack's confirm dialog when the element has one. @param {unknown} value */
  const act = async (value) => {
    if (el.confirm && !(await surface.confirm(el.confirm))) return false;
    await surface.dispatch({ element: el, block, value });
    return true;
  };
  const dispatches = !opts.inInput || block.dispatch_action === true;
  /** A value changed: keep it in the view and, when this element dispatches, tell the app. @param {unknown} value */
  const changed = async (value) => {
    surface.setValue?.(block.block_id, el.action_id, value);
    if (dispatches) return act(value);
    return true;
  };
  const common = { ...ids, id: opts.controlId, 'aria-describedby': opts.describedBy, 'aria-invalid': surface.errors?.[block.block_id] ? 'true' : undefined };
  const label = opts.label ?? (textOf(el.placeholder) || undefined);

  switch (el.type) {
    case 'button':
    case 'workflow_button':
      return button(el, ids, act);
    case 'overflow':
      return overflow(el, ids, act);
    case 'static_select':
    case 'multi_static_select':
      return select(el, allOptions(el), el.option_groups, currentValue(el, block, surface), common, label, changed);
    case 'users_select':
    case 'multi_users_select':
      return select(
        el,
        surface.dir.selectableUsers.map((u) => ({ value: u.id, text: { type: 'plain_text', text: u.name } })),
        undefined,
        currentValue(el, block, surface),
        common,
        label,
        changed,
      );
    case 'conversations_select':
    case 'multi_conversations_select':
    case 'channels_select':
    case 'multi_channels_select':
      return select(
        el,
        Object.entries(surface.dir.channelNames).map(([id, name]) => ({ value: id, text: { type: 'plain_text', text: `#${name}` } })),
        undefined,
        currentValue(el, block, surface),
        common,
        label,
        changed,
      );
    case 'external_select':
    case 'multi_external_select':
      return unsupported(el, 'Options come from the app\u2019s options load URL (block_suggestion), which the sandbox does not send yet.', common);
    case 'datepicker':
      return dateLike('date', el, currentValue(el, block, surface), common, label ?? 'Pick a date', changed);
    case 'timepicker':
      return dateLike('time', el, currentValue(el, block, surface), common, label ?? 'Pick a time', changed);
    case 'datetimepicker': {
      const unix = currentValue(el, block, surface);
      const input = h('input', {
        ...common,
        type: 'datetime-local',
        class: 'sk-input',
        'aria-label': opts.controlId ? undefined : (label ?? 'Pick a date and time'),
      });
      if (typeof unix === 'number') /** @type {HTMLInputElement} */ (input).value = unixToWallTime(unix, surface.dir.tz);
      input.addEventListener('change', () => void changed(wallTimeToUnix(/** @type {HTMLInputElement} */ (input).value, surface.dir.tz)));
      return input;
    }
    case 'checkboxes':
    case 'radio_buttons':
      return choices(el, currentValue(el, block, surface), common, opts, surface, changed);
    case 'plain_text_input':
    case 'email_text_input':
    case 'url_text_input':
    case 'number_input':
    case 'rich_text_input':
      return textInput(el, block, currentValue(el, block, surface), common, opts, label, surface, act);
    case 'image':
      return image(imageSource(el), el.alt_text, 'element-image');
    case 'file_input':
      return unsupported(el, 'File uploads from a modal are not supported by the sandbox yet.', common);
    default:
      return h(
        'pre',
        { class: 'block-unknown' },
        `Element type \u201c${String(el.type)}\u201d is not rendered by the sandbox:\n${JSON.stringify(el, null, 2)}`,
      );
  }
}

/** @param {any} el @param {Record<string,string>} ids @param {(v: unknown) => Promise<boolean>} act */
function button(el, ids, act) {
  const style = el.style === 'primary' || el.style === 'danger' ? ` sk-button-${el.style}` : '';
  const b = /** @type {HTMLButtonElement} */ (
    h('button', { ...ids, type: 'button', class: `sk-button${style}`, 'aria-label': el.accessibility_label }, renderPlain(el.text))
  );
  if (el.type === 'workflow_button') {
    b.title = 'Workflows are not run by the sandbox';
    return b;
  }
  b.addEventListener('click', async () => {
    // Link buttons open the page and still tell the app, as Slack does.
    if (el.url) window.open(el.url, '_blank', 'noopener,noreferrer');
    b.setAttribute('aria-busy', 'true');
    b.disabled = true;
    try {
      await act(undefined);
    } finally {
      b.disabled = false;
      b.removeAttribute('aria-busy');
      // Back to the button only if nothing else (e.g. a modal it opened) took focus meanwhile.
      if (b.isConnected && (document.activeElement === document.body || document.activeElement === b)) b.focus();
    }
  });
  return b;
}

/** @param {any} el @param {Record<string,string>} ids @param {(v: unknown) => Promise<boolean>} act */
function overflow(el, ids, act) {
  const menuId = uid('overflow');
  const wrapper = h('div', { class: 'overflow' });
  const toggle = h(
    'button',
    {
      ...ids,
      type: 'button',
      class: 'sk-button sk-overflow',
      'aria-haspopup': 'menu',
      'aria-expanded': 'false',
      'aria-controls': menuId,
      'aria-label': 'More actions',
    },
    '\u22ef',
  );
  const items = (el.options ?? []).map((/** @type {any} */ option) =>
    h(
      'button',
      {
        type: 'button',
        role: 'menuitem',
        class: 'overflow-item',
        tabindex: '-1',
        onclick: async () => {
          close();
          if (option.url) window.open(option.url, '_blank', 'noopener,noreferrer');
          toggle.focus();
          await act(option.value);
        },
      },
      renderPlain(option.text),
    ),
  );
  const menu = h('div', { id: menuId, role: 'menu', class: 'overflow-menu', hidden: true }, items);
  const close = () => {
    menu.hidden = true;
    toggle.setAttribute('aria-expanded', 'false');
    window.removeEventListener('scroll', close, true);
  };
  const open = () => {
    menu.hidden = false;
    placeMenu(toggle, menu);
    toggle.setAttribute('aria-expanded', 'true');
    // The menu is placed against the window: a scroll would leave it behind, so it closes.
    window.addEventListener('scroll', close, true);
    items[0]?.focus();
  };
  toggle.addEventListener('click', () => (menu.hidden ? open() : close()));
  menu.addEventListener('keydown', (event) => {
    const index = items.indexOf(/** @type {HTMLElement} */ (document.activeElement));
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close();
      toggle.focus();
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const next = (index + (event.key === 'ArrowDown' ? 1 : -1) + items.length) % items.length;
      items[next]?.focus();
    } else if (event.key === 'Tab') {
      close();
    }
  });
  wrapper.addEventListener('focusout', (event) => {
    if (!wrapper.contains(/** @type {Node | null} */ (event.relatedTarget))) close();
  });
  wrapper.append(toggle, menu);
  return wrapper;
}

/**
 * Puts an open menu next to its button against the window, not inside the scrolling list or
 * modal body holding the button, which would clip it (a message near the bottom of the log,
 * the last row of a modal). It opens upwards when there is no room below, as Slack's does.
 * @param {HTMLElement} toggle @param {HTMLElement} menu
 */
function placeMenu(toggle, menu) {
  const r = toggle.getBoundingClientRect();
  menu.style.position = 'fixed';
  menu.style.right = 'auto';
  const height = menu.offsetHeight;
  const width = menu.offsetWidth;
  const room = window.innerHeight - r.bottom;
  const top = room >= height + 4 || r.top < height + 4 ? Math.max(4, Math.min(r.bottom + 2, window.innerHeight - height - 4)) : r.top - height - 2;
  menu.style.top = `${top}px`;
  menu.style.left = `${Math.max(4, Math.min(r.right - width, window.innerWidth - width - 4))}px`;
}

/**
 * @param {any} el @param {any[]} options @param {any[] | undefined} groups @param {unknown} value
 * @param {Record<string, unknown>} common @param {string | undefined} label @param {(v: unknown) => Promise<boolean>} changed
 */
function select(el, options, groups, value, common, label, changed) {
  const multi = String(el.type).startsWith('multi_');
  const s = /** @type {HTMLSelectElement} */ (
    h('select', {
      ...common,
      class: 'sk-select',
      multiple: multi,
      size: multi ? String(Math.min(Math.max(options.length, 2), 5)) : undefined,
      'aria-label': common.id ? undefined : (label ?? 'Choose an option'),
    })
  );
  if (!multi) s.append(h('option', { value: '' }, textOf(el.placeholder) || 'Select an option'));
  const selected = new Set(Array.isArray(value) ? value : value == null ? [] : [value]);
  /** @param {any} o */
  const option = (o) => h('option', { value: o.value, selected: selected.has(o.value) }, textOf(o.text));
  if (Array.isArray(groups) && groups.length > 0) {
    for (const o of el.options ?? []) s.append(option(o));
    for (const g of groups) s.append(h('optgroup', { label: textOf(g.label) }, (g.options ?? []).map(option)));
  } else {
    for (const o of options) s.append(option(o));
  }
  let previous = readSelect(s, multi);
  s.addEventListener('change', async () => {
    const next = readSelect(s, multi);
    const accepted = await changed(next);
    // A declined confirm dialog puts the old choice back.
    if (accepted === false) writeSelect(s, previous);
    else previous = next;
  });
  return s;
}

/** @param {HTMLSelectElement} s @param {boolean} multi */
function readSelect(s, multi) {
  if (multi) return [...s.selectedOptions].map((o) => o.value);
  return s.value === '' ? null : s.value;
}

/** @param {HTMLSelectElement} s @param {unknown} value */
function writeSelect(s, value) {
  const wanted = new Set(Array.isArray(value) ? value : [value ?? '']);
  for (const o of s.options) o.selected = wanted.has(o.value);
}

/**
 * @param {'date'|'time'} type @param {any} el @param {unknown} value @param {Record<string, unknown>} common
 * @param {string} label @param {(v: unknown) => Promise<boolean>} changed
 */
function dateLike(type, el, value, common, label, changed) {
  const input = /** @type {HTMLInputElement} */ (h('input', { ...common, type, class: 'sk-input', 'aria-label': common.id ? undefined : label }));
  if (typeof value === 'string') input.value = value;
  input.addEventListener('change', () => void changed(input.value === '' ? null : input.value));
  return input;
}

/**
 * @param {any} el @param {unknown} value @param {Record<string, unknown>} common @param {ElementOptions} opts
 * @param {Surface} surface @param {(v: unknown) => Promise<boolean>} changed
 */
function choices(el, value, common, opts, surface, changed) {
  const radio = el.type === 'radio_buttons';
  const name = uid('choice');
  const selected = new Set(Array.isArray(value) ? value : value == null ? [] : [value]);
  const inputs = /** @type {HTMLInputElement[]} */ ([]);
  const items = (el.options ?? []).map((/** @type {any} */ o) => {
    const id = uid('opt');
    const input = /** @type {HTMLInputElement} */ (
      h('input', {
        id,
        type: radio ? 'radio' : 'checkbox',
        name,
        value: o.value,
        checked: selected.has(o.value),
        'data-action-id': el.action_id,
        'data-block-id': common['data-block-id'],
        'data-focus-key': `${String(common['data-block-id'])}/${String(el.action_id)}/${String(o.value)}`,
      })
    );
    inputs.push(input);
    return h(
      'div',
      { class: 'choice' },
      input,
      h(
        'label',
        { for: id },
        renderText(o.text, surface.dir),
        o.description ? h('span', { class: 'choice-description' }, renderText(o.description, surface.dir)) : null,
      ),
    );
  });
  const read = () => (radio ? (inputs.find((i) => i.checked)?.value ?? null) : inputs.filter((i) => i.checked).map((i) => i.value));
  for (const input of inputs) input.addEventListener('change', () => void changed(read()));
  // Inside an input block the fieldset's legend names the group; elsewhere it needs a name of its own.
  return h(
    'div',
    {
      class: 'choices',
      role: radio ? 'radiogroup' : 'group',
      'aria-label': opts.inInput ? undefined : (opts.label ?? 'Options'),
      'aria-describedby': opts.describedBy,
    },
    items,
  );
}

/**
 * @param {any} el @param {any} block @param {unknown} value @param {Record<string, unknown>} common @param {ElementOptions} opts
 * @param {string | undefined} label @param {Surface} surface @param {(v: unknown) => Promise<boolean>} act
 */
function textInput(el, block, value, common, opts, label, surface, act) {
  const multiline = el.multiline === true || el.type === 'rich_text_input';
  const type = { email_text_input: 'email', url_text_input: 'url', number_input: 'number' }[/** @type {string} */ (el.type)] ?? 'text';
  const attrs = {
    ...common,
    class: 'sk-input',
    placeholder: textOf(el.placeholder) || undefined,
    maxlength: el.max_length,
    minlength: el.min_length,
    min: el.min_value,
    max: el.max_value,
    step: el.type === 'number_input' ? (el.is_decimal_allowed ? 'any' : '1') : undefined,
    'aria-label': opts.controlId ? undefined : (label ?? 'Text'),
    'data-min-length': el.min_length,
  };
  const input = /** @type {HTMLInputElement | HTMLTextAreaElement} */ (multiline ? h('textarea', { ...attrs, rows: '3' }) : h('input', { ...attrs, type }));
  if (typeof value === 'string' || typeof value === 'number') input.value = String(value);
  const triggers = el.dispatch_action_config?.trigger_actions_on ?? ['on_enter_pressed'];
  const dispatches = !opts.inInput || block.dispatch_action === true;
  const current = () => (input.value === '' ? null : input.value);
  input.addEventListener('input', () => {
    surface.setValue?.(block.block_id, el.action_id, current());
    if (dispatches && triggers.includes('on_character_entered')) debounce(input, () => void act(current()));
  });
  if (dispatches && triggers.includes('on_enter_pressed') && !multiline) {
    input.addEventListener('keydown', (event) => {
      if (/** @type {KeyboardEvent} */ (event).key === 'Enter') {
        event.preventDefault();
        void act(current());
      }
    });
  }
  return input;
}

const timers = new WeakMap();
/** @param {object} key @param {() => void} fn */
function debounce(key, fn) {
  clearTimeout(timers.get(key));
  timers.set(key, setTimeout(fn, 400));
}

/** @param {any} el @param {string} why @param {Record<string, unknown>} common */
function unsupported(el, why, common) {
  return h(
    'div',
    { class: 'sk-unsupported' },
    h(
      'select',
      { ...common, class: 'sk-select', disabled: true, 'aria-label': textOf(el.placeholder) || String(el.type) },
      h('option', {}, textOf(el.placeholder) || String(el.type)),
    ),
    h('span', { class: 'note' }, why),
  );
}

/** An image that shows its alt text when it cannot load (the sandbox is usually offline). @param {unknown} url @param {unknown} alt @param {string} cls */
/**
 * Where an image block or element's picture comes from: its image_url, or for slack_file
 * the file's bytes as the sandbox serves them (PNG only, see page-routes.ts).
 * @param {{image_url?: string, slack_file?: {id?: string, url?: string}}} el
 */
export function imageSource(el) {
  if (el.image_url) return el.image_url;
  if (el.slack_file?.id) return `/sandbox/images/${encodeURIComponent(el.slack_file.id)}`;
  return el.slack_file?.url;
}

export function image(url, alt, cls) {
  const altText = String(alt ?? '');
  // Small images (context, accessories) get an empty box with a tooltip; big ones show their alt text.
  const placeholder = () =>
    h(
      'span',
      { class: `${cls} image-missing`, role: 'img', 'aria-label': altText || 'image', title: altText || undefined },
      cls === 'image' ? altText || 'image' : '',
    );
  if (typeof url !== 'string' || !/^(https?:|data:image\/|\/sandbox\/images\/)/i.test(url)) return placeholder();
  const img = /** @type {HTMLImageElement} */ (h('img', { class: cls, src: url, alt: altText, referrerpolicy: 'no-referrer', loading: 'lazy' }));
  img.addEventListener('error', () => img.replaceWith(placeholder()));
  return img;
}
