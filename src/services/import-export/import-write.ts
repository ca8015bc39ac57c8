// Writing the planned changes, inside the import's transaction. Writes are batched: new
// rows go in with createManyAndReturn and changed rows with one UPDATE ... FROM
// jsonb_to_recordset per table, so 5,000 strategies cost a handful of statements rather
// than thousands of round trips (bench/import.bench.ts).
import type { Prisma } from '../../generated/prisma/client.js';
import { isoToDate } from './format.js';
import type { Changes, MemberValues, PlanValues, StrategyValues } from './import-changes.js';
import type { Snapshot } from './import-snapshot.js';

type Tx = Prisma.TransactionClient;

const CHUNK = 1000;

function chunks<T>(xs: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}

/**
 * UPDATE many rows of one table in one statement: the new values travel as a single JSON
 * parameter, which both drivers pass unchanged and PostgreSQL unpacks into typed columns.
 * Identifiers come from this module only, never from input.
 */
async function bulkUpdate(
  tx: Tx,
  table: string,
  columns: Readonly<Record<string, string>>,
  rows: ReadonlyArray<{ id: number }>,
  now: Date,
  extraSet: readonly string[] = [],
): Promise<void> {
  const cols = Object.entries(columns);
  const set = [...cols.map(([c]) => `"${c}" = v."${c}"`), ...extraSet, `"updatedAt" = $2::timestamptz`].join(', ');
  const shape = [`"id" int`, ...cols.map(([c, type]) => `"${c}" ${type}`)].join(', ');
  const sql = `UPDATE "${table}" AS t SET ${set} FROM jsonb_to_recordset($1::jsonb) AS v(${shape}) WHERE t."id" = v."id"`;
  for (const chunk of chunks(rows)) await tx.$executeRawUnsafe(sql, JSON.stringify(chunk), now.toISOString());
}

export async function applyChanges(tx: Tx, ch: Changes, snap: Snapshot, now: Date): Promise<void> {
  const deptId = new Map([...snap.departments].map(([code, d]) => [code, d.id]));
  const idOfDept = (code: string | null) => (code === null ? null : deptId.get(code)!);

  for (const chunk of chunks(ch.departments.create)) {
    const created = await tx.department.createManyAndReturn({ data: chunk, select: { id: true, code: true } });
    for (const d of created) deptId.set(d.code, d.id);
  }
  await bulkUpdate(
    tx,
    'Department',
    {
      name: 'text',
      maturityTier: '"MaturityTier"',
      hasDedicatedEquityStaff: 'boolean',
      slackChannelId: 'text',
      hasActiveEquityActionTeam: 'boolean',
      reportingCadence: '"ReportingCadence"',
    },
    ch.departments.update,
    now,
  );

  const memberId = new Map([...snap.members].map(([slack, m]) => [slack, m.id]));
  const idOfMember = (slack: string | null) => (slack === null ? null : memberId.get(slack)!);
  if (ch.members.clearEmail.length) {
    await tx.member.updateMany({ where: { id: { in: ch.members.clearEmail } }, data: { email: null } });
  }
  const memberData = ({ departmentCode, ...m }: MemberValues) => ({ ...m, departmentId: idOfDept(departmentCode) });
  for (const chunk of chunks(ch.members.create)) {
    const created = await tx.member.createManyAndReturn({
      data: chunk.map(({ slackUserId, ...m }) => ({ slackUserId, ...memberData(m) })),
      select: { id: true, slackUserId: true },
    });
    for (const m of created) memberId.set(m.slackUserId, m.id);
  }
  await bulkUpdate(
    tx,
    'Member',
    {
      name: 'text',
      email: 'text',
      departmentId: 'int',
      roles: '"Role"[]',
      language: '"Language"',
      timeZone: 'text',
      active: 'boolean',
      deactivatedAt: 'timestamptz',
    },
    ch.members.update.map(({ id, ...m }) => ({ id, ...memberData(m) })),
    now,
  );
  if (ch.members.manages.length) {
    const ids = ch.members.manages.map((m) => idOfMember(m.slackUserId)!);
    await tx.managedDepartment.deleteMany({ where: { memberId: { in: ids } } });
    const pairs = ch.members.manages.flatMap((m) => m.codes.map((code) => ({ memberId: idOfMember(m.slackUserId)!, departmentId: idOfDept(code)! })));
    for (const chunk of chunks(pairs)) await tx.managedDepartment.createMany({ data: chunk });
  }

  const planId = new Map([...snap.plans].map(([key, p]) => [key, p.id]));
  const planData = ({ departmentCode, ...p }: PlanValues) => ({ ...p, departmentId: idOfDept(departmentCode) });
  for (const chunk of chunks(ch.plans.create)) {
    const created = await tx.plan.createManyAndReturn({
      data: chunk.map(({ key, ...p }) => ({ key, ...planData(p) })),
      select: { id: true, key: true },
    });
    for (const p of created) planId.set(p.key, p.id);
  }
  await bulkUpdate(
    tx,
    'Plan',
    { kind: '"PlanKind"', title: 'text', departmentId: 'int', fiscalStartYear: 'int', fiscalEndYear: 'int' },
    ch.plans.update.map(({ id, ...p }) => ({ id, ...planData(p) })),
    now,
  );

  // Objectives and strategies are found again by (parent id, number).
  const objectiveId = new Map<string, number>();
  for (const [key, p] of snap.plans) for (const [n, o] of p.objectives) objectiveId.set(`${planId.get(key)}:${n}`, o.id);
  const idOfObjective = (planKey: string, n: number) => objectiveId.get(`${planId.get(planKey)}:${n}`)!;
  for (const chunk of chunks(ch.objectives.create)) {
    const created = await tx.objective.createManyAndReturn({
      data: chunk.map((o) => ({ planId: planId.get(o.planKey)!, number: o.number, title: o.title, description: o.description })),
      select: { id: true, planId: true, number: true },
    });
    for (const o of created) objectiveId.set(`${o.planId}:${o.number}`, o.id);
  }
  await bulkUpdate(tx, 'Objective', { title: 'text', description: 'text' }, ch.objectives.update, now);

  const strategyId = new Map<string, number>();
  for (const p of snap.plans.values()) for (const o of p.objectives.values()) for (const [n, s] of o.strategies) strategyId.set(`${o.id}:${n}`, s.id);
  // Partners are rows of their own, written after the strategies exist.
  const strategyData = ({ ownerSlackId, dueDate, leadDepartmentCode, partnerCodes: _partners, ...s }: StrategyValues) => ({
    ...s,
    ownerId: idOfMember(ownerSlackId),
    leadDepartmentId: idOfDept(leadDepartmentCode),
    dueDate,
  });
  for (const chunk of chunks(ch.strategies.create)) {
    const created = await tx.strategy.createManyAndReturn({
      data: chunk.map(({ planKey, objectiveNumber, number, ...s }) => {
        const { dueDate, ...rest } = strategyData(s);
        return { objectiveId: idOfObjective(planKey, objectiveNumber), number, ...rest, dueDate: dueDate === null ? null : isoToDate(dueDate) };
      }),
      select: { id: true, objectiveId: true, number: true },
    });
    for (const s of created) strategyId.set(`${s.objectiveId}:${s.number}`, s.id);
  }
  await bulkUpdate(
    tx,
    'Strategy',
    {
      text: 'text',
      status: '"StrategyStatus"',
      ownerId: 'int',
      dueDate: 'date',
      performanceMeasures: 'text',
      outputs: 'text',
      languageAccess: 'boolean',
      disabilityAccess: 'boolean',
      genderEquity: 'boolean',
      priorityCommunities: 'boolean',
      deferredReason: 'text',
      leadDepartmentId: 'int',
    },
    ch.strategies.update.map(({ id, ...s }) => ({ id, ...strategyData(s) })),
    now,
    [
      // Every write bumps the version so a Slack form opened before the import is refused.
      `"version" = t."version" + 1`,
      // A strategy given a (new) owner no longer waits for reassignment.
      `"needsReassignment" = CASE WHEN t."ownerId" IS DISTINCT FROM v."ownerId" THEN false ELSE t."needsReassignment" END`,
    ],
  );

  // A strategy's partner list is replaced by the file's, like a member's `manages`.
  const partnerLists = [
    ...ch.strategies.create
      .filter((s) => s.partnerCodes.length > 0)
      .map((s) => ({ strategyId: strategyId.get(`${idOfObjective(s.planKey, s.objectiveNumber)}:${s.number}`)!, codes: s.partnerCodes })),
    ...ch.strategies.update.map((s) => ({ strategyId: s.id, codes: s.partnerCodes })),
  ];
  if (ch.strategies.update.length) {
    for (const chunk of chunks(ch.strategies.update.map((s) => s.id))) await tx.strategyPartner.deleteMany({ where: { strategyId: { in: chunk } } });
  }
  const partnerRows = partnerLists.flatMap((l) => l.codes.map((code) => ({ strategyId: l.strategyId, departmentId: idOfDept(code)! })));
  for (const chunk of chunks(partnerRows)) await tx.strategyPartner.createMany({ data: chunk });

  for (const chunk of chunks(ch.milestones.create)) {
    await tx.milestone.createMany({
      data: chunk.map((m) => ({
        strategyId: strategyId.get(`${idOfObjective(m.planKey, m.objectiveNumber)}:${m.strategyNumber}`)!,
        title: m.title,
        dueDate: isoToDate(m.dueDate),
      })),
    });
  }
  await bulkUpdate(tx, 'Milestone', { dueDate: 'date' }, ch.milestones.update, now);

  for (const chunk of chunks(ch.measures.create)) {
    await tx.measure.createMany({
      data: chunk.map((m) => ({
        strategyId: strategyId.get(`${idOfObjective(m.planKey, m.objectiveNumber)}:${m.strategyNumber}`)!,
        position: m.position,
        ...m.spec,
      })),
    });
  }
  // Few per import (a handful per strategy): one statement each keeps the enum array simple.
  for (const m of ch.measures.update) await tx.measure.update({ where: { id: m.id }, data: { ...m.spec } });
}
