// Save in /reap settings. The service checks every field before writing any: a refused cron
// expression (translated, with the expression and how to write one) appears under its job's
// input and every schedule stays as it was. A successful save shows the form again, as it
// now is, with what changed at the top; the schedulers of this process reload at once
// (setJobSchedule's scheduleChanges), the others within one sweep.
import type { App, ViewSubmitAction } from '@slack/bolt';
import { JOB_NAMES, type JobName } from '../../../../config.js';
import { urgently } from '../../../../db/urgency.js';
import type { AppContext } from '../../../../services/app-context.js';
import { loadActor } from '../../../../services/authz.js';
import { isServiceError, type ServiceError } from '../../../../services/errors.js';
import { DEFAULT_REMINDER_OFFSET_DAYS, OFFSETS_FIELD, REDI_CHANNEL_FIELD, saveSettings } from '../../../../services/settings.js';
import { modalErrors, problemText } from '../../../service-errors.js';
import {
  SETTINGS_BLOCKS,
  SETTINGS_CALLBACK_ID,
  cronBlockId,
  jobOfCronBlock,
  savedNotice,
  settingsModal,
  type SettingsChangeView,
} from '../ui/settings-modal.js';
import { speakerFor } from '../../../caller.js';
import { conversationOf, textOf, type ViewValues } from '../../../view-state.js';

function blockFor(field: string): string | undefined {
  if (field === REDI_CHANNEL_FIELD) return SETTINGS_BLOCKS.rediChannel;
  if (field === OFFSETS_FIELD) return SETTINGS_BLOCKS.offsets;
  const job = field.startsWith('cron:') ? field.slice('cron:'.length) : null;
  return job && (JOB_NAMES as readonly string[]).includes(job) ? cronBlockId(job as JobName) : undefined;
}

export function registerSettingsSubmission(app: App, ctx: AppContext): void {
  // Slack waits for this answer (3 s): its reads and writes go before work nobody is timing.
  app.view<ViewSubmitAction>(SETTINGS_CALLBACK_ID, ({ ack, body, view }) =>
    urgently(async () => {
      const { t } = await speakerFor(ctx, body.user.id);
      const values: ViewValues = view.state.values;
      const crons: Record<string, string> = {};
      for (const blockId of Object.keys(values)) {
        const job = jobOfCronBlock(blockId);
        if (job) crons[job] = textOf(values, blockId);
      }
      const redi = values[SETTINGS_BLOCKS.rediChannel] ? conversationOf(values, SETTINGS_BLOCKS.rediChannel) : undefined;
      const offsets = values[SETTINGS_BLOCKS.offsets] ? textOf(values, SETTINGS_BLOCKS.offsets) : undefined;
      try {
        const actor = await loadActor(ctx, body.user.id);
        const { changes, settings } = await saveSettings(ctx, actor, { crons, rediChannelId: redi, reminderOffsetDays: offsets });
        const shown: SettingsChangeView[] = changes.map((c) => {
          if (c.kind === 'cron') return { kind: 'cron', job: c.job, after: c.after, now: settings.jobs.find((j) => j.job === c.job)! };
          if (c.kind === 'rediChannel') return { kind: 'rediChannel', after: c.after };
          return { kind: 'reminderOffsets', after: c.after, now: settings.reminderOffsetDays };
        });
        await ack({
          response_action: 'update',
          view: settingsModal(t, { ...settings, defaultOffsetDays: DEFAULT_REMINDER_OFFSET_DAYS, notice: savedNotice(t, shown) }),
        });
      } catch (e) {
        if (isServiceError(e)) {
          const { errors, unplaced } = modalErrors(t, e as ServiceError, blockFor);
          if (unplaced.length === 0 && Object.keys(errors).length > 0) {
            await ack({ response_action: 'errors', errors });
            return;
          }
        }
        // A refusal or an unexpected failure: said where the form's first input is, nothing saved.
        const firstInput = (view.blocks as { type: string; block_id?: string }[]).find((b) => b.type === 'input')?.block_id;
        const text = problemText(ctx, t, e, 'saving settings failed');
        await ack(firstInput ? { response_action: 'errors', errors: { [firstInput]: text.slice(0, 2000) } } : undefined);
      }
    }),
  );
}
