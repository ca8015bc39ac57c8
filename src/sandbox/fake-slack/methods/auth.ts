import { SlackApiError, requireString, type MethodEnv, type MethodHandler } from '../method-context.js';

/**
 * auth.test: Bolt calls it once from the App constructor and takes `user_id`/`bot_id` as
 * context.botUserId/botId, which drive ignoreSelf. Shape: REF(auth.test) example.
 * bots.info: how an app learns its own app id (for slack://app links), REF(bots.info).
 */
export const authMethods: Record<string, MethodHandler> = {
  'auth.test': (_args, env: MethodEnv) => {
    const { team, bot } = env.workspace;
    return {
      url: `https://${team.domain}.slack.com/`,
      team: team.name,
      user: bot.name,
      team_id: team.id,
      user_id: bot.userId,
      bot_id: bot.botId,
      is_enterprise_install: false,
    };
  },
  'bots.info': (args, env: MethodEnv) => {
    const { bot } = env.workspace;
    const id = requireString(args, 'bot', 'bot_not_found');
    if (id !== bot.botId) throw new SlackApiError('bot_not_found');
    return {
      bot: { id: bot.botId, deleted: false, name: bot.name, updated: 1_700_000_000, app_id: bot.appId, user_id: bot.userId, icons: {} },
    };
  },
};
