// The "Report as REAP update" message shortcut: what it says in or about the update form
// it fills in from a channel message. The form itself speaks through catalogs/update.ts.
import type { Widen } from '../types.js';

const en = {
  cannotSee:
    'REAP Tracker can’t read this conversation, so it can’t turn the message into an update. Invite it to the channel (`/invite @REAP Tracker`) and try again, or copy the text into `/reap update`.',
  shortened:
    'The message has {{length, number}} characters and “What was done” takes at most {{limit, number}}, so only the first part is filled in below. The whole message is linked under “Evidence link”.',
  shortenedNoLink:
    'The message has {{length, number}} characters and “What was done” takes at most {{limit, number}}, so only the first part is filled in below. I couldn’t get a link to the message: copy the rest from it if you need it.',
  noText: 'This message has no text to copy. Describe what was done below.',
  openFailed: 'I couldn’t open the form just now, so nothing changed. Please run “Report as REAP update” on the message again.',
};

const es: Widen<typeof en> = {
  cannotSee:
    'REAP Tracker no puede leer esta conversación, así que no puede convertir el mensaje en una actualización. Invítelo al canal (`/invite @REAP Tracker`) y vuelva a intentarlo, o copie el texto en `/reap update`.',
  shortened:
    'El mensaje tiene {{length, number}} caracteres y “Qué se hizo” admite como máximo {{limit, number}}, así que abajo solo se copió la primera parte. El mensaje completo está enlazado en “Enlace de evidencia”.',
  shortenedNoLink:
    'El mensaje tiene {{length, number}} caracteres y “Qué se hizo” admite como máximo {{limit, number}}, así que abajo solo se copió la primera parte. No pude obtener un enlace al mensaje: copie el resto desde él si lo necesita.',
  noText: 'Este mensaje no tiene texto que copiar. Describa abajo lo que se hizo.',
  openFailed: 'No pude abrir el formulario en este momento y no cambió nada. Vuelva a usar “Report as REAP update” en el mensaje.',
};

const vi: Widen<typeof en> = {
  cannotSee:
    'REAP Tracker không đọc được cuộc trò chuyện này nên không thể biến tin nhắn thành bản cập nhật. Hãy mời ứng dụng vào kênh (`/invite @REAP Tracker`) rồi thử lại, hoặc chép nội dung vào `/reap update`.',
  shortened:
    'Tin nhắn có {{length, number}} ký tự, còn ô “Đã làm được gì” chỉ nhận tối đa {{limit, number}}, nên bên dưới chỉ điền phần đầu. Toàn bộ tin nhắn được liên kết ở ô “Liên kết minh chứng”.',
  shortenedNoLink:
    'Tin nhắn có {{length, number}} ký tự, còn ô “Đã làm được gì” chỉ nhận tối đa {{limit, number}}, nên bên dưới chỉ điền phần đầu. Tôi không lấy được liên kết tới tin nhắn: hãy chép phần còn lại từ tin nhắn nếu cần.',
  noText: 'Tin nhắn này không có nội dung chữ để chép. Hãy mô tả việc đã làm bên dưới.',
  openFailed: 'Tôi chưa mở được biểu mẫu nên chưa có gì thay đổi. Vui lòng chạy lại “Report as REAP update” trên tin nhắn.',
};

export default { en, es, vi };
