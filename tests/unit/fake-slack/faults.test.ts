import { ErrorCode, type WebAPIHTTPError, type WebAPIPlatformError, type WebAPIRateLimitedError } from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FakeSlack } from '../../../src/sandbox/fake-slack/index.js';
import { CHANNELS, PEOPLE, startFakeSlack, webClient } from '../../support/fake-slack-fixture.js';

let fake: FakeSlack;

beforeEach(async () => {
  fake = await startFakeSlack();
});

afterEach(async () => {
  await fake.stop();
});

const post = (text = 'hi') => webClient(fake).chat.postMessage({ channel: CHANNELS.reap.id, text });

describe('fault injection', () => {
  it('fails a method N times with an error code, then behaves again', async () => {
    fake.failNext('chat.postMessage', 'fatal_error', 2);
    for (let i = 0; i < 2; i += 1) {
      const error = (await post().catch((e: unknown) => e)) as WebAPIPlatformError;
      expect(error.data.error).toBe('fatal_error');
    }
    await expect(post()).resolves.toMatchObject({ ok: true });
    expect(fake.calls('chat.postMessage').map((c) => c.fault)).toEqual(['error:fatal_error', 'error:fatal_error', undefined]);
    // Injected failures are the test's doing, not the app's.
    expect(fake.violations()).toEqual([]);
  });

  it('answers 429 with Retry-After', async () => {
    fake.rateLimitNext('users.info', 7);
    const client = webClient(fake, fake.botToken, { rejectRateLimitedCalls: true });
    const error = (await client.users.info({ user: PEOPLE.ana.id }).catch((e: unknown) => e)) as WebAPIRateLimitedError;
    expect(error.code).toBe(ErrorCode.RateLimitedError);
    expect(error.retryAfter).toBe(7);
  });

  it('answers an HTML 503 page like Slack’s edge during an outage', async () => {
    fake.httpErrorNext('chat.postMessage', 503);
    const error = (await post().catch((e: unknown) => e)) as WebAPIHTTPError;
    expect(error.code).toBe(ErrorCode.HTTPError);
    expect(error.statusCode).toBe(503);
    expect(String(error.body)).toContain('<html>');
  });

  it('adds latency and drops connections', async () => {
    fake.delayNext('auth.test', 150);
    const started = Date.now();
    await webClient(fake).auth.test();
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    fake.disconnectNext('auth.test');
    await expect(webClient(fake).auth.test()).rejects.toMatchObject({ code: ErrorCode.RequestError });
  });

  it('applies `*` faults to every method until cleared', async () => {
    fake.failNext('*', 'service_unavailable', 'always');
    const client = webClient(fake);
    await expect(client.auth.test()).rejects.toMatchObject({ data: { error: 'service_unavailable' } });
    await expect(client.team.info()).rejects.toMatchObject({ data: { error: 'service_unavailable' } });
    fake.clearFaults();
    await expect(client.team.info()).resolves.toMatchObject({ ok: true });
  });

  it('can fail the response_url so respond() throws', async () => {
    fake.httpErrorNext('response_url', 500);
    const url = fake.issueResponseUrl({ channel: CHANNELS.reap.id, user: PEOPLE.ana.id });
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"text":"x"}' });
    expect(res.status).toBe(500);
    expect(fake.ephemerals()).toEqual([]);
  });

  it('is controllable over HTTP for the sandbox', async () => {
    const add = await fetch(`${fake.origin}/_fake/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ method: 'chat.postMessage', kind: 'error', error: 'channel_not_found', times: 1 }),
    });
    expect(await add.json()).toMatchObject({ ok: true, id: expect.any(String) });
    const listed = (await (await fetch(`${fake.origin}/_fake/faults`)).json()) as { faults: unknown[] };
    expect(listed.faults).toHaveLength(1);
    await expect(post()).rejects.toMatchObject({ data: { error: 'channel_not_found' } });
    await fetch(`${fake.origin}/_fake/faults`, { method: 'POST', body: JSON.stringify({ method: '*', kind: 'latency', ms: 1, times: 'always' }) });
    await fetch(`${fake.origin}/_fake/faults`, { method: 'DELETE' });
    expect(fake.faults.list()).toEqual([]);
    const bad = await fetch(`${fake.origin}/_fake/faults`, { method: 'POST', body: '{"kind":"error"}' });
    expect(bad.status).toBe(400);
  });
});

describe('control endpoints', () => {
  it('issues triggers and response_urls and reports state, calls and violations', async () => {
    const trigger = (await (await fetch(`${fake.origin}/_fake/triggers`, { method: 'POST', body: JSON.stringify({ user_id: PEOPLE.ana.id }) })).json()) as {
      trigger_id: string;
    };
    expect(trigger.trigger_id).toMatch(/^\d+\.\d+\.[0-9a-f]+$/);
    const opened = await webClient(fake).views.open({
      trigger_id: trigger.trigger_id,
      view: { type: 'modal', title: { type: 'plain_text', text: 'Hi' }, blocks: [] },
    });
    const state = (await (await fetch(`${fake.origin}/_fake/state`)).json()) as { modals: Record<string, { id: string }[]> };
    expect(state.modals[PEOPLE.ana.id]?.map((v) => v.id)).toEqual([opened.view?.id]);
    const calls = (await (await fetch(`${fake.origin}/_fake/calls`)).json()) as { calls: { method: string }[] };
    expect(calls.calls.map((c) => c.method)).toEqual(['views.open']);
    await webClient(fake)
      .chat.postMessage({ channel: CHANNELS.general.id, text: 'x' })
      .catch(() => undefined);
    const violations = (await (await fetch(`${fake.origin}/_fake/violations`)).json()) as { violations: { code: string }[] };
    expect(violations.violations.map((v) => v.code)).toEqual(['not_in_channel']);
    await fetch(`${fake.origin}/_fake/violations`, { method: 'DELETE' });
    expect(fake.violations()).toEqual([]);
  });
});
