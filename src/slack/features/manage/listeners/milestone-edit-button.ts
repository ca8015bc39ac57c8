// Edit next to a milestone in the Milestones modal: pushes the edit form (trigger first).
import type { BlockButtonAction } from '@slack/bolt';
import type { ActionListener } from '../../../listener-types.js';
import type { AppContext } from '../../../../services/app-context.js';
import { loadActor } from '../../../../services/authz.js';
import { STRATEGY_FIELD_LIMITS } from '../../../../domain/strategy-input.js';
import { notFound } from '../../../../services/errors.js';
import { findMilestone } from '../../../../services/milestones.js';
import { strategyLabel } from '../../../../services/strategy-records.js';
import { milestoneEditModal } from '../ui/milestone-form.js';
import { openManageForm, strategyOwnerChoices } from '../strategy-views.js';
import { loadManagedStrategy } from '../../../../services/strategies.js';

export function milestoneEditButton(ctx: AppContext): ActionListener<BlockButtonAction> {
  return async ({ ack, body, action, client }) => {
    await ack();
    const from = { slackUserId: body.user.id, triggerId: body.trigger_id, fromModal: body.view?.type === 'modal' };
    await openManageForm(ctx, client, from, 'could not open the milestone form', async (t) => {
      const actor = await loadActor(ctx, body.user.id);
      const id = Number(action.value);
      const m = Number.isSafeInteger(id) && id > 0 ? await findMilestone(ctx, id) : null;
      if (!m) throw notFound('errors.notFound.milestone', { milestoneId: action.value });
      const s = await loadManagedStrategy(ctx, actor, m.strategyId, 'milestone.edit');
      return milestoneEditModal(t, {
        strategyId: s.id,
        strategyLabel: strategyLabel(s),
        milestone: { id: m.id, title: m.title, dueDate: m.dueDate.toISOString().slice(0, 10), owner: m.owner },
        updatedAt: m.updatedAt.toISOString(),
        owners: await strategyOwnerChoices(ctx, s),
        titleLimit: STRATEGY_FIELD_LIMITS.milestoneTitle,
      });
    });
  };
}
