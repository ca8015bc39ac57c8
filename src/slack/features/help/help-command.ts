import { subcommandsFor } from '../../commands/catalog.js';
import type { SubcommandHandler } from '../../commands/types.js';
import { helpMessage } from './ui/help-message.js';

export const helpCommand: SubcommandHandler = async ({ ack, t, caller }) => {
  await ack({ response_type: 'ephemeral', ...helpMessage(t, subcommandsFor(caller.roles)) });
};
