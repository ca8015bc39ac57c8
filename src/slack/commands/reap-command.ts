// The single slash command. Subcommands are dispatched by the router; every path
// acknowledges within Slack's 3 seconds. Those answering with a modal run before any
// database read, so the trigger id is used at once even when the database is busy.
import type { App } from '@slack/bolt';
import type { AppContext } from '../../services/app-context.js';
import { speakerFor } from '../caller.js';
import { parseCommandText } from './command-text.js';
import { resolveModalSubcommand, resolveSubcommand } from './router.js';
import { translator, type Translate } from '../i18n/index.js';
import { recentLanguage } from '../recent-languages.js';
import { LOADING_VIEW_CONTEXT_KEY, type LoadingViewOpened } from '../../http/front-door/index.js';

export function registerReapCommand(app: App, ctx: AppContext): void {
  app.command('/reap', async ({ command, ack, respond, client, context }) => {
    const { name, args } = parseCommandText(command.text);
    const loadingView = context[LOADING_VIEW_CONTEXT_KEY] as Promise<LoadingViewOpened> | undefined;
    // The front door acknowledged `/reap update` already: a failure is said by response_url.
    let acked = loadingView !== undefined;
    const onceAck: typeof ack = async (response) => {
      acked = true;
      await ack(response);
    };
    let t: Translate = translator(recentLanguage(ctx, command.user_id));
    try {
      const modal = resolveModalSubcommand(name);
      if (modal) {
        await modal({ ctx, command, args, quickT: t, ack: onceAck, respond, client, loadingView });
        return;
      }
      const speaker = await speakerFor(ctx, command.user_id);
      const caller = speaker.caller;
      t = speaker.t;
      await resolveSubcommand(name)({ ctx, command, args, caller, t, ack: onceAck, respond, client });
    } catch (e) {
      ctx.logger.error({ err: e, subcommand: name, user: command.user_id }, 'slash command failed');
      const text = t('common.errorGeneric');
      if (!acked) await ack({ response_type: 'ephemeral', text });
      else await respond({ response_type: 'ephemeral', text }).catch(() => {});
    }
  });
}
