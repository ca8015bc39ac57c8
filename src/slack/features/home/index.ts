// The App Home tab.
import type { App } from '@slack/bolt';
import type { AppContext } from '../../../services/app-context.js';
import { registerAppHomeOpened } from './listeners/app-home-opened.js';

export function register(app: App, ctx: AppContext): void {
  registerAppHomeOpened(app, ctx);
}
