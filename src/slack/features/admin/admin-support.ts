// What the /reap admin listeners share (not a listener itself): the departments to offer
// and what REAP Tracker knows about the person picked. Read only after the services
// accepted the actor as an ORSE admin.
import type { AppContext } from '../../../services/app-context.js';
import { listDepartments } from '../../../services/departments.js';
import { findMemberRoles } from '../../../services/members.js';
import { ROLES, type AdminDepartment, type AdminTarget, type RoleName } from './ui/admin-modal.js';

export async function adminDepartments(ctx: AppContext): Promise<AdminDepartment[]> {
  return (await listDepartments(ctx)).map((d) => ({ code: d.code, name: d.name }));
}

export async function adminTarget(ctx: AppContext, slackUserId: string): Promise<AdminTarget> {
  const m = await findMemberRoles(ctx, slackUserId);
  if (!m) return { slackUserId, member: null };
  return {
    slackUserId,
    member: {
      roles: m.roles.filter((r): r is RoleName => (ROLES as readonly string[]).includes(r)),
      departmentCode: m.departmentCode,
      managedDepartmentCodes: m.managedDepartmentCodes,
      active: m.active,
    },
  };
}
