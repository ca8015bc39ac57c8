// The trigger id dies 3 s after the slash command and the form's data can be slow under
// load: a light loading view is opened first and replaced (with its hash) once it is ready.
import type { WebClient } from '@slack/web-api';
import { describe, expect, it } from 'vitest';
import type { AppContext } from '../../../src/services/app-context.js';
import { createLogger } from '../../../src/logger.js';
import { translator } from '../../../src/slack/i18n/index.js';
import { openPreparedForm, type PreparedForm } from '../../../src/slack/features/update/update-form.js';

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
const form: PreparedForm = {
  kind: 'form',
  view: { type: 'modal', callback_id: 'reap.update', title: { type: 'plain_text', text: 'Report progress' }, blocks: [] },
};
/** The view a call sent: large ones go out as the JSON text Slack receives (view-payload.ts). */
const sentView = (c: Call) => (typeof c.args.view === 'string' ? JSON.parse(c.args.view) : c.args.view) as { callback_id: string };
const after = <T>(ms: number, value: T) => new Promise<T>((r) => setTimeout(() => r(value), ms));

describe('opening the update form', () => {
  it('opens a loading view with the trigger before the data is ready, then replaces it using the hash', async () => {
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
    });
    expect(calls.map((c) => c.method)).toEqual(['views.open', 'views.update']);
    // Not waiting for the data: the trigger is used at once.
    expect(calls[0]!.at).toBeLessThan(100);
    expect(acked[0]!).toBeLessThan(100);
    expect(sentView(calls[0]!).callback_id).toBe('reap.update.loading');
    expect(calls[1]!.args).toMatchObject({ view_id: 'V1', hash: 'h1' });
    expect(sentView(calls[1]!).callback_id).toBe('reap.update');
  });

  it('shows what to say in the modal when the answer is not a form', async () => {
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
    });
    expect(calls.map((c) => c.method)).toEqual(['views.open', 'views.update']);
    expect(JSON.stringify(sentView(calls[1]!))).toContain('No strategy 9.9');
    expect(said).toEqual([]);
  });

  it('says the answer as a message when the trigger can no longer open a modal', async () => {
    const said: string[] = [];
    const client = { views: { open: async () => Promise.reject(new Error('expired_trigger_id')) } } as unknown as WebClient;
    await openPreparedForm(after(1, { kind: 'message', text: 'No strategy 9.9' } as PreparedForm), {
      client,
      triggerId: 'T',
      t,
      ctx,
      say: async (text) => {
        said.push(text);
      },
    });
    expect(said).toEqual(['No strategy 9.9']);
  });
});
