import type { App } from '@slack/bolt';
import type { AppContext } from '../../../services/app-context.js';
import { registerReapCommand } from './reap-command.js';

export function register(app: App, ctx: AppContext): void {
  registerReapCommand(app, ctx);
}
