// Submit of the Close confirmation: the strategy becomes Completed. Closing one that is
// already closed (a second click, someone else was quicker) changes nothing and says so.
import type { SubmitListener } from '../../../listener-types.js';
import type { AppContext } from '../../../../services/app-context.js';
import { notFound } from '../../../../services/errors.js';
import { closeStrategy } from '../../../../services/strategies.js';
import { decodeStrategyMeta, resultModal } from '../ui/manage-modals.js';
import { escapeMrkdwn } from '../../../ui/mrkdwn.js';
import { afterStrategyChange, strategySubmission } from '../strategy-submission.js';

export function closeSubmission(ctx: AppContext): SubmitListener {
  return strategySubmission(
    ctx,
    () => undefined,
    async ({ actor, t, view, client }) => {
      const meta = decodeStrategyMeta(view.private_metadata);
      if (!meta) throw notFound('errors.notFound.strategy', { strategyId: null });
      const { strategy, changed } = await closeStrategy(ctx, actor, meta.strategyId, meta.version);
      const label = escapeMrkdwn(strategy.label);
      return {
        view: resultModal(t, changed ? t('manage.done.closed', { label }) : t('manage.close.alreadyClosed', { label })),
        after: () => (changed ? afterStrategyChange(ctx, client, strategy.id, [actor.slackUserId]) : Promise.resolve()),
      };
    },
  );
}
