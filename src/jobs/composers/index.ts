// Where the content jobs plug in. Each composer module exports a function that registers
// its handler; add a line here and both the scheduler and `reap jobs run` will use it:
//
//   import { registerWeeklyDigest } from './weekly-digest.js';
//   export function registerComposers(registry: JobRegistry): void {
//     registerWeeklyDigest(registry);
//   }
//
// Jobs with no composer still run on schedule as a logged no-op ("no composer registered").
import type { JobRegistry } from '../registry.js';
import { registerBriefingReminder } from './briefing-reminder.js';
import { registerBriefings } from './briefings.js';
import { registerCanvasSync } from './canvas-sync.js';
import { registerDeadlineReminders } from './deadline-reminders.js';
import { registerPeriodSnapshots } from './period-snapshots.js';
import { registerRediDigest } from './redi-digest.js';
import { registerUpdatePrompts } from './update-prompts.js';
import { registerWeeklyDigest } from './weekly-digest.js';

export function registerComposers(registry: JobRegistry): void {
  registerWeeklyDigest(registry);
  registerRediDigest(registry);
  registerDeadlineReminders(registry);
  registerUpdatePrompts(registry);
  registerBriefingReminder(registry);
  registerBriefings(registry);
  registerCanvasSync(registry);
  registerPeriodSnapshots(registry);
  // deadline-reminders, update-prompts, weekly-digest, redi-digest, briefing-reminder and
  // briefings are written on top of src/jobs (see registry.ts for the handler contract).
}
