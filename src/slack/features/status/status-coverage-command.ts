// /reap status coverage [department]: ORSE's list of open strategies nobody is looking
// after (no owner, a departed owner, never reported on, overdue), citywide or for one
// department. The service refuses (and audits) anyone else; acknowledged at once, the
// answer follows through the response_url.
import { callerActor } from '../../caller.js';
import { ownerCoverage } from '../../../services/owner-coverage.js';
import { problemText } from '../../service-errors.js';
import { coverageMessage } from './ui/coverage-message.js';
import type { SubcommandHandler } from '../../commands/types.js';

/** The words that ask for coverage; Spanish readers may type their own. */
const COVERAGE = new Set(['coverage', 'cobertura']);

/** The department asked about ('' for the whole City) when `args` asks for coverage, else null. */
export function coverageQuery(args: string): string | null {
  const [first = '', ...rest] = args.trim().split(/\s+/);
  return COVERAGE.has(first.toLowerCase()) ? rest.join(' ') : null;
}

/** `args` is what follows the word "coverage": a department, or nothing. */
export const statusCoverageCommand: SubcommandHandler = async ({ ctx, args, caller, t, ack, respond }) => {
  await ack();
  try {
    const actor = await callerActor(ctx, caller);
    const coverage = await ownerCoverage(ctx, actor, args === '' ? undefined : args);
    await respond({ response_type: 'ephemeral', ...coverageMessage(t, coverage) });
  } catch (e) {
    await respond({
      response_type: 'ephemeral',
      text: problemText(ctx, t, e, 'reading command failed', { subcommand: 'status coverage', user: caller.slackUserId }),
    });
  }
};
