// The trigger id dies 3 s after the slash command: when the form's data is slow, a light
// loading view must be opened first and replaced (with its hash) once the data is ready.
import type { WebClient } from '@slack/web-api';
import { describe, expect, it } from 'vitest';
import type { AppContext } from '../../../src/services/app-context.js';
import { createLogger } from '../../../src/logger.js';
import { translator } from '../../../src/slack/i18n/index.js';
import { FORM_DATA_BUDGET_MS, openPreparedForm, type PreparedForm } from '../../../src/slack/listeners/views/update-form.js';

type Call = { method: string; args: Record<string, unknown>; at: number };

/** Records Web API calls; a stand-in for Slack inside a unit test. */
function recordingClient(calls: Call[], t0: number): WebClient {
  const views = {
    open: async (args: Record<string, unknown>) => {
      calls.push({ method: 'views.open', args, at: performance.now() - t0 });
      return { ok: true, view: { id: 'V1', hash: 'h1' } };
    },
    update: async (args: Record<string, unknown>) => {
      calls.push({ method: 'views.update', args, at: performance.now() - t0 });
      return { ok: true, view: { id: 'V1', hash: 'h2' } };
    },
  };
  return { views } as unknown as WebClient;
}

const ctx = { logger: createLogger('silent') } as unknown as AppContext;
const t = translator('en');
const form: PreparedForm = { kind: 'form', view: { type: 'modal', callback_id: 'reap.update', title: { type: 'plain_text', text: 'Report progress' }, blocks: [] } };
const after = <T,>(ms: number, value: T) => new Promise<T>((r) => setTimeout(() => r(value), ms));

describe('opening the update form', () => {
  it('waits at most a few hundred milliseconds before showing a loading view', () => {
    expect(FORM_DATA_BUDGET_MS).toBeLessThanOrEqual(300);
  });

  it('opens the finished form at once when the data is quick', async () => {
    const calls: Call[] = [];
    await openPreparedForm(after(5, form), { client: recordingClient(calls, performance.now()), triggerId: 'T', t, ctx, say: async () => {}, budgetMs: 200 });
    expect(calls.map((c) => c.method)).toEqual(['views.open']);
    expect((calls[0]!.args.view as { callback_id: string }).callback_id).toBe('reap.update');
  });

  it('opens a loading view within the budget when the data is slow, then replaces it using the hash', async () => {
    const calls: Call[] = [];
    const acked: number[] = [];
    const t0 = performance.now();
    await openPreparedForm(after(400, form), {
      client: recordingClient(calls, t0),
      triggerId: 'T',
      t,
      ctx,
      say: async () => {},
      ack: async () => {
        acked.push(performance.now() - t0);
      },
      budgetMs: 50,
    });
    expect(calls.map((c) => c.method)).toEqual(['views.open', 'views.update']);
    expect(calls[0]!.at).toBeLessThan(350);
    expect(acked[0]!).toBeLessThan(350);
    expect(calls[1]!.args).toMatchObject({ view_id: 'V1', hash: 'h1' });
    expect((calls[1]!.args.view as { callback_id: string }).callback_id).toBe('reap.update');
  });

  it('says a message instead of opening anything when the answer is not a form', async () => {
    const calls: Call[] = [];
    const said: string[] = [];
    await openPreparedForm(after(1, { kind: 'message', text: 'No strategy 9.9' } as PreparedForm), {
      client: recordingClient(calls, performance.now()),
      triggerId: 'T',
      t,
      ctx,
      say: async (text) => {
        said.push(text);
      },
      budgetMs: 200,
    });
    expect(calls).toEqual([]);
    expect(said).toEqual(['No strategy 9.9']);
  });
});
