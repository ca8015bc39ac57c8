// What ORSE admins read when a message could not be delivered; the words are in the
// shared catalogs (src/slack/i18n/catalogs/outbox.ts).
import { resolveLanguage, translator, type Lang } from '../../slack/i18n/index.js';
import { MESSAGE_REJECTED_CODES, RECIPIENT_GONE_CODES } from './slack-errors.js';

function reasonKey(cause: string, target: string): string {
  if (RECIPIENT_GONE_CODES.has(cause)) return 'person_gone';
  // A person's direct message, not a channel picked in settings: settings cannot fix it.
  if (cause === 'channel_not_found' && /^[UW]/.test(target)) return 'dm_not_found';
  if (MESSAGE_REJECTED_CODES.has(cause)) return 'message_rejected';
  if (['channel_not_found', 'not_in_channel', 'is_archived'].includes(cause)) return cause;
  if (cause === 'delivery_unconfirmed') return 'unconfirmed';
  if (cause.startsWith('expired')) return 'expired';
  return 'other';
}

export interface FailureNoticeFacts {
  cause: string;
  /** The code Slack gave (for "expired", the last one). */
  code: string;
  /** A user id (U…/W…) or a channel id. */
  target: string;
  job: string | null;
}

/** Slack mrkdwn: a mention for people, a channel link for channels. */
export function mentionOf(target: string): string {
  return /^[UW]/.test(target) ? `<@${target}>` : `<#${target}>`;
}

export function deliveryFailureText(lang: Lang, facts: FailureNoticeFacts): string {
  const t = translator(lang);
  const target = mentionOf(facts.target);
  const job = facts.job ? t('outbox.failure.job', { job: facts.job }) : '';
  return [
    t('outbox.failure.intro', { job, target }),
    t(`outbox.failure.reason.${reasonKey(facts.cause, facts.target)}`, { code: facts.code }),
    t('outbox.failure.outro', { target }),
  ].join('\n');
}

export function adminLanguage(member: { language: string | null; slackLocale: string | null }): Lang {
  return resolveLanguage(member.language, member.slackLocale);
}
