// Splits `/reap <subcommand> <args>` and picks the handler. Unknown and not-yet-shipped
// subcommands get the help list with a plain sentence saying why.
import { addCommand } from './add.js';
import { adminCommand } from './admin.js';
import { briefingCommand } from './briefing.js';
import { canvasCommand } from './canvas.js';
import { SUBCOMMANDS, subcommandsFor } from './catalog.js';
import { deadlinesCommand } from './deadlines.js';
import { helpCommand } from './help.js';
import { languageCommand } from './language.js';
import { planCommand } from './plan.js';
import { rediCommand } from './redi.js';
import { reportCommand } from './report.js';
import { settingsCommand } from './settings.js';
import { statusCommand } from './status.js';
import type { ModalSubcommandHandler, SubcommandHandler } from './types.js';
import { updateCommand } from './update.js';
import { helpMessage } from '../ui/help-message.js';

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
