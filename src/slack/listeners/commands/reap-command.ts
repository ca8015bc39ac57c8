// The single slash command. Subcommands are dispatched by the router; every path
// acknowledges within Slack's 3 seconds.
import type { App } from '@slack/bolt';
import type { AppContext } from '../../../services/app-context.js';
import { identifyCaller } from '../../caller.js';
import { parseCommandText, resolveSubcommand } from '../../commands/router.js';
import { translator } from '../../i18n/index.js';

export function registerReapCommand(app: App, ctx: AppContext): void {
  app.command('/reap', async ({ command, ack, respond, client }) => {
    const caller = await identifyCaller(ctx, command.user_id);
    const t = translator(caller.lang);
    const { name, args } = parseCommandText(command.text);
    const handler = resolveSubcommand(name);
    let acked = false;
    const onceAck: typeof ack = async (response) => {
      acked = true;
      await ack(response);
    };
    try {
      await handler({ ctx, command, args, caller, t, ack: onceAck, respond, client });
    } catch (e) {
      ctx.logger.error({ err: e, subcommand: name, user: command.user_id }, 'slash command failed');
      const text = t('common.errorGeneric');
      if (!acked) await ack({ response_type: 'ephemeral', text });
      else await respond({ response_type: 'ephemeral', text }).catch(() => {});
    }
  });
}
