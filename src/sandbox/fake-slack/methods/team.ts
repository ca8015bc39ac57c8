import { SlackApiError, optionalString, type MethodHandler } from '../method-context.js';

/** team.info: with no `team` argument it describes the token's own workspace (REF(team.info)). */
export const teamMethods: Record<string, MethodHandler> = {
  'team.info': (args, env) => {
    const { team } = env.workspace;
    const requested = optionalString(args, 'team');
    if (requested !== undefined && requested !== team.id) throw new SlackApiError('team_not_found');
    return {
      team: {
        id: team.id,
        name: team.name,
        domain: team.domain,
        email_domain: team.email_domain,
        icon: { image_default: true, image_34: '', image_44: '', image_68: '', image_88: '', image_102: '', image_132: '' },
      },
    };
  },
};
