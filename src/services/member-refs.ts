// Turning a Slack user id from a form into a member id, for owners of strategies and
// milestones. Only active members can own work.
import type { Prisma } from '../db/client.js';
import { Prisma as PrismaNS } from '../generated/prisma/client.js';
import type { Role } from '../generated/prisma/enums.js';
import { invalidField } from './errors.js';
import type { Tx } from './service-context.js';

/** The member id of an active member, or an `invalid` error on the given form field. */
export async function activeMemberId(db: Prisma | Tx, slackUserId: string, field: string): Promise<number> {
  const m = await db.member.findUnique({ where: { slackUserId }, select: { id: true, active: true } });
  if (!m || !m.active) throw invalidField(field, 'errors.invalid.ownerInactive', { slackUserId });
  return m.id;
}

export interface Contact {
  id: number;
  slackUserId: string;
  roles: Role[];
  departmentId: number | null;
}

/**
 * Active ORSE admins, plus the active equity leads of the given departments: the people
 * to ask or to tell. Raw SQL because Prisma's `has` filter on an enum array sends a scalar
 * the PGlite adapter cannot bind ("malformed array literal").
 */
export async function adminsAndLeads(db: Prisma | Tx, leadDepartmentIds: readonly number[]): Promise<Contact[]> {
  const leads = leadDepartmentIds.length
    ? PrismaNS.sql`OR ('EQUITY_LEAD' = ANY(roles::text[]) AND "departmentId" IN (${PrismaNS.join(leadDepartmentIds)}))`
    : PrismaNS.empty;
  return db.$queryRaw<Contact[]>`
    SELECT id, "slackUserId", roles::text[] AS roles, "departmentId" FROM "Member"
    WHERE active AND ('ORSE_ADMIN' = ANY(roles::text[]) ${leads})
    ORDER BY id`;
}

/** How many active ORSE admins there are besides `memberId`. */
export async function otherActiveAdmins(db: Prisma | Tx, memberId: number): Promise<number> {
  const [row] = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM "Member" WHERE active AND 'ORSE_ADMIN' = ANY(roles::text[]) AND id <> ${memberId}`;
  return row?.n ?? 0;
}
