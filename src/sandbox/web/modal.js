// The app's modal stack (views.open / push / update, response_action) as one accessible dialog
// showing the top view. Submit checks required inputs like Slack's client, then sends
// view_submission; the app's `errors` appear under their inputs. Cancel pops the top view,
// the X closes them all, Escape is Cancel; view_closed goes to the app when it asked for it.
import { h, rememberFocus } from './dom.js';
import { renderBlocks } from './blocks.js';
import { renderPlain } from './mrkdwn.js';

/**
 * @typedef {{
 *   userId: () => string,
 *   dir: () => import('./elements.js').Dir,
 *   post: (path: string, body: Record<string, unknown>) => Promise<any>,
 *   confirm: (confirm: any) => Promise<boolean>,
 *   values: import('./view-values.js').ViewValues,
 *   fallbackFocus: () => HTMLElement | null,
 *   reportError: (message: string) => void,
 * }} ModalDeps
 */

export class ModalController {
  /** @param {HTMLDialogElement} dialog @param {ModalDeps} deps */
  constructor(dialog, deps) {
    this.dialog = dialog;
    this.deps = deps;
    /** @type {any[]} */
    this.stack = [];
    this.renderedKey = '';
    /** @type {Record<string, string>} errors Slack's client shows itself (required fields) */
    this.clientErrors = {};
    this.alert = '';
    this.busy = false;
    this.serverErrorsJson = '{}';
    /** @type {HTMLElement | null} */
    this.opener = null;
    dialog.addEventListener('cancel', (event) => {
      event.preventDefault();
      void this.close(false);
    });
  }

  get top() {
    return this.stack.at(-1);
  }

  /** @param {any[]} stack the person's open views, root first */
  render(stack) {
    const previousTop = this.top;
    this.stack = stack;
    const top = this.top;
    if (!top) {
      this.renderedKey = '';
      if (this.dialog.open) this.hide();
      return;
    }
    // A new or updated view starts without the client's own complaints, as in Slack.
    if (previousTop?.id !== top.id || previousTop?.hash !== top.hash) {
      this.clientErrors = {};
      this.alert = '';
    }
    const key = JSON.stringify([top.id, top.hash, top.errors, stack.length, this.clientErrors, this.alert, this.busy]);
    if (key === this.renderedKey) return;
    this.renderedKey = key;
    const restore = rememberFocus(this.dialog);
    const errorsJson = JSON.stringify(top.errors ?? {});
    // The app's response_action errors just arrived: take the person to the first one.
    const newServerErrors = previousTop?.id === top.id && errorsJson !== this.serverErrorsJson && Object.keys(top.errors ?? {}).length > 0;
    this.serverErrorsJson = errorsJson;
    this.dialog.replaceChildren(...this.content(top));
    if (!this.dialog.open) {
      this.opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      this.dialog.showModal();
      this.focusFirst();
    } else if (previousTop?.id !== top.id) {
      this.focusFirst();
    } else if (newServerErrors) {
      this.focusFirstError();
    } else if (!hasField(previousTop) && hasField(top)) {
      // A "Loading…" view the app replaced with its form: start on the form's first field,
      // as Slack does, rather than on the Cancel button the loading view could only offer.
      this.focusFirst();
    } else {
      restore();
    }
  }

  /** @param {any} view */
  content(view) {
    const errors = { ...(view.errors ?? {}), ...this.clientErrors };
    const surface = {
      kind: /** @type {const} */ ('modal'),
      dir: this.deps.dir(),
      errors,
      confirm: this.deps.confirm,
      ...this.deps.values.hooks(view),
      /** @param {{element: any, block: any, value?: unknown}} action */
      dispatch: async ({ element, block, value }) => {
        await this.deps.values.flush();
        await this.deps.post('/sandbox/api/action', { user: this.deps.userId(), viewId: view.id, actionId: element.action_id, blockId: block.block_id, value });
      },
    };
    const position = this.stack.length > 1 ? h('span', { class: 'modal-position' }, `Step ${this.stack.length}`) : null;
    const errorCount = Object.keys(errors).length;
    return [
      h(
        'div',
        { class: 'modal-header' },
        h('h2', { id: 'modal-title', class: 'dialog-title' }, renderPlain(view.title)),
        position,
        h(
          'button',
          { type: 'button', class: 'icon-button', 'aria-label': this.stack.length > 1 ? 'Close all' : 'Close', onclick: () => void this.close(true) },
          '\u2715',
        ),
      ),
      h(
        'div',
        { class: 'modal-alert', role: 'alert' },
        this.alert ? this.alert : errorCount > 0 ? `Please fix ${errorCount === 1 ? 'the field' : `${errorCount} fields`} marked below.` : '',
      ),
      h('div', { class: 'modal-body' }, renderBlocks(view.blocks, surface)),
      h(
        'div',
        { class: 'dialog-footer' },
        h(
          'button',
          { type: 'button', class: 'sk-button', 'data-focus-key': 'modal-close', onclick: () => void this.close(false) },
          renderPlain(view.close ?? { text: 'Cancel' }),
        ),
        view.submit
          ? h(
              'button',
              {
                type: 'button',
                class: 'sk-button sk-button-primary',
                'data-focus-key': 'modal-submit',
                'aria-busy': this.busy ? 'true' : undefined,
                disabled: this.busy,
                onclick: () => void this.submit(),
              },
              renderPlain(view.submit),
            )
          : null,
      ),
    ];
  }

  focusFirst() {
    // The first field to fill in; a button only when the view has no field at all.
    const first = this.dialog.querySelector('.modal-body input, .modal-body select, .modal-body textarea') ?? this.dialog.querySelector('.modal-body button');
    /** @type {HTMLElement | null} */ (first ?? this.dialog.querySelector('.dialog-footer button'))?.focus();
  }

  async submit() {
    const view = this.top;
    if (!view || this.busy) return;
    await this.deps.values.flush();
    const { values, errors } = this.collect(view);
    this.alert = '';
    this.clientErrors = errors;
    if (Object.keys(errors).length > 0) {
      this.rerender();
      this.focusFirstError();
      return;
    }
    this.busy = true;
    this.rerender();
    try {
      const reply = await this.deps.post('/sandbox/api/view-submit', { user: this.deps.userId(), viewId: view.id, values });
      const outcome = reply.outcome;
      if (outcome?.kind === 'incomplete') this.clientErrors = outcome.errors;
      if (outcome?.kind === 'unreachable') this.alert = outcome.message;
    } catch (error) {
      this.alert = error instanceof Error ? error.message : String(error);
    } finally {
      this.busy = false;
      this.rerender();
      if (Object.keys(this.clientErrors).length > 0) this.focusFirstError();
    }
  }

  /** Values of the view's input blocks, and the errors Slack's client would show before sending. @param {any} view */
  collect(view) {
    /** @type {Record<string, unknown>} */
    const values = {};
    /** @type {Record<string, string>} */
    const errors = {};
    const hooks = this.deps.values.hooks(view);
    for (const block of view.blocks ?? []) {
      if (block.type !== 'input' || !block.element?.action_id) continue;
      const value = hooks.readValue(block.block_id, block.element.action_id);
      values[block.block_id] = value === undefined ? null : value;
      const problem = inputProblem(block, value);
      if (problem) errors[block.block_id] = problem;
    }
    return { values, errors };
  }

  focusFirstError() {
    const field = this.dialog.querySelector('.block-input.has-error');
    /** @type {HTMLElement | null} */ (field?.querySelector('input, select, textarea') ?? null)?.focus();
  }

  rerender() {
    this.renderedKey = '';
    this.render(this.stack);
  }

  /** @param {boolean} all */
  async close(all) {
    const view = this.top;
    if (!view) return;
    try {
      await this.deps.post('/sandbox/api/view-close', { user: this.deps.userId(), viewId: view.id, all });
      this.deps.values.forget(view.id);
    } catch (error) {
      this.deps.reportError(error instanceof Error ? error.message : String(error));
    }
  }

  hide() {
    this.dialog.close();
    this.dialog.replaceChildren();
    this.clientErrors = {};
    this.alert = '';
    const target = this.opener?.isConnected ? this.opener : this.deps.fallbackFocus();
    this.opener = null;
    target?.focus();
  }
}

/**
 * What Slack's client itself refuses before sending a submission: empty required inputs, text
 * shorter than min_length, and malformed emails, URLs and numbers.
 * @param {any} block @param {unknown} value @returns {string | undefined}
 */
export function inputProblem(block, value) {
  const el = block.element ?? {};
  const empty = value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
  if (empty) return block.optional === true ? undefined : 'Please complete this required field.';
  if (typeof value !== 'string') return undefined;
  const minLength = Number(el.min_length ?? 0);
  if (minLength > 0 && [...value].length < minLength) return `Please enter at least ${minLength} characters.`;
  if (el.type === 'email_text_input' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) return 'Please enter a valid email address.';
  if (el.type === 'url_text_input' && !isUrl(value)) return 'Please enter a valid URL.';
  if (el.type === 'number_input') {
    const n = Number(value);
    if (value.trim() === '' || Number.isNaN(n) || (!el.is_decimal_allowed && !Number.isInteger(n))) return 'Please enter a number.';
    if (el.min_value !== undefined && n < Number(el.min_value)) return `Please enter a number of at least ${el.min_value}.`;
    if (el.max_value !== undefined && n > Number(el.max_value)) return `Please enter a number no greater than ${el.max_value}.`;
  }
  return undefined;
}

/** @param {string} value */
function isUrl(value) {
  try {
    return Boolean(new URL(value).host);
  } catch {
    return false;
  }
}

/** @param {any} view */
function hasField(view) {
  return Boolean(view?.blocks?.some((/** @type {any} */ b) => b.type === 'input'));
}
