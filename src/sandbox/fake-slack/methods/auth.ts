import type { MethodEnv, MethodHandler } from '../method-context.js';

/**
 * auth.test: Bolt calls it once from the App constructor and takes `user_id`/`bot_id` as
 * context.botUserId/botId, which drive ignoreSelf. Shape: REF(auth.test) example.
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
};
