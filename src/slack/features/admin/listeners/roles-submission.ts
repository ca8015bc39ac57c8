// Submit of /reap admin: assignRoles (ORSE admins only, audited; it refuses leaving no
// active admin). Someone new is created by the service under their Slack id; right after
// the acknowledgement their Slack profile (users.info: name, email, zone, locale) is
// stored, which also reactivates a returning member whose Slack account is active.
import type { ViewOutput } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { AppContext } from '../../../../services/app-context.js';
import { assignRoles, syncFromSlackProfile } from '../../../../services/members.js';
import { ADMIN_PERSON_BLOCK, adminResultModal, type AdminResult } from '../ui/admin-modal.js';
import { adminDepartments } from '../admin-support.js';
import { submissionHandler } from '../../../submission.js';
import type { SubmitListener } from '../../../listener-types.js';
import { checkedOf, personOf, selectedOf } from '../../../view-state.js';

type Field = 'roles' | 'departmentCode' | 'managedDepartmentCodes';

/** The per-person input of `field` (its block id ends with the person's id, see admin-modal.ts). */
const blockOf = (view: ViewOutput, field: Field): string | undefined => Object.keys(view.state.values).find((id) => id.startsWith(`${field}__`));

const blockIdFor = (field: string, view: ViewOutput): string | undefined =>
  field === 'slackUserId'
    ? ADMIN_PERSON_BLOCK
    : field === 'roles' || field === 'departmentCode' || field === 'managedDepartmentCodes'
      ? blockOf(view, field)
      : undefined;

/** Slack's profile as the member service takes it; absent fields are left alone. */
export async function fetchSlackProfile(client: WebClient, slackUserId: string) {
  const res = await client.users.info({ user: slackUserId, include_locale: true });
  const u = res.user;
  if (!u) throw new Error('users.info returned no user');
  return {
    name: u.real_name || u.profile?.real_name || u.name || null,
    ...(u.profile?.email !== undefined ? { email: u.profile.email } : {}),
    ...(u.tz !== undefined ? { tz: u.tz } : {}),
    ...(u.locale !== undefined ? { locale: u.locale } : {}),
    deleted: u.deleted === true,
  };
}

export function rolesSubmission(ctx: AppContext): SubmitListener {
  return submissionHandler(ctx, blockIdFor, async ({ actor, t, view, values, client }) => {
    const person = personOf(values, ADMIN_PERSON_BLOCK) ?? '';
    const rolesBlock = blockOf(view, 'roles');
    const departmentBlock = blockOf(view, 'departmentCode');
    const managedBlock = blockOf(view, 'managedDepartmentCodes');
    const result = await assignRoles(ctx, actor, person, {
      roles: rolesBlock ? checkedOf(values, rolesBlock) : [],
      departmentCode: (departmentBlock && selectedOf(values, departmentBlock)) || null,
      managedDepartmentCodes: managedBlock ? checkedOf(values, managedBlock) : [],
    });
    const departments = await adminDepartments(ctx);
    const byCode = (code: string) => departments.find((d) => d.code === code) ?? { code, name: code };
    const shown: AdminResult = {
      slackUserId: result.slackUserId,
      created: result.created,
      roles: result.roles,
      department: result.departmentCode ? byCode(result.departmentCode) : null,
      managed: result.managedDepartmentCodes.map(byCode),
      profileFailed: false,
    };
    return {
      view: adminResultModal(t, shown),
      after: async () => {
        try {
          await syncFromSlackProfile(ctx, result.slackUserId, await fetchSlackProfile(client, result.slackUserId));
        } catch (e) {
          ctx.logger.warn({ err: (e as Error).message, user: result.slackUserId }, 'could not store the Slack profile of an assigned member');
          // Only a new member is left without a name; tell the admin why they show as an id.
          if (result.created) await client.views.update({ view_id: view.id, view: adminResultModal(t, { ...shown, profileFailed: true }) });
        }
      },
    };
  });
}
