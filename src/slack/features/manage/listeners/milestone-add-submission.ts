// Submit of the Milestones modal: adds a milestone and shows the list again with it, the
// add form emptied for the next one.
import type { SubmitListener } from '../../../listener-types.js';
import type { AppContext } from '../../../../services/app-context.js';
import { notFound } from '../../../../services/errors.js';
import { addMilestone } from '../../../../services/strategies.js';
import { liveStrategy, strategyLabel } from '../../../../services/strategy-records.js';
import { MILESTONE_BLOCKS, milestonesMetadata } from '../ui/milestone-form.js';
import { escapeMrkdwn } from '../../../ui/mrkdwn.js';
import { afterStrategyChange, strategySubmission } from '../strategy-submission.js';
import { milestonesView } from '../strategy-views.js';
import { dateOf, personOf, textOf } from '../../../view-state.js';

export function milestoneAddSubmission(ctx: AppContext): SubmitListener {
  return strategySubmission(
    ctx,
    (field) => field,
    async ({ actor, t, view, values, client }) => {
      const strategyId = milestonesMetadata.decode(view.private_metadata)?.strategyId;
      if (strategyId === undefined) throw notFound('errors.notFound.strategy', { strategyId: null });
      const { milestone } = await addMilestone(ctx, actor, strategyId, {
        title: textOf(values, MILESTONE_BLOCKS.title),
        dueDate: dateOf(values, MILESTONE_BLOCKS.dueDate) ?? '',
        ownerSlackId: personOf(values, MILESTONE_BLOCKS.owner),
      });
      const s = await liveStrategy(ctx, strategyId);
      const notice = t('manage.done.milestoneAdded', { title: escapeMrkdwn(milestone.title), label: escapeMrkdwn(strategyLabel(s)) });
      const owner = personOf(values, MILESTONE_BLOCKS.owner);
      return {
        view: await milestonesView(ctx, t, s, `:white_check_mark: ${notice}`, `:${milestone.id}`),
        // Deadlines on App Home include milestones.
        after: () => afterStrategyChange(ctx, client, s.id, [actor.slackUserId, owner ?? '']),
      };
    },
  );
}
