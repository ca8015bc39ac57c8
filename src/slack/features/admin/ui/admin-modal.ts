// /reap admin: pick a person, then their roles, home department and the departments they
// oversee. Picking a person reloads the form with what REAP Tracker knows about them.
//
// The role and department inputs carry the person's id in their block ids: Slack keeps
// what was entered in an input whose ids stay the same across views.update, so without
// that, picking a second person would still show the first person's roles.
import type { KnownBlock, ModalView } from '@slack/types';
import type { Translate } from '../../../i18n/index.js';
import { mention } from '../../manage/ui/manage-modals.js';
import { context, mrkdwnSection, option, plain } from '../../../ui/blocks.js';
import { escapeMrkdwn } from '../../../ui/mrkdwn.js';

export const ADMIN_CALLBACK_ID = 'admin:roles';
export const ADMIN_PERSON_ACTION_ID = 'admin:person';
export const ADMIN_PERSON_BLOCK = 'slackUserId';

export const ROLES = ['ORSE_ADMIN', 'EQUITY_LEAD', 'STAFF', 'MANAGER', 'REDI_MEMBER'] as const;
export type RoleName = (typeof ROLES)[number];

/** The block ids of the per-person inputs; `field` is the assignRoles field name. */
export const adminBlockId = (field: 'roles' | 'departmentCode' | 'managedDepartmentCodes', slackUserId: string | null): string =>
  `${field}__${slackUserId ?? 'nobody'}`;

export interface AdminDepartment {
  code: string;
  name: string;
}

export interface AdminTarget {
  slackUserId: string;
  /** null: not a member yet. */
  member: { roles: RoleName[]; departmentCode: string | null; managedDepartmentCodes: string[]; active: boolean } | null;
}

export interface AdminModalData {
  departments: AdminDepartment[];
  target: AdminTarget | null;
}

export const roleList = (t: Translate, roles: readonly string[]): string =>
  roles.length ? roles.map((r) => t(`admin.roleNames.${r}`)).join(', ') : t('admin.none');

function currentLine(t: Translate, target: AdminTarget): string {
  const person = mention(target.slackUserId);
  const m = target.member;
  if (!m) return t('admin.current.newcomer', { person });
  if (!m.active) return t('admin.current.inactive', { person });
  return m.roles.length ? t('admin.current.member', { person, roles: roleList(t, m.roles) }) : t('admin.current.noRoles', { person });
}

export function adminModal(t: Translate, d: AdminModalData): ModalView {
  const target = d.target;
  const who = target?.slackUserId ?? null;
  const member = target?.member ?? null;
  const roleOptions = ROLES.map((r) => option(t(`admin.roleNames.${r}`), r, t(`admin.roleHints.${r}`)));
  const initialRoles = roleOptions.filter((o) => member?.roles.includes(o.value as RoleName));
  // Slack allows 100 options per select; the City has far fewer departments.
  const departmentOptions = d.departments.slice(0, 100).map((x) => option(`${x.name} (${x.code})`, x.code));
  const homeOption = departmentOptions.find((o) => o.value === member?.departmentCode);
  const managedOptions = departmentOptions.filter((o) => member?.managedDepartmentCodes.includes(o.value as string));

  const blocks: KnownBlock[] = [
    context(t('admin.intro')),
    {
      type: 'input',
      block_id: ADMIN_PERSON_BLOCK,
      dispatch_action: true,
      label: plain(t('admin.person'), 2000),
      element: {
        type: 'users_select',
        action_id: ADMIN_PERSON_ACTION_ID,
        placeholder: plain(t('admin.personPlaceholder'), 150),
        ...(who ? { initial_user: who } : {}),
      },
    },
  ];
  // Built from catalog text and mentions only: nothing typed by a user needs escaping.
  if (target) blocks.push(mrkdwnSection(currentLine(t, target)));
  blocks.push(
    {
      type: 'input',
      block_id: adminBlockId('roles', who),
      label: plain(t('admin.roles'), 2000),
      element: { type: 'checkboxes', action_id: 'value', options: roleOptions, ...(initialRoles.length ? { initial_options: initialRoles } : {}) },
    },
    {
      type: 'input',
      block_id: adminBlockId('departmentCode', who),
      optional: true,
      label: plain(t('admin.department'), 2000),
      hint: plain(t('admin.departmentHint'), 2000),
      element: {
        type: 'static_select',
        action_id: 'value',
        placeholder: plain(t('admin.departmentPlaceholder'), 150),
        options: departmentOptions,
        ...(homeOption ? { initial_option: homeOption } : {}),
      },
    },
    {
      type: 'input',
      block_id: adminBlockId('managedDepartmentCodes', who),
      optional: true,
      label: plain(t('admin.managed'), 2000),
      element: {
        type: 'multi_static_select',
        action_id: 'value',
        placeholder: plain(t('admin.managedPlaceholder'), 150),
        options: departmentOptions,
        ...(managedOptions.length ? { initial_options: managedOptions } : {}),
      },
    },
  );
  return {
    type: 'modal',
    callback_id: ADMIN_CALLBACK_ID,
    title: plain(t('admin.title')),
    submit: plain(t('admin.submit')),
    close: plain(t('admin.cancel')),
    blocks,
  };
}

export interface AdminResult {
  slackUserId: string;
  created: boolean;
  roles: string[];
  department: AdminDepartment | null;
  managed: AdminDepartment[];
  profileFailed: boolean;
}

export function adminResultModal(t: Translate, r: AdminResult): ModalView {
  const person = mention(r.slackUserId);
  const name = (d: AdminDepartment) => `${escapeMrkdwn(d.name)} (${escapeMrkdwn(d.code)})`;
  const details = [
    r.department ? t('admin.done.department', { department: name(r.department) }) : null,
    r.managed.length ? t('admin.done.managed', { departments: r.managed.map(name).join(', ') }) : null,
    r.profileFailed ? t('admin.done.profileFailed') : null,
  ].filter((x): x is string => x !== null);
  return {
    type: 'modal',
    callback_id: 'admin:done',
    title: plain(t('admin.doneTitle')),
    close: plain(t('admin.close')),
    blocks: [
      mrkdwnSection(t(r.created ? 'admin.done.added' : 'admin.done.updated', { person, roles: roleList(t, r.roles) })),
      ...details.map((d) => context(d)),
    ],
  };
}

export function adminProblemModal(t: Translate, text: string): ModalView {
  return {
    type: 'modal',
    callback_id: 'admin:done',
    title: plain(t('admin.problemTitle')),
    close: plain(t('admin.close')),
    blocks: [mrkdwnSection(text)],
  };
}

export function adminLoadingModal(t: Translate): ModalView {
  return {
    type: 'modal',
    callback_id: 'admin:done',
    title: plain(t('admin.title')),
    close: plain(t('admin.cancel')),
    blocks: [mrkdwnSection(t('admin.loading'))],
  };
}
