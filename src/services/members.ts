// People known to REAP Tracker and their roles.
import type { Prisma } from '../db/client.js';
import { matchDepartment } from '../domain/department-match.js';
import type { Actor } from '../domain/permissions.js';
import { SLACK_USER_ID } from '../domain/strategy-input.js';
import { charCount } from '../domain/validation.js';
import { Prisma as PrismaSql, type Member } from '../generated/prisma/client.js';
import { Language as LanguageEnum, Role as RoleEnum, type Language, type Role } from '../generated/prisma/enums.js';
import { writeAudit } from './audit.js';
import { loadActor, requireOrseAdmin } from './authz.js';
import { conflict, invalidField } from './errors.js';
import { adminsAndLeads, otherActiveAdmins } from './member-refs.js';
import { TX_OPTIONS, type ServiceContext } from './service-context.js';
import { strategyDepartment, strategyDepartmentId } from './strategy-records.js';

export interface BootstrapResult {
  /** Ids made (or made again) active ORSE admins by this start. */
  granted: string[];
  /** Ids left as an admin set them in REAP Tracker (role removed or member deactivated). */
  kept: string[];
}

/**
 * Makes the Slack users named in REAP_ADMIN_USER_IDS active ORSE admins, so a new
 * installation always has someone who can assign roles. Names are filled in later from
 * Slack's profile. Someone whose admin role or account an admin later took away in the
 * app is not given it back at the next start (the variable stays set for years), unless
 * nobody is an active admin any more: then the app would be unmanageable.
 */
export async function bootstrapAdmins(prisma: Prisma, slackUserIds: readonly string[]): Promise<BootstrapResult> {
  const result: BootstrapResult = { granted: [], kept: [] };
  if (slackUserIds.length === 0) return result;
  // No member has id -1, so this counts every active admin.
  const noActiveAdmin = (await otherActiveAdmins(prisma, -1)) === 0;
  for (const slackUserId of slackUserIds) {
    const existing = await prisma.member.findUnique({ where: { slackUserId } });
    if (existing?.roles.includes('ORSE_ADMIN') && existing.active) continue;
    const adminDecided = existing && ((await decidedInApp(prisma, existing.id)) || (!existing.active && !(await deactivatedBySlack(prisma, existing))));
    if (adminDecided && !noActiveAdmin) {
      result.kept.push(slackUserId);
      continue;
    }
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
    result.granted.push(slackUserId);
  }
  return result;
}

/** Whether a person changed this member's roles in the app (not Slack, not a start-up). */
async function decidedInApp(prisma: Prisma, memberId: number): Promise<boolean> {
  const row = await prisma.auditLog.findFirst({
    where: { entityType: 'member', entityId: String(memberId), action: 'role.assign', actor: { not: { startsWith: 'system:' } } },
    select: { id: true },
  });
  return row !== null;
}

// ---------------------------------------------------------------------------------------
// Roles, language and the Slack profile. Profile sync and deactivation are driven by
// Slack events (user_change, team_join) and must be safe to run twice: Slack retries.

export interface MemberView {
  slackUserId: string;
  name: string;
  roles: Role[];
  departmentCode: string | null;
  managedDepartmentCodes: string[];
  active: boolean;
}

export interface RoleAssignment {
  roles: readonly string[];
  /** The member's own department; required for equity leads and staff-like roles that report. */
  departmentCode: string | null;
  managedDepartmentCodes?: readonly string[];
}

const ROLE_VALUES = Object.values(RoleEnum) as Role[];

function memberView(m: Member & { department: { code: string } | null; managedDepartments: { department: { code: string } }[] }): MemberView {
  return {
    slackUserId: m.slackUserId,
    name: m.name,
    roles: m.roles,
    departmentCode: m.department?.code ?? null,
    managedDepartmentCodes: m.managedDepartments.map((x) => x.department.code).sort(),
    active: m.active,
  };
}

const withDepartments = {
  department: { select: { code: true } },
  managedDepartments: { select: { department: { select: { code: true } } } },
} as const;

/**
 * Sets a person's roles, department and managed departments (ORSE admins only). Someone
 * REAP Tracker has not met yet is added, named by their Slack id until their profile
 * arrives. The last active ORSE admin cannot give the role away: nobody could assign
 * roles after that.
 */
export async function assignRoles(
  ctx: ServiceContext,
  actor: Actor,
  targetSlackId: string,
  assignment: RoleAssignment,
): Promise<MemberView & { created: boolean }> {
  await requireOrseAdmin(ctx, actor, { action: 'role.assign', entityType: 'member', entityId: targetSlackId });
  if (typeof targetSlackId !== 'string' || !SLACK_USER_ID.test(targetSlackId)) throw invalidField('slackUserId', 'errors.invalid.input');

  const roles = [...new Set(assignment.roles)];
  if (roles.length === 0) throw invalidField('roles', 'errors.invalid.noRoles');
  if (!roles.every((r): r is Role => (ROLE_VALUES as string[]).includes(r))) {
    throw invalidField('roles', 'errors.invalid.choice', { options: ROLE_VALUES });
  }
  const departments = await ctx.prisma.department.findMany({ select: { id: true, code: true, name: true } });
  const byCode = (field: string, code: string) => {
    const d = departments.find((x) => x.code.toLowerCase() === code.trim().toLowerCase());
    if (!d) {
      const match = matchDepartment(code, departments);
      const near = match.found ? [match.found] : match.suggestions;
      if (near.length === 0)
        throw invalidField(field, 'errors.notFound.departmentNone', { query: code, suggestions: departments.map((s) => ({ code: s.code, name: s.name })) });
      throw invalidField(field, 'errors.notFound.department', { query: code, suggestions: near.map((s) => ({ code: s.code, name: s.name })) });
    }
    return d;
  };
  const department = assignment.departmentCode ? byCode('departmentCode', assignment.departmentCode) : null;
  // An equity lead leads a department's work; without one the role means nothing.
  if (roles.includes('EQUITY_LEAD') && !department) {
    throw invalidField('departmentCode', 'errors.invalid.departmentRequired', { choices: departments.map((d) => ({ code: d.code, name: d.name })) });
  }
  const managed = [...new Map((assignment.managedDepartmentCodes ?? []).map((c) => byCode('managedDepartmentCodes', c)).map((d) => [d.id, d])).values()];

  return ctx.prisma.$transaction(async (tx) => {
    const before = await tx.member.findUnique({ where: { slackUserId: targetSlackId }, include: withDepartments });
    if (before?.active && before.roles.includes('ORSE_ADMIN') && !roles.includes('ORSE_ADMIN')) {
      if ((await otherActiveAdmins(tx, before.id)) === 0) throw conflict('errors.conflict.lastAdmin', {}, 'roles');
    }
    const member = before
      ? await tx.member.update({ where: { id: before.id }, data: { roles: { set: roles }, departmentId: department?.id ?? null } })
      : await tx.member.create({ data: { slackUserId: targetSlackId, name: targetSlackId, roles, departmentId: department?.id ?? null } });
    await tx.managedDepartment.deleteMany({ where: { memberId: member.id } });
    if (managed.length) await tx.managedDepartment.createMany({ data: managed.map((d) => ({ memberId: member.id, departmentId: d.id })) });
    const after = await tx.member.findUniqueOrThrow({ where: { id: member.id }, include: withDepartments });
    await writeAudit(tx, {
      actor: actor.slackUserId,
      action: 'role.assign',
      entityType: 'member',
      entityId: String(member.id),
      before: before ? memberView(before) : null,
      after: memberView(after),
    });
    return { ...memberView(after), created: !before };
  }, TX_OPTIONS);
}

/** The member's own language choice; null goes back to following Slack's locale. */
export async function setLanguage(ctx: ServiceContext, slackUserId: string, lang: Language | null): Promise<{ language: Language | null }> {
  if (lang !== null && !(Object.values(LanguageEnum) as string[]).includes(lang)) {
    throw invalidField('language', 'errors.invalid.choice', { options: Object.values(LanguageEnum) });
  }
  const me = await loadActor(ctx, slackUserId);
  await ctx.prisma.member.update({ where: { id: me.memberId }, data: { language: lang } });
  return { language: lang };
}

export interface SlackProfile {
  name?: string | null;
  email?: string | null;
  tz?: string | null;
  locale?: string | null;
  deleted?: boolean;
}

export interface ProfileSyncResult {
  /** False for Slack users who are not REAP Tracker members: nothing is stored for them. */
  known: boolean;
  changed: string[];
  /** Profile values that could not be stored (too long, invalid zone, e-mail of another member). */
  ignored: string[];
  reactivated: boolean;
  deactivation: DeactivationResult | null;
}

const validZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

/**
 * Brings a member's name, e-mail, zone and locale in line with Slack. A deleted Slack
 * account deactivates the member; an account restored in Slack makes them active again.
 */
export async function syncFromSlackProfile(ctx: ServiceContext, slackUserId: string, profile: SlackProfile): Promise<ProfileSyncResult> {
  const member = await ctx.prisma.member.findUnique({ where: { slackUserId } });
  if (!member) return { known: false, changed: [], ignored: [], reactivated: false, deactivation: null };
  if (profile.deleted) {
    return { known: true, changed: [], ignored: [], reactivated: false, deactivation: await markDeactivated(ctx, slackUserId) };
  }

  const ignored: string[] = [];
  const desired: { name?: string; email?: string | null; timeZone?: string | null; slackLocale?: string | null } = {};
  const name = profile.name?.trim();
  if (name) {
    if (charCount(name) <= 200) desired.name = name;
    else ignored.push('name');
  }
  if (profile.email !== undefined) {
    const email = profile.email?.trim().toLowerCase() || null;
    if (email === null || (email.length <= 320 && email.includes('@'))) desired.email = email;
    else ignored.push('email');
  }
  if (profile.tz !== undefined) {
    if (profile.tz === null || (profile.tz.length <= 64 && validZone(profile.tz))) desired.timeZone = profile.tz;
    else ignored.push('tz');
  }
  if (profile.locale !== undefined) {
    if (profile.locale === null || profile.locale.length <= 16) desired.slackLocale = profile.locale;
    else ignored.push('locale');
  }
  // Someone else already has this e-mail (a re-created account): keep ours rather than fail.
  if (desired.email) {
    const holder = await ctx.prisma.member.findUnique({ where: { email: desired.email }, select: { id: true } });
    if (holder && holder.id !== member.id) {
      delete desired.email;
      ignored.push('email');
    }
  }
  const changed = (Object.keys(desired) as (keyof typeof desired)[]).filter((k) => member[k] !== desired[k]);
  // Slack sends user_change for any profile edit, so "not deleted" only undoes what Slack
  // itself did; a deactivation by an admin (reap import) sticks until an admin undoes it.
  const reactivated = !member.active && (await deactivatedBySlack(ctx.prisma, member));
  if (changed.length === 0 && !reactivated) return { known: true, changed: [], ignored, reactivated: false, deactivation: null };

  const data = Object.fromEntries(changed.map((k) => [k, desired[k]]));
  await ctx.prisma.$transaction(async (tx) => {
    await tx.member.update({ where: { id: member.id }, data: { ...data, ...(reactivated ? { active: true, deactivatedAt: null } : {}) } });
    await writeAudit(tx, {
      actor: 'system:slack',
      action: reactivated ? 'member.reactivate' : 'member.profile',
      entityType: 'member',
      entityId: String(member.id),
      before: { ...Object.fromEntries(changed.map((k) => [k, member[k]])), active: member.active },
      after: { ...data, active: member.active || reactivated },
    });
  }, TX_OPTIONS);
  return { known: true, changed, ignored, reactivated, deactivation: null };
}

/**
 * True when the member's current deactivation is the one Slack's deleted flag caused:
 * markDeactivated's audit row carries the very deactivatedAt stored on the member.
 * No new column is needed, and an import that deactivates later sets another time.
 */
async function deactivatedBySlack(prisma: Prisma, member: Member): Promise<boolean> {
  if (!member.deactivatedAt) return false;
  const last = await prisma.auditLog.findFirst({
    where: { entityType: 'member', entityId: String(member.id), action: 'member.deactivate', actor: 'system:slack' },
    orderBy: { id: 'desc' },
    select: { after: true },
  });
  const at = (last?.after as { deactivatedAt?: unknown } | null)?.deactivatedAt;
  return typeof at === 'string' && new Date(at).getTime() === member.deactivatedAt.getTime();
}

export interface DeactivationResult {
  known: boolean;
  /** False when the member was already inactive before this call. */
  deactivatedNow: boolean;
  /** Strategies newly flagged for reassignment by this call (empty on a repeat). */
  strategies: { id: number; label: string; text: string; departmentCode: string | null }[];
  /**
   * Whom to tell, per department: its active equity leads, or the ORSE admins when the
   * department has none.
   */
  notify: { departmentCode: string | null; recipientSlackIds: string[]; strategyIds: number[] }[];
}

/**
 * The person left Slack: they can no longer act, and each open strategy they own is
 * flagged needsReassignment so its equity lead is asked to pick a new owner. A repeat
 * call flags nothing new, so nobody is notified twice.
 */
export async function markDeactivated(ctx: ServiceContext, slackUserId: string): Promise<DeactivationResult> {
  const member = await ctx.prisma.member.findUnique({ where: { slackUserId } });
  if (!member) return { known: false, deactivatedNow: false, strategies: [], notify: [] };
  const now = ctx.now();

  const flagged = await ctx.prisma.$transaction(async (tx) => {
    if (member.active) {
      await tx.member.update({ where: { id: member.id }, data: { active: false, deactivatedAt: now } });
      await writeAudit(tx, {
        actor: 'system:slack',
        action: 'member.deactivate',
        entityType: 'member',
        entityId: String(member.id),
        before: { active: true },
        after: { active: false, deactivatedAt: now },
      });
    }
    const open = { ownerId: member.id, archivedAt: null, needsReassignment: false, status: { not: 'COMPLETED' as const } };
    const strategies = await tx.strategy.findMany({
      where: open,
      select: {
        id: true,
        number: true,
        text: true,
        version: true,
        // A citywide strategy's new owner is its lead department's equity lead to pick.
        leadDepartmentId: true,
        leadDepartment: { select: { code: true } },
        objective: { select: { number: true, plan: { select: { departmentId: true, department: { select: { code: true } } } } } },
      },
      orderBy: { id: 'asc' },
    });
    if (strategies.length === 0) return strategies;
    // Only rows this call flips count: Slack may deliver the same user_change twice at once,
    // and the second transaction's UPDATE then waits for the first and matches nothing, so
    // nobody is told twice. (A read-then-update would flag and report the same rows twice.)
    const flippedRows = await tx.$queryRaw<{ id: number }[]>`
      UPDATE "Strategy" SET "needsReassignment" = true, "version" = "version" + 1, "updatedAt" = ${now}
       WHERE "id" IN (${PrismaSql.join(strategies.map((s) => s.id))}) AND "needsReassignment" = false
      RETURNING "id"`;
    const flippedIds = new Set(flippedRows.map((r) => Number(r.id)));
    const flipped = strategies.filter((s) => flippedIds.has(s.id));
    if (flipped.length === 0) return flipped;
    // One audit row per strategy (one insert), so each strategy's history shows why.
    await tx.auditLog.createMany({
      data: flipped.map((s) => ({
        actor: 'system:slack',
        action: 'strategy.needsReassignment',
        entityType: 'strategy',
        entityId: String(s.id),
        before: { needsReassignment: false, version: s.version },
        after: { needsReassignment: true, version: s.version + 1 },
        detail: `owner ${slackUserId} deactivated`,
      })),
    });
    return flipped;
  }, TX_OPTIONS);

  const departmentIds = [...new Set(flagged.map(strategyDepartmentId).filter((id): id is number => id !== null))];
  const contacts = flagged.length ? await adminsAndLeads(ctx.prisma, departmentIds) : [];
  const admins = contacts.filter((c) => c.roles.includes('ORSE_ADMIN')).map((c) => c.slackUserId);
  const byDepartment = new Map<number | null, { departmentCode: string | null; strategyIds: number[] }>();
  for (const s of flagged) {
    const key = strategyDepartmentId(s);
    const entry = byDepartment.get(key) ?? { departmentCode: strategyDepartment(s)?.code ?? null, strategyIds: [] };
    entry.strategyIds.push(s.id);
    byDepartment.set(key, entry);
  }
  return {
    known: true,
    deactivatedNow: member.active,
    strategies: flagged.map((s) => ({
      id: s.id,
      label: `${s.objective.number}.${s.number}`,
      text: s.text,
      departmentCode: strategyDepartment(s)?.code ?? null,
    })),
    notify: [...byDepartment.entries()].map(([departmentId, entry]) => {
      const leads = contacts
        .filter((c) => departmentId !== null && c.departmentId === departmentId && c.roles.includes('EQUITY_LEAD') && c.slackUserId !== slackUserId)
        .map((c) => c.slackUserId);
      return { ...entry, recipientSlackIds: leads.length ? leads : admins };
    }),
  };
}

// ---------------------------------------------------------------------------------------
// Small reads for the Slack side: names for messages and the people a form offers. (Who is
// asking is loadCaller in authz.ts: one read gives their language and the actor.)

/** Names of the members among these Slack users, by Slack id; others are left out. */
export async function memberNames(ctx: ServiceContext, slackUserIds: readonly string[]): Promise<Map<string, string>> {
  if (slackUserIds.length === 0) return new Map();
  const rows = await ctx.prisma.member.findMany({ where: { slackUserId: { in: [...slackUserIds] } }, select: { slackUserId: true, name: true } });
  return new Map(rows.map((r) => [r.slackUserId, r.name]));
}

/** The Slack id of a member, by their id in the app. */
export async function memberSlackId(ctx: ServiceContext, memberId: number): Promise<string | null> {
  const m = await ctx.prisma.member.findUnique({ where: { id: memberId }, select: { slackUserId: true } });
  return m?.slackUserId ?? null;
}

/** The Slack locale a member's row remembers (what "auto" language follows). */
export async function memberSlackLocale(ctx: ServiceContext, slackUserId: string): Promise<string | null> {
  const m = await ctx.prisma.member.findUnique({ where: { slackUserId }, select: { slackLocale: true } });
  return m?.slackLocale ?? null;
}

export interface MemberRoles {
  roles: Role[];
  active: boolean;
  departmentCode: string | null;
  managedDepartmentCodes: string[];
}

/** A member's roles and departments as stored, or null for someone the app has not met. */
export async function findMemberRoles(ctx: ServiceContext, slackUserId: string): Promise<MemberRoles | null> {
  const m = await ctx.prisma.member.findUnique({
    where: { slackUserId },
    select: {
      roles: true,
      active: true,
      department: { select: { code: true } },
      managedDepartments: { select: { department: { select: { code: true } } } },
    },
  });
  if (!m) return null;
  return {
    roles: m.roles,
    active: m.active,
    departmentCode: m.department?.code ?? null,
    managedDepartmentCodes: m.managedDepartments.map((x) => x.department.code),
  };
}

/** Active members of a department by name, at most `limit` (a select holds 100). */
export async function activeDepartmentMembers(ctx: ServiceContext, departmentId: number, limit: number): Promise<{ slackUserId: string; name: string }[]> {
  return ctx.prisma.member.findMany({
    where: { departmentId, active: true },
    select: { slackUserId: true, name: true },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    take: limit,
  });
}
