// The sandbox page's "Run a workflow step" control, through its API: the page lists the
// manifest's steps (without the user input the current person fills), and a run ends the way
// the app ended it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../../../src/sandbox/start-sandbox.js';
import { startTestSandbox } from '../../browser/support/sandbox.js';

let sandbox: RunningSandbox;

beforeAll(async () => {
  sandbox = await startTestSandbox();
});

afterAll(async () => {
  await sandbox?.stop();
});

const api = (path: string, body?: unknown) =>
  fetch(
    new URL(path, sandbox.url),
    body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
  ).then(async (r) => ({ status: r.status, json: (await r.json()) as Record<string, any> }));

describe('running a workflow step from the sandbox page', () => {
  it('lists the steps and the inputs the page asks for', async () => {
    const { json } = await api('/sandbox/api/bootstrap');
    expect(json.workflowSteps.map((s: { callbackId: string }) => s.callbackId).sort()).toEqual(['get_department_status', 'submit_reap_update']);
    const submit = json.workflowSteps.find((s: { callbackId: string }) => s.callbackId === 'submit_reap_update');
    expect(submit.inputs.map((i: { name: string }) => i.name)).toEqual(['strategy', 'status', 'narrative']);
  });

  it('runs a step as the chosen person and shows its outputs or its error', async () => {
    const ok = await api('/sandbox/api/workflow-step', { user: 'U0LIB01', callbackId: 'get_department_status', inputs: { department: 'LIB' } });
    expect(ok.status).toBe(200);
    expect(ok.json.run).toMatchObject({ status: 200, state: 'completed', outputs: { department_code: 'LIB' } });
    const refused = await api('/sandbox/api/workflow-step', { user: 'U0LIB03', callbackId: 'get_department_status', inputs: { department: 'DOT' } });
    expect(refused.json.run).toMatchObject({ state: 'failed', error: expect.stringContaining('own department') });
    const unknown = await api('/sandbox/api/workflow-step', { user: 'U0LIB01', callbackId: 'nope', inputs: {} });
    expect(unknown.status).toBe(404);
    expect(sandbox.fake.violations()).toEqual([]);
  });
});
