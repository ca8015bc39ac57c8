// Buttons of the weekly manager digest (a DM from the app):
// - "Full plan: <code>" (plan:open, value = department code) answers with the first page
//   of that department's plan, exactly what `/reap plan <code>` shows, as an ephemeral in
//   the same conversation; Previous/Next then work as usual (plan-page.ts). The service
//   checks that the clicker may read the department, so a crafted value naming another
//   department gets the usual refusal.
// - The App Home link (digest:home) opens Slack's Home tab by its url; Slack still sends
//   the click to the app, which must acknowledge it and has nothing else to do.
import type { BlockButtonAction } from '@slack/bolt';
import type { ActionListener } from '../../../listener-types.js';
import type { AppContext } from '../../../../services/app-context.js';
import { planView } from '../../../../services/plans.js';
import { cityToday } from '../../../../services/service-context.js';
import { callerActor, speakerFor } from '../../../caller.js';
import { PLAN_PAGE_SIZE, planMessage, readsOtherDepartments } from '../ui/plan-message.js';
import { problemText } from '../../../service-errors.js';

const DEPARTMENT_CODE = /^[A-Za-z0-9_-]{1,16}$/;

/** "Full plan: <code>": the first page of the department's plan. */
export function fullPlanButton(ctx: AppContext): ActionListener<BlockButtonAction> {
  return async ({ ack, body, action, respond }) => {
    await ack();
    const { caller, t } = await speakerFor(ctx, body.user.id);
    const code = action.value?.trim() ?? '';
    if (!DEPARTMENT_CODE.test(code)) {
      ctx.logger.warn({ user: body.user.id, value: action.value }, 'plan:open button with an unreadable value');
      await respond({ response_type: 'ephemeral', replace_original: false, text: t('plan.expired') }).catch(() => {});
      return;
    }
    try {
      const actor = await callerActor(ctx, caller);
      const view = await planView(ctx, actor, code, 1, PLAN_PAGE_SIZE);
      await respond({ response_type: 'ephemeral', replace_original: false, ...planMessage(t, view, cityToday(ctx), readsOtherDepartments(actor)) });
    } catch (e) {
      const text = problemText(ctx, t, e, 'reading command failed', { action: action.action_id, user: body.user.id });
      await respond({ response_type: 'ephemeral', replace_original: false, text }).catch((err: unknown) => {
        ctx.logger.warn({ err, user: body.user.id }, 'could not answer a plan:open click');
      });
    }
  };
}

/** "Open REAP Tracker": a link button; Slack opens the App Home, the app only acks. */
export function digestHomeButton(ctx: AppContext): ActionListener<BlockButtonAction> {
  return async ({ ack }) => {
    await ack();
  };
}
