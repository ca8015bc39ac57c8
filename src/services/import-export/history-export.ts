// What the app itself records, in the JSON export beside the three import kinds: progress
// updates, their earlier revisions, briefings (with where they were posted) and the audit
// log. Nothing the City owns is then only inside the app. These sections are written, not
// imported: `reap import` skips them (the app creates these records as people use it), and
// `reap backup` is the way to move a whole database.
//
// Rows name plans, strategies and people by their keys (plan key, objective and strategy
// numbers, Slack user ids), as the import files do, and come in id order, so the same data
// gives the same file on either database.
import type { Prisma as PrismaClient } from '../../db/client.js';

export const HISTORY_SECTIONS = ['progress_updates', 'progress_update_revisions', 'briefings', 'audit_log'] as const;
export type HistorySection = (typeof HISTORY_SECTIONS)[number];
export type HistoryTables = Record<HistorySection, Array<Record<string, unknown>>>;

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);
const day = (d: Date): string => d.toISOString().slice(0, 10);

export async function collectHistory(prisma: PrismaClient): Promise<HistoryTables> {
  const strategyRef = {
    select: { number: true, objective: { select: { number: true, plan: { select: { key: true } } } } },
  } as const;
  const [updates, revisions, briefings, audit] = await Promise.all([
    prisma.progressUpdate.findMany({
      orderBy: { id: 'asc' },
      include: {
        strategy: strategyRef,
        author: { select: { slackUserId: true } },
        onBehalfOf: { select: { slackUserId: true } },
        values: { orderBy: { measureId: 'asc' }, select: { value: true, note: true, measure: { select: { label: true, kind: true, unit: true } } } },
      },
    }),
    prisma.progressUpdateRevision.findMany({ orderBy: { id: 'asc' }, include: { editedBy: { select: { slackUserId: true } } } }),
    prisma.briefing.findMany({
      orderBy: { id: 'asc' },
      include: { createdBy: { select: { slackUserId: true } }, posts: { orderBy: { id: 'asc' } } },
    }),
    prisma.auditLog.findMany({ orderBy: { id: 'asc' } }),
  ]);
  return {
    progress_updates: updates.map((u) => ({
      id: u.id,
      plan_key: u.strategy.objective.plan.key,
      objective_number: u.strategy.objective.number,
      strategy_number: u.strategy.number,
      period: u.periodKey,
      period_start: day(u.periodStart),
      period_end: day(u.periodEnd),
      status_from: u.statusFrom,
      status_to: u.statusTo,
      narrative: u.narrative,
      measure_values: u.measureValues,
      // The typed measures' values, by the measure's label (its key within the strategy).
      typed_measure_values: u.values.map((v) => ({
        measure: v.measure.label,
        kind: v.measure.kind,
        unit: v.measure.unit,
        value: Number(v.value.toString()),
        note: v.note,
      })),
      outputs: u.outputs,
      roadblocks: u.roadblocks,
      help_needed: u.helpNeeded,
      practices: u.practices,
      visibility: u.visibility,
      evidence_url: u.evidenceUrl,
      communities_reached: u.communitiesReached,
      languages_served: u.languagesServed,
      accessibility_notes: u.accessibilityNotes,
      author: u.author.slackUserId,
      on_behalf_of: u.onBehalfOf?.slackUserId ?? null,
      revision: u.revision,
      demo: u.isDemo,
      created_at: iso(u.createdAt),
      edited_at: iso(u.editedAt),
    })),
    progress_update_revisions: revisions.map((r) => ({
      update_id: r.updateId,
      revision: r.revision,
      before: r.snapshot,
      edited_by: r.editedBy.slackUserId,
      created_at: iso(r.createdAt),
    })),
    briefings: briefings.map((b) => ({
      id: b.id,
      quarter: b.quarterKey,
      title: b.title,
      body: b.body,
      status: b.status,
      channels: b.channelIds,
      scheduled_for: iso(b.scheduledFor),
      posted_at: iso(b.postedAt),
      created_by: b.createdBy.slackUserId,
      created_at: iso(b.createdAt),
      posts: b.posts.map((p) => ({ channel: p.channelId, ts: p.ts, permalink: p.permalink, posted_at: iso(p.postedAt) })),
    })),
    audit_log: audit.map((a) => ({
      id: Number(a.id),
      at: iso(a.at),
      actor: a.actor,
      action: a.action,
      entity_type: a.entityType,
      entity_id: a.entityId,
      before: a.before,
      after: a.after,
      detail: a.detail,
    })),
  };
}
