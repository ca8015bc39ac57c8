// Submit of the Edit milestone form (pushed over the Milestones modal): saved only if the
// milestone did not change since the form opened; then the form closes and the list
// underneath is refreshed.
import type { SubmitListener } from '../../../listener-types.js';
import type { AppContext } from '../../../../services/app-context.js';
import { notFound } from '../../../../services/errors.js';
import { editMilestone } from '../../../../services/strategies.js';
import { liveStrategy } from '../../../../services/strategy-records.js';
import { MILESTONE_BLOCKS, milestoneEditMetadata } from '../ui/milestone-form.js';
import { escapeMrkdwn } from '../../../ui/mrkdwn.js';
import { afterStrategyChange, strategySubmission } from '../strategy-submission.js';
import { milestonesView } from '../strategy-views.js';
import { dateOf, personOf, textOf } from '../../../view-state.js';

export function milestoneEditSubmission(ctx: AppContext): SubmitListener {
  return strategySubmission(
    ctx,
    (field) => field,
    async ({ actor, t, view, values, client }) => {
      const meta = milestoneEditMetadata.decode(view.private_metadata);
      if (!meta) throw notFound('errors.notFound.milestone', { milestoneId: null });
      const { milestoneId, updatedAt } = meta;
      const { milestone } = await editMilestone(ctx, actor, milestoneId, updatedAt, {
        title: textOf(values, MILESTONE_BLOCKS.title),
        dueDate: dateOf(values, MILESTONE_BLOCKS.dueDate) ?? '',
        ownerSlackId: personOf(values, MILESTONE_BLOCKS.owner),
      });
      const listViewId = view.previous_view_id;
      return {
        // The form closes; the Milestones list it was pushed from shows the change.
        after: async () => {
          if (listViewId) {
            const s = await liveStrategy(ctx, milestone.strategyId);
            const notice = `:white_check_mark: ${t('manage.done.milestoneEdited', { title: escapeMrkdwn(milestone.title) })}`;
            await client.views.update({ view_id: listViewId, view: await milestonesView(ctx, t, s, notice) });
          }
          await afterStrategyChange(ctx, client, milestone.strategyId, [actor.slackUserId, personOf(values, MILESTONE_BLOCKS.owner) ?? '']);
        },
      };
    },
  );
}
