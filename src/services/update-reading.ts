// Reading one progress update in full: the "Read the full update" button under a long
// channel post. The reader must be allowed to read the strategy's department (its people,
// its managers, ORSE, and a citywide strategy's partner departments), the same rule as
// /reap status and /reap plan; the refusal is audited.
import type { Actor } from '../domain/permissions.js';
import { requireReadStrategy } from './authz.js';
import { notFound } from './errors.js';
import { viewOfUpdate, type ProgressUpdateView } from './progress-updates.js';
import type { ServiceContext } from './service-context.js';
import { reportedMeasures, type ReportedMeasure } from './measures.js';
import { citywidePlanOf, scopeOf, strategyLabel } from './strategy-records.js';

export interface FullUpdate {
  strategy: { label: string; citywidePlan: string | null; text: string };
  update: ProgressUpdateView;
  author: { slackUserId: string; name: string };
  /** The typed measures' values reported in the update. */
  measures: ReportedMeasure[];
}

export async function readProgressUpdate(ctx: ServiceContext, actor: Actor, updateId: number): Promise<FullUpdate> {
  const u =
    Number.isSafeInteger(updateId) && updateId > 0
      ? await ctx.prisma.progressUpdate.findUnique({
          where: { id: updateId },
          include: {
            author: { select: { slackUserId: true, name: true } },
            strategy: {
              select: {
                number: true,
                text: true,
                archivedAt: true,
                ownerId: true,
                leadDepartmentId: true,
                partners: { select: { departmentId: true } },
                objective: { select: { number: true, plan: { select: { kind: true, title: true, departmentId: true } } } },
              },
            },
          },
        })
      : null;
  if (!u || u.strategy.archivedAt) throw notFound('errors.notFound.update', { updateId });
  await requireReadStrategy(ctx, actor, scopeOf(u.strategy), { action: 'update.read', entityType: 'progressUpdate', entityId: u.id });
  const measures = (await reportedMeasures(ctx.prisma, [u.id])).get(u.id) ?? [];
  return {
    strategy: { label: strategyLabel(u.strategy), citywidePlan: citywidePlanOf(u.strategy), text: u.strategy.text },
    update: viewOfUpdate(u),
    author: u.author,
    measures,
  };
}
