// Telling people about a change someone else made to their work: a strategy reassigned,
// added, deferred, given a milestone, or (citywide) moved to another lead department. The
// new and former owner and the department's equity leads (after a move, both departments')
// get a direct message; the person who made the change does not.
//
// The messages are outbox rows written in the change's own transaction, keyed by the
// change: a change that rolls back tells no one, and a retried request (which fails on the
// version it names) or a re-run of the outbox sends nothing twice.
//
// The words are Slack's business, not this module's: the context brings a renderer
// (src/slack/features/digests/ui/change-notice.ts, plugged in by src/server.ts). A context without one (the
// CLI, a service test) tells no one, which is right for a bulk import too.
import { isoDateOf } from '../domain/calendar-dates.js';
import { Prisma as PrismaNS } from '../generated/prisma/client.js';
import { enqueueOutbox, type OutboxPayload } from '../jobs/outbox/enqueue.js';
import { strategyDepartment, strategyLabel } from './strategy-records.js';
import type { ServiceContext, Tx } from './service-context.js';

export const CHANGE_NOTICE_JOB = 'change-notice';

export type ChangeKind = 'strategyReassigned' | 'strategyAdded' | 'strategyDeferred' | 'milestoneAdded' | 'strategyLeadMoved';

/** Why a person hears about the change; the wording depends on it. */
export type NoticeRole = 'newOwner' | 'previousOwner' | 'owner' | 'milestoneOwner' | 'lead' | 'previousLead';

export interface ChangeNotice {
  kind: ChangeKind;
  /** Unique per change (e.g. "strategy:12:v4"); part of each message's idempotency key. */
  changeKey: string;
  actorSlackId: string;
  strategy: {
    id: number;
    label: string;
    text: string;
    departmentName: string | null;
    dueDate: string | null;
    /** A citywide plan's title, for notices that name it beside the label (strategyLeadMoved). */
    citywidePlan?: string | null;
  };
  /** strategyReassigned: the owners before and after (Slack ids; null for nobody). */
  previousOwnerSlackId?: string | null;
  ownerSlackId?: string | null;
  /** strategyDeferred: the lead's reason. */
  reason?: string;
  /** milestoneAdded. */
  milestone?: { title: string; dueDate: string; ownerSlackId: string | null };
  /** strategyLeadMoved: the department that led it before (strategy.departmentName leads it now). */
  previousDepartmentName?: string | null;
}

export interface NoticeRecipient {
  slackUserId: string;
  /** The member's own language choice, or null to follow Slack's locale. */
  language: string | null;
  slackLocale: string | null;
  role: NoticeRole;
}

export type ChangeNoticeRenderer = (notice: ChangeNotice, recipient: NoticeRecipient) => OutboxPayload;

/** Who is told, by member id, in order of precedence: one message per person, the first role wins. */
export interface NoticeAudience {
  /** Members by role; null entries are skipped. */
  people: { memberId: number | null; role: Exclude<NoticeRole, 'lead' | 'previousLead'> }[];
  /** The department whose equity leads are told, if any. */
  departmentId: number | null;
  /** A department whose equity leads are told it no longer leads the strategy (a citywide lead moved). */
  previousDepartmentId?: number | null;
}

interface MemberRow {
  id: number;
  slackUserId: string;
  language: string | null;
  slackLocale: string | null;
  lead: boolean;
  previousLead: boolean;
}

/** The recipients of one change: active members only, never the actor, each once. */
export function noticeRecipients(actorSlackId: string, audience: NoticeAudience, members: readonly MemberRow[]): NoticeRecipient[] {
  const byId = new Map(members.map((m) => [m.id, m]));
  const out = new Map<string, NoticeRecipient>();
  const add = (m: MemberRow | undefined, role: NoticeRole) => {
    if (!m || m.slackUserId === actorSlackId || out.has(m.slackUserId)) return;
    out.set(m.slackUserId, { slackUserId: m.slackUserId, language: m.language, slackLocale: m.slackLocale, role });
  };
  for (const p of audience.people) if (p.memberId !== null) add(byId.get(p.memberId), p.role);
  for (const m of members) if (m.lead) add(m, 'lead');
  for (const m of members) if (m.previousLead) add(m, 'previousLead');
  return [...out.values()];
}

/** Queues the notices of one change inside its transaction; returns how many were queued. */
export async function queueChangeNotices(ctx: ServiceContext, tx: Tx, notice: ChangeNotice, audience: NoticeAudience): Promise<number> {
  const render = ctx.renderChangeNotice;
  if (!render) return 0;
  const ids = audience.people.map((p) => p.memberId).filter((id): id is number => id !== null);
  // One statement: the named people and the departments' equity leads, active only.
  const lead = audience.departmentId ?? -1;
  const previousLead = audience.previousDepartmentId ?? -1;
  const members = await tx.$queryRaw<MemberRow[]>(PrismaNS.sql`
    /* change notice recipients */
    SELECT id, "slackUserId", "language"::text AS "language", "slackLocale",
           ("departmentId" = ${lead}::int AND 'EQUITY_LEAD' = ANY("roles"::text[])) AS lead,
           ("departmentId" = ${previousLead}::int AND 'EQUITY_LEAD' = ANY("roles"::text[])) AS "previousLead"
      FROM "Member"
     WHERE active
       AND (id = ANY(${ids}::int[])
            OR ("departmentId" IN (${lead}::int, ${previousLead}::int) AND 'EQUITY_LEAD' = ANY("roles"::text[])))
     ORDER BY id`);
  const recipients = noticeRecipients(notice.actorSlackId, audience, members);
  const result = await enqueueOutbox(
    tx,
    CHANGE_NOTICE_JOB,
    recipients.map((r) => ({
      idempotencyKey: `${CHANGE_NOTICE_JOB}:${notice.changeKey}:${r.slackUserId}`,
      userId: r.slackUserId,
      payload: render(notice, r),
    })),
    ctx.now(),
  );
  return result.created;
}

/** The part of a notice that describes the strategy, from a loaded strategy. */
export function noticeStrategy(
  s: {
    id: number;
    number: number;
    text: string;
    leadDepartment?: { name: string } | null;
    objective: { number: number; plan: { department: { name: string } | null } };
  },
  dueDate: Date | null,
): ChangeNotice['strategy'] {
  return {
    id: s.id,
    label: strategyLabel(s),
    text: s.text,
    departmentName: strategyDepartment(s)?.name ?? null,
    dueDate: dueDate ? isoDateOf(dueDate) : null,
  };
}
