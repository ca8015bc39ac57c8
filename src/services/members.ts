// People known to REAP Tracker and their roles.
import type { Prisma } from '../db/client.js';
import { writeAudit } from './audit.js';

/**
 * Makes sure every Slack user named in REAP_ADMIN_USER_IDS is an active ORSE admin, so a
 * new installation always has someone who can assign roles. Names are filled in later
 * from Slack's profile.
 */
export async function bootstrapAdmins(prisma: Prisma, slackUserIds: readonly string[]): Promise<number> {
  let changed = 0;
  for (const slackUserId of slackUserIds) {
    const existing = await prisma.member.findUnique({ where: { slackUserId } });
    if (existing?.roles.includes('ORSE_ADMIN') && existing.active) continue;
    const member = existing
      ? await prisma.member.update({
          where: { slackUserId },
          data: { roles: { set: [...new Set([...existing.roles, 'ORSE_ADMIN' as const])] }, active: true, deactivatedAt: null },
        })
      : await prisma.member.create({ data: { slackUserId, name: slackUserId, roles: ['ORSE_ADMIN'] } });
    await writeAudit(prisma, {
      actor: 'system:bootstrap',
      action: 'role.grant',
      entityType: 'member',
      entityId: String(member.id),
      before: existing ? { roles: existing.roles, active: existing.active } : null,
      after: { roles: member.roles, active: member.active },
      detail: 'REAP_ADMIN_USER_IDS',
    });
    changed++;
  }
  return changed;
}
