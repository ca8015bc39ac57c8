// Mark done next to a milestone in the Milestones modal: completes it and refreshes the
// list in place (what was typed in the add form stays). Twice is the same as once.
import type { BlockButtonAction } from '@slack/bolt';
import type { ActionListener } from '../../../listener-types.js';
import type { AppContext } from '../../../../services/app-context.js';
import { loadActor } from '../../../../services/authz.js';
import { completeMilestone } from '../../../../services/strategies.js';
import { liveStrategy } from '../../../../services/strategy-records.js';
import { notFound } from '../../../../services/errors.js';
import { isId, withNotice } from '../ui/manage-modals.js';
import { escapeMrkdwn } from '../../../ui/mrkdwn.js';
import { afterStrategyChange } from '../strategy-submission.js';
import { milestonesView } from '../strategy-views.js';
import { replaceView } from '../../../loading-modal.js';
import { speakerFor } from '../../../caller.js';
import { problemText } from '../../../service-errors.js';

export function milestoneCompleteButton(ctx: AppContext): ActionListener<BlockButtonAction> {
  return async ({ ack, body, action, client }) => {
    await ack();
    if (!body.view) return;
    const { t } = await speakerFor(ctx, body.user.id);
    let view;
    let changedStrategy: number | null = null;
    try {
      const actor = await loadActor(ctx, body.user.id);
      const id = Number(action.value);
      if (!isId(id)) throw notFound('errors.notFound.milestone', { milestoneId: action.value });
      const { milestone, changed } = await completeMilestone(ctx, actor, id);
      const s = await liveStrategy(ctx, milestone.strategyId);
      if (changed) changedStrategy = s.id;
      view = await milestonesView(ctx, t, s, `:white_check_mark: ${t('manage.done.milestoneCompleted', { title: escapeMrkdwn(milestone.title) })}`);
    } catch (e) {
      // The same modal with the reason on top, so nothing typed in the add form is lost.
      view = withNotice(body.view as unknown as Parameters<typeof withNotice>[0], problemText(ctx, t, e, 'could not complete a milestone'));
    }
    await replaceView(ctx, client, { viewId: body.view.id, hash: body.view.hash }, view);
    if (changedStrategy !== null) await afterStrategyChange(ctx, client, changedStrategy, [body.user.id]);
  };
}
