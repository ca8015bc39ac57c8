// "Run a scheduled job now": the jobs the scheduler knows, and the scheduler's answer. When the
// sandbox was started without a job runner the control stays visible but disabled, with why.
import { h } from './dom.js';

/**
 * @param {HTMLElement} root
 * @param {{names: string[], enabled: boolean, reason?: string}} jobs
 * @param {(path: string, body: Record<string, unknown>) => Promise<any>} post
 */
export function renderJobs(root, jobs, post) {
  const reasonId = 'jobs-reason';
  const select = /** @type {HTMLSelectElement} */ (h('select', { id: 'job-select', class: 'sk-select', disabled: !jobs.enabled, 'aria-describedby': jobs.enabled ? undefined : reasonId },
    jobs.names.map((name) => h('option', { value: name }, name))));
  const output = h('p', { class: 'jobs-output', role: 'status' });
  const run = /** @type {HTMLButtonElement} */ (h('button', { type: 'button', class: 'sk-button', disabled: !jobs.enabled, 'aria-describedby': jobs.enabled ? undefined : reasonId }, 'Run now'));
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
    h('div', { class: 'jobs-row' }, h('label', { for: 'job-select' }, 'Job'), select, run),
    ...(jobs.enabled ? [] : [h('p', { id: reasonId, class: 'note' }, jobs.reason ?? 'Not available.')]),
    output,
  );
}
