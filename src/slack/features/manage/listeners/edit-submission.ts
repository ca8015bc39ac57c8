// Submit of the Edit strategy modal: saved only if nobody changed the strategy since the
// form opened (the version in private_metadata); otherwise the conflict shows at the top.
import type { App } from '@slack/bolt';
import type { AppContext } from '../../../../services/app-context.js';
import { notFound } from '../../../../services/errors.js';
import { editStrategy } from '../../../../services/strategies.js';
import { MANAGE_CALLBACKS, decodeStrategyMeta, resultModal } from '../ui/manage-modals.js';
import { escapeMrkdwn } from '../../../ui/mrkdwn.js';
import { afterStrategyChange, onSubmission } from '../strategy-submission.js';
import { strategyBlockFor, strategyFieldsOf } from '../strategy-fields.js';

export function registerManageEdit(app: App, ctx: AppContext): void {
  onSubmission(app, ctx, MANAGE_CALLBACKS.edit, strategyBlockFor, async ({ actor, t, view, values, client }) => {
    const meta = decodeStrategyMeta(view.private_metadata);
    if (!meta) throw notFound('errors.notFound.strategy', { strategyId: null });
    const { strategy } = await editStrategy(ctx, actor, meta.strategyId, meta.version, strategyFieldsOf(values));
    return {
      view: resultModal(t, t('manage.done.edited', { label: escapeMrkdwn(strategy.label) })),
      after: () => afterStrategyChange(ctx, client, strategy.id, [actor.slackUserId]),
    };
  });
}
