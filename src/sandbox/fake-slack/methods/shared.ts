import { SlackApiError, type MethodEnv } from '../method-context.js';
import type { FakeChannel, JsonObject, StoredMessage } from '../types.js';

/**
 * Channel visibility and posting rules shared by chat.*, conversations.* and
 * files.completeUploadExternal, plus the wire shapes of conversations and messages.
 */

/**
 * The bot sees public channels, and private channels and DMs only when it is a member; anything
 * else is channel_not_found (REF: "Value passed for channel was invalid", also for hidden ones).
 */
export function requireVisibleChannel(env: MethodEnv, ref: string | undefined): FakeChannel {
  const channel = ref === undefined ? undefined : env.workspace.resolveChannel(ref);
  if (!channel) throw new SlackApiError('channel_not_found');
  if (channel.is_private && !channel.members.has(env.workspace.bot.userId)) throw new SlackApiError('channel_not_found');
  return channel;
}

/** What stops a bot from posting into a channel it can see. */
export function requirePostable(env: MethodEnv, channel: FakeChannel): void {
  if (channel.is_archived) throw new SlackApiError('is_archived');
  if (channel.kind === 'im' && channel.dmUser !== undefined) {
    const user = env.workspace.users.get(channel.dmUser);
    // Posting to a deactivated user's DM fails as the brief's docs describe (account_inactive).
    if (!user || user.deleted) throw new SlackApiError('account_inactive');
    return;
  }
  const isMember = channel.members.has(env.workspace.bot.userId);
  const publicWithoutJoining = env.settings.chatWritePublic && !channel.is_private;
  if (!isMember && !publicWithoutJoining) throw new SlackApiError('not_in_channel');
}

export function conversationObject(channel: FakeChannel, env: MethodEnv, includeNumMembers = false): JsonObject {
  const created = channel.created;
  if (channel.kind === 'im') {
    const user = channel.dmUser === undefined ? undefined : env.workspace.users.get(channel.dmUser);
    return {
      id: channel.id,
      created,
      is_im: true,
      is_org_shared: false,
      user: channel.dmUser,
      is_user_deleted: user?.deleted ?? false,
      priority: 0,
    };
  }
  const object: JsonObject = {
    id: channel.id,
    name: channel.name,
    is_channel: channel.kind === 'channel',
    is_group: channel.kind === 'group',
    is_im: false,
    is_mpim: channel.kind === 'mpim',
    is_private: channel.is_private,
    created,
    is_archived: channel.is_archived,
    is_general: false,
    name_normalized: channel.name,
    is_shared: false,
    is_ext_shared: false,
    is_org_shared: false,
    is_member: channel.members.has(env.workspace.bot.userId),
    topic: { value: '', creator: '', last_set: 0 },
    purpose: { value: '', creator: '', last_set: 0 },
  };
  if (includeNumMembers) object.num_members = channel.members.size;
  return object;
}

/** A message as chat.* replies and conversations.history return it (no fake bookkeeping). */
export function messageObject(message: StoredMessage): JsonObject {
  const { source: _source, channel: _channel, ...wire } = message;
  return Object.fromEntries(Object.entries(wire).filter(([, value]) => value !== undefined));
}
