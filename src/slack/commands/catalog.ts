// The /reap subcommands, in the order /reap help lists them. `available` is false for
// the ones whose feature has not shipped yet, so help can say so plainly.
export interface SubcommandInfo {
  name: string;
  usage: string;
  available: boolean;
}

export const SUBCOMMANDS: readonly SubcommandInfo[] = [
  { name: 'help', usage: '/reap help', available: true },
  { name: 'update', usage: '/reap update [strategy]', available: true },
  { name: 'status', usage: '/reap status [department]', available: true },
  { name: 'deadlines', usage: '/reap deadlines', available: true },
  { name: 'plan', usage: '/reap plan [department]', available: true },
  { name: 'add', usage: '/reap add [department]', available: true },
  { name: 'report', usage: '/reap report [FY]', available: true },
  { name: 'language', usage: '/reap language en|es|vi', available: true },
  { name: 'redi', usage: '/reap redi join|leave', available: true },
  { name: 'briefing', usage: '/reap briefing', available: true },
  { name: 'settings', usage: '/reap settings', available: true },
  { name: 'admin', usage: '/reap admin', available: true },
];
