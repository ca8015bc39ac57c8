// Submit of the Defer modal: a reason and a new due date after today (the service says
// which, under the input concerned).
import type { SubmitListener } from '../../../listener-types.js';
import type { AppContext } from '../../../../services/app-context.js';
import { notFound } from '../../../../services/errors.js';
import { deferStrategy } from '../../../../services/strategies.js';
import { DEFER_BLOCKS, dateToken, decodeStrategyMeta, resultModal } from '../ui/manage-modals.js';
import { escapeMrkdwn } from '../../../ui/mrkdwn.js';
import { afterStrategyChange, strategySubmission } from '../strategy-submission.js';
import { dateOf, textOf } from '../../../view-state.js';

export function deferSubmission(ctx: AppContext): SubmitListener {
  return strategySubmission(
    ctx,
    (field) => field,
    async ({ actor, t, view, values, client }) => {
      const meta = decodeStrategyMeta(view.private_metadata);
      if (!meta) throw notFound('errors.notFound.strategy', { strategyId: null });
      const { strategy } = await deferStrategy(ctx, actor, meta.strategyId, meta.version, {
        reason: textOf(values, DEFER_BLOCKS.reason),
        newDueDate: dateOf(values, DEFER_BLOCKS.newDueDate) ?? '',
      });
      return {
        view: resultModal(t, t('manage.done.deferred', { label: escapeMrkdwn(strategy.label), date: strategy.dueDate ? dateToken(strategy.dueDate) : '' })),
        after: () => afterStrategyChange(ctx, client, strategy.id, [actor.slackUserId]),
      };
    },
  );
}
