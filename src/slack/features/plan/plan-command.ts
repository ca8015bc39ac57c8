// /reap plan [department|plan key]: a department's plan, a page at a time (Previous/Next
// buttons, handled in features/plan/listeners/plan-page-buttons.ts, replace the message with the
// neighbouring page). A plan key ("LIB-FY2024-2026") picks one of the department's plans.
// A citywide plan is named by its key or its first part ("/reap plan WSJ"); "pillar 2"
// (or "pilar 2", "trụ cột 2") after it, or alone, shows one pillar's strategies.
// Acknowledged at once; the answer follows through the response_url.
import { callerActor } from '../../caller.js';
import { planView } from '../../../services/plans.js';
import { cityToday } from '../../../services/service-context.js';
import { PLAN_PAGE_SIZE, planMessage, readsOtherDepartments } from './ui/plan-message.js';
import type { SubcommandHandler } from '../../commands/types.js';
import { problemText } from '../../service-errors.js';

const PLAN_KEY = /^([A-Za-z0-9_]+)-FY\d{4}(?:-\d{2,4})?$/i;
const PILLAR = /(?:^|\s)(?:pillar|pilar|trụ cột|tru cot)\s*#?(\d{1,3})$/iu;

/**
 * "LIB-FY2024-2026" → department LIB and that plan; "WSJ pillar 2" → pillar 2 of the
 * citywide plan WSJ; anything else is a department (or a citywide plan, which the service
 * tries first).
 */
export function parsePlanArgs(args: string): { department?: string; planKey?: string; pillar?: number } {
  let text = args.trim();
  const pillar = PILLAR.exec(text);
  if (pillar) {
    text = text.slice(0, pillar.index).trim();
    return { ...(text !== '' ? { department: text } : {}), pillar: Number(pillar[1]) };
  }
  if (text === '') return {};
  const key = PLAN_KEY.exec(text);
  if (key) return { department: key[1]!, planKey: text };
  return { department: text };
}

export const planCommand: SubcommandHandler = async ({ ctx, args, caller, t, ack, respond }) => {
  await ack();
  try {
    const actor = await callerActor(ctx, caller);
    const { department, planKey, pillar } = parsePlanArgs(args);
    const view = await planView(ctx, actor, department, 1, PLAN_PAGE_SIZE, { ...(planKey ? { planKey } : {}), ...(pillar !== undefined ? { pillar } : {}) });
    await respond({ response_type: 'ephemeral', ...planMessage(t, view, cityToday(ctx), readsOtherDepartments(actor)) });
  } catch (e) {
    await respond({ response_type: 'ephemeral', text: problemText(ctx, t, e, 'reading command failed', { subcommand: 'plan', user: caller.slackUserId }) });
  }
};
