// "Run a workflow step": what Workflow Builder would do when a workflow the current person
// uses reaches one of the app's custom steps. The person fills the user inputs; the page
// asks for the rest and shows how the app ended the run (its outputs, or its error).
import { h } from './dom.js';

/**
 * @param {HTMLElement} root
 * @param {{callbackId: string, title: string, inputs: {name: string, title: string, hint: string}[]}[]} steps
 * @param {(path: string, body: Record<string, unknown>) => Promise<any>} post
 * @param {() => string | null} user the person running the workflow
 */
export function renderWorkflowSteps(root, steps, post, user) {
  if (steps.length === 0) {
    root.hidden = true;
    return;
  }
  const select = /** @type {HTMLSelectElement} */ (
    h(
      'select',
      { id: 'step-select', class: 'sk-select' },
      steps.map((s) => h('option', { value: s.callbackId }, s.title)),
    )
  );
  const fields = h('div', { class: 'step-fields' });
  const output = h('pre', { class: 'step-output', role: 'status' });
  const run = /** @type {HTMLButtonElement} */ (h('button', { type: 'button', class: 'sk-button' }, 'Run step'));
  const showFields = () => {
    const step = steps.find((s) => s.callbackId === select.value);
    fields.replaceChildren(
      ...(step?.inputs ?? []).map((input) => {
        const id = `step-input-${input.name}`;
        return h(
          'div',
          { class: 'jobs-row' },
          h('label', { for: id, title: input.hint }, input.title),
          h('input', { id, class: 'sk-input', 'data-name': input.name, placeholder: input.hint }),
        );
      }),
    );
  };
  select.addEventListener('change', showFields);
  run.addEventListener('click', async () => {
    const runner = user();
    if (!runner) {
      output.textContent = 'Choose a person first: they run the workflow.';
      return;
    }
    /** @type {Record<string, string>} */
    const inputs = {};
    for (const input of fields.querySelectorAll('input')) inputs[input.dataset.name ?? ''] = input.value;
    run.disabled = true;
    output.textContent = 'Running\u2026';
    try {
      const { run: result } = await post('/sandbox/api/workflow-step', { user: runner, callbackId: select.value, inputs });
      output.textContent =
        result.state === 'completed'
          ? `Completed:\n${JSON.stringify(result.outputs ?? {}, null, 2)}`
          : result.state === 'failed'
            ? `Failed: ${result.error}`
            : 'The app has not ended the step yet.';
    } catch (error) {
      output.textContent = `Could not run the step: ${error instanceof Error ? error.message : String(error)}`;
    } finally {
      run.disabled = false;
    }
  });
  showFields();
  root.replaceChildren(
    h('h2', { class: 'pane-title' }, 'Workflow steps'),
    h('div', { class: 'jobs-row' }, h('label', { for: 'step-select' }, 'Step'), select),
    fields,
    run,
    output,
  );
}
