import { validateBlocks } from '../block-kit-validator.js';
import { SlackApiError, jsonArg, type MethodHandler } from '../method-context.js';
import type { BlockKitError } from '../schema-engine.js';
import { isObject } from '../types.js';
import { validateView } from '../view-validator.js';

/**
 * blocks.validate (docs.slack.dev/reference/methods/blocks.validate): the same checks the fake
 * applies when posting, exposed so the app (or a developer) can ask "would Slack accept this?".
 * Pointers here are relative to the payload given, e.g. `/0/text/type` for a blocks array.
 */
export const blocksMethods: Record<string, MethodHandler> = {
  'blocks.validate': (args) => {
    const blocks = jsonArg(args, 'blocks', 'invalid_arguments');
    const view = jsonArg(args, 'view', 'invalid_arguments');
    const message = jsonArg(args, 'message', 'invalid_arguments');
    const given = [blocks, view, message].filter((value) => value !== undefined);
    if (given.length !== 1) {
      throw new SlackApiError('invalid_arguments', { messages: ['must provide exactly one of `blocks`, `view`, or `message`'] });
    }
    const errors = validationErrors(blocks, view, message);
    if (errors.length > 0) {
      // Asking whether a payload is valid is not itself a mistake by the app.
      throw new SlackApiError('invalid_blocks', { violation: false, messages: [], extra: { errors } });
    }
    return {};
  },
};

function validationErrors(blocks: unknown, view: unknown, message: unknown): BlockKitError[] {
  if (blocks !== undefined) return validateBlocks(blocks, 'message', { pointer: '' });
  if (view !== undefined) return validateView(view, ['modal', 'home'], '').errors;
  const messageBlocks = isObject(message) ? message.blocks : undefined;
  return validateBlocks(messageBlocks ?? [], 'message', { pointer: '/blocks' });
}
