// An ORSE admin picks the lead department in a citywide plan's Add strategy modal: the
// owner choices become the lead's people, and the partners drop the lead. What was already
// chosen (partners, an owner who is one of the lead's people) is kept; typed text stays,
// since Slack keeps the inputs whose ids did not change.
import type { BlockAction, StaticSelectAction } from '@slack/bolt';
import type { ActionListener } from '../../../listener-types.js';
import type { AppContext } from '../../../../services/app-context.js';
import { loadActor } from '../../../../services/authz.js';
import { problemModal } from '../ui/manage-modals.js';
import { addStrategyMetadata, STRATEGY_BLOCKS } from '../ui/strategy-form.js';
import { addCitywideStrategyView } from '../strategy-views.js';
import { replaceView } from '../../../loading-modal.js';
import { speakerFor } from '../../../caller.js';
import { problemText } from '../../../service-errors.js';
import { checkedOf, personOf, type ViewValues } from '../../../view-state.js';

export function addLeadSelect(ctx: AppContext): ActionListener<BlockAction<StaticSelectAction>> {
  return async ({ ack, body, action, client }) => {
    await ack();
    if (!body.view) return;
    const { t } = await speakerFor(ctx, body.user.id);
    const meta = addStrategyMetadata.decode(body.view.private_metadata);
    const values = (body.view.state?.values ?? {}) as ViewValues;
    const leadId = Number(action.selected_option?.value);
    let view;
    try {
      if (!meta || !('planId' in meta)) {
        // Only a citywide plan's form has a lead picker: someone crafted this.
        ctx.logger.warn({ user: body.user.id }, 'lead picked in a form that is not a citywide add form');
        view = problemModal(t, t('manage.empty.planGone'));
      } else {
        const actor = await loadActor(ctx, body.user.id);
        const chosen = {
          leadId: Number.isSafeInteger(leadId) ? leadId : null,
          partnerIds: checkedOf(values, STRATEGY_BLOCKS.partners).map(Number),
          ownerSlackId: personOf(values, STRATEGY_BLOCKS.owner),
        };
        view = (await addCitywideStrategyView(ctx, t, actor, meta.planId, chosen)) ?? problemModal(t, t('manage.empty.planGone'));
      }
    } catch (e) {
      view = problemModal(t, problemText(ctx, t, e, 'could not change the lead in the add form'));
    }
    await replaceView(ctx, client, { viewId: body.view.id, hash: body.view.hash }, view);
  };
}
