// /reap report [FY] [department]: the work-plan table as CSV and Markdown files. The table
// itself stays in English (it is the City's published document); these are the words around it.
import type { Widen } from '../types.js';

const en = {
  preparingLatest: 'Preparing the latest ORSE work-plan table…',
  preparingYear: 'Preparing the {{period}} table…',
  preparingDepartment: 'Preparing the {{period}} table for “{{department}}”…',
  preparingRef: 'Preparing the table for “{{ref}}”…',
  summary: '*{{title}}* ({{period}}): {{total}} strategies · {{counts}}',
  requestedBy: 'Requested by {{user}}. Columns: Objectives & Strategies | Progress | Performance Measures | Outputs.',
  csvTitle: '{{title}} (CSV)',
  markdownTitle: '{{title}} (Markdown)',
  noPlan: 'There is no ORSE work plan in REAP Tracker yet.',
  notInChannel:
    'I couldn’t post the files here because I’m not a member of this channel (private channels need an invitation). Invite me with `/invite @REAP Tracker`, or run the command in a direct message with me.',
  sentPrivately:
    'This report holds a department’s working plan, so I sent *{{title}}* to you in a direct message instead of posting it here. Run the command in the department’s own channel to share it there.',
  posted: 'Done: *{{title}}* is posted in this channel as a CSV and a Markdown file.',
  uploadFailed:
    'I couldn’t upload the table to this channel (Slack said: {{error}}). Nothing was posted. Please try again in a minute, or run the command in a direct message with me.',
  annualPreparing: 'Preparing the {{period}} annual report draft…',
  annualUsage: 'Name the fiscal year, for example `/reap report annual FY2023-2024`. Add `es` or `vi` at the end for a draft in Spanish or Vietnamese.',
  annualComment: 'Draft of *{{title}}*, as Markdown and HTML. It is generated from REAP Tracker’s data: review and edit it before publishing.',
  annualMarkdownTitle: '{{title}} (draft, Markdown)',
  annualHtmlTitle: '{{title}} (draft, HTML)',
  annualSent: 'Done: I sent the draft of *{{title}}* to you in a direct message, as a Markdown and an HTML file. It is a draft: review it before publishing.',
  annualUploadFailed: 'I couldn’t send you the draft (Slack said: {{error}}). Nothing was sent. Please try again in a minute.',
};

const es: Widen<typeof en> = {
  preparingLatest: 'Preparando la tabla más reciente del plan de trabajo de ORSE…',
  preparingYear: 'Preparando la tabla de {{period}}…',
  preparingDepartment: 'Preparando la tabla de {{period}} para “{{department}}”…',
  preparingRef: 'Preparando la tabla para “{{ref}}”…',
  summary: '*{{title}}* ({{period}}): {{total}} estrategias · {{counts}}',
  requestedBy:
    'Solicitado por {{user}}. Columnas: Objectives & Strategies | Progress | Performance Measures | Outputs (en inglés, como el documento publicado).',
  csvTitle: '{{title}} (CSV)',
  markdownTitle: '{{title}} (Markdown)',
  noPlan: 'Todavía no hay un plan de trabajo de ORSE en REAP Tracker.',
  notInChannel:
    'No pude publicar los archivos aquí porque no soy miembro de este canal (los canales privados necesitan una invitación). Invíteme con `/invite @REAP Tracker` o use el comando en un mensaje directo conmigo.',
  sentPrivately:
    'Este informe contiene el plan de trabajo de un departamento, así que le envié *{{title}}* por mensaje directo en lugar de publicarlo aquí. Escriba el comando en el canal del propio departamento para compartirlo allí.',
  posted: 'Listo: *{{title}}* está publicado en este canal como archivo CSV y Markdown.',
  uploadFailed:
    'No pude subir la tabla a este canal (Slack respondió: {{error}}). No se publicó nada. Vuelva a intentarlo en un minuto o use el comando en un mensaje directo conmigo.',
  annualPreparing: 'Preparando el borrador del informe anual de {{period}}…',
  annualUsage: 'Indique el año fiscal, por ejemplo `/reap report annual FY2023-2024`. Añada `es` o `vi` al final para un borrador en español o vietnamita.',
  annualComment: 'Borrador de *{{title}}*, en Markdown y HTML. Se generó a partir de los datos de REAP Tracker: revíselo y edítelo antes de publicarlo.',
  annualMarkdownTitle: '{{title}} (borrador, Markdown)',
  annualHtmlTitle: '{{title}} (borrador, HTML)',
  annualSent: 'Listo: le envié el borrador de *{{title}}* por mensaje directo, como archivo Markdown y HTML. Es un borrador: revíselo antes de publicarlo.',
  annualUploadFailed: 'No pude enviarle el borrador (Slack respondió: {{error}}). No se envió nada. Vuelva a intentarlo en un minuto.',
};

const vi: Widen<typeof en> = {
  preparingLatest: 'Đang chuẩn bị bảng kế hoạch làm việc mới nhất của ORSE…',
  preparingYear: 'Đang chuẩn bị bảng {{period}}…',
  preparingDepartment: 'Đang chuẩn bị bảng {{period}} cho “{{department}}”…',
  preparingRef: 'Đang chuẩn bị bảng cho “{{ref}}”…',
  summary: '*{{title}}* ({{period}}): {{total}} chiến lược · {{counts}}',
  requestedBy:
    'Người yêu cầu: {{user}}. Các cột: Objectives & Strategies | Progress | Performance Measures | Outputs (bằng tiếng Anh, như tài liệu đã công bố).',
  csvTitle: '{{title}} (CSV)',
  markdownTitle: '{{title}} (Markdown)',
  noPlan: 'REAP Tracker chưa có kế hoạch làm việc nào của ORSE.',
  notInChannel:
    'Tôi không thể đăng tệp ở đây vì tôi không phải là thành viên của kênh này (kênh riêng tư cần được mời). Hãy mời tôi bằng `/invite @REAP Tracker`, hoặc dùng lệnh trong tin nhắn trực tiếp với tôi.',
  sentPrivately:
    'Báo cáo này chứa kế hoạch làm việc của một phòng ban, nên tôi đã gửi *{{title}}* cho bạn qua tin nhắn trực tiếp thay vì đăng ở đây. Hãy chạy lệnh trong kênh riêng của phòng ban đó để chia sẻ ở đó.',
  posted: 'Xong: *{{title}}* đã được đăng trong kênh này dưới dạng tệp CSV và Markdown.',
  uploadFailed:
    'Tôi không thể tải bảng lên kênh này (Slack trả lời: {{error}}). Chưa có gì được đăng. Vui lòng thử lại sau một phút, hoặc dùng lệnh trong tin nhắn trực tiếp với tôi.',
  annualPreparing: 'Đang chuẩn bị bản nháp báo cáo thường niên {{period}}…',
  annualUsage:
    'Hãy ghi năm tài chính, ví dụ `/reap report annual FY2023-2024`. Thêm `es` hoặc `vi` ở cuối để có bản nháp bằng tiếng Tây Ban Nha hoặc tiếng Việt.',
  annualComment: 'Bản nháp của *{{title}}*, dạng Markdown và HTML. Bản nháp được tạo từ dữ liệu của REAP Tracker: hãy xem lại và chỉnh sửa trước khi công bố.',
  annualMarkdownTitle: '{{title}} (bản nháp, Markdown)',
  annualHtmlTitle: '{{title}} (bản nháp, HTML)',
  annualSent:
    'Xong: tôi đã gửi bản nháp của *{{title}}* cho bạn qua tin nhắn trực tiếp, dưới dạng tệp Markdown và HTML. Đây là bản nháp: hãy xem lại trước khi công bố.',
  annualUploadFailed: 'Tôi không thể gửi bản nháp cho bạn (Slack trả lời: {{error}}). Chưa có gì được gửi. Vui lòng thử lại sau một phút.',
};

export default { en, es, vi };
