// Submit of the Edit strategy modal: saved only if nobody changed the strategy since the
// form opened (the version in private_metadata); otherwise the conflict shows at the top.
// A citywide strategy's lead and partners are saved with the fields, in the same write.
import type { SubmitListener } from '../../../listener-types.js';
import type { AppContext } from '../../../../services/app-context.js';
import { notFound } from '../../../../services/errors.js';
import { editStrategy } from '../../../../services/strategies.js';
import { decodeStrategyMeta, mention, resultModal } from '../ui/manage-modals.js';
import { escapeMrkdwn } from '../../../ui/mrkdwn.js';
import { afterStrategyChange, strategySubmission } from '../strategy-submission.js';
import { citywideOf, strategyBlockFor, strategyFieldsOf } from '../strategy-fields.js';

export function editSubmission(ctx: AppContext): SubmitListener {
  return strategySubmission(ctx, strategyBlockFor, async ({ actor, t, view, values, client }) => {
    const meta = decodeStrategyMeta(view.private_metadata);
    if (!meta) throw notFound('errors.notFound.strategy', { strategyId: null });
    const { strategy, ownerRemoved, previousLeadDepartmentId } = await editStrategy(
      ctx,
      actor,
      meta.strategyId,
      meta.version,
      strategyFieldsOf(values),
      citywideOf(values),
    );
    const saved = t('manage.done.edited', { label: escapeMrkdwn(strategy.label) });
    // Moved to a lead its owner is not in: the owner was taken off, and the editor must know.
    const text = ownerRemoved
      ? `${saved}\n${t('manage.done.ownerRemoved', { owner: mention(ownerRemoved.slackUserId), department: escapeMrkdwn(ownerRemoved.leadName) })}`
      : saved;
    return {
      view: resultModal(t, text),
      after: () => afterStrategyChange(ctx, client, strategy.id, [actor.slackUserId, ownerRemoved?.slackUserId ?? ''], previousLeadDepartmentId),
    };
  });
}
