// What an import would change: each validated row compared with what is stored, giving the
// rows to create and to update per table and the counts the summary reports. Nothing is
// written here (import-write.ts does), so a dry run plans exactly what an import would do.
import type { MeasureSpec } from '../../domain/measures.js';
import type { Language, MaturityTier, PlanKind, ReportingCadence, Role } from '../../generated/prisma/enums.js';
import { dateToIso, sortRoles } from './format.js';
import { COUNTED, type CountedEntity, type EntityCounts, type ImportCounts } from './import-summary.js';
import type { Snapshot, StrategyFields } from './import-snapshot.js';
import type { Validated } from './validate.js';

interface DepartmentValues {
  name: string;
  maturityTier: MaturityTier;
  hasDedicatedEquityStaff: boolean;
  slackChannelId: string | null;
  hasActiveEquityActionTeam: boolean;
  reportingCadence: ReportingCadence;
}
export interface MemberValues {
  name: string;
  email: string | null;
  departmentCode: string | null;
  roles: Role[];
  language: Language | null;
  timeZone: string | null;
  active: boolean;
  deactivatedAt: Date | null;
}
export interface PlanValues {
  kind: PlanKind;
  title: string;
  departmentCode: string | null;
  fiscalStartYear: number;
  fiscalEndYear: number;
}
/** People and departments by Slack id and code, the due date as in the file (YYYY-MM-DD). */
export interface StrategyValues extends StrategyFields {
  ownerSlackId: string | null;
  dueDate: string | null;
  leadDepartmentCode: string | null;
  /** Sorted codes. */
  partnerCodes: string[];
}
interface ObjectiveValues {
  title: string;
  description: string | null;
}

export interface Changes {
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

export function planChanges(v: Validated, snap: Snapshot, ownerSlackId: (o: string) => string | undefined, now: Date): Changes {
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
