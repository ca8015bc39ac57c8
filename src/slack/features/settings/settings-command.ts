// /reap settings: job schedules, the REDI channel and reminder days, for ORSE admins. The
// refusal for everyone else comes from the services (audited).
import { loadActor, requireOrseAdmin } from '../../../services/authz.js';
import { DEFAULT_REMINDER_OFFSET_DAYS, loadSettings } from '../../../services/settings.js';
import { openView, updateView } from '../briefing/briefing-support.js';
import { problemText } from '../../service-errors.js';
import { settingsLoadingModal, settingsModal } from './ui/settings-modal.js';
import type { SubcommandHandler } from '../../commands/types.js';

export const settingsCommand: SubcommandHandler = async ({ ctx, caller, t, ack, respond, client, command }) => {
  let actor;
  try {
    actor = await loadActor(ctx, caller.slackUserId);
    await requireOrseAdmin(ctx, actor, { action: 'settings.view', entityType: 'settings', entityId: 'app' });
  } catch (e) {
    await ack({ response_type: 'ephemeral', text: problemText(ctx, t, e, 'could not start /reap settings') });
    return;
  }
  await ack();
  // The trigger lives 3 seconds: open first, then read schedules and settings.
  const opened = await openView(ctx, client, command.trigger_id, settingsLoadingModal(t));
  if (!opened) {
    await respond({ response_type: 'ephemeral', text: t('common.errorGeneric') }).catch(() => {});
    return;
  }
  let view;
  try {
    const s = await loadSettings(ctx, actor);
    view = settingsModal(t, { ...s, defaultOffsetDays: DEFAULT_REMINDER_OFFSET_DAYS });
  } catch (e) {
    view = settingsLoadingModal(t, problemText(ctx, t, e, 'could not load the settings'));
  }
  await updateView(ctx, client, opened.viewId, view, opened.hash);
};
