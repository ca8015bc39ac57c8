// Submit of the Reassign modal (from the Manage menu or the deactivation DM).
import type { SubmitListener } from '../../../listener-types.js';
import type { AppContext } from '../../../../services/app-context.js';
import { notFound } from '../../../../services/errors.js';
import { reassignStrategy } from '../../../../services/strategies.js';
import { strategyOwnerSlackId } from '../../../../services/strategy-records.js';
import { REASSIGN_BLOCKS, decodeStrategyMeta, mention, resultModal } from '../ui/manage-modals.js';
import { escapeMrkdwn } from '../../../ui/mrkdwn.js';
import { afterStrategyChange, strategySubmission } from '../strategy-submission.js';
import { personOf } from '../../../view-state.js';

export function reassignSubmission(ctx: AppContext): SubmitListener {
  return strategySubmission(
    ctx,
    (field) => field,
    async ({ actor, t, view, values, client }) => {
      const meta = decodeStrategyMeta(view.private_metadata);
      if (!meta) throw notFound('errors.notFound.strategy', { strategyId: null });
      const owner = personOf(values, REASSIGN_BLOCKS.owner) ?? '';
      // The previous owner's App Home drops the strategy, so they are refreshed too.
      const previous = await strategyOwnerSlackId(ctx, meta.strategyId);
      const { strategy } = await reassignStrategy(ctx, actor, meta.strategyId, meta.version, owner);
      return {
        view: resultModal(t, t('manage.done.reassigned', { label: escapeMrkdwn(strategy.label), owner: mention(owner) })),
        after: () => afterStrategyChange(ctx, client, strategy.id, [actor.slackUserId, previous ?? '']),
      };
    },
  );
}
