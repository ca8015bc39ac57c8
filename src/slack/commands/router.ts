// Splits `/reap <subcommand> <args>` and picks the handler. Unknown and not-yet-shipped
// subcommands get the help list with a plain sentence saying why.
import { addCommand } from '../features/manage/add-command.js';
import { adminCommand } from '../features/admin/admin-command.js';
import { briefingCommand } from '../features/briefing/briefing-command.js';
import { canvasCommand } from '../features/plan/canvas-command.js';
import { SUBCOMMANDS, subcommandsFor } from './catalog.js';
import { deadlinesCommand } from '../features/status/deadlines-command.js';
import { helpCommand } from '../features/help/help-command.js';
import { languageCommand } from '../features/settings/language-command.js';
import { planCommand } from '../features/plan/plan-command.js';
import { rediCommand } from '../features/digests/redi-command.js';
import { reportCommand } from '../features/report/report-command.js';
import { settingsCommand } from '../features/settings/settings-command.js';
import { statusCommand } from '../features/status/status-command.js';
import type { ModalSubcommandHandler, SubcommandHandler } from './types.js';
import { updateCommand } from '../features/update/update-command.js';
import { helpMessage } from '../features/help/ui/help-message.js';

const HANDLERS: Record<string, SubcommandHandler> = {
  help: helpCommand,
  add: addCommand,
  admin: adminCommand,
  language: languageCommand,
  status: statusCommand,
  deadlines: deadlinesCommand,
  plan: planCommand,
  report: reportCommand,
  briefing: briefingCommand,
  settings: settingsCommand,
  redi: rediCommand,
  canvas: canvasCommand,
};

/** Subcommands that answer with a modal, opened before the caller is looked up. */
const MODAL_HANDLERS: Record<string, ModalSubcommandHandler> = {
  update: updateCommand,
};

export function resolveModalSubcommand(name: string): ModalSubcommandHandler | null {
  return MODAL_HANDLERS[name] ?? null;
}

export function resolveSubcommand(name: string): SubcommandHandler {
  const handler = HANDLERS[name];
  if (handler) return handler;
  const known = SUBCOMMANDS.some((c) => c.name === name);
  return async ({ ack, t, caller }) => {
    await ack({
      response_type: 'ephemeral',
      ...helpMessage(t, subcommandsFor(caller.roles), known ? { kind: 'notYet', command: `/reap ${name}` } : { kind: 'unknown', command: name }),
    });
  };
}
