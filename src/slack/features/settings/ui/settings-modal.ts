// /reap settings: one input per job holding its cron expression in force, with where it
// comes from (set here, an environment variable, the default) and when it runs next in the
// City's time zone; the REDI channel; and the days before a deadline that reminders go out.
import type { KnownBlock, ModalView } from '@slack/types';
import { DateTime } from 'luxon';
import { cronEnvName, type JobName } from '../../../../config.js';
import type { Translate } from '../../../i18n/index.js';
import { truncate } from '../../../ui/mrkdwn.js';
import { context, mrkdwnSection, plain } from '../../../ui/blocks.js';

export const SETTINGS_CALLBACK_ID = 'settings:save';
export const SETTINGS_BLOCKS = {
  rediChannel: 'redi_channel',
  offsets: 'reminder_offsets',
} as const;
export const cronBlockId = (job: JobName): string => `cron__${job}`;
export const jobOfCronBlock = (blockId: string): string | null => (blockId.startsWith('cron__') ? blockId.slice('cron__'.length) : null);

export interface SettingsJob {
  job: JobName;
  cron: string;
  source: 'setting' | 'env' | 'default';
  updatedBy: string | null;
  enabled: boolean;
  nextFire: Date | null;
  /** The next three runs, empty when paused. */
  nextFires: readonly Date[];
  /** Shown read-only: the outbox and other housekeeping every message depends on. */
  internal: boolean;
}

export interface SettingsModalData {
  timeZone: string;
  jobs: readonly SettingsJob[];
  rediChannelId: string | null;
  reminderOffsetDays: readonly number[];
  reminderOffsetsSet: boolean;
  defaultOffsetDays: readonly number[];
  /** Lines shown at the top after a save. */
  notice?: string;
}

/**
 * "Mon, Nov 23, 2026, 8:00 AM PST": the City's clock in the reader's words. The zone is the
 * City's own abbreviation in every language (Spanish ICU data would say "GMT-8").
 */
export function cityTime(t: Translate, at: Date, zone: string, withSeconds = false): string {
  const local = DateTime.fromJSDate(at, { zone });
  const when = local.setLocale(t('settings.locale')).toLocaleString({
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    ...(withSeconds ? { second: '2-digit' } : {}),
  });
  return `${when} ${local.setLocale('en-US').toFormat('ZZZZ')}`;
}

export function sourceText(t: Translate, j: Pick<SettingsJob, 'job' | 'source' | 'updatedBy'>): string {
  if (j.source === 'env') return t('settings.source.env', { variable: cronEnvName(j.job) });
  if (j.source === 'setting') return j.updatedBy ? t('settings.source.setting', { who: j.updatedBy }) : t('settings.source.settingAnonymous');
  return t('settings.source.default');
}

export function settingsModal(t: Translate, d: SettingsModalData): ModalView {
  const blocks: KnownBlock[] = [];
  if (d.notice) blocks.push(mrkdwnSection(d.notice));
  blocks.push(context(t('settings.intro', { zone: d.timeZone })), { type: 'header', text: plain(t('settings.schedulesHeader'), 150) });
  const runs = (j: SettingsJob) => {
    const at = j.nextFires.length ? j.nextFires : j.nextFire ? [j.nextFire] : [];
    // The outbox runs every few seconds: three runs in the same minute would read the same.
    const seconds = at.some((x) => x.getUTCSeconds() !== 0);
    return at.map((x) => cityTime(t, x, d.timeZone, seconds)).join('; ');
  };
  const describe = (j: SettingsJob) => {
    const source = sourceText(t, j);
    return j.enabled && runs(j) ? t('settings.hint', { source, next: runs(j) }) : t('settings.hintPaused', { source });
  };
  for (const j of d.jobs) {
    if (j.internal) continue;
    const hint = describe(j);
    blocks.push({
      type: 'input',
      block_id: cronBlockId(j.job),
      optional: true,
      label: plain(`${t(`settings.jobs.${j.job}`)} (${j.job})`, 2000),
      hint: plain(hint, 2000),
      element: { type: 'plain_text_input', action_id: 'value', initial_value: j.cron, max_length: 120, placeholder: plain(t('settings.cronPlaceholder'), 150) },
    });
  }
  const internal = d.jobs.filter((j) => j.internal);
  if (internal.length) {
    blocks.push({ type: 'header', text: plain(t('settings.internalHeader'), 150) }, context(t('settings.internalIntro')));
    for (const j of internal) {
      blocks.push(mrkdwnSection(truncate(`*${t(`settings.jobs.${j.job}`)}* (\`${j.job}\`): \`${j.cron}\`\n${describe(j)}`, 3000)));
    }
  }
  blocks.push(
    { type: 'header', text: plain(t('settings.otherHeader'), 150) },
    {
      type: 'input',
      block_id: SETTINGS_BLOCKS.rediChannel,
      optional: true,
      label: plain(t('settings.rediChannel'), 2000),
      hint: plain(t('settings.rediHint'), 2000),
      element: {
        type: 'conversations_select',
        action_id: 'value',
        filter: { include: ['public', 'private'], exclude_bot_users: true, exclude_external_shared_channels: true },
        ...(d.rediChannelId ? { initial_conversation: d.rediChannelId } : {}),
      },
    },
    {
      type: 'input',
      block_id: SETTINGS_BLOCKS.offsets,
      optional: true,
      label: plain(t('settings.offsets'), 2000),
      hint: plain(t('settings.offsetsHint', { default: d.defaultOffsetDays.join(',') }), 2000),
      element: {
        type: 'plain_text_input',
        action_id: 'value',
        max_length: 40,
        placeholder: plain(d.defaultOffsetDays.join(','), 150),
        ...(d.reminderOffsetsSet ? { initial_value: d.reminderOffsetDays.join(',') } : {}),
      },
    },
  );
  return {
    type: 'modal',
    callback_id: SETTINGS_CALLBACK_ID,
    title: plain(t('settings.title')),
    submit: plain(t('settings.save')),
    close: plain(t('settings.close')),
    blocks,
  };
}

export function settingsLoadingModal(t: Translate, text?: string): ModalView {
  return {
    type: 'modal',
    callback_id: 'settings:loading',
    title: plain(t('settings.title')),
    close: plain(t('settings.close')),
    blocks: [text ? mrkdwnSection(text) : context(t('settings.loading'))],
  };
}

export type SettingsChangeView =
  | { kind: 'cron'; job: JobName; after: string | null; now: Pick<SettingsJob, 'job' | 'cron' | 'source' | 'updatedBy'> }
  | { kind: 'rediChannel'; after: string | null }
  | { kind: 'reminderOffsets'; after: number[] | null; now: readonly number[] };

/** "Saved:" and one line per change, for the notice above the refreshed form. */
export function savedNotice(t: Translate, changes: readonly SettingsChangeView[]): string {
  if (changes.length === 0) return t('settings.nothingChanged');
  const lines = changes.map((c) => {
    switch (c.kind) {
      case 'cron': {
        const job = t(`settings.jobs.${c.job}`);
        return c.after === null
          ? t('settings.change.cronCleared', { job, cron: c.now.cron, source: sourceText(t, c.now) })
          : t('settings.change.cron', { job, cron: c.after });
      }
      case 'rediChannel':
        return c.after ? t('settings.change.redi', { channel: `<#${c.after}>` }) : t('settings.change.rediCleared');
      case 'reminderOffsets':
        return c.after ? t('settings.change.offsets', { days: c.after.join(', ') }) : t('settings.change.offsetsDefault', { days: c.now.join(', ') });
    }
  });
  return `:white_check_mark: *${t('settings.saved')}*\n${lines.map((l) => `• ${l}`).join('\n')}`;
}
