// A strategy form's Submit, and what follows a change: the /reap plan page redrawn and App
// Home refreshed for the people the strategy concerns.
import type { WebClient } from '@slack/web-api';
import type { AppContext } from '../../../services/app-context.js';
import { loadActor } from '../../../services/authz.js';
import { planView } from '../../../services/plans.js';
import { cityToday } from '../../../services/service-context.js';
import { strategyConcerns } from '../../../services/strategy-records.js';
import { speakerFor } from '../../caller.js';
import { type BlockIdFor, type Save, submissionHandler } from '../../submission.js';
import type { SubmitListener } from '../../listener-types.js';
import { republishHomeFor } from '../home/publish-home.js';
import { decodeStrategyMeta, type PlanOrigin } from './ui/manage-modals.js';
import { planMessage, readsOtherDepartments } from '../plan/ui/plan-message.js';

/**
 * A management form's Submit: the shared one (src/slack/submission.ts), and then the
 * /reap plan page the form was opened from is redrawn, so its row shows the change.
 */
export function strategySubmission(ctx: AppContext, blockIdFor: BlockIdFor, save: Save): SubmitListener {
  return submissionHandler(ctx, { blockIdFor, what: 'saving a management modal failed' }, async (input) => {
    const outcome = await save(input);
    const origin = decodeStrategyMeta(input.view.private_metadata)?.origin;
    if (!origin) return outcome;
    return {
      ...outcome,
      after: async () => {
        try {
          await outcome.after?.();
        } finally {
          await redrawPlanPage(ctx, input.body.user.id, origin);
        }
      },
    };
  });
}

/**
 * Redraws the /reap plan page a Manage menu was used on, so its row shows the change.
 * The page is an ephemeral: only its response_url can replace it (five times in 30
 * minutes, Slack's rule). Failing costs only a stale row; it is logged, never thrown.
 */
export async function redrawPlanPage(ctx: AppContext, slackUserId: string, origin: PlanOrigin): Promise<void> {
  try {
    const { t } = await speakerFor(ctx, slackUserId);
    const actor = await loadActor(ctx, slackUserId);
    const { department, planKey, page, pageSize, pillar } = origin.page;
    const view = await planView(ctx, actor, department, page, pageSize, { planKey, ...(pillar !== undefined ? { pillar } : {}) });
    const message = planMessage(t, view, cityToday(ctx), readsOtherDepartments(actor));
    const res = await fetch(origin.responseUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ response_type: 'ephemeral', replace_original: true, ...message }),
      signal: AbortSignal.timeout(10_000),
    });
    if (!res.ok) ctx.logger.info({ status: res.status }, 'could not redraw the plan page (its response_url is spent or expired)');
  } catch (e) {
    ctx.logger.warn({ err: (e as Error).message }, 'could not redraw the plan page after a change');
  }
}

/**
 * Refreshes App Home for the people a strategy change concerns: `extra` (the editor, a
 * previous owner), the owner, and the department's equity leads and managers, and those of
 * `previousDepartmentId` (a citywide strategy's former lead). ORSE admins' citywide Home
 * refreshes when they open it. Never throws.
 */
export async function afterStrategyChange(
  ctx: AppContext,
  client: WebClient,
  strategyId: number,
  extra: readonly string[],
  previousDepartmentId?: number,
): Promise<void> {
  try {
    const s = await strategyConcerns(ctx, strategyId);
    const departments = [s?.departmentId ?? null, previousDepartmentId ?? null].filter((d): d is number => d !== null);
    await republishHomeFor(ctx, client, [...extra, s?.ownerSlackId ?? ''], departments);
  } catch (e) {
    ctx.logger.warn({ err: (e as Error).message, strategyId }, 'App Home refresh after a strategy change failed');
  }
}
