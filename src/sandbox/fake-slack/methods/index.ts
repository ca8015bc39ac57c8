import type { MethodHandler } from '../method-context.js';
import { authMethods } from './auth.js';
import { blocksMethods } from './blocks.js';
import { canvasesMethods } from './canvases.js';
import { chatMethods } from './chat.js';
import { conversationsMethods } from './conversations.js';
import { filesMethods } from './files.js';
import { functionsMethods } from './functions.js';
import { teamMethods } from './team.js';
import { usersMethods } from './users.js';
import { viewsMethods } from './views.js';

/**
 * Every Web API method the fake implements, by name. To add one, write a handler in the
 * family's file (or a new file) and spread it here; the server needs no change.
 */
export const METHODS: Readonly<Record<string, MethodHandler>> = {
  ...authMethods,
  ...blocksMethods,
  ...canvasesMethods,
  ...chatMethods,
  ...conversationsMethods,
  ...filesMethods,
  ...functionsMethods,
  ...teamMethods,
  ...usersMethods,
  ...viewsMethods,
};
