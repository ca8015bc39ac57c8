// Editing a stored progress update from its form: loading it for someone allowed to edit it,
// and, when a Submit finds the update moved on, telling a repeat of an edit this person
// already saved (a double click, a Slack retry) from someone else's change.
import { canEditUpdate, canManageDepartment, type Actor } from '../domain/permissions.js';
import { reportableStatuses, type UpdateContentFields } from '../domain/progress-update-input.js';
import { refuse } from './authz.js';
import { notFound } from './errors.js';
import { summarizeStrategy, viewOfUpdate, type ProgressUpdateView, type StrategySummary } from './progress-updates.js';
import type { ServiceContext } from './service-context.js';
import { scopeOf, strategyWithPlace } from './strategy-records.js';
import { measuresOfUpdate, type MeasureView, type ReportedMeasure } from './measures.js';

export interface EditableUpdate {
  update: ProgressUpdateView;
  authorSlackId: string;
  strategy: StrategySummary;
  /** The free-text measures and outputs, and the typed measures the form asks for. */
  extras: { performanceMeasures: string; outputs: string; typed: MeasureView[] };
  /** What the editor may choose; the update's own status is always kept. */
  statuses: readonly string[];
  /** The typed values stored with the update. */
  storedMeasures: ReportedMeasure[];
}

/**
 * An update as it is stored now, for someone allowed to edit it. The refusal is audited
 * like editUpdate's own (which refuses and audits again on Submit).
 */
export async function loadUpdateForEdit(ctx: ServiceContext, actor: Actor, updateId: number): Promise<EditableUpdate> {
  const row = await ctx.prisma.progressUpdate.findUnique({
    where: { id: updateId },
    include: {
      author: { select: { slackUserId: true } },
      strategy: { include: strategyWithPlace },
    },
  });
  if (!row || row.strategy.archivedAt !== null) throw notFound('errors.notFound.update', { updateId });
  const scope = scopeOf(row.strategy);
  if (!canEditUpdate(actor, row, scope)) {
    throw await refuse(ctx, actor, { action: 'progress.edit.form', entityType: 'progressUpdate', entityId: updateId }, 'errors.forbidden.editUpdate', scope);
  }
  const measures = await measuresOfUpdate(ctx, row.strategyId, row.id);
  return {
    update: viewOfUpdate(row),
    authorSlackId: row.author.slackUserId,
    strategy: summarizeStrategy(row.strategy),
    extras: { performanceMeasures: row.strategy.performanceMeasures, outputs: row.strategy.outputs, typed: measures.typed },
    statuses: reportableStatuses(row.strategy.status, canManageDepartment(actor, scope.departmentId)),
    storedMeasures: measures.stored,
  };
}

export interface EditRace {
  /** The update as stored now, for the form rebuilt on it. */
  stored: EditableUpdate;
  /** Who made the revision after the one the form was loaded at, if anyone did. */
  nextEditor: { slackUserId: string; name: string } | null;
  /** The stored update is this actor's saved edit of exactly what was submitted: nothing to save. */
  repeated: boolean;
}

const same = (a: string | null | undefined, b: string | null | undefined) => (a ?? '') === (b ?? '');

/** The stored update already holds exactly what was submitted. */
function holdsSubmission(u: ProgressUpdateView, v: UpdateContentFields): boolean {
  return (
    u.statusTo === v.status &&
    u.visibility === (v.visibility || 'INTERNAL') &&
    same(u.narrative, v.narrative) &&
    same(u.measureValues, v.measureValues) &&
    same(u.outputs, v.outputs) &&
    same(u.roadblocks, v.roadblocks) &&
    same(u.helpNeeded, v.helpNeeded) &&
    same(u.practices, v.practices) &&
    same(u.evidenceUrl, v.evidenceUrl) &&
    same(u.communitiesReached, v.communitiesReached) &&
    same(u.languagesServed, v.languagesServed) &&
    same(u.accessibilityNotes, v.accessibilityNotes)
  );
}

/**
 * An edit of revision `expectedRevision` found the update changed (editUpdate's
 * `updateChanged` conflict): the update now, who changed it, and whether the change is
 * this very submission saved before (then answering it again must not save twice).
 */
export async function editRace(
  ctx: ServiceContext,
  actor: Actor,
  updateId: number,
  expectedRevision: number,
  submitted: UpdateContentFields,
): Promise<EditRace> {
  const [stored, next] = await Promise.all([
    loadUpdateForEdit(ctx, actor, updateId),
    ctx.prisma.progressUpdateRevision.findFirst({
      where: { updateId, revision: expectedRevision },
      select: { editedBy: { select: { slackUserId: true, name: true } } },
    }),
  ]);
  const nextEditor = next?.editedBy ?? null;
  const repeated =
    stored.update.revision === expectedRevision + 1 && nextEditor?.slackUserId === actor.slackUserId && holdsSubmission(stored.update, submitted);
  return { stored, nextEditor, repeated };
}
