import type { WebAPIPlatformError } from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { functionExecutedEvent, type FakeSlack, type FunctionDefinition } from '../../../src/sandbox/fake-slack/index.js';
import { startFakeSlack, webClient } from '../../support/fake-slack-fixture.js';

const GREET: FunctionDefinition = {
  title: 'Greet',
  description: 'Says hello',
  input_parameters: { user_id: { type: 'slack#/types/user_id', title: 'User', is_required: true } },
  output_parameters: {
    count: { type: 'integer', title: 'Count', is_required: true },
    note: { type: 'string', title: 'Note', is_required: false },
  },
};

let fake: FakeSlack;

beforeEach(async () => {
  fake = await startFakeSlack({ functions: { greet: GREET } });
});

afterEach(async () => {
  await fake.stop();
});

async function slackError(promise: Promise<unknown>): Promise<{ error: string; messages: string[] }> {
  const e = (await promise.catch((x: unknown) => x)) as WebAPIPlatformError;
  return { error: e.data.error, messages: e.data.response_metadata?.messages ?? [] };
}

describe('custom workflow steps in the fake Slack', () => {
  it('sends the run as function_executed, with the manifest’s parameters and a token of its own', async () => {
    const run = fake.startFunctionExecution('greet', { user_id: 'U0ANA' });
    const event = functionExecutedEvent(fake, run);
    expect(event).toMatchObject({
      type: 'function_executed',
      function: { callback_id: 'greet', title: 'Greet', type: 'app', app_id: fake.bot.appId },
      inputs: { user_id: 'U0ANA' },
      function_execution_id: run.id,
      bot_access_token: run.botAccessToken,
    });
    expect(event.function.input_parameters).toEqual([{ type: 'slack#/types/user_id', name: 'user_id', title: 'User', is_required: true }]);
    expect(run.id).toMatch(/^Fx/);
    // The workflow token works for the Web API during the run.
    await expect(webClient(fake, run.botAccessToken).auth.test()).resolves.toMatchObject({ ok: true });
    expect(() => fake.startFunctionExecution('nope', {})).toThrow(/no function "nope"/);
  });

  it('ends a run once: a second completion, or an unknown run, is an error', async () => {
    const run = fake.startFunctionExecution('greet', { user_id: 'U0ANA' });
    const client = webClient(fake, run.botAccessToken);
    await client.functions.completeSuccess({ function_execution_id: run.id, outputs: { count: 2 } });
    expect(fake.functionExecution(run.id)).toMatchObject({ state: 'completed', outputs: { count: 2 } });
    expect((await slackError(client.functions.completeSuccess({ function_execution_id: run.id, outputs: { count: 3 } }))).error).toBe(
      'execution_not_in_running_state',
    );
    expect((await slackError(client.functions.completeError({ function_execution_id: run.id, error: 'late' }))).error).toBe('execution_not_in_running_state');
    expect((await slackError(client.functions.completeError({ function_execution_id: 'Fx0UNKNOWN', error: 'x' }))).error).toBe('function_execution_not_found');
    expect(fake.violations().map((v) => v.code)).toEqual(['execution_not_in_running_state', 'execution_not_in_running_state', 'function_execution_not_found']);
    expect(fake.functionExecution(run.id)?.outputs).toEqual({ count: 2 });
  });

  it('checks outputs against the manifest and records a failure’s message', async () => {
    const run = fake.startFunctionExecution('greet', { user_id: 'U0ANA' });
    const client = webClient(fake, run.botAccessToken);
    const bad = await slackError(client.functions.completeSuccess({ function_execution_id: run.id, outputs: { count: '2', extra: true } }));
    expect(bad.error).toBe('parameter_validation_failed');
    expect(bad.messages).toEqual([
      '[ERROR] must be of type integer [json-pointer:/outputs/count]',
      '[ERROR] unknown output: extra [json-pointer:/outputs/extra]',
    ]);
    expect((await slackError(client.functions.completeSuccess({ function_execution_id: run.id, outputs: {} }))).messages).toEqual([
      '[ERROR] missing required output: count [json-pointer:/outputs/count]',
    ]);
    // Still running after refused completions; an error ends it.
    await client.functions.completeError({ function_execution_id: run.id, error: 'The strategy was archived.' });
    expect(fake.functionExecution(run.id)).toMatchObject({ state: 'failed', error: 'The strategy was archived.' });
    fake.clearViolations();
  });
});
