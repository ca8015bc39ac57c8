// /reap admin: the roles and departments form, for ORSE admins only. Everyone else gets
// the refusal (audited by the services); people REAP Tracker does not know are told how
// to be added.
import { loadActor, requireOrseAdmin } from '../../../services/authz.js';
import { adminDepartments } from './admin-support.js';
import { fillModal, openLoading } from '../manage/manage-support.js';
import { problemText } from '../../service-errors.js';
import { adminLoadingModal, adminModal, adminProblemModal } from './ui/admin-modal.js';
import type { SubcommandHandler } from '../../commands/types.js';

export const adminCommand: SubcommandHandler = async ({ ctx, caller, t, ack, respond, client, command }) => {
  try {
    const actor = await loadActor(ctx, caller.slackUserId);
    await requireOrseAdmin(ctx, actor, { action: 'admin.open', entityType: 'member', entityId: caller.slackUserId });
  } catch (e) {
    await ack({ response_type: 'ephemeral', text: problemText(ctx, t, e, 'could not start /reap admin') });
    return;
  }
  await ack();
  const opened = await openLoading(ctx, client, { triggerId: command.trigger_id, t, fromModal: false, view: adminLoadingModal(t) });
  if (!opened) {
    await respond({ response_type: 'ephemeral', text: t('common.errorGeneric') }).catch(() => {});
    return;
  }
  let view;
  try {
    view = adminModal(t, { departments: await adminDepartments(ctx), target: null });
  } catch (e) {
    view = adminProblemModal(t, problemText(ctx, t, e, 'could not load the admin form'));
  }
  await fillModal(ctx, client, opened, view);
};
