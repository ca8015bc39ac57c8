import { SlackApiError, optionalBoolean, requireString, type MethodEnv, type MethodHandler } from '../method-context.js';
import { tzLabel, tzOffsetSeconds } from '../timezone.js';
import type { FakeUser, JsonObject } from '../types.js';

/**
 * users.info and users.lookupByEmail. Note the asymmetric error codes Slack uses:
 * users.info → user_not_found, users.lookupByEmail → users_not_found (plural), per REF.
 */
export const usersMethods: Record<string, MethodHandler> = {
  'users.info': (args, env) => {
    const id = requireString(args, 'user', 'user_not_found');
    const user = env.workspace.users.get(id);
    if (!user) throw new SlackApiError('user_not_found');
    return { user: userObject(user, env, optionalBoolean(args, 'include_locale') === true) };
  },

  'users.lookupByEmail': (args, env) => {
    const email = requireString(args, 'email', 'users_not_found').toLowerCase();
    const user = [...env.workspace.users.values()].find((u) => u.email?.toLowerCase() === email);
    // An email that matches nobody is an ordinary outcome for the app, not a rule it broke.
    if (!user) throw new SlackApiError('users_not_found', { violation: false });
    return { user: userObject(user, env, false) };
  },
};

/** The user object of REF(users.info); `locale` only with include_locale=true. */
export function userObject(user: FakeUser, env: MethodEnv, includeLocale: boolean): JsonObject {
  const at = new Date(env.clock.now());
  const bot = env.workspace.bot;
  const object: JsonObject = {
    id: user.id,
    team_id: env.workspace.team.id,
    name: user.name,
    deleted: user.deleted,
    real_name: user.real_name,
    tz: user.tz,
    tz_label: tzLabel(user.tz, at),
    tz_offset: tzOffsetSeconds(user.tz, at),
    profile: {
      real_name: user.real_name,
      display_name: user.name,
      email: user.email,
      team: env.workspace.team.id,
      ...(user.is_bot ? { bot_id: bot.botId, api_app_id: bot.appId } : {}),
    },
    is_admin: user.is_admin,
    is_owner: false,
    is_bot: user.is_bot,
    is_app_user: false,
    updated: Math.floor(env.clock.now() / 1000),
  };
  if (includeLocale) object.locale = user.locale;
  return object;
}
