// Block Kit's confirmation dialog ({title, text, confirm, deny, style}) before a button or a
// choice reaches the app. Resolves true only when the person confirms.
import { clear, h } from './dom.js';
import { renderText, renderPlain } from './mrkdwn.js';

/** @param {HTMLDialogElement} dialog @param {any} confirm @param {import('./mrkdwn.js').Directory} dir @returns {Promise<boolean>} */
export function askToConfirm(dialog, confirm, dir) {
  return new Promise((resolve) => {
    clear(dialog);
    const titleId = 'confirm-title';
    dialog.setAttribute('aria-labelledby', titleId);
    const style = confirm.style === 'danger' ? 'sk-button-danger' : 'sk-button-primary';
    const done = (/** @type {boolean} */ answer) => {
      dialog.close();
      resolve(answer);
    };
    const deny = h('button', { type: 'button', class: 'sk-button', onclick: () => done(false) }, renderPlain(confirm.deny ?? { text: 'Cancel' }));
    const ok = h('button', { type: 'button', class: `sk-button ${style}`, onclick: () => done(true) }, renderPlain(confirm.confirm ?? { text: 'Yes' }));
    dialog.append(
      h('h2', { id: titleId, class: 'dialog-title' }, renderPlain(confirm.title ?? { text: 'Are you sure?' })),
      h('div', { class: 'dialog-body' }, renderText(confirm.text ?? { type: 'plain_text', text: '' }, dir)),
      h('div', { class: 'dialog-footer' }, deny, ok),
    );
    // Escape (the dialog's cancel event) means "no".
    dialog.oncancel = (event) => {
      event.preventDefault();
      done(false);
    };
    dialog.showModal();
    deny.focus();
  });
}
