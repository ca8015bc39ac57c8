import type { App } from '@slack/bolt';
import type { AppContext } from '../../../services/app-context.js';
import { registerAppHomeOpened } from './app-home-opened.js';
import { registerUserChange } from './user-change.js';

export function register(app: App, ctx: AppContext): void {
  registerAppHomeOpened(app, ctx);
  registerUserChange(app, ctx);
}
