// /reap settings: job schedules, the REDI channel and reminder days, for ORSE admins. The
// refusal for everyone else comes from the services (audited).
import { callerActor } from '../../caller.js';
import { requireOrseAdmin } from '../../../services/authz.js';
import { DEFAULT_REMINDER_OFFSET_DAYS, loadSettings } from '../../../services/settings.js';
import { openThenFill } from '../../loading-modal.js';
import { problemText } from '../../service-errors.js';
import { settingsLoadingModal, settingsModal } from './ui/settings-modal.js';
import type { SubcommandHandler } from '../../commands/types.js';

export const settingsCommand: SubcommandHandler = async ({ ctx, caller, t, ack, respond, client, command }) => {
  let actor;
  try {
    actor = await callerActor(ctx, caller);
    await requireOrseAdmin(ctx, actor, { action: 'settings.view', entityType: 'settings', entityId: 'app' });
  } catch (e) {
    await ack({ response_type: 'ephemeral', text: problemText(ctx, t, e, 'could not start /reap settings') });
    return;
  }
  await ack();
  await openThenFill(ctx, client, {
    opener: { triggerId: command.trigger_id },
    loading: settingsLoadingModal(t),
    load: async () => settingsModal(t, { ...(await loadSettings(ctx, actor)), defaultOffsetDays: DEFAULT_REMINDER_OFFSET_DAYS }),
    problem: (text) => settingsLoadingModal(t, text),
    t,
    what: 'could not load the settings',
    notOpened: () => respond({ response_type: 'ephemeral', text: t('common.errorGeneric') }).catch(() => {}),
  });
};
