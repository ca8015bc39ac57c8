// Typed performance measures of a strategy: reading them for the update form and the
// reports, checking the values a person typed, and managing them (add, edit, archive),
// which is the equity lead's or ORSE's, like every other change to a strategy.
//
// Values are written with the update they belong to (progress-update-write.ts for a new
// one, editUpdate for a correction), so an update and its values are stored or refused
// together and a retried Submit stores them once.
import type { FieldProblem } from '../domain/messages.js';
import {
  EQUITY_GROUPS,
  MEASURE_DIRECTIONS,
  MEASURE_KINDS,
  MEASURE_LIMITS,
  formatMeasureValue,
  kindProblem,
  needsNote,
  parseMeasureValue,
  type MeasureSpec,
} from '../domain/measures.js';
import type { Actor } from '../domain/permissions.js';
import { charCount } from '../domain/validation.js';
import type { Prisma } from '../db/client.js';
import type { Measure } from '../generated/prisma/client.js';
import type { EquityGroup, MeasureDirection, MeasureKind } from '../generated/prisma/enums.js';
import { writeAudit } from './audit.js';
import { requireManage } from './authz.js';
import { isUniqueViolationOn } from './db-errors.js';
import { conflict, invalidFields, notFound } from './errors.js';
import { TX_OPTIONS, type ServiceContext, type Tx } from './service-context.js';
import { loadLiveStrategy, strategyDepartmentId, strategyLabel } from './strategy-records.js';

export interface MeasureView extends MeasureSpec {
  id: number;
  strategyId: number;
  position: number;
  isPublic: boolean;
  archived: boolean;
}

/** A value as reported, with what is needed to show it. */
export interface ReportedMeasure {
  measureId: number;
  label: string;
  kind: MeasureKind;
  unit: string;
  target: number | null;
  direction: MeasureDirection;
  value: number;
  note: string | null;
}

/** What the form sends for one measure: the value and the note as typed. */
export interface MeasureEntry {
  measureId: number;
  value: string | null;
  note: string | null;
}

/** A checked value, ready to store. */
export interface MeasureValueWrite {
  measureId: number;
  value: number;
  note: string | null;
}

const num = (d: { toString(): string } | null): number | null => (d === null ? null : Number(d.toString()));

export function measureView(m: Measure): MeasureView {
  return {
    id: m.id,
    strategyId: m.strategyId,
    position: m.position,
    label: m.label,
    kind: m.kind,
    unit: m.unit,
    baseline: num(m.baseline),
    target: num(m.target),
    direction: m.direction,
    dataSource: m.dataSource,
    splitBy: EQUITY_GROUPS.filter((g) => (m.splitBy ?? []).includes(g)),
    isPublic: m.isPublic,
    archived: m.archivedAt !== null,
  };
}

/** A strategy's measures in form order; archived ones only when asked. */
export async function listMeasures(db: Prisma | Tx, strategyId: number, options: { archived?: boolean } = {}): Promise<MeasureView[]> {
  const rows = await db.measure.findMany({
    where: { strategyId, ...(options.archived ? {} : { archivedAt: null }) },
    orderBy: [{ position: 'asc' }, { id: 'asc' }],
  });
  return rows.map(measureView);
}

/** The active measures of many strategies at once (plan pages, exports, reports). */
export async function measuresByStrategy(
  db: Prisma | Tx,
  strategyIds: readonly number[],
  options: { publicOnly?: boolean } = {},
): Promise<Map<number, MeasureView[]>> {
  const out = new Map<number, MeasureView[]>();
  if (strategyIds.length === 0) return out;
  const rows = await db.measure.findMany({
    where: { strategyId: { in: [...strategyIds] }, archivedAt: null, ...(options.publicOnly ? { isPublic: true } : {}) },
    orderBy: [{ strategyId: 'asc' }, { position: 'asc' }, { id: 'asc' }],
  });
  for (const r of rows) {
    const list = out.get(r.strategyId) ?? [];
    list.push(measureView(r));
    out.set(r.strategyId, list);
  }
  return out;
}

/** The values reported in each of these updates, in the measures' order. */
export async function reportedMeasures(
  db: Prisma | Tx,
  updateIds: readonly number[],
  options: { publicOnly?: boolean } = {},
): Promise<Map<number, ReportedMeasure[]>> {
  const out = new Map<number, ReportedMeasure[]>();
  if (updateIds.length === 0) return out;
  const rows = await db.measureValue.findMany({
    where: { progressUpdateId: { in: [...updateIds] }, ...(options.publicOnly ? { measure: { isPublic: true } } : {}) },
    include: { measure: true },
    orderBy: [{ measure: { position: 'asc' } }, { measureId: 'asc' }],
  });
  for (const r of rows) {
    const list = out.get(r.progressUpdateId) ?? [];
    list.push({
      measureId: r.measureId,
      label: r.measure.label,
      kind: r.measure.kind,
      unit: r.measure.unit,
      target: num(r.measure.target),
      direction: r.measure.direction,
      value: Number(r.value.toString()),
      note: r.note,
    });
    out.set(r.progressUpdateId, list);
  }
  return out;
}

/** The field names the update form's inputs answer to (slack/features/update/ui/update-modal.ts maps them to blocks). */
export const measureValueField = (measureId: number) => `measure.${measureId}`;
export const measureNoteField = (measureId: number) => `measureNote.${measureId}`;

/**
 * Checks what was typed for each of the strategy's measures: the value by its kind, the
 * note's length, and that a value off target says why. Entries for measures the strategy
 * does not have (a forged payload, a measure archived meanwhile) are left out. A measure
 * left empty is simply not reported this period.
 */
export function checkMeasureEntries(
  measures: readonly MeasureView[],
  entries: readonly MeasureEntry[],
): { values: MeasureValueWrite[]; problems: FieldProblem[] } {
  const byId = new Map(measures.map((m) => [m.id, m]));
  const values: MeasureValueWrite[] = [];
  const problems: FieldProblem[] = [];
  for (const e of entries) {
    const m = byId.get(e.measureId);
    if (!m) continue;
    const note = (e.note ?? '').trim() === '' ? null : (e.note ?? '').trim();
    if (note?.includes('\u0000')) problems.push({ field: measureNoteField(m.id), messageKey: 'errors.invalid.characters', params: {} });
    else if (note !== null && charCount(note) > MEASURE_LIMITS.note) {
      problems.push({ field: measureNoteField(m.id), messageKey: 'errors.invalid.tooLong', params: { limit: MEASURE_LIMITS.note, length: charCount(note) } });
    }
    const parsed = parseMeasureValue(m.kind, e.value);
    if (parsed === null) {
      // A note with no value would be lost: ask for the value it explains.
      if (note !== null) problems.push({ field: measureValueField(m.id), messageKey: 'errors.invalid.required', params: {} });
      continue;
    }
    if (!parsed.ok) {
      problems.push({ field: measureValueField(m.id), messageKey: parsed.messageKey, params: {} });
      continue;
    }
    if (needsNote(m, parsed.value, note)) {
      problems.push({
        field: measureNoteField(m.id),
        messageKey: 'errors.invalid.measureNoteNeeded',
        params: { target: formatMeasureValue(m, m.target ?? 0), direction: m.direction },
      });
      continue;
    }
    values.push({ measureId: m.id, value: parsed.value, note });
  }
  return { values, problems };
}

// ---------- managing measures ----------

/** A measure as the Manage form sends it: text as typed. */
export interface MeasureFields {
  label: string;
  kind: string;
  unit?: string | null;
  baseline?: string | null;
  target?: string | null;
  direction?: string | null;
  dataSource?: string | null;
  splitBy?: readonly string[] | null;
  isPublic?: boolean | null;
}

type MeasureColumns = Omit<MeasureSpec, 'splitBy'> & { splitBy: EquityGroup[]; isPublic: boolean };

/** Checks a measure's fields; problems name the field they belong to. */
export function parseMeasureFields(f: MeasureFields): { ok: true; data: MeasureColumns } | { ok: false; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const text = (field: string, raw: string | null | undefined, limit: number, required = false): string => {
    const value = (raw ?? '').trim();
    if (required && value === '') problems.push({ field, messageKey: 'errors.invalid.required', params: {} });
    else if (charCount(value) > limit) problems.push({ field, messageKey: 'errors.invalid.tooLong', params: { limit, length: charCount(value) } });
    else if (value.includes('\u0000')) problems.push({ field, messageKey: 'errors.invalid.characters', params: {} });
    // The typed_measures cell of the import and export files separates measures and their parts with them.
    else if (/[|;]/.test(value)) problems.push({ field, messageKey: 'errors.invalid.measureSeparator', params: {} });
    return value;
  };
  const label = text('label', f.label, MEASURE_LIMITS.label, true);
  const unit = text('unit', f.unit, MEASURE_LIMITS.unit);
  const dataSource = text('dataSource', f.dataSource, MEASURE_LIMITS.dataSource);
  const kind = MEASURE_KINDS.find((k) => k === f.kind);
  if (!kind) problems.push({ field: 'kind', messageKey: 'errors.invalid.choice', params: { options: [...MEASURE_KINDS] } });
  const direction = f.direction ? MEASURE_DIRECTIONS.find((d) => d === f.direction) : 'INCREASE';
  if (!direction) problems.push({ field: 'direction', messageKey: 'errors.invalid.choice', params: { options: [...MEASURE_DIRECTIONS] } });
  const figure = (field: string, raw: string | null | undefined): number | null => {
    if (!kind) return null;
    const parsed = parseMeasureValue(kind, raw);
    if (parsed === null) return null;
    if (!parsed.ok) problems.push({ field, messageKey: kindProblem(kind), params: {} });
    return parsed.ok ? parsed.value : null;
  };
  const baseline = figure('baseline', f.baseline);
  const target = figure('target', f.target);
  const splitBy = EQUITY_GROUPS.filter((g) => (f.splitBy ?? []).includes(g));
  if (problems.length || !kind || !direction) return { ok: false, problems };
  return { ok: true, data: { label, kind, unit, baseline, target, direction, dataSource, splitBy, isPublic: f.isPublic ?? true } };
}

const columnsOf = (d: MeasureColumns) => ({
  label: d.label,
  kind: d.kind,
  unit: d.unit,
  baseline: d.baseline,
  target: d.target,
  direction: d.direction,
  dataSource: d.dataSource,
  splitBy: d.splitBy,
  isPublic: d.isPublic,
});

export interface MeasureResult {
  measure: MeasureView;
  strategy: { id: number; label: string; text: string };
}

async function manageableStrategy(ctx: ServiceContext, actor: Actor, strategyId: number, action: string) {
  const s = await loadLiveStrategy(ctx.prisma, strategyId);
  await requireManage(ctx, actor, strategyDepartmentId(s), { action, entityType: 'strategy', entityId: s.id });
  return s;
}

function labelTaken(e: unknown, label: string): never {
  if (isUniqueViolationOn(e, 'label')) throw conflict('errors.conflict.measureLabelTaken', { label }, 'label');
  throw e;
}

export async function addMeasure(ctx: ServiceContext, actor: Actor, strategyId: number, input: MeasureFields): Promise<MeasureResult> {
  const parsed = parseMeasureFields(input);
  if (!parsed.ok) throw invalidFields(parsed.problems);
  const s = await manageableStrategy(ctx, actor, strategyId, 'measure.add');
  const created = await ctx.prisma
    .$transaction(async (tx) => {
      const last = await tx.measure.aggregate({ where: { strategyId: s.id }, _max: { position: true } });
      const m = await tx.measure.create({ data: { strategyId: s.id, position: (last._max.position ?? 0) + 1, ...columnsOf(parsed.data) } });
      await writeAudit(tx, {
        actor: actor.slackUserId,
        action: 'measure.add',
        entityType: 'measure',
        entityId: String(m.id),
        after: measureView(m),
        detail: `strategy ${s.id} (${strategyLabel(s)})`,
      });
      return m;
    }, TX_OPTIONS)
    .catch((e: unknown) => labelTaken(e, parsed.data.label));
  return { measure: measureView(created), strategy: { id: s.id, label: strategyLabel(s), text: s.text } };
}

async function manageableMeasure(ctx: ServiceContext, actor: Actor, measureId: number, action: string) {
  const m = await ctx.prisma.measure.findUnique({ where: { id: measureId } });
  if (!m || m.archivedAt !== null) throw notFound('errors.notFound.measure', { measureId });
  const s = await manageableStrategy(ctx, actor, m.strategyId, action);
  return { m, s };
}

/**
 * Changes a measure. Its kind is kept once values were reported in it: a count read back as
 * a percentage would misstate every past period.
 */
export async function editMeasure(ctx: ServiceContext, actor: Actor, measureId: number, input: MeasureFields): Promise<MeasureResult> {
  const parsed = parseMeasureFields(input);
  if (!parsed.ok) throw invalidFields(parsed.problems);
  const { m, s } = await manageableMeasure(ctx, actor, measureId, 'measure.edit');
  if (parsed.data.kind !== m.kind && (await ctx.prisma.measureValue.count({ where: { measureId } })) > 0) {
    throw invalidFields([{ field: 'kind', messageKey: 'errors.invalid.measureKindKept', params: {} }]);
  }
  const updated = await ctx.prisma
    .$transaction(async (tx) => {
      const after = await tx.measure.update({ where: { id: measureId }, data: columnsOf(parsed.data) });
      await writeAudit(tx, {
        actor: actor.slackUserId,
        action: 'measure.edit',
        entityType: 'measure',
        entityId: String(measureId),
        before: measureView(m),
        after: measureView(after),
      });
      return after;
    }, TX_OPTIONS)
    .catch((e: unknown) => labelTaken(e, parsed.data.label));
  return { measure: measureView(updated), strategy: { id: s.id, label: strategyLabel(s), text: s.text } };
}

/** Stops asking for a measure; its reported values stay in the history and the reports. */
export async function archiveMeasure(ctx: ServiceContext, actor: Actor, measureId: number): Promise<MeasureResult> {
  const { m, s } = await manageableMeasure(ctx, actor, measureId, 'measure.archive');
  const archived = await ctx.prisma.$transaction(async (tx) => {
    const after = await tx.measure.update({ where: { id: measureId }, data: { archivedAt: ctx.now() } });
    await writeAudit(tx, {
      actor: actor.slackUserId,
      action: 'measure.archive',
      entityType: 'measure',
      entityId: String(measureId),
      before: measureView(m),
      after: measureView(after),
    });
    return after;
  }, TX_OPTIONS);
  return { measure: measureView(archived), strategy: { id: s.id, label: strategyLabel(s), text: s.text } };
}

/** A strategy's measures for someone who manages it (the Manage menu's list). */
export async function measuresToManage(
  ctx: ServiceContext,
  actor: Actor,
  strategyId: number,
): Promise<{ strategy: { id: number; label: string; text: string }; measures: MeasureView[] }> {
  const s = await manageableStrategy(ctx, actor, strategyId, 'measure.list');
  return { strategy: { id: s.id, label: strategyLabel(s), text: s.text }, measures: await listMeasures(ctx.prisma, s.id) };
}

/** One measure for someone who manages its strategy (the edit form). */
export async function measureToEdit(ctx: ServiceContext, actor: Actor, measureId: number): Promise<MeasureResult> {
  const { m, s } = await manageableMeasure(ctx, actor, measureId, 'measure.edit.form');
  return { measure: measureView(m), strategy: { id: s.id, label: strategyLabel(s), text: s.text } };
}

/**
 * The typed measures an edit form asks for and the values the update holds. The caller has
 * already been allowed to edit the update (loadUpdateForEdit).
 */
export async function measuresOfUpdate(
  ctx: ServiceContext,
  strategyId: number,
  updateId: number,
): Promise<{ typed: MeasureView[]; stored: ReportedMeasure[] }> {
  const [typed, stored] = await Promise.all([listMeasures(ctx.prisma, strategyId), reportedMeasures(ctx.prisma, [updateId])]);
  return { typed, stored: stored.get(updateId) ?? [] };
}

/** The values reported in one update (its confirmation and channel post). */
export async function valuesOfUpdate(ctx: ServiceContext, updateId: number): Promise<ReportedMeasure[]> {
  return (await reportedMeasures(ctx.prisma, [updateId])).get(updateId) ?? [];
}

/** A strategy's active measures, for a form shown to someone already allowed to manage it. */
export async function activeMeasures(ctx: ServiceContext, strategyId: number): Promise<MeasureView[]> {
  return listMeasures(ctx.prisma, strategyId);
}
