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
 * The department a reading command is about: the one named, else the actor's own, else
 * the only one they manage. A manager of several must say which.
 */
export async function departmentFor(ctx: ServiceContext, actor: Actor, query: string | undefined): Promise<Department> {
  if (query !== undefined && query.trim() !== '') return resolveDepartment(ctx, query);
  const departments = await ctx.prisma.department.findMany({ orderBy: { name: 'asc' } });
  const own = departments.find((d) => d.id === actor.departmentId);
  if (own) return own;
  const managed = departments.filter((d) => actor.managedDepartmentIds.includes(d.id));
  if (managed.length === 1) return managed[0]!;
  throw new ServiceError(
    'invalid',
    'errors.invalid.departmentRequired',
    { field: 'department', choices: (managed.length > 0 ? managed : departments).map(suggestion) },
    { field: 'department' },
  );
}
