// Each fiscal quarter's snapshot of every strategy (PeriodSnapshot): its status, owner and
// latest update at the close. The current quarter's row is kept live by every update
// (progress-update-write.ts and refreshLiveSnapshot); closeFinishedQuarters, run by the
// period-snapshots job, writes the closing row of each finished quarter. A quarter is closed
// for a strategy once its row was taken at or after the close; a row taken later than a day
// after the close was reconstructed from the update history and is marked derived.
//
// Quarters are the City's fiscal quarters whatever a department's reporting cadence: a
// monthly reporter's three updates of a quarter all count for that quarter.
import { DateTime } from 'luxon';
import { Prisma as PrismaNS } from '../generated/prisma/client.js';
import type { StrategyStatus } from '../generated/prisma/enums.js';
import { isoDateOf } from '../domain/calendar-dates.js';
import { nextPeriod, periodContaining, previousPeriod, type FiscalPeriod } from '../domain/fiscal-calendar.js';
import { closingState, type HistoryUpdate } from '../domain/period-changes.js';
import type { Prisma } from '../db/client.js';
import type { Tx } from './service-context.js';

type Db = Prisma | Tx;

/** A snapshot taken within this long after its quarter closed counts as taken at the close. */
export const CAPTURE_GRACE_MS = 24 * 3_600_000;
/** Rows per INSERT statement when closing quarters. */
const WRITE_CHUNK = 500;

/** The fiscal quarter containing a City date (ISO). */
export function quarterOfDate(iso: string): FiscalPeriod {
  return periodContaining(new Date(`${iso}T12:00:00Z`), 'UTC', 'QUARTERLY');
}

/** The instant a quarter ends in the City's zone: midnight starting the next quarter. */
export function quarterCloseAt(q: FiscalPeriod, zone: string): Date {
  return DateTime.fromISO(nextPeriod(q).start, { zone }).toJSDate();
}

/**
 * Brings `strategyId`'s snapshot of the current quarter up to date with the strategy as it is
 * now (after an update was edited). One statement.
 */
export async function refreshLiveSnapshot(db: Db, zone: string, strategyId: number, now: Date): Promise<void> {
  const q = periodContaining(now, zone, 'QUARTERLY');
  await db.$executeRaw(PrismaNS.sql`
    /* period snapshot: refresh live */
    INSERT INTO "PeriodSnapshot" ("strategyId", "periodKey", "periodStart", "periodEnd", status, "ownerId", "lastUpdateId", reported, "takenAt", derived)
    SELECT s.id, ${q.key}::text, ${q.start}::date, ${q.end}::date, s.status, s."ownerId", u.id, u.id IS NOT NULL, ${now}::timestamptz, false
      FROM "Strategy" s
      LEFT JOIN LATERAL (
        SELECT pu.id FROM "ProgressUpdate" pu
         WHERE pu."strategyId" = s.id AND pu."periodStart" BETWEEN ${q.start}::date AND ${q.end}::date
         ORDER BY pu."createdAt" DESC, pu.id DESC LIMIT 1
      ) u ON true
     WHERE s.id = ${strategyId}::int
    ON CONFLICT ("strategyId", "periodKey") DO UPDATE SET
      status = EXCLUDED.status, "ownerId" = EXCLUDED."ownerId", "lastUpdateId" = EXCLUDED."lastUpdateId",
      reported = EXCLUDED.reported, "takenAt" = EXCLUDED."takenAt", derived = false`);
}

export interface CloseResult {
  /** The last finished quarter. */
  quarter: FiscalPeriod;
  /** Strategies that had a quarter to close. */
  strategies: number;
  /** Snapshot rows written (inserted or closed), and how many of them were reconstructed. */
  written: number;
  derived: number;
}

interface SnapshotWrite {
  strategyId: number;
  periodKey: string;
  periodStart: string;
  periodEnd: string;
  status: StrategyStatus;
  ownerId: number | null;
  lastUpdateId: number | null;
  reported: boolean;
  derived: boolean;
}

/**
 * Writes the closing snapshot of every finished quarter a live strategy lacks, back to the
 * quarter it was made in (or its first update's, for history imported later). Idempotent: a
 * second run finds every quarter closed and writes nothing, and the question is one
 * statement, so running it often costs little.
 */
export async function closeFinishedQuarters(ctx: { prisma: Db; config: { timeZone: string } }, now: Date): Promise<CloseResult> {
  const zone = ctx.config.timeZone;
  const quarter = previousPeriod(periodContaining(now, zone, 'QUARTERLY'));
  const closeAt = quarterCloseAt(quarter, zone);
  // Strategies whose last finished quarter is not closed; older quarters of the others were
  // closed when theirs was.
  const open = await ctx.prisma.$queryRaw<{ id: number }[]>(PrismaNS.sql`
    /* period snapshots: quarters to close */
    SELECT s.id FROM "Strategy" s
     WHERE s."archivedAt" IS NULL
       AND (s."createdAt" < ${closeAt}::timestamptz
            OR EXISTS (SELECT 1 FROM "ProgressUpdate" u WHERE u."strategyId" = s.id AND u."periodStart" <= ${quarter.end}::date))
       AND NOT EXISTS (SELECT 1 FROM "PeriodSnapshot" ps
                        WHERE ps."strategyId" = s.id AND ps."periodKey" = ${quarter.key}::text AND ps."takenAt" >= ${closeAt}::timestamptz)
     ORDER BY s.id`);
  if (open.length === 0) return { quarter, strategies: 0, written: 0, derived: 0 };

  const ids = open.map((r) => r.id);
  const [strategies, updates, snapshots] = await Promise.all([
    ctx.prisma.strategy.findMany({ where: { id: { in: ids } }, select: { id: true, status: true, ownerId: true, createdAt: true } }),
    ctx.prisma.progressUpdate.findMany({
      where: { strategyId: { in: ids } },
      select: { id: true, strategyId: true, createdAt: true, periodStart: true, statusFrom: true, statusTo: true },
    }),
    ctx.prisma.periodSnapshot.findMany({ where: { strategyId: { in: ids } }, select: { strategyId: true, periodKey: true, takenAt: true } }),
  ]);
  const history = new Map<number, HistoryUpdate[]>();
  for (const u of updates) {
    const list = history.get(u.strategyId) ?? [];
    list.push({ id: u.id, createdAt: u.createdAt, periodStart: isoDateOf(u.periodStart), statusFrom: u.statusFrom, statusTo: u.statusTo });
    history.set(u.strategyId, list);
  }
  const taken = new Map(snapshots.map((s) => [`${s.strategyId}:${s.periodKey}`, s.takenAt]));

  const writes: SnapshotWrite[] = [];
  for (const s of strategies) {
    const mine = history.get(s.id) ?? [];
    const made = DateTime.fromJSDate(s.createdAt, { zone }).toISODate()!;
    const first = mine.reduce((min, u) => (u.periodStart < min ? u.periodStart : min), made);
    for (let q = quarterOfDate(first); q.start <= quarter.start; q = nextPeriod(q)) {
      const close = quarterCloseAt(q, zone);
      const was = taken.get(`${s.id}:${q.key}`);
      if (was && was.getTime() >= close.getTime()) continue;
      const state = closingState(mine, s.status, q, close);
      writes.push({
        strategyId: s.id,
        periodKey: q.key,
        periodStart: q.start,
        periodEnd: q.end,
        ...state,
        ownerId: s.ownerId,
        derived: now.getTime() - close.getTime() > CAPTURE_GRACE_MS,
      });
    }
  }
  for (let i = 0; i < writes.length; i += WRITE_CHUNK) await writeSnapshots(ctx.prisma, writes.slice(i, i + WRITE_CHUNK), now);
  return { quarter, strategies: strategies.length, written: writes.length, derived: writes.filter((w) => w.derived).length };
}

async function writeSnapshots(db: Db, rows: readonly SnapshotWrite[], now: Date): Promise<void> {
  if (rows.length === 0) return;
  await db.$executeRaw(PrismaNS.sql`
    /* period snapshots: close */
    INSERT INTO "PeriodSnapshot" ("strategyId", "periodKey", "periodStart", "periodEnd", status, "ownerId", "lastUpdateId", reported, "takenAt", derived)
    SELECT r."strategyId", r."periodKey", r."periodStart"::date, r."periodEnd"::date, r.status::"StrategyStatus", r."ownerId", r."lastUpdateId", r.reported,
           ${now}::timestamptz, r.derived
      FROM json_to_recordset(${JSON.stringify(rows)}::json) AS r("strategyId" int, "periodKey" text, "periodStart" text, "periodEnd" text, status text,
           "ownerId" int, "lastUpdateId" int, reported boolean, derived boolean)
    ON CONFLICT ("strategyId", "periodKey") DO UPDATE SET
      status = EXCLUDED.status, "ownerId" = EXCLUDED."ownerId", "lastUpdateId" = EXCLUDED."lastUpdateId",
      reported = EXCLUDED.reported, "takenAt" = EXCLUDED."takenAt", derived = EXCLUDED.derived`);
}
