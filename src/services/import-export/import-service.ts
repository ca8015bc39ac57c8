// `reap import`: parse and validate every row first, then (only if nothing is wrong) write
// everything in one transaction. Writes are batched: what exists is loaded once, new rows
// go in with createManyAndReturn and changed rows with one UPDATE ... FROM
// jsonb_to_recordset per table, so 5,000 strategies cost a handful of statements rather
// than thousands of round trips (bench/import.bench.ts).
import fs from 'node:fs';
import path from 'node:path';
import type { Prisma as PrismaClient } from '../../db/client.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { writeAudit } from '../audit.js';
import type { Language, MaturityTier, PlanKind, ReportingCadence, Role, StrategyStatus } from '../../generated/prisma/enums.js';
import { CSV_FILE_NAME, RECORD_KINDS, dateToIso, isoToDate, sortRoles, type RecordKind } from './format.js';
import { formatIssue, sortIssues, type ImportIssue } from './issues.js';
import { parseSource, type ImportSource } from './parse.js';
import { checkReferences, strategyKey, validateRows, type KnownState, type Validated } from './validate.js';
import type { MeasureSpec } from '../../domain/measures.js';
import type { MeasureKind } from '../../generated/prisma/enums.js';
import { measureView } from '../measures.js';

/** The parts of a stored measure the import file describes, in the file's order. */
const specOf = (m: MeasureSpec): MeasureSpec => ({
  label: m.label,
  kind: m.kind,
  unit: m.unit,
  baseline: m.baseline,
  target: m.target,
  direction: m.direction,
  dataSource: m.dataSource,
  splitBy: m.splitBy,
});

type Tx = Prisma.TransactionClient;

export interface ImportOptions {
  /** Validate against the database and count what would change, but write nothing. */
  dryRun?: boolean;
  /** Recorded in the audit log; "cli" for the command line. */
  actor?: string;
  /** Clock for deactivatedAt/updatedAt (tests). */
  now?: Date;
}

export interface EntityCounts {
  created: number;
  updated: number;
  unchanged: number;
}

export const COUNTED = ['departments', 'members', 'plans', 'objectives', 'strategies', 'milestones', 'measures'] as const;
export type CountedEntity = (typeof COUNTED)[number];
export type ImportCounts = Record<CountedEntity, EntityCounts>;

export type ImportResult =
  | { ok: true; dryRun: boolean; kinds: RecordKind[]; counts: ImportCounts; summary: string }
  | { ok: false; issues: ImportIssue[] /** One formatted line per issue. */; messages: string[] };

// Generous: the work is a few bulk statements, but PGlite on a slow machine with a large
// file must not hit Prisma's 5-second default and roll back a valid import.
const TRANSACTION_TIMEOUT_MS = 10 * 60_000;
const CHUNK = 1000;

/** Reads files, or directories holding departments.csv / members.csv / plans.csv. */
export function readImportPaths(paths: readonly string[]): { sources: ImportSource[]; issues: ImportIssue[] } {
  const sources: ImportSource[] = [];
  const issues: ImportIssue[] = [];
  for (const p of paths) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch {
      issues.push({ source: p, message: 'no such file or directory' });
      continue;
    }
    if (stat.isDirectory()) {
      // Dependency order, so messages read naturally; the import itself is one transaction.
      const files = RECORD_KINDS.map((k) => path.join(p, CSV_FILE_NAME[k])).filter((f) => fs.existsSync(f));
      if (!files.length) issues.push({ source: p, message: `the directory holds none of ${Object.values(CSV_FILE_NAME).join(', ')}` });
      for (const f of files) sources.push({ name: f, content: fs.readFileSync(f) });
    } else sources.push({ name: p, content: fs.readFileSync(p) });
  }
  return { sources, issues };
}

export async function importPaths(prisma: PrismaClient, paths: readonly string[], opts: ImportOptions = {}): Promise<ImportResult> {
  const { sources, issues } = readImportPaths(paths);
  if (issues.length) return failure(issues, paths);
  return importSources(prisma, sources, opts);
}

export async function importSources(prisma: PrismaClient, sources: readonly ImportSource[], opts: ImportOptions = {}): Promise<ImportResult> {
  const names = sources.map((s) => s.name);
  const parsed = sources.map(parseSource);
  const kinds = RECORD_KINDS.filter((k) => parsed.some((p) => p.kinds.includes(k)));
  const v = validateRows(parsed.flatMap((p) => p.rows));
  const issues = [...parsed.flatMap((p) => p.issues), ...v.issues];
  const now = opts.now ?? new Date();

  return prisma.$transaction(
    async (tx) => {
      const snap = await loadSnapshot(tx, v);
      const refs = checkReferences(v, snap.known);
      issues.push(...refs.issues);
      if (issues.length) return failure(issues, names);
      const changes = planChanges(v, snap, refs.ownerSlackId, now);
      const summary = summarize(changes.counts, kinds, !!opts.dryRun);
      if (!opts.dryRun) {
        await applyChanges(tx, changes, snap, now);
        // One summary row rather than one per record: an import can touch thousands.
        await writeAudit(tx, {
          actor: opts.actor ?? 'cli',
          action: 'import',
          entityType: 'import',
          entityId: truncate(names.map((n) => path.basename(n)).join(', '), 64),
          after: { sources: names, counts: changes.counts },
          detail: summary,
        });
      }
      return { ok: true as const, dryRun: !!opts.dryRun, kinds, counts: changes.counts, summary };
    },
    { timeout: TRANSACTION_TIMEOUT_MS, maxWait: 30_000 },
  );
}

function failure(issues: ImportIssue[], sourceOrder: readonly string[]): ImportResult {
  const sorted = sortIssues(issues, sourceOrder);
  const withSource = new Set(sorted.map((i) => i.source)).size > 1 || sourceOrder.length > 1;
  return { ok: false, issues: sorted, messages: sorted.map((i) => formatIssue(i, withSource)) };
}

const truncate = (s: string, n: number) => ([...s].length > n ? [...s].slice(0, n - 1).join('') + '…' : s);

export function summarize(counts: ImportCounts, kinds: readonly RecordKind[], dryRun: boolean): string {
  const shown: CountedEntity[] = [
    ...(kinds.includes('departments') ? (['departments'] as const) : []),
    ...(kinds.includes('members') ? (['members'] as const) : []),
    ...(kinds.includes('plans') ? (['plans', 'objectives', 'strategies', 'milestones'] as const) : []),
    // Typed measures only where a file carries them, so plans without them read as before.
    ...(kinds.includes('plans') && counts.measures.created + counts.measures.updated + counts.measures.unchanged > 0 ? (['measures'] as const) : []),
  ];
  const parts = shown.map((e) => {
    const c = counts[e];
    const total = c.created + c.updated + c.unchanged;
    const detail = [c.created ? `${c.created} new` : '', c.updated ? `${c.updated} updated` : '', c.unchanged ? `${c.unchanged} unchanged` : ''].filter(
      Boolean,
    );
    const noun = total === 1 ? e.replace(/ies$/, 'y').replace(/s$/, '') : e;
    return `${total} ${noun}${detail.length ? ` (${detail.join(', ')})` : ''}`;
  });
  const list = parts.length ? parts.join(', ') : 'nothing';
  return dryRun ? `Dry run: would import ${list}. Nothing was written.` : `Imported ${list}.`;
}

// ---- what the database holds --------------------------------------------------------------

type DepartmentRow = Awaited<ReturnType<Tx['department']['findMany']>>[number];
type MemberRow = Awaited<ReturnType<Tx['member']['findMany']>>[number] & { managed: Set<number> };
interface StrategySnap {
  id: number;
  text: string;
  status: StrategyStatus;
  ownerId: number | null;
  dueDate: Date | null;
  performanceMeasures: string;
  outputs: string;
  languageAccess: boolean;
  disabilityAccess: boolean;
  genderEquity: boolean;
  priorityCommunities: boolean;
  deferredReason: string | null;
  leadDepartmentId: number | null;
  partnerDepartmentIds: number[];
  archivedAt: Date | null;
  milestones: Map<string, { id: number; dueDate: Date }>;
  /** Active typed measures by label. */
  measures: Map<string, { id: number; spec: MeasureSpec; hasValues: boolean }>;
  nextMeasurePosition: number;
}
interface ObjectiveSnap {
  id: number;
  title: string;
  description: string | null;
  strategies: Map<number, StrategySnap>;
}
interface PlanSnap {
  id: number;
  kind: PlanKind;
  title: string;
  departmentId: number | null;
  fiscalStartYear: number;
  fiscalEndYear: number;
  objectives: Map<number, ObjectiveSnap>;
}

interface Snapshot {
  departments: Map<string, DepartmentRow>;
  departmentCodeById: Map<number, string>;
  members: Map<string, MemberRow>;
  memberSlackById: Map<number, string>;
  plans: Map<string, PlanSnap>;
  known: KnownState;
}

async function loadSnapshot(tx: Tx, v: Validated): Promise<Snapshot> {
  // Departments and members are few (a city's worth) and every row may refer to any of
  // them, so all are loaded; plans only as far as the file names them.
  const departments = await tx.department.findMany();
  const members = await tx.member.findMany({ include: { managedDepartments: { select: { departmentId: true } } } });
  const keys = [...new Set(v.plans.map((p) => p.value.planKey))];
  const plans = keys.length
    ? await tx.plan.findMany({
        where: { key: { in: keys } },
        include: {
          objectives: {
            include: {
              strategies: {
                include: {
                  milestones: { select: { id: true, title: true, dueDate: true } },
                  partners: { select: { departmentId: true } },
                  measures: { include: { _count: { select: { values: true } } } },
                },
              },
            },
          },
        },
      })
    : [];

  const snap: Snapshot = {
    departments: new Map(departments.map((d) => [d.code, d])),
    departmentCodeById: new Map(departments.map((d) => [d.id, d.code])),
    members: new Map(members.map(({ managedDepartments, ...m }) => [m.slackUserId, { ...m, managed: new Set(managedDepartments.map((x) => x.departmentId)) }])),
    memberSlackById: new Map(members.map((m) => [m.id, m.slackUserId])),
    plans: new Map(),
    known: { departments: new Map(), members: new Map(), archivedStrategies: new Set() },
  };
  const archived = new Set<string>();
  const reportedKinds = new Map<string, Map<string, MeasureKind>>();
  const archivedLabels = new Map<string, Set<string>>();
  for (const p of plans) {
    const objectives = new Map<number, ObjectiveSnap>();
    for (const o of p.objectives) {
      const strategies = new Map<number, StrategySnap>();
      for (const s of o.strategies) {
        const { measures, ...strategy } = s;
        const active = measures.filter((m) => m.archivedAt === null);
        strategies.set(s.number, {
          ...strategy,
          partnerDepartmentIds: s.partners.map((p) => p.departmentId),
          milestones: new Map(s.milestones.map((m) => [m.title, { id: m.id, dueDate: m.dueDate }])),
          measures: new Map(active.map((m) => [m.label, { id: m.id, spec: specOf(measureView(m)), hasValues: m._count.values > 0 }])),
          nextMeasurePosition: Math.max(0, ...measures.map((m) => m.position)) + 1,
        });
        const kinds = new Map(active.filter((m) => m._count.values > 0).map((m) => [m.label, m.kind]));
        if (kinds.size) reportedKinds.set(strategyKey(p.key, o.number, s.number), kinds);
        const gone = measures.filter((m) => m.archivedAt !== null).map((m) => m.label);
        if (gone.length) archivedLabels.set(strategyKey(p.key, o.number, s.number), new Set(gone));
        if (s.archivedAt) archived.add(strategyKey(p.key, o.number, s.number));
      }
      objectives.set(o.number, { id: o.id, title: o.title, description: o.description, strategies });
    }
    snap.plans.set(p.key, { ...p, objectives });
  }
  snap.known = {
    departments: new Map(departments.map((d) => [d.code, { name: d.name }])),
    members: new Map(members.map((m) => [m.slackUserId, { email: m.email }])),
    archivedStrategies: archived,
    reportedMeasureKinds: reportedKinds,
    archivedMeasureLabels: archivedLabels,
  };
  return snap;
}

// ---- what to change -----------------------------------------------------------------------

interface DepartmentValues {
  name: string;
  maturityTier: MaturityTier;
  hasDedicatedEquityStaff: boolean;
  slackChannelId: string | null;
  hasActiveEquityActionTeam: boolean;
  reportingCadence: ReportingCadence;
}
interface MemberValues {
  name: string;
  email: string | null;
  departmentCode: string | null;
  roles: Role[];
  language: Language | null;
  timeZone: string | null;
  active: boolean;
  deactivatedAt: Date | null;
}
interface PlanValues {
  kind: PlanKind;
  title: string;
  departmentCode: string | null;
  fiscalStartYear: number;
  fiscalEndYear: number;
}
interface StrategyValues {
  text: string;
  status: StrategyStatus;
  ownerSlackId: string | null;
  dueDate: string | null;
  performanceMeasures: string;
  outputs: string;
  languageAccess: boolean;
  disabilityAccess: boolean;
  genderEquity: boolean;
  priorityCommunities: boolean;
  deferredReason: string | null;
  leadDepartmentCode: string | null;
  /** Sorted codes. */
  partnerCodes: string[];
}
interface ObjectiveValues {
  title: string;
  description: string | null;
}

interface Changes {
  counts: ImportCounts;
  departments: { create: Array<DepartmentValues & { code: string }>; update: Array<DepartmentValues & { id: number }> };
  members: {
    create: Array<MemberValues & { slackUserId: string }>;
    update: Array<MemberValues & { id: number }>;
    /** Members whose stored address changes: cleared first so that two members may swap. */
    clearEmail: number[];
    /** Replacement `manages` lists, only where they differ from what is stored. */
    manages: Array<{ slackUserId: string; codes: string[] }>;
  };
  plans: { create: Array<PlanValues & { key: string }>; update: Array<PlanValues & { id: number }> };
  objectives: { create: Array<ObjectiveValues & { planKey: string; number: number }>; update: Array<ObjectiveValues & { id: number }> };
  strategies: {
    create: Array<StrategyValues & { planKey: string; objectiveNumber: number; number: number }>;
    update: Array<StrategyValues & { id: number }>;
  };
  milestones: {
    create: Array<{ planKey: string; objectiveNumber: number; strategyNumber: number; title: string; dueDate: string }>;
    update: Array<{ id: number; dueDate: string }>;
  };
  measures: {
    create: Array<{ planKey: string; objectiveNumber: number; strategyNumber: number; position: number; spec: MeasureSpec }>;
    update: Array<{ id: number; spec: MeasureSpec }>;
  };
}

/** The file's value when the column was present, else the stored one. */
const pick = <T>(given: T | undefined, stored: T): T => (given === undefined ? stored : given);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function planChanges(v: Validated, snap: Snapshot, ownerSlackId: (o: string) => string | undefined, now: Date): Changes {
  const zero = (): EntityCounts => ({ created: 0, updated: 0, unchanged: 0 });
  const counts = Object.fromEntries(COUNTED.map((e) => [e, zero()])) as ImportCounts;
  const ch: Changes = {
    counts,
    departments: { create: [], update: [] },
    members: { create: [], update: [], clearEmail: [], manages: [] },
    plans: { create: [], update: [] },
    objectives: { create: [], update: [] },
    strategies: { create: [], update: [] },
    milestones: { create: [], update: [] },
    measures: { create: [], update: [] },
  };
  const tally = (e: CountedEntity, state: 'created' | 'updated' | 'unchanged') => counts[e][state]++;

  for (const { value: d } of v.departments) {
    const old = snap.departments.get(d.code);
    const values: DepartmentValues = {
      name: d.name,
      maturityTier: pick(d.maturityTier, old?.maturityTier ?? 'INTERMEDIATE'),
      hasDedicatedEquityStaff: pick(d.hasDedicatedEquityStaff, old?.hasDedicatedEquityStaff ?? false),
      slackChannelId: pick(d.slackChannelId, old?.slackChannelId ?? null),
      hasActiveEquityActionTeam: pick(d.hasActiveEquityActionTeam, old?.hasActiveEquityActionTeam ?? false),
      reportingCadence: pick(d.reportingCadence, old?.reportingCadence ?? 'QUARTERLY'),
    };
    if (!old) {
      ch.departments.create.push({ code: d.code, ...values });
      tally('departments', 'created');
    } else if (
      !same(values, {
        name: old.name,
        maturityTier: old.maturityTier,
        hasDedicatedEquityStaff: old.hasDedicatedEquityStaff,
        slackChannelId: old.slackChannelId,
        hasActiveEquityActionTeam: old.hasActiveEquityActionTeam,
        reportingCadence: old.reportingCadence,
      })
    ) {
      ch.departments.update.push({ id: old.id, ...values });
      tally('departments', 'updated');
    } else tally('departments', 'unchanged');
  }

  for (const { value: m } of v.members) {
    const old = snap.members.get(m.slackUserId);
    const oldCode = old?.departmentId != null ? (snap.departmentCodeById.get(old.departmentId) ?? null) : null;
    const active = pick(m.active, old?.active ?? true);
    const values: MemberValues = {
      name: m.name,
      email: pick(m.email, old?.email ?? null),
      departmentCode: pick(m.departmentCode, oldCode),
      roles: sortRoles(pick(m.roles, old?.roles ?? [])),
      language: pick(m.language, old?.language ?? null),
      timeZone: pick(m.timeZone, old?.timeZone ?? null),
      active,
      // Deactivation time is kept while a member stays inactive and set when one becomes so.
      deactivatedAt: active ? null : old && !old.active ? old.deactivatedAt : now,
    };
    const oldManaged = old ? [...old.managed].map((id) => snap.departmentCodeById.get(id)!).sort() : [];
    const managesChanged = m.manages !== undefined && !same(m.manages, oldManaged);
    if (managesChanged) ch.members.manages.push({ slackUserId: m.slackUserId, codes: m.manages! });
    if (!old) {
      ch.members.create.push({ slackUserId: m.slackUserId, ...values });
      tally('members', 'created');
      continue;
    }
    const stored: MemberValues = {
      name: old.name,
      email: old.email,
      departmentCode: oldCode,
      roles: sortRoles(old.roles),
      language: old.language,
      timeZone: old.timeZone,
      active: old.active,
      deactivatedAt: old.deactivatedAt,
    };
    if (!same(values, stored)) {
      ch.members.update.push({ id: old.id, ...values });
      if (values.email !== old.email && old.email !== null) ch.members.clearEmail.push(old.id);
    }
    tally('members', !same(values, stored) || managesChanged ? 'updated' : 'unchanged');
  }

  const seenPlans = new Set<string>();
  const seenObjectives = new Set<string>();
  for (const { value: r } of v.plans) {
    const plan = snap.plans.get(r.planKey);
    if (!seenPlans.has(r.planKey)) {
      seenPlans.add(r.planKey);
      const values: PlanValues = {
        kind: r.planKind,
        title: r.planTitle,
        departmentCode: r.departmentCode,
        fiscalStartYear: r.fiscalStartYear,
        fiscalEndYear: r.fiscalEndYear,
      };
      if (!plan) {
        ch.plans.create.push({ key: r.planKey, ...values });
        tally('plans', 'created');
      } else {
        const stored: PlanValues = {
          kind: plan.kind,
          title: plan.title,
          departmentCode: plan.departmentId !== null ? (snap.departmentCodeById.get(plan.departmentId) ?? null) : null,
          fiscalStartYear: plan.fiscalStartYear,
          fiscalEndYear: plan.fiscalEndYear,
        };
        if (same(values, stored)) tally('plans', 'unchanged');
        else {
          ch.plans.update.push({ id: plan.id, ...values });
          tally('plans', 'updated');
        }
      }
    }
    if (r.objectiveNumber === null) continue;

    const objective = plan?.objectives.get(r.objectiveNumber);
    const okey = `${r.planKey}\u0000${r.objectiveNumber}`;
    if (!seenObjectives.has(okey)) {
      seenObjectives.add(okey);
      const values: ObjectiveValues = { title: r.objectiveTitle!, description: pick(r.objectiveDescription, objective?.description ?? null) };
      if (!objective) {
        ch.objectives.create.push({ planKey: r.planKey, number: r.objectiveNumber, ...values });
        tally('objectives', 'created');
      } else if (!same(values, { title: objective.title, description: objective.description })) {
        ch.objectives.update.push({ id: objective.id, ...values });
        tally('objectives', 'updated');
      } else tally('objectives', 'unchanged');
    }
    if (r.strategyNumber === null) continue;

    const old = objective?.strategies.get(r.strategyNumber);
    const ownerId = old?.ownerId != null ? (snap.memberSlackById.get(old.ownerId) ?? null) : null;
    const codeOf = (id: number) => snap.departmentCodeById.get(id)!;
    const storedLead = old?.leadDepartmentId != null ? codeOf(old.leadDepartmentId) : null;
    const storedPartners = (old?.partnerDepartmentIds ?? []).map(codeOf).sort();
    const values: StrategyValues = {
      text: r.strategyText!,
      status: pick(r.status, old?.status ?? 'NOT_STARTED'),
      ownerSlackId: r.owner === undefined ? ownerId : r.owner === null ? null : ownerSlackId(r.owner)!,
      dueDate: pick(r.dueDate, old?.dueDate ? dateToIso(old.dueDate) : null),
      performanceMeasures: pick(r.performanceMeasures, old?.performanceMeasures ?? ''),
      outputs: pick(r.outputs, old?.outputs ?? ''),
      languageAccess: pick(r.languageAccess, old?.languageAccess ?? false),
      disabilityAccess: pick(r.disabilityAccess, old?.disabilityAccess ?? false),
      genderEquity: pick(r.genderEquity, old?.genderEquity ?? false),
      priorityCommunities: pick(r.priorityCommunities, old?.priorityCommunities ?? false),
      deferredReason: pick(r.deferredReason, old?.deferredReason ?? null),
      leadDepartmentCode: pick(r.leadDepartment, storedLead),
      partnerCodes: pick(r.partnerDepartments, storedPartners),
    };
    const ms = r.milestones ?? [];
    if (!old) {
      ch.strategies.create.push({ planKey: r.planKey, objectiveNumber: r.objectiveNumber, number: r.strategyNumber, ...values });
      tally('strategies', 'created');
      for (const m of ms) {
        ch.milestones.create.push({ planKey: r.planKey, objectiveNumber: r.objectiveNumber, strategyNumber: r.strategyNumber, ...m });
        tally('milestones', 'created');
      }
      (r.typedMeasures ?? []).forEach((spec, i) => {
        ch.measures.create.push({ planKey: r.planKey, objectiveNumber: r.objectiveNumber!, strategyNumber: r.strategyNumber!, position: i + 1, spec });
        tally('measures', 'created');
      });
      continue;
    }
    const stored: StrategyValues = {
      text: old.text,
      status: old.status,
      ownerSlackId: ownerId,
      dueDate: old.dueDate ? dateToIso(old.dueDate) : null,
      performanceMeasures: old.performanceMeasures,
      outputs: old.outputs,
      languageAccess: old.languageAccess,
      disabilityAccess: old.disabilityAccess,
      genderEquity: old.genderEquity,
      priorityCommunities: old.priorityCommunities,
      deferredReason: old.deferredReason,
      leadDepartmentCode: storedLead,
      partnerCodes: storedPartners,
    };
    if (same(values, stored)) tally('strategies', 'unchanged');
    else {
      ch.strategies.update.push({ id: old.id, ...values });
      tally('strategies', 'updated');
    }
    for (const m of ms) {
      const existing = old.milestones.get(m.title);
      if (!existing) {
        ch.milestones.create.push({ planKey: r.planKey, objectiveNumber: r.objectiveNumber, strategyNumber: r.strategyNumber, ...m });
        tally('milestones', 'created');
      } else if (dateToIso(existing.dueDate) !== m.dueDate) {
        ch.milestones.update.push({ id: existing.id, dueDate: m.dueDate });
        tally('milestones', 'updated');
      } else tally('milestones', 'unchanged');
    }
    let position = old.nextMeasurePosition;
    for (const spec of r.typedMeasures ?? []) {
      const existing = old.measures.get(spec.label);
      if (!existing) {
        ch.measures.create.push({ planKey: r.planKey, objectiveNumber: r.objectiveNumber, strategyNumber: r.strategyNumber, position: position++, spec });
        tally('measures', 'created');
      } else if (!same(spec, existing.spec)) {
        ch.measures.update.push({ id: existing.id, spec });
        tally('measures', 'updated');
      } else tally('measures', 'unchanged');
    }
  }
  return ch;
}

// ---- writing ------------------------------------------------------------------------------

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

async function applyChanges(tx: Tx, ch: Changes, snap: Snapshot, now: Date): Promise<void> {
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
