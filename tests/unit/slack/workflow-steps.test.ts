import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/logger.js';
import type { AppContext } from '../../../src/services/app-context.js';
import { invalidField } from '../../../src/services/errors.js';
import { parseStepStatus, statusChoices } from '../../../src/slack/features/update/listeners/submit-update-step.js';
import { translator } from '../../../src/slack/i18n/index.js';
import { plainText, stepFailureText } from '../../../src/slack/workflow-steps.js';

describe('workflow step inputs and errors', () => {
  it('reads a status as a code in any case or as its name in any of our languages', () => {
    expect(parseStepStatus('in_progress')).toBe('IN_PROGRESS');
    expect(parseStepStatus(' In progress ')).toBe('IN_PROGRESS');
    expect(parseStepStatus('not-started')).toBe('NOT_STARTED');
    expect(parseStepStatus('En curso')).toBe('IN_PROGRESS');
    expect(parseStepStatus('COMPLETED')).toBe('COMPLETED');
    expect(parseStepStatus('done')).toBeNull();
    expect(parseStepStatus('')).toBeNull();
  });

  it('names the choices with the code a workflow can carry and the name the runner reads', () => {
    expect(statusChoices(translator('es'))).toBe(
      'completed (Completado), in_progress (En curso), ongoing (Continuo), not_started (No iniciado), deferred (Aplazado)',
    );
  });

  it('turns messages into plain text for Slack’s workflow activity', () => {
    expect(plainText('Ask *your lead* <@U0LIB01> to use `/reap plan`.')).toBe('Ask your lead @U0LIB01 to use /reap plan.');
    expect(plainText('x'.repeat(1200))).toHaveLength(1000);
  });

  it('says which input a field problem is about, and apologises for the unexpected', () => {
    const ctx = { logger: createLogger('silent') } as unknown as AppContext;
    const t = translator('en');
    const tooLong = invalidField('narrative', 'errors.invalid.tooLong', { limit: 3000, length: 3500 });
    expect(stepFailureText(ctx, t, tooLong, {})).toBe('narrative: 3,500 characters; the limit is 3,000. Nothing was cut or saved: please shorten it.');
    expect(stepFailureText(ctx, translator('vi'), new Error('boom'), {})).toBe(translator('vi')('workflow.errors.generic'));
  });
});
