// Authorization for every use case: who is asking (an Actor loaded from their Slack user
// id) and whether the rules in domain/permissions.ts let them. A refusal is always written
// to the audit log as `authz.denied` before it is thrown: a crafted payload naming another
// department's strategy leaves a trace even though nothing changed.
//
// Refusals are audited outside any transaction on purpose, so the record survives the
// rollback of the work that was refused.
import { canManageDepartment, canReadDepartment, canReadStrategy, canReportOn, isOrseAdmin, type Actor, type StrategyScope } from '../domain/permissions.js';
import type { Language, Role } from '../generated/prisma/enums.js';
import { writeAudit } from './audit.js';
import { ServiceError, type MessageKey } from './errors.js';
import { adminsAndLeads } from './member-refs.js';
import type { ServiceContext } from './service-context.js';

export type { Actor, StrategyScope } from '../domain/permissions.js';
export {
  canManageDepartment,
  canReadDepartment,
  canReadStrategy,
  canReportOn,
  canEditUpdate,
  canCompleteMilestone,
  isOrseAdmin,
} from '../domain/permissions.js';

/** What was refused, for the audit record and the message. */
export interface Attempt {
  action: string;
  entityType: string;
  entityId: string | number;
}

/**
 * The active member behind a Slack user id. Unknown or deactivated people get
 * `unknown_member`, with whom to ask: the ORSE admins and, when we know their department,
 * its equity leads.
 */
export async function loadActor(ctx: ServiceContext, slackUserId: string): Promise<Actor> {
  const member = await memberRow(ctx, slackUserId);
  if (member && member.active) return actorOf(member);
  const contacts = await adminsAndLeads(ctx.prisma, member?.departmentId ? [member.departmentId] : []);
  const adminSlackIds = contacts.filter((c) => c.roles.includes('ORSE_ADMIN')).map((c) => c.slackUserId);
  const equityLeadSlackIds = member?.departmentId
    ? contacts.filter((c) => c.roles.includes('EQUITY_LEAD') && c.departmentId === member.departmentId).map((c) => c.slackUserId)
    : [];
  await writeAudit(ctx.prisma, {
    actor: slackUserId,
    action: 'authz.denied',
    entityType: 'member',
    entityId: slackUserId,
    detail: member ? 'deactivated member' : 'unknown member',
  });
  throw new ServiceError('unknown_member', 'errors.unknownMember', { slackUserId, adminSlackIds, equityLeadSlackIds });
}

interface MemberRow {
  id: number;
  slackUserId: string;
  name: string;
  roles: Role[];
  departmentId: number | null;
  departmentCode: string | null;
  managedDepartmentIds: number[];
  active: boolean;
  language: Language | null;
  slackLocale: string | null;
}

function actorOf(member: MemberRow): Actor {
  return {
    memberId: member.id,
    slackUserId: member.slackUserId,
    name: member.name,
    roles: member.roles,
    departmentId: member.departmentId,
    departmentCode: member.departmentCode,
    managedDepartmentIds: member.managedDepartmentIds,
    active: true,
    language: member.language,
    slackLocale: member.slackLocale,
  };
}

/** What is known of whoever sent a request, from one read: their language, and the actor if they are an active member. */
export interface CallerRecord {
  /** null when the person is not (yet) a member. */
  memberId: number | null;
  language: Language | null;
  slackLocale: string | null;
  /** null when not a member or deactivated: loadActor then says why, to them and in the audit log. */
  actor: Actor | null;
}

/** One read for every request: who is asking, in which language, and as what actor. */
export async function loadCaller(ctx: ServiceContext, slackUserId: string): Promise<CallerRecord> {
  const member = await memberRow(ctx, slackUserId);
  return {
    memberId: member?.id ?? null,
    language: member?.language ?? null,
    slackLocale: member?.slackLocale ?? null,
    actor: member?.active ? actorOf(member) : null,
  };
}

/**
 * The member with their department's code and the departments they manage, in one
 * statement. Every request starts here, so it is SQL rather than a Prisma include, which
 * costs several times the statement itself in compiling and mapping on the event loop.
 */
async function memberRow(ctx: ServiceContext, slackUserId: string): Promise<MemberRow | null> {
  const [row] = await ctx.prisma.$queryRaw<MemberRow[]>`
    SELECT m.id, m."slackUserId", m.name, m.roles::text[] AS roles, m."departmentId", m.active,
           m.language::text AS language, m."slackLocale", d.code AS "departmentCode",
           ARRAY(SELECT md."departmentId" FROM "ManagedDepartment" md WHERE md."memberId" = m.id ORDER BY md."departmentId") AS "managedDepartmentIds"
      FROM "Member" m
      LEFT JOIN "Department" d ON d.id = m."departmentId"
     WHERE m."slackUserId" = ${slackUserId}`;
  return row ?? null;
}

/** Audits the refusal and returns the error to throw. */
export async function refuse(
  ctx: ServiceContext,
  actor: Actor,
  attempt: Attempt,
  messageKey: MessageKey,
  scope?: { departmentId?: number | null },
): Promise<ServiceError> {
  await writeAudit(ctx.prisma, {
    actor: actor.slackUserId,
    action: 'authz.denied',
    entityType: attempt.entityType,
    entityId: String(attempt.entityId),
    after: { attempted: attempt.action, departmentId: scope?.departmentId ?? null, roles: actor.roles },
    detail: attempt.action,
  });
  return new ServiceError('forbidden', messageKey, { action: attempt.action });
}

export async function requireManage(ctx: ServiceContext, actor: Actor, departmentId: number | null, attempt: Attempt): Promise<void> {
  if (!canManageDepartment(actor, departmentId)) throw await refuse(ctx, actor, attempt, 'errors.forbidden.manage', { departmentId });
}

export async function requireReport(ctx: ServiceContext, actor: Actor, scope: StrategyScope, attempt: Attempt): Promise<void> {
  if (!canReportOn(actor, scope)) throw await refuse(ctx, actor, attempt, 'errors.forbidden.report', scope);
}

export async function requireRead(ctx: ServiceContext, actor: Actor, departmentId: number | null, attempt: Attempt): Promise<void> {
  if (!canReadDepartment(actor, departmentId)) throw await refuse(ctx, actor, attempt, 'errors.forbidden.read', { departmentId });
}

export async function requireReadStrategy(ctx: ServiceContext, actor: Actor, scope: StrategyScope, attempt: Attempt): Promise<void> {
  if (!canReadStrategy(actor, scope)) throw await refuse(ctx, actor, attempt, 'errors.forbidden.read', scope);
}

export async function requireOrseAdmin(ctx: ServiceContext, actor: Actor, attempt: Attempt): Promise<void> {
  if (!isOrseAdmin(actor)) throw await refuse(ctx, actor, attempt, 'errors.forbidden.adminOnly');
}
