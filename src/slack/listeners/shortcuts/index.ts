import type { App } from '@slack/bolt';
import type { AppContext } from '../../../services/app-context.js';
import { registerReportMessageShortcut } from './report-message.js';

export function register(app: App, ctx: AppContext): void {
  registerReportMessageShortcut(app, ctx);
}
