// What the database holds that an import may change, loaded once inside the import's
// transaction: every department and member, and the plans the file names with all they
// contain. It is what changes are planned against (import-changes.ts) and what references
// are checked against (validate.ts).
import type { MeasureSpec } from '../../domain/measures.js';
import type { Prisma, Strategy } from '../../generated/prisma/client.js';
import type { MeasureKind, PlanKind } from '../../generated/prisma/enums.js';
import { measureView } from '../measures.js';
import { type KnownState, strategyKey, type Validated } from './validate.js';

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

type DepartmentRow = Awaited<ReturnType<Tx['department']['findMany']>>[number];
type MemberRow = Awaited<ReturnType<Tx['member']['findMany']>>[number] & { managed: Set<number> };
/** The strategy columns an import file gives as they are stored (no ids to translate). */
export type StrategyFields = Pick<
  Strategy,
  'text' | 'status' | 'performanceMeasures' | 'outputs' | 'languageAccess' | 'disabilityAccess' | 'genderEquity' | 'priorityCommunities' | 'deferredReason'
>;
interface StrategySnap extends StrategyFields {
  id: number;
  ownerId: number | null;
  dueDate: Date | null;
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

export interface Snapshot {
  departments: Map<string, DepartmentRow>;
  departmentCodeById: Map<number, string>;
  members: Map<string, MemberRow>;
  memberSlackById: Map<number, string>;
  plans: Map<string, PlanSnap>;
  known: KnownState;
}

export async function loadSnapshot(tx: Tx, v: Validated): Promise<Snapshot> {
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
