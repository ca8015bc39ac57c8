// Submit of the Edit strategy modal: saved only if nobody changed the strategy since the
// form opened (the version in private_metadata); otherwise the conflict shows at the top.
import type { SubmitListener } from '../../../listener-types.js';
import type { AppContext } from '../../../../services/app-context.js';
import { notFound } from '../../../../services/errors.js';
import { editStrategy } from '../../../../services/strategies.js';
import { decodeStrategyMeta, resultModal } from '../ui/manage-modals.js';
import { escapeMrkdwn } from '../../../ui/mrkdwn.js';
import { afterStrategyChange, strategySubmission } from '../strategy-submission.js';
import { strategyBlockFor, strategyFieldsOf } from '../strategy-fields.js';

export function editSubmission(ctx: AppContext): SubmitListener {
  return strategySubmission(ctx, strategyBlockFor, async ({ actor, t, view, values, client }) => {
    const meta = decodeStrategyMeta(view.private_metadata);
    if (!meta) throw notFound('errors.notFound.strategy', { strategyId: null });
    const { strategy } = await editStrategy(ctx, actor, meta.strategyId, meta.version, strategyFieldsOf(values));
    return {
      view: resultModal(t, t('manage.done.edited', { label: escapeMrkdwn(strategy.label) })),
      after: () => afterStrategyChange(ctx, client, strategy.id, [actor.slackUserId]),
    };
  });
}
