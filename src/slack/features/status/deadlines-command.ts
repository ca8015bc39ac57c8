// /reap deadlines: the caller's overdue and upcoming milestones and strategies.
// Acknowledged at once; the answer follows through the response_url.
import { callerActor } from '../../caller.js';
import { myDeadlines } from '../../../services/deadlines.js';
import { deadlinesMessage } from './ui/deadlines-message.js';
import type { SubcommandHandler } from '../../commands/types.js';
import { problemText } from '../../service-errors.js';

export const deadlinesCommand: SubcommandHandler = async ({ ctx, caller, t, ack, respond }) => {
  await ack();
  try {
    const actor = await callerActor(ctx, caller);
    const now = ctx.now();
    const d = await myDeadlines(ctx, actor, now);
    await respond({ response_type: 'ephemeral', ...deadlinesMessage(t, d, now) });
  } catch (e) {
    await respond({
      response_type: 'ephemeral',
      text: problemText(ctx, t, e, 'reading command failed', { subcommand: 'deadlines', user: caller.slackUserId }),
    });
  }
};
