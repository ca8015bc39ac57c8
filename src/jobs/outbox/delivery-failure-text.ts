// What ORSE admins read when a message could not be delivered. Kept as an i18next catalog
// (namespace "outbox") in the shape of src/slack/i18n/catalogs so it can move there.
import i18next from 'i18next';
import type { Widen } from '../../slack/i18n/types.js';
import { resolveLanguage, type Lang } from '../../slack/i18n/index.js';

const en = {
  failure: {
    intro: 'REAP Tracker could not deliver a message{{job}} to {{target}}.',
    job: ' ({{job}})',
    outro: 'It will not be retried. Other messages to {{target}} with the same problem fail without a new notice.',
    reason: {
      person_gone: 'This person’s Slack account is deactivated or no longer exists. Reassign their strategies, or mark them inactive in REAP Tracker.',
      channel_not_found: 'The channel does not exist, or the app cannot see it. Check the channel chosen in REAP Tracker’s settings.',
      not_in_channel: 'The app is not a member of that channel. Invite it there with /invite.',
      is_archived: 'The channel is archived. Choose another channel in REAP Tracker’s settings.',
      message_rejected: 'Slack refused the message itself ({{code}}). This is a fault in REAP Tracker; please report it.',
      unconfirmed: 'The connection to Slack broke while sending, and the app could not check whether the message arrived. It was not sent again, to avoid a duplicate.',
      expired: 'Slack kept failing for more than a day ({{code}}), so the message was dropped.',
      other: 'Slack answered “{{code}}”.',
    },
  },
};

const es: Widen<typeof en> = {
  failure: {
    intro: 'REAP Tracker no pudo entregar un mensaje{{job}} a {{target}}.',
    job: ' ({{job}})',
    outro: 'No se volverá a intentar. Otros mensajes a {{target}} con el mismo problema fallarán sin un nuevo aviso.',
    reason: {
      person_gone: 'La cuenta de Slack de esta persona está desactivada o ya no existe. Reasigne sus estrategias o márquela como inactiva en REAP Tracker.',
      channel_not_found: 'El canal no existe o la aplicación no puede verlo. Revise el canal elegido en la configuración de REAP Tracker.',
      not_in_channel: 'La aplicación no es miembro de ese canal. Invítela con /invite.',
      is_archived: 'El canal está archivado. Elija otro canal en la configuración de REAP Tracker.',
      message_rejected: 'Slack rechazó el mensaje en sí ({{code}}). Es un fallo de REAP Tracker; por favor, repórtelo.',
      unconfirmed: 'La conexión con Slack se cortó durante el envío y la aplicación no pudo comprobar si el mensaje llegó. No se volvió a enviar, para evitar un duplicado.',
      expired: 'Slack falló durante más de un día ({{code}}), así que el mensaje se descartó.',
      other: 'Slack respondió «{{code}}».',
    },
  },
};

const vi: Widen<typeof en> = {
  failure: {
    intro: 'REAP Tracker không gửi được một tin nhắn{{job}} tới {{target}}.',
    job: ' ({{job}})',
    outro: 'Tin nhắn sẽ không được gửi lại. Các tin nhắn khác tới {{target}} gặp cùng vấn đề sẽ thất bại mà không có thông báo mới.',
    reason: {
      person_gone: 'Tài khoản Slack của người này đã bị vô hiệu hóa hoặc không còn tồn tại. Hãy giao lại các chiến lược của họ, hoặc đánh dấu họ là không hoạt động trong REAP Tracker.',
      channel_not_found: 'Kênh không tồn tại, hoặc ứng dụng không thấy kênh đó. Hãy kiểm tra kênh đã chọn trong phần cài đặt của REAP Tracker.',
      not_in_channel: 'Ứng dụng không phải là thành viên của kênh đó. Hãy mời ứng dụng vào kênh bằng /invite.',
      is_archived: 'Kênh đã được lưu trữ. Hãy chọn kênh khác trong phần cài đặt của REAP Tracker.',
      message_rejected: 'Slack từ chối chính tin nhắn này ({{code}}). Đây là lỗi của REAP Tracker; vui lòng báo lại.',
      unconfirmed: 'Kết nối với Slack bị ngắt trong khi gửi và ứng dụng không kiểm tra được tin nhắn đã đến hay chưa. Tin nhắn không được gửi lại để tránh trùng lặp.',
      expired: 'Slack liên tục lỗi trong hơn một ngày ({{code}}), nên tin nhắn đã bị bỏ.',
      other: 'Slack trả lời “{{code}}”.',
    },
  },
};

export const OUTBOX_CATALOG = { en, es, vi };

const instance = i18next.createInstance();
void instance.init({
  resources: { en: { translation: { outbox: en } }, es: { translation: { outbox: es } }, vi: { translation: { outbox: vi } } },
  lng: 'en',
  fallbackLng: 'en',
  initAsync: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});

const PERSON_GONE = new Set(['account_inactive', 'user_not_found', 'user_disabled', 'user_not_visible', 'cannot_dm_bot', 'messages_tab_disabled']);
const MESSAGE_REJECTED = new Set([
  'invalid_blocks',
  'invalid_blocks_format',
  'msg_too_long',
  'msg_blocks_too_long',
  'no_text',
  'too_many_attachments',
  'invalid_attachments',
  'markdown_text_conflict',
  'invalid_metadata_format',
  'invalid_metadata_schema',
  'metadata_too_large',
]);

function reasonKey(cause: string): string {
  if (PERSON_GONE.has(cause)) return 'person_gone';
  if (MESSAGE_REJECTED.has(cause)) return 'message_rejected';
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
  const t = instance.getFixedT(lang);
  const target = mentionOf(facts.target);
  const job = facts.job ? t('outbox.failure.job', { job: facts.job }) : '';
  return [
    t('outbox.failure.intro', { job, target }),
    t(`outbox.failure.reason.${reasonKey(facts.cause)}`, { code: facts.code }),
    t('outbox.failure.outro', { target }),
  ].join('\n');
}

export function adminLanguage(member: { language: string | null; slackLocale: string | null }): Lang {
  return resolveLanguage(member.language, member.slackLocale);
}
