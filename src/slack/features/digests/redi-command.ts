// /reap redi join|leave: the caller joins or leaves the monthly REDI digest (a DM of the
// practices and roadblocks departments shared, grouped by theme). `/reap redi` alone says
// whether they get it and how to change that. Answers in the caller's language; people
// REAP Tracker does not know get the unknown-member message naming whom to ask.
import { isServiceError } from '../../../services/errors.js';
import { joinRediDigest, leaveRediDigest, rediSubscriptionStatus } from '../../../services/redi-subscriptions.js';
import { describeServiceError } from '../../service-errors.js';
import type { SubcommandHandler } from '../../commands/types.js';

/** The words people may type (English, Spanish, Vietnamese without tone marks too). */
const JOIN = new Set(['join', 'subscribe', 'on', 'start', 'unirse', 'suscribir', 'thamgia', 'tham gia']);
const LEAVE = new Set(['leave', 'unsubscribe', 'off', 'stop', 'salir', 'cancelar', 'roi', 'rời', 'huy', 'hủy']);

export function parseRediArgs(args: string): 'join' | 'leave' | 'status' | null {
  const word = args.trim().toLowerCase().replace(/\s+/g, ' ');
  if (word === '' || word === 'status' || word === 'estado') return 'status';
  if (JOIN.has(word)) return 'join';
  if (LEAVE.has(word)) return 'leave';
  return null;
}

export const rediCommand: SubcommandHandler = async ({ ctx, args, caller, t, ack }) => {
  const choice = parseRediArgs(args);
  if (choice === null) {
    await ack({ response_type: 'ephemeral', text: t('redi.command.usage') });
    return;
  }
  let text: string;
  try {
    if (choice === 'status') {
      const { subscribed } = await rediSubscriptionStatus(ctx, caller.slackUserId);
      text = `${t(subscribed ? 'redi.command.statusOn' : 'redi.command.statusOff')}\n${t('redi.command.usage')}`;
    } else if (choice === 'join') {
      const r = await joinRediDigest(ctx, caller.slackUserId);
      text = t(r.changed ? 'redi.command.joined' : 'redi.command.alreadyJoined');
    } else {
      const r = await leaveRediDigest(ctx, caller.slackUserId);
      text = t(r.changed ? 'redi.command.left' : 'redi.command.notJoined');
    }
  } catch (e) {
    if (!isServiceError(e)) throw e;
    text = describeServiceError(t, e);
  }
  await ack({ response_type: 'ephemeral', text });
};
