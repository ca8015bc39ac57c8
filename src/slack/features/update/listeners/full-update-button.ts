// "Read the full update" under a long channel post (or a confirmation that cut a field
// short): opens the whole update in a modal. The trigger lives 3 seconds, so a light view
// opens first; the service decides whether the reader may see the department's update.
import type { BlockAction, ButtonAction } from '@slack/bolt';
import type { ActionListener } from '../../../listener-types.js';
import type { AppContext } from '../../../../services/app-context.js';
import { readProgressUpdate } from '../../../../services/update-reading.js';
import { loadActorWithLanguage } from '../../../caller.js';
import { fullUpdateModal, fullUpdateNoticeModal } from '../ui/update-confirmation.js';
import { openThenFill } from '../../../loading-modal.js';
import { speakerFor } from '../../../caller.js';
import { problemText } from '../../../service-errors.js';

function updateIdOf(value: string | undefined): number {
  try {
    const id = (JSON.parse(value ?? '') as { u?: unknown }).u;
    return typeof id === 'number' ? id : NaN;
  } catch {
    return NaN;
  }
}

export function fullUpdateButton(ctx: AppContext): ActionListener<BlockAction<ButtonAction>> {
  return async ({ ack, body, action, client }) => {
    await ack();
    const quick = await speakerFor(ctx, body.user.id);
    const what = 'could not open the full update';
    await openThenFill(ctx, client, {
      opener: { triggerId: body.trigger_id },
      loading: fullUpdateNoticeModal(quick.t, quick.t('update.channel.loading')),
      load: async () => {
        const who = await loadActorWithLanguage(ctx, body.user.id);
        if ('message' in who) return fullUpdateNoticeModal(quick.t, who.message);
        // Once known, the reader's own language, for a refusal too.
        try {
          return fullUpdateModal(who.t, await readProgressUpdate(ctx, who.actor, updateIdOf(action.value)));
        } catch (e) {
          return fullUpdateNoticeModal(who.t, problemText(ctx, who.t, e, what));
        }
      },
      problem: (text) => fullUpdateNoticeModal(quick.t, text),
      t: quick.t,
      what,
    });
  };
}
