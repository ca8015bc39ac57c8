// The /reap update modal's Submit: a new progress update, or the edit of a stored one.
//
// Nothing the person typed is ever lost by an answer from here:
// - problems with a field (too long, empty, not a link) are shown under that field
//   (`response_action: errors`), which leaves the modal and its text as they are;
// - a database failure is shown the same way, under the narrative: press Submit again;
// - a race (someone reported on or edited the same thing meanwhile) answers
//   `response_action: update` with the same form rebuilt on the new version, the same
//   block_ids (Slack keeps the typed text) and the typed values as initial values, and a
//   banner saying what happened; pressing Submit again then saves on top of it knowingly.
//
// The idempotency key is the view id and hash: a double click or a Slack retry
// (x-slack-retry-num) of the same submission carries the same pair, so the service stores it
// once and answers the repeat with `duplicate`, which here closes the modal quietly.
//
// This Submit does not go through submissionHandler (src/slack/submission.ts), which every other
// modal uses: that one reads who is asking, then saves, then answers. Here the strategy is
// read alongside the person, the answer must come before a deadline (a slow save says so
// under the narrative rather than let Slack time out), a repeat closes quietly, a race
// answers with the form rebuilt, and a database failure is said under the narrative, not
// at the top. Each needs a hook submissionHandler does not have.
import type { ViewOutput } from '@slack/bolt';
import type { SubmitListener } from '../../../listener-types.js';
import { unhurried, urgently } from '../../../../db/urgency.js';
import type { WebClient } from '@slack/web-api';
import type { Actor } from '../../../../domain/permissions.js';
import type { AppContext } from '../../../../services/app-context.js';
import { ServiceError } from '../../../../services/errors.js';
import { editUpdate, submitUpdate, type EditResult, type SubmitResult } from '../../../../services/progress-updates.js';
import { liveStrategy, type StrategyRecord } from '../../../../services/strategy-records.js';
import { editRace } from '../../../../services/update-editing.js';
import { loadActorWithLanguage } from '../../../caller.js';
import { recentLanguage } from '../../../recent-languages.js';
import { translator, type Translate } from '../../../i18n/index.js';
import { describeServiceError, modalErrors } from '../../../service-errors.js';
import { UPDATE_BLOCKS, carriedMeta, decodeMeta, type UpdateModalMeta } from '../ui/update-ids.js';
import { blockIdForField, generalErrorBlock, readFormValues, submittedBlocks, type UpdateFormValues } from '../ui/update-form-state.js';
import { buildUpdateModal } from '../ui/update-modal.js';
import { escapeMrkdwn } from '../../../ui/mrkdwn.js';
import { completeStepWithUpdate } from './submit-update-step.js';
import { afterEditedUpdate, afterNewUpdate } from '../update-after-save.js';
import { editUpdateModel, newUpdateModel } from '../update-form.js';

/**
 * Slack waits 3 s for the answer. Everything a submission does before answering (who is
 * asking, the save, rebuilding the form after a conflict) shares this budget, counted from
 * the listener's start; past it the person is told to press Submit again, text intact.
 */
export const SUBMIT_DEADLINE_MS = 2400;

type Ack = (response?: Record<string, unknown>) => Promise<void>;

export function idempotencyKeyFor(view: Pick<ViewOutput, 'id' | 'hash'>): string {
  return `view:${view.id}:${view.hash}`;
}

type Deadlined<T> = { kind: 'done'; value: T } | { kind: 'failed'; error: unknown } | { kind: 'late'; pending: Promise<T> };

async function withDeadline<T>(work: Promise<T>, ms: number): Promise<Deadlined<T>> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), ms);
  });
  const settled = work.then(
    (value) => ({ kind: 'done' as const, value }),
    (error: unknown) => ({ kind: 'failed' as const, error }),
  );
  const first = await Promise.race([settled, late]);
  clearTimeout(timer);
  return first === 'late' ? { kind: 'late', pending: work } : first;
}

const errorsAck = (errors: Record<string, string>) => ({ response_action: 'errors', errors });

interface Submission {
  ctx: AppContext;
  client: WebClient;
  t: Translate;
  ack: Ack;
  view: ViewOutput;
  userId: string;
  meta: UpdateModalMeta;
  values: UpdateFormValues;
  submitted: { status?: string; strategy?: string };
  /** Date.now() by which the answer must be on its way. */
  deadline: number;
  who: Awaited<ReturnType<typeof loadActorWithLanguage>>;
  /** The strategy of a new update, being read since the Submit arrived. */
  strategy?: Promise<StrategyRecord>;
  /** The form was opened by the "Submit REAP update" workflow step: its run and token. */
  step?: { executionId: string; token: string | undefined };
}

const remaining = (s: Submission) => Math.max(0, s.deadline - Date.now());

/** Rebuilding the form (after a conflict, a late pick) within what is left of the budget. */
async function rebuiltInTime<T>(s: Submission, build: Promise<T>): Promise<T | null> {
  const outcome = await withDeadline(build, remaining(s));
  if (outcome.kind === 'done') return outcome.value;
  if (outcome.kind === 'failed') throw outcome.error;
  outcome.pending.catch(() => {});
  await s.ack(errorsAck({ [generalErrorBlock(s.meta.mode, s.submitted)]: s.t('update.errors.busy') }));
  return null;
}

export function updateSubmission(ctx: AppContext): SubmitListener {
  // Slack waits for this answer: its reads and the write go before work nobody is timing.
  return ({ ack, body, view, client, context }) =>
    urgently(async () => {
      const deadline = Date.now() + SUBMIT_DEADLINE_MS;
      const userId = body.user.id;
      const state = view.state.values;
      const meta = decodeMeta(view.private_metadata);
      const values = readFormValues(state);
      // The strategy a new update is for is read alongside the person, not after: one round
      // trip less before the answer. Authorization still comes first in submitUpdate; a read
      // nobody uses (someone unknown, a database failure) is dropped.
      const strategy =
        meta.mode !== 'edit' && values.strategyId !== null && values.strategyId === meta.strategyId ? liveStrategy(ctx, values.strategyId) : undefined;
      strategy?.catch(() => {});
      // One read for who is asking and in which language; someone unknown gets the reason.
      let who: Submission['who'];
      try {
        who = await loadActorWithLanguage(ctx, userId);
      } catch (e) {
        ctx.logger.error({ err: e, user: userId, view: view.id }, 'progress update submission failed');
        await (ack as Ack)(errorsAck({ [UPDATE_BLOCKS.narrative]: translator(recentLanguage(ctx, userId))('update.errors.database') }));
        return;
      }
      const t = 'message' in who ? translator(recentLanguage(ctx, userId)) : who.t;
      let acked = false;
      const once: Ack = async (response) => {
        if (acked) return;
        acked = true;
        await (ack as (r?: unknown) => Promise<void>)(response);
      };
      if (context.retryNum) {
        ctx.logger.info({ retryNum: context.retryNum, reason: context.retryReason, view: view.id, user: userId }, 'Slack retried an update submission');
      }
      const s: Submission = {
        ctx,
        client,
        t,
        ack: once,
        view,
        userId,
        meta,
        values,
        submitted: submittedBlocks(state),
        deadline,
        who,
        strategy,
        step: stepOf(body),
      };
      try {
        if (s.meta.mode === 'edit') await submitEdit(s);
        else await submitNew(s);
      } catch (e) {
        ctx.logger.error({ err: e, user: userId, view: view.id }, 'progress update submission failed');
        // The modal stays open with everything typed; nothing was stored (one transaction).
        await once(errorsAck({ [UPDATE_BLOCKS.narrative]: t('update.errors.database') }));
      }
    });
}

function contentOf(v: UpdateFormValues) {
  return {
    status: v.status ?? '',
    narrative: v.narrative ?? '',
    measureValues: v.measureValues,
    outputs: v.outputs,
    roadblocks: v.roadblocks,
    helpNeeded: v.helpNeeded,
    practices: v.practices,
    visibility: v.visibility,
    evidenceUrl: v.evidenceUrl,
    communitiesReached: v.communitiesReached,
    languagesServed: v.languagesServed,
    accessibilityNotes: v.accessibilityNotes,
    measures: v.measures,
  };
}

/** Field problems under their inputs; anything without an input goes to the form's top input. */
function fieldErrors(s: Submission, e: ServiceError): Record<string, string> {
  const mode = s.meta.mode;
  const { errors, unplaced } = modalErrors(s.t, e, (field) => blockIdForField(field, s.submitted, mode));
  const general = generalErrorBlock(mode, s.submitted);
  if (unplaced.length && !errors[general]) errors[general] = unplaced.join(' ');
  return errors;
}

async function actorOrAnswer(s: Submission): Promise<Actor | null> {
  if ('actor' in s.who) return s.who.actor;
  await s.ack(errorsAck({ [generalErrorBlock(s.meta.mode, s.submitted)]: s.who.message }));
  return null;
}

// ---------- a new update ----------

async function submitNew(s: Submission): Promise<void> {
  const actor = await actorOrAnswer(s);
  if (!actor) return;
  const { ctx, t, meta, values } = s;

  // The strategy picked is not the one the form was last built for (the refresh after the
  // pick had not arrived): show that strategy's status and details before saving anything.
  if (values.strategyId !== null && values.strategyId !== meta.strategyId) {
    try {
      const model = await rebuiltInTime(
        s,
        newUpdateModel(ctx, actor, {
          departmentId: meta.departmentId ?? null,
          strategyId: values.strategyId,
          meta: carriedMeta(meta),
          values: { ...values, status: null },
          banner: t('update.errors.strategyReloaded'),
        }),
      );
      if (model) await s.ack({ response_action: 'update', view: buildUpdateModal(t, model) });
    } catch (e) {
      if (!(e instanceof ServiceError)) throw e;
      await s.ack(errorsAck({ [generalErrorBlock('new', s.submitted)]: describeServiceError(t, e) }));
    }
    return;
  }

  const work = submitUpdate(
    ctx,
    actor,
    { ...contentOf(values), strategyId: values.strategyId ?? 0, expectedVersion: meta.strategyVersion ?? 0 },
    { idempotencyKey: idempotencyKeyFor(s.view), strategy: s.strategy },
  );
  const outcome = await withDeadline(work, remaining(s));
  if (outcome.kind === 'late') {
    await s.ack(errorsAck({ [UPDATE_BLOCKS.narrative]: t('update.errors.slow') }));
    // It may still succeed; then it is confirmed as usual, and pressing Submit again is a duplicate.
    outcome.pending.then(
      (result) => finishNew(s, actor, result),
      (e: unknown) => ctx.logger.warn({ err: e, view: s.view.id }, 'a slow update submission failed after the answer'),
    );
    return;
  }
  if (outcome.kind === 'done') {
    await s.ack();
    await finishNew(s, actor, outcome.value);
    return;
  }
  const e = outcome.error;
  if (!(e instanceof ServiceError)) throw e;
  if (e.code === 'invalid') return s.ack(errorsAck(fieldErrors(s, e)));
  if (e.code === 'conflict' && e.messageKey === 'errors.conflict.strategyChanged' && values.strategyId) {
    return answerStrategyConflict(s, actor, values.strategyId);
  }
  // not_found (archived or deleted since the form opened), forbidden (audited by the
  // service), a reused key: said at the top of the form, nothing stored.
  const general = generalErrorBlock('new', s.submitted);
  return s.ack(
    errorsAck({ [e.field && e.field !== 'idempotencyKey' ? (blockIdForField(e.field, s.submitted, 'new') ?? general) : general]: describeServiceError(t, e) }),
  );
}

async function finishNew(s: Submission, actor: Actor, result: SubmitResult): Promise<void> {
  if (result.duplicate) {
    s.ctx.logger.info({ update: result.update.id, view: s.view.id }, 'repeated update submission answered without storing it again');
    return;
  }
  // After the ack nobody is waiting on the clock: the confirmation, post and Home refresh take their turn.
  await unhurried(() =>
    afterNewUpdate(s.ctx, s.client, s.t, actor, result, s.meta).catch((e: unknown) =>
      s.ctx.logger.error({ err: e, update: result.update.id }, 'after-save steps of a progress update failed'),
    ),
  );
  // A workflow's step waits for this form: it ends with the update, as it would without one.
  const step = s.step;
  if (step) await unhurried(() => completeStepWithUpdate(s.ctx, s.client, step, result.update));
}

/** Slack marks a modal of a custom step's run with the run (function_data) and its token. */
function stepOf(body: unknown): Submission['step'] {
  const b = body as { function_data?: { execution_id?: unknown }; bot_access_token?: unknown };
  const id = b.function_data?.execution_id;
  return typeof id === 'string' && id !== '' ? { executionId: id, token: typeof b.bot_access_token === 'string' ? b.bot_access_token : undefined } : undefined;
}

/** Someone reported on (or changed) the strategy meanwhile: same form, new version, banner. */
async function answerStrategyConflict(s: Submission, actor: Actor, strategyId: number): Promise<void> {
  const { ctx, t, meta, values } = s;
  try {
    const model = await rebuiltInTime(s, newUpdateModel(ctx, actor, { departmentId: meta.departmentId ?? null, strategyId, meta: carriedMeta(meta), values }));
    if (!model) return;
    const last = model.selected?.defaults.lastUpdate ?? null;
    const someoneReported = last !== null && last.id !== meta.lastUpdateId;
    model.banner = t('update.errors.updateConflict', {
      who: someoneReported ? escapeMrkdwn(last.author.name) : t('update.errors.someone'),
      status: t(`status.${model.selected?.defaults.strategy.status ?? 'NOT_STARTED'}`),
    });
    await s.ack({ response_action: 'update', view: buildUpdateModal(t, model) });
  } catch (e) {
    if (!(e instanceof ServiceError)) throw e;
    await s.ack(errorsAck({ [generalErrorBlock('new', s.submitted)]: describeServiceError(t, e) }));
  }
}

// ---------- an edit ----------

async function submitEdit(s: Submission): Promise<void> {
  const actor = await actorOrAnswer(s);
  if (!actor) return;
  const { ctx, t, meta, values } = s;
  if (!meta.updateId || !meta.revision) {
    await s.ack(errorsAck({ [UPDATE_BLOCKS.narrative]: t('common.errorGeneric') }));
    return;
  }
  const outcome = await withDeadline(editUpdate(ctx, actor, meta.updateId, contentOf(values), meta.revision), remaining(s));
  if (outcome.kind === 'late') {
    await s.ack(errorsAck({ [UPDATE_BLOCKS.narrative]: t('update.errors.slow') }));
    outcome.pending.then(
      (result) => finishEdit(s, actor, result),
      (e: unknown) => ctx.logger.warn({ err: e, view: s.view.id }, 'a slow update edit failed after the answer'),
    );
    return;
  }
  if (outcome.kind === 'done') {
    await s.ack();
    await finishEdit(s, actor, outcome.value);
    return;
  }
  const e = outcome.error;
  if (!(e instanceof ServiceError)) throw e;
  if (e.code === 'invalid') return s.ack(errorsAck(fieldErrors(s, e)));
  if (e.code === 'conflict' && e.messageKey === 'errors.conflict.updateChanged') return answerEditConflict(s, actor, meta.updateId, meta.revision);
  return s.ack(errorsAck({ [UPDATE_BLOCKS.narrative]: describeServiceError(t, e) }));
}

async function finishEdit(s: Submission, actor: Actor, result: EditResult): Promise<void> {
  await unhurried(() =>
    afterEditedUpdate(s.ctx, s.client, s.t, actor, result.update, s.meta).catch((e: unknown) =>
      s.ctx.logger.error({ err: e, update: result.update.id }, 'after-save steps of an edit failed'),
    ),
  );
}

async function answerEditConflict(s: Submission, actor: Actor, updateId: number, expectedRevision: number): Promise<void> {
  const { ctx, t, meta, values } = s;
  try {
    // The update now, who changed it, and whether that change is this submission saved before.
    const race = await rebuiltInTime(s, editRace(ctx, actor, updateId, expectedRevision, contentOf(values)));
    if (!race) return;
    const { stored, nextEditor: next } = race;
    if (race.repeated) {
      // A double click or a retry of an edit that was saved: nothing more to do.
      ctx.logger.info({ update: updateId, view: s.view.id }, 'repeated edit answered without saving it again');
      await s.ack();
      return;
    }
    const model = editUpdateModel(
      ctx,
      stored,
      { channelId: meta.channelId, confirmationChannel: meta.confirmationChannel, confirmationTs: meta.confirmationTs },
      {
        values,
        theirs: stored.update,
        banner: t('update.errors.editConflict', { who: next ? escapeMrkdwn(next.name) : t('update.errors.someone') }),
      },
    );
    await s.ack({ response_action: 'update', view: buildUpdateModal(t, model) });
  } catch (e) {
    if (!(e instanceof ServiceError)) throw e;
    await s.ack(errorsAck({ [UPDATE_BLOCKS.narrative]: describeServiceError(t, e) }));
  }
}
