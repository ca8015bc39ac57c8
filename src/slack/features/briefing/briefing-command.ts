// /reap briefing: ORSE admins' quarterly briefings. With briefings on file it lists the
// recent ones (Edit, Cancel, New); with none, or with `new`, it opens the composer right
// away. Everyone else gets the refusal (audited by the services).
import { callerActor } from '../../caller.js';
import { listBriefings, requireBriefingComposer } from '../../../services/briefings.js';
import { newComposer } from './briefing-support.js';
import { openView } from '../../loading-modal.js';
import { problemText } from '../../service-errors.js';
import { briefingListMessage } from './ui/briefing-message.js';
import { briefingComposerModal } from './ui/briefing-modal.js';
import type { SubcommandHandler } from '../../commands/types.js';

export const briefingCommand: SubcommandHandler = async ({ ctx, caller, t, ack, respond, client, command, args }) => {
  const wantsNew = /^(new|nuevo|nueva|mới|moi)$/i.test(args.trim());
  let list;
  try {
    const actor = await callerActor(ctx, caller);
    await requireBriefingComposer(ctx, actor);
    list = wantsNew ? [] : await listBriefings(ctx, actor);
  } catch (e) {
    await ack({ response_type: 'ephemeral', text: problemText(ctx, t, e, 'could not start /reap briefing') });
    return;
  }
  if (list.length > 0) {
    await ack({ response_type: 'ephemeral', ...briefingListMessage(t, list) });
    return;
  }
  await ack();
  const opened = await openView(ctx, client, { triggerId: command.trigger_id }, briefingComposerModal(t, newComposer(ctx)));
  if (!opened) await respond({ response_type: 'ephemeral', text: t('common.errorGeneric') }).catch(() => {});
};
