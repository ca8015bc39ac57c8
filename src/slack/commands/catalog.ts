// The /reap subcommands, in the order /reap help lists them. `available` is false for
// the ones whose feature has not shipped yet, so help can say so plainly.
import type { Role } from '../../domain/enums.js';

/**
 * Who may use a subcommand, as the services decide it: help shows each person only
 * what they may use, so staff are not invited to commands that then refuse them.
 */
export type Audience = 'everyone' | 'managers' | 'orse';

export interface SubcommandInfo {
  name: string;
  usage: string;
  available: boolean;
  /** Absent means everyone. */
  audience?: Audience;
  /**
   * The help text's key under help.commands when it is not `name`: a subcommand argument
   * some people may use and others not gets a line of its own with its audience.
   */
  helpKey?: string;
}

export const SUBCOMMANDS: readonly SubcommandInfo[] = [
  { name: 'help', usage: '/reap help', available: true },
  { name: 'update', usage: '/reap update [strategy]', available: true },
  { name: 'status', usage: '/reap status [department]', available: true },
  { name: 'status', usage: '/reap status coverage [department]', available: true, audience: 'orse', helpKey: 'statusCoverage' },
  { name: 'deadlines', usage: '/reap deadlines', available: true },
  { name: 'plan', usage: '/reap plan [department]', available: true },
  { name: 'add', usage: '/reap add [department | plan]', available: true, audience: 'managers' },
  { name: 'canvas', usage: '/reap canvas', available: true, audience: 'managers' },
  { name: 'report', usage: '/reap report [FY]', available: true },
  { name: 'language', usage: '/reap language en|es|vi', available: true },
  { name: 'redi', usage: '/reap redi join|leave', available: true },
  { name: 'briefing', usage: '/reap briefing', available: true, audience: 'orse' },
  { name: 'settings', usage: '/reap settings', available: true, audience: 'orse' },
  { name: 'admin', usage: '/reap admin', available: true, audience: 'orse' },
];

/** The subcommands someone with these roles may use (equity leads manage; ORSE does all). */
export function subcommandsFor(roles: readonly Role[]): SubcommandInfo[] {
  const orse = roles.includes('ORSE_ADMIN');
  const manages = orse || roles.includes('EQUITY_LEAD');
  return SUBCOMMANDS.filter((c) => (c.audience === 'orse' ? orse : c.audience === 'managers' ? manages : true));
}
