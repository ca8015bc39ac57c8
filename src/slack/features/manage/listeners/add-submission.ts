// Submit of the Add strategy modal (/reap add): addStrategy decides who may add where and
// numbers the strategy; the modal then shows what was added. A citywide plan's form also
// sends the lead and partner departments, which the service requires and checks.
import type { SubmitListener } from '../../../listener-types.js';
import type { AppContext } from '../../../../services/app-context.js';
import { invalidField } from '../../../../services/errors.js';
import { addStrategy } from '../../../../services/strategies.js';
import { resultModal } from '../ui/manage-modals.js';
import { escapeMrkdwn } from '../../../ui/mrkdwn.js';
import { STRATEGY_BLOCKS } from '../ui/strategy-form.js';
import { afterStrategyChange, strategySubmission } from '../strategy-submission.js';
import { personOf, selectedOf } from '../../../view-state.js';
import { citywideOf, strategyBlockFor, strategyFieldsOf } from '../strategy-fields.js';

export function addSubmission(ctx: AppContext): SubmitListener {
  return strategySubmission(ctx, strategyBlockFor, async ({ actor, t, values, client }) => {
    const objective = selectedOf(values, STRATEGY_BLOCKS.objective);
    // Slack's client requires the objective; a crafted payload without one gets the same words.
    if (objective === null) throw invalidField('objectiveId', 'errors.invalid.required');
    const { strategy } = await addStrategy(ctx, actor, {
      ...strategyFieldsOf(values),
      // A crafted objective id is refused by the service (not found, or not theirs to manage).
      objectiveId: Number(objective),
      ownerSlackId: personOf(values, STRATEGY_BLOCKS.owner),
      citywide: citywideInput(values),
    });
    return {
      view: resultModal(t, t('manage.done.added', { label: escapeMrkdwn(strategy.label), plan: escapeMrkdwn(strategy.plan.title) })),
      after: () => afterStrategyChange(ctx, client, strategy.id, [actor.slackUserId]),
    };
  });
}

/** A department plan's form sends neither input; the service ignores this for its strategies. */
function citywideInput(values: Parameters<typeof citywideOf>[0]) {
  const c = citywideOf(values);
  return { leadDepartmentId: c?.leadDepartmentId ?? null, partnerDepartmentIds: c?.partnerDepartmentIds ?? [] };
}
