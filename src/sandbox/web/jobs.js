// "Run a scheduled job now": the jobs the scheduler knows, and the scheduler's answer. When the
// sandbox was started without a job runner the control stays visible but disabled, with why.
import { h } from './dom.js';

/**
 * @param {HTMLElement} root
 * @param {{names: string[], enabled: boolean, reason?: string}} jobs
 * @param {(path: string, body: Record<string, unknown>) => Promise<any>} post
 * @param {{date: string, real: boolean} | null} [today] the app's day, which "Today is" moves (sandbox only)
 */
export function renderJobs(root, jobs, post, today = null) {
  const reasonId = 'jobs-reason';
  const select = /** @type {HTMLSelectElement} */ (
    h(
      'select',
      { id: 'job-select', class: 'sk-select', disabled: !jobs.enabled, 'aria-describedby': jobs.enabled ? undefined : reasonId },
      jobs.names.map((name) => h('option', { value: name }, name)),
    )
  );
  const output = h('p', { class: 'jobs-output', role: 'status' });
  const run = /** @type {HTMLButtonElement} */ (
    h('button', { type: 'button', class: 'sk-button', disabled: !jobs.enabled, 'aria-describedby': jobs.enabled ? undefined : reasonId }, 'Run now')
  );
  run.addEventListener('click', async () => {
    run.disabled = true;
    output.textContent = `Running ${select.value}\u2026`;
    try {
      const reply = await post(`/sandbox/jobs/${encodeURIComponent(select.value)}/run`, {});
      output.textContent = `${reply.job}: ${reply.detail}`;
    } catch (error) {
      output.textContent = `Could not run ${select.value}: ${error instanceof Error ? error.message : String(error)}`;
    } finally {
      run.disabled = false;
    }
  });
  root.replaceChildren(
    h('h2', { class: 'pane-title' }, 'Scheduled jobs'),
    ...(today ? todayControl(today, post) : []),
    h('div', { class: 'jobs-row' }, h('label', { for: 'job-select' }, 'Job'), select, run),
    ...(jobs.enabled ? [] : [h('p', { id: reasonId, class: 'note' }, jobs.reason ?? 'Not available.')]),
    output,
  );
}

/**
 * "Today is": moves the app's clock to another day (the sandbox's own clock, never
 * production's), so weekday-only reminders can be tried on a weekend.
 * @param {{date: string, real: boolean}} today
 * @param {(path: string, body: Record<string, unknown>) => Promise<any>} post
 */
function todayControl(today, post) {
  const input = /** @type {HTMLInputElement} */ (
    h('input', { id: 'today-input', type: 'date', class: 'sk-input', value: today.date, 'aria-describedby': 'today-status' })
  );
  const status = h('p', { id: 'today-status', class: 'note', role: 'status' });
  /** @param {{date: string, real: boolean}} t */
  const show = (t) => {
    input.value = t.date;
    const weekday = new Date(`${t.date}T12:00:00Z`).toLocaleDateString('en-US', { weekday: 'long', timeZone: 'UTC' });
    status.textContent = t.real
      ? `The app runs on today's date (${weekday}).`
      : `The app acts as if today were ${weekday} ${t.date}; jobs and reminders follow it.`;
    reset.hidden = t.real;
  };
  /** @param {string | null} date */
  const set = async (date) => {
    try {
      show((await post('/sandbox/api/today', { date })).today);
    } catch (error) {
      status.textContent = `Could not change the day: ${error instanceof Error ? error.message : String(error)}`;
    }
  };
  const apply = h('button', { type: 'button', class: 'sk-button', onclick: () => void set(input.value || null) }, 'Set day');
  const reset = h('button', { type: 'button', class: 'sk-button', onclick: () => void set(null) }, 'Back to real today');
  show(today);
  return [h('div', { class: 'jobs-row' }, h('label', { for: 'today-input' }, 'Today is'), input, apply, reset), status];
}
