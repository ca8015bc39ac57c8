// /reap canvas, typed in a department's channel: makes the channel's canvas with the
// department's plan, or (when it exists) brings it up to date instead of making a second.
// The canvas-sync job keeps it current afterwards. Acknowledged at once; Slack's canvas
// calls can take longer than the 3 s an ack may, so the answer follows by response_url.
import { callerActor } from '../../caller.js';
import { channelCanvasRequest, departmentCanvasContent, recordDepartmentCanvas } from '../../../services/department-canvases.js';
import { createChannelCanvas, syncDepartmentCanvas, type SyncOutcome } from './department-canvas.js';
import type { Translate } from '../../i18n/index.js';
import type { SubcommandHandler } from '../../commands/types.js';
import { problemText } from '../../service-errors.js';

/** Names the command's syncs in the claim column, beside the job's instance ids. */
const COMMAND_SYNC = 'slash-command:/reap canvas';

function existingText(t: Translate, outcome: SyncOutcome): string {
  switch (outcome.kind) {
    case 'unchanged':
    case 'synced':
      return t('canvas.command.exists');
    case 'busy':
      return t('canvas.command.busy');
    case 'failed':
      return t('canvas.command.retrying', { code: outcome.code });
    case 'gone':
      return t('canvas.command.gone', { code: outcome.code });
  }
}

export const canvasCommand: SubcommandHandler = async ({ ctx, command, caller, t, ack, respond, client }) => {
  await ack();
  const say = (text: string) => respond({ response_type: 'ephemeral', text });
  try {
    const actor = await callerActor(ctx, caller);
    const request = await channelCanvasRequest(ctx, actor, command.channel_id);
    if (request.kind === 'elsewhere') {
      await say(request.ownChannelId ? t('canvas.command.elsewhere', { channel: request.ownChannelId }) : t('canvas.command.elsewhereGeneric'));
      return;
    }
    const { department, canvas } = request;
    if (canvas) {
      // Forced: a person may have edited the canvas by hand, which no hash can see.
      await say(existingText(t, await syncDepartmentCanvas(ctx, client, canvas, { instanceId: COMMAND_SYNC, force: true })));
      return;
    }
    const content = await departmentCanvasContent(ctx, department.id);
    if (!content?.plan) {
      await say(t('canvas.command.noPlan', { department: department.name }));
      return;
    }
    const created = await createChannelCanvas(ctx, client, command.channel_id, content);
    if (created.kind === 'foreign') return void (await say(t('canvas.command.foreign')));
    if (created.kind === 'failed') {
      ctx.logger.warn({ err: created.code, channel: command.channel_id }, 'could not create the department canvas');
      return void (await say(t('canvas.command.failed', { code: created.code })));
    }
    const written = created.kind === 'created' ? created.rendered : null;
    const row = await recordDepartmentCanvas(ctx, actor, {
      departmentId: department.id,
      channelId: command.channel_id,
      canvasId: created.canvasId,
      contentHash: written?.hash ?? null,
      sectionHashes: written?.sectionHashes ?? null,
    });
    // An adopted canvas holds whatever a lost attempt left: rewrite it now rather than in a minute.
    if (created.kind === 'adopted') await syncDepartmentCanvas(ctx, client, row, { instanceId: COMMAND_SYNC, force: true });
    await say(t('canvas.command.created', { department: department.name }));
  } catch (e) {
    await say(problemText(ctx, t, e, 'reading command failed', { subcommand: 'canvas', user: caller.slackUserId }));
  }
};
