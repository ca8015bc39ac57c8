// Turning a Slack user id from a form into a member id, for owners of strategies and
// milestones. Only active members can own work.
import type { Prisma } from '../db/client.js';
import { invalidField } from './errors.js';
import type { Tx } from './service-context.js';

/** The member id of an active member, or an `invalid` error on the given form field. */
export async function activeMemberId(db: Prisma | Tx, slackUserId: string, field: string): Promise<number> {
  const m = await db.member.findUnique({ where: { slackUserId }, select: { id: true, active: true } });
  if (!m || !m.active) throw invalidField(field, 'errors.invalid.ownerInactive', { slackUserId });
  return m.id;
}
