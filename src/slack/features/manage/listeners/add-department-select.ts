// An ORSE admin switches department in the Add strategy modal: the objectives and owners
// follow. The services check the admin may manage the department picked.
import type { BlockAction, StaticSelectAction } from '@slack/bolt';
import type { ActionListener } from '../../../listener-types.js';
import type { AppContext } from '../../../../services/app-context.js';
import { loadActor } from '../../../../services/authz.js';
import { findDepartment } from '../../../../services/departments.js';
import { problemModal } from '../ui/manage-modals.js';
import { addStrategyView } from '../strategy-views.js';
import { replaceView } from '../../../loading-modal.js';
import { speakerFor } from '../../../caller.js';
import { problemText } from '../../../service-errors.js';

export function addDepartmentSelect(ctx: AppContext): ActionListener<BlockAction<StaticSelectAction>> {
  return async ({ ack, body, action, client }) => {
    await ack();
    if (!body.view) return;
    const { t } = await speakerFor(ctx, body.user.id);
    const departmentId = Number(action.selected_option?.value);
    let view;
    try {
      const actor = await loadActor(ctx, body.user.id);
      const department = Number.isSafeInteger(departmentId) ? await findDepartment(ctx, departmentId) : null;
      view = department ? await addStrategyView(ctx, t, actor, department) : problemModal(t, t('errors.notFound.departmentGone'));
    } catch (e) {
      view = problemModal(t, problemText(ctx, t, e, 'could not switch department in the add form'));
    }
    await replaceView(ctx, client, { viewId: body.view.id, hash: body.view.hash }, view);
  };
}
