// Loading what the /reap update modal shows, and opening it inside Slack's 3-second
// trigger window (a loading view first, filled in when the data is ready). Shared by the slash command, the Update buttons elsewhere in the app,
// the modal's own selects, the Edit button and the submission listener (which rebuilds
// the form after a conflict).
//
// Authorization is the services' (listReportableStrategies, getUpdateFormDefaults,
// loadUpdateForEdit).
import type { ModalView } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import type { Actor } from '../../../domain/permissions.js';
import { isOrseAdmin } from '../../../domain/permissions.js';
import type { AppContext } from '../../../services/app-context.js';
import { listDepartments } from '../../../services/departments.js';
import { ServiceError } from '../../../services/errors.js';
import { getUpdateFormDefaults, listReportableStrategies, type ProgressUpdateView, type ReportableStrategy } from '../../../services/progress-updates.js';
import { loadUpdateForEdit, type EditableUpdate } from '../../../services/update-editing.js';
import type { Translate } from '../../i18n/index.js';
import type { LoadingViewOpened } from '../../../http/front-door/messages.js';
import { describeServiceError, problemText } from '../../service-errors.js';
import { heavyTurn } from '../../heavy-turns.js';
import { openThenFill, type OpenedView } from '../../loading-modal.js';
import { buildUpdateModal, type DepartmentChoice, type EditUpdateModel, type NewUpdateModel } from './ui/update-modal.js';
import { loadingView, messageView } from './ui/update-message-views.js';
import type { UpdateFormValues } from './ui/update-form-state.js';
import type { UpdateModalMeta } from './ui/update-ids.js';

async function departmentChoices(ctx: AppContext): Promise<DepartmentChoice[]> {
  return listDepartments(ctx);
}

export interface NewFormRequest {
  departmentId: number | null;
  strategyId: number | null;
  meta: Omit<UpdateModalMeta, 'mode' | 'strategyId' | 'strategyVersion' | 'lastUpdateId' | 'departmentId'>;
  /** Already loaded for this department, to save a query. */
  strategies?: ReportableStrategy[];
  values?: Partial<UpdateFormValues>;
  banner?: string;
}

/** The new-update form for a department's list and (optionally) one chosen strategy. */
export async function newUpdateModel(ctx: AppContext, actor: Actor, req: NewFormRequest): Promise<NewUpdateModel> {
  const admin = isOrseAdmin(actor);
  const selected = req.strategyId
    ? await getUpdateFormDefaults(ctx, actor, req.strategyId).then((defaults) => ({ defaults, extras: defaults.measures }))
    : null;
  // An admin sees the list of the department they picked, else of the chosen strategy.
  const departmentId = req.departmentId ?? (admin ? selected?.defaults.strategy.department?.id : undefined) ?? actor.departmentId;
  const [strategies, departments] = await Promise.all([
    req.strategies ?? listReportableStrategies(ctx, actor, admin && departmentId !== null ? { departmentId } : {}),
    admin ? departmentChoices(ctx) : Promise.resolve(null),
  ]);
  // A strategy someone may report on but that the list does not hold (an admin's pick in
  // another department, an owner's strategy elsewhere) still has to be selectable.
  const list =
    selected && !strategies.some((s) => s.id === selected.defaults.strategy.id) ? [...strategies, asReportable(selected.defaults, actor)] : strategies;
  return {
    mode: 'new',
    meta: {
      ...req.meta,
      mode: 'new',
      strategyId: selected?.defaults.strategy.id ?? null,
      strategyVersion: selected?.defaults.strategy.version ?? null,
      lastUpdateId: selected?.defaults.lastUpdate?.id ?? null,
      departmentId,
    },
    timeZone: ctx.config.timeZone,
    departments,
    departmentId,
    strategies: list,
    selected,
    values: req.values,
    banner: req.banner,
  };
}

function asReportable(d: Awaited<ReturnType<typeof getUpdateFormDefaults>>, actor: Actor): ReportableStrategy {
  return {
    ...d.strategy,
    ownedByActor: d.strategy.owner?.slackUserId === actor.slackUserId,
    reportedThisPeriod: d.lastUpdate !== null && d.lastUpdate.periodStart >= d.period.start,
    periodKey: d.period.key,
  };
}

/** An update as it is stored now, for someone allowed to edit it (the services decide). */
export type StoredUpdate = EditableUpdate;
export { loadUpdateForEdit };

export function editUpdateModel(
  ctx: AppContext,
  stored: StoredUpdate,
  meta: Omit<UpdateModalMeta, 'mode' | 'updateId' | 'revision'>,
  extra: { values?: Partial<UpdateFormValues>; banner?: string; theirs?: ProgressUpdateView } = {},
): EditUpdateModel {
  return {
    mode: 'edit',
    meta: { ...meta, mode: 'edit', updateId: stored.update.id, revision: stored.update.revision },
    timeZone: ctx.config.timeZone,
    update: stored.update,
    strategy: stored.strategy,
    extras: stored.extras,
    statuses: stored.statuses,
    storedMeasures: stored.storedMeasures,
    ...extra,
  };
}

// ---------- opening within the trigger window ----------

/** A modal to open, or words to show instead (as an ephemeral, or in the modal if one is open). */
export type PreparedForm = { kind: 'form'; view: ModalView } | { kind: 'message'; text: string };

export interface OpenOptions {
  client: WebClient;
  triggerId: string;
  /** For the loading view (and a message in its place): the person's last known language. */
  t: Translate;
  ctx: AppContext;
  /** Say something without a modal, when the trigger could not be used (expired, Slack down). */
  say: (text: string) => Promise<void>;
  /** Called once the request may be acknowledged (commands: before views.open goes out). */
  ack?: () => Promise<void>;
  /** The loading view, when the HTTP front door opened it already (`/reap update`), or a listener did. */
  opened?: Promise<LoadingViewOpened | OpenedView | null>;
  /** A workflow step's interactivity_pointer, used instead of a trigger_id: the form belongs to that run. */
  interactivityPointer?: string;
}

/**
 * Opens a light loading view with the trigger id at once, before the data is read: the
 * trigger lives 3 s and, under load, the reads can wait behind other requests' queries,
 * while views.open here goes out within milliseconds of the request's arrival. The finished
 * form, or what to say instead (in a small modal), replaces it.
 */
export async function openPreparedForm(work: Promise<PreparedForm>, o: OpenOptions): Promise<void> {
  // Errors surface through `work` below; this only keeps them from being unhandled meanwhile.
  work.catch(() => {});
  await o.ack?.();
  const what = 'preparing the update form failed';
  await openThenFill(o.ctx, o.client, {
    opener: o.opened ? { opened: o.opened } : o.interactivityPointer ? { interactivityPointer: o.interactivityPointer } : { triggerId: o.triggerId },
    loading: loadingView(o.t),
    load: async () => {
      const ready = await work;
      return ready.kind === 'form' ? ready.view : messageView(o.t, ready.text);
    },
    problem: (text) => messageView(o.t, text),
    t: o.t,
    what,
    // The trigger is gone; the answer can still arrive as a message.
    notOpened: async () => {
      const late = await work.catch((error: unknown) => ({ kind: 'message' as const, text: problemText(o.ctx, o.t, error, what) }));
      await o.say(late.kind === 'message' ? late.text : o.t('update.errors.openFailed'));
    },
    heavy: true,
  });
}

/** Builds the prepared form, turning a refusal or a missing strategy into words. */
export async function prepare(t: Translate, build: () => Promise<NewUpdateModel | EditUpdateModel | PreparedForm>): Promise<PreparedForm> {
  try {
    const model = await build();
    if ('kind' in model) return model;
    await heavyTurn();
    return { kind: 'form', view: buildUpdateModal(t, model) };
  } catch (e) {
    if (e instanceof ServiceError) return { kind: 'message', text: describeServiceError(t, e) };
    throw e;
  }
}
