// Previous/Next under a /reap plan page: replaces that ephemeral with the neighbouring page
// (respond with replace_original through the click's response_url). The button's value says
// which plan and page; the service checks again that the clicker may read it, so a crafted
// value naming another department gets the usual refusal, as a separate ephemeral.
import type { BlockButtonAction } from '@slack/bolt';
import type { ActionListener } from '../../../listener-types.js';
import type { AppContext } from '../../../../services/app-context.js';
import { planView } from '../../../../services/plans.js';
import { cityToday } from '../../../../services/service-context.js';
import { callerActor, speakerFor } from '../../../caller.js';
import { decodePlanPage, planMessage, readsOtherDepartments } from '../ui/plan-message.js';
import { problemText } from '../../../service-errors.js';

export function planPageButtons(ctx: AppContext): ActionListener<BlockButtonAction> {
  return async ({ ack, body, action, respond }) => {
    await ack();
    const { caller, t } = await speakerFor(ctx, body.user.id);
    const ref = decodePlanPage(action.value);
    if (!ref) {
      ctx.logger.warn({ user: body.user.id, value: action.value }, 'plan page button with an unreadable value');
      await respond({ response_type: 'ephemeral', replace_original: false, text: t('plan.expired') });
      return;
    }
    try {
      const actor = await callerActor(ctx, caller);
      const view = await planView(ctx, actor, ref.department, ref.page, ref.pageSize, {
        planKey: ref.planKey,
        ...(ref.pillar !== undefined ? { pillar: ref.pillar } : {}),
      });
      await respond({ response_type: 'ephemeral', replace_original: true, ...planMessage(t, view, cityToday(ctx), readsOtherDepartments(actor)) });
    } catch (e) {
      const text = problemText(ctx, t, e, 'reading command failed', { action: action.action_id, user: body.user.id });
      await respond({ response_type: 'ephemeral', replace_original: false, text }).catch((err: unknown) => {
        ctx.logger.warn({ err, user: body.user.id }, 'could not answer a plan page click');
      });
    }
  };
}
