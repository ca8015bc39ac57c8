// An ORSE admin switches department in the Add strategy modal, or picks a citywide plan:
// the objectives (a citywide plan's pillars) and owners follow. The services check the
// admin may manage what was picked.
import type { BlockAction, StaticSelectAction } from '@slack/bolt';
import type { ActionListener } from '../../../listener-types.js';
import type { AppContext } from '../../../../services/app-context.js';
import { loadActor } from '../../../../services/authz.js';
import { findDepartment } from '../../../../services/departments.js';
import { problemModal } from '../ui/manage-modals.js';
import { parseAddTarget } from '../ui/strategy-form.js';
import { addCitywideStrategyView, addStrategyView } from '../strategy-views.js';
import { replaceView } from '../../../loading-modal.js';
import { speakerFor } from '../../../caller.js';
import { problemText } from '../../../service-errors.js';

export function addDepartmentSelect(ctx: AppContext): ActionListener<BlockAction<StaticSelectAction>> {
  return async ({ ack, body, action, client }) => {
    await ack();
    if (!body.view) return;
    const { t } = await speakerFor(ctx, body.user.id);
    const target = parseAddTarget(action.selected_option?.value);
    let view;
    try {
      const actor = await loadActor(ctx, body.user.id);
      if (target && 'planId' in target) {
        view = (await addCitywideStrategyView(ctx, t, actor, target.planId)) ?? problemModal(t, t('manage.empty.planGone'));
      } else {
        const department = target ? await findDepartment(ctx, target.departmentId) : null;
        view = department ? await addStrategyView(ctx, t, actor, department) : problemModal(t, t('errors.notFound.departmentGone'));
      }
    } catch (e) {
      view = problemModal(t, problemText(ctx, t, e, 'could not switch department in the add form'));
    }
    await replaceView(ctx, client, { viewId: body.view.id, hash: body.view.hash }, view);
  };
}
