// /reap status [department|all]: where a department stands, or the whole City.
//   no argument → the caller's department (the only one they manage, for a manager of one);
//                 an ORSE admin without a department gets the citywide view
//   "all"       → the citywide view (ORSE admins; anyone else gets the service's refusal)
//   "coverage [department]" → owner coverage (ORSE admins; see status-coverage.ts)
//   anything else → that department by code or name, or the not-found message with suggestions
// Acknowledged at once; the answer follows through the response_url.
import { callerActor } from '../../caller.js';
import { isOrseAdmin } from '../../../services/authz.js';
import { citywideChanges, departmentChanges } from '../../../services/period-changes.js';
import { departmentCodes } from '../../../services/departments.js';
import { citywideStatus, departmentStatus } from '../../../services/status.js';
import { problemText } from '../../service-errors.js';
import { citywideStatusMessage, departmentStatusMessage } from './ui/status-message.js';
import { coverageQuery, statusCoverageCommand } from './status-coverage-command.js';
import type { SubcommandHandler } from '../../commands/types.js';

/** Words that ask for every department (English, Spanish, Vietnamese). */
const CITYWIDE = new Set(['all', 'citywide', 'todos', 'tất cả', 'tat ca']);

export const isCitywideQuery = (args: string): boolean => CITYWIDE.has(args.trim().toLowerCase());

export const statusCommand: SubcommandHandler = async (req) => {
  const coverage = coverageQuery(req.args);
  if (coverage !== null) return statusCoverageCommand({ ...req, args: coverage });
  const { ctx, args, caller, t, ack, respond } = req;
  await ack();
  try {
    const actor = await callerActor(ctx, caller);
    const citywide = isCitywideQuery(args) || (args === '' && isOrseAdmin(actor) && actor.departmentId === null);
    if (citywide) {
      const [c, changes] = await Promise.all([citywideStatus(ctx, actor), citywideChanges(ctx, actor)]);
      await respond({ response_type: 'ephemeral', ...citywideStatusMessage(t, c, changes) });
      return;
    }
    const s = await departmentStatus(ctx, actor, args === '' ? undefined : args);
    const changes = await departmentChanges(ctx, actor, s.department.id);
    const readable = [actor.departmentId, ...actor.managedDepartmentIds].filter((id): id is number => id !== null);
    const otherReadable = !isOrseAdmin(actor) && readable.length > 1 ? await departmentCodes(ctx, readable, 'code') : [];
    await respond({ response_type: 'ephemeral', ...departmentStatusMessage(t, s, { isAdmin: isOrseAdmin(actor), otherReadable, changes }) });
  } catch (e) {
    await respond({ response_type: 'ephemeral', text: problemText(ctx, t, e, 'reading command failed', { subcommand: 'status', user: caller.slackUserId }) });
  }
};
