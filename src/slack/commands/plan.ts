// /reap plan [department|plan key]: a department's plan, a page at a time (Previous/Next
// buttons, handled in listeners/actions/plan-page.ts, replace the message with the
// neighbouring page). A plan key ("LIB-FY2024-2026") picks one of the department's plans.
// Acknowledged at once; the answer follows through the response_url.
import { loadActor } from '../../services/authz.js';
import { planView } from '../../services/plans.js';
import { cityToday } from '../../services/service-context.js';
import { PLAN_PAGE_SIZE, planMessage, readsOtherDepartments } from '../ui/plan-message.js';
import { readFailureText } from './status.js';
import type { SubcommandHandler } from './types.js';

const PLAN_KEY = /^([A-Za-z0-9_]+)-FY\d{4}(?:-\d{2,4})?$/i;

/** "LIB-FY2024-2026" → department LIB and that plan; anything else is a department. */
export function parsePlanArgs(args: string): { department?: string; planKey?: string } {
  const text = args.trim();
  if (text === '') return {};
  const key = PLAN_KEY.exec(text);
  if (key) return { department: key[1]!, planKey: text };
  return { department: text };
}

export const planCommand: SubcommandHandler = async ({ ctx, args, caller, t, ack, respond }) => {
  await ack();
  try {
    const actor = await loadActor(ctx, caller.slackUserId);
    const { department, planKey } = parsePlanArgs(args);
    const view = await planView(ctx, actor, department, 1, PLAN_PAGE_SIZE, planKey ? { planKey } : {});
    await respond({ response_type: 'ephemeral', ...planMessage(t, view, cityToday(ctx), readsOtherDepartments(actor)) });
  } catch (e) {
    await respond({ response_type: 'ephemeral', text: readFailureText(ctx, t, e, { subcommand: 'plan', user: caller.slackUserId }) });
  }
};
