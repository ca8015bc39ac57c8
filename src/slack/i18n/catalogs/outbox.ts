// What ORSE admins read when a message could not be delivered (src/jobs/outbox).
import type { Widen } from '../types.js';

const en = {
  failure: {
    intro: 'REAP Tracker could not deliver a message{{job}} to {{target}}.',
    job: ' ({{job}})',
    outro: 'It will not be retried. Other messages to {{target}} with the same problem fail without a new notice.',
    reason: {
      person_gone: 'This person’s Slack account is deactivated or no longer exists. Reassign their strategies, or mark them inactive in REAP Tracker.',
      channel_not_found: 'The channel does not exist, or the app cannot see it. Check the channel chosen in REAP Tracker’s settings.',
      dm_not_found:
        'Slack no longer knows the direct message with this person, even after the app opened it again. Ask them to open REAP Tracker’s Messages tab, or check that the app is still installed for them.',
      not_in_channel: 'The app is not a member of that channel. Invite it there with /invite.',
      is_archived: 'The channel is archived. Choose another channel in REAP Tracker’s settings.',
      message_rejected: 'Slack refused the message itself ({{code}}). This is a fault in REAP Tracker; please report it.',
      unconfirmed:
        'The connection to Slack broke while sending, and the app could not check whether the message arrived. It was not sent again, to avoid a duplicate.',
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
      dm_not_found:
        'Slack ya no reconoce el mensaje directo con esta persona, aun después de que la aplicación lo abrió de nuevo. Pídale que abra la pestaña Mensajes de REAP Tracker, o compruebe que la aplicación sigue instalada para esa persona.',
      not_in_channel: 'La aplicación no es miembro de ese canal. Invítela con /invite.',
      is_archived: 'El canal está archivado. Elija otro canal en la configuración de REAP Tracker.',
      message_rejected: 'Slack rechazó el mensaje en sí ({{code}}). Es un fallo de REAP Tracker; por favor, repórtelo.',
      unconfirmed:
        'La conexión con Slack se cortó durante el envío y la aplicación no pudo comprobar si el mensaje llegó. No se volvió a enviar, para evitar un duplicado.',
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
      person_gone:
        'Tài khoản Slack của người này đã bị vô hiệu hóa hoặc không còn tồn tại. Hãy giao lại các chiến lược của họ, hoặc đánh dấu họ là không hoạt động trong REAP Tracker.',
      channel_not_found: 'Kênh không tồn tại, hoặc ứng dụng không thấy kênh đó. Hãy kiểm tra kênh đã chọn trong phần cài đặt của REAP Tracker.',
      dm_not_found:
        'Slack không còn nhận ra tin nhắn trực tiếp với người này, kể cả sau khi ứng dụng đã mở lại. Hãy nhờ họ mở thẻ Tin nhắn của REAP Tracker, hoặc kiểm tra xem ứng dụng vẫn được cài cho họ.',
      not_in_channel: 'Ứng dụng không phải là thành viên của kênh đó. Hãy mời ứng dụng vào kênh bằng /invite.',
      is_archived: 'Kênh đã được lưu trữ. Hãy chọn kênh khác trong phần cài đặt của REAP Tracker.',
      message_rejected: 'Slack từ chối chính tin nhắn này ({{code}}). Đây là lỗi của REAP Tracker; vui lòng báo lại.',
      unconfirmed:
        'Kết nối với Slack bị ngắt trong khi gửi và ứng dụng không kiểm tra được tin nhắn đã đến hay chưa. Tin nhắn không được gửi lại để tránh trùng lặp.',
      expired: 'Slack liên tục lỗi trong hơn một ngày ({{code}}), nên tin nhắn đã bị bỏ.',
      other: 'Slack trả lời “{{code}}”.',
    },
  },
};

export default { en, es, vi };
