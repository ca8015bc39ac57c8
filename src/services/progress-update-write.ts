// The write behind a new progress update, as one statement: check the strategy's version,
// insert the update and its measures' values, move the strategy's status and version, keep
// the quarter's snapshot live, and audit both.
//
// One statement is one atomic unit on both databases, with no interactive transaction. That
// matters on the embedded database: PGlite has a single connection, and a transaction holds
// it between its statements while each round trip waits for the main thread's event loop.
// Under load, the five round trips of the former transaction held the connection for a
// median 200 ms (measured in bench/slack-update.bench.ts at 50 users), queueing every other
// person's reads behind it.
//
// Concurrency is as before: `FOR UPDATE` makes a second submission on the same strategy wait
// for the first and then see its new version (a conflict, nothing written), and the unique
// idempotency key refuses a second insert of the same submission.
import { Prisma as PrismaNS, type ProgressUpdate } from '../generated/prisma/client.js';
import type { StrategyStatus } from '../generated/prisma/enums.js';
import { withDatabaseMessage } from './db-errors.js';
import { quarterCloseAt, quarterOfDate } from './period-snapshots.js';
import type { ServiceContext } from './service-context.js';

/** The columns a person writes; the rest of a stored update is worked out here. */
type UpdateContentColumns = Pick<
  ProgressUpdate,
  | 'narrative'
  | 'measureValues'
  | 'outputs'
  | 'roadblocks'
  | 'helpNeeded'
  | 'practices'
  | 'visibility'
  | 'evidenceUrl'
  | 'communitiesReached'
  | 'languagesServed'
  | 'accessibilityNotes'
>;

export interface NewUpdateWrite {
  strategyId: number;
  expectedVersion: number;
  status: StrategyStatus;
  period: { key: string; start: string; end: string };
  content: UpdateContentColumns;
  /** The typed measures' values (checked), stored with the update or not at all. */
  typedValues?: readonly { measureId: number; value: number; note: string | null }[];
  authorId: number;
  idempotencyKey: string;
  createdAt: Date;
  audit: {
    actor: string;
    /** The update as the audit log shows it, except what only the database knows (id, statusFrom, onBehalfOfId). */
    after: Record<string, unknown>;
    detail: string;
  };
}

export type WriteOutcome = { kind: 'stored'; update: ProgressUpdate; version: number } | { kind: 'gone' } | { kind: 'changed'; currentVersion: number };

type Row = { currentVersion: number | null; newVersion: number | null } & { [K in keyof ProgressUpdate]: ProgressUpdate[K] | null };

export async function writeNewUpdate(ctx: ServiceContext, w: NewUpdateWrite): Promise<WriteOutcome> {
  const c = w.content;
  // The quarter's snapshot follows the update while the quarter is open (period-snapshots.ts).
  const quarter = quarterOfDate(w.period.start);
  const closeAt = quarterCloseAt(quarter, ctx.config.timeZone);
  const rows = await ctx.prisma
    .$queryRaw<Row[]>(
      PrismaNS.sql`
    /* store progress update */
    WITH cur AS (
      SELECT id, status, version, "ownerId" FROM "Strategy"
       WHERE id = ${w.strategyId}::int AND "archivedAt" IS NULL
         FOR UPDATE
    ), ins AS (
      INSERT INTO "ProgressUpdate" ("strategyId", "periodKey", "periodStart", "periodEnd", "statusFrom", "statusTo",
             narrative, "measureValues", outputs, roadblocks, "helpNeeded", practices, visibility, "evidenceUrl",
             "communitiesReached", "languagesServed", "accessibilityNotes", "authorId", "onBehalfOfId", "idempotencyKey", "createdAt")
      SELECT cur.id, ${w.period.key}::text, ${w.period.start}::date, ${w.period.end}::date, cur.status, ${w.status}::text::"StrategyStatus",
             ${c.narrative}::text, ${c.measureValues}::text, ${c.outputs}::text, ${c.roadblocks}::text, ${c.helpNeeded}::text,
             ${c.practices}::text, ${c.visibility}::text::"Visibility", ${c.evidenceUrl}::text,
             ${c.communitiesReached}::text, ${c.languagesServed}::text, ${c.accessibilityNotes}::text, ${w.authorId}::int,
             CASE WHEN cur."ownerId" IS NOT NULL AND cur."ownerId" <> ${w.authorId}::int THEN cur."ownerId" END,
             ${w.idempotencyKey}::text, ${w.createdAt}::timestamptz
        FROM cur WHERE cur.version = ${w.expectedVersion}::int
      RETURNING *
    ), mv AS (
      -- Only the strategy's own measures: an id from elsewhere is dropped, never stored.
      INSERT INTO "MeasureValue" ("progressUpdateId", "measureId", value, note, "createdAt")
      SELECT ins.id, x."measureId", x.value, x.note, ${w.createdAt}::timestamptz
        FROM ins
        CROSS JOIN jsonb_to_recordset(${JSON.stringify(w.typedValues ?? [])}::jsonb) AS x("measureId" int, value numeric, note text)
        JOIN "Measure" m ON m.id = x."measureId" AND m."strategyId" = ins."strategyId"
    ), upd AS (
      UPDATE "Strategy" s SET status = ins."statusTo", version = s.version + 1, "updatedAt" = ${w.createdAt}::timestamptz
        FROM ins WHERE s.id = ins."strategyId"
      RETURNING s.version
    ), audit AS (
      INSERT INTO "AuditLog" (actor, action, "entityType", "entityId", before, after, detail)
      SELECT ${w.audit.actor}::text, 'progress.submit', 'progressUpdate', ins.id::text, NULL,
             ${JSON.stringify(w.audit.after)}::jsonb || jsonb_build_object('id', ins.id, 'statusFrom', ins."statusFrom", 'onBehalfOfId', ins."onBehalfOfId"),
             ${w.audit.detail}::text
        FROM ins
      UNION ALL
      SELECT ${w.audit.actor}::text, 'strategy.status', 'strategy', ins."strategyId"::text,
             jsonb_build_object('status', ins."statusFrom", 'version', ${w.expectedVersion}::int),
             jsonb_build_object('status', ins."statusTo", 'version', ${w.expectedVersion}::int + 1),
             'progress update ' || ins.id
        FROM ins WHERE ins."statusFrom" <> ins."statusTo"
    ), snap AS (
      INSERT INTO "PeriodSnapshot" ("strategyId", "periodKey", "periodStart", "periodEnd", status, "ownerId", "lastUpdateId", reported, "takenAt", derived)
      SELECT ins."strategyId", ${quarter.key}::text, ${quarter.start}::date, ${quarter.end}::date, ins."statusTo", cur."ownerId", ins.id, true,
             ${w.createdAt}::timestamptz, false
        FROM ins, cur WHERE ${w.createdAt}::timestamptz < ${closeAt}::timestamptz
      ON CONFLICT ("strategyId", "periodKey") DO UPDATE SET
        status = EXCLUDED.status, "ownerId" = EXCLUDED."ownerId", "lastUpdateId" = EXCLUDED."lastUpdateId",
        reported = true, "takenAt" = EXCLUDED."takenAt", derived = false
        WHERE "PeriodSnapshot"."takenAt" < ${closeAt}::timestamptz
    )
    SELECT cur.version AS "currentVersion", (SELECT version FROM upd) AS "newVersion",
           ins.id, ins."strategyId", ins."periodKey", ins."periodStart", ins."periodEnd",
           ins."statusFrom"::text AS "statusFrom", ins."statusTo"::text AS "statusTo", ins.narrative, ins."measureValues",
           ins.outputs, ins.roadblocks, ins."helpNeeded", ins.practices, ins.visibility::text AS visibility, ins."evidenceUrl",
           ins."communitiesReached", ins."languagesServed", ins."accessibilityNotes", ins."authorId", ins."onBehalfOfId",
           ins."idempotencyKey", ins.revision, ins."isDemo", ins."createdAt", ins."editedAt",
           ins."channelPostChannel", ins."channelPostTs"
      FROM (SELECT 1) AS one
      LEFT JOIN cur ON true
      LEFT JOIN ins ON true`,
    )
    .catch((e: unknown) => {
      throw withDatabaseMessage(e);
    });
  const row = rows[0];
  if (!row || row.currentVersion === null) return { kind: 'gone' };
  if (row.id === null || row.newVersion === null) return { kind: 'changed', currentVersion: row.currentVersion };
  const { currentVersion: _current, newVersion, ...update } = row;
  return { kind: 'stored', update: update as ProgressUpdate, version: newVersion };
}
