// Picking a person in /reap admin: the form reloads with their current roles and
// departments, so saving changes what the admin means to change and nothing else.
import type { BlockAction, UsersSelectAction } from '@slack/bolt';
import type { ActionListener } from '../../../listener-types.js';
import type { AppContext } from '../../../../services/app-context.js';
import { requireOrseAdmin, loadActor } from '../../../../services/authz.js';
import { adminModal, adminProblemModal } from '../ui/admin-modal.js';
import { adminDepartments, adminTarget } from '../admin-support.js';
import { replaceView } from '../../../loading-modal.js';
import { speakerFor } from '../../../caller.js';
import { problemText } from '../../../service-errors.js';

export function personSelect(ctx: AppContext): ActionListener<BlockAction<UsersSelectAction>> {
  return async ({ ack, body, action, client }) => {
    await ack();
    if (!body.view) return;
    const { t } = await speakerFor(ctx, body.user.id);
    let view;
    try {
      const actor = await loadActor(ctx, body.user.id);
      await requireOrseAdmin(ctx, actor, { action: 'admin.open', entityType: 'member', entityId: action.selected_user ?? '' });
      const [departments, target] = await Promise.all([
        adminDepartments(ctx),
        action.selected_user ? adminTarget(ctx, action.selected_user) : Promise.resolve(null),
      ]);
      view = adminModal(t, { departments, target });
    } catch (e) {
      view = adminProblemModal(t, problemText(ctx, t, e, 'could not load a person into the admin form'));
    }
    await replaceView(ctx, client, { viewId: body.view.id, hash: body.view.hash }, view);
  };
}
