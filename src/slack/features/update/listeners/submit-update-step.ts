// Workflow Builder step "Submit REAP update": files a progress update for the person the
// workflow names (usually whoever used it), through the same service as /reap update's
// Submit, so the same rules decide: who may report on which strategy (a strategy of another
// department is refused and audited), which statuses they may set, the field limits.
//
// The strategy is looked up by its reference alone, not among what the runner may report
// on: naming another department's strategy must reach the service and its refusal, not end
// as "no such strategy".
//
// When the workflow leaves something out or names it wrongly (no strategy, an unknown one, a
// status we do not know) and the step was given interactivity, the runner gets the same form
// /reap update shows, filled with what the workflow did say; the run ends when they submit
// it (update-submission.ts calls completeStepWithUpdate). Without interactivity it fails
// with the reason.
//
// Slack sends function_executed again when it saw no answer in time. The idempotency key is
// the run's id, so a redelivery stores nothing new; it ends the run with what was stored
// (Slack refuses the second end if the first one got through, which is then only logged).
import type { StepListener } from '../../../listener-types.js';
import type { WebClient } from '@slack/web-api';
import type { Actor } from '../../../../domain/permissions.js';
import { STRATEGY_STATUSES } from '../../../../domain/progress-update-input.js';
import type { StrategyStatus } from '../../../../domain/enums.js';
import type { AppContext } from '../../../../services/app-context.js';
import { submitUpdate, type ProgressUpdateView } from '../../../../services/progress-updates.js';
import { findStrategiesByLabel, liveStrategy, strategyLabel, type StrategyRecord } from '../../../../services/strategy-records.js';
import { channelPostOf } from '../../../../services/update-channel-posts.js';
import { parseStrategyQuery } from '../../../commands/command-text.js';
import { LANGUAGES, translator, type Translate } from '../../../i18n/index.js';
import { plainText, stepFailureText, stepRunner, textInput } from '../../../workflow-steps.js';
import { afterNewUpdate } from '../update-after-save.js';
import { newUpdateModel, openPreparedForm, prepare } from '../update-form.js';

export const SUBMIT_UPDATE_STEP = 'submit_reap_update';

export const idempotencyKeyForRun = (functionExecutionId: string): string => `function:${functionExecutionId}`;

const statusKey = (text: string) =>
  text
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

/**
 * A status as a workflow may carry it: the code in any case ("in_progress", "In progress")
 * or its name in any of our languages ("En curso"), since the value often comes from a
 * form the runner filled in.
 */
export function parseStepStatus(text: string): StrategyStatus | null {
  const key = statusKey(text);
  for (const status of STRATEGY_STATUSES) {
    if (key === status.toLowerCase()) return status;
    if (LANGUAGES.some((lang) => statusKey(translator(lang)(`status.${status}`)) === key)) return status;
  }
  return null;
}

/** "completed (Completed), in_progress (In Progress), …" in the runner's language. */
export function statusChoices(t: Translate): string {
  return STRATEGY_STATUSES.map((s) => `${s.toLowerCase()} (${t(`status.${s}`)})`).join(', ');
}

type StrategyLookup = { strategy: StrategyRecord } | { refusal: string };

/** The live strategy a reference names: "42", "#42", "LIB 1.2", a plan key and number, or "1.2" in the runner's department. */
async function strategyFor(ctx: AppContext, actor: Actor, t: Translate, reference: string): Promise<StrategyLookup> {
  const query = parseStrategyQuery(reference);
  const unknown = { refusal: t('workflow.errors.unknownStrategy', { query: reference.slice(0, 60) }) };
  if (query.kind === 'id') return { strategy: await liveStrategy(ctx, query.id) };
  if (query.kind !== 'label') return unknown;
  const [objective, number] = query.label.split('.').map(Number) as [number, number];
  const scope = query.scope;
  if (scope === null && actor.departmentId === null) return unknown;
  const matches = await findStrategiesByLabel(ctx, scope ? { scope } : { departmentId: actor.departmentId }, objective, number);
  if (matches.length === 0) return unknown;
  if (matches.length > 1) {
    const listed = matches.map((m) => `${m.planKey} ${query.label} (id ${m.id})`).join(', ');
    return { refusal: t('workflow.errors.ambiguousStrategy', { query: reference.slice(0, 60), matches: listed }) };
  }
  return { strategy: await liveStrategy(ctx, matches[0]!.id) };
}

/** Where the department channel's post of the update is, as a link; '' without one. */
async function postPermalink(ctx: AppContext, client: WebClient, updateId: number): Promise<string> {
  const post = await channelPostOf(ctx, updateId);
  if (!post) return '';
  try {
    const res = await client.chat.getPermalink({ channel: post.channel, message_ts: post.ts });
    return res.permalink ?? '';
  } catch (e) {
    // The update is saved and posted; a missing link only leaves that output empty.
    ctx.logger.warn({ err: (e as Error).message, update: updateId }, 'could not get the link to an update’s channel post');
    return '';
  }
}

function outputsFor(update: ProgressUpdateView, strategy: StrategyRecord, permalink: string): Record<string, string | number> {
  return { update_id: update.id, strategy_label: `${strategy.objective.plan.key} ${strategyLabel(strategy)}`, period: update.periodKey, permalink };
}

export function submitUpdateStep(ctx: AppContext): StepListener {
  return async ({ inputs, complete, fail, body, client, context }) => {
    const execution = body.event.function_execution_id;
    const runner = await stepRunner(ctx, textInput(inputs, 'user_id'));
    if ('refusal' in runner) {
      await fail({ error: plainText(runner.refusal) });
      return;
    }
    const { actor, t } = runner;
    const reference = textInput(inputs, 'strategy');
    const statusText = textInput(inputs, 'status');
    const narrative = textInput(inputs, 'narrative');
    const status = statusText === null ? null : parseStepStatus(statusText);
    const pointer = interactivityPointerOf(inputs);
    /** Asks the runner in the update form instead of failing, when the step may. */
    const askInForm = async (reason: string, strategyId: number | null): Promise<void> => {
      if (!pointer) {
        await fail({ error: reason });
        return;
      }
      const form = prepare(t, () =>
        newUpdateModel(ctx, actor, { departmentId: null, strategyId, meta: {}, values: { narrative, ...(status ? { status } : {}) } }),
      );
      await openPreparedForm(form, {
        client,
        triggerId: '',
        interactivityPointer: pointer,
        t,
        ctx,
        say: (text) => fail({ error: plainText(text) }).then(() => {}),
      });
    };
    if (reference === null || statusText === null || narrative === null) {
      const missing = reference === null ? 'strategy' : statusText === null ? 'status' : 'narrative';
      const found = reference === null ? null : await strategyFor(ctx, actor, t, reference).catch(() => null);
      await askInForm(t('workflow.errors.missingInput', { input: missing }), found && 'strategy' in found ? found.strategy.id : null);
      return;
    }

    let strategy: StrategyRecord;
    let saved: Awaited<ReturnType<typeof submitUpdate>>;
    try {
      const found = await strategyFor(ctx, actor, t, reference);
      if ('refusal' in found) {
        await askInForm(found.refusal, null);
        return;
      }
      if (status === null) {
        await askInForm(t('workflow.errors.invalidStatus', { value: statusText.slice(0, 60), choices: statusChoices(t) }), found.strategy.id);
        return;
      }
      strategy = found.strategy;
      saved = await submitUpdate(
        ctx,
        actor,
        { strategyId: strategy.id, expectedVersion: strategy.version, status, narrative },
        { idempotencyKey: idempotencyKeyForRun(execution), strategy: Promise.resolve(strategy) },
      );
    } catch (e) {
      await fail({ error: stepFailureText(ctx, t, e, { step: SUBMIT_UPDATE_STEP, execution, user: actor.slackUserId }) });
      return;
    }

    if (saved.duplicate) {
      ctx.logger.info({ execution, retryNum: context.retryNum, update: saved.update.id }, 'a workflow step was delivered again; its update is already stored');
    } else {
      // The department channel's post, the author's confirmation and App Home, as after /reap update.
      await afterNewUpdate(ctx, client, t, actor, saved, { mode: 'new' }).catch((e: unknown) =>
        ctx.logger.warn({ err: (e as Error).message, update: saved.update.id }, 'what follows a workflow update failed'),
      );
    }
    const outputs = outputsFor(saved.update, strategy, await postPermalink(ctx, client, saved.update.id));
    try {
      await complete({ outputs });
    } catch (e) {
      if (!saved.duplicate) throw e;
      // The first delivery ended the run already: nothing is lost.
      ctx.logger.info({ err: (e as Error).message, execution }, 'a redelivered workflow step was already complete');
    }
  };
}

/** The pointer Slack hands a step that declares an interactivity input; null otherwise. */
function interactivityPointerOf(inputs: Record<string, unknown> | undefined): string | null {
  const value = inputs?.interactivity as { interactivity_pointer?: unknown } | undefined;
  return typeof value?.interactivity_pointer === 'string' && value.interactivity_pointer !== '' ? value.interactivity_pointer : null;
}

/**
 * Ends a run whose runner filled in the update form (opened with its interactivity pointer),
 * with the same outputs as a run that needed no form. Never throws: the update is saved.
 */
export async function completeStepWithUpdate(
  ctx: AppContext,
  client: WebClient,
  step: { executionId: string; token: string | undefined },
  update: ProgressUpdateView,
): Promise<void> {
  try {
    const strategy = await liveStrategy(ctx, update.strategyId);
    const outputs = outputsFor(update, strategy, await postPermalink(ctx, client, update.id));
    await client.functions.completeSuccess({ function_execution_id: step.executionId, outputs, ...(step.token ? { token: step.token } : {}) });
  } catch (e) {
    ctx.logger.warn({ err: (e as Error).message, execution: step.executionId, update: update.id }, 'could not end the workflow step after its form');
  }
}
