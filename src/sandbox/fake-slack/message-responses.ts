import { validateBlocks } from './block-kit-validator.js';
import type { ResponseUrlContext } from './interactivity.js';
import type { BlockKitError } from './schema-engine.js';
import type { JsonObject } from './types.js';
import type { Workspace } from './workspace.js';

/**
 * What Slack does with a "message response": a JSON body POSTed to a response_url, or the body of
 * a slash command's ack. Fields (docs.slack.dev/interactivity/handling-user-interaction):
 * text, blocks, response_type (ephemeral by default, or in_channel), replace_original,
 * delete_original, thread_ts.
 */

export type ResponseOutcome =
  | { ok: true; effect: 'deleted' | 'replaced' | 'posted' | 'ephemeral' }
  | { ok: false; code: 'invalid_blocks' | 'no_text'; errors: BlockKitError[] };

export function applyMessageResponse(workspace: Workspace, context: ResponseUrlContext, body: JsonObject, source: string): ResponseOutcome {
  if (body.delete_original === true) {
    deleteOriginal(workspace, context);
    return { ok: true, effect: 'deleted' };
  }
  const text = typeof body.text === 'string' ? body.text : undefined;
  const blocks = Array.isArray(body.blocks) ? body.blocks : undefined;
  if (body.blocks !== undefined) {
    const errors = validateBlocks(body.blocks, 'message');
    if (errors.length > 0) return { ok: false, code: 'invalid_blocks', errors };
  }
  if (text === undefined && (blocks?.length ?? 0) === 0) return { ok: false, code: 'no_text', errors: [] };
  const threadTs = typeof body.thread_ts === 'string' ? body.thread_ts : undefined;
  if (body.replace_original === true && replaceOriginal(workspace, context, text ?? '', blocks)) {
    return { ok: true, effect: 'replaced' };
  }
  if (body.response_type === 'in_channel') {
    workspace.addMessage({
      channel: context.channel,
      user: workspace.bot.userId,
      bot_id: workspace.bot.botId,
      app_id: workspace.bot.appId,
      text: text ?? '',
      blocks,
      thread_ts: threadTs,
      source,
    });
    return { ok: true, effect: 'posted' };
  }
  workspace.addEphemeral({ channel: context.channel, user: context.user, text: text ?? '', blocks, thread_ts: threadTs, source });
  return { ok: true, effect: 'ephemeral' };
}

function deleteOriginal(workspace: Workspace, context: ResponseUrlContext): void {
  if (context.messageTs === undefined) return;
  if (context.isEphemeral) workspace.removeEphemeral(context.messageTs);
  else workspace.deleteMessage(context.channel, context.messageTs);
}

function replaceOriginal(workspace: Workspace, context: ResponseUrlContext, text: string, blocks: unknown[] | undefined): boolean {
  if (context.messageTs === undefined) return false;
  if (context.isEphemeral) return workspace.replaceEphemeral(context.messageTs, { text, blocks });
  return workspace.replaceMessage(context.channel, context.messageTs, { text, blocks: blocks ?? [] }) !== undefined;
}
