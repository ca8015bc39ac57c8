import {
  SlackApiError,
  listArg,
  optionalBoolean,
  optionalNumber,
  optionalString,
  paginate,
  requireString,
  type MethodEnv,
  type MethodHandler,
} from '../method-context.js';
import type { ChannelKind, FakeChannel, JsonObject } from '../types.js';
import { channelCanvas } from './canvases.js';
import { conversationObject, messageObject, requireVisibleChannel } from './shared.js';

/** conversations.open / info / list / members / history (REF(conversations.*)). */
export const conversationsMethods: Record<string, MethodHandler> = {
  'conversations.open': (args, env) => {
    const existingId = optionalString(args, 'channel');
    if (existingId !== undefined) return openExisting(existingId, args, env);
    const userIds = listArg(args, 'users');
    if (userIds.length === 0) throw new SlackApiError('users_list_not_supplied');
    if (userIds.length > 8) throw new SlackApiError('too_many_users');
    for (const id of userIds) requireActiveUser(id, env);
    if (userIds.length > 1) {
      const mpim = env.workspace.mpimWith(userIds);
      return { channel: openReply(mpim, args, env) };
    }
    const { channel, created } = env.workspace.dmWith(userIds[0] ?? '');
    return { ...(created ? {} : { no_op: true, already_open: true }), channel: openReply(channel, args, env) };
  },

  'conversations.info': (args, env) => {
    const channel = requireVisibleChannel(env, requireString(args, 'channel', 'channel_not_found'));
    const object = conversationObject(channel, env, optionalBoolean(args, 'include_num_members') === true);
    // conversations.canvases.create's docs: a channel canvas's id is in channel.properties.canvas.
    const canvas = channelCanvas(env.workspace, channel.id);
    if (canvas) object.properties = { canvas: { file_id: canvas.id, is_empty: canvas.sections.length === 0 } };
    return { channel: object };
  },

  'conversations.list': (args, env) => {
    const kinds = requestedKinds(listArg(args, 'types'));
    const excludeArchived = optionalBoolean(args, 'exclude_archived') === true;
    const visible = [...env.workspace.channels.values()].filter((c) => kinds.has(c.kind) && !(excludeArchived && c.is_archived) && isListable(c, env));
    const { page, nextCursor } = paginate(visible, args);
    return { channels: page.map((c) => conversationObject(c, env)), response_metadata: { next_cursor: nextCursor } };
  },

  'conversations.members': (args, env) => {
    const channel = requireVisibleChannel(env, requireString(args, 'channel', 'channel_not_found'));
    const { page, nextCursor } = paginate([...channel.members], args);
    return { members: page, response_metadata: { next_cursor: nextCursor } };
  },

  'conversations.history': (args, env) => {
    const channel = requireVisibleChannel(env, requireString(args, 'channel', 'channel_not_found'));
    if (!channel.members.has(env.workspace.bot.userId)) throw new SlackApiError('not_in_channel');
    const inWindow = historyWindow(args);
    const topLevel = env.workspace
      .messages(channel.id)
      .filter((m) => (m.thread_ts === undefined || m.thread_ts === m.ts) && inWindow(Number(m.ts)))
      .reverse();
    const { page, nextCursor } = paginate(topLevel, args);
    return {
      messages: page.map(messageObject),
      has_more: nextCursor !== '',
      pin_count: 0,
      response_metadata: { next_cursor: nextCursor },
    };
  },
};

function requireActiveUser(id: string, env: MethodEnv): void {
  const user = env.workspace.users.get(id);
  if (!user) throw new SlackApiError('user_not_found');
  if (user.deleted) throw new SlackApiError('user_disabled');
}

function openExisting(channelId: string, args: JsonObject, env: MethodEnv): JsonObject {
  const channel = env.workspace.channels.get(channelId);
  if (!channel || (channel.kind !== 'im' && channel.kind !== 'mpim')) throw new SlackApiError('channel_not_found');
  return { no_op: true, already_open: true, channel: openReply(channel, args, env) };
}

/** conversations.open answers `{id}` only, unless return_im asks for the whole object. */
function openReply(channel: FakeChannel, args: JsonObject, env: MethodEnv): JsonObject {
  return optionalBoolean(args, 'return_im') === true ? conversationObject(channel, env) : { id: channel.id };
}

const TYPE_TO_KIND: Readonly<Record<string, ChannelKind>> = {
  public_channel: 'channel',
  private_channel: 'group',
  im: 'im',
  mpim: 'mpim',
};

function requestedKinds(types: string[]): Set<ChannelKind> {
  const requested = types.length === 0 ? ['public_channel'] : types;
  const kinds = new Set<ChannelKind>();
  for (const type of requested) {
    const kind = TYPE_TO_KIND[type];
    if (!kind) throw new SlackApiError('invalid_types');
    kinds.add(kind);
  }
  return kinds;
}

function isListable(channel: FakeChannel, env: MethodEnv): boolean {
  return !channel.is_private || channel.members.has(env.workspace.bot.userId);
}

/** oldest/latest bound the window; both exclusive unless inclusive=true (REF(conversations.history)). */
function historyWindow(args: JsonObject): (ts: number) => boolean {
  const oldest = optionalNumber(args, 'oldest') ?? 0;
  const latest = optionalNumber(args, 'latest') ?? Number.POSITIVE_INFINITY;
  const inclusive = optionalBoolean(args, 'inclusive') === true;
  return (ts) => (inclusive ? ts >= oldest && ts <= latest : ts > oldest && ts < latest);
}
