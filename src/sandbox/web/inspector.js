// Every request between the app and Slack: the app's Web API calls (→ Slack) and what Slack
// sent the app (→ app), newest first, with Slack's rule violations marked in words and colour.
import { h } from './dom.js';

const MAX_ENTRIES = 500;

/**
 * @typedef {{id:string, direction:'to-slack'|'to-app', at:number, name:string, ok:boolean, outcome:string, ms:number,
 *   request:unknown, response:unknown, violations:{code:string,message:string,pointer?:string}[], fault?:string}} Entry
 */

export class Inspector {
  /** @param {HTMLElement} root */
  constructor(root) {
    this.summary = h('p', { class: 'inspector-summary' });
    this.onlyProblems = /** @type {HTMLInputElement} */ (h('input', { type: 'checkbox', id: 'inspector-only-problems' }));
    this.onlyProblems.addEventListener('change', () => this.list.classList.toggle('only-problems', this.onlyProblems.checked));
    this.list = h('ol', { class: 'inspector-list', 'aria-label': 'Requests, newest first' });
    this.count = 0;
    this.violations = 0;
    /** @type {Set<string>} */
    this.seen = new Set();
    root.append(
      this.summary,
      h('div', { class: 'inspector-filter' }, this.onlyProblems, h('label', { for: 'inspector-only-problems' }, 'Show only problems')),
      this.list,
    );
    this.updateSummary();
  }

  /** @param {Entry[]} entries @param {number} violations */
  reset(entries, violations) {
    this.list.replaceChildren();
    this.seen.clear();
    this.count = 0;
    for (const entry of entries.slice(-MAX_ENTRIES)) this.add(entry);
    this.setViolations(violations);
  }

  /** @param {Entry} entry */
  add(entry) {
    if (this.seen.has(entry.id)) return;
    this.seen.add(entry.id);
    this.count += 1;
    this.list.prepend(entryNode(entry));
    while (this.list.childElementCount > MAX_ENTRIES) this.list.lastElementChild?.remove();
    this.updateSummary();
  }

  /** @param {number} n */
  setViolations(n) {
    this.violations = n;
    this.updateSummary();
  }

  updateSummary() {
    const v = this.violations;
    this.summary.replaceChildren(
      `${this.count} request${this.count === 1 ? '' : 's'} \u00b7 `,
      h('span', { class: v > 0 ? 'violation-count has-violations' : 'violation-count' }, `${v} violation${v === 1 ? '' : 's'}`),
    );
  }
}

/** @param {Entry} entry */
function entryNode(entry) {
  const problem = !entry.ok;
  const violations = entry.violations.length;
  const classes = ['inspector-entry', entry.direction, problem ? 'problem' : 'ok', violations > 0 ? 'has-violation' : ''].filter(Boolean).join(' ');
  const time = new Date(entry.at).toLocaleTimeString('en-US', { hour12: false });
  const summary = h(
    'summary',
    {},
    h('span', { class: 'entry-direction' }, entry.direction === 'to-app' ? '\u2192 app' : '\u2192 Slack'),
    h('span', { class: 'entry-name' }, entry.name),
    h('span', { class: `entry-outcome${problem ? ' entry-outcome-bad' : ''}` }, entry.outcome),
    h('span', { class: 'entry-ms' }, `${entry.ms} ms`),
    h('time', { class: 'entry-time' }, time),
    violations > 0 ? h('strong', { class: 'violation-flag' }, `\u26a0 ${violations} violation${violations === 1 ? '' : 's'}`) : null,
    entry.fault ? h('span', { class: 'entry-fault' }, `fault: ${entry.fault}`) : null,
  );
  const body = h(
    'div',
    { class: 'entry-body' },
    violations > 0
      ? [
          h('h3', {}, 'Violations'),
          h(
            'ul',
            { class: 'violation-list' },
            entry.violations.map((v) =>
              h('li', {}, h('code', {}, v.code), ` ${v.message}`, v.pointer ? h('span', { class: 'pointer' }, ` at ${v.pointer}`) : null),
            ),
          ),
        ]
      : null,
    h('h3', {}, entry.direction === 'to-app' ? 'Sent to the app' : 'Arguments'),
    h('pre', {}, json(entry.request)),
    h('h3', {}, entry.direction === 'to-app' ? 'The app answered' : 'Slack answered'),
    h('pre', {}, json(entry.response)),
  );
  return h('li', { class: classes }, h('details', {}, summary, body));
}

/** @param {unknown} value */
function json(value) {
  if (value === undefined) return '(nothing)';
  if (typeof value === 'string') return value === '' ? '(empty body)' : value;
  return JSON.stringify(value, null, 2);
}
