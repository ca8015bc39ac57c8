// What the two Workflow Builder steps share: reading their inputs, knowing who runs them
// (and in which language), and turning a failure into the plain sentence Slack shows in
// the workflow's activity.
import type { Actor } from '../domain/permissions.js';
import type { AppContext } from '../services/app-context.js';
import { isServiceError } from '../services/errors.js';
import { loadActorWithLanguage } from './caller.js';
import { translator, type Translate } from './i18n/index.js';
import { describeServiceError } from './service-errors.js';

/** Slack caps a step's error message; ours are one or two sentences. */
const ERROR_MAX = 1000;

/** A step's error is plain text: no mrkdwn markers, mentions as the bare id. */
export function plainText(text: string): string {
  const plain = text
    .replace(/<@([UW][A-Z0-9]+)>/g, '@$1')
    .replace(/[*`]/g, '')
    .trim();
  return plain.length > ERROR_MAX ? `${plain.slice(0, ERROR_MAX - 1)}…` : plain;
}

/** A text input as typed, or null when the workflow left it empty. */
export function textInput(inputs: Record<string, unknown> | undefined, name: string): string | null {
  const value = inputs?.[name];
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

export type StepRunner = { actor: Actor; t: Translate } | { refusal: string };

/** The person the step runs for, or why they cannot use REAP Tracker (in their language). */
export async function stepRunner(ctx: AppContext, slackUserId: string | null): Promise<StepRunner> {
  // Without a person there is no language to answer in but the City's default.
  if (slackUserId === null) return { refusal: translator('en')('workflow.errors.missingInput', { input: 'user_id' }) };
  const who = await loadActorWithLanguage(ctx, slackUserId);
  return 'message' in who ? { refusal: who.message } : who;
}

/** A failure as the runner reads it: the service's own words, or the generic apology (logged). */
export function stepFailureText(ctx: AppContext, t: Translate, e: unknown, what: Record<string, unknown>): string {
  if (isServiceError(e)) {
    // A field's message ("3,500 characters; the limit is 3,000") says nothing of which input.
    const field = e.code === 'invalid' ? e.field : undefined;
    return plainText(field ? `${field}: ${describeServiceError(t, e)}` : describeServiceError(t, e));
  }
  ctx.logger.error({ err: e, ...what }, 'a workflow step failed');
  return t('workflow.errors.generic');
}
