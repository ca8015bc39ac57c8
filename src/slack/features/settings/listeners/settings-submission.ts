// Save in /reap settings. The service checks every field before writing any: a refused cron
// expression (translated, with the expression and how to write one) appears under its job's
// input and every schedule stays as it was. A successful save shows the form again, as it
// now is, with what changed at the top; the schedulers of this process reload at once
// (setJobSchedule's scheduleChanges), the others within one sweep.
import type { ViewResponseAction } from '@slack/bolt';
import { JOB_NAMES, type JobName } from '../../../../config.js';
import type { AppContext } from '../../../../services/app-context.js';
import { isServiceError } from '../../../../services/errors.js';
import { DEFAULT_REMINDER_OFFSET_DAYS, OFFSETS_FIELD, REDI_CHANNEL_FIELD, saveSettings } from '../../../../services/settings.js';
import { describeServiceError } from '../../../service-errors.js';
import { submissionHandler, type UnplacedProblem } from '../../../submission.js';
import type { SubmitListener } from '../../../listener-types.js';
import { SETTINGS_BLOCKS, cronBlockId, jobOfCronBlock, savedNotice, settingsModal, type SettingsChangeView } from '../ui/settings-modal.js';
import { conversationOf, textOf } from '../../../view-state.js';

function blockFor(field: string): string | undefined {
  if (field === REDI_CHANNEL_FIELD) return SETTINGS_BLOCKS.rediChannel;
  if (field === OFFSETS_FIELD) return SETTINGS_BLOCKS.offsets;
  const job = field.startsWith('cron:') ? field.slice('cron:'.length) : null;
  return job && (JOB_NAMES as readonly string[]).includes(job) ? cronBlockId(job as JobName) : undefined;
}

/** A refusal or an unexpected failure: said where the form's first input is, nothing saved. */
function underFirstInput({ notice, error, t, view }: UnplacedProblem): ViewResponseAction | undefined {
  const firstInput = (view.blocks as { type: string; block_id?: string }[]).find((b) => b.type === 'input')?.block_id;
  const text = isServiceError(error) ? describeServiceError(t, error) : notice;
  return firstInput ? { response_action: 'errors', errors: { [firstInput]: text.slice(0, 2000) } } : undefined;
}

export function settingsSubmission(ctx: AppContext): SubmitListener {
  return submissionHandler(ctx, { blockIdFor: blockFor, what: 'saving settings failed', unplaced: underFirstInput }, async ({ actor, t, values }) => {
    const crons: Record<string, string> = {};
    for (const blockId of Object.keys(values)) {
      const job = jobOfCronBlock(blockId);
      if (job) crons[job] = textOf(values, blockId);
    }
    const redi = values[SETTINGS_BLOCKS.rediChannel] ? conversationOf(values, SETTINGS_BLOCKS.rediChannel) : undefined;
    const offsets = values[SETTINGS_BLOCKS.offsets] ? textOf(values, SETTINGS_BLOCKS.offsets) : undefined;
    const { changes, settings } = await saveSettings(ctx, actor, { crons, rediChannelId: redi, reminderOffsetDays: offsets });
    const shown: SettingsChangeView[] = changes.map((c) => {
      if (c.kind === 'cron') return { kind: 'cron', job: c.job, after: c.after, now: settings.jobs.find((j) => j.job === c.job)! };
      if (c.kind === 'rediChannel') return { kind: 'rediChannel', after: c.after };
      return { kind: 'reminderOffsets', after: c.after, now: settings.reminderOffsetDays };
    });
    return { view: settingsModal(t, { ...settings, defaultOffsetDays: DEFAULT_REMINDER_OFFSET_DAYS, notice: savedNotice(t, shown) }) };
  });
}
