import { validateBlocks } from '../block-kit-validator.js';
import { RateLimitedError, SlackApiError, jsonArg, optionalString, requireString, type MethodEnv, type MethodHandler } from '../method-context.js';
import type { BlockKitError } from '../schema-engine.js';
import { isObject, type FakeChannel, type JsonObject } from '../types.js';
import { mimeOf } from './files.js';
import { messageObject, requirePostable, requireVisibleChannel } from './shared.js';

/**
 * chat.postMessage / postEphemeral / update / delete / getPermalink. Error codes and argument
 * rules: REF(chat.*) via docs/slack-platform.md §5–6.
 */
export const chatMethods: Record<string, MethodHandler> = {
  'chat.postMessage': (args, env) => {
    const channelRef = requireString(args, 'channel', 'channel_not_found');
    const content = readContent(args, env);
    const channel = requireVisibleChannel(env, channelRef);
    requirePostable(env, channel);
    enforcePostingRate(env, channel);
    const message = env.workspace.addMessage({
      channel: channel.id,
      user: env.workspace.bot.userId,
      bot_id: env.workspace.bot.botId,
      app_id: env.workspace.bot.appId,
      text: content.text ?? content.markdown_text ?? '',
      blocks: content.blocks,
      attachments: content.attachments,
      thread_ts: optionalString(args, 'thread_ts'),
      metadata: jsonArg(args, 'metadata', 'invalid_metadata_format'),
      source: 'chat.postMessage',
    });
    return { channel: channel.id, ts: message.ts, message: messageObject(message) };
  },

  'chat.postEphemeral': (args, env) => {
    const channelRef = requireString(args, 'channel', 'channel_not_found');
    const userId = requireString(args, 'user', 'user_not_found');
    const content = readContent(args, env);
    const channel = requireVisibleChannel(env, channelRef);
    requirePostable(env, channel);
    const user = env.workspace.users.get(userId);
    if (!user) throw new SlackApiError('user_not_found');
    if (!isInChannel(channel, userId)) throw new SlackApiError('user_not_in_channel');
    const ephemeral = env.workspace.addEphemeral({
      channel: channel.id,
      user: userId,
      text: content.text ?? content.markdown_text ?? '',
      blocks: content.blocks,
      thread_ts: optionalString(args, 'thread_ts'),
      source: 'chat.postEphemeral',
    });
    return { message_ts: ephemeral.ts };
  },

  'chat.update': (args, env) => {
    const channel = requireVisibleChannel(env, requireString(args, 'channel', 'channel_not_found'));
    const ts = requireString(args, 'ts', 'message_not_found');
    const content = readContent(args, env);
    // REF(chat.update) msg_too_long: "the text field cannot exceed 4,000 characters".
    if (content.text !== undefined && Array.from(content.text).length > 4000) throw new SlackApiError('msg_too_long');
    const message = env.workspace.findMessage(channel.id, ts);
    if (!message) throw new SlackApiError('message_not_found');
    if (message.user !== env.workspace.bot.userId) throw new SlackApiError('cant_update_message');
    const updated = env.workspace.replaceMessage(channel.id, ts, {
      ...(content.text !== undefined ? { text: content.text } : {}),
      ...(content.blocks !== undefined ? { blocks: content.blocks } : {}),
      ...(content.attachments !== undefined ? { attachments: content.attachments } : {}),
      edited: { user: env.workspace.bot.userId, ts: env.workspace.nextTs() },
    });
    if (!updated) throw new SlackApiError('message_not_found');
    return { channel: channel.id, ts, text: updated.text, message: messageObject(updated) };
  },

  'chat.delete': (args, env) => {
    const channel = requireVisibleChannel(env, requireString(args, 'channel', 'channel_not_found'));
    const ts = requireString(args, 'ts', 'message_not_found');
    const message = env.workspace.findMessage(channel.id, ts);
    if (!message) throw new SlackApiError('message_not_found');
    if (message.user !== env.workspace.bot.userId) throw new SlackApiError('cant_delete_message');
    env.workspace.deleteMessage(channel.id, ts);
    return { channel: channel.id, ts };
  },

  'chat.getPermalink': (args, env) => {
    const channel = requireVisibleChannel(env, requireString(args, 'channel', 'channel_not_found'));
    const ts = requireString(args, 'message_ts', 'message_not_found');
    const message = env.workspace.findMessage(channel.id, ts);
    if (!message) throw new SlackApiError('message_not_found');
    const base = `https://${env.workspace.team.domain}.slack.com/archives/${channel.id}/p${ts.replace('.', '')}`;
    const inThread = message.thread_ts !== undefined && message.thread_ts !== message.ts;
    const permalink = inThread ? `${base}?thread_ts=${message.thread_ts}&cid=${channel.id}` : base;
    return { channel: channel.id, permalink };
  },
};

interface MessageContent {
  text?: string;
  blocks?: unknown[];
  attachments?: unknown[];
  markdown_text?: string;
}

/**
 * The content arguments every chat.* method shares. Slack needs one of text, blocks,
 * attachments or markdown_text (no_text); markdown_text excludes text and blocks
 * (markdown_text_conflict); blocks must be a JSON array (invalid_blocks_format) that passes
 * Block Kit validation for messages (invalid_blocks).
 */
export function readContent(args: JsonObject, env?: MethodEnv): MessageContent {
  const text = optionalString(args, 'text');
  const markdown_text = optionalString(args, 'markdown_text');
  const blocks = readBlocks(args);
  if (blocks && env) requireSlackFiles(env, blocks);
  const attachments = readAttachments(args);
  if (markdown_text !== undefined && (text !== undefined || blocks !== undefined)) throw new SlackApiError('markdown_text_conflict');
  if (markdown_text !== undefined && Array.from(markdown_text).length > 12000) throw new SlackApiError('msg_too_long');
  const hasContent = text !== undefined || markdown_text !== undefined || (blocks?.length ?? 0) > 0 || (attachments?.length ?? 0) > 0;
  if (!hasContent) throw new SlackApiError('no_text');
  return { text, blocks, attachments, markdown_text };
}

function readBlocks(args: JsonObject): unknown[] | undefined {
  const blocks = jsonArg(args, 'blocks', 'invalid_blocks_format');
  if (blocks === undefined) return undefined;
  if (!Array.isArray(blocks)) throw new SlackApiError('invalid_blocks_format');
  const errors = validateBlocks(blocks, 'message');
  if (errors.length > 0) throw new SlackApiError('invalid_blocks', { blockErrors: errors });
  return blocks;
}

/**
 * An image's slack_file must name an image file whose bytes arrived and whose upload was
 * completed, uploaded with this token (a file shared nowhere is visible to its uploader
 * only); otherwise Slack answers invalid_blocks "invalid slack file" (views: `error`, see
 * views.ts).
 */
export function requireSlackFiles(env: MethodEnv, blocks: unknown[], error = 'invalid_blocks'): void {
  const errors: BlockKitError[] = [];
  const visit = (node: unknown, pointer: string): void => {
    if (Array.isArray(node)) return node.forEach((child, i) => visit(child, `${pointer}/${i}`));
    if (!isObject(node)) return;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'slack_file' && isObject(value)) {
        if (!slackFileUsable(env, value)) errors.push({ pointer: `${pointer}/slack_file`, message: 'invalid slack file', code: 'failed_constraint' });
      } else visit(value, `${pointer}/${key}`);
    }
  };
  visit(blocks, '/blocks');
  if (errors.length > 0) throw new SlackApiError(error, { blockErrors: errors });
}

function slackFileUsable(env: MethodEnv, ref: JsonObject): boolean {
  const id = typeof ref.id === 'string' ? ref.id : typeof ref.url === 'string' ? /\/(F[A-Z0-9]{8,})(?:\/|$)/.exec(ref.url)?.[1] : undefined;
  const file = id === undefined ? undefined : env.workspace.files.get(id);
  if (!file?.uploaded || !file.completed) return false;
  if (file.user !== env.workspace.bot.userId && file.channels.length === 0) return false;
  return mimeOf(file.name).mimetype.startsWith('image/');
}

/** Legacy attachments may carry blocks; those follow the message rules too. */
function readAttachments(args: JsonObject): unknown[] | undefined {
  const attachments = jsonArg(args, 'attachments', 'invalid_attachments');
  if (attachments === undefined) return undefined;
  if (!Array.isArray(attachments)) throw new SlackApiError('invalid_attachments');
  if (attachments.length > 100) throw new SlackApiError('too_many_attachments');
  const errors: BlockKitError[] = attachments.flatMap((attachment, index) =>
    isObject(attachment) && attachment.blocks !== undefined ? validateBlocks(attachment.blocks, 'message', { pointer: `/attachments/${index}/blocks` }) : [],
  );
  if (errors.length > 0) throw new SlackApiError('invalid_blocks', { blockErrors: errors });
  return attachments;
}

function isInChannel(channel: FakeChannel, userId: string): boolean {
  return channel.kind === 'im' ? channel.dmUser === userId : channel.members.has(userId);
}

function enforcePostingRate(env: MethodEnv, channel: FakeChannel): void {
  const decision = env.postingRate?.take(channel.id);
  if (decision && !decision.allowed) throw new RateLimitedError(decision.retryAfterSeconds);
}
