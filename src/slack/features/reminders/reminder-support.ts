// What the reminder buttons share (not a listener itself): reading the click, and answering
// in place. The answer replaces the clicked item's buttons in the DM (through the click's
// response_url, replace_original) so the reminder shows what happened; a refusal or a
// failure worth retrying keeps the buttons and adds the reason under them. When the
// message cannot be rebuilt (no blocks in the payload), the answer comes as an ephemeral.
import type { BlockAction, ButtonAction, RespondFn } from '@slack/bolt';
import type { Actor } from '../../../domain/permissions.js';
import type { AppContext } from '../../../services/app-context.js';
import { loadActor } from '../../../services/authz.js';
import { isServiceError } from '../../../services/errors.js';
import { speakerFor } from '../../caller.js';
import type { Translate } from '../../i18n/index.js';
import { describeServiceError } from '../../service-errors.js';
import { decodeReminderRef, withItemOutcome, type ReminderRef } from './ui/reminder-message.js';

export interface ReminderOutcome {
  note: string;
  /** Keep the item's buttons (refusals, retryable failures) and show the note under them. */
  keepButtons: boolean;
  /** Offer Undo beside the note (after Mark done). */
  undo?: { t: Translate; ref: ReminderRef };
}

/** A failure in words: the service's reason, or the generic apology (logged). */
export function failureOutcome(ctx: AppContext, t: Translate, e: unknown, what: string): ReminderOutcome {
  if (isServiceError(e)) {
    const reason = describeServiceError(t, e);
    if (e.code === 'not_found') return { note: t('reminders.outcome.failed', { reason }), keepButtons: false };
    if (e.code === 'forbidden') return { note: t('reminders.outcome.refused', { reason }), keepButtons: true };
    return { note: t('reminders.outcome.failed', { reason }), keepButtons: true };
  }
  ctx.logger.error({ err: e }, what);
  return { note: t('reminders.outcome.failed', { reason: t('common.errorGeneric') }), keepButtons: true };
}

/** In place of the clicked item's buttons (or under them), else as an ephemeral. */
async function answer(ctx: AppContext, body: BlockAction<ButtonAction>, action: ButtonAction, respond: RespondFn, outcome: ReminderOutcome) {
  const blocks = Array.isArray(body.message?.blocks)
    ? withItemOutcome(body.message.blocks, action.block_id, outcome.note, outcome.keepButtons, outcome.undo)
    : null;
  try {
    if (blocks) await respond({ replace_original: true, text: String(body.message?.text ?? outcome.note), blocks });
    else await respond({ response_type: 'ephemeral', replace_original: false, text: outcome.note });
  } catch (e) {
    ctx.logger.warn({ err: (e as Error).message, user: body.user.id }, 'could not answer a reminder button');
  }
}

/**
 * The whole click: acknowledge, find who is asking (in their language) and which item the
 * button names, run `act`, answer in place. A value our messages never carry gets "this
 * button no longer works" rather than a guess.
 */
export async function handleReminderClick(
  ctx: AppContext,
  args: { ack: () => Promise<void>; body: BlockAction<ButtonAction>; action: ButtonAction; respond: RespondFn },
  what: string,
  act: (input: { actor: Actor; ref: ReminderRef; t: Translate }) => Promise<string | { note: string; undo: true }>,
): Promise<void> {
  await args.ack();
  const { t } = await speakerFor(ctx, args.body.user.id);
  const ref = decodeReminderRef(args.action.value);
  if (!ref) {
    ctx.logger.warn({ user: args.body.user.id, value: args.action.value }, 'reminder button with an unreadable value');
    // Not in place: the message may be fine and only this button was tampered with.
    await args.respond({ response_type: 'ephemeral', replace_original: false, text: t('reminders.outcome.expired') }).catch((e: unknown) => {
      ctx.logger.warn({ err: (e as Error).message, user: args.body.user.id }, 'could not answer a reminder button');
    });
    return;
  }
  let outcome: ReminderOutcome;
  try {
    const actor = await loadActor(ctx, args.body.user.id);
    const done = await act({ actor, ref, t });
    outcome = typeof done === 'string' ? { note: done, keepButtons: false } : { note: done.note, keepButtons: false, undo: { t, ref } };
  } catch (e) {
    outcome = failureOutcome(ctx, t, e, what);
  }
  await answer(ctx, args.body, args.action, args.respond, outcome);
}
