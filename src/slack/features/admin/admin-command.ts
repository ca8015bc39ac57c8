// /reap admin: the roles and departments form, for ORSE admins only. Everyone else gets
// the refusal (audited by the services); people REAP Tracker does not know are told how
// to be added.
import { callerActor } from '../../caller.js';
import { requireOrseAdmin } from '../../../services/authz.js';
import { adminDepartments } from './admin-support.js';
import { openThenFill } from '../../loading-modal.js';
import { problemText } from '../../service-errors.js';
import { adminLoadingModal, adminModal, adminProblemModal } from './ui/admin-modal.js';
import type { SubcommandHandler } from '../../commands/types.js';

export const adminCommand: SubcommandHandler = async ({ ctx, caller, t, ack, respond, client, command }) => {
  try {
    const actor = await callerActor(ctx, caller);
    await requireOrseAdmin(ctx, actor, { action: 'admin.open', entityType: 'member', entityId: caller.slackUserId });
  } catch (e) {
    await ack({ response_type: 'ephemeral', text: problemText(ctx, t, e, 'could not start /reap admin') });
    return;
  }
  await ack();
  await openThenFill(ctx, client, {
    opener: { triggerId: command.trigger_id },
    loading: adminLoadingModal(t),
    load: async () => adminModal(t, { departments: await adminDepartments(ctx), target: null }),
    problem: (text) => adminProblemModal(t, text),
    t,
    what: 'could not load the admin form',
    notOpened: () => respond({ response_type: 'ephemeral', text: t('common.errorGeneric') }).catch(() => {}),
  });
};
