// Department lookup for the reading use cases: by code or name as typed, or the actor's
// own department when nothing was typed. One query (the department list is short and
// the fuzzy match runs in memory), whatever the amount of plan data.
import { matchDepartment } from '../domain/department-match.js';
import type { Actor } from '../domain/permissions.js';
import type { Department } from '../generated/prisma/client.js';
import { ServiceError, notFound } from './errors.js';
import type { ServiceContext } from './service-context.js';

const suggestion = (d: { code: string; name: string }) => ({ code: d.code, name: d.name });

export async function resolveDepartment(ctx: ServiceContext, query: string): Promise<Department> {
  const departments = await ctx.prisma.department.findMany({ orderBy: { name: 'asc' } });
  const match = matchDepartment(query, departments);
  if (match.found) return match.found;
  throw departmentNotFound(query, match.suggestions, departments);
}

/**
 * When nothing typed is close to a department, offering "one of these:" with an empty
 * list helps no one: name every department instead (a City has a few dozen at most).
 */
export function departmentNotFound(query: string, suggestions: readonly { code: string; name: string }[], all: readonly { code: string; name: string }[]) {
  if (suggestions.length > 0) return notFound('errors.notFound.department', { query, suggestions: suggestions.map(suggestion) });
  return notFound('errors.notFound.departmentNone', { query, suggestions: all.map(suggestion) });
}

/**
 * A department by id, every column, as Prisma's findUnique answers. SQL: /reap status and
 * each lead's App Home start here, and Prisma's compiling of even this query cost twice
 * the statement on PGlite. tests/integration/services/status-read.test.ts holds it to
 * findUnique.
 */
export async function departmentById(ctx: Pick<ServiceContext, 'prisma'>, id: number): Promise<Department | null> {
  const [d] = await ctx.prisma.$queryRaw<Department[]>`
    /* department by id */
    SELECT id, name, code, "maturityTier"::text AS "maturityTier", "hasDedicatedEquityStaff", "slackChannelId",
           "hasActiveEquityActionTeam", "reportingCadence"::text AS "reportingCadence", "isDemo", "createdAt", "updatedAt"
      FROM "Department" WHERE id = ${id}`;
  return d ?? null;
}

/**
 * The department a reading command is about: the one named, else the actor's own, else
 * the only one they manage. A manager of several must say which.
 */
export async function departmentFor(ctx: ServiceContext, actor: Actor, query: string | undefined): Promise<Department> {
  if (query !== undefined && query.trim() !== '') return resolveDepartment(ctx, query);
  // Their own by its key: every department's row, for one, cost /reap status and a lead's
  // App Home twice this on PGlite. The list is read only when they have none.
  if (actor.departmentId !== null) {
    const own = await departmentById(ctx, actor.departmentId);
    if (own) return own;
  }
  const departments = await ctx.prisma.department.findMany({ orderBy: { name: 'asc' } });
  const managed = departments.filter((d) => actor.managedDepartmentIds.includes(d.id));
  if (managed.length === 1) return managed[0]!;
  throw new ServiceError(
    'invalid',
    'errors.invalid.departmentRequired',
    { field: 'department', choices: (managed.length > 0 ? managed : departments).map(suggestion) },
    { field: 'department' },
  );
}

// ---------------------------------------------------------------------------------------
// Small reads for the Slack side: the choices a form offers and names for messages. None
// of them decides who may do what; the use cases that act on a choice do.

export interface DepartmentRow {
  id: number;
  code: string;
  name: string;
}

/** Every department, by name (the department choices of forms). */
export async function listDepartments(ctx: ServiceContext): Promise<DepartmentRow[]> {
  return ctx.prisma.department.findMany({ select: { id: true, code: true, name: true }, orderBy: { name: 'asc' } });
}

/** Departments a strategy can be added to: those with a plan, by name. */
export async function departmentsWithPlans(ctx: ServiceContext): Promise<DepartmentRow[]> {
  return ctx.prisma.department.findMany({
    where: { plans: { some: {} } },
    select: { id: true, code: true, name: true },
    orderBy: { name: 'asc' },
  });
}

/** One department by id, or null when there is none (a stale or crafted choice). */
export async function findDepartment(ctx: ServiceContext, departmentId: number): Promise<DepartmentRow | null> {
  return ctx.prisma.department.findUnique({ where: { id: departmentId }, select: { id: true, code: true, name: true } });
}

/** The department whose channel this is, if any. */
export async function departmentOfChannel(ctx: ServiceContext, channelId: string): Promise<{ id: number } | null> {
  return ctx.prisma.department.findFirst({ where: { slackChannelId: channelId }, select: { id: true } });
}

/** The codes of these departments, ordered by name or by code. */
export async function departmentCodes(ctx: ServiceContext, departmentIds: readonly number[], orderBy: 'name' | 'code'): Promise<{ code: string }[]> {
  return ctx.prisma.department.findMany({
    where: { id: { in: [...departmentIds] } },
    select: { code: true },
    orderBy: orderBy === 'name' ? { name: 'asc' } : { code: 'asc' },
  });
}

/** The names of the departments with these codes. */
export async function departmentNames(ctx: ServiceContext, codes: readonly string[]): Promise<{ code: string; name: string }[]> {
  if (codes.length === 0) return [];
  return ctx.prisma.department.findMany({ where: { code: { in: [...codes] } }, select: { code: true, name: true } });
}

/**
 * The department a scope names (lower case): a department code, else a plan key; null when
 * it names neither. Two reads at once, since an ORSE admin's typed scope may be either.
 */
export async function departmentIdOfScope(ctx: ServiceContext, scope: string): Promise<number | null> {
  const [departments, plan] = await Promise.all([
    ctx.prisma.department.findMany({ select: { id: true, code: true } }),
    ctx.prisma.plan.findFirst({ where: { key: { equals: scope, mode: 'insensitive' } }, select: { departmentId: true } }),
  ]);
  return departments.find((d) => d.code.toLowerCase() === scope)?.id ?? plan?.departmentId ?? null;
}
