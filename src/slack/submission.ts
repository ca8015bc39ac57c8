// A modal's Submit, the one way: who is asking, the save as one service call, and the
// answer within Slack's 3 seconds. A problem with one input goes under it; any other (a
// refusal, a conflict, someone REAP Tracker does not know, a fault) is said without losing
// what was typed. Work the answer does not wait on runs after the acknowledgement.
import type { AckFn, SlackViewMiddlewareArgs, ViewOutput, ViewResponseAction, ViewSubmitAction } from '@slack/bolt';
import type { SubmitListener } from './listener-types.js';
import type { View } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import { unhurried, urgently } from '../db/urgency.js';
import type { Actor } from '../domain/permissions.js';
import type { AppContext } from '../services/app-context.js';
import { loadActor } from '../services/authz.js';
import { isServiceError } from '../services/errors.js';
import { speakerFor } from './caller.js';
import type { Translate } from './i18n/index.js';
import { modalErrors } from './service-errors.js';
import { withNotice } from './ui/view-notice.js';
import type { ViewValues } from './view-state.js';

/** Which input block a service field's problem belongs under, in the submitted view. */
export type BlockIdFor = (field: string, view: ViewOutput) => string | undefined;

export interface SubmissionInput {
  actor: Actor;
  t: Translate;
  view: ViewOutput;
  values: ViewValues;
  body: ViewSubmitAction;
  client: WebClient;
}

export interface SubmissionOutcome {
  /** Replaces the form (response_action: update), e.g. with the result. Omitted: the form closes. */
  view?: View;
  /** Work for after the acknowledgement (Slack waits 3 s for it, not for this). */
  after?: () => Promise<void>;
}

/** A problem no single input owns, in words: the service's, or the generic apology. */
export interface UnplacedProblem {
  notice: string;
  error: unknown;
  t: Translate;
  view: ViewOutput;
}

export interface SubmissionForm {
  blockIdFor: BlockIdFor;
  /** Names a failed save in the log. */
  what?: string;
  /** The answer to an unplaced problem; by default the same form, as typed, with it on top. */
  unplaced?: (problem: UnplacedProblem) => ViewResponseAction | undefined;
}

export const sameFormWithNotice = ({ notice, view }: UnplacedProblem): ViewResponseAction => ({
  response_action: 'update',
  view: withNotice(view as unknown as Parameters<typeof withNotice>[0], notice),
});

export type Save = (input: SubmissionInput) => Promise<SubmissionOutcome>;

type SubmitArgs = Pick<SlackViewMiddlewareArgs<ViewSubmitAction>, 'ack' | 'body' | 'view'> & { client: WebClient };

/** The view listener for a Submit; the feature's index.ts registers it for its callback_id. */
export function submissionHandler(ctx: AppContext, formOrBlockIdFor: SubmissionForm | BlockIdFor, save: Save): SubmitListener {
  const form = typeof formOrBlockIdFor === 'function' ? { blockIdFor: formOrBlockIdFor } : formOrBlockIdFor;
  // Slack waits for this answer: its reads and the save go before work nobody is timing.
  return ({ ack, body, view, client }: SubmitArgs) =>
    urgently(async () => {
      const { t } = await speakerFor(ctx, body.user.id);
      let outcome: SubmissionOutcome;
      try {
        const actor = await loadActor(ctx, body.user.id);
        outcome = await save({ actor, t, view, values: view.state.values, body, client });
      } catch (e) {
        await ackProblem(ctx, ack, t, e, view, form);
        return;
      }
      await ack(outcome.view ? { response_action: 'update', view: outcome.view } : undefined);
      const after = outcome.after;
      if (after) {
        await unhurried(() => after().catch((e: unknown) => ctx.logger.error({ err: e, callbackId: view.callback_id }, 'follow-up of a saved modal failed')));
      }
    });
}

/**
 * Answers a failed save: problems about an input go under it (the modal stays as typed);
 * anything else goes where the form says. Slack refuses errors keyed to a block that is not
 * an input of the view, so such a problem counts as unplaced.
 */
async function ackProblem(ctx: AppContext, ack: AckFn<ViewResponseAction>, t: Translate, e: unknown, view: ViewOutput, form: SubmissionForm): Promise<void> {
  const answer = form.unplaced ?? sameFormWithNotice;
  if (isServiceError(e)) {
    const { errors, unplaced } = modalErrors(t, e, (field) => {
      const id = form.blockIdFor(field, view);
      return id && view.blocks.some((b) => (b as { block_id?: string }).block_id === id && b.type === 'input') ? id : undefined;
    });
    if (unplaced.length === 0 && Object.keys(errors).length > 0) {
      await ack({ response_action: 'errors', errors });
      return;
    }
    await ack(answer({ notice: [...unplaced, ...Object.values(errors)].join('\n'), error: e, t, view }));
    return;
  }
  ctx.logger.error({ err: e, callbackId: view.callback_id }, form.what ?? 'saving a modal failed');
  await ack(answer({ notice: t('common.errorGeneric'), error: e, t, view }));
}
