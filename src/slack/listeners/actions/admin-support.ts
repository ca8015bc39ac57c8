// What the /reap admin listeners share (not a listener itself): the departments to offer
// and what REAP Tracker knows about the person picked. Read only after the services
// accepted the actor as an ORSE admin.
import type { AppContext } from '../../../services/app-context.js';
import { ROLES, type AdminDepartment, type AdminTarget, type RoleName } from '../../ui/admin-modal.js';

export async function adminDepartments(ctx: AppContext): Promise<AdminDepartment[]> {
  return ctx.prisma.department.findMany({ select: { code: true, name: true }, orderBy: { name: 'asc' } });
}

export async function adminTarget(ctx: AppContext, slackUserId: string): Promise<AdminTarget> {
  const m = await ctx.prisma.member.findUnique({
    where: { slackUserId },
    select: {
      roles: true,
      active: true,
      department: { select: { code: true } },
      managedDepartments: { select: { department: { select: { code: true } } } },
    },
  });
  if (!m) return { slackUserId, member: null };
  return {
    slackUserId,
    member: {
      roles: m.roles.filter((r): r is RoleName => (ROLES as readonly string[]).includes(r)),
      departmentCode: m.department?.code ?? null,
      managedDepartmentCodes: m.managedDepartments.map((x) => x.department.code),
      active: m.active,
    },
  };
}
