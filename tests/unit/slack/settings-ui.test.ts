// /reap settings, pure parts: the modal within Slack's limits in every language, the saved
// notice, the City-time "next run", and how refused input is put into words (a cron
// expression, the reminder days).
import { describe, expect, it } from 'vitest';
import { JOB_NAMES } from '../../../src/config.js';
import { INTERNAL_JOBS, isInternalJob, PEOPLE_FACING_JOBS } from '../../../src/jobs/schedule/cadence.js';
import { cronProblem, parseOffsetDays } from '../../../src/services/settings.js';
import { validateView } from '../../../src/sandbox/fake-slack/index.js';
import { LANGUAGES, translator } from '../../../src/slack/i18n/index.js';
import { modalErrors } from '../../../src/slack/service-errors.js';
import { invalidFields } from '../../../src/services/errors.js';
import { cityTime, cronBlockId, savedNotice, settingsModal, type SettingsJob } from '../../../src/slack/features/settings/ui/settings-modal.js';

const ZONE = 'America/Los_Angeles';
const jobs: SettingsJob[] = JOB_NAMES.map((job, i) => ({
  job,
  cron: i === 0 ? '0 7 * * 1-5' : '0 8 * * 1',
  source: i === 0 ? 'setting' : i === 1 ? 'env' : 'default',
  updatedBy: i === 0 ? 'Marisol Vega' : null,
  enabled: i !== 2,
  nextFire: i !== 2 ? new Date('2026-11-23T16:00:00Z') : null,
  nextFires: i !== 2 ? [new Date('2026-11-23T16:00:00Z'), new Date('2026-11-30T16:00:00Z'), new Date('2026-12-07T16:00:00Z')] : [],
  internal: isInternalJob(job),
}));

describe('the settings modal', () => {
  it.each(LANGUAGES)('is a valid modal with every job, the REDI channel and reminder days (%s)', (lang) => {
    const view = settingsModal(translator(lang), {
      timeZone: ZONE,
      jobs,
      rediChannelId: 'C0REDI',
      reminderOffsetDays: [7, 1],
      reminderOffsetsSet: true,
      defaultOffsetDays: [7, 1],
      notice: 'Saved',
    });
    expect(validateView(view, ['modal']).errors).toEqual([]);
    const ids = view.blocks.map((b) => b.block_id);
    for (const job of PEOPLE_FACING_JOBS) expect(ids).toContain(cronBlockId(job));
    for (const job of INTERNAL_JOBS) expect(ids).not.toContain(cronBlockId(job));
    expect(ids).toEqual(expect.arrayContaining(['redi_channel', 'reminder_offsets']));
  });

  it('shows each schedule with where it comes from and its next run in the City’s time', () => {
    const view = settingsModal(translator('en'), {
      timeZone: ZONE,
      jobs,
      rediChannelId: null,
      reminderOffsetDays: [7, 1],
      reminderOffsetsSet: false,
      defaultOffsetDays: [7, 1],
    });
    const hints = view.blocks.filter((b) => b.type === 'input').map((b) => (b as { hint?: { text: string } }).hint?.text ?? '');
    expect(hints[0]).toBe(
      'Now: set in REAP Tracker by Marisol Vega. Next runs: Mon, Nov 23, 2026, 8:00 AM PST; Mon, Nov 30, 2026, 8:00 AM PST; Mon, Dec 7, 2026, 8:00 AM PST.',
    );
    expect(hints[1]).toBe(
      'Now: from the REAP_CRON_UPDATE_PROMPTS environment variable. Next runs: Mon, Nov 23, 2026, 8:00 AM PST; Mon, Nov 30, 2026, 8:00 AM PST; Mon, Dec 7, 2026, 8:00 AM PST.',
    );
    expect(hints[2]).toBe('Now: the default. Paused.');
    const first = view.blocks.find((b) => b.block_id === cronBlockId(JOB_NAMES[0])) as unknown as { element: { initial_value: string } };
    expect(first.element.initial_value).toBe('0 7 * * 1-5');
    // Unset reminder days show the default as a placeholder, not as a value to save.
    const offsets = view.blocks.find((b) => b.block_id === 'reminder_offsets') as unknown as {
      element: { initial_value?: string; placeholder: { text: string } };
    };
    expect(offsets.element.initial_value).toBeUndefined();
    expect(offsets.element.placeholder.text).toBe('7,1');
    expect(cityTime(translator('es'), new Date('2026-11-23T16:00:00Z'), ZONE)).toMatch(/lun.*23.*nov.*2026.*8:00/);
  });

  it('lists what a save changed', () => {
    const t = translator('en');
    const text = savedNotice(t, [
      { kind: 'cron', job: 'weekly-digest', after: '0 7 * * 1', now: jobs[2]! },
      { kind: 'cron', job: 'redi-digest', after: null, now: { job: 'redi-digest', cron: '0 9 1 * *', source: 'default', updatedBy: null } },
      { kind: 'rediChannel', after: 'C0REDI' },
      { kind: 'reminderOffsets', after: null, now: [7, 1] },
    ]);
    expect(text).toContain('• Weekly digest: `0 7 * * 1`');
    expect(text).toContain('• REDI digest: back to `0 9 1 * *` (the default)');
    expect(text).toContain('• REDI channel: <#C0REDI>');
    expect(text).toContain('• Deadline reminders: the default (7, 1 days before)');
    expect(savedNotice(t, [])).toBe('Nothing changed.');
  });
});

describe('refused settings, in the reader’s language', () => {
  it('names the expression and how to write one, under the job’s input', () => {
    const fields = cronProblem('weekly-digest', '0 8 * *')!;
    expect(fields).toMatchObject({ field: 'cron:weekly-digest', messageKey: 'settings.errors.cronFieldCount', params: { expression: '0 8 * *', count: 4 } });
    const invalid = cronProblem('weekly-digest', '61 8 * * 1')!;
    expect(invalid.messageKey).toBe('settings.errors.cronInvalid');
    expect(cronProblem('weekly-digest', '0 8 * * 1')).toBeNull();
    const { errors } = modalErrors(translator('es'), invalidFields([fields, invalid]), (f) =>
      f === 'cron:weekly-digest' ? cronBlockId('weekly-digest') : undefined,
    );
    expect(errors[cronBlockId('weekly-digest')]).toBe(
      '“0 8 * *” tiene 4 campos, así que el horario no cambió. Use 5 campos (minuto hora día-del-mes mes día-de-la-semana) o 6 (con los segundos primero), p. ej., “0 8 * * 1” para los lunes a las 08:00.',
    );
    const vi = modalErrors(translator('vi'), invalidFields([invalid]), () => 'x').errors.x!;
    expect(vi).toContain('“61 8 * * 1” không phải lịch chạy hợp lệ');
  });

  it('reads reminder days as a short list of whole days', () => {
    expect(parseOffsetDays('7,1')).toEqual([7, 1]);
    expect(parseOffsetDays(' 1 , 14 7 ')).toEqual([14, 7, 1]);
    expect(parseOffsetDays('')).toEqual([]);
    expect(parseOffsetDays('7,1,1')).toEqual([7, 1]);
    expect(parseOffsetDays('seven')).toBeNull();
    expect(parseOffsetDays('-1')).toBeNull();
    expect(parseOffsetDays('120')).toBeNull();
    expect(parseOffsetDays('1,2,3,4,5,6')).toBeNull();
  });
});

describe('a refusal from setJobSchedule', () => {
  it('becomes the same translated problem under the job’s input', async () => {
    const { ScheduleRejectedError } = await import('../../../src/jobs/schedule/set-job-schedule.js');
    const { scheduleRejection } = await import('../../../src/services/settings.js');
    const invalid = scheduleRejection('weekly-digest', '0 8 * *', new ScheduleRejectedError('invalid_cron', 'Schedule of weekly-digest not changed: …'));
    expect(invalid).toMatchObject({ field: 'cron:weekly-digest', messageKey: 'settings.errors.cronFieldCount', params: { expression: '0 8 * *', count: 4 } });
    const unknown = scheduleRejection('weekly-digest', '0 8 * * 1', new ScheduleRejectedError('unknown_job', 'There is no job called …'));
    expect(translator('es')(unknown.messageKey, { job: 'weekly-digest' })).toBe('No existe ninguna tarea llamada “weekly-digest”.');
  });
});
